use super::mentions;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI named in a formula is missing from relatedKpiIds.
    ///
    /// ## Why
    /// The inputs of a formula are the first KPIs a reader needs next to it; the
    /// pages and the API show relatedKpiIds, not the formula's tokens. Listing
    /// them keeps the link graph complete.
    ///
    /// ## Example
    /// ```json,expect=REF005 path=ontology/sales/arr.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "formula": "`sales.mrr` × 12", "relatedKpiIds": []}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "formula": "`sales.mrr` × 12", "relatedKpiIds": ["sales.mrr"]}
    /// ```
    ///
    /// ## How to fix
    /// Add the id to `relatedKpiIds`.
    pub FormulaKpiNotRelated {
        code: "REF005",
        name: "formula-kpi-not-related",
        category: Reference,
        severity: Warning,
        scope: Catalog,
        message: "formula uses `{target}` but relatedKpiIds does not list it",
        since: "0.1.0",
    }
}

impl Check for FormulaKpiNotRelated {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let Some(formula) = &kpi.formula else {
                continue;
            };
            let id = kpi.id();
            let mut seen = Vec::new();
            for m in mentions::in_formula(cx.catalog, kpi, formula) {
                let listed = kpi.related_kpi_ids.iter().any(|r| r.as_deref() == Some(m.id.as_str()));
                if listed || m.id == id || !cx.catalog.resolves(&m.id) || seen.contains(&m.id) {
                    continue;
                }
                seen.push(m.id.clone());
                out.report_kpi(kpi, "/formula")
                    .within(m.range)
                    .arg("target", &m.id)
                    .help(format!("add \"{}\" to relatedKpiIds", m.id));
            }
        }
    }
}
