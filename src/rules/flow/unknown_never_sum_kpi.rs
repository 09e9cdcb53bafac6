use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A never-sum pair of ontolint.toml names a KPI that does not exist.
    ///
    /// ## Why
    /// A pair that names a missing KPI guards nothing: usually a typo or a KPI
    /// renamed since, so the sum it should forbid would pass unnoticed. Only
    /// pairs written in ontolint.toml are checked; the default pair is silent
    /// in a catalog without its KPIs.
    ///
    /// ## Example
    /// ```toml
    /// never-sum = [["sales.bookings_backlog", "sales.pipeline"]]   # no KPI sales.pipeline
    /// ```
    ///
    /// ## How to fix
    /// Correct the rogueId in `never-sum`, or remove the pair.
    pub UnknownNeverSumKpi {
        code: "FLW011",
        name: "unknown-never-sum-kpi",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "never-sum pair names `{kpi}`, which does not exist",
        since: "0.1.0",
    }
}

impl Check for UnknownNeverSumKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, pair) in cx.settings.never_sum.iter().enumerate() {
            let Some(span) = &pair.span else { continue };
            for id in [&pair.a, &pair.b] {
                if !cx.catalog.resolves(id) {
                    out.report_path(&cx.settings.config_file)
                        .span(span.clone())
                        .pointer(format!("/never-sum/{i}"))
                        .arg("kpi", id)
                        .help("correct the rogueId in `never-sum`, or remove the pair");
                }
            }
        }
    }
}
