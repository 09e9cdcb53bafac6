//! Catalog states read from git objects: a commit's tree or the index.
//! Nothing is checked out or cloned, and no network is used.
//!
//! git2's `Repository` is not `Sync`, so a state is read once, blob by blob,
//! into memory; the loader then parses it in parallel like the work tree.

use super::{ONTOLOGY_DIR, Source};
use crate::error::{Error, Result};
use git2::{ErrorCode, ObjectType, Oid, Repository, TreeWalkMode, TreeWalkResult};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A repository holding a catalog, possibly in a sub-folder.
pub struct GitRepo {
    repo: Repository,
    /// The catalog root relative to the repository's work tree (`""` or `"sub/dir/"`).
    prefix: String,
    /// The ontology folder under the catalog root.
    dir: String,
}

/// One state of the catalog, read into memory.
pub struct Snapshot {
    name: String,
    dir: String,
    files: BTreeMap<String, Vec<u8>>,
}

impl Source for Snapshot {
    fn list(&self) -> Result<Vec<String>> {
        Ok(self.files.keys().cloned().collect())
    }

    fn read(&self, path: &str) -> Result<Vec<u8>> {
        self.files.get(path).cloned().ok_or_else(|| Error::Read {
            path: PathBuf::from(format!("{}:{path}", self.name)),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })
    }

    fn describe(&self) -> String {
        self.name.clone()
    }

    fn ontology_dir(&self) -> &str {
        &self.dir
    }
}

impl Snapshot {
    /// Whether this state has an `ontology/` folder at all.
    pub fn has_ontology(&self) -> bool {
        !self.files.is_empty()
    }
}

fn git_err(e: git2::Error, what: &str) -> Error {
    Error::git(format!("{what}: {}", e.message()), None)
}

impl GitRepo {
    /// Opens the repository that contains `root`.
    pub fn open(root: &Path) -> Result<Self> {
        let repo = Repository::discover(root).map_err(|e| match e.code() {
            ErrorCode::Owner => Error::git(
                format!("git refuses the repository at `{}`: it is owned by another user", root.display()),
                Some(format!("mark it safe: git config --global --add safe.directory '{}'", root.display())),
            ),
            _ if e.code() == ErrorCode::NotFound => Error::git(
                format!("`{}` is not inside a git repository", root.display()),
                Some("versioning needs the catalog's git history: run it in a clone (git init / git clone)".into()),
            ),
            _ => git_err(e, "cannot open the git repository"),
        })?;
        let workdir = repo
            .workdir()
            .ok_or_else(|| Error::git("the repository is bare: there is no work tree to compare", None))?;
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let rel = canon(root).strip_prefix(canon(workdir)).map(Path::to_path_buf).unwrap_or_default();
        let mut prefix: String =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Ok(GitRepo { repo, prefix, dir: ONTOLOGY_DIR.to_string() })
    }

    /// Reads the ontology from `dir` under the catalog root (ontolint.toml's `ontology`).
    pub fn with_ontology_dir(mut self, dir: &str) -> Self {
        self.dir = dir.to_string();
        self
    }

    pub fn repo(&self) -> &Repository {
        &self.repo
    }

    /// The ontology folder relative to the catalog root (`ontology`).
    pub fn ontology_dir(&self) -> &str {
        &self.dir
    }

    /// The ontology folder's subtree in a commit, if it has one.
    pub fn ontology_tree(&self, commit: &git2::Commit<'_>) -> Option<git2::Tree<'_>> {
        let dir = format!("{}{}", self.prefix, self.dir);
        let entry = commit.tree().ok()?.get_path(Path::new(&dir)).ok()?;
        self.repo.find_tree(entry.id()).ok()
    }

    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow()
    }

    /// Resolves a revision to a commit; `role` ("base", "head") names it in messages.
    pub fn commit_of(&self, rev: &str, role: &str) -> Result<Oid> {
        if rev.trim().is_empty() || rev.contains("..") {
            return Err(Error::usage(
                format!("{role} `{rev}` is not a single revision"),
                Some("pass one commit, branch or tag (a range such as `a..b` is two)".into()),
            ));
        }
        // Only a plain ref name can be fetched by name.
        let fetchable =
            !(rev.contains(['~', '^', ':', '@']) || (rev.len() >= 7 && rev.chars().all(|c| c.is_ascii_hexdigit())));
        let obj = self.repo.revparse_single(rev).map_err(|e| {
            let fetch = if fetchable { format!("; `git fetch origin {rev}` fetches that ref alone") } else { String::new() };
            let advice = if self.is_shallow() {
                format!(
                    "this is a shallow clone: fetch the history (`git fetch --unshallow`, or set `fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI), then retry{fetch}"
                )
            } else if fetchable {
                format!("check the name (`git rev-parse {rev}`), or fetch it: `git fetch origin {rev}`")
            } else {
                format!("check the revision: `git rev-parse {rev}`")
            };
            Error::git(format!("{role} `{rev}` not found: {}", e.message()), Some(advice))
        })?;
        obj.peel_to_commit().map(|c| c.id()).map_err(|e| git_err(e, &format!("`{rev}` is not a commit")))
    }

    /// The merge-base of two commits; in a shallow clone a missing one is exit 3 with the fix.
    pub fn merge_base(&self, a: Oid, b: Oid, b_name: &str) -> Result<Oid> {
        self.repo.merge_base(a, b).map_err(|e| {
            let advice = if self.is_shallow() {
                "this is a shallow clone and the merge-base is not in it: run `git fetch --unshallow` (or set `fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI)".to_string()
            } else {
                format!("HEAD and `{b_name}` share no history; pass the base explicitly with --base REV")
            };
            Error::git(format!("no merge-base between HEAD and `{b_name}`: {}", e.message()), Some(advice))
        })
    }

    /// The catalog as of a commit.
    pub fn commit_snapshot(&self, oid: Oid) -> Result<Snapshot> {
        let commit = self.repo.find_commit(oid).map_err(|e| git_err(e, "cannot read the commit"))?;
        let tree = commit.tree().map_err(|e| git_err(e, "cannot read the commit's tree"))?;
        let dir = format!("{}{}", self.prefix, self.dir);
        let mut files = BTreeMap::new();
        let sub = match tree.get_path(Path::new(&dir)) {
            Ok(entry) => entry.to_object(&self.repo).ok().and_then(|o| o.into_tree().ok()),
            Err(_) => None,
        };
        let short = short_id(oid);
        let state = format!("commit {short}");
        if let Some(sub) = sub {
            let mut failed: Option<Error> = None;
            sub.walk(TreeWalkMode::PreOrder, |parent, entry| {
                // As in the work tree: names are read lossily, hidden entries skipped.
                let name = String::from_utf8_lossy(entry.name_bytes()).into_owned();
                if name.starts_with('.') {
                    return TreeWalkResult::Skip;
                }
                let path = format!("{}/{parent}{name}", self.dir);
                if let Some(e) = unsupported(entry.filemode(), &path, &state) {
                    failed = Some(e);
                    return TreeWalkResult::Abort;
                }
                if entry.kind() == Some(ObjectType::Blob) && name.ends_with(".json") {
                    match entry.to_object(&self.repo).and_then(|o| o.peel_to_blob()) {
                        Ok(blob) => {
                            files.insert(path, blob.content().to_vec());
                        }
                        Err(e) => {
                            failed = Some(git_err(e, &format!("cannot read `{path}` of {state}")));
                            return TreeWalkResult::Abort;
                        }
                    }
                }
                TreeWalkResult::Ok
            })
            .or_else(|e| if failed.is_some() { Ok(()) } else { Err(git_err(e, "cannot walk the commit's tree")) })?;
            if let Some(e) = failed {
                return Err(e);
            }
        }
        Ok(Snapshot { name: state, dir: self.dir.clone(), files })
    }

    /// The index git is using: `GIT_INDEX_FILE` when set (git hands hooks a
    /// temporary index for `git commit -a` and `git commit <paths>`), else the
    /// repository's own.
    fn index(&self) -> std::result::Result<git2::Index, git2::Error> {
        match std::env::var_os("GIT_INDEX_FILE") {
            Some(path) if !path.is_empty() => {
                let path = std::path::PathBuf::from(path);
                let base = self.repo.workdir().unwrap_or_else(|| self.repo.path());
                git2::Index::open(&if path.is_relative() { base.join(path) } else { path })
            }
            _ => self.repo.index(),
        }
    }

    /// The state before the first commit: no files.
    pub fn empty_snapshot(&self) -> Snapshot {
        Snapshot { name: "the empty repository".into(), dir: self.dir.clone(), files: BTreeMap::new() }
    }

    /// The catalog as staged in the index (what pre-commit sees).
    pub fn index_snapshot(&self) -> Result<Snapshot> {
        let index = self.index().map_err(|e| git_err(e, "cannot read the index"))?;
        let dir = format!("{}{}/", self.prefix, self.dir);
        let mut files = BTreeMap::new();
        for entry in index.iter() {
            let path = String::from_utf8_lossy(&entry.path).into_owned();
            let Some(rel) = path.strip_prefix(&dir) else { continue };
            if rel.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            // `git add -N` records an intent, not content.
            if entry.flags_extended & INTENT_TO_ADD != 0 {
                continue;
            }
            if (entry.flags >> 12) & 3 != 0 {
                return Err(Error::config(
                    format!("`{path}` has an unresolved merge conflict in the index"),
                    Some("resolve the conflict and `git add` the file, then run ontolint again".into()),
                ));
            }
            if let Some(e) = unsupported(entry.mode as i32, &path, "the index") {
                return Err(e);
            }
            if !rel.ends_with(".json") {
                continue;
            }
            let blob =
                self.repo.find_blob(entry.id).map_err(|e| git_err(e, &format!("cannot read staged `{path}`")))?;
            files.insert(format!("{}/{rel}", self.dir), blob.content().to_vec());
        }
        Ok(Snapshot { name: "the index".into(), dir: self.dir.clone(), files })
    }

    /// Every file under a catalog-root-relative folder, in a commit or (with
    /// `None`) in the index, keyed by catalog-root-relative path.
    pub fn files_under(&self, commit: Option<Oid>, dir: &str) -> Result<BTreeMap<String, Vec<u8>>> {
        let full = format!("{}{}/", self.prefix, dir.trim_end_matches('/'));
        let mut out = BTreeMap::new();
        let entries: Vec<(String, Oid)> = match commit {
            Some(oid) => {
                let tree =
                    self.repo.find_commit(oid).and_then(|c| c.tree()).map_err(|e| git_err(e, "cannot read a tree"))?;
                // Only the folder's own subtree is walked.
                let sub = tree
                    .get_path(Path::new(full.trim_end_matches('/')))
                    .ok()
                    .and_then(|e| e.to_object(&self.repo).ok())
                    .and_then(|o| o.into_tree().ok());
                let mut found = Vec::new();
                if let Some(sub) = sub {
                    sub.walk(TreeWalkMode::PreOrder, |parent, entry| {
                        if entry.kind() == Some(ObjectType::Blob) {
                            found.push((format!("{full}{parent}{}", entry.name().unwrap_or("")), entry.id()));
                        }
                        TreeWalkResult::Ok
                    })
                    .map_err(|e| git_err(e, "cannot walk a tree"))?;
                }
                found
            }
            None => {
                let index = self.index().map_err(|e| git_err(e, "cannot read the index"))?;
                index
                    .iter()
                    .map(|e| (String::from_utf8_lossy(&e.path).into_owned(), e.id))
                    .filter(|(p, _)| p.starts_with(&full))
                    .collect()
            }
        };
        for (path, id) in entries {
            let blob = self.repo.find_blob(id).map_err(|e| git_err(e, &format!("cannot read `{path}`")))?;
            out.insert(path[self.prefix.len()..].to_string(), blob.content().to_vec());
        }
        Ok(out)
    }

    /// A file of the repository (catalog-root-relative path) as it is in a
    /// commit, or in the index when `commit` is `None`; `None` when absent.
    pub fn read_file(&self, commit: Option<Oid>, path: &str) -> Option<Vec<u8>> {
        let full = format!("{}{path}", self.prefix);
        let id = match commit {
            Some(oid) => self.repo.find_commit(oid).ok()?.tree().ok()?.get_path(Path::new(&full)).ok()?.id(),
            None => self.index().ok()?.get_path(Path::new(&full), 0)?.id,
        };
        Some(self.repo.find_blob(id).ok()?.content().to_vec())
    }

    /// The files among `paths` (catalog-root-relative) whose work-tree
    /// content is not committed: modified, staged or untracked.
    pub fn uncommitted(&self, paths: &[String]) -> Vec<String> {
        paths
            .iter()
            .filter(|p| {
                self.repo
                    .status_file(Path::new(&format!("{}{p}", self.prefix)))
                    .is_ok_and(|s| !s.is_empty() && !s.contains(git2::Status::IGNORED))
            })
            .cloned()
            .collect()
    }

    /// Which of the rogueIds `ids` had a KPI file in some commit reachable from
    /// HEAD: `<ontology>/<domain>/<slug>.json`, the one place a KPI may live
    /// (IDN002). Path lookups only; the walk stops once every id is found.
    pub fn kpis_in_history(&self, ids: &[String]) -> Result<BTreeSet<String>> {
        let mut wanted: BTreeMap<&str, String> = ids
            .iter()
            .filter_map(|id| {
                let (domain, slug) = id.split_once('.')?;
                Some((id.as_str(), format!("{}{}/{domain}/{slug}.json", self.prefix, self.dir)))
            })
            .collect();
        let mut found = BTreeSet::new();
        if self.repo.head().is_err() {
            return Ok(found);
        }
        let mut walk = self.repo.revwalk().map_err(|e| git_err(e, "cannot walk the history"))?;
        walk.push_head().map_err(|e| git_err(e, "cannot walk the history from HEAD"))?;
        for oid in walk {
            if wanted.is_empty() {
                break;
            }
            let oid = oid.map_err(|e| git_err(e, "cannot walk the history"))?;
            let tree = self
                .repo
                .find_commit(oid)
                .and_then(|c| c.tree())
                .map_err(|e| git_err(e, "cannot read a commit of the history"))?;
            wanted.retain(|id, path| {
                let hit = tree.get_path(Path::new(path.as_str())).is_ok();
                if hit {
                    found.insert((*id).to_string());
                }
                !hit
            });
        }
        Ok(found)
    }

    /// HEAD's commit.
    pub fn head(&self) -> Result<Oid> {
        let head = self.repo.head().map_err(|e| {
            Error::git(
                format!("HEAD does not point at a commit: {}", e.message()),
                Some("commit something first".into()),
            )
        })?;
        head.peel_to_commit().map(|c| c.id()).map_err(|e| git_err(e, "HEAD is not a commit"))
    }
}

/// `git add -N` (intent to add) in an index entry's extended flags.
const INTENT_TO_ADD: u16 = 1 << 13;

/// Symbolic links and submodules cannot be read from git objects as files:
/// comparing without them would hide changes, so they are an error.
fn unsupported(mode: i32, path: &str, state: &str) -> Option<Error> {
    let what = match mode {
        0o120000 => "a symbolic link",
        0o160000 => "a submodule",
        _ => return None,
    };
    Some(Error::config(
        format!("`{path}` is {what} in {state}: `ontolint diff` reads git objects and cannot follow it"),
        Some("commit the files themselves under ontology/ (links are followed only by `ontolint check`)".into()),
    ))
}

pub fn short_id(oid: Oid) -> String {
    oid.to_string()[..7].to_string()
}
