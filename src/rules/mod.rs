//! The rules and their registry. `RULES` is the only list of rules: `rules`,
//! `explain`, the JSON/SARIF metadata and the README table all read it.

mod meta;
pub mod removed;
mod settings;
mod sink;

mod config;
mod dispute;
mod editorial;
mod file;
mod flow;
mod identity;
pub mod reference;
mod schema;
mod snapshot;
mod stage;
mod tier;
mod versioning;

pub use crate::findings::{Category, RuleMeta, Scope};
pub use config::{ExpiredIgnore, UnusedIgnore};
pub(crate) use meta::declare_rule;
pub use settings::{DEFAULT_NEVER_SUM, NeverSum, Settings};
pub use sink::{Report, Sink};

use crate::diff::Comparison;
use crate::findings::Finding;
use crate::model::Catalog;
use rayon::prelude::*;

/// Gives a rule's metadata; implemented by `declare_rule!`.
pub trait Meta {
    fn meta(&self) -> &'static RuleMeta;
}

/// The check a rule performs; broken input is a finding, never an `Err`.
pub trait Check {
    fn check(&self, cx: &Context<'_>, out: &mut Sink);
}

/// A rule: metadata plus check.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context<'_>, out: &mut Sink);
}

impl<T: Meta + Check + Sync> Rule for T {
    fn meta(&self) -> &'static RuleMeta {
        Meta::meta(self)
    }
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        Check::check(self, cx, out)
    }
}

/// What rules see: the catalog, the configuration they need and, for
/// `diff`, the comparison with the base.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub diff: Option<&'a Comparison<'a>>,
    pub settings: &'a Settings,
}

/// Every rule, in code order.
pub const RULES: &[&dyn Rule] = &[
    &file::InvalidUtf8,
    &file::ByteOrderMark,
    &file::JsonSyntaxError,
    &file::DuplicateKey,
    &file::UnreadableFile,
    &schema::SchemaViolation,
    &identity::RogueIdMismatch,
    &identity::MisplacedKpiFile,
    &identity::DuplicateRogueId,
    &identity::UnknownDomain,
    &identity::StrayJsonFile,
    &reference::UnresolvedRelatedKpi,
    &reference::SelfReference,
    &reference::DuplicateRelatedKpi,
    &reference::UnresolvedMention,
    &reference::FormulaKpiNotRelated,
    &tier::EditorialSourceNameMismatch,
    &tier::EditorialThirdPartyField,
    &tier::UnregisteredStandard,
    &tier::SourceUrlOutsideStandard,
    &tier::MissingCitationField,
    &tier::AttributionNoticeMismatch,
    &stage::StageListMismatch,
    &editorial::PercentageUnit,
    &editorial::MetricBasisOnText,
    &editorial::MissingFormula,
    &editorial::BenchmarkOutOfOrder,
    &editorial::MissingCommonPitfall,
    &editorial::ContainerFormulaPrefix,
    &versioning::InsufficientVersionBump,
    &versioning::ChangeRequiresBump,
    &versioning::VersionDecreased,
    &versioning::ReleaseDateNotAdvanced,
    &versioning::ReleaseDateWithoutVersion,
    &versioning::VersionBumpWithoutChange,
    &versioning::ChangelogHeadingMissing,
    &versioning::ReleaseUnreadable,
    &versioning::KpiUnreadable,
    &snapshot::SnapshotModified,
    &snapshot::SnapshotMissing,
    &dispute::DisputeIdMismatch,
    &dispute::UnknownDisputedKpi,
    &dispute::DecidedBeforeOpened,
    &dispute::MissingDecision,
    &dispute::UnexpectedDecision,
    &dispute::ReleaseAfterCatalogVersion,
    &dispute::UpheldAttributionUnpublished,
    &dispute::FinalStatusChanged,
    &dispute::DemotionWithoutUpheldDispute,
    &dispute::ChangeWithPendingDispute,
    &flow::FlowIdMismatch,
    &flow::UnresolvedFlowKpi,
    &flow::FlowContainerNotText,
    &flow::FlowUnitMismatch,
    &flow::FlowTimeBasisMismatch,
    &flow::DuplicateFlowKpi,
    &flow::MissingCancellationLine,
    &flow::MissingInflowOrOutflow,
    &flow::NeverSumInFlow,
    &flow::NeverSumInFormula,
    &flow::UnknownNeverSumKpi,
    &config::UnusedIgnore,
    &config::ExpiredIgnore,
];

/// Finds a rule by code (`REF001`) or name (`unresolved-related-kpi`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code_or_name) || r.meta().name.eq_ignore_ascii_case(code_or_name))
}

/// Runs the rules for one catalog (`diff` is `None`: every rule but the diff
/// rules) or for a comparison (only the diff rules). Findings come back unsorted.
pub fn run(catalog: &Catalog, diff: Option<&Comparison<'_>>) -> Vec<Finding> {
    run_with(catalog, diff, &Settings::default())
}

/// `run` under the configuration's settings.
pub fn run_with(catalog: &Catalog, diff: Option<&Comparison<'_>>, settings: &Settings) -> Vec<Finding> {
    // Config rules are reported where ignores are applied (src/suppress.rs).
    let select = |meta: &RuleMeta| meta.scope != Scope::Config && (meta.scope == Scope::Diff) == diff.is_some();
    run_selected(catalog, diff, settings, &select)
}

/// Runs the rules that `select` keeps.
pub fn run_selected(
    catalog: &Catalog,
    diff: Option<&Comparison<'_>>,
    settings: &Settings,
    select: &(dyn Fn(&RuleMeta) -> bool + Sync),
) -> Vec<Finding> {
    let cx = Context { catalog, diff, settings };
    RULES
        .par_iter()
        .filter(|rule| select(rule.meta()))
        .flat_map_iter(|rule| {
            let mut sink = Sink::new(rule.meta(), catalog, diff.map(|d| (d.base, d.base_rev.as_str())));
            rule.check(&cx, &mut sink);
            sink.finish()
        })
        .collect()
}
