//! `ontolint report kpi ID | dispute ID`: a review report assembled from the
//! working-tree catalog, its `check` findings and the KPI's git timeline.
//! `model` is the data; `markdown` and `html` only format it (JSON is the
//! model serialised).

mod checklist;
pub mod html;
pub mod markdown;
pub mod model;

pub use model::Report;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::findings::Finding;
use crate::model::{Catalog, Dispute, Kpi};
use crate::parse::LineIndex;
use model::{Card, CatalogInfo, DecisionInfo, DisputeInfo, DisputeReview, EvidenceInfo, FindingInfo, References};
use serde_json::Value;
use std::path::Path;

/// What to report on.
#[derive(Debug, Clone)]
pub enum Subject {
    Kpi(String),
    Dispute(String),
}

/// Everything a report is built from, besides the catalog on disk.
pub struct Inputs<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    /// `--date`: shown in the report; otherwise no date appears.
    pub date: Option<String>,
    /// The date ignores expire against (as for `check`).
    pub today: jiff::civil::Date,
    /// The environment (CI variables) for resolving the base of the versioning items.
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub progress: &'a mut dyn FnMut(usize, usize),
}

/// Builds a report.
pub fn build(inputs: Inputs<'_>, subject: &Subject) -> Result<Report> {
    let Inputs { root, config, date, today, env, progress } = inputs;
    let source = crate::source::WorkTree::with_dir(root, config.ontology_dir());
    let policy = config.policy(None, Default::default(), today);
    let outcome = crate::check::run_configured(&source, None, &policy, &config.rule_settings())?;
    let catalog = &outcome.catalog;
    let (kpi_id, dispute) = match subject {
        Subject::Kpi(id) => (id.clone(), None),
        Subject::Dispute(name) => {
            let d = catalog.disputes.iter().find(|d| d.name() == name).ok_or_else(|| unknown_dispute(catalog, name))?;
            let kpi = d.kpi.clone().ok_or_else(|| {
                Error::config(
                    format!("dispute `{name}` names no KPI (`kpi` is missing or not a string)"),
                    Some(format!("fix `{}` (`ontolint check` shows where)", catalog.files[d.file].path)),
                )
            })?;
            (kpi, Some(d))
        }
    };
    let kpi = catalog.kpi(&kpi_id).ok_or_else(|| match dispute {
        Some(d) => Error::config(
            format!("dispute `{}` is about `{kpi_id}`, which is not in the catalog", d.name()),
            Some(format!("fix the `kpi` of `{}`", catalog.files[d.file].path)),
        ),
        None => unknown_kpi(catalog, &kpi_id),
    })?;
    let repo = crate::source::git::GitRepo::open(root)?.with_ontology_dir(config.ontology_dir());
    let timeline = crate::history::timeline(
        &repo,
        &kpi_id,
        &crate::history::Options { all: false, bump_of: &|k| config.bump_of(k) },
        progress,
    )?;
    let dispute_file = dispute.map(|d| catalog.files[d.file].path.clone());
    let findings = outcome
        .findings
        .iter()
        .filter(|f| f.kpi.as_deref() == Some(kpi_id.as_str()) || Some(&f.location.file) == dispute_file.as_ref())
        .map(|f| finding_info(catalog, f))
        .collect::<Vec<_>>();
    let review = match dispute {
        Some(d) => {
            let cx = checklist::Context {
                root,
                config,
                catalog,
                kpi,
                dispute: d,
                timeline: &timeline,
                findings: &findings,
                env,
            };
            Some(DisputeReview { dispute: dispute_info(catalog, d), checklist: checklist::items(&cx) })
        }
        None => None,
    };
    Ok(Report {
        kind: if dispute.is_some() { "dispute" } else { "kpi" },
        date,
        catalog: CatalogInfo {
            version: catalog.manifest.as_ref().and_then(|m| m.version.clone()),
            released_at: catalog.manifest.as_ref().and_then(|m| m.released_at.clone()),
        },
        dispute: review,
        kpi: card(catalog, kpi),
        timeline,
        disputes: catalog.disputes_on(&kpi_id).map(|d| dispute_info(catalog, d)).collect(),
        references: references(catalog, &kpi_id, kpi),
        findings,
    })
}

/// Exit 2: no such KPI, with the closest ids.
pub fn unknown_kpi(catalog: &Catalog, id: &str) -> Error {
    if catalog.is_unreadable(id) {
        let file = catalog.files.iter().find(|f| match &f.kind {
            crate::model::FileKind::Kpi { domain, slug, .. } => id.split_once('.') == Some((domain, slug)),
            _ => false,
        });
        if let Some(f) = file {
            return unreadable("KPI", id, &f.path);
        }
    }
    let ids: Vec<String> = catalog.kpis.iter().map(Kpi::id).collect();
    Error::usage(format!("no KPI `{id}` in the catalog"), Some(suggest(&ids, id, "KPI ids look like `sales.arr`")))
}

/// Exit 2: the file of the KPI or dispute is there but is not readable as one.
fn unreadable(what: &str, id: &str, path: &str) -> Error {
    Error::usage(
        format!("the file of {what} `{id}`, `{path}`, cannot be read as a {what}"),
        Some(format!("fix `{path}` (`ontolint check` shows where)")),
    )
}

fn unknown_dispute(catalog: &Catalog, name: &str) -> Error {
    // A file of that name that did not parse as a dispute (one that did, under
    // another id, is DSP001's business).
    let broken = catalog.files.iter().enumerate().find(|(i, f)| {
        matches!(&f.kind, crate::model::FileKind::Dispute { stem } if stem == name)
            && !catalog.disputes.iter().any(|d| d.file == *i)
    });
    if let Some((_, f)) = broken {
        return unreadable("dispute", name, &f.path);
    }
    let ids: Vec<String> = catalog.disputes.iter().map(|d| d.name().to_string()).collect();
    let hint = if ids.is_empty() {
        "the catalog has no disputes (ontology/disputes/)"
    } else {
        "dispute ids look like `DSP-0001`"
    };
    Error::usage(format!("no dispute `{name}` in the catalog"), Some(suggest(&ids, name, hint)))
}

/// The closest id, compared without case (`SALES.ARR` → `sales.arr`).
fn suggest(ids: &[String], query: &str, otherwise: &str) -> String {
    let query = query.to_lowercase();
    let best = ids
        .iter()
        .map(|i| (strsim::jaro_winkler(&i.to_lowercase(), &query), i))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    match best {
        Some((_, id)) => format!("did you mean `{id}`?"),
        None => otherwise.to_string(),
    }
}

fn label_of(catalog: &Catalog, id: &str) -> Option<String> {
    catalog.kpi(id).and_then(|k| k.default_label.clone())
}

fn card(catalog: &Catalog, kpi: &Kpi) -> Card {
    let file = catalog.file_of(kpi);
    let source = file
        .value
        .as_ref()
        .and_then(|v| v.get("definitionSource"))
        .and_then(Value::as_object)
        .map(|o| {
            const ORDER: &[&str] =
                &["tier", "sourceName", "sourceUrl", "sectionRef", "publicationDate", "attributionNotice"];
            let rank = |k: &str| ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len());
            let mut fields: Vec<(&String, &Value)> = o.iter().collect();
            fields.sort_by_key(|(k, _)| rank(k));
            fields
                .into_iter()
                .map(|(k, v)| model::SourceField {
                    name: k.clone(),
                    value: match v {
                        Value::Null => None,
                        Value::String(s) => Some(s.clone()),
                        other => Some(other.to_string()),
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    let domain = kpi.home_domain().to_string();
    Card {
        id: kpi.id(),
        label: kpi.default_label.clone(),
        field_type: kpi.field_type.map(|t| t.as_str().to_string()),
        unit: kpi.unit.clone(),
        domain_label: catalog
            .manifest
            .as_ref()
            .and_then(|m| m.domains.iter().find(|d| d.id == domain))
            .and_then(|d| d.label.clone()),
        domain,
        maturity: kpi.maturity.clone(),
        definition: kpi.description.clone(),
        formula: kpi.formula.clone(),
        tier: kpi.definition_source.as_ref().and_then(|s| s.tier).map(|t| tier_name(t).to_string()),
        source,
        path: file.path.clone(),
    }
}

pub(crate) fn tier_name(t: crate::model::Tier) -> &'static str {
    match t {
        crate::model::Tier::Editorial => "editorial",
        crate::model::Tier::Published => "published",
    }
}

fn dispute_info(catalog: &Catalog, d: &Dispute) -> DisputeInfo {
    DisputeInfo {
        id: d.name().to_string(),
        path: catalog.files[d.file].path.clone(),
        kind: d.kind.map(|k| k.as_str().to_string()),
        status: d.status.map(|s| s.as_str().to_string()),
        opened_at: d.opened_at.clone(),
        raised_by: d.raised_by.clone(),
        claim: d.claim.clone(),
        evidence: d
            .evidence
            .iter()
            .map(|e| EvidenceInfo { title: e.title.clone(), url: e.url.clone(), section_ref: e.section_ref.clone() })
            .collect(),
        decision: d.decision.as_ref().map(|x| DecisionInfo {
            decided_at: x.decided_at.clone(),
            summary: x.summary.clone(),
            released_in: x.released_in.clone(),
        }),
    }
}

fn references(catalog: &Catalog, id: &str, kpi: &Kpi) -> References {
    use crate::rules::reference::mentions;
    let kref = |i: &str| model::KpiRef { id: i.to_string(), label: label_of(catalog, i) };
    let related = kpi.related_kpi_ids.iter().flatten().map(|i| kref(i)).collect();
    let mut related_by = Vec::new();
    let mut mentioned_by = Vec::new();
    let mut others: Vec<&Kpi> = catalog.kpis.iter().filter(|k| k.id() != id).collect();
    others.sort_by_key(|k| k.id());
    for other in others {
        let oid = other.id();
        if other.related_kpi_ids.iter().flatten().any(|r| r == id) {
            related_by.push(kref(&oid));
        }
        for field in crate::model::kpi::MENTION_FIELDS {
            let Some(text) = other.text_field(field) else { continue };
            let found = if *field == "formula" {
                mentions::in_formula(catalog, other, text)
            } else {
                mentions::in_text(catalog, text)
            };
            if found.iter().any(|m| m.id == id) {
                mentioned_by.push(model::Mention {
                    id: oid.clone(),
                    label: other.default_label.clone(),
                    field: field.to_string(),
                });
            }
        }
    }
    let mut flows = Vec::new();
    for flow in &catalog.flows {
        let mut roles: Vec<String> = Vec::new();
        for (role, slot) in [("start", &flow.start), ("end", &flow.end), ("container", &flow.container)] {
            if slot.as_deref() == Some(id) {
                roles.push(role.to_string());
            }
        }
        for line in flow.lines.iter().filter(|l| l.kpi.as_deref() == Some(id)) {
            let sign = line.sign.map_or("", |s| s.as_str());
            roles.push(format!("{sign}{}", line.role.map_or("line", |r| r.as_str())));
        }
        // One entry per flow: a balance KPI that opens and closes it is "start, end".
        if !roles.is_empty() {
            flows.push(model::FlowRef { id: flow.name().to_string(), label: flow.label.clone(), roles });
        }
    }
    References { related, related_by, mentioned_by, flows }
}

fn finding_info(catalog: &Catalog, f: &Finding) -> FindingInfo {
    let text = catalog.files.iter().find(|x| x.path == f.location.file).map(|x| x.text.as_str());
    let (line, column) = match (text, &f.location.span) {
        (Some(text), Some(span)) => {
            let p = LineIndex::new(text).position(text, span.start);
            (p.line, p.column)
        }
        _ => (1, 1),
    };
    FindingInfo {
        code: f.code().to_string(),
        severity: f.severity.as_str().to_string(),
        message: f.message.clone(),
        file: f.location.file.clone(),
        pointer: f.location.pointer.clone(),
        line,
        column,
    }
}

/// One timeline row's change in words: the event, the change kinds as
/// `ontolint diff` names them, the move and the bump they require.
pub fn change_text(e: &crate::history::Entry) -> String {
    let mut s = e.event.as_str().to_string();
    let kinds: Vec<&str> =
        e.kinds.iter().map(|k| k.name()).filter(|k| *k != "kpi-added" && *k != "kpi-removed").collect();
    if !kinds.is_empty() {
        s.push_str(": ");
        s.push_str(&kinds.join(", "));
    }
    match (&e.moved_from, e.event) {
        (Some(from), crate::history::Event::Moved) => s.push_str(&format!(" from {from}")),
        (Some(from), _) => s.push_str(&format!(" (moved from {from})")),
        _ => {}
    }
    if e.bump != crate::diff::Bump::None {
        s.push_str(&format!(" — {} bump", e.bump));
    }
    s
}

/// Catalog prose split at backticks: each paired, non-empty backticked span
/// goes through `code`, the rest through `plain`; an unpaired backtick (the
/// last part after an odd count) or an empty pair stays literal as `tick`.
pub(crate) fn backticked(
    text: &str,
    code: impl Fn(&str) -> String,
    plain: impl Fn(&str) -> String,
    tick: &str,
) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i + 1 < parts.len() && !part.is_empty() {
            out.push_str(&code(part));
        } else {
            if i % 2 == 1 {
                out.push_str(tick);
            }
            out.push_str(&plain(part));
        }
    }
    out
}
