//! The canonical layout of a KPI file, written by `ontolint fmt`.
//!
//! Keys follow DESIGN §2.1 (unknown keys after the known ones, in their
//! original order; `definitionSource`, `benchmark`, `stageRelevance` and
//! `metricBasis` have their own order, other nested objects keep theirs);
//! two-space indentation, one array item per line, UTF-8 without BOM, LF line
//! ends and a final newline.
//!
//! Values are never re-encoded: the formatter works on the syntax tree of the
//! source ([`crate::parse::syntax`]), whose scalars are their raw text, so
//! `1.0`, `1e3`, `12345678901234567890123` and `"\u00e9"` stay exactly as
//! written. As a last guard, the output is parsed again and must hold the
//! same data as the input, or nothing is returned.

use crate::model::kpi::STAGES;
use crate::parse::{Member, Syntax};

/// The canonical order of a KPI's top-level keys.
pub const KPI_ORDER: &[&str] = &[
    "rogueId",
    "slug",
    "domain",
    "defaultLabel",
    "description",
    "fieldType",
    "unit",
    "maturity",
    "suggestedForStages",
    "defaultOwningFunctions",
    "stageRelevance",
    "definitionSource",
    "benchmark",
    "formula",
    "whyItMatters",
    "interpretationGuidance",
    "relatedKpiIds",
    "metricBasis",
    "calculationPolicy",
];

/// The key order of the nested objects that have one (DESIGN §2.1, §2.2).
pub const NESTED_ORDER: &[(&str, &[&str])] = &[
    (
        "definitionSource",
        &["tier", "sourceName", "sourceUrl", "sectionRef", "publicationDate", "attributionNotice", "authorityLevel"],
    ),
    ("benchmark", &["p25", "median", "p75", "unit", "sourceName", "sourceYear", "higherIsBetter"]),
    ("stageRelevance", STAGES),
    ("metricBasis", &["timeBasis", "moneyBasis", "cohortBasis", "dateBasis", "production"]),
];

/// Why a file cannot be formatted; it is then left untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes are not UTF-8 from this offset on.
    InvalidUtf8 { offset: usize },
    /// Not valid JSON.
    Syntax { offset: usize, message: String },
    /// A key occurs twice in one object: which value is meant is for a person to decide.
    DuplicateKey { offset: usize, key: String },
    /// The formatted text would not hold the same data (a bug; never written).
    ValueChanged,
}

impl FormatError {
    /// The byte offset the error points at.
    pub fn offset(&self) -> usize {
        match self {
            FormatError::InvalidUtf8 { offset }
            | FormatError::Syntax { offset, .. }
            | FormatError::DuplicateKey { offset, .. } => *offset,
            FormatError::ValueChanged => 0,
        }
    }

    pub fn message(&self) -> String {
        match self {
            FormatError::InvalidUtf8 { .. } => "the file is not valid UTF-8".to_string(),
            FormatError::Syntax { message, .. } => format!("invalid JSON: {message}"),
            FormatError::DuplicateKey { key, .. } => format!("duplicate key `{key}`"),
            FormatError::ValueChanged => "formatting would change a value (a bug in ontolint: please report it)".into(),
        }
    }
}

/// The canonical text of a KPI file. Equal to the input bytes when the file
/// is already formatted.
pub fn format_kpi(bytes: &[u8]) -> Result<String, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| FormatError::InvalidUtf8 { offset: e.valid_up_to() })?;
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let syntax_error = |e: crate::parse::SyntaxError| FormatError::Syntax { offset: e.offset, message: e.message };
    let parsed = crate::parse::parse(text, start).map_err(syntax_error)?;
    if let Some(d) = parsed.duplicates.first() {
        return Err(FormatError::DuplicateKey { offset: d.second.start, key: d.key.clone() });
    }
    let tree = crate::parse::syntax(text, start).map_err(syntax_error)?;
    let mut out = canonical(&tree);
    out.push('\n');
    match crate::parse::parse(&out, 0) {
        Ok(again) if again.value == parsed.value && again.duplicates.is_empty() => Ok(out),
        _ => Err(FormatError::ValueChanged),
    }
}

/// The canonical text of a parsed KPI (no final newline): what `fmt` writes,
/// and what `build` embeds in the JSON API and `import` writes. Scalars are
/// copied from the source text, so values stay exactly as written.
pub fn canonical(tree: &Syntax) -> String {
    let mut out = String::with_capacity(4096);
    write_value(&mut out, tree, 0, Some(KPI_ORDER));
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Writes `node` at nesting `level`; `order` is the key order of this object
/// when it has one (the root, and the root's known nested objects).
fn write_value(out: &mut String, node: &Syntax, level: usize, order: Option<&[&str]>) {
    match node {
        Syntax::Scalar(raw) => out.push_str(raw),
        Syntax::Array(items) if items.is_empty() => out.push_str("[]"),
        Syntax::Object(members) if members.is_empty() => out.push_str("{}"),
        Syntax::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, level + 1);
                write_value(out, item, level + 1, None);
            }
            out.push('\n');
            indent(out, level);
            out.push(']');
        }
        Syntax::Object(members) => {
            let is_root = level == 0;
            out.push('{');
            for (i, member) in ordered(members, order.unwrap_or(&[])).into_iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, level + 1);
                out.push_str(member.raw_key);
                out.push_str(": ");
                let nested = if is_root && order.is_some() { nested_order(&member.key) } else { None };
                write_value(out, &member.value, level + 1, nested);
            }
            out.push('\n');
            indent(out, level);
            out.push('}');
        }
    }
}

fn nested_order(key: &str) -> Option<&'static [&'static str]> {
    NESTED_ORDER.iter().find(|(k, _)| *k == key).map(|(_, order)| *order)
}

/// The members in `order`, then the others in their original order.
fn ordered<'m, 'a>(members: &'m [Member<'a>], order: &[&str]) -> Vec<&'m Member<'a>> {
    let mut out: Vec<&Member> = order.iter().filter_map(|k| members.iter().find(|m| m.key == *k)).collect();
    out.extend(members.iter().filter(|m| !order.contains(&m.key.as_str())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format_kpi(text.as_bytes()).unwrap()
    }

    #[test]
    fn orders_top_level_keys_and_keeps_unknown_ones_after_them_in_order() {
        let out = fmt(r#"{"zeta": 1, "slug": "arr", "alpha": 2, "rogueId": "sales.arr"}"#);
        assert_eq!(out, "{\n  \"rogueId\": \"sales.arr\",\n  \"slug\": \"arr\",\n  \"zeta\": 1,\n  \"alpha\": 2\n}\n");
    }

    #[test]
    fn orders_known_nested_objects_only() {
        let out = fmt(concat!(
            r#"{"stageRelevance": {"public": "core", "seed": "core", "preSeed": "recommended"},"#,
            r#" "definitionSource": {"authorityLevel": "x", "tier": "editorial", "sourceName": "E"},"#,
            r#" "benchmark": {"higherIsBetter": true, "p75": 3, "p25": 1, "median": 2},"#,
            r#" "metricBasis": {"production": "computed", "timeBasis": "point_in_time"},"#,
            r#" "calculationPolicy": {"z": [], "a": {}}}"#
        ));
        let keys: Vec<&str> = out.lines().filter_map(|l| l.trim().split('"').nth(1)).collect();
        assert_eq!(
            keys,
            [
                "stageRelevance",
                "preSeed",
                "seed",
                "public",
                "definitionSource",
                "tier",
                "sourceName",
                "authorityLevel",
                "benchmark",
                "p25",
                "median",
                "p75",
                "higherIsBetter",
                "metricBasis",
                "timeBasis",
                "production",
                "calculationPolicy",
                "z",
                "a"
            ]
        );
        assert!(out.contains("\"z\": [],\n    \"a\": {}\n"), "{out}");
    }

    #[test]
    fn nested_orders_apply_only_under_the_root() {
        let out = fmt(r#"{"calculationPolicy": {"benchmark": {"p75": 1, "p25": 0}}}"#);
        assert!(out.find("p75").unwrap() < out.find("p25").unwrap(), "{out}");
    }

    #[test]
    fn keeps_every_scalar_as_written() {
        let src = r#"{"a": [1.0, 1e3, -0.50, 12345678901234567890123, 1E+2], "s": "\u00e9\ud83d\ude00\/\"x\"\n", "\u0062": null}"#;
        let out = fmt(src);
        for raw in ["1.0", "1e3", "-0.50", "12345678901234567890123", "1E+2", r#""\u00e9\ud83d\ude00\/\"x\"\n""#] {
            assert!(out.contains(raw), "{raw} lost in {out}");
        }
        assert!(out.contains("\"\\u0062\": null"), "{out}");
        let before: serde_json::Value = serde_json::from_str(src).unwrap();
        let after: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(before, after);
    }

    #[test]
    fn layout_is_two_spaces_one_item_per_line_lf_final_newline() {
        let out = fmt("{\"suggestedForStages\": [\"seed\", \"public\"], \"x\": [[1], {\"k\": [true]}]}");
        let want = "{\n  \"suggestedForStages\": [\n    \"seed\",\n    \"public\"\n  ],\n  \"x\": [\n    [\n      1\n    ],\n    {\n      \"k\": [\n        true\n      ]\n    }\n  ]\n}\n";
        assert_eq!(out, want);
    }

    #[test]
    fn strips_bom_and_crlf() {
        let out = fmt("\u{feff}{\r\n  \"slug\": \"a\",\r\n  \"rogueId\": \"s.a\"\r\n}\r\n");
        assert_eq!(out, "{\n  \"rogueId\": \"s.a\",\n  \"slug\": \"a\"\n}\n");
    }

    #[test]
    fn is_idempotent() {
        let once = fmt(r#"{"b": {"y": 1, "x": [2, {"q": "r"}]}, "slug": "s", "e": [], "o": {}}"#);
        assert_eq!(fmt(&once), once);
    }

    #[test]
    fn non_object_documents_are_laid_out_without_reordering() {
        assert_eq!(fmt("[{\"slug\": 1, \"rogueId\": 2}]"), "[\n  {\n    \"slug\": 1,\n    \"rogueId\": 2\n  }\n]\n");
        assert_eq!(fmt(" 7 "), "7\n");
    }

    #[test]
    fn refuses_broken_files_with_their_offset() {
        let e = format_kpi(br#"{"a": 1,}"#).unwrap_err();
        assert!(matches!(e, FormatError::Syntax { offset: 8, .. }), "{e:?}");
        let e = format_kpi(br#"{"a": 1, "a": 2}"#).unwrap_err();
        assert_eq!(e, FormatError::DuplicateKey { offset: 9, key: "a".into() });
        let e = format_kpi(b"{\"a\": \"\xff\"}").unwrap_err();
        assert_eq!(e, FormatError::InvalidUtf8 { offset: 7 });
        assert!(e.message().contains("UTF-8"));
    }
}
