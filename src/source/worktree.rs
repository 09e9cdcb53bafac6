use super::{ONTOLOGY_DIR, Source};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The catalog as it is on disk.
pub struct WorkTree {
    root: PathBuf,
    /// The ontology folder under the root.
    dir: String,
    /// Root-relative `/` paths → real paths (a name that is not UTF-8 is listed
    /// lossily, and still read from its real path).
    listing: OnceLock<BTreeMap<String, PathBuf>>,
}

impl WorkTree {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self::with_dir(root, ONTOLOGY_DIR)
    }

    /// The catalog at `root` with its ontology in `root/dir`.
    pub fn with_dir(root: impl Into<PathBuf>, dir: &str) -> Self {
        Self { root: root.into(), dir: dir.to_string(), listing: OnceLock::new() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn walk(&self) -> Result<BTreeMap<String, PathBuf>> {
        let dir = self.root.join(&self.dir);
        let mut out = BTreeMap::new();
        // Links are followed (a loop is an error naming it; a dangling link to
        // a `.json` name is listed, so reading it fails as a finding of its
        // own instead of stopping the run); hidden entries (`.git/`, editor backups) are not part of the catalog.
        let walk = walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.')));
        for entry in walk {
            if let Err(e) = &entry
                && let Some(path) = e.path().filter(|p| is_dangling_json_link(p))
            {
                out.insert(self.relative(path), path.to_path_buf());
                continue;
            }
            let entry = entry.map_err(|e| {
                let path = e.path().map_or_else(|| dir.clone(), Path::to_path_buf);
                let is_loop = e.loop_ancestor().is_some();
                let source = match e.into_io_error() {
                    _ if is_loop => std::io::Error::other("symbolic link loop"),
                    Some(io) => io,
                    None => std::io::Error::other("unreadable entry"),
                };
                Error::Read { path, source }
            })?;
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            out.insert(self.relative(path), path.to_path_buf());
        }
        Ok(out)
    }

    /// A root-relative path with `/` separators.
    fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path).to_string_lossy();
        if std::path::MAIN_SEPARATOR == '/' { rel.into_owned() } else { rel.replace('\\', "/") }
    }

    fn listing(&self) -> Result<&BTreeMap<String, PathBuf>> {
        if let Some(l) = self.listing.get() {
            return Ok(l);
        }
        let l = self.walk()?;
        Ok(self.listing.get_or_init(|| l))
    }
}

impl Source for WorkTree {
    fn list(&self) -> Result<Vec<String>> {
        if !self.root.join(&self.dir).is_dir() {
            return Err(Error::config(
                format!("`{}` has no `{}/` folder", self.root.display(), self.dir),
                Some("a catalog keeps its KPIs under ontology/<domain>/<slug>.json".into()),
            ));
        }
        Ok(self.listing()?.keys().cloned().collect())
    }

    fn read(&self, path: &str) -> Result<Vec<u8>> {
        let full = self.listing()?.get(path).cloned().unwrap_or_else(|| self.root.join(path));
        std::fs::read(&full).map_err(|source| {
            let source = match std::fs::read_link(&full) {
                Ok(target) if is_dangling_json_link(&full) => std::io::Error::new(
                    source.kind(),
                    format!("it links to `{}`, which does not exist", target.display()),
                ),
                _ => source,
            };
            Error::Read { path: full, source }
        })
    }

    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn ontology_dir(&self) -> &str {
        &self.dir
    }

    fn past_kpis(&self, ids: &[String]) -> super::PastKpis {
        let searched = super::git::GitRepo::open(&self.root).and_then(|repo| {
            let repo = repo.with_ontology_dir(&self.dir);
            Ok((repo.kpis_in_history(ids)?, repo.is_shallow()))
        });
        match searched {
            Ok((found, shallow)) => super::PastKpis::Searched { found, shallow },
            Err(e) => super::PastKpis::NoHistory(e.to_string()),
        }
    }
}

/// A symbolic link named `*.json` whose target does not exist.
fn is_dangling_json_link(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("json")
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err()
}
