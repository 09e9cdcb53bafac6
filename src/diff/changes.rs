//! What changed between two catalogs, KPI by KPI, matched by rogueId.

use super::bump::Bump;
use super::value::{same, same_opt};
use crate::model::{Catalog, FileKind, Kpi};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A kind of change, with the bump it requires by default (DESIGN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    KpiAdded,
    KpiRemoved,
    DeprecatedKpiRemoved,
    FieldTypeChanged,
    UnitChanged,
    Promoted,
    Demoted,
    StandardChanged,
    SourceChanged,
    FormulaChanged,
    TextChanged,
    MetadataChanged,
    BlockAdded,
    BlockRemoved,
    BlockChanged,
    OtherChanged,
    CatalogChanged,
    StandardsChanged,
    SchemaRequiredAdded,
    SchemaPropertyAdded,
    FlowAdded,
    FlowRemoved,
    FlowLinesChanged,
    FlowChanged,
}

impl ChangeKind {
    pub const ALL: &[ChangeKind] = &[
        ChangeKind::KpiAdded,
        ChangeKind::KpiRemoved,
        ChangeKind::DeprecatedKpiRemoved,
        ChangeKind::FieldTypeChanged,
        ChangeKind::UnitChanged,
        ChangeKind::Promoted,
        ChangeKind::Demoted,
        ChangeKind::StandardChanged,
        ChangeKind::SourceChanged,
        ChangeKind::FormulaChanged,
        ChangeKind::TextChanged,
        ChangeKind::MetadataChanged,
        ChangeKind::BlockAdded,
        ChangeKind::BlockRemoved,
        ChangeKind::BlockChanged,
        ChangeKind::OtherChanged,
        ChangeKind::CatalogChanged,
        ChangeKind::StandardsChanged,
        ChangeKind::SchemaRequiredAdded,
        ChangeKind::SchemaPropertyAdded,
        ChangeKind::FlowAdded,
        ChangeKind::FlowRemoved,
        ChangeKind::FlowLinesChanged,
        ChangeKind::FlowChanged,
    ];

    /// The name used in configuration and JSON output.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::KpiAdded => "kpi-added",
            ChangeKind::KpiRemoved => "kpi-removed",
            ChangeKind::DeprecatedKpiRemoved => "deprecated-kpi-removed",
            ChangeKind::FieldTypeChanged => "field-type-changed",
            ChangeKind::UnitChanged => "unit-changed",
            ChangeKind::Promoted => "promoted",
            ChangeKind::Demoted => "demoted",
            ChangeKind::StandardChanged => "standard-changed",
            ChangeKind::SourceChanged => "source-changed",
            ChangeKind::FormulaChanged => "formula-changed",
            ChangeKind::TextChanged => "text-changed",
            ChangeKind::MetadataChanged => "metadata-changed",
            ChangeKind::BlockAdded => "block-added",
            ChangeKind::BlockRemoved => "block-removed",
            ChangeKind::BlockChanged => "block-changed",
            ChangeKind::OtherChanged => "other-changed",
            ChangeKind::CatalogChanged => "catalog-changed",
            ChangeKind::StandardsChanged => "standards-changed",
            ChangeKind::SchemaRequiredAdded => "schema-required-added",
            ChangeKind::SchemaPropertyAdded => "schema-property-added",
            ChangeKind::FlowAdded => "flow-added",
            ChangeKind::FlowRemoved => "flow-removed",
            ChangeKind::FlowLinesChanged => "flow-lines-changed",
            ChangeKind::FlowChanged => "flow-changed",
        }
    }

    pub fn default_bump(self) -> Bump {
        match self {
            ChangeKind::KpiRemoved | ChangeKind::FieldTypeChanged | ChangeKind::UnitChanged => Bump::Major,
            ChangeKind::Demoted | ChangeKind::BlockRemoved => Bump::Major,
            ChangeKind::KpiAdded | ChangeKind::DeprecatedKpiRemoved | ChangeKind::Promoted => Bump::Minor,
            ChangeKind::StandardChanged | ChangeKind::BlockAdded => Bump::Minor,
            ChangeKind::SourceChanged | ChangeKind::FormulaChanged | ChangeKind::TextChanged => Bump::Patch,
            ChangeKind::MetadataChanged | ChangeKind::BlockChanged | ChangeKind::OtherChanged => Bump::Patch,
            ChangeKind::CatalogChanged | ChangeKind::StandardsChanged => Bump::Patch,
            ChangeKind::SchemaRequiredAdded => Bump::Major,
            ChangeKind::SchemaPropertyAdded => Bump::Minor,
            ChangeKind::FlowRemoved => Bump::Major,
            ChangeKind::FlowAdded | ChangeKind::FlowLinesChanged | ChangeKind::FlowChanged => Bump::Minor,
        }
    }

    /// A phrase for messages: "`sales.arr` {phrase}".
    pub fn phrase(self) -> &'static str {
        match self {
            ChangeKind::KpiAdded => "added",
            ChangeKind::KpiRemoved => "removed",
            ChangeKind::DeprecatedKpiRemoved => "removed after deprecation",
            ChangeKind::FieldTypeChanged => "fieldType changed",
            ChangeKind::UnitChanged => "unit changed",
            ChangeKind::Promoted => "promoted from editorial to published",
            ChangeKind::Demoted => "demoted from published to editorial",
            ChangeKind::StandardChanged => "now cites another standard",
            ChangeKind::SourceChanged => "definitionSource changed",
            ChangeKind::FormulaChanged => "formula changed",
            ChangeKind::TextChanged => "wording changed",
            ChangeKind::MetadataChanged => "metadata changed",
            ChangeKind::BlockAdded => "optional block added",
            ChangeKind::BlockRemoved => "optional block removed",
            ChangeKind::BlockChanged => "optional block changed",
            ChangeKind::OtherChanged => "changed",
            ChangeKind::CatalogChanged => "changed in catalog.json",
            ChangeKind::StandardsChanged => "changed in standards.json",
            ChangeKind::SchemaRequiredAdded => "is newly required by the schema",
            ChangeKind::SchemaPropertyAdded => "is a new optional property of the schema",
            ChangeKind::FlowAdded => "flow added",
            ChangeKind::FlowRemoved => "flow removed",
            ChangeKind::FlowLinesChanged => "flow lines changed",
            ChangeKind::FlowChanged => "flow changed",
        }
    }

    /// A change of a flow file (its `kpi` is the flow's id).
    pub fn is_flow(self) -> bool {
        matches!(
            self,
            ChangeKind::FlowAdded | ChangeKind::FlowRemoved | ChangeKind::FlowLinesChanged | ChangeKind::FlowChanged
        )
    }

    pub fn from_name(name: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// Which state a change is located in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Base,
    Head,
}

/// One change of one KPI.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The KPI's rogueId; for a flow, its id; for catalog-level changes, the
    /// file (`catalog.json`, `standards.json`).
    pub kpi: String,
    /// The top-level field that changed (`None` for added and removed KPIs).
    pub field: Option<String>,
    pub pointer: String,
    pub side: Side,
    /// The bump this change requires under the policy in force.
    pub bump: Bump,
    /// Extra context: the rename target, the old and new standard.
    pub detail: Option<String>,
}

const TEXT: &[&str] = &["defaultLabel", "description", "whyItMatters", "interpretationGuidance"];
const METADATA: &[&str] =
    &["relatedKpiIds", "stageRelevance", "suggestedForStages", "defaultOwningFunctions", "maturity"];
const BLOCKS: &[&str] = &["benchmark", "metricBasis", "calculationPolicy"];
/// Fields that identify a KPI: equal by construction when matched by rogueId.
const IDENTITY: &[&str] = &["rogueId"];
/// Fields a rename may change (with the identity): ignored when looking for renames.
const RENAMEABLE: &[&str] = &["rogueId", "slug", "domain"];

fn object<'c>(catalog: &'c Catalog, kpi: &Kpi) -> Option<&'c Map<String, Value>> {
    catalog.files[kpi.file].value.as_ref()?.as_object()
}

/// KPIs by rogueId; when an id is duplicated the first file wins (the
/// duplicate is a `check` error of its own).
fn by_id(catalog: &Catalog) -> BTreeMap<String, &Kpi> {
    let mut map = BTreeMap::new();
    for k in &catalog.kpis {
        map.entry(k.id()).or_insert(k);
    }
    map
}

/// Compares two catalogs. `bump_of` gives the bump each kind requires.
pub fn compare(base: &Catalog, head: &Catalog, bump_of: &dyn Fn(ChangeKind) -> Bump) -> Vec<Change> {
    let (b, h) = (by_id(base), by_id(head));
    let mut out = Vec::new();
    let mut push = |kind, kpi: &str, field: Option<&str>, pointer: String, side, detail: Option<String>| {
        out.push(Change {
            kind,
            kpi: kpi.to_string(),
            field: field.map(str::to_string),
            pointer,
            side,
            bump: bump_of(kind),
            detail,
        })
    };
    for (id, bk) in &b {
        let Some(hk) = h.get(id) else {
            // A file that does not parse is not a removal: its own errors say why.
            if head.is_unreadable(id) {
                continue;
            }
            let kind = if bk.maturity.as_deref() == Some("deprecated") {
                ChangeKind::DeprecatedKpiRemoved
            } else {
                ChangeKind::KpiRemoved
            };
            let rename = rename_target(base, bk, head, &b, &h).map(|t| format!("likely renamed to `{t}`"));
            push(kind, id, None, String::new(), Side::Base, rename);
            continue;
        };
        let (Some(bo), Some(ho)) = (object(base, bk), object(head, hk)) else { continue };
        let keys: BTreeSet<&String> = bo.keys().chain(ho.keys()).collect();
        for key in keys {
            let (bv, hv) = (bo.get(key.as_str()), ho.get(key.as_str()));
            if same_opt(bv, hv) || IDENTITY.contains(&key.as_str()) {
                continue;
            }
            let pointer = crate::parse::pointer::push("", key);
            let k = key.as_str();
            if k == "definitionSource" {
                for (kind, sub, detail) in source_changes(bv, hv) {
                    let p = sub.map_or(pointer.clone(), |s| crate::parse::pointer::push(&pointer, s));
                    push(kind, id, Some(k), p, Side::Head, detail);
                }
                continue;
            }
            let kind = match k {
                "fieldType" => ChangeKind::FieldTypeChanged,
                "unit" => ChangeKind::UnitChanged,
                "formula" => ChangeKind::FormulaChanged,
                _ if TEXT.contains(&k) => ChangeKind::TextChanged,
                _ if METADATA.contains(&k) => ChangeKind::MetadataChanged,
                // A block set to null is absent (the schema rule reports the null).
                _ if BLOCKS.contains(&k) => match (bv.filter(|v| !v.is_null()), hv.filter(|v| !v.is_null())) {
                    (None, Some(_)) => ChangeKind::BlockAdded,
                    (Some(_), None) => ChangeKind::BlockRemoved,
                    _ => ChangeKind::BlockChanged,
                },
                _ => ChangeKind::OtherChanged,
            };
            // A removed field can only be located in the base.
            let side = if hv.is_none() { Side::Base } else { Side::Head };
            let show = |v: Option<&Value>| v.map_or_else(|| "absent".to_string(), Value::to_string);
            let detail = matches!(kind, ChangeKind::FieldTypeChanged | ChangeKind::UnitChanged)
                .then(|| format!("{} → {}", show(bv), show(hv)));
            push(kind, id, Some(k), pointer, side, detail);
        }
    }
    for id in h.keys().filter(|id| !b.contains_key(*id) && !base.is_unreadable(id)) {
        push(ChangeKind::KpiAdded, id, None, String::new(), Side::Head, None);
    }
    // Catalog-level files: what they say reaches every KPI page (domain labels,
    // the house name, a standard's notice). Version and date are the release itself.
    for (kind, name, skip) in [
        (ChangeKind::CatalogChanged, "catalog.json", &["version", "releasedAt"][..]),
        (ChangeKind::StandardsChanged, "standards.json", &[][..]),
    ] {
        let wanted = if kind == ChangeKind::CatalogChanged { FileKind::Catalog } else { FileKind::Standards };
        let value = |c: &Catalog| c.files.iter().find(|f| f.kind == wanted).and_then(|f| f.value.clone());
        let (Some(Value::Object(bo)), Some(Value::Object(ho))) = (value(base), value(head)) else { continue };
        let keys: BTreeSet<&String> = bo.keys().chain(ho.keys()).collect();
        for key in keys.into_iter().filter(|k| !skip.contains(&k.as_str())) {
            if !same_opt(bo.get(key), ho.get(key)) {
                let pointer = crate::parse::pointer::push("", key);
                push(kind, name, Some(key), pointer, Side::Head, None);
            }
        }
    }
    out.extend(compare_flows(base, head, bump_of));
    out
}

/// Flow files (`ontology/flows/<id>.json`) matched by id: added, removed, its
/// lines changed, or another member changed (container, start, end, label).
fn compare_flows(base: &Catalog, head: &Catalog, bump_of: &dyn Fn(ChangeKind) -> Bump) -> Vec<Change> {
    let flows = |c: &'_ Catalog| -> BTreeMap<String, usize> {
        let mut map = BTreeMap::new();
        for f in &c.flows {
            map.entry(f.name().to_string()).or_insert(f.file);
        }
        map
    };
    let (b, h) = (flows(base), flows(head));
    // Flow files that do not parse as objects: not a removal or an addition
    // (their own errors say why), as for KPI files.
    let unreadable = |c: &'_ Catalog| -> BTreeSet<String> {
        c.files
            .iter()
            .filter_map(|f| match &f.kind {
                FileKind::Flow { stem } if !f.value.as_ref().is_some_and(Value::is_object) => Some(stem.clone()),
                _ => None,
            })
            .collect()
    };
    let (b_broken, h_broken) = (unreadable(base), unreadable(head));
    let change = |kind, id: &str, field: Option<&str>, side| Change {
        kind,
        kpi: id.to_string(),
        field: field.map(str::to_string),
        pointer: field.map_or_else(String::new, |f| crate::parse::pointer::push("", f)),
        side,
        bump: bump_of(kind),
        detail: None,
    };
    let mut out = Vec::new();
    for (id, &bf) in &b {
        let Some(&hf) = h.get(id) else {
            if !h_broken.contains(id) {
                out.push(change(ChangeKind::FlowRemoved, id, None, Side::Base));
            }
            continue;
        };
        let value = |c: &'_ Catalog, i: usize| c.files[i].value.as_ref().and_then(Value::as_object).cloned();
        let (Some(bo), Some(ho)) = (value(base, bf), value(head, hf)) else { continue };
        let keys: BTreeSet<&String> = bo.keys().chain(ho.keys()).collect();
        for key in keys.into_iter().filter(|k| k.as_str() != "id") {
            let (bv, hv) = (bo.get(key), ho.get(key));
            if same_opt(bv, hv) {
                continue;
            }
            let kind = if key == "lines" { ChangeKind::FlowLinesChanged } else { ChangeKind::FlowChanged };
            let side = if hv.is_none() { Side::Base } else { Side::Head };
            out.push(change(kind, id, Some(key), side));
        }
    }
    for id in h.keys().filter(|id| !b.contains_key(*id) && !b_broken.contains(*id)) {
        out.push(change(ChangeKind::FlowAdded, id, None, Side::Head));
    }
    out
}

fn tier_of(source: Option<&Value>) -> Option<&str> {
    source?.get("tier")?.as_str()
}

/// Changes inside definitionSource: a tier change is one change (promotion or
/// demotion) that includes its new citation; otherwise each field is its own.
fn source_changes(b: Option<&Value>, h: Option<&Value>) -> Vec<(ChangeKind, Option<&'static str>, Option<String>)> {
    let name =
        |v: Option<&Value>| v.and_then(|s| s.get("sourceName")).and_then(Value::as_str).unwrap_or("?").to_string();
    match (tier_of(b), tier_of(h)) {
        (Some("editorial"), Some("published")) => {
            return vec![(ChangeKind::Promoted, Some("tier"), Some(format!("now anchored to {}", name(h))))];
        }
        (Some("published"), Some("editorial")) => {
            return vec![(ChangeKind::Demoted, Some("tier"), Some(format!("was anchored to {}", name(b))))];
        }
        _ => {}
    }
    let fields =
        ["tier", "sourceName", "sourceUrl", "sectionRef", "publicationDate", "attributionNotice", "authorityLevel"];
    let get = |v: Option<&Value>, f: &str| v.and_then(|s| s.get(f)).cloned();
    let mut out = Vec::new();
    for f in fields {
        if same_opt(get(b, f).as_ref(), get(h, f).as_ref()) {
            continue;
        }
        if f == "sourceName" && tier_of(h) == Some("published") {
            out.push((ChangeKind::StandardChanged, Some(f), Some(format!("{} → {}", name(b), name(h)))));
        } else {
            out.push((ChangeKind::SourceChanged, Some(f), None));
        }
    }
    if out.is_empty() {
        // Something else differs (an unknown member): still a change.
        out.push((ChangeKind::SourceChanged, None, None));
    }
    out
}

/// A removed KPI whose content reappears under a new rogueId.
fn rename_target(
    base: &Catalog,
    removed: &Kpi,
    head: &Catalog,
    b: &BTreeMap<String, &Kpi>,
    h: &BTreeMap<String, &Kpi>,
) -> Option<String> {
    let bo = object(base, removed)?;
    // Content without the fields a rename changes, optionally without the wording.
    let strip = |o: &Map<String, Value>, skip_text: bool| -> Value {
        let keep = |k: &str| !(RENAMEABLE.contains(&k) || (skip_text && TEXT.contains(&k)));
        Value::Object(o.iter().filter(|(k, _)| keep(k)).map(|(k, v)| (k.clone(), v.clone())).collect())
    };
    let (content, substance) = (strip(bo, false), strip(bo, true));
    let label = bo.get("defaultLabel");
    let description = bo.get("description");
    h.iter().filter(|(id, _)| !b.contains_key(*id)).find_map(|(id, k)| {
        let ho = object(head, k)?;
        // Same content; or the same words; or the same substance reworded.
        let same_content = same(&content, &strip(ho, false));
        let same_words =
            label.is_some() && same_opt(label, ho.get("defaultLabel")) && same_opt(description, ho.get("description"));
        let same_substance = bo.contains_key("formula") && same(&substance, &strip(ho, true));
        (same_content || same_words || same_substance).then(|| id.clone())
    })
}

/// The bump the changes require together.
pub fn required(changes: &[Change]) -> Bump {
    changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None)
}

/// Changes to the catalog's JSON Schemas (`schemas/*.schema.json`, root-relative
/// path → bytes in each state): a new required property breaks every file
/// that lacks it (major); a new optional property extends the contract (minor).
/// Each object schema is compared where it sits (its JSON pointer), `$defs` included.
pub fn compare_schemas(
    base: &BTreeMap<String, Vec<u8>>,
    head: &BTreeMap<String, Vec<u8>>,
    bump_of: &dyn Fn(ChangeKind) -> Bump,
) -> Vec<Change> {
    let mut out = Vec::new();
    for (path, hb) in head {
        let Some(bb) = base.get(path) else { continue };
        let (Ok(bv), Ok(hv)) = (serde_json::from_slice::<Value>(bb), serde_json::from_slice::<Value>(hb)) else {
            continue;
        };
        walk_schema(path, "", &bv, &hv, bump_of, &mut out);
    }
    out
}

fn walk_schema(
    path: &str,
    at: &str,
    b: &Value,
    h: &Value,
    bump_of: &dyn Fn(ChangeKind) -> Bump,
    out: &mut Vec<Change>,
) {
    let (Some(bo), Some(ho)) = (b.as_object(), h.as_object()) else { return };
    let names = |o: &Map<String, Value>, key: &str| -> BTreeSet<String> {
        match o.get(key) {
            Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => BTreeSet::new(),
        }
    };
    let (b_req, h_req) = (names(bo, "required"), names(ho, "required"));
    let (b_props, h_props) = (names(bo, "properties"), names(ho, "properties"));
    let mut push = |kind: ChangeKind, name: &str| {
        let pointer = crate::parse::pointer::push(&crate::parse::pointer::push(at, "properties"), name);
        out.push(Change {
            kind,
            kpi: path.to_string(),
            field: Some(name.to_string()),
            pointer,
            side: Side::Head,
            bump: bump_of(kind),
            detail: None,
        });
    };
    for name in h_req.difference(&b_req) {
        push(ChangeKind::SchemaRequiredAdded, name);
    }
    for name in h_props.difference(&b_props).filter(|n| !h_req.contains(*n)) {
        push(ChangeKind::SchemaPropertyAdded, name);
    }
    for key in ["properties", "$defs"] {
        let (Some(Value::Object(bm)), Some(Value::Object(hm))) = (bo.get(key), ho.get(key)) else { continue };
        for (name, hv) in hm {
            if let Some(bv) = bm.get(name) {
                let at = crate::parse::pointer::push(&crate::parse::pointer::push(at, key), name);
                walk_schema(path, &at, bv, hv, bump_of, out);
            }
        }
    }
}
