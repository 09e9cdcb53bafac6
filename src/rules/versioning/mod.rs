//! Versioning rules (`ontolint diff`): the catalog version carries the bump
//! its changes require, and releases are dated and recorded (DESIGN §4).

mod changelog_heading_missing;
mod change_requires_bump;
mod insufficient_version_bump;
mod release_date_not_advanced;
mod release_date_without_version;
mod release_unreadable;
mod version_bump_without_change;
mod version_decreased;
mod kpi_unreadable;

pub use change_requires_bump::ChangeRequiresBump;
pub use changelog_heading_missing::ChangelogHeadingMissing;
pub use insufficient_version_bump::InsufficientVersionBump;
pub use kpi_unreadable::KpiUnreadable;
pub use release_date_not_advanced::ReleaseDateNotAdvanced;
pub use release_date_without_version::ReleaseDateWithoutVersion;
pub use release_unreadable::ReleaseUnreadable;
pub use version_bump_without_change::VersionBumpWithoutChange;
pub use version_decreased::VersionDecreased;

use crate::diff::{Bump, Change, Comparison, declared};
use crate::model::Catalog;
use crate::rules::Context;
use semver::Version;

/// Both states' versions and dates, when both manifests have readable ones.
pub(crate) struct Release<'a> {
    pub diff: &'a Comparison<'a>,
    pub manifest_file: usize,
    pub base: Version,
    pub head: Version,
    pub base_date: Option<&'a str>,
    pub head_date: Option<&'a str>,
    /// `None` when the version went down.
    pub declared: Option<Bump>,
}

fn version_of(catalog: &Catalog) -> Option<Version> {
    Version::parse(catalog.manifest.as_ref()?.version.as_deref()?).ok()
}

/// The release being checked; `None` outside `diff`, when a manifest has no
/// readable version (the schema rule reports it), or when the base predates
/// the catalog (its first release has nothing to be compared with).
pub(crate) fn release<'a>(cx: &'a Context<'a>) -> Option<Release<'a>> {
    let diff = cx.diff?;
    let (base, head) = (version_of(diff.base)?, version_of(cx.catalog)?);
    let date = |c: &'a Catalog| c.manifest.as_ref().and_then(|m| m.released_at.as_deref());
    Some(Release {
        diff,
        manifest_file: cx.catalog.manifest.as_ref()?.file,
        declared: declared(&base, &head),
        base_date: date(diff.base),
        head_date: date(cx.catalog),
        base,
        head,
    })
}

/// "`sales.arr` promoted from editorial to published (now anchored to …)".
pub(crate) fn describe(change: &Change) -> String {
    let detail = change.detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
    let field = match (&change.field, change.kind) {
        (Some(f), crate::diff::ChangeKind::TextChanged | crate::diff::ChangeKind::MetadataChanged) => format!(": {f}"),
        (Some(f), crate::diff::ChangeKind::BlockAdded | crate::diff::ChangeKind::BlockRemoved) => format!(": {f}"),
        (Some(f), crate::diff::ChangeKind::BlockChanged | crate::diff::ChangeKind::OtherChanged) => format!(": {f}"),
        (Some(f), crate::diff::ChangeKind::FlowChanged) => format!(": {f}"),
        _ => String::new(),
    };
    if matches!(
        change.kind,
        crate::diff::ChangeKind::SchemaRequiredAdded | crate::diff::ChangeKind::SchemaPropertyAdded
    ) {
        return format!(
            "`{}` {} (`{}` at `{}`)",
            change.field.as_deref().unwrap_or(""),
            change.kind.phrase(),
            change.kpi,
            change.pointer
        );
    }
    if matches!(change.kind, crate::diff::ChangeKind::CatalogChanged | crate::diff::ChangeKind::StandardsChanged) {
        return format!("`{}` {}", change.field.as_deref().unwrap_or(""), change.kind.phrase());
    }
    format!("`{}` {}{field}{detail}", change.kpi, change.kind.phrase())
}
