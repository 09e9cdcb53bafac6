use super::{describe, release};
use crate::diff::{ChangeKind, Side};
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A change needs a larger release than the version declares.
    ///
    /// ## Why
    /// The catalog-level finding (VER001) says the release is too small; this
    /// one puts each change that makes it so at its KPI, so a reviewer sees what
    /// to reconsider. A removed KPI is shown in its file at the base commit.
    ///
    /// ## Example
    /// ```text
    /// ontology/sales/win_rate.json: definitionSource.tier editorial → published, version 1.4.0 → 1.4.1
    /// ```
    ///
    /// ## How to fix
    /// Bump the catalog version (`ontolint bump --write`), or undo the change.
    pub ChangeRequiresBump {
        code: "VER002",
        name: "change-requires-bump",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "{change} requires a {bump} release, but the version declares {declared}",
        since: "0.1.0",
    }
}

impl Check for ChangeRequiresBump {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        let Some(declared) = r.declared else { return };
        for c in r.diff.changes.iter().filter(|c| c.bump > declared) {
            let catalog_file = cx.catalog.files.iter().position(|f| {
                matches!(c.kind, ChangeKind::CatalogChanged | ChangeKind::StandardsChanged)
                    && f.path.ends_with(&format!("/{}", c.kpi))
            });
            let schema = matches!(c.kind, ChangeKind::SchemaRequiredAdded | ChangeKind::SchemaPropertyAdded);
            let flow = c.kind.is_flow();
            let flow_file =
                |catalog: &crate::model::Catalog| catalog.flows.iter().find(|f| f.name() == c.kpi).map(|f| f.file);
            let report = match (c.side, catalog_file) {
                _ if schema => out.report_path(&c.kpi).pointer(c.pointer.clone()),
                (Side::Head, _) if flow => {
                    let Some(file) = flow_file(cx.catalog) else { continue };
                    out.report(file, c.pointer.clone())
                }
                (Side::Base, _) if flow => {
                    let Some(file) = flow_file(r.diff.base) else { continue };
                    out.report_base_file(file, c.pointer.clone())
                }
                (_, Some(file)) => out.report(file, c.pointer.clone()),
                (Side::Head, None) => {
                    let Some(&i) = cx.catalog.kpis_with_id(&c.kpi).first() else { continue };
                    out.report_kpi(&cx.catalog.kpis[i], c.pointer.clone())
                }
                (Side::Base, None) => {
                    let Some(&i) = r.diff.base.kpis_with_id(&c.kpi).first() else { continue };
                    out.report_base_kpi(&r.diff.base.kpis[i], c.pointer.clone())
                }
            };
            report.arg("change", describe(c)).arg("bump", c.bump).arg("declared", declared);
        }
    }
}
