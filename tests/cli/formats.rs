use super::common::{catalog_with, fixtures, ontolint};

/// A catalog with findings of several kinds, for output-format snapshots.
fn failing() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("formats/failing")))
}

#[test]
fn json_output_snapshot_and_byte_identical_across_runs() {
    let dir = failing();
    let first = ontolint(dir.path(), &["check", "--format", "json"]);
    let second = ontolint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(first.stdout, second.stdout, "JSON output differs between runs");
    assert_eq!(first.status.code(), Some(1));
    insta::assert_snapshot!("json_failing_catalog", String::from_utf8(first.stdout).unwrap());
}

#[test]
fn concise_output_snapshot() {
    let dir = failing();
    let out = ontolint(dir.path(), &["check", "--format", "concise"]);
    insta::assert_snapshot!("concise_failing_catalog", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn human_output_is_byte_identical_across_runs() {
    let dir = failing();
    let a = ontolint(dir.path(), &["check"]);
    let b = ontolint(dir.path(), &["check"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!String::from_utf8_lossy(&a.stdout).contains('\u{1b}'), "--color never emits no escape codes");
}

#[test]
fn color_always_emits_escape_codes() {
    let dir = failing();
    let out = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .args(["--root", dir.path().to_str().unwrap(), "--color", "always", "check"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}
