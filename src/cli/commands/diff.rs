use crate::cli::Cli;
use crate::cli::args::{DiffArgs, StateArgs};
use crate::error::{Error, Result};
use crate::governance::{Head, Outcome};
use crate::render::Sources;
use serde_json::json;

/// Runs the comparison the state flags describe, from the catalog root.
pub fn compare(cli: &Cli, state: &StateArgs, env_head: bool) -> Result<Outcome> {
    compare_with(cli, state, env_head, &[], &[])
}

/// `compare` with `--select` and `--ignore`.
fn compare_with(cli: &Cli, state: &StateArgs, env_head: bool, select: &[String], ignore: &[String]) -> Result<Outcome> {
    let chosen = if select.is_empty() { None } else { Some(crate::suppress::selectors(select, "--select")?) };
    let dropped = crate::suppress::selectors(ignore, "--ignore")?;
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    // pre-commit's push stage names the commit being pushed (PRE_COMMIT_TO_REF).
    let to_ref = std::env::var("PRE_COMMIT_TO_REF").ok().filter(|v| env_head && !v.is_empty());
    let head = match (&state.head, state.staged, to_ref) {
        (Some(rev), _, _) => Head::Commit(rev.clone()),
        (None, true, _) => Head::Index,
        (None, false, Some(rev)) => Head::Commit(rev),
        (None, false, None) => Head::WorkTree,
    };
    crate::governance::run_with(&root, &head, state.base.as_deref(), &|k| std::env::var(k).ok(), chosen, dropped)
}

pub fn run(cli: &Cli, args: &DiffArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let dir = crate::config::Config::load(&root)?.ontology_dir().to_string();
    crate::cli::report::validate_outputs(&root, &dir, &args.report.output)?;
    let outcome = compare_with(cli, &args.state, true, &args.report.select, &args.report.ignore)?;
    let sources = Sources {
        head: &outcome.head,
        base: Some((&outcome.base, &outcome.base_rev)),
        config: outcome.config_text.as_deref().map(|t| (crate::config::CONFIG_FILE, t)),
    };
    let fail_at = crate::cli::report::fail_at(args.report.deny_warnings, args.report.fail_on);
    let run = crate::cli::report::Run {
        command: "diff",
        sources,
        findings: &outcome.findings,
        summary: &outcome.summary,
        only: None,
        verdict: Some(verdict(&outcome)),
        versioning: Some(versioning(&outcome)),
        fail_at,
    };
    run.emit(args.report.format, &args.report.output, cli.color.enabled())?;
    let code = crate::cli::report::exit_code(&outcome.findings, fail_at);
    // As in `check`: the process exits next, freeing two parsed catalogs is wasted time.
    std::mem::forget(outcome);
    Ok(code)
}

fn version_str(c: &crate::model::Catalog) -> String {
    Outcome::version(c).map_or_else(|| "?".to_string(), |v| v.to_string())
}

/// One line that says what was compared and the verdict.
fn verdict(o: &Outcome) -> String {
    let declared = match (o.declared, Outcome::version(&o.base), Outcome::version(&o.head)) {
        (Some(d), _, _) => d.to_string(),
        (None, Some(_), Some(_)) => "a decrease".to_string(),
        (None, None, _) if !o.base.files.iter().any(|f| f.is_kpi()) => "a first release".to_string(),
        (None, _, _) => "nothing readable".to_string(),
    };
    // On the target branch itself, with nothing uncommitted, there is nothing to compare.
    let implicit = !o.base_how.starts_with("--base");
    let note = if o.base_is_head && implicit && o.changes.is_empty() && o.head_label == "the working tree" {
        "\nNote: the base is HEAD itself, so only uncommitted changes are compared; pass --base REV to check a pushed release"
    } else {
        ""
    };
    format!(
        "Compared {} with {}: {} change{}, required bump {}, declared {} ({} → {}){note}\n",
        o.base_how,
        o.head_label,
        o.changes.len(),
        if o.changes.len() == 1 { "" } else { "s" },
        o.required,
        declared,
        version_str(&o.base),
        version_str(&o.head)
    )
}

/// The `versioning` object of the JSON output.
pub fn versioning(o: &Outcome) -> serde_json::Value {
    let date = |c: &crate::model::Catalog| c.manifest.as_ref().and_then(|m| m.released_at.clone());
    let version = |c: &crate::model::Catalog| Outcome::version(c).map(|v| v.to_string());
    json!({
        "base": {"commit": o.base_oid, "resolvedBy": o.base_how, "version": version(&o.base), "releasedAt": date(&o.base)},
        "head": {"state": o.head_label, "commit": o.head_commit, "version": version(&o.head), "releasedAt": date(&o.head)},
        "required": o.required,
        "declared": o.declared,
        "changes": o.changes,
    })
}
