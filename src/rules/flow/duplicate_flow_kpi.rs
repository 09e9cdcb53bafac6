use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI appears twice in one flow.
    ///
    /// ## Why
    /// Each movement is counted once: a line listed twice, or a line that is
    /// also the flow's start or end, double-counts it and the flow can no
    /// longer balance. (The start and the end may be one KPI: the same balance
    /// at the opening and at the closing of the period.)
    ///
    /// ## Example
    /// ```json,expect=FLW006 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "sales.mrr", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove the repeated line, or split the movement into two distinct KPIs.
    pub DuplicateFlowKpi {
        code: "FLW006",
        name: "duplicate-flow-kpi",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "`{kpi}` appears twice in flow `{flow}`",
        since: "0.1.0",
    }
}

impl Check for DuplicateFlowKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            let mut seen: Vec<(&str, String)> = Vec::new();
            for (slot, pointer, id) in super::measured(flow) {
                if slot == super::Slot::Line
                    && let Some((_, first)) = seen.iter().find(|(s, _)| *s == id)
                {
                    out.report(flow.file, &pointer)
                        .arg("kpi", id)
                        .arg("flow", flow.name())
                        .label(flow.file, first.clone(), "first here")
                        .help("each KPI is one line of a flow; start and end may be the same KPI");
                    continue;
                }
                if !seen.iter().any(|(s, _)| *s == id) {
                    seen.push((id, pointer));
                }
            }
        }
    }
}
