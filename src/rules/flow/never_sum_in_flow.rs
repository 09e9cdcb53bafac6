use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow adds both KPIs of a never-sum pair.
    ///
    /// ## Why
    /// Some KPIs must never be added together: signed backlog and unsigned
    /// pipeline, for example, may sit side by side but never in one total.
    /// Two lines with the same sign add them. The pairs come from `never-sum`
    /// in ontolint.toml (default: `sales.bookings_backlog` and
    /// `sales.pipeline_value`).
    ///
    /// ## Example
    /// ```json,expect=FLW009 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.bookings_backlog", "sign": "+", "role": "inflow"}, {"kpi": "sales.pipeline_value", "sign": "+", "role": "inflow"},
    ///            {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Keep the two KPIs in separate flows; if one really offsets the other,
    /// give them opposite signs.
    pub NeverSumInFlow {
        code: "FLW009",
        name: "never-sum-pair-in-flow",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow `{flow}` adds `{a}` and `{b}`, which must never be summed",
        since: "0.1.0",
    }
}

impl Check for NeverSumInFlow {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            for (j, later) in flow.lines.iter().enumerate() {
                let Some(b) = &later.kpi else { continue };
                let earlier = flow.lines[..j].iter().find(|l| {
                    l.sign.is_some()
                        && l.sign == later.sign
                        && l.kpi.as_deref().is_some_and(|a| cx.settings.never_sum.iter().any(|p| p.is(a, b)))
                });
                if let Some(first) = earlier {
                    let a = first.kpi.as_deref().unwrap_or_default();
                    out.report(flow.file, format!("/lines/{}/kpi", later.index))
                        .arg("flow", flow.name())
                        .arg("a", a)
                        .arg("b", b)
                        .label(flow.file, format!("/lines/{}/kpi", first.index), "added here with the same sign")
                        .help("keep the two KPIs apart: separate flows, or opposite signs if one offsets the other");
                }
            }
        }
    }
}
