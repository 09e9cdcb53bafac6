use super::published;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A published KPI cites a standard that standards.json does not register.
    ///
    /// ## Why
    /// The registry is where the catalog records which third-party standards it
    /// may cite, their sites and the notices their owners require. An
    /// unregistered name is usually a typo, and it escapes the URL and notice
    /// checks.
    ///
    /// ## Example
    /// ```json,expect=TIR003 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "published", "sourceName": "Metrics Board of Example", "sourceUrl": "https://metrics.example.org/win-rate", "sectionRef": "2.1", "publicationDate": "2025-06-01", "attributionNotice": null}}
    /// ```
    /// Use instead: the name exactly as standards.json registers it.
    ///
    /// ## How to fix
    /// Use the exact registered name, or register the standard in standards.json
    /// (name, URL prefix, required notice).
    pub UnregisteredStandard {
        code: "TIR003",
        name: "unregistered-standard",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "published source `{source}` is not registered in standards.json",
        since: "0.1.0",
    }
}

impl Check for UnregisteredStandard {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (kpi, src, standard) in published(cx.catalog) {
            let (Some(name), None) = (&src.source_name, standard) else {
                continue;
            };
            let closest = cx
                .catalog
                .standards
                .iter()
                .map(|s| (strsim::normalized_levenshtein(&s.name.to_lowercase(), &name.to_lowercase()), &s.name))
                .filter(|(score, _)| *score > 0.6)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let help = match closest {
                Some((_, s)) => format!("did you mean `{s}`?"),
                None if !cx.catalog.files.iter().any(|f| f.kind == crate::model::FileKind::Standards) => {
                    "the catalog has no ontology/standards.json: create it and register the standard".to_string()
                }
                None => "register the standard in standards.json, or use a registered name".to_string(),
            };
            out.report_kpi(kpi, "/definitionSource/sourceName").arg("source", name).help(help);
        }
    }
}
