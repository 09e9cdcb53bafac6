//! `ontolint fmt [--check] [PATHS]`: rewrite KPI files in the canonical layout
//! (see `crate::fmt`). A file that cannot be formatted is left untouched and
//! reported at its position; the others are still formatted.

use crate::cli::Cli;
use crate::cli::args::FmtArgs;
use crate::error::{Error, Result};
use crate::fmt::{FormatError, format_kpi};
use crate::parse::LineIndex;
use crate::source::{RESERVED_DIRS, Source, WorkTree};

pub fn run(cli: &Cli, args: &FmtArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let dir = crate::config::Config::load(&root)?.ontology_dir().to_string();
    let source = WorkTree::with_dir(&root, &dir);
    let all: Vec<String> = source.list()?.into_iter().filter(|p| is_kpi_file(p)).collect();
    let files = if args.paths.is_empty() {
        all
    } else {
        crate::cli::paths::narrow(
            &root,
            &cwd,
            &args.paths,
            &all,
            "KPI file of the catalog (fmt formats ontology/<domain>/**/*.json, not catalog.json or standards.json)",
        )?
    };
    if files.is_empty() {
        return Err(Error::config(
            format!("no KPI files under `{}`", root.join(&dir).display()),
            Some("fmt formats ontology/<domain>/**/*.json".into()),
        ));
    }
    let root_abs = std::fs::canonicalize(&root).map_err(|source| Error::Read { path: root.clone(), source })?;
    let mut report = String::new();
    let (mut changed, mut errors) = (0usize, 0usize);
    let mut pending = Vec::new();
    for rel in &files {
        let bytes = match source.read(rel) {
            Ok(b) => b,
            Err(e) => {
                report.push_str(&format!("{rel}: error: {e}\n"));
                errors += 1;
                continue;
            }
        };
        let formatted = match format_kpi(&bytes) {
            Ok(f) => f,
            Err(e) => {
                let (line, column) = position(&bytes, &e);
                report.push_str(&format!("{rel}:{line}:{column}: error: {}; file left unchanged\n", e.message()));
                errors += 1;
                continue;
            }
        };
        if formatted.as_bytes() == bytes.as_slice() {
            continue;
        }
        let path = root.join(rel);
        // A link is written through, so its target must be in the catalog too;
        // `--check` says the same as a real run would.
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !real.starts_with(&root_abs) {
            report.push_str(&format!(
                "{rel}: error: links to `{}`, outside the catalog; file left unchanged\n",
                real.display()
            ));
            errors += 1;
            continue;
        }
        changed += 1;
        if args.check {
            report.push_str(&format!("would reformat {rel}\n"));
            continue;
        }
        pending.push((rel.clone(), path, formatted));
    }
    if !args.check {
        let rels: Vec<String> = pending.iter().map(|(rel, ..)| rel.clone()).collect();
        crate::cli::write::refuse_uncommitted(&root, &rels, args.allow_dirty, "--allow-dirty")?;
    }
    for (rel, path, formatted) in &pending {
        crate::cli::write::write_atomic(path, formatted.as_bytes())?;
        report.push_str(&format!("reformatted {rel}\n"));
    }
    let verb = if args.check { "would be reformatted" } else { "reformatted" };
    let unchanged = files.len() - changed - errors;
    report.push_str(&format!(
        "{} KPI {}: {changed} {verb}, {unchanged} already formatted, {errors} with errors\n",
        files.len(),
        if files.len() == 1 { "file" } else { "files" }
    ));
    crate::cli::print(&report)?;
    Ok(u8::from(errors > 0 || (args.check && changed > 0)))
}

/// `<ontology>/<domain>/**/*.json` (paths come from the ontology folder's
/// listing), outside the folders that are not domains.
fn is_kpi_file(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    parts.len() >= 3 && !RESERVED_DIRS.contains(&parts[1])
}

/// The 1-based line and column of an error.
fn position(bytes: &[u8], e: &FormatError) -> (usize, usize) {
    let text = String::from_utf8_lossy(&bytes[..e.offset().min(bytes.len())]);
    let p = LineIndex::new(&text).position(&text, text.len());
    (p.line, p.column)
}
