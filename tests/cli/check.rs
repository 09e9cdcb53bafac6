use super::common::{Hit, catalog_with, check, ontolint, write};
use std::path::Path;

fn shipped() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shipped_catalog_has_no_error_and_enough_content() {
    let (exit, hits, report) = check(shipped(), &[]);
    let errors: Vec<String> = hits.iter().map(Hit::to_string).collect();
    assert_eq!(exit, 0, "shipped catalog fails: {errors:?}");
    assert_eq!(report["summary"]["errors"], 0);
    assert!(report["summary"]["kpis"].as_u64().unwrap() >= 60, "at least 60 KPIs");
}

#[test]
fn shipped_catalog_has_published_kpis_across_standards() {
    let mut published = 0;
    let mut standards = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(shipped().join("ontology")).min_depth(2) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "json") {
            continue;
        }
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(entry.path()).unwrap()).unwrap();
        if v["definitionSource"]["tier"] == "published" {
            published += 1;
            standards.insert(v["definitionSource"]["sourceName"].as_str().unwrap().to_string());
        }
    }
    assert!(published >= 12, "only {published} published KPIs");
    assert!(standards.len() >= 6, "published KPIs cite only {standards:?}");
}

#[test]
fn paths_narrow_reporting_but_not_loading() {
    let dir = catalog_with(None);
    // arr.json points at a KPI that exists only in another file: still resolves.
    write(dir.path(), "ontology/sales/extra.json", std::fs::read(dir.path().join("ontology/sales/mrr.json")).unwrap());
    let (_, all, _) = check(dir.path(), &[]);
    assert!(all.iter().any(|h| h.file == "ontology/sales/extra.json"), "{all:?}");
    let arr = dir.path().join("ontology/sales/arr.json");
    let (exit, hits, report) = check(dir.path(), &[arr.to_str().unwrap()]);
    assert_eq!(exit, 0, "{hits:?}");
    assert!(hits.is_empty(), "findings of other files leak: {hits:?}");
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn paths_keep_catalog_level_findings() {
    let dir = catalog_with(None);
    write(
        dir.path(),
        "ontology/catalog.json",
        r#"{"version": "1.0", "releasedAt": "2026-01-15", "editorialSourceName": "Test Editorial", "domains": [{"id": "sales", "label": "Sales"}, {"id": "finance", "label": "Finance"}]}"#,
    );
    let arr = dir.path().join("ontology/sales/arr.json");
    let (exit, hits, _) = check(dir.path(), &[arr.to_str().unwrap()]);
    assert_eq!(exit, 1);
    assert_eq!(hits, vec![Hit { code: "SCH001".into(), file: "ontology/catalog.json".into(), line: 1, column: 13 }]);
}

#[test]
fn a_folder_path_selects_its_files() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/finance/bad.json", "{");
    write(dir.path(), "ontology/sales/bad.json", "{");
    let (_, hits, _) = check(dir.path(), &[dir.path().join("ontology/sales").to_str().unwrap()]);
    let files: Vec<&str> = hits.iter().map(|h| h.file.as_str()).collect();
    assert_eq!(files, vec!["ontology/sales/bad.json"]);
}

#[test]
fn root_is_found_by_walking_up() {
    let dir = catalog_with(None);
    let out = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(dir.path().join("ontology/sales"))
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Checked 8 files (6 KPIs)"));
}

#[test]
fn human_output_shows_snippet_label_help_and_summary() {
    let dir = catalog_with(None);
    let arr = std::fs::read_to_string(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(dir.path(), "ontology/sales/arr.json", arr.replace("\"sales.mrr\"\n", "\"sales.mrrr\"\n"));
    let out = ontolint(dir.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!("human_unresolved_related", text);
}

#[test]
fn deny_warnings_fails_on_warnings_only_then() {
    let dir = catalog_with(None);
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    write(dir.path(), "ontology/sales/win_rate.json", wr.replace("\"unit\": \"%\"", "\"unit\": \"ratio\""));
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!(hits.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(), vec!["EDT001"]);
    assert_eq!(exit, 0, "a warning alone passes");
    let (exit, _, _) = check(dir.path(), &["--deny-warnings"]);
    assert_eq!(exit, 1);
}

#[test]
fn info_findings_never_fail() {
    let dir = catalog_with(None);
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    write(dir.path(), "ontology/sales/win_rate.json", wr.replace(" Common pitfall: mixing periods.", ""));
    let (exit, hits, _) = check(dir.path(), &["--deny-warnings"]);
    assert_eq!(hits.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(), vec!["EDT005"]);
    assert_eq!(exit, 0);
}

/// A copy of the shipped catalog, with the real standards registry (SMSB and its notice).
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    super::common::copy_tree(&shipped().join("ontology"), &dir.path().join("ontology"));
    dir
}

#[test]
fn smsb_kpi_with_an_altered_or_missing_notice_fails_tir006_at_the_notice() {
    let dir = shipped_copy();
    let rel = "ontology/sales/arr.json";
    let original = std::fs::read_to_string(dir.path().join(rel)).unwrap();
    let notice = "This catalog is independent and is not affiliated with, sponsored by or endorsed by the SMSB.";
    assert!(original.contains(notice), "the shipped SMSB notice changed: update this test");
    // The notice line is line 36; its value starts after `    "attributionNotice": ` (col 26).
    let line = original.lines().position(|l| l.contains("\"attributionNotice\"")).unwrap() + 1;
    for edited in [
        original.replace(notice, "This catalog is affiliated with the SMSB."),
        original.replace(notice, &notice.replace("not affiliated", "not  affiliated")),
    ] {
        write(dir.path(), rel, &edited);
        let (exit, hits, _) = check(dir.path(), &[]);
        let got: Vec<String> = hits.iter().map(Hit::to_string).collect();
        assert_eq!(exit, 1);
        assert_eq!(got, vec![format!("TIR006 {rel}:{line}:26")], "{got:?}");
    }
    let start = original.find("\"attributionNotice\": \"").unwrap() + "\"attributionNotice\": ".len();
    let end = start + original[start..].find("\"\n").unwrap() + 1;
    write(dir.path(), rel, format!("{}null{}", &original[..start], &original[end..]));
    let (exit, hits, report) = check(dir.path(), &[]);
    let got: Vec<String> = hits.iter().map(Hit::to_string).collect();
    assert_eq!((exit, got), (1, vec![format!("TIR006 {rel}:{line}:26")]));
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("SaaS Metrics Standards Board"), "{message}");
}
