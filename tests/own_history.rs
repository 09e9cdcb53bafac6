//! The shipped catalog follows its own versioning rules: `ontolint diff`
//! against the first commit that has `ontology/catalog.json` passes.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn shipped_catalog_history_passes_diff() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if git(&["rev-parse", "--git-dir"]).is_none() {
        println!("skipped: the project is not a git checkout here");
        return;
    }
    if git(&["rev-parse", "--is-shallow-repository"]).as_deref() == Some("true") {
        println!("skipped: shallow clone, the catalog's first commit is not available (git fetch --unshallow)");
        return;
    }
    let Some(first) = git(&["log", "--diff-filter=A", "--format=%H", "--", "ontology/catalog.json"])
        .and_then(|s| s.lines().last().map(str::to_string))
    else {
        println!("skipped: ontology/catalog.json is not committed yet");
        return;
    };
    let out = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .args(["--root", root.to_str().unwrap(), "--color", "never", "diff", "--base", &first, "--format", "concise"])
        .env_remove("GITHUB_BASE_REF")
        .env_remove("CI_MERGE_REQUEST_TARGET_BRANCH_NAME")
        .env_remove("PRE_COMMIT_FROM_REF")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the catalog's own history fails its versioning rules:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
