use crate::model::FieldType;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow's container is not a text KPI.
    ///
    /// ## Why
    /// The container is the KPI whose widget renders the whole roll-forward;
    /// it holds no number of its own (its formula starts with "Container —").
    /// A numeric container would be one of the flow's amounts shown twice.
    ///
    /// ## Example
    /// ```json,expect=FLW003 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.mrr", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}, {"kpi": "sales.mrr", "sign": "+", "role": "inflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Point `container` at the text KPI that groups the flow, or add one.
    pub FlowContainerNotText {
        code: "FLW003",
        name: "flow-container-not-text",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow container `{kpi}` is a {field_type} KPI, not a text KPI",
        since: "0.1.0",
    }
}

impl Check for FlowContainerNotText {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            let Some(id) = &flow.container else { continue };
            let Some(field_type) = cx.catalog.kpi(id).and_then(|k| k.field_type) else { continue };
            if field_type != FieldType::Text {
                out.report(flow.file, "/container")
                    .arg("kpi", id)
                    .arg("field_type", field_type.as_str())
                    .help("the container is the text KPI whose widget renders the flow");
            }
        }
    }
}
