use crate::model::Catalog;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A catalog version or release date cannot be read, so the bump cannot be checked.
    ///
    /// ## Why
    /// The verdict compares the base's `version` with the head's. When either
    /// is not a semantic version (`v1.0.0`, `1.0`, a number), or a `releasedAt`
    /// is not a date, nothing can be said about the release — and silence would
    /// let any change through. A base that predates the catalog is not this
    /// case: its first release has nothing to be compared with.
    ///
    /// ## Example
    /// ```text
    /// head catalog.json: "version": "v1.0.1"
    /// ```
    ///
    /// ## How to fix
    /// Use `MAJOR.MINOR.PATCH` and `YYYY-MM-DD`. For an unreadable base, pass a
    /// `--base` whose catalog.json is readable.
    pub ReleaseUnreadable {
        code: "VER008",
        name: "release-unreadable",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "{field} {value} in {state} cannot be read, so the version bump cannot be checked",
        since: "0.1.0",
    }
}

/// What is wrong with a manifest's version and date, as `(field, value, pointer)`.
fn problems(catalog: &Catalog) -> Vec<(&'static str, String, &'static str)> {
    let Some(m) = &catalog.manifest else { return Vec::new() };
    let value = catalog.files[m.file].value.as_ref();
    let raw = |key: &str| value.and_then(|v| v.get(key)).map_or_else(|| "(missing)".to_string(), |v| format!("`{v}`"));
    let mut out = Vec::new();
    if m.version.as_deref().and_then(|v| semver::Version::parse(v).ok()).is_none() {
        out.push(("version", raw("version"), "/version"));
    }
    if m.released_at.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok()).is_none() {
        out.push(("releasedAt", raw("releasedAt"), "/releasedAt"));
    }
    out
}

impl Check for ReleaseUnreadable {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        if let Some(m) = &cx.catalog.manifest {
            for (field, value, pointer) in problems(cx.catalog) {
                out.report(m.file, pointer)
                    .arg("field", field)
                    .arg("value", value)
                    .arg("state", &diff.head_label)
                    .help("use MAJOR.MINOR.PATCH for version and YYYY-MM-DD for releasedAt");
            }
        }
        // A base with KPIs but no readable release cannot anchor a verdict either.
        let base_has_catalog = diff.base.files.iter().any(|f| f.is_kpi());
        if let (Some(m), true) = (&diff.base.manifest, base_has_catalog) {
            for (field, value, pointer) in problems(diff.base) {
                out.report_base_file(m.file, pointer)
                    .arg("field", field)
                    .arg("value", value)
                    .arg("state", format!("the base ({})", diff.base_rev))
                    .help("compare with another base: --base REV");
            }
        } else if base_has_catalog && diff.base.manifest.is_none() {
            let Some(m) = &cx.catalog.manifest else { return };
            out.report(m.file, "/version")
                .arg("field", "catalog.json")
                .arg("value", "(missing)")
                .arg("state", format!("the base ({})", diff.base_rev))
                .help("compare with another base: --base REV");
        }
    }
}
