use crate::model::Role;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A backlog flow has no cancellation line.
    ///
    /// ## Why
    /// Backlog leaves in two ways: it is delivered (recognised) or it is
    /// cancelled. Without an explicit cancellation line, cancellations hide in
    /// another line or in an unexplained residual, and the board cannot see
    /// leakage. The line must be there even when the amount is zero. Backlog
    /// KPIs are those listed in `backlog-kpis` of ontolint.toml (default: every
    /// rogueId containing `backlog`).
    ///
    /// ## Example
    /// ```json,expect=FLW007 path=ontology/flows/sales.bookings_backlog_flow.json
    /// {"id": "sales.bookings_backlog_flow", "container": "sales.backlog_overview", "start": "sales.bookings_backlog", "end": "sales.bookings_backlog",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.bookings_backlog_flow", "container": "sales.backlog_overview", "start": "sales.bookings_backlog", "end": "sales.bookings_backlog",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"},
    ///            {"kpi": "sales.arr", "sign": "-", "role": "cancellation"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add a line with `"role": "cancellation"` (and `"sign": "-"`) for the
    /// KPI that measures cancelled backlog, even if it is zero this period.
    pub MissingCancellationLine {
        code: "FLW007",
        name: "missing-cancellation-line",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow `{flow}` of backlog KPI `{kpi}` has no cancellation line",
        since: "0.1.0",
    }
}

impl Check for MissingCancellationLine {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            let backlog = [&flow.start, &flow.end].into_iter().flatten().find(|id| cx.settings.is_backlog(id));
            let Some(kpi) = backlog else { continue };
            if !flow.lines.iter().any(|l| l.role == Some(Role::Cancellation)) {
                out.report(flow.file, "/lines")
                    .arg("flow", flow.name())
                    .arg("kpi", kpi)
                    .help("add a line with \"role\": \"cancellation\", even when its amount is zero");
            }
        }
    }
}
