use crate::model::Kpi;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A flow mixes KPIs of different fieldTypes or units.
    ///
    /// ## Why
    /// A flow adds its lines to its start to reach its end. That sum only means
    /// something when every amount is of one kind: a count of deals cannot be
    /// added to dollars of backlog, nor euros to dollars.
    ///
    /// ## Example
    /// ```json,expect=FLW004 path=ontology/flows/sales.arr_flow.json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "sales.win_rate", "sign": "-", "role": "outflow"}]}
    /// ```
    /// Use instead:
    /// ```json
    /// {"id": "sales.arr_flow", "container": "sales.backlog_overview", "start": "sales.arr", "end": "sales.arr",
    ///  "lines": [{"kpi": "sales.mrr", "sign": "+", "role": "inflow"}, {"kpi": "finance.net_burn", "sign": "-", "role": "outflow"}]}
    /// ```
    ///
    /// ## How to fix
    /// Use KPIs measured in the flow's fieldType and unit, or convert the line
    /// into a KPI that is.
    pub FlowUnitMismatch {
        code: "FLW004",
        name: "flow-unit-mismatch",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "`{kpi}` is {found}, but the flow's `{reference}` is {expected}",
        since: "0.1.0",
    }
}

/// `currency in `USD``, `number without a unit`.
fn measure(kpi: &Kpi) -> Option<String> {
    let field_type = kpi.field_type?.as_str();
    Some(match &kpi.unit {
        Some(u) => format!("{field_type} in `{u}`"),
        None => format!("{field_type} without a unit"),
    })
}

impl Check for FlowUnitMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for flow in &cx.catalog.flows {
            // The first measured KPI with a fieldType sets the flow's measure (normally the start).
            let mut reference: Option<(&str, String)> = None;
            for (_, pointer, id) in super::measured(flow) {
                let Some(found) = cx.catalog.kpi(id).and_then(measure) else { continue };
                match &reference {
                    None => reference = Some((id, found)),
                    Some((ref_id, expected)) if *expected != found => {
                        out.report(flow.file, pointer)
                            .arg("kpi", id)
                            .arg("found", found)
                            .arg("reference", ref_id)
                            .arg("expected", expected)
                            .help("start, end and every line of a flow share one fieldType and unit");
                    }
                    Some(_) => {}
                }
            }
        }
    }
}
