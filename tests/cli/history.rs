//! `ontolint history ID`: the KPI's timeline from git.

use crate::common::{catalog_with, ontolint};
use crate::git::{Repo, stderr, stdout};
use serde_json::Value;

const NOTICE: &str =
    "Used under the Example Standards Council's terms; this catalog is not affiliated with the Council.";

/// `sales.backlog` as added: an editorial KPI.
pub fn backlog_kpi() -> String {
    r#"{
  "rogueId": "sales.backlog",
  "slug": "backlog",
  "domain": "sales",
  "defaultLabel": "Contract Backlog",
  "description": "Signed contract value not yet recognised as revenue. Common pitfall: adding unsigned pipeline.",
  "fieldType": "currency",
  "unit": "USD",
  "maturity": "general",
  "suggestedForStages": [
    "seriesA"
  ],
  "defaultOwningFunctions": [
    "Finance"
  ],
  "stageRelevance": {
    "seriesA": "core"
  },
  "definitionSource": {
    "tier": "editorial",
    "sourceName": "Test Editorial",
    "sourceUrl": null,
    "sectionRef": null,
    "publicationDate": "2026-01-15",
    "attributionNotice": null
  },
  "formula": "Signed contract value − revenue recognised",
  "relatedKpiIds": [
    "sales.arr"
  ]
}
"#
    .to_string()
}

/// The fixture history: the base catalog (1.0.0); `sales.backlog` added
/// (1.1.0); its formula fixed (1.1.1); back-attributed to the Example
/// Standards Council with an upheld attribution dispute (1.2.0); its file
/// moved; a second (open) dispute, a flow and a mention by another KPI.
pub fn backlog_history() -> Repo {
    let repo = Repo::base();
    repo.write("ontology/sales/backlog.json", backlog_kpi());
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.1.0 — 2026-02-01\n\n- Added `sales.backlog`.\n");
    repo.release("1.1.0", "2026-02-01");
    repo.commit("add sales.backlog");

    repo.replace(
        "ontology/sales/backlog.json",
        "Signed contract value − revenue recognised",
        "Signed contract value − revenue recognised − cancellations",
    );
    repo.replace("CHANGELOG.md", "# Changelog\n", "# Changelog\n\n## 1.1.1 — 2026-02-10\n\n- Backlog formula.\n");
    repo.release("1.1.1", "2026-02-10");
    repo.commit("fix the backlog formula: cancellations");

    let published = format!(
        r#""definitionSource": {{
    "tier": "published",
    "sourceName": "Example Standards Council",
    "sourceUrl": "https://council.example.net/backlog",
    "sectionRef": "4.2 Backlog",
    "publicationDate": "2025-09-01",
    "attributionNotice": "{NOTICE}"
  }}"#
    );
    let text = repo.read("ontology/sales/backlog.json");
    let start = text.find("\"definitionSource\"").unwrap();
    let end = start + text[start..].find('}').unwrap() + 1;
    repo.write("ontology/sales/backlog.json", format!("{}{published}{}", &text[..start], &text[end..]));
    repo.write(
        "ontology/disputes/DSP-0001.json",
        r#"{
  "id": "DSP-0001",
  "kpi": "sales.backlog",
  "kind": "attribution",
  "status": "upheld",
  "openedAt": "2026-02-12",
  "raisedBy": "Finance team",
  "claim": "The Example Standards Council now defines backlog; `sales.backlog` should cite it.",
  "evidence": [
    { "title": "Council standard, backlog section", "url": "https://council.example.net/backlog", "sectionRef": "4.2 Backlog" }
  ],
  "decision": { "decidedAt": "2026-02-20", "summary": "Upheld: cite section 4.2 with the Council's notice.", "releasedIn": "1.2.0" }
}
"#,
    );
    repo.replace(
        "CHANGELOG.md",
        "# Changelog\n",
        "# Changelog\n\n## 1.2.0 — 2026-02-20\n\n- `sales.backlog` promoted.\n",
    );
    repo.release("1.2.0", "2026-02-20");
    repo.commit("back-attribute sales.backlog to the Example Standards Council (DSP-0001)");

    let text = repo.read("ontology/sales/backlog.json");
    repo.remove("ontology/sales/backlog.json");
    repo.write("ontology/sales/contracts/backlog.json", text);
    repo.commit("move the backlog file into sales/contracts/");

    repo.write(
        "ontology/disputes/DSP-0002.json",
        r#"{
  "id": "DSP-0002",
  "kpi": "sales.backlog",
  "kind": "formula",
  "status": "open",
  "openedAt": "2026-03-01",
  "raisedBy": "Board observer <script>alert(1)</script>",
  "claim": "Cancellations | refunds should be netted before the subtraction.",
  "evidence": []
}
"#,
    );
    repo.write(
        "ontology/flows/sales.backlog_flow.json",
        r#"{
  "id": "sales.backlog_flow",
  "label": "Backlog roll-forward",
  "container": "sales.backlog_overview",
  "start": "sales.backlog",
  "end": "sales.backlog",
  "lines": [
    { "kpi": "sales.arr", "sign": "+", "role": "inflow" },
    { "kpi": "sales.mrr", "sign": "-", "role": "outflow" }
  ]
}
"#,
    );
    repo.replace(
        "ontology/sales/mrr.json",
        "Common pitfall",
        "Not to be confused with `sales.backlog`. Common pitfall",
    );
    repo.commit("dispute DSP-0002, backlog flow, mention in sales.mrr");
    repo
}

fn history_json(repo: &Repo, extra: &[&str]) -> Value {
    let mut args = vec!["history", "--format", "json"];
    args.extend_from_slice(extra);
    let out = repo.ontolint(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `event kinds version tier path` per entry.
fn rows(t: &Value) -> Vec<String> {
    t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let kinds: Vec<&str> = e["kinds"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
            format!(
                "{} [{}] {} {} {}{}",
                e["event"].as_str().unwrap(),
                kinds.join(","),
                e["version"].as_str().unwrap_or("-"),
                e["tier"].as_str().unwrap_or("-"),
                e["path"].as_str().unwrap(),
                e["movedFrom"].as_str().map(|f| format!(" from {f}")).unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn timeline_follows_the_kpi_across_a_file_move() {
    let repo = backlog_history();
    let t = history_json(&repo, &["sales.backlog"]);
    assert_eq!(
        rows(&t),
        [
            "added [kpi-added] 1.1.0 editorial ontology/sales/backlog.json",
            "changed [formula-changed] 1.1.1 editorial ontology/sales/backlog.json",
            "changed [promoted] 1.2.0 published ontology/sales/backlog.json",
            "moved [] 1.2.0 published ontology/sales/contracts/backlog.json from ontology/sales/backlog.json",
        ]
    );
    let e = &t["entries"][2];
    assert_eq!(e["short"], repo.short("HEAD~2"));
    assert_eq!(e["subject"], "back-attribute sales.backlog to the Example Standards Council (DSP-0001)");
    assert_eq!(e["previousVersion"], "1.1.1");
    assert_eq!(e["bump"], "minor");
    assert_eq!(e["date"], "2026-01-15");
    assert_eq!(t["commits"], 6);
    assert_eq!(t["walk"], "first-parent");
}

#[test]
fn change_kinds_match_what_diff_reports() {
    let repo = backlog_history();
    let t = history_json(&repo, &["sales.backlog"]);
    // The back-attribution commit, compared by `diff` with its parent.
    let d = repo.diff(&["--base", "HEAD~3", "--head", "HEAD~2"]);
    let kinds: Vec<&str> =
        d.changes().iter().filter(|c| c["kpi"] == "sales.backlog").map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["promoted"]);
    assert_eq!(t["entries"][2]["kinds"], serde_json::json!(kinds));
}

#[test]
fn human_output_lists_each_commit() {
    let repo = backlog_history();
    let out = repo.ontolint(&["history", "sales.backlog"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("DATE        COMMIT   VERSION  TIER       CHANGE"), "{text}");
    assert!(
        text.contains(&format!("{}  1.2.0    published  changed: promoted — minor bump", repo.short("HEAD~2"))),
        "{text}"
    );
    assert!(text.contains("moved from ontology/sales/backlog.json"), "{text}");
    assert!(text.ends_with("4 commits changed `sales.backlog` (6 commits walked, first-parent)\n"), "{text}");
    // Not a terminal: no progress bar on stderr.
    assert_eq!(stderr(&out), "");
    // Deterministic.
    assert_eq!(repo.ontolint(&["history", "sales.backlog"]).stdout, out.stdout);
}

#[test]
fn first_parent_by_default_every_path_with_all() {
    let repo = Repo::base();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.replace("ontology/sales/arr.json", "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    repo.release("1.0.1", "2026-01-20");
    let side = repo.commit("side: arr formula");
    repo.git(&["checkout", "-q", "main"]);
    repo.replace("ontology/sales/mrr.json", "Common pitfall", "Monthly. Common pitfall");
    repo.commit("main: mrr wording");
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "-m", "merge side", "side"]);
    let merge = repo.rev("HEAD");

    let t = history_json(&repo, &["sales.arr"]);
    let commits: Vec<&str> = t["entries"].as_array().unwrap().iter().map(|e| e["commit"].as_str().unwrap()).collect();
    assert_eq!(commits, [repo.rev("HEAD~2").as_str(), merge.as_str()], "first parent: the merge brings the change");
    assert_eq!(t["entries"][1]["merge"], true);
    assert_eq!(t["entries"][1]["kinds"], serde_json::json!(["formula-changed"]));
    assert_eq!(t["commits"], 3);

    let t = history_json(&repo, &["sales.arr", "--all"]);
    let commits: Vec<&str> = t["entries"].as_array().unwrap().iter().map(|e| e["commit"].as_str().unwrap()).collect();
    assert_eq!(commits, [repo.rev("HEAD~2").as_str(), side.as_str()], "--all: the side commit, not the merge");
    assert_eq!(t["entries"][1]["merge"], false);
    assert_eq!(t["commits"], 4);
    assert_eq!(t["walk"], "all");
}

#[test]
fn unknown_kpi_is_a_usage_error() {
    let repo = backlog_history();
    let out = repo.ontolint(&["history", "sales.backlogg"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error: no KPI `sales.backlogg` in the catalog"), "{err}");
    assert!(err.contains("did you mean `sales.backlog`?"), "{err}");
    assert_eq!(stdout(&out), "");
}

/// An empty id once panicked (`windows(0)` in the blob pre-filter).
#[test]
fn empty_id_is_a_usage_error_not_a_panic() {
    let repo = backlog_history();
    let out = repo.ontolint(&["history", ""]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: no KPI `` in the catalog"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A commit that leaves the KPI's file unparseable, and the one that repairs
/// it, changed the KPI: both were once shown as `reformatted` ("the bytes
/// changed but not the data").
#[test]
fn a_kpi_file_that_stops_parsing_is_a_change_not_a_reformatting() {
    let repo = backlog_history();
    let path = "ontology/sales/contracts/backlog.json";
    let good = repo.read(path);
    repo.write(path, good.replacen('{', "{ broken", 1));
    repo.commit("break the backlog file");
    repo.write(path, &good);
    repo.commit("repair the backlog file");
    let t = history_json(&repo, &["sales.backlog"]);
    let rows = rows(&t);
    assert_eq!(
        rows[rows.len() - 2..],
        [
            "changed [] 1.2.0 - ontology/sales/contracts/backlog.json",
            "changed [] 1.2.0 published ontology/sales/contracts/backlog.json"
        ]
    );
}

/// One commit walked was "1 commits walked" in history and both reports.
#[test]
fn one_commit_walked_is_singular() {
    let repo = Repo::base();
    let out = repo.ontolint(&["history", "sales.arr"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("1 commit changed `sales.arr` (1 commit walked, first-parent)\n"),
        "{}",
        stdout(&out)
    );
    let out = repo.ontolint(&["report", "kpi", "sales.arr"]);
    assert!(stdout(&out).contains("1 commit changed this KPI (1 commit walked, first-parent)."), "{}", stdout(&out));
    let out = repo.ontolint(&["report", "kpi", "sales.arr", "--format", "html"]);
    assert!(stdout(&out).contains("1 commit changed this KPI (1 commit walked, first-parent)."), "{}", stdout(&out));
}

#[test]
fn removed_kpi_still_has_its_history() {
    let repo = backlog_history();
    repo.remove("ontology/sales/contracts/backlog.json");
    repo.commit("remove backlog");
    let t = history_json(&repo, &["sales.backlog"]);
    let last = rows(&t).pop().unwrap();
    assert_eq!(last, "removed [kpi-removed] 1.2.0 published ontology/sales/contracts/backlog.json");
}

#[test]
fn not_a_git_repository_is_exit_3_with_the_fix() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["history", "sales.arr"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is not inside a git repository"), "{err}");
    assert!(err.contains("git init / git clone"), "{err}");
}

#[test]
fn shallow_clone_is_exit_3_with_the_fix() {
    let repo = backlog_history();
    let shallow = repo.clone_with(&["--depth", "1"]);
    let out = shallow.ontolint(&["history", "sales.backlog"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("shallow clone"), "{err}");
    assert!(err.contains("git fetch --unshallow"), "{err}");
}

/// The walk skips files that hold the id nowhere; a rogueId spelt with
/// `\u` escapes still holds it, and must still be followed across a move.
#[test]
fn escaped_rogue_id_is_followed_across_a_move() {
    let repo = Repo::base();
    repo.write(
        "ontology/sales/backlog.json",
        backlog_kpi().replace("\"rogueId\": \"sales.backlog\"", "\"rogueId\": \"sales.\\u0062acklog\""),
    );
    repo.commit("add backlog");
    let text = repo.read("ontology/sales/backlog.json");
    repo.remove("ontology/sales/backlog.json");
    // Reworded as well, so the moved file is a blob the walk has not read yet.
    repo.write("ontology/sales/archive/contract_backlog.json", text.replace("Common pitfall", "Moved. Common pitfall"));
    repo.commit("move backlog");
    let t = history_json(&repo, &["sales.backlog"]);
    assert_eq!(
        rows(&t),
        [
            "added [kpi-added] 1.0.0 editorial ontology/sales/backlog.json",
            "changed [text-changed] 1.0.0 editorial ontology/sales/archive/contract_backlog.json from ontology/sales/backlog.json",
        ]
    );
}
