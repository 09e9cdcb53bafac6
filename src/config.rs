//! Finding the catalog root. (The full `ontolint.toml` lands with the CI
//! integration issue; for now its presence marks a root.)

use crate::error::{Error, Result};
use crate::source::ONTOLOGY_DIR;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "ontolint.toml";

/// The catalog root: `--root`, else the nearest folder, from `start` upwards,
/// holding `ontology/` or `ontolint.toml`.
pub fn find_root(explicit: Option<&Path>, start: &Path) -> Result<PathBuf> {
    if let Some(root) = explicit {
        if !root.join(ONTOLOGY_DIR).is_dir() {
            return Err(Error::usage(
                format!("`{}` has no `{ONTOLOGY_DIR}/` folder", root.display()),
                Some("pass the folder that contains ontology/ as --root".into()),
            ));
        }
        return Ok(root.to_path_buf());
    }
    for dir in start.ancestors() {
        if dir.join(ONTOLOGY_DIR).is_dir() || dir.join(CONFIG_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    Err(Error::usage(
        format!(
            "no catalog found: no `{ONTOLOGY_DIR}/` folder or `{CONFIG_FILE}` in `{}` or any parent",
            start.display()
        ),
        Some("run ontolint inside a catalog repository, or pass --root DIR".into()),
    ))
}
