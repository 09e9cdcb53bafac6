use crate::model::Role;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow has no inflow line or no outflow line.
    ///
    /// ## Why
    /// A roll-forward explains how a balance grew and how it shrank. A flow
    /// with only one direction either misses a movement or is not a flow at
    /// all (a sum of parts belongs in a formula).
    ///
    /// ## Example
    /// ```json,expect=FLW008 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "adjustment"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add the missing line, or give an existing line its right role.
    pub MissingInflowOrOutflow {
        code: "FLW008",
        name: "missing-inflow-or-outflow",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow `{flow}` has no {role} line",
        since: "0.1.0",
    }
}

impl Check for MissingInflowOrOutflow {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            // No lines at all is a schema violation (SCH001), reported once there.
            if flow.lines.is_empty() {
                continue;
            }
            for role in [Role::Inflow, Role::Outflow] {
                if !flow.lines.iter().any(|l| l.role == Some(role)) {
                    out.report(flow.file, "/lines")
                        .arg("flow", flow.name())
                        .arg("role", role.as_str())
                        .help(format!("add a line with \"role\": \"{}\"", role.as_str()));
                }
            }
        }
    }
}
