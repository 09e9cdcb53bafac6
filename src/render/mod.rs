//! Renderers: they format findings and never decide anything.

mod concise;
mod human;
mod json;

pub use concise::concise;
pub use human::human;
pub use json::json;

use crate::findings::Finding;
use crate::model::Catalog;
use crate::parse::LineIndex;
use crate::parse::line_index::Position;
use std::collections::HashMap;

/// Line/column lookup for the files that carry findings; built once per render.
pub struct Positions<'c> {
    catalog: &'c Catalog,
    indexes: HashMap<&'c str, (usize, LineIndex)>,
}

impl<'c> Positions<'c> {
    pub fn new(catalog: &'c Catalog, findings: &[Finding]) -> Self {
        let mut indexes = HashMap::new();
        for f in findings {
            let path = f.location.file.as_str();
            let files = std::iter::once(path).chain(f.labels.iter().map(|l| l.location.file.as_str()));
            for p in files {
                if indexes.contains_key(p) {
                    continue;
                }
                if let Some((i, file)) = catalog.files.iter().enumerate().find(|(_, s)| s.path == p) {
                    indexes.insert(file.path.as_str(), (i, LineIndex::new(&file.text)));
                }
            }
        }
        Positions { catalog, indexes }
    }

    /// Start and end positions of a span in a file; `(1,1)` when unknown.
    pub fn range(&self, file: &str, span: Option<&crate::parse::Span>) -> (Position, Position) {
        let unknown = Position { line: 1, column: 1 };
        match (self.indexes.get(file), span) {
            (Some((i, index)), Some(span)) => {
                let text = &self.catalog.files[*i].text;
                (index.position(text, span.start), index.position(text, span.end))
            }
            _ => (unknown, unknown),
        }
    }

    pub fn text(&self, file: &str) -> Option<&'c str> {
        self.indexes.get(file).map(|(i, _)| self.catalog.files[*i].text.as_str())
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
