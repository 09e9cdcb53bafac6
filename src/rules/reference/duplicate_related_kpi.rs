use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A related KPI id is listed more than once.
    ///
    /// ## Why
    /// Duplicates show the same link twice on the KPI page and make diffs of
    /// `relatedKpiIds` harder to review. The finding sits on the repeat and points
    /// at the first entry.
    ///
    /// ## Example
    /// ```json,expect=REF003 path=ontology/sales/arr.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.mrr", "sales.mrr"]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.mrr"]}
    /// ```
    ///
    /// ## How to fix
    /// Delete the repeated entry.
    pub DuplicateRelatedKpi {
        code: "REF003",
        name: "duplicate-related-kpi",
        category: Reference,
        severity: Error,
        scope: Kpi,
        message: "related KPI `{target}` is listed more than once",
        since: "0.1.0",
    }
}

impl Check for DuplicateRelatedKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            for (i, target) in kpi.related_kpi_ids.iter().enumerate() {
                let Some(target) = target else { continue };
                let first = kpi.related_kpi_ids.iter().position(|t| t.as_deref() == Some(target.as_str()));
                if let Some(first) = first.filter(|&f| f < i) {
                    out.report_kpi(kpi, format!("/relatedKpiIds/{i}"))
                        .arg("target", target)
                        .label(kpi.file, format!("/relatedKpiIds/{first}"), "first listed here")
                        .help("delete the repeated entry");
                }
            }
        }
    }
}
