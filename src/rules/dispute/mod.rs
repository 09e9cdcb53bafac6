//! Dispute rules: dispute records (`ontology/disputes/<ID>.json`, DESIGN §2.4)
//! are consistent in themselves and with the catalog (`check`), and their
//! process holds across commits (`diff`): final statuses stay final, a
//! demotion rests on an upheld dispute, and a KPI under dispute is not changed
//! silently.

mod change_with_pending_dispute;
mod decided_before_opened;
mod demotion_without_upheld_dispute;
mod dispute_id_mismatch;
mod final_status_changed;
mod missing_decision;
mod release_after_catalog_version;
mod unexpected_decision;
mod unknown_disputed_kpi;
mod upheld_attribution_unpublished;

pub use change_with_pending_dispute::ChangeWithPendingDispute;
pub use decided_before_opened::DecidedBeforeOpened;
pub use demotion_without_upheld_dispute::DemotionWithoutUpheldDispute;
pub use dispute_id_mismatch::DisputeIdMismatch;
pub use final_status_changed::FinalStatusChanged;
pub use missing_decision::MissingDecision;
pub use release_after_catalog_version::ReleaseAfterCatalogVersion;
pub use unexpected_decision::UnexpectedDecision;
pub use unknown_disputed_kpi::UnknownDisputedKpi;
pub use upheld_attribution_unpublished::UpheldAttributionUnpublished;

use crate::model::{Catalog, Dispute};
use serde_json::{Map, Value};

/// The dispute's JSON object as parsed (to tell an absent member from a mistyped one).
pub(crate) fn object<'c>(catalog: &'c Catalog, dispute: &Dispute) -> Option<&'c Map<String, Value>> {
    catalog.files.get(dispute.file)?.value.as_ref()?.as_object()
}

/// `decision.releasedIn` as a version, when it is one.
pub(crate) fn released_in(dispute: &Dispute) -> Option<semver::Version> {
    semver::Version::parse(dispute.decision.as_ref()?.released_in.as_deref()?).ok()
}
