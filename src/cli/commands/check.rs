use crate::cli::Cli;
use crate::cli::args::CheckArgs;
use crate::error::{Error, Result};
use crate::source::WorkTree;
use std::path::{Path, PathBuf};

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    // A broken ontolint.toml is an error even where `check` uses none of it yet.
    crate::config::Config::load(&root)?;
    let source = WorkTree::new(&root);
    let only = if args.paths.is_empty() { None } else { Some(narrow(&root, &cwd, &args.paths, &source)?) };
    let outcome = crate::check::run(&source, only.as_deref())?;
    let run = crate::cli::report::Run {
        command: "check",
        sources: crate::render::Sources::head(&outcome.catalog),
        findings: &outcome.findings,
        summary: &outcome.summary,
        only: only.as_deref(),
        verdict: None,
        versioning: None,
    };
    run.emit(args.format, &args.output, cli.color.enabled())?;
    let code = crate::cli::report::exit_code(&outcome.findings, args.deny_warnings, args.fail_on);
    // The process exits next: freeing every parsed file one by one would cost
    // more than a quarter of the run on a large catalog (see benches/check.rs).
    std::mem::forget(outcome);
    Ok(code)
}

/// Turns command-line paths (files or folders, relative to the working
/// directory) into root-relative catalog paths. A path outside the catalog, or
/// one that matches no catalog file, is a usage error: a run that checks
/// nothing must not pass.
fn narrow(root: &Path, cwd: &Path, paths: &[PathBuf], source: &WorkTree) -> Result<Vec<String>> {
    use crate::source::Source;
    let all = source.list()?;
    let root_abs = std::fs::canonicalize(root).map_err(|e| Error::Read { path: root.to_path_buf(), source: e })?;
    let mut out = Vec::new();
    for p in paths {
        let full = if p.is_absolute() { p.clone() } else { cwd.join(p) };
        let abs = std::fs::canonicalize(&full)
            .map_err(|_| Error::usage(format!("`{}` does not exist", p.display()), None))?;
        let rel = abs.strip_prefix(&root_abs).map_err(|_| {
            Error::usage(
                format!("`{}` is outside the catalog at `{}`", p.display(), root.display()),
                Some("pass files of the catalog, or --root for another catalog".into()),
            )
        })?;
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let rel = rel.join("/");
        let matched: Vec<&String> =
            all.iter().filter(|f| rel.is_empty() || **f == rel || f.starts_with(&format!("{rel}/"))).collect();
        if matched.is_empty() {
            return Err(Error::usage(
                format!("`{}` matches no JSON file of the catalog", p.display()),
                Some("ontolint checks ontology/**/*.json".into()),
            ));
        }
        out.extend(matched.into_iter().cloned());
    }
    out.sort();
    out.dedup();
    Ok(out)
}
