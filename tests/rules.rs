//! Every rule has a fixture directory `tests/fixtures/rules/<CODE>/` with
//! `invalid/<case>/` and `valid/<case>/` overlays on the base catalog.
//!
//! - An invalid case holds a file `expected`: one line per finding of the rule,
//!   `CODE path:line:col`. The findings of that code must be exactly these.
//! - A valid case must yield no finding of the rule's code.
//! - Every case's concise output is snapshotted, so wording and positions of
//!   every other finding are reviewed too.
//!
//! Git mode, for the rules of `ontolint diff` (versioning, snapshots): a case
//! with a `head/` folder (and optionally `base/`) is run in a throwaway
//! repository. The base fixture plus the `base/` overlay is committed, the
//! `head/` overlay is copied over the working tree (a `delete` file in it
//! removes files), and `diff --base HEAD` is run instead of `check`. The
//! `expected` file is the same; a finding located in the base (a removed KPI)
//! is written with the path the JSON `file` field gives, without the commit.

mod common;
#[path = "common/git.rs"]
mod git;

use common::{Hit, catalog_with, check, copy_tree, fixtures, ontolint};
use ontolint::rules::RULES;
use std::path::Path;

/// Whether a case is run by `diff` in a git repository (see the module doc).
fn is_git_case(case: &Path) -> bool {
    case.join("head").is_dir()
}

/// What running a case gives: exit code, findings, concise output.
struct Run {
    exit: i32,
    hits: Vec<Hit>,
    concise: String,
}

/// Runs a case: `check` on the base fixture plus the overlay, or, in git
/// mode, `diff --base HEAD` on a repository built from `base/` and `head/`.
fn run_case(case: &Path) -> Run {
    if !is_git_case(case) {
        let dir = catalog_with(Some(case));
        let (exit, hits, _) = check(dir.path(), &[]);
        let out = ontolint(dir.path(), &["check", "--format", "concise"]);
        return Run { exit, hits, concise: String::from_utf8_lossy(&out.stdout).into_owned() };
    }
    let repo = git::Repo::empty();
    copy_tree(&fixtures().join("base"), repo.path());
    if case.join("base").is_dir() {
        copy_tree(&case.join("base"), repo.path());
    }
    repo.commit("base");
    copy_tree(&case.join("head"), repo.path());
    let d = repo.diff(&["--base", "HEAD"]);
    let out = repo.ontolint(&["diff", "--base", "HEAD", "--format", "concise"]);
    // The base commit's id depends on the fixture's bytes: keep it out of snapshots.
    let concise = String::from_utf8_lossy(&out.stdout).replace(&repo.short("HEAD"), "<base>");
    Run { exit: d.exit, hits: d.hits, concise }
}

fn cases(code: &str, kind: &str) -> Vec<std::path::PathBuf> {
    let dir = fixtures().join("rules").join(code).join(kind);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn parse_expected(path: &Path) -> Vec<Hit> {
    let text = std::fs::read_to_string(path.join("expected"))
        .unwrap_or_else(|_| panic!("{} has no `expected` file", path.display()));
    let mut hits: Vec<Hit> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (code, loc) = l.trim().split_once(' ').expect("`CODE path:line:col`");
            let mut parts = loc.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line = parts.next().unwrap().parse().unwrap();
            let file = parts.next().unwrap().to_string();
            Hit { code: code.to_string(), file, line, column }
        })
        .collect();
    hits.sort();
    hits
}

fn snapshot_name(case: &Path) -> String {
    let rel = case.strip_prefix(fixtures().join("rules")).unwrap();
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("__")
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    for rule in RULES {
        let code = rule.meta().code;
        assert!(!cases(code, "invalid").is_empty(), "{code} has no tests/fixtures/rules/{code}/invalid/<case>/");
        assert!(!cases(code, "valid").is_empty(), "{code} has no tests/fixtures/rules/{code}/valid/<case>/");
    }
}

#[test]
fn no_orphan_fixture_directories() {
    for entry in std::fs::read_dir(fixtures().join("rules")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(ontolint::rules::find(&name).is_some(), "tests/fixtures/rules/{name} matches no rule");
    }
}

#[test]
fn invalid_fixtures_yield_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for rule in RULES {
        let code = rule.meta().code;
        for case in cases(code, "invalid") {
            let expected = parse_expected(&case);
            assert!(!expected.is_empty(), "{} expects no finding", case.display());
            let Run { exit, hits, concise } = run_case(&case);
            let mut got: Vec<Hit> = hits.into_iter().filter(|h| h.code == code).collect();
            got.sort();
            if got != expected {
                failures.push(format!(
                    "{}\n  expected: {}\n  got:      {}",
                    case.display(),
                    expected.iter().map(Hit::to_string).collect::<Vec<_>>().join(", "),
                    got.iter().map(Hit::to_string).collect::<Vec<_>>().join(", ")
                ));
            }
            let fails = rule.meta().default_severity == ontolint::findings::Severity::Error;
            if fails && exit != 1 {
                failures.push(format!("{}: exit {exit}, expected 1", case.display()));
            }
            insta::assert_snapshot!(snapshot_name(&case), concise);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn valid_fixtures_yield_no_finding_of_their_rule() {
    let mut failures = Vec::new();
    for rule in RULES {
        let code = rule.meta().code;
        for case in cases(code, "valid") {
            let Run { hits, .. } = run_case(&case);
            let got: Vec<String> = hits.iter().filter(|h| h.code == code).map(Hit::to_string).collect();
            if !got.is_empty() {
                failures.push(format!("{}: {}", case.display(), got.join(", ")));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn base_fixture_is_clean() {
    let dir = catalog_with(None);
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!(hits, vec![], "the base fixture must be clean");
    assert_eq!(exit, 0);
}
