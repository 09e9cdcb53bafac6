//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it.
//!
//! `tool.driver.rules` lists every rule of the registry (so an alert keeps its
//! documentation even when the rule is quiet in this run); each result points
//! at its file by a root-relative, percent-encoded URI against `%SRCROOT%`.
//! Columns count Unicode scalar values, as in every other format, and the run
//! says so (`columnKind: unicodeCodePoints`). A finding without a span
//! (catalog-level, or in a file that is not in the catalog) is placed at line 1
//! of its file; a finding in the base state of `diff` (a removed file) is
//! placed at the same path and its message names the base revision.

use super::{Positions, Sources};
use crate::findings::{Category, Finding, RuleMeta, Severity};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/ontolint/ontolint";
/// The key of the stable fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "ontolint/v1";
const SRCROOT: &str = "%SRCROOT%";

/// Everything but RFC 3986's unreserved characters is escaped in a path
/// segment (`/` separates segments and is kept).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A root-relative path (`/` separators) as a relative URI reference.
pub fn uri_of(path: &str) -> String {
    path.split('/').map(|s| utf8_percent_encode(s, SEGMENT).to_string()).collect::<Vec<_>>().join("/")
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    original_uri_base_ids: serde_json::Value,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, &'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

/// SARIF's name of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn category_tag(c: Category) -> &'static str {
    c.name()
}

/// A finding's message, naming the base revision when it points into the base.
pub fn message_with_rev(f: &Finding) -> String {
    match &f.location.rev {
        Some(rev) => format!("{} (in base revision {rev})", f.message),
        None => f.message.clone(),
    }
}

fn physical(pos: &Positions<'_>, loc: &crate::findings::Location) -> PhysicalLocation {
    let region = if loc.span.is_some() && pos.text(loc).is_some() {
        let (start, end) = pos.range(loc);
        Region {
            start_line: start.line,
            start_column: Some(start.column),
            end_line: Some(end.line),
            end_column: Some(end.column),
        }
    } else {
        Region { start_line: 1, start_column: None, end_line: None, end_column: None }
    };
    PhysicalLocation { artifact_location: ArtifactLocation { uri: uri_of(&loc.file), uri_base_id: SRCROOT }, region }
}

/// The SARIF log of a run. `tool.driver.rules` is the whole registry, in
/// code order; a result's `ruleIndex` is its rule's position there.
pub fn sarif(sources: Sources<'_>, findings: &[Finding]) -> String {
    let rules: Vec<&'static RuleMeta> = crate::rules::RULES.iter().map(|r| r.meta()).collect();
    let pos = Positions::new(sources, findings);
    let driver_rules = rules
        .iter()
        .map(|r| {
            let docs = r.docs_for_display();
            Rule {
                id: r.code,
                name: r.name,
                short_description: Text { text: r.summary().to_string() },
                full_description: Text { text: docs.trim_end().to_string() },
                help: Help { text: docs.clone(), markdown: docs },
                help_uri: r.help_uri(),
                default_configuration: Configuration { level: level(r.default_severity) },
                properties: RuleProperties { tags: vec![category_tag(r.category)] },
            }
        })
        .collect();
    let results = findings
        .iter()
        .map(|f| SarifResult {
            rule_id: f.rule.code,
            rule_index: rules.iter().position(|r| r.code == f.rule.code).unwrap_or(0),
            level: level(f.severity),
            message: Text { text: message_with_rev(f) },
            locations: vec![Location { physical_location: physical(&pos, &f.location) }],
            related_locations: f
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| RelatedLocation {
                    id: i + 1,
                    physical_location: physical(&pos, &l.location),
                    message: Text { text: l.message.clone() },
                })
                .collect(),
            partial_fingerprints: [(FINGERPRINT_KEY, f.fingerprint.as_str())].into_iter().collect(),
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "ontolint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: driver_rules,
                },
            },
            original_uri_base_ids: serde_json::json!({
                SRCROOT: {"description": {"text": "The catalog root (the folder that holds ontology/)."}}
            }),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).expect("plain data always serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_per_segment() {
        assert_eq!(uri_of("ontology/sales/arr.json"), "ontology/sales/arr.json");
        assert_eq!(uri_of("ontology/sales/win rate.json"), "ontology/sales/win%20rate.json");
        assert_eq!(uri_of("ontology/a%b/c#d?.json"), "ontology/a%25b/c%23d%3F.json");
        assert_eq!(uri_of("ontology/é:x.json"), "ontology/%C3%A9%3Ax.json");
    }
}
