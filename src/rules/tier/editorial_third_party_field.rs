use super::editorial;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An editorial KPI carries a third-party URL, section or attribution notice.
    ///
    /// ## Why
    /// A URL or section on an editorial definition suggests a standard anchors
    /// it when none does — exactly the confusion the two tiers exist to prevent.
    /// When a standard emerges, the KPI is back-attributed: it becomes
    /// `published` and cites the standard in full.
    ///
    /// ## Example
    /// ```json,expect=TIR002 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "editorial", "sourceName": "Test Editorial", "sourceUrl": "https://example.com/win-rate", "sectionRef": null, "publicationDate": "2026-01-15", "attributionNotice": null}}
    /// ```
    /// Use instead: `"sourceUrl": null`.
    ///
    /// ## How to fix
    /// Set the field to `null`, or back-attribute the KPI to the standard
    /// (`"tier": "published"` with a registered standard).
    pub EditorialThirdPartyField {
        code: "TIR002",
        name: "editorial-third-party-field",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "editorial KPI has a third-party `{field}`; it must be null",
        since: "0.1.0",
    }
}

impl Check for EditorialThirdPartyField {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (kpi, src) in editorial(cx.catalog) {
            let fields = [
                ("sourceUrl", &src.source_url),
                ("sectionRef", &src.section_ref),
                ("attributionNotice", &src.attribution_notice),
            ];
            for (field, value) in fields {
                if value.is_some() {
                    out.report_kpi(kpi, format!("/definitionSource/{field}"))
                        .arg("field", field)
                        .help("set it to null, or make the KPI `published` and cite a registered standard");
                }
            }
        }
    }
}
