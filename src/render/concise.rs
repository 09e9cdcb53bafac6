use super::{Positions, Sources, display_path, summary_line};
use crate::findings::{Finding, Summary};
use std::fmt::Write;

/// `path:line:col: severity[CODE] message`, one line per finding, then the summary.
pub fn concise(sources: Sources<'_>, findings: &[Finding], summary: &Summary) -> String {
    let pos = Positions::new(sources, findings);
    let mut out = String::new();
    for f in findings {
        let (start, _) = pos.range(&f.location);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            display_path(&f.location),
            start.line,
            start.column,
            f.severity,
            f.code(),
            super::printable(&f.message).replace('\n', "\\n")
        );
    }
    let _ = writeln!(out, "{}", summary_line(summary));
    out
}
