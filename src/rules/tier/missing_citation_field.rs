use super::published;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A published KPI does not give the URL or the section it cites.
    ///
    /// ## Why
    /// "Anchored to a standard" means a reader can open the standard at the
    /// right place. Without a URL and a section reference, the claim cannot be
    /// checked, and disputes about the definition have nothing to point to.
    ///
    /// ## Example
    /// ```json,expect=TIR005 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "published", "sourceName": "Example Metrics Board", "sourceUrl": "https://metrics.example.org/win-rate", "sectionRef": null, "publicationDate": "2025-06-01", "attributionNotice": null}}
    /// ```
    /// Use instead: `"sectionRef": "2.1 Win rate"`.
    ///
    /// ## How to fix
    /// Fill in `sourceUrl` and `sectionRef` from the standard.
    pub MissingCitationField {
        code: "TIR005",
        name: "missing-citation-field",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "published KPI has no `{field}`",
        since: "0.1.0",
    }
}

impl Check for MissingCitationField {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (kpi, src, _) in published(cx.catalog) {
            for (field, value) in [("sourceUrl", &src.source_url), ("sectionRef", &src.section_ref)] {
                if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                    out.report_kpi(kpi, format!("/definitionSource/{field}"))
                        .arg("field", field)
                        .help("give the standard's URL and the section the definition follows");
                }
            }
        }
    }
}
