//! Writing files the way DESIGN §8 asks: a temporary file beside the target,
//! then a rename, so a reader never sees half a file. A symbolic link is
//! written through (its target changes, the link stays), and the file keeps
//! its permissions.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.commit()
}

/// A file written in full beside its target, not yet in place: [`Staged::commit`]
/// renames it over the target; dropping it removes it. A command that writes
/// several files stages them all first, so a failure writes none of them.
pub struct Staged {
    /// Closed (no open descriptor: thousands may be staged at once).
    tmp: tempfile::TempPath,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file beside `path` (see [`Staged`]).
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // A bare file name (`report.json`) has the empty path as its parent: the working directory.
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let err = |source| Error::Write { path: target.clone(), source };
    // A folder that does not exist is reported as such, not by the random name
    // of the temporary file that could not be created in it.
    std::fs::metadata(dir).map_err(err)?;
    let mut builder = tempfile::Builder::new();
    // A new file gets the usual mode (0666 less the umask), not the 0600 of a temporary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    // tempfile's errors name the temporary file (`… at path "dir/.tmpXXXX"`): keep the kind only.
    let mut tmp = builder.tempfile_in(dir).map_err(|e| err(std::io::Error::from(e.kind())))?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(err)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file().set_permissions(meta.permissions()).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    Ok(Staged { tmp: tmp.into_temp_path(), target })
}

impl Staged {
    /// Puts the file in place (one rename).
    pub fn commit(self) -> Result<()> {
        let target = self.target;
        self.tmp.persist(&target).map_err(|e| Error::Write { path: target.clone(), source: e.error })?;
        Ok(())
    }
}

/// DESIGN §8: a command never overwrites uncommitted work unless told to.
/// Inside a git repository, the files among `paths` (catalog-root-relative)
/// with uncommitted changes stop the command before anything is written;
/// outside one there is nothing to compare with and nothing is refused.
/// `flag` is the command's own option that overrides the refusal
/// (`--allow-dirty`, `--force`), named in the hint.
pub fn refuse_uncommitted(root: &Path, paths: &[String], allow: bool, flag: &str) -> Result<()> {
    if allow || paths.is_empty() {
        return Ok(());
    }
    let Ok(repo) = crate::source::git::GitRepo::open(root) else {
        return Ok(());
    };
    let dirty = repo.uncommitted(paths);
    if dirty.is_empty() {
        return Ok(());
    }
    let shown: Vec<&str> = dirty.iter().take(10).map(String::as_str).collect();
    let more =
        if dirty.len() > shown.len() { format!(" and {} more", dirty.len() - shown.len()) } else { String::new() };
    Err(Error::config(
        format!(
            "refusing to rewrite {} with uncommitted changes: {}{more}",
            if dirty.len() == 1 { "a file" } else { "files" },
            shown.join(", ")
        ),
        Some(format!("commit or stash them first, or pass {flag} to rewrite them anyway")),
    ))
}
