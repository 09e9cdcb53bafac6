//! Shared helpers for the integration tests: build throwaway catalogs from the
//! base fixture plus an overlay, run the real binary, read its JSON output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies `from` into `to`, creating folders; files in `from` replace those in `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if entry.file_name() == "delete" {
            // A file named `delete` lists root-relative paths to remove from the base.
            for line in std::fs::read_to_string(entry.path()).unwrap().lines().filter(|l| !l.trim().is_empty()) {
                std::fs::remove_file(to.join(line.trim())).unwrap();
            }
        } else if entry.file_name() == "symlinks" {
            // A file named `symlinks` lists `path -> target` links to create
            // (root-relative path; the target as the link will hold it).
            for line in std::fs::read_to_string(entry.path()).unwrap().lines().filter(|l| !l.trim().is_empty()) {
                let (link, target) = line.split_once(" -> ").unwrap();
                let link = to.join(link.trim());
                std::fs::create_dir_all(link.parent().unwrap()).unwrap();
                let _ = std::fs::remove_file(&link);
                #[cfg(unix)]
                std::os::unix::fs::symlink(target.trim(), &link).unwrap();
                #[cfg(not(unix))]
                panic!("fixture links need a unix file system: {}", link.display());
            }
        } else if !["expected", "README.md"].contains(&entry.file_name().to_str().unwrap_or("")) {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A temporary catalog: the base fixture with `overlay` copied over it.
pub fn catalog_with(overlay: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    if let Some(o) = overlay {
        copy_tree(o, dir.path());
    }
    dir
}

/// Writes one file (root-relative path) into a catalog.
pub fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

pub fn ontolint(root: &Path, args: &[&str]) -> Output {
    assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .arg("--root")
        .arg(root)
        .arg("--color")
        .arg("never")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// One finding as the tests compare it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub code: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
}

impl std::fmt::Display for Hit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}:{}:{}", self.code, self.file, self.line, self.column)
    }
}

/// Runs `check --format json` and returns (exit code, findings, whole report).
pub fn check(root: &Path, extra: &[&str]) -> (i32, Vec<Hit>, serde_json::Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = ontolint(root, &args);
    let code = out.status.code().unwrap_or(-1);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check output is not JSON ({e}); exit {code}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let hits = hits_of(&report);
    (code, hits, report)
}

/// The findings of a JSON report (`check` or `diff`) as `Hit`s.
pub fn hits_of(report: &serde_json::Value) -> Vec<Hit> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Hit {
            code: f["code"].as_str().unwrap().to_string(),
            file: f["file"].as_str().unwrap().to_string(),
            line: f["line"].as_u64().unwrap(),
            column: f["column"].as_u64().unwrap(),
        })
        .collect()
}
