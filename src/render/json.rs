//! `--format json`: a stable, documented shape (see README "JSON output").

use super::{Positions, Sources};
use crate::findings::{Finding, Summary};
use serde::Serialize;

/// Version of the JSON shape; bumped on any breaking change to it.
pub const JSON_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    #[serde(rename = "schemaVersion")]
    schema_version: u32,
    tool: Tool,
    summary: &'a Summary,
    /// Present for `diff`: the states compared, required vs declared, every change.
    #[serde(skip_serializing_if = "Option::is_none")]
    versioning: Option<&'a serde_json::Value>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFinding<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    file: &'a str,
    /// The base commit when the location is in the base state (a removed KPI).
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a str>,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    kpi: Option<&'a str>,
    fingerprint: &'a str,
    related: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    file: &'a str,
    pointer: &'a str,
    line: usize,
    column: usize,
}

pub fn json(
    sources: Sources<'_>,
    findings: &[Finding],
    summary: &Summary,
    versioning: Option<&serde_json::Value>,
) -> String {
    let pos = Positions::new(sources, findings);
    let findings = findings
        .iter()
        .map(|f| {
            let (start, end) = pos.range(&f.location);
            JsonFinding {
                code: f.rule.code,
                name: f.rule.name,
                severity: f.severity.as_str(),
                message: &f.message,
                help: f.help.as_deref(),
                file: &f.location.file,
                revision: f.location.rev.as_deref(),
                pointer: &f.location.pointer,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                kpi: f.kpi.as_deref(),
                fingerprint: &f.fingerprint,
                related: f
                    .labels
                    .iter()
                    .map(|l| {
                        let (p, _) = pos.range(&l.location);
                        JsonLabel {
                            message: &l.message,
                            file: &l.location.file,
                            pointer: &l.location.pointer,
                            line: p.line,
                            column: p.column,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = Report {
        schema_version: JSON_SCHEMA_VERSION,
        tool: Tool { name: "ontolint", version: env!("CARGO_PKG_VERSION") },
        summary,
        versioning,
        findings,
    };
    let mut out = serde_json::to_string_pretty(&report).expect("plain data always serialises");
    out.push('\n');
    out
}
