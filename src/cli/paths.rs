//! Command-line paths → the catalog files they select.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Turns command-line paths (files or folders, relative to the working
/// directory) into the root-relative paths of `all` they select. A path
/// outside the catalog, or one that selects nothing, is a usage error: a run
/// that checks nothing must not pass. `what` names the files in that message.
pub fn narrow(root: &Path, cwd: &Path, paths: &[PathBuf], all: &[String], what: &str) -> Result<Vec<String>> {
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
            return Err(Error::usage(format!("`{}` matches no {what}", p.display()), None));
        }
        out.extend(matched.into_iter().cloned());
    }
    out.sort();
    out.dedup();
    Ok(out)
}
