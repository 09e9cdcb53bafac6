//! The `check` pipeline: load the whole catalog, run every rule, keep the
//! findings for the requested files, sort them.

use crate::error::{Error, Result};
use crate::findings::{Finding, Scope, Summary};
use crate::model::{Catalog, FileKind};
use crate::rules::Settings;
use crate::source::Source;
use crate::suppress::Policy;

/// The result of a check run.
pub struct Outcome {
    pub catalog: Catalog,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Files whose findings are always reported, even when paths narrow the run:
/// the manifest, the registry and files outside the catalog (ontolint.toml).
fn is_catalog_level(catalog: &Catalog, path: &str) -> bool {
    catalog
        .files
        .iter()
        .find(|f| f.path == path)
        .is_none_or(|f| matches!(f.kind, FileKind::Catalog | FileKind::Standards))
}

/// Checks a catalog. `only` (root-relative paths) narrows what is reported;
/// the whole catalog is always loaded so cross-file rules stay right.
pub fn run(source: &dyn Source, only: Option<&[String]>) -> Result<Outcome> {
    run_with(source, only, &Policy::default())
}

/// `run` under a policy (`ontolint.toml`'s severities and ignores, `--select`,
/// `--ignore`), applied to the whole catalog's findings before `only` narrows
/// them, so an ignore of a file outside `only` is not reported as unused.
pub fn run_with(source: &dyn Source, only: Option<&[String]>, policy: &Policy) -> Result<Outcome> {
    run_configured(source, only, policy, &Settings::default())
}

/// `run_with` under the rules' settings from `ontolint.toml` (never-sum pairs, backlog KPIs).
pub fn run_configured(
    source: &dyn Source,
    only: Option<&[String]>,
    policy: &Policy,
    settings: &Settings,
) -> Result<Outcome> {
    let mut catalog = crate::model::load(source)?;
    if !catalog.files.iter().any(|f| f.kind == FileKind::Catalog) {
        return Err(Error::config(
            format!("`{}/catalog.json` not found in {}", source.ontology_dir(), source.describe()),
            Some("every catalog needs a manifest: {\"version\", \"releasedAt\", \"domains\"}".into()),
        ));
    }
    if catalog.kpi_files() == 0 {
        return Err(Error::config(
            format!("no KPI files found under `{}/<domain>/` in {}", source.ontology_dir(), source.describe()),
            Some("a KPI lives at ontology/<domain>/<slug>.json".into()),
        ));
    }
    // Disputes about KPIs missing now are judged against the git history,
    // searched only when there are such disputes.
    let missing = catalog.disputed_missing_kpis();
    if !missing.is_empty() {
        catalog.past_kpis = source.past_kpis(&missing);
    }
    let findings = crate::rules::run_with(&catalog, None, settings);
    let mut findings = crate::suppress::apply(findings, policy, &|m| !matches!(m.scope, Scope::Diff | Scope::Config));
    let mut summary = Summary { files: catalog.files.len(), kpis: catalog.kpi_files(), ..Summary::default() };
    if let Some(only) = only {
        findings.retain(|f| {
            is_catalog_level(&catalog, &f.location.file)
                || f.location.file == policy.config_file
                || only.contains(&f.location.file)
        });
        summary.files = only.len();
        summary.kpis = only.iter().filter(|p| catalog.files.iter().any(|f| &f.path == *p && f.is_kpi())).count();
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    crate::findings::disambiguate(&mut findings);
    summary.count(&findings);
    Ok(Outcome { catalog, findings, summary })
}
