use super::{field, text, texts};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Company stages, in their canonical order.
pub const STAGES: &[&str] = &["preSeed", "seed", "seriesA", "seriesB", "seriesC", "public"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    Currency,
    Percentage,
    Number,
    Text,
    Date,
}

impl FieldType {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Currency => "currency",
            FieldType::Percentage => "percentage",
            FieldType::Number => "number",
            FieldType::Text => "text",
            FieldType::Date => "date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Editorial,
    Published,
}

#[derive(Debug, Clone, Default)]
pub struct DefinitionSource {
    pub tier: Option<Tier>,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    pub section_ref: Option<String>,
    pub publication_date: Option<String>,
    pub attribution_notice: Option<String>,
}

impl DefinitionSource {
    fn from_value(obj: &Map<String, Value>) -> Self {
        DefinitionSource {
            tier: field(obj, "tier"),
            source_name: text(obj, "sourceName"),
            source_url: text(obj, "sourceUrl"),
            section_ref: text(obj, "sectionRef"),
            publication_date: text(obj, "publicationDate"),
            attribution_notice: text(obj, "attributionNotice"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Benchmark {
    pub p25: Option<f64>,
    pub median: Option<f64>,
    pub p75: Option<f64>,
}

impl Benchmark {
    fn from_value(obj: &Map<String, Value>) -> Self {
        let num = |k: &str| obj.get(k).and_then(Value::as_f64);
        Benchmark { p25: num("p25"), median: num("median"), p75: num("p75") }
    }
}

/// One KPI file, read leniently.
#[derive(Debug, Clone)]
pub struct Kpi {
    /// Index of the file in `Catalog::files`.
    pub file: usize,
    pub path_domain: String,
    pub path_slug: String,
    pub path_nested: bool,
    pub rogue_id: Option<String>,
    pub slug: Option<String>,
    pub domain: Option<String>,
    pub default_label: Option<String>,
    pub description: Option<String>,
    pub field_type: Option<FieldType>,
    pub unit: Option<String>,
    pub maturity: Option<String>,
    pub suggested_for_stages: Option<Vec<String>>,
    /// The keys of stageRelevance.
    pub stage_relevance: Option<Vec<String>>,
    pub definition_source: Option<DefinitionSource>,
    pub benchmark: Option<Benchmark>,
    pub formula: Option<String>,
    pub why_it_matters: Option<String>,
    pub interpretation_guidance: Option<String>,
    /// Entries as written; non-strings are `None`, so indices match pointers.
    pub related_kpi_ids: Vec<Option<String>>,
    pub has_metric_basis: bool,
    /// metricBasis.timeBasis (`point_in_time`, `period_flow`, `trailing_window`), when a string.
    pub time_basis: Option<String>,
}

/// The text fields in which a backticked rogueId is a reference.
pub const MENTION_FIELDS: &[&str] = &["description", "formula", "whyItMatters", "interpretationGuidance"];

impl Kpi {
    pub fn from_value(file: usize, domain: &str, slug: &str, nested: bool, obj: &Map<String, Value>) -> Self {
        let related = obj
            .get("relatedKpiIds")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        Kpi {
            file,
            path_domain: domain.to_string(),
            path_slug: slug.to_string(),
            path_nested: nested,
            rogue_id: text(obj, "rogueId"),
            slug: text(obj, "slug"),
            domain: text(obj, "domain"),
            default_label: text(obj, "defaultLabel"),
            description: text(obj, "description"),
            field_type: field(obj, "fieldType"),
            unit: text(obj, "unit"),
            maturity: text(obj, "maturity"),
            suggested_for_stages: texts(obj, "suggestedForStages"),
            stage_relevance: obj.get("stageRelevance").and_then(Value::as_object).map(|m| m.keys().cloned().collect()),
            definition_source: obj.get("definitionSource").and_then(Value::as_object).map(DefinitionSource::from_value),
            benchmark: obj.get("benchmark").and_then(Value::as_object).map(Benchmark::from_value),
            formula: text(obj, "formula"),
            why_it_matters: text(obj, "whyItMatters"),
            interpretation_guidance: text(obj, "interpretationGuidance"),
            related_kpi_ids: related,
            has_metric_basis: obj.contains_key("metricBasis"),
            time_basis: obj.get("metricBasis").and_then(Value::as_object).and_then(|m| text(m, "timeBasis")),
        }
    }

    /// The id this KPI is known by: its rogueId, else the one its path implies.
    pub fn id(&self) -> String {
        self.rogue_id.clone().unwrap_or_else(|| format!("{}.{}", self.path_domain, self.path_slug))
    }

    /// The domain used for same-domain references.
    pub fn home_domain(&self) -> &str {
        self.domain.as_deref().unwrap_or(&self.path_domain)
    }

    pub fn text_field(&self, key: &str) -> Option<&str> {
        match key {
            "description" => self.description.as_deref(),
            "formula" => self.formula.as_deref(),
            "whyItMatters" => self.why_it_matters.as_deref(),
            "interpretationGuidance" => self.interpretation_guidance.as_deref(),
            _ => None,
        }
    }

    pub fn tier(&self) -> Option<Tier> {
        self.definition_source.as_ref().and_then(|s| s.tier)
    }
}
