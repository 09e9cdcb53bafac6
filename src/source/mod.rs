//! Where catalog files come from. `check` reads the working tree; the
//! versioning commands will add the git index and commits behind the same trait.

pub mod git;
pub mod resolve;
mod worktree;

pub use worktree::WorkTree;

use crate::error::Result;

/// The folder, relative to the catalog root, that holds the ontology, unless
/// ontolint.toml names another (`ontology = "…"`).
pub const ONTOLOGY_DIR: &str = "ontology";
/// Sub-folders of the ontology that are not KPI domains.
pub const RESERVED_DIRS: &[&str] = &["disputes", "flows"];

/// A snapshot of a catalog: lists and reads files by root-relative path (`/`-separated).
pub trait Source: Sync {
    /// Every JSON file of the ontology, sorted.
    fn list(&self) -> Result<Vec<String>>;
    fn read(&self, path: &str) -> Result<Vec<u8>>;
    /// A name for messages (a directory, a commit).
    fn describe(&self) -> String;
    /// The folder of the ontology, relative to the catalog root (`ontology`
    /// unless ontolint.toml says otherwise).
    fn ontology_dir(&self) -> &str {
        ONTOLOGY_DIR
    }
}
