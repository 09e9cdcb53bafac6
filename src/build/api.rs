//! The JSON API: three response shapes and their schema.
//!
//! Envelopes are written by hand around the KPIs' canonical text
//! ([`crate::fmt::canonical`]), so every KPI object keeps its values exactly as
//! written in its file (`1.0`, big integers, escapes) in the canonical key
//! order. Layout: two-space indentation, LF, a final newline.

use super::{Entry, Input};

/// Where a version's immutable snapshot goes (the same bytes as `index.json`).
pub fn snapshot_path(version: &str) -> String {
    format!("api/ontology/v/{version}/index.json")
}

fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// `text` re-indented to sit at `level` (JSON text holds no raw newline inside strings).
fn indented(text: &str, level: usize) -> String {
    let pad = "  ".repeat(level);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    out.push_str(&pad);
    out.push_str(&text.replace('\n', &format!("\n{pad}")));
    out
}

fn head(input: &Input<'_>) -> String {
    format!("{{\n  \"version\": {},\n  \"releasedAt\": {},\n", string(&input.version), string(&input.released_at))
}

fn kpi_list<'e>(out: &mut String, kpis: impl Iterator<Item = &'e Entry<'e>>) {
    out.push_str("  \"kpis\": [");
    let mut any = false;
    for (i, e) in kpis.enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&indented(&e.json, 2));
        any = true;
    }
    out.push_str(if any { "\n  ]\n}\n" } else { "]\n}\n" });
}

/// `index.json` (and the snapshot): `{version, releasedAt, kpis}`, KPIs by rogueId.
pub fn catalog_response(input: &Input<'_>) -> String {
    let mut out = head(input);
    out.reserve(input.kpis.iter().map(|e| e.json.len() + e.json.len() / 4).sum());
    kpi_list(&mut out, input.kpis.iter());
    out
}

/// `<domain>.json`: `{version, releasedAt, domain, kpis}`.
pub fn domain_response(input: &Input<'_>, domain: &str) -> String {
    let mut out = head(input);
    out.push_str(&format!("  \"domain\": {},\n", string(domain)));
    kpi_list(&mut out, input.kpis.iter().filter(|e| e.domain == domain));
    out
}

/// `<domain>/<slug>.json`: `{version, releasedAt, kpi}`.
pub fn kpi_response(input: &Input<'_>, e: &Entry<'_>) -> String {
    let mut out = head(input);
    out.push_str("  \"kpi\": ");
    out.push_str(indented(&e.json, 1).trim_start());
    out.push_str("\n}\n");
    out
}

/// `schema.json`: one JSON Schema (draft 2020-12) with a definition per
/// response shape; every file of the API validates against it. The KPI
/// definition is the catalog's own KPI schema, embedded.
pub fn schema() -> String {
    let kpi: serde_json::Value = crate::schema::find("kpi")
        .and_then(|s| serde_json::from_str(s.text).ok())
        .unwrap_or_else(|| serde_json::json!({"type": "object"}));
    let common = |extra: serde_json::Value, required: &[&str]| {
        let mut props = serde_json::json!({
            "version": { "$ref": "#/$defs/version" },
            "releasedAt": { "$ref": "#/$defs/releasedAt" }
        });
        if let (Some(p), Some(e)) = (props.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        serde_json::json!({
            "type": "object",
            "additionalProperties": false,
            "required": required,
            "properties": props
        })
    };
    let value = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ontolint.dev/schemas/api.schema.json",
        "title": "ontolint catalog API",
        "description": "The published catalog: api/ontology/index.json and v/<version>/index.json (catalogResponse), api/ontology/<domain>.json (domainResponse), api/ontology/<domain>/<slug>.json (kpiResponse).",
        "oneOf": [
            { "$ref": "#/$defs/catalogResponse" },
            { "$ref": "#/$defs/domainResponse" },
            { "$ref": "#/$defs/kpiResponse" }
        ],
        "$defs": {
            "version": {
                "type": "string",
                "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"
            },
            "releasedAt": { "type": "string", "format": "date" },
            "catalogResponse": common(
                serde_json::json!({ "kpis": { "type": "array", "items": { "$ref": "#/$defs/kpi" } } }),
                &["version", "releasedAt", "kpis"]
            ),
            "domainResponse": common(
                serde_json::json!({
                    "domain": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
                    "kpis": { "type": "array", "items": { "$ref": "#/$defs/kpi" } }
                }),
                &["version", "releasedAt", "domain", "kpis"]
            ),
            "kpiResponse": common(
                serde_json::json!({ "kpi": { "$ref": "#/$defs/kpi" } }),
                &["version", "releasedAt", "kpi"]
            ),
            "kpi": kpi
        }
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_a_valid_draft_2020_12_schema_that_compiles() {
        let v: serde_json::Value = serde_json::from_str(&schema()).unwrap();
        assert!(jsonschema::meta::is_valid(&v));
        let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&v).unwrap();
        let bad = serde_json::json!({"version": "1.0.0", "releasedAt": "2026-12-04", "kpis": [{"rogueId": 1}]});
        assert!(!validator.is_valid(&bad));
        let empty = serde_json::json!({"version": "1.0.0", "releasedAt": "2026-12-04", "domain": "sales", "kpis": []});
        assert!(validator.is_valid(&empty));
    }

    #[test]
    fn indentation_moves_every_line() {
        assert_eq!(indented("{\n  \"a\": 1\n}", 2), "    {\n      \"a\": 1\n    }");
    }
}
