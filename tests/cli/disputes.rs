//! Dispute records under `check`: the KPI a dispute names may be one the
//! catalog had in its git history, and what the schema covers for disputes
//! (id form, real dates, evidence URLs) is reported at the exact value.

use crate::common::{Hit, catalog_with, check, write};
use crate::git::{Repo, stdout};

fn dispute(id: &str, kpi: &str) -> String {
    format!(
        r#"{{
  "id": "{id}",
  "kpi": "{kpi}",
  "kind": "definition",
  "status": "open",
  "openedAt": "2026-03-02",
  "raisedBy": "Test board member",
  "claim": "The definition should leave out deals lost to no decision.",
  "evidence": []
}}
"#
    )
}

fn hit(code: &str, file: &str, line: u64, column: u64) -> Hit {
    Hit { code: code.into(), file: file.into(), line, column }
}

fn dsp002(root: &std::path::Path) -> (i32, Vec<Hit>, Vec<String>) {
    let (exit, hits, report) = check(root, &[]);
    let helps = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "DSP002")
        .map(|f| f["help"].as_str().unwrap_or("").to_string())
        .collect();
    (exit, hits.into_iter().filter(|h| h.code == "DSP002").collect(), helps)
}

/// KPI added, dispute added, KPI removed in a later commit: the dispute stays
/// valid. A KPI that no commit ever had is reported at the dispute's `kpi`.
#[test]
fn dispute_about_a_kpi_removed_since_is_valid_in_git_and_a_never_seen_kpi_is_not() {
    let repo = Repo::base();
    repo.write("ontology/disputes/DSP-0001.json", dispute("DSP-0001", "sales.win_rate"));
    repo.commit("dispute about sales.win_rate");
    repo.remove("ontology/sales/win_rate.json");
    repo.release("2.0.0", "2026-02-01");
    repo.commit("remove sales.win_rate");
    let (exit, hits, _) = dsp002(repo.path());
    assert_eq!(hits, vec![], "a KPI found in history is no finding");
    assert_eq!(exit, 0, "{}", stdout(&repo.ontolint(&["check"])));

    // Uncommitted: a dispute about a KPI that never existed.
    repo.write("ontology/disputes/DSP-0002.json", dispute("DSP-0002", "sales.win_ratio"));
    let (exit, hits, helps) = dsp002(repo.path());
    assert_eq!(hits, vec![hit("DSP002", "ontology/disputes/DSP-0002.json", 3, 10)]);
    assert_eq!(exit, 1);
    assert!(helps[0].contains("no commit has ever had `sales.win_ratio`"), "{helps:?}");
}

/// Outside git the history cannot be read: the missing KPI is reported, and
/// the help says why and what to do.
#[test]
fn dispute_about_a_missing_kpi_outside_git_is_reported_with_a_hint() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/disputes/DSP-0001.json", dispute("DSP-0001", "sales.old_rate"));
    let (exit, hits, helps) = dsp002(dir.path());
    assert_eq!(hits, vec![hit("DSP002", "ontology/disputes/DSP-0001.json", 3, 10)]);
    assert_eq!(exit, 1);
    assert!(helps[0].contains("not inside a git repository"), "{helps:?}");
    assert!(helps[0].contains("run `check` in the catalog's repository"), "{helps:?}");
}

/// A shallow clone may not reach the commit that had the KPI: the help names
/// the fetch that settles it.
#[test]
fn dispute_about_a_kpi_older_than_a_shallow_clone_names_the_fetch() {
    let repo = Repo::base();
    repo.remove("ontology/sales/win_rate.json");
    repo.release("2.0.0", "2026-02-01");
    repo.commit("remove sales.win_rate");
    repo.write("ontology/disputes/DSP-0001.json", dispute("DSP-0001", "sales.win_rate"));
    repo.commit("dispute about the removed sales.win_rate");
    let full = repo.clone_with(&[]);
    assert_eq!(dsp002(full.path()).1, vec![], "the full clone has the KPI in its history");
    let shallow = repo.clone_with(&["--depth", "1"]);
    let (_, hits, helps) = dsp002(shallow.path());
    assert_eq!(hits, vec![hit("DSP002", "ontology/disputes/DSP-0001.json", 3, 10)]);
    assert!(helps[0].contains("git fetch --unshallow"), "{helps:?}");
}

/// The id's form, real calendar dates and evidence URLs are the schema's
/// (SCH001), reported at the offending value of the dispute file.
#[test]
fn dispute_schema_reports_id_form_impossible_dates_and_bad_urls_at_the_value() {
    let dir = catalog_with(None);
    let text = r#"{
  "id": "DSP-12",
  "kpi": "sales.win_rate",
  "kind": "definition",
  "status": "rejected",
  "openedAt": "2026-02-30",
  "raisedBy": "Test board member",
  "claim": "The definition should leave out deals lost to no decision.",
  "evidence": [
    { "title": "A page", "url": "not a url" },
    { "title": "Another page", "url": "ftp://metrics.example.org/win-rate" }
  ],
  "decision": { "decidedAt": "2026-13-01", "summary": "Kept as it is." }
}
"#;
    write(dir.path(), "ontology/disputes/DSP-12.json", text);
    let (exit, hits, _) = check(dir.path(), &[]);
    let f = "ontology/disputes/DSP-12.json";
    let mut sch: Vec<Hit> = hits.into_iter().filter(|h| h.code != "DSP002").collect();
    sch.sort();
    sch.dedup();
    assert_eq!(
        sch,
        vec![
            hit("SCH001", f, 2, 9),
            hit("SCH001", f, 6, 15),
            hit("SCH001", f, 10, 33),
            hit("SCH001", f, 11, 39),
            hit("SCH001", f, 13, 30),
        ]
    );
    assert_eq!(exit, 1);
}

/// The shipped catalog exercises the process: an open attribution dispute, an
/// upheld one released in the current version (its KPI published), a rejected one.
#[test]
fn shipped_catalog_has_open_upheld_and_rejected_disputes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology");
    let read = |p: std::path::PathBuf| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let version = read(root.join("catalog.json"))["version"].as_str().unwrap().to_string();
    let mut disputes: Vec<serde_json::Value> =
        std::fs::read_dir(root.join("disputes")).unwrap().map(|e| read(e.unwrap().path())).collect();
    disputes.sort_by_key(|d| d["id"].as_str().unwrap().to_string());
    assert!(disputes.len() >= 3, "{disputes:?}");
    let with = |status: &str, kind: Option<&str>| {
        disputes.iter().find(|d| d["status"] == status && kind.is_none_or(|k| d["kind"] == k)).cloned()
    };
    assert!(with("open", Some("attribution")).is_some(), "no open attribution dispute");
    assert!(with("rejected", None).is_some(), "no rejected dispute");
    let upheld = with("upheld", Some("attribution")).expect("an upheld attribution dispute");
    assert_eq!(upheld["decision"]["releasedIn"], version.as_str());
    let (domain, slug) = upheld["kpi"].as_str().unwrap().split_once('.').unwrap();
    let kpi = read(root.join(domain).join(format!("{slug}.json")));
    assert_eq!(kpi["definitionSource"]["tier"], "published");
}

/// A finding in a dispute file names the disputed KPI (JSON `kpi`), so
/// per-KPI views list it.
#[test]
fn dispute_findings_name_the_disputed_kpi() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/disputes/DSP-0001.json", dispute("DSP-0002", "sales.win_rate"));
    let (_, _, report) = check(dir.path(), &[]);
    let f = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "DSP001").expect("DSP001");
    assert_eq!(f["kpi"], "sales.win_rate");
    assert_eq!(f["file"], "ontology/disputes/DSP-0001.json");
}
