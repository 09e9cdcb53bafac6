use crate::model::FieldType;
use crate::rules::{Check, Context, Sink, declare_rule};

/// The prefix that marks a container formula.
pub const CONTAINER_PREFIX: &str = "Container —";

declare_rule! {
    /// A text KPI's formula does not start with "Container —".
    ///
    /// ## Why
    /// Text KPIs hold no value; a formula on one describes what it groups (the
    /// lines of a roll-forward, say). The "Container —" prefix tells readers and
    /// tools that the text is a description, not arithmetic to evaluate.
    ///
    /// ## Example
    /// ```json,expect=EDT006 path=ontology/sales/backlog_overview.json
    /// {"rogueId": "sales.backlog_overview", "slug": "backlog_overview", "domain": "sales", "fieldType": "text", "formula": "opening + bookings − recognised"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.backlog_overview", "slug": "backlog_overview", "domain": "sales", "fieldType": "text", "formula": "Container — opening + bookings − recognised"}
    /// ```
    ///
    /// ## How to fix
    /// Start the formula with "Container — ", or give the KPI a numeric type.
    pub ContainerFormulaPrefix {
        code: "EDT006",
        name: "container-formula-prefix",
        category: Editorial,
        severity: Warning,
        scope: Kpi,
        message: "text KPI `{id}` has a formula that does not start with \"Container —\"",
        since: "0.1.0",
    }
}

impl Check for ContainerFormulaPrefix {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in cx.catalog.kpis.iter().filter(|k| k.field_type == Some(FieldType::Text)) {
            let Some(f) = &kpi.formula else { continue };
            if !f.starts_with(CONTAINER_PREFIX) {
                out.report_kpi(kpi, "/formula")
                    .arg("id", kpi.id())
                    .help(format!("start the formula with \"{CONTAINER_PREFIX} \""));
            }
        }
    }
}
