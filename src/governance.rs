//! The `diff` pipeline: read the base from git objects and the head from the
//! work tree, the index or a commit; load both with the `check` loader;
//! classify the changes; run the versioning rules.

use crate::config::Config;
use crate::diff::{Bump, Change, ChangeKind, Comparison, Snapshots, compare, declared, required};
use crate::error::{Error, Result};
use crate::findings::{Category, Finding, Scope, Summary};
use crate::model::{Catalog, FileKind};
use crate::source::WorkTree;
use crate::source::git::{GitRepo, short_id};
use crate::source::resolve::{Base, resolve};
use std::collections::BTreeSet;
use std::path::Path;

/// Which state is the head of the comparison.
#[derive(Debug, Clone)]
pub enum Head {
    WorkTree,
    Index,
    Commit(String),
}

/// Everything a diff run found.
pub struct Outcome {
    pub head: Catalog,
    pub base: Catalog,
    pub base_rev: String,
    pub base_oid: String,
    pub base_how: String,
    /// Whether the base is the commit HEAD points at.
    pub base_is_head: bool,
    pub head_label: String,
    /// The head commit, when the head is a commit.
    pub head_commit: Option<String>,
    pub changes: Vec<Change>,
    pub required: Bump,
    pub declared: Option<Bump>,
    pub changelog: Option<(String, Option<String>)>,
    pub snapshots: Option<Snapshots>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// The text of `ontolint.toml`, which config findings point into.
    pub config_text: Option<String>,
}

impl Outcome {
    pub fn comparison(&self) -> Comparison<'_> {
        Comparison {
            base: &self.base,
            base_rev: self.base_rev.clone(),
            base_how: self.base_how.clone(),
            head_label: self.head_label.clone(),
            changes: self.changes.clone(),
            required: self.required,
            changelog: self.changelog.clone(),
            snapshots: self.snapshots.clone(),
        }
    }

    pub fn version(catalog: &Catalog) -> Option<semver::Version> {
        semver::Version::parse(catalog.manifest.as_ref()?.version.as_deref()?).ok()
    }
}

/// Compares the base with the head.
pub fn run(root: &Path, head: &Head, base: Option<&str>, env: &dyn Fn(&str) -> Option<String>) -> Result<Outcome> {
    run_with(root, head, base, env, None, BTreeSet::new())
}

/// `run` with the command line's `--select` (`None`: every rule) and
/// `--ignore` applied after `ontolint.toml`'s severities and ignores.
pub fn run_with(
    root: &Path,
    head: &Head,
    base: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
    select: Option<BTreeSet<&'static str>>,
    deselect: BTreeSet<&'static str>,
) -> Result<Outcome> {
    let config = Config::load(root)?;
    let policy = config.policy(select, deselect, crate::config::today(env)?);
    let repo = GitRepo::open(root)?.with_ontology_dir(config.ontology_dir());
    let Base { oid, how } = resolve(&repo, base, env)?;
    let base_snapshot = match oid {
        Some(oid) => repo.commit_snapshot(oid)?,
        None => repo.empty_snapshot(),
    };
    let base_catalog = crate::model::load(&base_snapshot)?;
    let (head_catalog, head_label, head_commit) = match head {
        Head::WorkTree => (
            crate::model::load(&WorkTree::with_dir(root, config.ontology_dir()))?,
            "the working tree".to_string(),
            None,
        ),
        Head::Index => (crate::model::load(&repo.index_snapshot()?)?, "the index".to_string(), None),
        Head::Commit(rev) => {
            let c = repo.commit_of(rev, "head")?;
            (crate::model::load(&repo.commit_snapshot(c)?)?, format!("commit {}", short_id(c)), Some(c))
        }
    };
    if !head_catalog.files.iter().any(|f| f.kind == FileKind::Catalog) {
        return Err(Error::config(
            format!("`{}/catalog.json` not found in {head_label}", config.ontology_dir()),
            Some("every catalog needs a manifest: {\"version\", \"releasedAt\", \"domains\"}".into()),
        ));
    }
    let mut changes = compare(&base_catalog, &head_catalog, &|k| config.bump_of(k));
    // The catalog's own JSON Schemas, when it keeps them (this project does).
    let schema_files = |c: Option<git2::Oid>| -> Result<std::collections::BTreeMap<String, Vec<u8>>> {
        let all = match (head, c) {
            (_, Some(c)) => repo.files_under(Some(c), "schemas")?,
            (Head::WorkTree, None) => worktree_files(root, "schemas")?,
            (Head::Index, None) => repo.files_under(None, "schemas")?,
            (Head::Commit(_), None) => repo.files_under(head_commit, "schemas")?,
        };
        Ok(all.into_iter().filter(|(p, _)| p.ends_with(".schema.json")).collect())
    };
    if let Some(base_oid) = oid {
        let (b, h) = (schema_files(Some(base_oid))?, schema_files(None)?);
        changes.extend(crate::diff::compare_schemas(&b, &h, &|k| config.bump_of(k)));
    }
    let required = required(&changes);
    // The changelog applies when configured, or when it exists in either state
    // (deleting it along with a release does not escape the rule).
    let changelog_path = config.changelog.clone().unwrap_or_else(|| "CHANGELOG.md".to_string());
    let changelog_bytes = match head {
        Head::WorkTree => std::fs::read(root.join(&changelog_path)).ok(),
        Head::Index => repo.read_file(None, &changelog_path),
        Head::Commit(_) => repo.read_file(head_commit, &changelog_path),
    };
    let in_base = oid.is_some_and(|oid| repo.read_file(Some(oid), &changelog_path).is_some());
    let changelog = (config.changelog.is_some() || in_base || changelog_bytes.is_some())
        .then(|| (changelog_path, changelog_bytes.map(|b| String::from_utf8_lossy(&b).into_owned())));
    // Snapshots apply when configured, or when the folder exists in either state
    // (deleting the whole folder does not escape the rule).
    let dir = config.snapshots.clone().unwrap_or_else(|| "snapshots".to_string());
    let base_snaps = match oid {
        Some(oid) => repo.files_under(Some(oid), &dir)?,
        None => Default::default(),
    };
    let head_snaps = match head {
        Head::WorkTree => worktree_files(root, &dir)?,
        Head::Index => repo.files_under(None, &dir)?,
        Head::Commit(_) => repo.files_under(head_commit, &dir)?,
    };
    let snapshots = (config.snapshots.is_some() || !base_snaps.is_empty() || !head_snaps.is_empty())
        .then_some(Snapshots { dir, base: base_snaps, head: head_snaps });
    let declared = match (Outcome::version(&base_catalog), Outcome::version(&head_catalog)) {
        (Some(b), Some(h)) => declared(&b, &h),
        _ => None,
    };
    let mut outcome = Outcome {
        head: head_catalog,
        base: base_catalog,
        base_rev: oid.map_or_else(|| "(none)".to_string(), short_id),
        base_oid: oid.map_or_else(String::new, |o| o.to_string()),
        base_how: how,
        base_is_head: oid.is_some_and(|oid| repo.head().is_ok_and(|h| h == oid)),
        head_label,
        head_commit: head_commit.map(|c| c.to_string()),
        changes,
        required,
        declared,
        changelog,
        snapshots,
        findings: Vec::new(),
        summary: Summary::default(),
        config_text: None,
    };
    let mut findings = {
        let cmp = outcome.comparison();
        let mut f = crate::rules::run(&outcome.head, Some(&cmp));
        // A file that does not parse in the head hides its changes, and two KPIs
        // with one rogueId make the comparison ambiguous: say so.
        f.extend(crate::rules::run_selected(&outcome.head, None, &Default::default(), &|m| {
            m.category == Category::File || m.code == "IDN003"
        }));
        f.extend(tier_findings_of_new_citations(&outcome.head, &outcome.changes));
        // Ignores of the rules `check` runs are judged by `check`.
        crate::suppress::apply(f, &policy, &|m| m.scope == Scope::Diff)
    };
    outcome.config_text = config.text;
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    crate::findings::disambiguate(&mut findings);
    let mut summary = Summary { files: outcome.head.files.len(), kpis: outcome.head.kpi_files(), ..Summary::default() };
    summary.count(&findings);
    outcome.findings = findings;
    outcome.summary = summary;
    Ok(outcome)
}

/// A back-attribution (or a new standard) must cite it correctly: the tier
/// rules' findings for those KPIs are part of the verdict.
fn tier_findings_of_new_citations(head: &Catalog, changes: &[Change]) -> Vec<Finding> {
    let cited: BTreeSet<&str> = changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Promoted | ChangeKind::StandardChanged))
        .map(|c| c.kpi.as_str())
        .collect();
    if cited.is_empty() {
        return Vec::new();
    }
    crate::rules::run_selected(head, None, &Default::default(), &|m| m.category == Category::Tier)
        .into_iter()
        .filter(|f| f.kpi.as_deref().is_some_and(|k| cited.contains(k)))
        .collect()
}

/// Every file under a root-relative folder of the work tree.
fn worktree_files(root: &Path, dir: &str) -> Result<std::collections::BTreeMap<String, Vec<u8>>> {
    let mut out = std::collections::BTreeMap::new();
    let base = root.join(dir);
    if !base.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Read {
            path: e.path().map_or_else(|| base.clone(), Path::to_path_buf),
            source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("unreadable entry")),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let bytes = std::fs::read(entry.path()).map_err(|source| Error::Read { path: entry.path().into(), source })?;
        out.insert(rel.join("/"), bytes);
    }
    Ok(out)
}
