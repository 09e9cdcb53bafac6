//! Which commit is the base of a comparison (DESIGN §4).
//!
//! `--base REV` wins. Otherwise the merge-base of HEAD with the target branch
//! named by the CI environment (GitHub, GitLab, pre-commit), else with
//! `origin/HEAD`, `main` or `master`. When the target is not fetched and HEAD
//! is the merge commit CI builds for a pull request, its first parent is the
//! base. A missing base is never read as "everything is new": it is exit 3.

use super::git::{GitRepo, short_id};
use crate::error::{Error, Result};
use git2::Oid;

/// A resolved base: the commit and how it was found (for messages).
#[derive(Debug, Clone)]
pub struct Base {
    /// `None` before the first commit: the base is empty and every KPI is new.
    pub oid: Option<Oid>,
    pub how: String,
}

/// Environment variables naming the target branch, in priority order.
pub const TARGET_ENV: &[&str] = &["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"];

pub fn resolve(repo: &GitRepo, explicit: Option<&str>, env: &dyn Fn(&str) -> Option<String>) -> Result<Base> {
    if let Some(rev) = explicit {
        let oid = repo.commit_of(rev, "base")?;
        return Ok(Base { oid: Some(oid), how: format!("--base {rev} ({})", short_id(oid)) });
    }
    if repo.repo().head().is_err_and(|e| e.code() == git2::ErrorCode::UnbornBranch) {
        // The first commit (a pre-commit hook on a new repository): nothing came before.
        return Ok(Base { oid: None, how: "no earlier commit (first commit)".into() });
    }
    let head = repo.head()?;
    if let Some(from) = env("PRE_COMMIT_FROM_REF").filter(|v| !v.is_empty()) {
        let target = repo.commit_of(&from, "PRE_COMMIT_FROM_REF")?;
        let oid = repo.merge_base(head, target, &from)?;
        return Ok(Base {
            oid: Some(oid),
            how: format!("merge-base with PRE_COMMIT_FROM_REF {from} ({})", short_id(oid)),
        });
    }
    for var in TARGET_ENV {
        let Some(branch) = env(var).filter(|v| !v.is_empty()) else { continue };
        for candidate in [format!("origin/{branch}"), branch.clone()] {
            if let Ok(target) = repo.repo().revparse_single(&candidate).and_then(|o| o.peel_to_commit()) {
                let oid = repo.merge_base(head, target.id(), &candidate)?;
                return Ok(Base {
                    oid: Some(oid),
                    how: format!("merge-base with {candidate} from {var} ({})", short_id(oid)),
                });
            }
        }
        // The target branch is not fetched: a CI merge commit's first parent is the target.
        if let Some(parent) = first_parent_of_merge(repo, head) {
            return Ok(Base {
                oid: Some(parent),
                how: format!("first parent of the CI merge commit ({})", short_id(parent)),
            });
        }
        return Err(Error::git(
            format!("target branch `{branch}` (from {var}) is not in this clone"),
            Some(format!(
                "fetch it: `git fetch origin {branch}` (with actions/checkout, set `fetch-depth: 0`), or pass --base REV"
            )),
        ));
    }
    for candidate in ["origin/HEAD", "main", "master"] {
        if let Ok(target) = repo.repo().revparse_single(candidate).and_then(|o| o.peel_to_commit()) {
            let oid = repo.merge_base(head, target.id(), candidate)?;
            return Ok(Base { oid: Some(oid), how: format!("merge-base with {candidate} ({})", short_id(oid)) });
        }
    }
    Err(Error::git(
        "no base to compare with: no --base, no CI target branch, and none of origin/HEAD, main, master exists",
        Some("pass the base explicitly: ontolint diff --base <commit or branch>".into()),
    ))
}

fn first_parent_of_merge(repo: &GitRepo, head: Oid) -> Option<Oid> {
    let commit = repo.repo().find_commit(head).ok()?;
    (commit.parent_count() >= 2).then(|| commit.parent_id(0).ok()).flatten()
}
