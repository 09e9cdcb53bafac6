//! A KPI's timeline from git: every commit that changed it, matched by
//! rogueId across file moves.
//!
//! The walk compares each commit's `ontology/` subtree with its parent's by
//! object id and, where they differ, diffs the two trees: only the blobs that
//! changed are read. The KPI's place (path and blob) is carried from parent to
//! child; a changed blob is parsed only to read its rogueId. The changes of a
//! commit are classified by the `diff` classifier on the KPI alone, so the
//! change kinds are the ones `ontolint diff` reports.

mod walk;

pub use walk::{Options, timeline};

use crate::diff::{Bump, ChangeKind};
use serde::Serialize;

/// What a commit did to the KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    Added,
    Changed,
    /// The file moved; its content means the same.
    Moved,
    /// The bytes changed but not the data (key order, whitespace, number spelling).
    Reformatted,
    Removed,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Added => "added",
            Event::Changed => "changed",
            Event::Moved => "moved",
            Event::Reformatted => "reformatted",
            Event::Removed => "removed",
        }
    }
}

/// One commit of the timeline.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub commit: String,
    pub short: String,
    /// The author date (YYYY-MM-DD, in the author's time zone).
    pub date: String,
    pub subject: String,
    /// The catalog version (catalog.json) at this commit.
    pub version: Option<String>,
    /// The catalog version at the parent the change is measured against.
    pub previous_version: Option<String>,
    pub event: Event,
    /// The change kinds, as `ontolint diff` names them.
    pub kinds: Vec<ChangeKind>,
    /// The fields that changed (top-level keys, `definitionSource.tier` style inside the source).
    pub fields: Vec<String>,
    /// The bump these changes require.
    pub bump: Bump,
    /// The KPI's tier at this commit (before it, when the commit removed it).
    pub tier: Option<String>,
    /// The KPI's file at this commit (before it, when the commit removed it).
    pub path: String,
    /// The file it was in before, when the commit moved it.
    pub moved_from: Option<String>,
    /// Whether the commit is a merge.
    pub merge: bool,
}

/// The timeline of one KPI, oldest commit first.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub kpi: String,
    /// `first-parent` or `all`.
    pub walk: &'static str,
    /// Commits walked.
    pub commits: usize,
    pub entries: Vec<Entry>,
}
