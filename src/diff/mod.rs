//! Comparing two states of a catalog: the changes and the bumps they require.

pub mod bump;
pub mod changes;
pub mod value;

pub use bump::{Bump, declared};
pub use changes::{Change, ChangeKind, Side, compare, required};

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
    /// The text of the changelog at head, when one is configured and exists.
    pub changelog: Option<(String, String)>,
}
