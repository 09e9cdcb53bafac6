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

    /// Which of the rogueIds `ids` (absent from this state) the catalog's git
    /// history has had: only a work tree inside a repository can say.
    fn past_kpis(&self, _ids: &[String]) -> PastKpis {
        PastKpis::NoHistory(format!("{} has no git history to search", self.describe()))
    }
}

/// What the git history says about KPIs a catalog no longer has (disputes
/// about a removed KPI stay valid). Searched only when a dispute names a KPI
/// that is missing now, so `check` stays fast.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PastKpis {
    /// No search was made (no dispute names a missing KPI).
    #[default]
    NotSearched,
    /// There is no history to search; the reason, for the help line.
    NoHistory(String),
    /// The ids found in some commit reachable from HEAD; `shallow` when the
    /// clone's history is cut short (an id may be older than it).
    Searched { found: std::collections::BTreeSet<String>, shallow: bool },
}
