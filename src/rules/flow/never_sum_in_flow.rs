use crate::model::Sign;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow adds both KPIs of a never-sum pair.
    ///
    /// ## Why
    /// Some KPIs must never be added together: signed backlog and unsigned
    /// pipeline, for example, may sit side by side but never in one total.
    /// Two lines with the same sign add them, as does a `+` line whose KPI
    /// pairs with the flow's start. The pairs come from `never-sum`
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
            // The terms added so far: the start (always added) and each line with its sign.
            let mut terms: Vec<(&str, Option<Sign>, String)> = Vec::new();
            if let Some(start) = &flow.start {
                terms.push((start, Some(Sign::Plus), "/start".to_string()));
            }
            for line in &flow.lines {
                let Some(b) = &line.kpi else { continue };
                let pointer = format!("/lines/{}/kpi", line.index);
                let paired = terms.iter().find(|(a, sign, _)| {
                    sign.is_some() && *sign == line.sign && cx.settings.never_sum.iter().any(|p| p.is(a, b))
                });
                if let Some((a, _, first)) = paired {
                    let label = if first == "/start" { "the start, added" } else { "added here with the same sign" };
                    out.report(flow.file, &pointer)
                        .arg("flow", flow.name())
                        .arg("a", a)
                        .arg("b", b)
                        .label(flow.file, first.clone(), label)
                        .help("keep the two KPIs apart: separate flows, or opposite signs if one offsets the other");
                }
                terms.push((b, line.sign, pointer));
            }
        }
    }
}
