use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A benchmark's percentiles are not in order (p25 ≤ median ≤ p75).
    ///
    /// ## Why
    /// Percentiles are ordered by definition. Out-of-order values are a typing
    /// or transcription error, and a board reading "top quartile" from them would
    /// be misled.
    ///
    /// ## Example
    /// ```json,expect=EDT004 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "benchmark": {"p25": 30, "median": 22, "p75": 35, "unit": "%", "sourceName": "Example survey", "sourceYear": "2025", "higherIsBetter": true}}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "benchmark": {"p25": 22, "median": 30, "p75": 35, "unit": "%", "sourceName": "Example survey", "sourceYear": "2025", "higherIsBetter": true}}
    /// ```
    ///
    /// ## How to fix
    /// Re-check the values against the source. When lower is better, the
    /// percentiles still ascend; set `higherIsBetter: false` instead of reversing them.
    pub BenchmarkOutOfOrder {
        code: "EDT004",
        name: "benchmark-out-of-order",
        category: Editorial,
        severity: Error,
        scope: Kpi,
        message: "benchmark percentiles are out of order: p25 {p25}, median {median}, p75 {p75}",
        since: "0.1.0",
    }
}

impl Check for BenchmarkOutOfOrder {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let Some(b) = &kpi.benchmark else { continue };
            let (Some(p25), Some(median), Some(p75)) = (b.p25, b.median, b.p75) else {
                continue;
            };
            let pointer = if p25 > median {
                "/benchmark/p25"
            } else if median > p75 {
                "/benchmark/median"
            } else {
                continue;
            };
            out.report_kpi(kpi, pointer)
                .arg("p25", p25)
                .arg("median", median)
                .arg("p75", p75)
                .help("percentiles ascend; for lower-is-better KPIs set \"higherIsBetter\": false");
        }
    }
}
