//! Flow rules (DESIGN §1, §2.5): the flow files of `ontology/flows/` and the
//! never-sum pairs of `ontolint.toml`. A flow reconciles an opening value to
//! a closing value: start + Σ signed lines = end.

mod duplicate_flow_kpi;
mod flow_container_not_text;
mod flow_id_mismatch;
mod flow_time_basis_mismatch;
mod flow_unit_mismatch;
mod missing_cancellation_line;
mod missing_inflow_or_outflow;
mod never_sum_in_flow;
mod never_sum_in_formula;
mod unknown_never_sum_kpi;
mod unresolved_flow_kpi;

pub use duplicate_flow_kpi::DuplicateFlowKpi;
pub use flow_container_not_text::FlowContainerNotText;
pub use flow_id_mismatch::FlowIdMismatch;
pub use flow_time_basis_mismatch::FlowTimeBasisMismatch;
pub use flow_unit_mismatch::FlowUnitMismatch;
pub use missing_cancellation_line::MissingCancellationLine;
pub use missing_inflow_or_outflow::MissingInflowOrOutflow;
pub use never_sum_in_flow::NeverSumInFlow;
pub use never_sum_in_formula::NeverSumInFormula;
pub use unknown_never_sum_kpi::UnknownNeverSumKpi;
pub use unresolved_flow_kpi::UnresolvedFlowKpi;

use crate::model::Flow;

/// Which slot of a flow a KPI fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    Container,
    Start,
    End,
    Line,
}

/// Every KPI a flow names, in file order: `(slot, JSON pointer, rogueId)`.
pub(super) fn slots(flow: &Flow) -> Vec<(Slot, String, &str)> {
    let mut out = Vec::new();
    for (slot, key, id) in [
        (Slot::Container, "container", &flow.container),
        (Slot::Start, "start", &flow.start),
        (Slot::End, "end", &flow.end),
    ] {
        if let Some(id) = id {
            out.push((slot, format!("/{key}"), id.as_str()));
        }
    }
    for line in &flow.lines {
        if let Some(id) = &line.kpi {
            out.push((Slot::Line, format!("/lines/{}/kpi", line.index), id.as_str()));
        }
    }
    out
}

/// The KPIs that carry the flow's amounts: start, end and lines.
pub(super) fn measured(flow: &Flow) -> impl Iterator<Item = (Slot, String, &str)> {
    slots(flow).into_iter().filter(|(slot, _, _)| *slot != Slot::Container)
}
