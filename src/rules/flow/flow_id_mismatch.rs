use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow's id differs from its file name.
    ///
    /// ## Why
    /// A flow is found by its id (`ontology/flows/<id>.json`): the pages of
    /// the KPIs it links and `ontolint flow check` name it by id, and a file
    /// that says one id under another name sends readers to the wrong file.
    ///
    /// ## Example
    /// ```json,expect=FLW001 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.revenue_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Rename the file to `<id>.json`, or correct the id.
    pub FlowIdMismatch {
        code: "FLW001",
        name: "flow-id-mismatch",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "flow id `{id}` does not match its file name `{stem}.json`",
        since: "0.1.0",
    }
}

impl Check for FlowIdMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            if let Some(id) = &flow.id
                && *id != flow.file_stem
            {
                out.report(flow.file, "/id")
                    .arg("id", id)
                    .arg("stem", &flow.file_stem)
                    .help(format!("rename the file to `{id}.json`, or set the id to `{}`", flow.file_stem));
            }
        }
    }
}
