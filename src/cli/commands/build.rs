//! `ontolint build --out DIR [--snapshot]`: check the catalog, then publish
//! it (JSON API + HTML, see `crate::build`).
//!
//! Writing is all or nothing: the site is built in a temporary folder beside
//! DIR (`.DIR.tmp-XXXXXX`), then DIR is moved aside (`.DIR.old-XXXXXX`), the
//! new folder renamed to DIR and the old one removed. Between the two renames
//! (two `rename` calls, microseconds) DIR does not exist; at no time does it
//! hold half a build. A failure before the swap removes the temporary folder
//! and leaves DIR as it was. DIR is only replaced when it is absent, empty or
//! holds a previous ontolint build (the `.ontolint-build` marker).

use crate::build::{MARKER, Site};
use crate::cli::Cli;
use crate::cli::args::BuildArgs;
use crate::error::{Error, Result};
use crate::findings::Severity;
use crate::source::WorkTree;
use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// Test-only: makes the writer fail after this many files, to prove that an
/// interrupted build leaves DIR as it was (tests/cli/build.rs). Not a feature.
const FAIL_AFTER_VAR: &str = "ONTOLINT_TEST_FAIL_AFTER";

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let config = crate::config::Config::load(&root)?;
    let out = cwd.join(&args.out);
    guard_out(&root, config.ontology_dir(), &out)?;
    guard_snapshots(&snapshots_dir(&root, &config)?, &out, args.snapshot)?;
    let policy = crate::cli::commands::config::policy(&config, &[], &[])?;
    let source = WorkTree::with_dir(&root, config.ontology_dir());
    let outcome = crate::check::run_configured(&source, None, &policy, &config.rule_settings())?;
    let errors = outcome.findings.iter().filter(|f| f.severity == Severity::Error).count();
    if errors > 0 {
        let run = crate::cli::report::Run {
            command: "check",
            sources: crate::render::Sources {
                config: config.text.as_deref().map(|t| (crate::config::CONFIG_FILE, t)),
                ..crate::render::Sources::head(&outcome.catalog)
            },
            findings: &outcome.findings,
            summary: &outcome.summary,
            only: None,
            verdict: None,
            versioning: None,
            fail_at: Some(Severity::Error),
        };
        run.emit(crate::cli::args::Format::Human, &[], cli.color.enabled())?;
        eprintln!(
            "error: refusing to build: `ontolint check` reports {errors} error{}; nothing was written",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(crate::error::EXIT_FINDINGS);
    }
    let mut site = crate::build::site(&outcome.catalog)?;
    for (version, bytes) in earlier_snapshots(&root, &config)? {
        site.add_release(&version, bytes)?;
    }
    let snapshot = if args.snapshot { Some(snapshot_target(&root, &config, &site)?) } else { None };
    swap_in(&out, &site)?;
    let mut report = format!(
        "built {} KPIs of version {} into {}: {} files\n",
        site.kpis,
        site.version,
        out.display(),
        site.files.len()
    );
    let warnings = outcome.findings.len() - errors;
    if warnings > 0 {
        report.push_str(&format!(
            "note: `ontolint check` reports {warnings} warning{} or info{}; built anyway\n",
            if warnings == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ));
    }
    if let Some((path, exists)) = snapshot {
        if exists {
            report.push_str(&format!("snapshot {} already holds this release; unchanged\n", path.display()));
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
            }
            crate::cli::write::write_atomic(&path, site.snapshot())?;
            report.push_str(&format!("wrote snapshot {}\n", path.display()));
        }
    }
    crate::cli::print(&report)?;
    std::mem::forget(outcome);
    Ok(0)
}

/// DIR must not be (or be inside) the ontology folder, nor contain the
/// catalog root; an existing DIR must be a folder that is empty or holds a
/// previous build.
fn guard_out(root: &Path, ontology: &str, out: &Path) -> Result<()> {
    let norm = |p: &Path| normalize(&std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()));
    let (out_n, root_n) = (normalize(out), norm(root));
    let ontology_n = root_n.join(ontology);
    let out_real = resolve_existing(&out_n);
    if out_real.starts_with(&ontology_n) || root_n.starts_with(&out_real) {
        return Err(Error::usage(
            format!("--out `{}` would overwrite the catalog", out.display()),
            Some("build into a folder outside the catalog, e.g. --out site".into()),
        ));
    }
    if out_n.file_name().is_none() {
        return Err(Error::usage(format!("--out `{}` names no folder", out.display()), None));
    }
    // The nearest existing folder above DIR must be a folder: DIR is created in it.
    if let Some(above) = out.ancestors().skip(1).find(|a| std::fs::symlink_metadata(a).is_ok())
        && !above.is_dir()
    {
        return Err(Error::usage(
            format!("--out `{}`: `{}` is a file, not a folder", out.display(), above.display()),
            Some("choose a folder whose parent folders are folders (or do not exist yet)".into()),
        ));
    }
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => Err(Error::usage(
            format!("--out `{}` exists and is not a folder", out.display()),
            Some("choose a new or empty folder".into()),
        )),
        Ok(_) => {
            let mut entries =
                std::fs::read_dir(out).map_err(|source| Error::Read { path: out.to_path_buf(), source })?;
            if entries.next().is_none() || out.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(Error::config(
                    format!(
                        "refusing to replace `{}`: it is not empty and holds no previous ontolint build (no `{MARKER}` file)",
                        out.display()
                    ),
                    Some("choose a new or empty folder; ontolint only replaces a folder it built".into()),
                ))
            }
        }
    }
}

/// DIR must not be (or be inside, or hold) the snapshots folder when it is in
/// use (it holds `v/`, or `--snapshot` writes there): the next build would
/// replace DIR and delete the released snapshots with it.
fn guard_snapshots(snapshots: &Path, out: &Path, writing: bool) -> Result<()> {
    if !writing && !snapshots.join("v").exists() {
        return Ok(());
    }
    let (out_real, snap_real) = (resolve_existing(&normalize(out)), resolve_existing(&normalize(snapshots)));
    if out_real.starts_with(&snap_real) || snap_real.starts_with(&out_real) {
        return Err(Error::usage(
            format!(
                "--out `{}` would hold the release snapshots (`{}`), and the next build would delete them",
                out.display(),
                snapshots.display()
            ),
            Some("build into a folder apart from the snapshots, e.g. --out site".into()),
        ));
    }
    Ok(())
}

/// `path` without `.` and `..` components (lexically).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => _ = out.pop(),
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The real path of the deepest existing ancestor, with the rest appended.
fn resolve_existing(path: &Path) -> PathBuf {
    for dir in path.ancestors() {
        if let Ok(real) = std::fs::canonicalize(dir) {
            let rest = path.strip_prefix(dir).unwrap_or(Path::new(""));
            return normalize(&real.join(rest));
        }
    }
    path.to_path_buf()
}

/// The snapshots folder (`snapshots` key, else `snapshots/`), when it exists.
fn snapshots_dir(root: &Path, config: &crate::config::Config) -> Result<PathBuf> {
    let dir = config.snapshots.as_deref().unwrap_or("snapshots");
    let rel = Path::new(dir);
    if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(Error::config(
            format!("snapshots folder `{dir}` must be a plain path inside the catalog root"),
            Some("set `snapshots = \"snapshots\"` in ontolint.toml".into()),
        ));
    }
    Ok(root.join(rel))
}

/// Every committed release snapshot (`<snapshots>/v/<version>/index.json`),
/// by version: the site republishes them all next to the new one.
fn earlier_snapshots(root: &Path, config: &crate::config::Config) -> Result<Vec<(String, Vec<u8>)>> {
    let v = snapshots_dir(root, config)?.join("v");
    let Ok(entries) = std::fs::read_dir(&v) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let path = e.path().join("index.json");
        if !path.is_file() {
            continue;
        }
        let version = e.file_name().to_string_lossy().into_owned();
        if semver::Version::parse(&version).is_err() {
            // Named here with its place: the snapshots folder may be configured.
            let dir = e.path();
            return Err(Error::config(
                format!(
                    "snapshot folder `{}` is not named by a semantic version",
                    dir.strip_prefix(root).unwrap_or(&dir).display()
                ),
                Some("snapshots live at <snapshots>/v/<version>/index.json: rename or remove the folder".into()),
            ));
        }
        let bytes = std::fs::read(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
        out.push((version, bytes));
    }
    out.sort();
    Ok(out)
}

/// Where `--snapshot` writes, and whether that file already holds these
/// exact bytes. A different file there is refused: snapshots are immutable.
fn snapshot_target(root: &Path, config: &crate::config::Config, site: &Site) -> Result<(PathBuf, bool)> {
    let path = snapshots_dir(root, config)?.join("v").join(&site.version).join("index.json");
    match std::fs::read(&path) {
        Ok(existing) if existing == site.snapshot() => Ok((path, true)),
        Ok(_) => Err(Error::config(
            format!(
                "refusing to overwrite `{}`: a different snapshot of version {} already exists, and released snapshots are immutable",
                path.display(),
                site.version
            ),
            Some("release the changes as a new version (`ontolint bump --write`), then build its snapshot".into()),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((path, false)),
        Err(source) => Err(Error::Read { path, source }),
    }
}

/// Builds the site in a temporary folder beside `out`, then swaps it in.
fn swap_in(out: &Path, site: &Site) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let werr = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(&parent).map_err(werr(&parent))?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    let tmp = tempfile::Builder::new().prefix(&format!(".{name}.tmp-")).tempdir_in(&parent).map_err(werr(&parent))?;
    write_tree(tmp.path(), site)?;
    // A temporary folder is created private (0700); a published site is not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).map_err(werr(tmp.path()))?;
    }
    if std::fs::symlink_metadata(out).is_ok() {
        // An empty folder of a unique name, which the rename replaces.
        let old =
            tempfile::Builder::new().prefix(&format!(".{name}.old-")).tempdir_in(&parent).map_err(werr(&parent))?;
        std::fs::rename(out, old.path()).map_err(werr(out))?;
        if let Err(e) = std::fs::rename(tmp.path(), out) {
            // Put the previous build back before reporting.
            let _ = std::fs::rename(old.path(), out);
            return Err(Error::Write { path: out.to_path_buf(), source: e });
        }
        remove_parallel(old.path());
        drop(old);
    } else {
        std::fs::rename(tmp.path(), out).map_err(werr(out))?;
    }
    // The folder now lives at `out`: nothing left to clean up.
    let _ = tmp.keep();
    Ok(())
}

/// Empties a previous build folder, its sub-folders in parallel (a 10,000-KPI
/// site is 20,000 files; `TempDir`'s drop then removes what is left).
fn remove_parallel(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut dirs = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            // One level further down: `api/` and `ontology/` hold the domains.
            match std::fs::read_dir(&path) {
                Ok(inner) => dirs.extend(inner.flatten().map(|i| i.path())),
                Err(_) => dirs.push(path),
            }
        }
    }
    dirs.par_iter().for_each(|d| {
        let _ = if d.is_dir() { std::fs::remove_dir_all(d) } else { std::fs::remove_file(d) };
    });
}

/// Writes every file of the site under `dir` (folders first, then files in parallel).
fn write_tree(dir: &Path, site: &Site) -> Result<()> {
    let mut folders: Vec<&str> = site.files.keys().filter_map(|p| p.rsplit_once('/').map(|(d, _)| d)).collect();
    folders.sort_unstable();
    folders.dedup();
    for f in folders {
        let path = dir.join(f);
        std::fs::create_dir_all(&path).map_err(|source| Error::Write { path, source })?;
    }
    let write = |(rel, bytes): (&String, &Vec<u8>)| {
        let path = dir.join(rel);
        std::fs::write(&path, bytes).map_err(|source| Error::Write { path, source })
    };
    if let Some(n) = std::env::var(FAIL_AFTER_VAR).ok().and_then(|v| v.parse::<usize>().ok()) {
        for (i, file) in site.files.iter().enumerate() {
            if i == n {
                return Err(Error::Write {
                    path: dir.join(file.0),
                    source: std::io::Error::other(format!("simulated failure ({FAIL_AFTER_VAR}={n})")),
                });
            }
            write(file)?;
        }
        return Ok(());
    }
    site.files.par_iter().try_for_each(write)
}
