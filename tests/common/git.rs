//! Throwaway git repositories for the versioning tests (`ontolint diff`,
//! `bump`, `changelog`), and a runner of the real binary that never sees the
//! CI environment of the machine running the tests.
//!
//! Every git command runs with a fixed identity and date and without the
//! user's global or system configuration, so commit ids (and the short ids in
//! the output) are the same on every machine.
#![allow(dead_code)]

use super::common::{Hit, copy_tree, fixtures};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date of every commit; commits of the same trees get the same ids.
pub const DATE: &str = "2026-01-15T12:00:00+0000";

/// Environment variables that steer `ontolint diff` (base and head
/// resolution); the CI running the tests may set them.
pub const CI_VARS: &[&str] =
    &["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"];

/// Variables that would point git (and libgit2) at another repository, e.g.
/// when the tests run from a git hook.
const GIT_LOCATION_VARS: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
];

/// Runs git in `dir` with a fixed identity and date and no user configuration.
pub fn git_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .env("GIT_AUTHOR_DATE", DATE)
        .env("GIT_COMMITTER_DATE", DATE)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C");
    for var in GIT_LOCATION_VARS {
        cmd.env_remove(var);
    }
    cmd.output().unwrap_or_else(|e| panic!("cannot run git {args:?}: {e}"))
}

/// Runs git and returns its trimmed stdout; panics when git fails.
pub fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git_in(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Runs the real binary at `root` (`--root`, `--color never`) with none of the
/// CI variables set, plus `env`.
pub fn ontolint_env(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::cargo_bin("ontolint").unwrap();
    cmd.current_dir(root).arg("--root").arg(root).arg("--color").arg("never").args(args).env_remove("NO_COLOR");
    for var in CI_VARS.iter().chain(GIT_LOCATION_VARS) {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// A throwaway repository (deleted when dropped) on branch `main`.
pub struct Repo {
    dir: tempfile::TempDir,
}

/// The result of one `diff --format json` run.
#[derive(Debug)]
pub struct Diff {
    pub exit: i32,
    pub hits: Vec<Hit>,
    pub report: serde_json::Value,
    pub stderr: String,
}

impl Diff {
    pub fn versioning(&self) -> &serde_json::Value {
        &self.report["versioning"]
    }

    pub fn required(&self) -> &str {
        self.versioning()["required"].as_str().unwrap_or("?")
    }

    /// `declared` is `null` when the version went down.
    pub fn declared(&self) -> Option<&str> {
        self.versioning()["declared"].as_str()
    }

    pub fn changes(&self) -> &Vec<serde_json::Value> {
        self.versioning()["changes"].as_array().expect("versioning.changes is an array")
    }

    /// Every change as `kind kpi pointer bump`, in output order.
    pub fn change_list(&self) -> Vec<String> {
        self.changes()
            .iter()
            .map(|c| {
                format!(
                    "{} {} {} {}",
                    c["kind"].as_str().unwrap(),
                    c["kpi"].as_str().unwrap(),
                    c["pointer"].as_str().unwrap(),
                    c["bump"].as_str().unwrap()
                )
            })
            .collect()
    }

    /// The findings as `CODE file:line:col`, sorted.
    pub fn hit_list(&self) -> Vec<String> {
        let mut hits = self.hits.clone();
        hits.sort();
        hits.iter().map(Hit::to_string).collect()
    }

    pub fn codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self.hits.iter().map(|h| h.code.as_str()).collect();
        codes.sort();
        codes
    }

    pub fn findings_of(&self, code: &str) -> Vec<&serde_json::Value> {
        self.report["findings"].as_array().unwrap().iter().filter(|f| f["code"] == code).collect()
    }
}

/// Parses `diff --format json` output (panics with both streams when it is not JSON).
pub fn parse_diff(out: &Output) -> Diff {
    let exit = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "diff output is not JSON ({e}); exit {exit}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let hits = super::common::hits_of(&report);
    Diff { exit, hits, report, stderr }
}

impl Repo {
    /// An empty repository on branch `main`.
    pub fn empty() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        git_ok(dir.path(), &["init", "-q", "-b", "main"]);
        Repo { dir }
    }

    /// The base fixture (catalog 1.0.0), committed on `main`.
    pub fn base() -> Repo {
        let repo = Repo::empty();
        copy_tree(&fixtures().join("base"), repo.path());
        repo.commit("base catalog 1.0.0");
        repo
    }

    /// `git clone <args> file://<this repository> <new temp dir>`.
    pub fn clone_with(&self, args: &[&str]) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}", self.path().display());
        let dest = dir.path().to_str().unwrap().to_string();
        let mut all = vec!["clone", "-q"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[url.as_str(), dest.as_str()]);
        git_ok(self.path(), &all);
        Repo { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn git(&self, args: &[&str]) -> String {
        git_ok(self.path(), args)
    }

    /// Stages everything and commits; returns the full commit id.
    pub fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "--no-verify", "-m", message]);
        self.rev("HEAD")
    }

    pub fn rev(&self, rev: &str) -> String {
        self.git(&["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
    }

    pub fn short(&self, rev: &str) -> String {
        self.rev(rev)[..7].to_string()
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }

    /// Replaces text in a file; panics when `from` is not in it (a test that
    /// edits nothing would pass for the wrong reason).
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.file(rel)).unwrap_or_else(|e| panic!("cannot remove {rel}: {e}"));
    }

    /// Sets the catalog version and releasedAt (keeping the rest of catalog.json).
    pub fn release(&self, version: &str, date: &str) {
        self.release_in(".", version, date);
    }

    /// `release` for a catalog in a sub-folder of the repository.
    pub fn release_in(&self, root: &str, version: &str, date: &str) {
        let rel = format!("{root}/ontology/catalog.json");
        let text = self.read(&rel);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let text = text
            .replacen(
                &format!("\"version\": \"{}\"", v["version"].as_str().unwrap()),
                &format!("\"version\": \"{version}\""),
                1,
            )
            .replacen(
                &format!("\"releasedAt\": \"{}\"", v["releasedAt"].as_str().unwrap()),
                &format!("\"releasedAt\": \"{date}\""),
                1,
            );
        self.write(&rel, text);
    }

    /// Runs the binary at the repository root (no CI variables).
    pub fn ontolint(&self, args: &[&str]) -> Output {
        ontolint_env(self.path(), args, &[])
    }

    pub fn ontolint_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        ontolint_env(self.path(), args, env)
    }

    /// `diff --format json` plus `extra`.
    pub fn diff(&self, extra: &[&str]) -> Diff {
        self.diff_env(extra, &[])
    }

    pub fn diff_env(&self, extra: &[&str], env: &[(&str, &str)]) -> Diff {
        let mut args = vec!["diff", "--format", "json"];
        args.extend_from_slice(extra);
        parse_diff(&self.ontolint_env(&args, env))
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
