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
        if !root.exists() {
            return Err(Error::usage(format!("--root `{}` does not exist", root.display()), None));
        }
        if !root.is_dir() {
            return Err(Error::usage(
                format!("--root `{}` is a file, not a folder", root.display()),
                Some("pass the folder that contains ontology/".into()),
            ));
        }
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

/// `ontolint.toml`: every key optional. (The rest of DESIGN §6 — severities,
/// ignores, never-sum pairs, snapshots — comes with the CI integration issue.)
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Required bump per change kind, overriding DESIGN §4's defaults.
    #[serde(default)]
    pub bump: std::collections::BTreeMap<String, crate::diff::Bump>,
    /// The changelog, relative to the root; default `CHANGELOG.md` when it exists.
    pub changelog: Option<String>,
    /// The folder of committed release snapshots (`<snapshots>/v/<version>/index.json`),
    /// relative to the root; default `snapshots` when that folder exists.
    pub snapshots: Option<String>,
}

impl Config {
    /// Reads `ontolint.toml` at the root; no file means every default.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Config::default()) };
        let config: Config = toml::from_str(&text).map_err(|e| {
            let at = e.span().map(|s| {
                let p = crate::parse::LineIndex::new(&text).position(&text, s.start);
                format!(":{}:{}", p.line, p.column)
            });
            Error::config(
                format!("{}{}: {}", path.display(), at.unwrap_or_default(), e.message()),
                Some("every key is optional; see the README's configuration section".into()),
            )
        })?;
        let position = |needle: &str| {
            text.find(needle).map_or_else(String::new, |at| {
                let p = crate::parse::LineIndex::new(&text).position(&text, at);
                format!(":{}:{}", p.line, p.column)
            })
        };
        for kind in config.bump.keys() {
            if crate::diff::ChangeKind::from_name(kind).is_none() {
                let known: Vec<&str> = crate::diff::ChangeKind::ALL.iter().map(|k| k.name()).collect();
                return Err(Error::config(
                    format!("{}{}: unknown change kind `{kind}` in [bump]", path.display(), position(kind)),
                    Some(format!("known kinds: {}", known.join(", "))),
                ));
            }
        }
        if let Some(c) = &config.changelog
            && (c.trim().is_empty() || root.join(c).is_dir())
        {
            return Err(Error::config(
                format!("{}{}: changelog `{c}` is not a file path", path.display(), position("changelog")),
                Some("give the changelog's path relative to the catalog root, e.g. \"CHANGELOG.md\"".into()),
            ));
        }
        Ok(config)
    }

    /// The bump a change kind requires under this configuration.
    pub fn bump_of(&self, kind: crate::diff::ChangeKind) -> crate::diff::Bump {
        self.bump.get(kind.name()).copied().unwrap_or_else(|| kind.default_bump())
    }
}
