//! Reference rules: every id a KPI names resolves, once, and never to itself.

mod duplicate_related_kpi;
mod formula_kpi_not_related;
pub mod mentions;
mod self_reference;
mod unresolved_mention;
mod unresolved_related_kpi;

pub use duplicate_related_kpi::DuplicateRelatedKpi;
pub use formula_kpi_not_related::FormulaKpiNotRelated;
pub use self_reference::SelfReference;
pub use unresolved_mention::UnresolvedMention;
pub use unresolved_related_kpi::UnresolvedRelatedKpi;
