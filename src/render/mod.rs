//! Renderers: they format findings and never decide anything.

mod concise;
pub mod escape;
mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;

pub use concise::concise;
pub use github::{escape_data as github_escape_data, escape_property as github_escape_property, github, step_summary};
pub use gitlab::gitlab;
pub use human::human;
pub use json::json;
pub use junit::junit;
pub use sarif::{FINGERPRINT_KEY, sarif, uri_of};

use crate::findings::Finding;
use crate::model::Catalog;
use crate::parse::LineIndex;
use crate::parse::line_index::Position;
use std::collections::HashMap;

/// The catalogs findings point into: the head and, for `diff`, the base.
#[derive(Clone, Copy)]
pub struct Sources<'c> {
    pub head: &'c Catalog,
    pub base: Option<(&'c Catalog, &'c str)>,
    /// A file outside the catalog that findings point into: `ontolint.toml` (path, text).
    pub config: Option<(&'c str, &'c str)>,
}

impl<'c> Sources<'c> {
    pub fn head(head: &'c Catalog) -> Self {
        Sources { head, base: None, config: None }
    }

    /// The text of a file in the head (`rev` `None`) or in the base.
    pub fn text(&self, file: &str, rev: Option<&str>) -> Option<&'c str> {
        if let (None, Some((path, text))) = (rev, self.config)
            && path == file
        {
            return Some(text);
        }
        let catalog = match (rev, self.base) {
            (None, _) => self.head,
            (Some(r), Some((base, base_rev))) if r == base_rev => base,
            _ => return None,
        };
        catalog.files.iter().find(|f| f.path == file).map(|f| f.text.as_str())
    }
}

/// Characters a terminal would interpret: C0/C1 controls (except tab and
/// line breaks) and the bidi overrides that can reorder what a reader sees.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A message or path for a terminal: unsafe characters and line breaks escaped (`\u{1b}`).
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\r') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\r' => "\\r".to_string(),
                c if is_unsafe(c) => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// Source text for a terminal: each unsafe character replaced by a placeholder
/// of the same UTF-8 length (so byte spans stay valid), a lone CR by LF.
pub fn same_length_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            c if is_unsafe(c) => out.push(match c.len_utf8() {
                1 => '?',
                2 => '¿',
                _ => '\u{fffd}',
            }),
            c => out.push(c),
        }
    }
    out
}

/// How a location's file is named in output: `path`, or `path@rev` in the base.
pub fn display_path(loc: &crate::findings::Location) -> String {
    let file = printable(&loc.file).replace('\n', "\\n");
    match &loc.rev {
        Some(rev) => format!("{file}@{rev}"),
        None => file,
    }
}

/// Line/column lookup for the files that carry findings; built once per render.
pub struct Positions<'c> {
    sources: Sources<'c>,
    indexes: HashMap<(String, Option<String>), (&'c str, LineIndex)>,
}

impl<'c> Positions<'c> {
    pub fn new(sources: Sources<'c>, findings: &[Finding]) -> Self {
        let mut indexes = HashMap::new();
        for f in findings {
            for loc in std::iter::once(&f.location).chain(f.labels.iter().map(|l| &l.location)) {
                let key = (loc.file.clone(), loc.rev.clone());
                if indexes.contains_key(&key) {
                    continue;
                }
                if let Some(text) = sources.text(&loc.file, loc.rev.as_deref()) {
                    indexes.insert(key, (text, LineIndex::new(text)));
                }
            }
        }
        Positions { sources, indexes }
    }

    /// Start and end positions of a location's span; `(1,1)` when unknown.
    pub fn range(&self, loc: &crate::findings::Location) -> (Position, Position) {
        let unknown = Position { line: 1, column: 1 };
        match (self.indexes.get(&(loc.file.clone(), loc.rev.clone())), &loc.span) {
            (Some((text, index)), Some(span)) => (index.position(text, span.start), index.position(text, span.end)),
            _ => (unknown, unknown),
        }
    }

    pub fn text(&self, loc: &crate::findings::Location) -> Option<&'c str> {
        self.sources.text(&loc.file, loc.rev.as_deref())
    }
}

/// The one-line summary every format ends with.
pub fn summary_line(s: &crate::findings::Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "Checked {} ({}): {}, {}, {}",
        plural(s.files, "file"),
        plural(s.kpis, "KPI"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info")
    )
}
