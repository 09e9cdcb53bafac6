//! Tier rules: editorial definitions carry the house name and no third-party
//! citation; published ones cite a registered standard exactly (DESIGN §2.2).

mod attribution_notice_mismatch;
mod editorial_source_name_mismatch;
mod editorial_third_party_field;
mod missing_citation_field;
mod source_url_outside_standard;
mod unregistered_standard;

pub use attribution_notice_mismatch::AttributionNoticeMismatch;
pub use editorial_source_name_mismatch::EditorialSourceNameMismatch;
pub use editorial_third_party_field::EditorialThirdPartyField;
pub use missing_citation_field::MissingCitationField;
pub use source_url_outside_standard::SourceUrlOutsideStandard;
pub use unregistered_standard::UnregisteredStandard;

use crate::model::{Catalog, DefinitionSource, Kpi, Standard, Tier};

/// Published KPIs with their source, and the registered standard it names (if
/// any). Empty when standards.json is unreadable, so a broken registry yields
/// only its own findings.
pub(crate) fn published(catalog: &Catalog) -> impl Iterator<Item = (&Kpi, &DefinitionSource, Option<&Standard>)> {
    let kpis = if catalog.standards_broken { &[][..] } else { &catalog.kpis[..] };
    kpis.iter().filter_map(move |kpi| {
        let src = kpi.definition_source.as_ref()?;
        (src.tier == Some(Tier::Published))
            .then(|| (kpi, src, src.source_name.as_deref().and_then(|n| catalog.standard(n))))
    })
}

/// Editorial KPIs with their source.
pub(crate) fn editorial(catalog: &Catalog) -> impl Iterator<Item = (&Kpi, &DefinitionSource)> {
    catalog.kpis.iter().filter_map(|kpi| {
        let src = kpi.definition_source.as_ref()?;
        (src.tier == Some(Tier::Editorial)).then_some((kpi, src))
    })
}
