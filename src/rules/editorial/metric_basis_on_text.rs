use crate::model::FieldType;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A text KPI carries a metricBasis.
    ///
    /// ## Why
    /// metricBasis says how a number is measured (point in time or period flow,
    /// which money, which cohort). Text KPIs are containers or labels: they have
    /// no number, so a basis on them is meaningless and usually belongs on one of
    /// the KPIs the container groups.
    ///
    /// ## Example
    /// ```json,expect=EDT002 path=ontology/sales/backlog_overview.json
    /// {"rogueId": "sales.backlog_overview", "slug": "backlog_overview", "domain": "sales", "fieldType": "text", "metricBasis": {"timeBasis": "point_in_time"}}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.backlog_overview", "slug": "backlog_overview", "domain": "sales", "fieldType": "text"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `metricBasis`, or move it to the numeric KPIs it describes.
    pub MetricBasisOnText {
        code: "EDT002",
        name: "metric-basis-on-text-kpi",
        category: Editorial,
        severity: Error,
        scope: Kpi,
        message: "text KPI `{id}` carries a metricBasis",
        since: "0.1.0",
    }
}

impl Check for MetricBasisOnText {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            if kpi.field_type == Some(FieldType::Text) && kpi.has_metric_basis {
                out.report_kpi(kpi, "/metricBasis")
                    .on_key()
                    .arg("id", kpi.id())
                    .help("remove metricBasis, or move it to the numeric KPIs it describes");
            }
        }
    }
}
