use super::{field, text};
use serde::Deserialize;
use serde_json::Value;

/// What a dispute challenges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DisputeKind {
    Attribution,
    Definition,
    Formula,
    Tier,
    Benchmark,
}

impl DisputeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeKind::Attribution => "attribution",
            DisputeKind::Definition => "definition",
            DisputeKind::Formula => "formula",
            DisputeKind::Tier => "tier",
            DisputeKind::Benchmark => "benchmark",
        }
    }
}

/// Where a dispute stands. Upheld, rejected and withdrawn are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisputeStatus {
    Open,
    UnderReview,
    Upheld,
    Rejected,
    Withdrawn,
}

impl DisputeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeStatus::Open => "open",
            DisputeStatus::UnderReview => "under-review",
            DisputeStatus::Upheld => "upheld",
            DisputeStatus::Rejected => "rejected",
            DisputeStatus::Withdrawn => "withdrawn",
        }
    }

    /// Upheld, rejected and withdrawn: no later commit may change them.
    pub fn is_final(self) -> bool {
        matches!(self, DisputeStatus::Upheld | DisputeStatus::Rejected | DisputeStatus::Withdrawn)
    }

    /// Open or under review: still to be decided.
    pub fn is_pending(self) -> bool {
        !self.is_final()
    }

    /// Whether a decision must be recorded (upheld or rejected).
    pub fn needs_decision(self) -> bool {
        matches!(self, DisputeStatus::Upheld | DisputeStatus::Rejected)
    }
}

/// One piece of evidence cited by a dispute.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub title: Option<String>,
    pub url: Option<String>,
    pub section_ref: Option<String>,
}

/// The decision on a dispute.
#[derive(Debug, Clone, Default)]
pub struct Decision {
    pub decided_at: Option<String>,
    pub summary: Option<String>,
    pub released_in: Option<String>,
}

/// `ontology/disputes/<ID>.json`, read leniently (the schema rule reports what is wrong).
#[derive(Debug, Clone, Default)]
pub struct Dispute {
    /// Index of the file in `Catalog::files`.
    pub file: usize,
    /// The file name without `.json`.
    pub file_stem: String,
    pub id: Option<String>,
    pub kpi: Option<String>,
    pub kind: Option<DisputeKind>,
    pub status: Option<DisputeStatus>,
    pub opened_at: Option<String>,
    pub raised_by: Option<String>,
    pub claim: Option<String>,
    pub evidence: Vec<Evidence>,
    pub decision: Option<Decision>,
}

impl Dispute {
    pub fn from_value(file: usize, file_stem: &str, value: &Value) -> Option<Self> {
        let obj = value.as_object()?;
        let evidence = obj
            .get("evidence")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_object)
                    .map(|e| Evidence {
                        title: text(e, "title"),
                        url: text(e, "url"),
                        section_ref: text(e, "sectionRef"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let decision = obj.get("decision").and_then(Value::as_object).map(|d| Decision {
            decided_at: text(d, "decidedAt"),
            summary: text(d, "summary"),
            released_in: text(d, "releasedIn"),
        });
        Some(Dispute {
            file,
            file_stem: file_stem.to_string(),
            id: text(obj, "id"),
            kpi: text(obj, "kpi"),
            kind: field(obj, "kind"),
            status: field(obj, "status"),
            opened_at: text(obj, "openedAt"),
            raised_by: text(obj, "raisedBy"),
            claim: text(obj, "claim"),
            evidence,
            decision,
        })
    }

    /// The disputed KPI, when it has the schema's rogueId form
    /// (`^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$`); a malformed one is the schema's finding alone.
    pub fn wellformed_kpi(&self) -> Option<&str> {
        let ident = |s: &str| {
            let mut chars = s.chars();
            chars.next().is_some_and(|c| c.is_ascii_lowercase())
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        let kpi = self.kpi.as_deref()?;
        let (domain, slug) = kpi.split_once('.')?;
        (ident(domain) && ident(slug)).then_some(kpi)
    }

    /// The id to show: the record's own, else its file name.
    pub fn name(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.file_stem)
    }
}
