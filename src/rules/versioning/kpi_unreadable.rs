use crate::model::{Catalog, FileKind};
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI file is not a KPI object in the base or the head, so its changes cannot be classified.
    ///
    /// ## Why
    /// A KPI whose file does not parse, or holds an array or a string instead
    /// of an object, cannot be compared: reading it as removed (or added) would
    /// invent a change, and ignoring it would hide one. The comparison says so
    /// instead of guessing. (A head file that does not parse is also reported by
    /// FIL003 with the exact position.)
    ///
    /// ## Example
    /// ```text
    /// head ontology/sales/win_rate.json: []
    /// ```
    ///
    /// ## How to fix
    /// Fix the file (`ontolint check` shows why); for a broken base, compare
    /// with another `--base`.
    pub KpiUnreadable {
        code: "VER009",
        name: "kpi-unreadable",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "`{path}` is not a KPI object in {state}, so its changes cannot be classified",
        since: "0.1.0",
    }
}

/// KPI files of a catalog that parsed as JSON but are not objects, or did not parse.
fn unreadable(catalog: &Catalog, parsed_only: bool) -> impl Iterator<Item = usize> + '_ {
    catalog.files.iter().enumerate().filter_map(move |(i, f)| {
        let is_kpi = matches!(f.kind, FileKind::Kpi { .. });
        let broken = match &f.value {
            Some(v) => !v.is_object(),
            None => !parsed_only,
        };
        (is_kpi && broken).then_some(i)
    })
}

impl Check for KpiUnreadable {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        // Head files that do not parse already carry FIL003.
        for i in unreadable(cx.catalog, true) {
            let path = cx.catalog.files[i].path.clone();
            out.report(i, "").arg("path", &path).arg("state", &diff.head_label).help("fix the file: `ontolint check`");
        }
        for i in unreadable(diff.base, false) {
            let path = diff.base.files[i].path.clone();
            out.report_base_file(i, "")
                .arg("path", &path)
                .arg("state", format!("the base ({})", diff.base_rev))
                .help("compare with another base: --base REV");
        }
    }
}
