use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI lists itself among its related KPIs.
    ///
    /// ## Why
    /// A self-link adds nothing for readers and usually means an id was copied
    /// from the wrong file.
    ///
    /// ## Example
    /// ```json,expect=REF002 path=ontology/sales/arr.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.arr", "sales.mrr"]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "relatedKpiIds": ["sales.mrr"]}
    /// ```
    ///
    /// ## How to fix
    /// Remove the KPI's own id from `relatedKpiIds`.
    pub SelfReference {
        code: "REF002",
        name: "related-kpi-self-reference",
        category: Reference,
        severity: Error,
        scope: Kpi,
        message: "KPI `{id}` lists itself in relatedKpiIds",
        since: "0.1.0",
    }
}

impl Check for SelfReference {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let id = kpi.id();
            for (i, target) in kpi.related_kpi_ids.iter().enumerate() {
                if target.as_deref() == Some(id.as_str()) {
                    out.report_kpi(kpi, format!("/relatedKpiIds/{i}")).arg("id", &id).help("remove this entry");
                }
            }
        }
    }
}
