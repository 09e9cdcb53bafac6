//! `ontolint report kpi ID | dispute ID` on the fixture history of `sales.backlog`.

use super::history::backlog_history;
use crate::chromium;
use crate::git::{Repo, stderr, stdout};

fn report(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let out = repo.ontolint(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // Deterministic: the same input gives the same bytes.
    assert_eq!(stdout(&repo.ontolint(&all)), text);
    text
}

#[test]
fn kpi_report_markdown_and_json() {
    let repo = backlog_history();
    insta::assert_snapshot!("report_kpi_md", report(&repo, &["kpi", "sales.backlog"]));
    let json = report(&repo, &["kpi", "sales.backlog", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["timeline"]["entries"].as_array().unwrap().len(), 4);
    assert_eq!(v["date"], serde_json::Value::Null);
    insta::assert_snapshot!("report_kpi_json", json);
}

#[test]
fn dispute_report_markdown_and_json() {
    let repo = backlog_history();
    insta::assert_snapshot!("report_dispute_attribution_md", report(&repo, &["dispute", "DSP-0001"]));
    insta::assert_snapshot!(
        "report_dispute_formula_json",
        report(&repo, &["dispute", "DSP-0002", "--format", "json", "--date", "2026-03-02"])
    );
}

#[test]
fn attribution_checklist_reads_the_catalog() {
    let repo = backlog_history();
    let v: serde_json::Value =
        serde_json::from_str(&report(&repo, &["dispute", "DSP-0001", "--format", "json"])).unwrap();
    let items: Vec<String> = v["dispute"]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {}", i["status"].as_str().unwrap(), i["check"].as_str().unwrap()))
        .collect();
    assert_eq!(
        items,
        [
            "pass The cited standard is registered in standards.json",
            "pass The URL is under the standard's prefix",
            "pass A section is given",
            "pass The attribution notice is right",
            "pass The decision is recorded",
            "fail The KPI has no findings",
            "pass The release bump is at least minor",
            "pass CHANGELOG.md has an entry for the release",
        ]
    );
    // A wrong notice and a missing changelog heading are caught.
    repo.replace("ontology/sales/contracts/backlog.json", "not affiliated", "affiliated");
    repo.replace("CHANGELOG.md", "## 1.2.0", "## 1.2");
    let v: serde_json::Value =
        serde_json::from_str(&report(&repo, &["dispute", "DSP-0001", "--format", "json"])).unwrap();
    let status = |check: &str| {
        v["dispute"]["checklist"].as_array().unwrap().iter().find(|i| i["check"] == check).unwrap()["status"].clone()
    };
    assert_eq!(status("The attribution notice is right"), "fail");
    assert_eq!(status("CHANGELOG.md has an entry for the release"), "fail");
}

#[test]
fn html_report_in_chromium() {
    let Some(chromium) = chromium::find("html_report_in_chromium") else { return };
    let repo = backlog_history();
    let out = repo.ontolint(&["report", "dispute", "DSP-0002", "--format", "html", "-o", "report.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let html = repo.read("report.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{html}");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("@media print") && html.contains("@media (max-width: 640px)"));
    assert!(!html.contains("<script") && !html.contains("src="), "no script, no external request");
    assert!(html.contains("Board observer &lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
    let dom = chromium::dump_dom(&chromium, &repo.file("report.html"));
    assert!(dom.contains("<h1>Dispute DSP-0002 on Contract Backlog <code>sales.backlog</code></h1>"), "{dom}");
    for heading in ["Dispute DSP-0002", "Reviewer checklist", "KPI", "Timeline", "Disputes", "References", "Findings"] {
        assert!(dom.contains(&format!("<h2>{heading}</h2>")), "missing section {heading}:\n{dom}");
    }
    let rows = dom.matches("<td data-label=\"Commit\">").count();
    assert_eq!(rows, 4, "one timeline row per commit:\n{dom}");
    for rev in ["HEAD~4", "HEAD~3", "HEAD~2", "HEAD~1"] {
        assert!(dom.contains(&format!("<code>{}</code>", repo.short(rev))), "{rev} missing:\n{dom}");
    }
    assert!(dom.contains("Board observer &lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn unknown_ids_are_usage_errors() {
    let repo = backlog_history();
    let out = repo.ontolint(&["report", "kpi", "sales.nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no KPI `sales.nope` in the catalog"), "{}", stderr(&out));
    let out = repo.ontolint(&["report", "dispute", "DSP-0009"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no dispute `DSP-0009` in the catalog"), "{}", stderr(&out));
    let out = repo.ontolint(&["report", "kpi", "sales.backlog", "--date", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date `2026-13-01` is not a date"), "{}", stderr(&out));
}

#[test]
fn date_appears_only_when_given() {
    let repo = backlog_history();
    let md = report(&repo, &["kpi", "sales.backlog", "--date", "2026-03-02"]);
    assert!(md.contains("Catalog version 1.2.0 (released 2026-02-20) · report of 2026-03-02."), "{md}");
    let md = report(&repo, &["kpi", "sales.backlog"]);
    assert!(!md.contains("report of"), "{md}");
}

#[test]
fn formula_checklist_sees_findings_in_the_formula() {
    let repo = backlog_history();
    let check = "The formula is present and its KPI mentions resolve";
    let status = |repo: &Repo| {
        let v: serde_json::Value =
            serde_json::from_str(&report(repo, &["dispute", "DSP-0002", "--format", "json"])).unwrap();
        let item = v["dispute"]["checklist"].as_array().unwrap().iter().find(|i| i["check"] == check).cloned();
        item.unwrap()["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(&repo), "pass");
    repo.replace("ontology/sales/contracts/backlog.json", "− cancellations", "− `sales.cancellations`");
    assert_eq!(status(&repo), "fail");
}

#[test]
fn report_outside_git_is_exit_3() {
    let dir = crate::common::catalog_with(None);
    let out = crate::common::ontolint(dir.path(), &["report", "kpi", "sales.arr"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not inside a git repository"), "{}", stderr(&out));
}

/// `-o` once created the report with the temporary file's private mode (0600).
#[cfg(unix)]
#[test]
fn output_file_gets_the_mode_of_a_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let repo = backlog_history();
    let out = repo.ontolint(&["report", "kpi", "sales.backlog", "-o", "report.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::write(repo.file("plain.txt"), "x").unwrap();
    let mode = |p: &str| std::fs::metadata(repo.file(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("report.md"), mode("plain.txt"));
    assert!(repo.read("report.md").starts_with("# KPI report: Contract Backlog"));
}

/// The man page once stopped at `report`: its `kpi` and `dispute` subcommands had no section.
#[test]
fn man_page_documents_report_subcommands_and_history() {
    let dir = crate::common::catalog_with(None);
    let out = crate::common::ontolint(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let man = stdout(&out);
    for section in ["ontolint history", "ontolint report kpi", "ontolint report dispute"] {
        assert!(man.contains(&format!(".SS \"{section}\"")), "{section} missing:\n{man}");
    }
    assert!(man.contains("\\fB\\-\\-all\\fR"), "{man}");
    assert!(!man.contains(".SS \"ontolint report help\""), "{man}");
}

#[test]
fn tier_and_benchmark_checklists() {
    let repo = Repo::base();
    let dispute = |id: &str, kpi: &str, kind: &str, status: &str| {
        format!(
            r#"{{"id": "{id}", "kpi": "{kpi}", "kind": "{kind}", "status": "{status}", "openedAt": "2026-01-10",
  "raisedBy": "Reviewer", "claim": "The claim.", "evidence": [{{"title": "Source", "url": "https://example.org/e"}}]}}
"#
        )
    };
    repo.write("ontology/disputes/DSP-0010.json", dispute("DSP-0010", "sales.arr", "tier", "open"));
    repo.write("ontology/disputes/DSP-0011.json", dispute("DSP-0011", "sales.win_rate", "benchmark", "under-review"));
    repo.commit("disputes");
    let items = |id: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&report(&repo, &["dispute", id, "--format", "json"])).unwrap();
        v["dispute"]["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{} {}", i["status"].as_str().unwrap(), i["check"].as_str().unwrap()))
            .collect()
    };
    // sales.arr is published: the dispute asks for a demotion (major).
    assert_eq!(
        items("DSP-0010"),
        [
            "unknown A demotion to editorial rests on an upheld dispute",
            "unknown The decision is recorded",
            "pass The KPI has no findings",
            "unknown The release bump is at least major",
            "unknown CHANGELOG.md has an entry for the release",
        ]
    );
    assert_eq!(
        items("DSP-0011"),
        [
            "pass The KPI has a benchmark",
            "pass p25 ≤ median ≤ p75",
            "pass Evidence is cited",
            "unknown The decision is recorded",
            "pass The KPI has no findings",
            "unknown The release bump is at least patch",
            "unknown CHANGELOG.md has an entry for the release",
        ]
    );
}

/// A release that first brought the KPI has no earlier version to compare
/// with; the item once claimed that no commit changed the KPI in it.
#[test]
fn release_bump_of_a_kpi_added_in_the_named_release_is_unknown() {
    let repo = Repo::empty();
    crate::common::copy_tree(&crate::common::fixtures().join("base"), repo.path());
    repo.write(
        "ontology/disputes/DSP-0020.json",
        r#"{"id": "DSP-0020", "kpi": "sales.arr", "kind": "formula", "status": "rejected", "openedAt": "2026-01-10",
  "raisedBy": "Reviewer", "claim": "The claim.", "evidence": [],
  "decision": {"decidedAt": "2026-01-12", "summary": "Rejected.", "releasedIn": "1.0.0"}}
"#,
    );
    repo.commit("catalog 1.0.0");
    let v: serde_json::Value =
        serde_json::from_str(&report(&repo, &["dispute", "DSP-0020", "--format", "json"])).unwrap();
    let item = v["dispute"]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check"] == "The release bump is at least patch")
        .cloned()
        .unwrap();
    assert_eq!(item["status"], "unknown");
    assert_eq!(item["detail"], "the commit that brought the KPI into 1.0.0 has no readable earlier version");
}

/// An evidence URL is catalog text: a newline in it once ended the autolink
/// and wrote the rest as Markdown (a heading, raw HTML); a URL that is not
/// http(s) became an autolink (`<javascript:…>`).
#[test]
fn evidence_urls_cannot_inject_markdown() {
    let repo = Repo::base();
    let dispute = |id: &str, url: &str| {
        format!(
            r#"{{"id": "{id}", "kpi": "sales.arr", "kind": "formula", "status": "open", "openedAt": "2026-01-10",
  "raisedBy": "Reviewer", "claim": "The claim.", "evidence": [{{"title": "Source", "url": {}}}]}}
"#,
            serde_json::to_string(url).unwrap()
        )
    };
    repo.write("ontology/disputes/DSP-0030.json", dispute("DSP-0030", "https://e.org/a\n\n# Injected\n\n<b>x</b>"));
    repo.write("ontology/disputes/DSP-0031.json", dispute("DSP-0031", "javascript:alert(1)"));
    repo.commit("disputes with odd URLs");
    let md = report(&repo, &["dispute", "DSP-0030"]);
    assert!(md.contains("- Source <https://e.org/a#Injectedbx/b>\n"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Injected")), "{md}");
    let md = report(&repo, &["dispute", "DSP-0031"]);
    assert!(md.contains("- Source `javascript:alert(1)`\n"), "{md}");
}

/// An id that differs only in case once got the generic hint (`KPI ids look
/// like …`) instead of the closest id.
#[test]
fn an_id_in_the_wrong_case_suggests_the_id() {
    let repo = backlog_history();
    for (args, want) in [
        (&["report", "kpi", "SALES.BACKLOG"][..], "did you mean `sales.backlog`?"),
        (&["history", "Sales.Backlog"][..], "did you mean `sales.backlog`?"),
        (&["report", "dispute", "dsp-0002"][..], "did you mean `DSP-0002`?"),
    ] {
        let out = repo.ontolint(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(want), "{args:?}: {}", stderr(&out));
    }
}

/// A KPI or dispute whose file does not parse was "not in the catalog" with a
/// did-you-mean to another id; the message now names the file to fix.
#[test]
fn an_id_whose_file_does_not_parse_names_the_file() {
    let repo = backlog_history();
    repo.write("ontology/sales/contracts/backlog.json", "{ broken\n");
    repo.write("ontology/disputes/DSP-0002.json", "{ broken\n");
    for (args, want) in [
        (
            &["report", "kpi", "sales.backlog"][..],
            "error: the file of KPI `sales.backlog`, `ontology/sales/contracts/backlog.json`, cannot be read",
        ),
        (
            &["report", "dispute", "DSP-0002"][..],
            "error: the file of dispute `DSP-0002`, `ontology/disputes/DSP-0002.json`, cannot be read",
        ),
    ] {
        let out = repo.ontolint(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(err.contains("`ontolint check` shows where"), "{args:?}: {err}");
        assert!(!err.contains("did you mean"), "{args:?}: {err}");
    }
}

/// A `|` in a backticked span of a paragraph (claim, definition) was written
/// `\|`: that escape holds only in tables, so the backslash showed.
#[test]
fn a_pipe_in_code_is_escaped_only_in_tables() {
    let repo = Repo::base();
    repo.write(
        "ontology/disputes/DSP-0040.json",
        r#"{"id": "DSP-0040", "kpi": "sales.arr", "kind": "formula", "status": "open", "openedAt": "2026-01-10",
  "raisedBy": "Reviewer | team", "claim": "Use `a|b` here.", "evidence": []}
"#,
    );
    repo.commit("dispute with a pipe");
    let md = report(&repo, &["dispute", "DSP-0040"]);
    assert!(md.contains("**Claim.** Use `a|b` here.\n"), "{md}");
    assert!(md.contains("| Raised by | Reviewer \\| team |"), "{md}");
}

/// An entity in catalog text (`&lt;`, `&amp;`) was written as is, so Markdown
/// showed `<` and `&` instead of the text of the catalog.
#[test]
fn entities_in_catalog_text_stay_literal_in_markdown() {
    let repo = Repo::base();
    repo.write(
        "ontology/disputes/DSP-0041.json",
        r#"{"id": "DSP-0041", "kpi": "sales.arr", "kind": "formula", "status": "open", "openedAt": "2026-01-10",
  "raisedBy": "AT&amp;T", "claim": "Write &lt;b&gt; as is.", "evidence": []}
"#,
    );
    repo.commit("dispute with entities");
    let md = report(&repo, &["dispute", "DSP-0041"]);
    assert!(md.contains("**Claim.** Write \\&lt;b\\&gt; as is.\n"), "{md}");
    assert!(md.contains("| Raised by | AT\\&amp;T |"), "{md}");
}
