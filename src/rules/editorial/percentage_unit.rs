use crate::model::FieldType;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A percentage KPI's unit is not `%`.
    ///
    /// ## Why
    /// Dashboards format a value from its type and unit. A percentage stored
    /// with unit `ratio` or `null` is shown as 0.35 in one tool and 35% in
    /// another, and board packs end up mixing the two.
    ///
    /// ## Example
    /// ```json,expect=EDT001 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "fieldType": "percentage", "unit": "ratio"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "fieldType": "percentage", "unit": "%"}
    /// ```
    ///
    /// ## How to fix
    /// Set `"unit": "%"`; if the KPI really is a ratio or a multiple, make it a `number`.
    pub PercentageUnit {
        code: "EDT001",
        name: "percentage-unit-not-percent",
        category: Editorial,
        severity: Warning,
        scope: Kpi,
        message: "percentage KPI has unit {unit} instead of `%`",
        since: "0.1.0",
    }
}

impl Check for PercentageUnit {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in cx.catalog.kpis.iter().filter(|k| k.field_type == Some(FieldType::Percentage)) {
            if kpi.unit.as_deref() != Some("%") {
                let shown = kpi.unit.as_deref().map_or_else(|| "null".to_string(), |u| format!("`{u}`"));
                out.report_kpi(kpi, "/unit").arg("unit", shown).help("set \"unit\": \"%\"");
            }
        }
    }
}
