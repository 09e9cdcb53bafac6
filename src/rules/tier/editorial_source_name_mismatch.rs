use super::editorial;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An editorial KPI's sourceName is not the catalog's house name.
    ///
    /// ## Why
    /// Readers must be able to tell an in-house definition from one anchored to a
    /// standard at a glance. Editorial KPIs therefore carry one name, the house
    /// name set as `editorialSourceName` in catalog.json, and nothing that looks
    /// like a third party.
    ///
    /// The rule needs the house name: without `editorialSourceName` in
    /// catalog.json it has nothing to compare with and stays silent.
    ///
    /// ## Example
    /// ```json,expect=TIR001 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "editorial", "sourceName": "Sales Ops team", "sourceUrl": null, "sectionRef": null, "publicationDate": "2026-01-15", "attributionNotice": null}}
    /// ```
    /// Use instead: the house name, as catalog.json's `editorialSourceName` gives it.
    ///
    /// ## How to fix
    /// Set `sourceName` to the house name, or, if a standard really anchors the
    /// definition, make the KPI `published` and cite it.
    pub EditorialSourceNameMismatch {
        code: "TIR001",
        name: "editorial-source-name-mismatch",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "editorial sourceName `{found}` is not the catalog's house name `{expected}`",
        since: "0.1.0",
    }
}

impl Check for EditorialSourceNameMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(house) = cx.catalog.editorial_source_name() else {
            return;
        };
        for (kpi, src) in editorial(cx.catalog) {
            let Some(found) = &src.source_name else {
                continue;
            };
            if found != house {
                out.report_kpi(kpi, "/definitionSource/sourceName")
                    .arg("found", found)
                    .arg("expected", house)
                    .help(format!("set \"sourceName\": \"{house}\""));
            }
        }
    }
}
