//! `ontolint import`: a catalog in one of its public JSON shapes, split into
//! the file layout (DESIGN §2). Pure: [`plan`] returns the files to write.
//!
//! The shape is decided by the top-level value alone, and must be exactly one of:
//!
//! | top level | shape |
//! |---|---|
//! | an array | a bare list of KPIs (older catalogs) |
//! | an object with `kpis` | the versioned envelope `{version, releasedAt, kpis}` |
//! | an object with `kpi` | a single-KPI envelope `{version, releasedAt, kpi}` |
//! | an object with `rogueId` | one bare KPI |
//!
//! An object with none or more than one of `kpis`, `kpi`, `rogueId` is
//! refused as ambiguous. KPI files are written with `fmt`'s writer: canonical
//! key order, values exactly as in the input, unknown fields kept after the
//! known ones.

use crate::build::is_ident;
use crate::error::{Error, Result};
use crate::model::Standard;
use crate::parse::{Member, Syntax};
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// The public shapes a catalog comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Envelope,
    Array,
    Single,
    Bare,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Envelope => "versioned envelope {version, releasedAt, kpis}",
            Shape::Array => "bare array of KPIs",
            Shape::Single => "single-KPI envelope {version, releasedAt, kpi}",
            Shape::Bare => "bare KPI object",
        }
    }
}

/// One KPI file to write.
pub struct KpiFile {
    pub id: String,
    pub domain: String,
    pub slug: String,
    /// The canonical text, final newline included.
    pub text: String,
}

/// What an import writes.
pub struct Plan {
    pub shape: Shape,
    pub kpis: Vec<KpiFile>,
    /// catalog.json's new text.
    pub catalog: String,
    /// standards.json's new text.
    pub standards: String,
    /// Standards added to the registry (names).
    pub new_standards: Vec<String>,
}

/// The catalog.json and standards.json already in the target, if any.
#[derive(Default)]
pub struct Existing {
    pub catalog: Option<Value>,
    pub standards: Option<Value>,
}

fn bad(name: &str, message: impl std::fmt::Display) -> Error {
    Error::config(format!("{name}: {message}"), Some("nothing was written".into()))
}

/// Reads `text` (the file `name`) and plans the files of the import.
pub fn plan(name: &str, text: &str, existing: &Existing) -> Result<Plan> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let at = |offset: usize| {
        let p = crate::parse::LineIndex::new(text).position(text, offset);
        format!("{name}:{}:{}", p.line, p.column)
    };
    let parsed = crate::parse::parse(text, start)
        .map_err(|e| Error::config(format!("{}: invalid JSON: {}", at(e.offset), e.message), None))?;
    if let Some(d) = parsed.duplicates.first() {
        return Err(Error::config(
            format!("{}: duplicate key `{}`", at(d.second.start), d.key),
            Some("which value is meant is for a person to decide: remove one".into()),
        ));
    }
    let tree = crate::parse::syntax(text, start)
        .map_err(|e| Error::config(format!("{}: invalid JSON: {}", at(e.offset), e.message), None))?;
    let (shape, items) = detect(name, &tree, &parsed.value)?;
    let envelope = match (&parsed.value, shape) {
        (Value::Object(obj), Shape::Envelope | Shape::Single) => Some(obj),
        _ => None,
    };
    // A `version` or `releasedAt` that is there but not a string is the
    // input's error, not a missing value (which the target's catalog.json fills).
    if let (Some(env), Syntax::Object(members)) = (envelope, &tree) {
        for key in ["version", "releasedAt"] {
            if env.get(key).is_some_and(|v| !v.is_string()) {
                let loc = members
                    .iter()
                    .find(|m| m.key == key)
                    .and_then(|m| offset_of(&m.value, text))
                    .map_or_else(|| name.to_string(), &at);
                return Err(bad(&loc, format!("the envelope's `{key}` is not a string")));
            }
        }
    }
    let mut kpis: Vec<KpiFile> = Vec::with_capacity(items.len());
    for (i, (tree, value)) in items.iter().enumerate() {
        // `in.json:12:5`: where the KPI starts (its first key), for every message about it.
        let loc = offset_of(tree, text).map_or_else(|| name.to_string(), &at);
        let file = kpi_file(&loc, shape, i, tree, value)?;
        if let Some(prev) = kpis.iter().position(|k| k.domain == file.domain && k.slug == file.slug) {
            return Err(bad(&loc, format!("KPIs #{} and #{} are both `{}`", prev + 1, i + 1, file.id)));
        }
        kpis.push(file);
    }
    let values: Vec<&Map<String, Value>> = items.iter().filter_map(|(_, v)| v.as_object()).collect();
    let catalog = catalog_text(name, envelope, &values, &kpis, existing)?;
    let (standards, new_standards) = standards_text(name, &values, existing)?;
    Ok(Plan { shape, kpis, catalog, standards, new_standards })
}

type Items<'t, 'a> = Vec<(&'t Syntax<'a>, &'t Value)>;

fn detect<'t, 'a>(name: &str, tree: &'t Syntax<'a>, value: &'t Value) -> Result<(Shape, Items<'t, 'a>)> {
    let member = |members: &'t [Member<'a>], obj: &'t Map<String, Value>, key: &str| {
        let m = members.iter().find(|m| m.key == key)?;
        Some((&m.value, obj.get(key)?))
    };
    match (tree, value) {
        (Syntax::Array(items), Value::Array(values)) => Ok((Shape::Array, items.iter().zip(values).collect())),
        (Syntax::Object(members), Value::Object(obj)) => {
            let keys: Vec<&str> = ["kpis", "kpi", "rogueId"].into_iter().filter(|k| obj.contains_key(*k)).collect();
            match keys.as_slice() {
                ["kpis"] => match member(members, obj, "kpis") {
                    Some((Syntax::Array(items), Value::Array(values))) => {
                        Ok((Shape::Envelope, items.iter().zip(values).collect()))
                    }
                    _ => Err(bad(name, "`kpis` is not an array")),
                },
                ["kpi"] => Ok((Shape::Single, member(members, obj, "kpi").into_iter().collect())),
                ["rogueId"] => Ok((Shape::Bare, vec![(tree, value)])),
                [] => Err(bad(
                    name,
                    "not a catalog: expected an array of KPIs, an object with `kpis` or `kpi`, or a KPI with `rogueId`",
                )),
                several => {
                    Err(bad(name, format!("ambiguous shape: the top-level object has {}", several.join(" and "))))
                }
            }
        }
        _ => Err(bad(
            name,
            "not a catalog: expected an array of KPIs, an object with `kpis` or `kpi`, or a KPI with `rogueId`",
        )),
    }
}

/// The byte offset in `text` where `tree` starts (its first key or scalar);
/// none for an empty object or array.
fn offset_of(tree: &Syntax<'_>, text: &str) -> Option<usize> {
    let slice = match tree {
        Syntax::Scalar(s) => *s,
        Syntax::Object(members) => members.first()?.raw_key,
        Syntax::Array(items) => return offset_of(items.first()?, text),
    };
    (slice.as_ptr() as usize).checked_sub(text.as_ptr() as usize).filter(|o| *o <= text.len())
}

fn kpi_file(name: &str, shape: Shape, i: usize, tree: &Syntax<'_>, value: &Value) -> Result<KpiFile> {
    let which =
        if matches!(shape, Shape::Envelope | Shape::Array) { format!("KPI #{}", i + 1) } else { "the KPI".into() };
    let Some(obj) = value.as_object() else {
        return Err(bad(name, format!("{which} is not an object")));
    };
    let s = |k: &str| obj.get(k).and_then(Value::as_str);
    let from_id = s("rogueId").and_then(|id| id.split_once('.'));
    let domain = s("domain").or(from_id.map(|p| p.0));
    let slug = s("slug").or(from_id.map(|p| p.1));
    let (Some(domain), Some(slug)) = (domain, slug) else {
        return Err(bad(name, format!("{which} has no `rogueId` (or `domain` and `slug`) to place it by")));
    };
    for (what, v) in [("domain", domain), ("slug", slug)] {
        if !is_ident(v) {
            return Err(bad(name, format!("{which}: {what} `{v}` must match [a-z][a-z0-9_]*")));
        }
    }
    if crate::source::RESERVED_DIRS.contains(&domain) {
        return Err(bad(
            name,
            format!(
                "{which}: domain `{domain}` is reserved: `ontology/{domain}/` holds {domain}, not KPIs (reserved: {})",
                crate::source::RESERVED_DIRS.join(", ")
            ),
        ));
    }
    let mut text = crate::fmt::canonical(tree);
    text.push('\n');
    Ok(KpiFile { id: format!("{domain}.{slug}"), domain: domain.into(), slug: slug.into(), text })
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn opt_str(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), json_str)
}

/// `customer_success` → "Customer Success"; words of one or two letters are
/// taken as abbreviations (`hr` → "HR").
pub fn title_case(id: &str) -> String {
    id.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.len() <= 2 {
                return w.to_uppercase();
            }
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn catalog_text(
    name: &str,
    envelope: Option<&Map<String, Value>>,
    values: &[&Map<String, Value>],
    kpis: &[KpiFile],
    existing: &Existing,
) -> Result<String> {
    let old = existing.catalog.as_ref().and_then(Value::as_object);
    let pick =
        |key: &str| envelope.and_then(|e| e.get(key)).or_else(|| old.and_then(|o| o.get(key))).and_then(Value::as_str);
    let (Some(version), Some(released_at)) = (pick("version"), pick("releasedAt")) else {
        return Err(Error::config(
            format!("{name}: no `version` and `releasedAt` to give the catalog"),
            Some(
                "import the versioned envelope {version, releasedAt, kpis}, or into a catalog that has a catalog.json"
                    .into(),
            ),
        ));
    };
    let editorial = old.and_then(|o| o.get("editorialSourceName")).and_then(Value::as_str).or_else(|| {
        values.iter().find_map(|k| {
            let src = k.get("definitionSource")?.as_object()?;
            (src.get("tier")?.as_str()? == "editorial").then_some(())?;
            src.get("sourceName")?.as_str()
        })
    });
    let mut domains: Vec<(String, String)> = old
        .and_then(|o| o.get("domains"))
        .and_then(Value::as_array)
        .map(|ds| {
            ds.iter()
                .filter_map(|d| {
                    let id = d.get("id")?.as_str()?.to_string();
                    let label = d.get("label").and_then(Value::as_str).map_or_else(|| title_case(&id), str::to_string);
                    Some((id, label))
                })
                .collect()
        })
        .unwrap_or_default();
    for k in kpis {
        if !domains.iter().any(|(id, _)| *id == k.domain) {
            domains.push((k.domain.clone(), title_case(&k.domain)));
        }
    }
    let mut out = format!("{{\n  \"version\": {},\n  \"releasedAt\": {},\n", json_str(version), json_str(released_at));
    if let Some(e) = editorial {
        let _ = writeln!(out, "  \"editorialSourceName\": {},", json_str(e));
    }
    out.push_str("  \"domains\": [");
    for (i, (id, label)) in domains.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let _ = write!(out, "    {{ \"id\": {}, \"label\": {} }}", json_str(id), json_str(label));
    }
    out.push_str(if domains.is_empty() { "]" } else { "\n  ]" });
    // Nothing is lost: other keys of an existing catalog.json stay.
    const KNOWN: &[&str] = &["version", "releasedAt", "editorialSourceName", "domains"];
    for (k, v) in old.into_iter().flatten().filter(|(k, _)| !KNOWN.contains(&k.as_str())) {
        let _ = write!(out, ",\n  {}: {}", json_str(k), serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
    }
    out.push_str("\n}\n");
    Ok(out)
}

fn standards_text(name: &str, values: &[&Map<String, Value>], existing: &Existing) -> Result<(String, Vec<String>)> {
    let mut list: Vec<Standard> = existing.standards.as_ref().and_then(Standard::list_from_value).unwrap_or_default();
    let known = list.len();
    // name → (the KPI that first cited it, its notice)
    let mut cited: Vec<(String, String, Option<String>)> = Vec::new();
    for k in values {
        let Some(src) = k.get("definitionSource").and_then(Value::as_object) else { continue };
        if src.get("tier").and_then(Value::as_str) != Some("published") {
            continue;
        }
        let Some(standard) = src.get("sourceName").and_then(Value::as_str) else { continue };
        let id = k.get("rogueId").and_then(Value::as_str).unwrap_or("?");
        let notice = src.get("attributionNotice").and_then(Value::as_str).map(str::to_string);
        if let Some((_, first, n)) = cited.iter().find(|(s, ..)| s == standard) {
            if *n != notice {
                return Err(Error::config(
                    format!("{name}: KPIs `{first}` and `{id}` cite `{standard}` with different attribution notices"),
                    Some("make the notices agree in the input; nothing was written".into()),
                ));
            }
            continue;
        }
        cited.push((standard.to_string(), id.to_string(), notice.clone()));
        if list.iter().any(|s| s.name == standard) {
            continue;
        }
        let prefix = src.get("sourceUrl").and_then(Value::as_str).and_then(url_prefix);
        list.push(Standard { name: standard.to_string(), url_prefix: prefix, attribution_notice: notice });
    }
    let mut out = String::from("{\n  \"standards\": [");
    for (i, s) in list.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let _ = write!(
            out,
            "    {{\n      \"name\": {},\n      \"urlPrefix\": {},\n      \"attributionNotice\": {}\n    }}",
            json_str(&s.name),
            opt_str(s.url_prefix.as_deref()),
            opt_str(s.attribution_notice.as_deref())
        );
    }
    out.push_str(if list.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
    Ok((out, list[known..].iter().map(|s| s.name.clone()).collect()))
}

/// `https://www.example.org/a/b` → `https://www.example.org/`.
pub fn url_prefix(url: &str) -> Option<String> {
    let uri = fluent_uri::Uri::parse(url).ok()?;
    let host = uri.authority()?.host().to_string();
    (!host.is_empty()).then(|| format!("{}://{host}/", uri.scheme().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_prefixes_and_labels() {
        assert_eq!(
            url_prefix("https://www.saasmetricsboard.com/x/y?z#w").as_deref(),
            Some("https://www.saasmetricsboard.com/")
        );
        assert_eq!(url_prefix("not a url"), None);
        assert_eq!(title_case("customer_success"), "Customer Success");
        assert_eq!(title_case("hr"), "HR");
    }

    #[test]
    fn shapes_are_detected_from_the_top_level_only() {
        let k = r#"{"rogueId": "a.b", "slug": "b", "domain": "a"}"#;
        let env = |s: &str| format!(r#"{{"version": "1.0.0", "releasedAt": "2026-01-01", {s}}}"#);
        let existing = Existing {
            catalog: Some(serde_json::json!({"version": "1.0.0", "releasedAt": "2026-01-01"})),
            standards: None,
        };
        let cases = [
            (env(&format!(r#""kpis": [{k}]"#)), Shape::Envelope),
            (format!("[{k}]"), Shape::Array),
            (env(&format!(r#""kpi": {k}"#)), Shape::Single),
            (k.to_string(), Shape::Bare),
        ];
        for (text, shape) in cases {
            assert_eq!(plan("in", &text, &existing).unwrap().shape, shape, "{text}");
        }
        // Without a version anywhere, a bare list cannot make a catalog.json.
        assert!(plan("in", &format!("[{k}]"), &Existing::default()).is_err());
        let amb = env(&format!(r#""kpi": {k}, "kpis": []"#));
        assert!(plan("in", &amb, &existing).is_err());
        assert!(plan("in", "7", &existing).is_err());
    }
}
