use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A description has no "Common pitfall:" sentence.
    ///
    /// ## Why
    /// By the catalog's editorial convention, every description ends with the
    /// mistake people most often make with the KPI. It is the sentence readers
    /// quote most, and the one that prevents the most disputes.
    ///
    /// ## Example
    /// ```json,expect=EDT005 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "description": "Share of closed deals that were won."}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "description": "Share of closed deals that were won. Common pitfall: counting deals still open."}
    /// ```
    ///
    /// ## How to fix
    /// End the description with a sentence that starts "Common pitfall: ".
    pub MissingCommonPitfall {
        code: "EDT005",
        name: "missing-common-pitfall",
        category: Editorial,
        severity: Info,
        scope: Kpi,
        message: "description of `{id}` has no \"Common pitfall:\" sentence",
        since: "0.1.0",
    }
}

impl Check for MissingCommonPitfall {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let Some(d) = &kpi.description else { continue };
            if !d.contains("Common pitfall:") {
                out.report_kpi(kpi, "/description")
                    .arg("id", kpi.id())
                    .help("end the description with \"Common pitfall: …\"");
            }
        }
    }
}
