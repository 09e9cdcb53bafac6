//! `ontolint import FILE [--into DIR] [--force]`: split a catalog in one of
//! its public shapes into the file layout (see `crate::import`). Every file is
//! written atomically; nothing is written when the input is refused, or when
//! a KPI file exists already and `--force` is not given.

use crate::cli::Cli;
use crate::cli::args::ImportArgs;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let bytes = std::fs::read(&args.file).map_err(|source| Error::Read { path: args.file.clone(), source })?;
    let name = args.file.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::config(format!("{name}: not valid UTF-8 from byte {} on", e.utf8_error().valid_up_to()), None)
    })?;
    // The target catalog root: --into, else --root, else the catalog around
    // the working directory, else the working directory.
    let root = match args.into.as_ref().or(cli.root.as_ref()) {
        Some(dir) => cwd.join(dir),
        None => crate::config::find_root(None, &cwd).unwrap_or_else(|_| cwd.clone()),
    };
    if root.exists() && !root.is_dir() {
        return Err(Error::usage(format!("--into `{}` is not a folder", root.display()), None));
    }
    let config = crate::config::Config::load(&root)?;
    let ontology = root.join(config.ontology_dir());
    let existing = crate::import::Existing {
        catalog: read_json(&ontology.join("catalog.json"))?,
        standards: read_json(&ontology.join("standards.json"))?,
    };
    keepable(&ontology.join("catalog.json"), existing.catalog.as_ref(), "domains", "id")?;
    keepable(&ontology.join("standards.json"), existing.standards.as_ref(), "standards", "name")?;
    let plan = crate::import::plan(&name, &text, &existing)?;
    let rel = |p: &Path| p.strip_prefix(&root).unwrap_or(p).display().to_string();
    let targets: Vec<PathBuf> =
        plan.kpis.iter().map(|k| ontology.join(&k.domain).join(format!("{}.json", k.slug))).collect();
    if !args.force {
        let present: Vec<String> = targets.iter().filter(|p| p.exists()).map(|p| rel(p)).collect();
        if !present.is_empty() {
            let shown: Vec<&str> = present.iter().take(10).map(String::as_str).collect();
            let more = if present.len() > shown.len() {
                format!(" and {} more", present.len() - shown.len())
            } else {
                String::new()
            };
            return Err(Error::config(
                format!(
                    "refusing to overwrite {} existing KPI file{}: {}{more}",
                    present.len(),
                    if present.len() == 1 { "" } else { "s" },
                    shown.join(", ")
                ),
                Some("nothing was written; pass --force to replace them".into()),
            ));
        }
    }
    // DESIGN §8: files it would rewrite that hold uncommitted work stop the
    // import (catalog.json and standards.json are always rewritten).
    let rewritten: Vec<String> = targets
        .iter()
        .cloned()
        .chain(["catalog.json", "standards.json"].map(|f| ontology.join(f)))
        .filter(|p| p.exists())
        .map(|p| rel(&p))
        .collect();
    crate::cli::write::refuse_uncommitted(&root, &rewritten, args.force, "--force")?;
    // All or nothing: a path blocked by a file or a folder is refused before
    // anything is written; then every file is staged beside its target and
    // only when all are written are they renamed into place.
    let files: Vec<(PathBuf, &str)> = targets
        .iter()
        .cloned()
        .zip(plan.kpis.iter().map(|k| k.text.as_str()))
        .chain(
            [("catalog.json", &plan.catalog), ("standards.json", &plan.standards)]
                .map(|(f, t)| (ontology.join(f), t.as_str())),
        )
        .collect();
    for (path, _) in &files {
        blocked(&root, path, &rel)?;
    }
    let mut staged = Vec::with_capacity(files.len());
    let mut report = String::new();
    let mut replaced = 0;
    for (i, (path, text)) in files.iter().enumerate() {
        let existed = path.exists();
        staged.push(stage(path, text.as_bytes())?);
        let verb = match (i < plan.kpis.len(), existed) {
            (true, true) => "replaced",
            (false, true) => "updated",
            (_, false) => "wrote",
        };
        replaced += usize::from(existed && i < plan.kpis.len());
        report.push_str(&format!("{verb} {}\n", rel(path)));
    }
    for file in staged {
        file.commit()?;
    }
    let domains: std::collections::BTreeSet<&str> = plan.kpis.iter().map(|k| k.domain.as_str()).collect();
    report.push_str(&format!(
        "imported {} KPI{} ({} new, {replaced} replaced) in {} domain{} from {name} ({}); {} new standard{} registered\n",
        plan.kpis.len(),
        if plan.kpis.len() == 1 { "" } else { "s" },
        plan.kpis.len() - replaced,
        domains.len(),
        if domains.len() == 1 { "" } else { "s" },
        plan.shape.describe(),
        plan.new_standards.len(),
        if plan.new_standards.len() == 1 { "" } else { "s" },
    ));
    crate::cli::print(&report)?;
    Ok(0)
}

/// catalog.json and standards.json are rewritten keeping their entries
/// (domains, standards): one that cannot be kept (not an object, no string
/// `id` or `name`, the list not an array) would silently disappear, so the
/// import is refused until it is fixed.
fn keepable(path: &Path, value: Option<&serde_json::Value>, list: &str, key: &str) -> Result<()> {
    let Some(value) = value else { return Ok(()) };
    let refuse = |what: String| {
        Err(Error::config(
            format!("{}: {what}: the import would drop it", path.display()),
            Some("fix it (or remove it) before importing; nothing was written".into()),
        ))
    };
    let Some(obj) = value.as_object() else { return refuse("not a JSON object".into()) };
    let Some(items) = obj.get(list) else { return Ok(()) };
    let Some(items) = items.as_array() else { return refuse(format!("`{list}` is not an array")) };
    for (i, item) in items.iter().enumerate() {
        if item.get(key).and_then(serde_json::Value::as_str).is_none() {
            return refuse(format!("`{list}` entry #{} has no string `{key}`", i + 1));
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<Option<serde_json::Value>> {
    match std::fs::read(path) {
        // A byte order mark is only a warning for `check` (FIL002), not invalid JSON.
        Ok(bytes) => {
            serde_json::from_slice(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes)).map(Some).map_err(|e| {
                Error::config(
                    format!("{}: invalid JSON: {e}", path.display()),
                    Some("fix it (or remove it) before importing; nothing was written".into()),
                )
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read { path: path.to_path_buf(), source }),
    }
}

/// Refuses a target that is a folder, or whose folder cannot be created
/// because a file stands in the way (`ontology/sales` is a file).
fn blocked(root: &Path, path: &Path, rel: &dyn Fn(&Path) -> String) -> Result<()> {
    if path.is_dir() {
        return Err(Error::config(
            format!("cannot import: `{}` is a folder", rel(path)),
            Some("nothing was written; move it away and import again".into()),
        ));
    }
    for dir in path.ancestors().skip(1) {
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => break,
            Ok(_) => {
                return Err(Error::config(
                    format!("cannot import: `{}` is a file, where a folder is needed for `{}`", rel(dir), rel(path)),
                    Some("nothing was written; move the file away and import again".into()),
                ));
            }
            Err(_) if dir == root => break,
            Err(_) => {}
        }
    }
    Ok(())
}

/// Writes `bytes` beside `path` (its folder created), not yet in place.
fn stage(path: &Path, bytes: &[u8]) -> Result<crate::cli::write::Staged> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
    }
    crate::cli::write::stage(path, bytes)
}
