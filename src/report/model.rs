//! The review report as plain data: what the Markdown, HTML and JSON
//! renderers show. Serialised as is for `--format json`.

use crate::history::Timeline;
use serde::Serialize;

/// A KPI report, or a dispute report (a KPI report plus the dispute and its checklist).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `kpi` or `dispute`.
    pub kind: &'static str,
    /// The date given with `--date`; no date otherwise (output never depends on the clock).
    pub date: Option<String>,
    pub catalog: CatalogInfo,
    /// The dispute under review (dispute reports only).
    pub dispute: Option<DisputeReview>,
    pub kpi: Card,
    pub timeline: Timeline,
    /// Every dispute on the KPI.
    pub disputes: Vec<DisputeInfo>,
    pub references: References,
    /// Current findings (`check` on the working tree) on the KPI and, in a dispute report, on the dispute's file.
    pub findings: Vec<FindingInfo>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogInfo {
    pub version: Option<String>,
    pub released_at: Option<String>,
}

/// The KPI card.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub id: String,
    pub label: Option<String>,
    pub field_type: Option<String>,
    pub unit: Option<String>,
    pub domain: String,
    pub domain_label: Option<String>,
    pub maturity: Option<String>,
    pub definition: Option<String>,
    pub formula: Option<String>,
    pub tier: Option<String>,
    /// Every field of definitionSource, in canonical order (absent ones left out, nulls kept).
    pub source: Vec<SourceField>,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceField {
    pub name: String,
    /// The value as text; `None` for JSON null.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisputeInfo {
    pub id: String,
    pub path: String,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub opened_at: Option<String>,
    pub raised_by: Option<String>,
    pub claim: Option<String>,
    pub evidence: Vec<EvidenceInfo>,
    pub decision: Option<DecisionInfo>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceInfo {
    pub title: Option<String>,
    pub url: Option<String>,
    pub section_ref: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionInfo {
    pub decided_at: Option<String>,
    pub summary: Option<String>,
    pub released_in: Option<String>,
}

/// The dispute a dispute report is about, with the reviewer checklist.
#[derive(Debug, Clone, Serialize)]
pub struct DisputeReview {
    pub dispute: DisputeInfo,
    pub checklist: Vec<CheckItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Unknown,
}

impl Status {
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "✔",
            Status::Fail => "✘",
            Status::Unknown => "?",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
        }
    }
}

/// One item of a reviewer checklist.
#[derive(Debug, Clone, Serialize)]
pub struct CheckItem {
    pub check: String,
    pub status: Status,
    pub detail: String,
}

/// What points at the KPI, and what it points at.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct References {
    /// The KPI's own relatedKpiIds.
    pub related: Vec<KpiRef>,
    /// KPIs that list it in their relatedKpiIds.
    pub related_by: Vec<KpiRef>,
    /// KPIs that mention it in backticks in a text field or name it in a formula.
    pub mentioned_by: Vec<Mention>,
    pub flows: Vec<FlowRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KpiRef {
    pub id: String,
    /// `None` when the id does not resolve.
    pub label: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub id: String,
    pub label: Option<String>,
    /// The field holding the mention.
    pub field: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowRef {
    pub id: String,
    pub label: Option<String>,
    /// What the KPI is in the flow: start, end, container or a line's signed
    /// role (`-outflow`); a balance that opens and closes the flow is both.
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingInfo {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub file: String,
    /// The JSON pointer of the offending value.
    pub pointer: String,
    pub line: usize,
    pub column: usize,
}
