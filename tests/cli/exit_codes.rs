use super::common::{catalog_with, ontolint, write};

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

#[test]
fn clean_catalog_exits_0_and_prints_the_summary() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(code(&out), 0);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Checked 8 files (6 KPIs): 0 errors, 0 warnings, 0 infos\n");
}

#[test]
fn findings_exit_1() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/bad.json", "[");
    assert_eq!(code(&ontolint(dir.path(), &["check"])), 1);
}

#[test]
fn no_catalog_exits_2_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        assert_cmd::Command::cargo_bin("ontolint").unwrap().current_dir(dir.path()).arg("check").output().unwrap();
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no catalog found") && err.contains("--root"), "{err}");
}

#[test]
fn root_without_ontology_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(&ontolint(dir.path(), &["check"])), 2);
}

#[test]
fn no_kpi_files_exits_2() {
    let dir = catalog_with(None);
    std::fs::remove_dir_all(dir.path().join("ontology/sales")).unwrap();
    std::fs::remove_dir_all(dir.path().join("ontology/finance")).unwrap();
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no KPI files"));
}

#[test]
fn missing_manifest_exits_2() {
    let dir = catalog_with(None);
    std::fs::remove_file(dir.path().join("ontology/catalog.json")).unwrap();
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("catalog.json"));
}

#[test]
fn wrong_flags_exit_2() {
    let dir = catalog_with(None);
    assert_eq!(code(&ontolint(dir.path(), &["check", "--format", "yaml"])), 2);
    assert_eq!(code(&ontolint(dir.path(), &["check", "--nope"])), 2);
    assert_eq!(code(&ontolint(dir.path(), &["frobnicate"])), 2);
}

#[test]
fn paths_that_match_nothing_exit_2() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["check", "does/not/exist.json"]);
    assert_eq!(code(&out), 2);
    write(dir.path(), "notes.txt", "x");
    let out = ontolint(dir.path(), &["check", dir.path().join("notes.txt").to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));
    let other = tempfile::tempdir().unwrap();
    write(other.path(), "x.json", "{}");
    let out = ontolint(dir.path(), &["check", other.path().join("x.json").to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the catalog"));
}

#[test]
fn explain_unknown_rule_suggests_the_closest() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["explain", "REF01"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ontolint(dir.path(), &["explain", "unresolved-related-kpi"]);
    assert_eq!(code(&out), 0);
}

#[test]
fn schema_command_prints_each_schema_and_rejects_unknown_names() {
    let dir = catalog_with(None);
    for name in ["kpi", "catalog", "standards"] {
        let out = ontolint(dir.path(), &["schema", name]);
        assert_eq!(code(&out), 0);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
    let out = ontolint(dir.path(), &["schema", "nope"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("kpi, catalog, standards"));
}

#[test]
fn rules_lists_every_rule_in_each_format() {
    let dir = catalog_with(None);
    let n = ontolint::rules::RULES.len();
    let table = ontolint(dir.path(), &["rules"]);
    assert_eq!(String::from_utf8_lossy(&table.stdout).lines().count(), n);
    let json = ontolint(dir.path(), &["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), n);
}
