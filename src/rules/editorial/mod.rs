//! Editorial content rules: what a well-formed definition contains.

mod benchmark_out_of_order;
mod container_formula_prefix;
mod metric_basis_on_text;
mod missing_common_pitfall;
mod missing_formula;
mod percentage_unit;

pub use benchmark_out_of_order::BenchmarkOutOfOrder;
pub use container_formula_prefix::ContainerFormulaPrefix;
pub use metric_basis_on_text::MetricBasisOnText;
pub use missing_common_pitfall::MissingCommonPitfall;
pub use missing_formula::MissingFormula;
pub use percentage_unit::PercentageUnit;
