//! Comparing two states of a catalog: the changes and the bumps they require.

pub mod bump;
pub mod changes;
pub mod value;

pub use bump::{Bump, declared};
pub use changes::{Change, ChangeKind, Side, compare, compare_schemas, required};

use crate::model::Catalog;

/// Two states of a catalog and what changed between them; what diff rules see.
pub struct Comparison<'a> {
    pub base: &'a Catalog,
    /// Short commit id of the base, used in locations (`path@rev`).
    pub base_rev: String,
    /// How the base was chosen, for messages.
    pub base_how: String,
    /// What the head is: "the working tree", "the index", "commit 1a2b3c4".
    pub head_label: String,
    pub changes: Vec<Change>,
    pub required: Bump,
    /// The changelog when one applies (configured, or present in either state):
    /// its path and its text at head (`None` when it does not exist there).
    pub changelog: Option<(String, Option<String>)>,
    /// Release snapshots, when configured: their folder and every file of it
    /// in the base and in the head (root-relative path → bytes).
    pub snapshots: Option<Snapshots>,
}

/// The committed release snapshots of both states.
#[derive(Debug, Clone, Default)]
pub struct Snapshots {
    pub dir: String,
    pub base: std::collections::BTreeMap<String, Vec<u8>>,
    pub head: std::collections::BTreeMap<String, Vec<u8>>,
}
