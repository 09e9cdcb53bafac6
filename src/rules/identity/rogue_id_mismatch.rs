use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI's rogueId is not its domain and slug joined by a dot.
    ///
    /// ## Why
    /// The rogueId is the stable key integrations store and link to; the domain
    /// and slug are its parts. When they disagree, the API and the pages publish
    /// one KPI under two names.
    ///
    /// ## Example
    /// ```json,expect=IDN001 path=ontology/sales/arr.json
    /// {"rogueId": "sales.annual_recurring_revenue", "slug": "arr", "domain": "sales"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales"}
    /// ```
    ///
    /// ## How to fix
    /// Make `rogueId` equal `domain + "." + slug`. Renaming a published rogueId
    /// is a breaking change for integrations: prefer fixing slug or domain.
    pub RogueIdMismatch {
        code: "IDN001",
        name: "rogue-id-mismatch",
        category: Identity,
        severity: Error,
        scope: Kpi,
        message: "rogueId `{rogue_id}` does not match domain and slug: expected `{expected}`",
        since: "0.1.0",
    }
}

impl Check for RogueIdMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let (Some(id), Some(domain), Some(slug)) = (&kpi.rogue_id, &kpi.domain, &kpi.slug) else {
                continue;
            };
            let expected = format!("{domain}.{slug}");
            if *id != expected {
                out.report_kpi(kpi, "/rogueId")
                    .arg("rogue_id", id)
                    .arg("expected", &expected)
                    .help(format!("set `\"rogueId\": \"{expected}\"`, or correct `domain` and `slug`"));
            }
        }
    }
}
