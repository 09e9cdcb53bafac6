use super::Slot;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow's start or end is not a point-in-time KPI, or a line is not a period flow.
    ///
    /// ## Why
    /// A roll-forward goes from a balance at one instant to a balance at a
    /// later instant through what moved in between: the start and end are
    /// `point_in_time` KPIs and every line is a `period_flow`. A line that is
    /// itself a balance counts the same money twice. Checked where the KPI's
    /// metricBasis gives a timeBasis.
    ///
    /// ## Example
    /// ```json,expect=FLW005 path=ontology/flows/sales.mrr_flow.json
    /// {"id": "sales.mrr_flow", "container": "sales.backlog_overview", "start": "sales.mrr", "end": "sales.mrr",
    ///  "lines": [{"kpi": "sales.arr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.mrr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Put balances in `start`/`end` and movements in `lines`, or correct the
    /// KPI's `metricBasis.timeBasis`.
    pub FlowTimeBasisMismatch {
        code: "FLW005",
        name: "flow-time-basis-mismatch",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "`{kpi}` has timeBasis `{found}`, but a flow's {slot} must be `{expected}`",
        since: "0.1.0",
    }
}

impl Check for FlowTimeBasisMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            for (slot, pointer, id) in super::measured(flow) {
                let Some(found) = cx.catalog.kpi(id).and_then(|k| k.time_basis.as_deref()) else { continue };
                let (name, expected) = match slot {
                    Slot::Start => ("start", "point_in_time"),
                    Slot::End => ("end", "point_in_time"),
                    _ => ("line", "period_flow"),
                };
                if found != expected {
                    out.report(flow.file, pointer)
                        .arg("kpi", id)
                        .arg("found", found)
                        .arg("slot", name)
                        .arg("expected", expected)
                        .help("start and end are balances (point_in_time); lines are movements (period_flow)");
                }
            }
        }
    }
}
