use super::{ONTOLOGY_DIR, Source};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The catalog as it is on disk.
pub struct WorkTree {
    root: PathBuf,
}

impl WorkTree {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Source for WorkTree {
    fn list(&self) -> Result<Vec<String>> {
        let dir = self.root.join(ONTOLOGY_DIR);
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Read {
                path: e.path().map_or_else(|| dir.clone(), Path::to_path_buf),
                source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("filesystem loop")),
            })?;
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let rel = path.strip_prefix(&self.root).unwrap_or(path);
            let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push(parts.join("/"));
        }
        out.sort();
        Ok(out)
    }

    fn read(&self, path: &str) -> Result<Vec<u8>> {
        let full = self.root.join(path);
        std::fs::read(&full).map_err(|source| Error::Read { path: full, source })
    }

    fn describe(&self) -> String {
        self.root.display().to_string()
    }
}
