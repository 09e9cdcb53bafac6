use super::published;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A published KPI's attribution notice is not exactly the one its standard requires.
    ///
    /// ## Why
    /// Some standard owners require a notice wherever their definitions are
    /// reused (the SaaS Metrics Standards Board requires one saying the catalog
    /// is not affiliated with it). A missing or reworded notice breaches those
    /// terms; a notice where none is required implies an affiliation that does
    /// not exist. standards.json holds the exact text.
    ///
    /// ## Example
    /// ```json,expect=TIR006 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "published", "sourceName": "Example Metrics Board", "sourceUrl": "https://metrics.example.org/win-rate", "sectionRef": "2.1", "publicationDate": "2025-06-01", "attributionNotice": "Used with permission."}}
    /// ```
    /// Use instead: the notice exactly as standards.json gives it for the standard.
    ///
    /// ## How to fix
    /// Copy the notice from standards.json verbatim, or set it to `null` when the
    /// registry requires none.
    pub AttributionNoticeMismatch {
        code: "TIR006",
        name: "attribution-notice-mismatch",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "attributionNotice {problem} for `{source}`",
        since: "0.1.0",
    }
}

impl Check for AttributionNoticeMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (kpi, src, standard) in published(cx.catalog) {
            let Some(standard) = standard else { continue };
            let (problem, help) = match (&standard.attribution_notice, &src.attribution_notice) {
                (Some(required), None) => {
                    ("is missing, but the standard requires one", format!("set \"attributionNotice\": {required:?}"))
                }
                (Some(required), Some(found)) if required != found => (
                    "differs from the notice the standard requires",
                    format!("use the registered text exactly: {required:?}"),
                ),
                (None, Some(_)) => ("must be null: the standard requires no notice", "set it to null".to_string()),
                _ => continue,
            };
            out.report_kpi(kpi, "/definitionSource/attributionNotice")
                .arg("problem", problem)
                .arg("source", &standard.name)
                .help(help);
        }
    }
}
