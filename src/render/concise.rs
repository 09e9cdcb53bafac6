use super::{Positions, summary_line};
use crate::findings::{Finding, Summary};
use crate::model::Catalog;
use std::fmt::Write;

/// `path:line:col: severity[CODE] message`, one line per finding, then the summary.
pub fn concise(catalog: &Catalog, findings: &[Finding], summary: &Summary) -> String {
    let pos = Positions::new(catalog, findings);
    let mut out = String::new();
    for f in findings {
        let (start, _) = pos.range(&f.location.file, f.location.span.as_ref());
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            f.location.file,
            start.line,
            start.column,
            f.severity,
            f.code(),
            f.message
        );
    }
    let _ = writeln!(out, "{}", summary_line(summary));
    out
}
