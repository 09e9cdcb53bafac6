use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A related KPI id does not resolve to any KPI in the catalog.
    ///
    /// ## Why
    /// Related KPIs become links on the KPI pages and in the JSON API. A dangling
    /// id is a broken link for readers and a broken join for integrations.
    ///
    /// ## Example
    /// ```json,expect=REF001 path=ontology/sales/arr.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.annual_run_rate"]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.mrr"]}
    /// ```
    ///
    /// ## How to fix
    /// Correct the id, add the missing KPI, or remove the entry.
    pub UnresolvedRelatedKpi {
        code: "REF001",
        name: "unresolved-related-kpi",
        category: Reference,
        severity: Error,
        scope: Catalog,
        message: "related KPI `{target}` does not exist",
        since: "0.1.0",
    }
}

impl Check for UnresolvedRelatedKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            for (i, target) in kpi.related_kpi_ids.iter().enumerate() {
                let Some(target) = target else { continue };
                if !cx.catalog.resolves(target) {
                    out.report_kpi(kpi, format!("/relatedKpiIds/{i}"))
                        .arg("target", target)
                        .help("check the spelling, add the KPI, or remove the entry");
                }
            }
        }
    }
}
