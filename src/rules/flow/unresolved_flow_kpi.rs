use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow names a KPI that does not exist.
    ///
    /// ## Why
    /// A flow reconciles real KPIs: its container renders it, its start and
    /// end are the balances and its lines the movements. A dangling id breaks
    /// the reconciliation and the pages that show it.
    ///
    /// ## Example
    /// ```json,expect=FLW002 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.new_arr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Correct the id, or add the missing KPI.
    pub UnresolvedFlowKpi {
        code: "FLW002",
        name: "unresolved-flow-kpi",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow `{flow}` names KPI `{target}`, which does not exist",
        since: "0.1.0",
    }
}

impl Check for UnresolvedFlowKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            for (_, pointer, id) in super::slots(flow) {
                if !cx.catalog.resolves(id) {
                    out.report(flow.file, pointer)
                        .arg("flow", flow.name())
                        .arg("target", id)
                        .help("check the spelling, or add the KPI file");
                }
            }
        }
    }
}
