//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues).

use super::{Positions, Sources};
use crate::findings::{Finding, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// Code Quality's name of a severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// One issue per finding; a finding without a span is at line 1.
pub fn gitlab(sources: Sources<'_>, findings: &[Finding]) -> String {
    let pos = Positions::new(sources, findings);
    let issues: Vec<Issue<'_>> = findings
        .iter()
        .map(|f| {
            let (start, _) = pos.range(&f.location);
            Issue {
                description: format!("{}: {}", f.rule.code, super::sarif::message_with_rev(f)),
                check_name: f.rule.code,
                fingerprint: &f.fingerprint,
                severity: severity(f.severity),
                location: Location { path: &f.location.file, lines: Lines { begin: start.line } },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).expect("plain data always serialises");
    out.push('\n');
    out
}
