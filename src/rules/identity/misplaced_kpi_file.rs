use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI file is not stored at `ontology/<domain>/<slug>.json`.
    ///
    /// ## Why
    /// Editors find a KPI by its path, and the published pages and API derive
    /// their paths from domain and slug. A file whose path disagrees with its content is
    /// easy to edit by mistake and hard to review.
    ///
    /// ## Example
    /// ```json,expect=IDN002 path=ontology/sales/annual_recurring_revenue.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales"}
    /// ```
    ///
    /// ## How to fix
    /// Move the file to the path the message gives (`git mv`), or correct `domain`
    /// and `slug` if they are the ones that are wrong.
    pub MisplacedKpiFile {
        code: "IDN002",
        name: "misplaced-kpi-file",
        category: Identity,
        severity: Error,
        scope: Kpi,
        message: "KPI file is at `{path}` but its domain and slug place it at `{expected}`",
        since: "0.1.0",
    }
}

impl Check for MisplacedKpiFile {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            // Without domain and slug the schema rule reports what is missing.
            if kpi.domain.is_none() && kpi.slug.is_none() {
                continue;
            }
            let domain = kpi.domain.as_deref().unwrap_or(&kpi.path_domain);
            let slug = kpi.slug.as_deref().unwrap_or(&kpi.path_slug);
            if domain == kpi.path_domain && slug == kpi.path_slug && !kpi.path_nested {
                continue;
            }
            let pointer = if domain != kpi.path_domain {
                "/domain"
            } else if slug != kpi.path_slug {
                "/slug"
            } else {
                "/rogueId"
            };
            let path = &cx.catalog.file_of(kpi).path;
            let ontology = path.split('/').next().unwrap_or_default();
            let expected = format!("{ontology}/{domain}/{slug}.json");
            let taken = cx.catalog.files.iter().any(|f| f.path == expected);
            let help = if taken {
                format!("`{expected}` already exists: correct `domain` and `slug`, or remove this copy")
            } else {
                format!("move it: `git mv {} {}`", shell_quote(path), shell_quote(&expected))
            };
            out.report_kpi(kpi, pointer).arg("path", path).arg("expected", &expected).help(help);
        }
    }
}

/// Quotes a path for a shell command when it needs it.
fn shell_quote(path: &str) -> String {
    if path.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)) {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}
