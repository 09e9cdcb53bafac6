use crate::model::FieldType;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A numeric, currency, percentage or date KPI has no formula.
    ///
    /// ## Why
    /// Two companies can report the same label and mean different numbers. The
    /// formula is what makes a KPI comparable and auditable; every KPI that
    /// yields a value needs one. Only text (container) KPIs may omit it.
    ///
    /// ## Example
    /// ```json,expect=EDT003 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "fieldType": "percentage", "unit": "%"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "fieldType": "percentage", "unit": "%", "formula": "Deals won ÷ deals closed (won + lost) in the period × 100"}
    /// ```
    ///
    /// ## How to fix
    /// Add a `formula` that names its inputs (by rogueId where they are KPIs).
    pub MissingFormula {
        code: "EDT003",
        name: "missing-formula",
        category: Editorial,
        severity: Error,
        scope: Kpi,
        message: "{field_type} KPI `{id}` has no formula",
        since: "0.1.0",
    }
}

impl Check for MissingFormula {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let Some(ft) = kpi.field_type else { continue };
            if ft != FieldType::Text && kpi.formula.as_deref().is_none_or(|f| f.trim().is_empty()) {
                out.report_kpi(kpi, "/fieldType")
                    .arg("field_type", ft.as_str())
                    .arg("id", kpi.id())
                    .help("add a \"formula\" that names its inputs");
            }
        }
    }
}
