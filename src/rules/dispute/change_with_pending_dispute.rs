use crate::diff::value::same_opt;
use crate::diff::{ChangeKind, Side};
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI changes while a dispute about it is open or under review, and the dispute is not updated.
    ///
    /// ## Why
    /// An open dispute is a question the catalog has not answered yet. A
    /// change to the disputed KPI may answer it, make it moot or pre-empt it;
    /// either way the dispute should say so, in the same change, so reviewers
    /// see both together. Changing the dispute file in the same change (its
    /// status, claim or evidence), or adding it, silences the warning.
    ///
    /// ## Example
    /// ```text
    /// ontology/sales/win_rate.json: formula changed; ontology/disputes/DSP-0004.json (open, about sales.win_rate) unchanged
    /// ```
    ///
    /// ## How to fix
    /// Update the dispute in the same change (decide it, or note how the
    /// change bears on it), or hold the change until the dispute is decided.
    pub ChangeWithPendingDispute {
        code: "DSP010",
        name: "change-with-pending-dispute",
        category: Dispute,
        severity: Warning,
        scope: Diff,
        message: "`{kpi}` changes while dispute `{dispute}` about it is {status}",
        since: "0.1.0",
    }
}

impl Check for ChangeWithPendingDispute {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let catalog_level = |k: ChangeKind| {
            matches!(
                k,
                ChangeKind::CatalogChanged
                    | ChangeKind::StandardsChanged
                    | ChangeKind::SchemaRequiredAdded
                    | ChangeKind::SchemaPropertyAdded
            )
        };
        let mut seen = std::collections::BTreeSet::new();
        for c in diff.changes.iter().filter(|c| !catalog_level(c.kind)) {
            for d in cx.catalog.disputes_on(&c.kpi).filter(|d| d.status.is_some_and(|s| s.is_pending())) {
                let file = &cx.catalog.files[d.file];
                // The same change adds or edits the dispute: it speaks for itself.
                let base = diff.base.files.iter().find(|f| f.path == file.path);
                if base.is_none_or(|b| !same_opt(b.value.as_ref(), file.value.as_ref())) {
                    continue;
                }
                if !seen.insert((c.kpi.clone(), d.file)) {
                    continue;
                }
                let status = d.status.map_or("open", |s| s.as_str());
                let report = match (c.side, cx.catalog.kpi(&c.kpi), diff.base.kpi(&c.kpi)) {
                    (Side::Head, Some(k), _) => out.report_kpi(k, c.pointer.clone()),
                    (Side::Base, _, Some(k)) => out.report_base_kpi(k, c.pointer.clone()),
                    _ => continue,
                };
                report
                    .arg("kpi", &c.kpi)
                    .arg("dispute", d.name())
                    .arg("status", status)
                    .help(format!(
                        "update `{}` in this change (decide it, or note how the change bears on it), or hold the change until it is decided",
                        file.path
                    ));
            }
        }
    }
}
