//! `ontolint diff`, `bump` and `changelog` on throwaway git repositories: the
//! base fixture (catalog 1.0.0, released 2026-01-15) committed on `main`, then
//! edits in the working tree, the index or further commits.

use super::common::{copy_tree, fixtures};
use super::git::{Diff, Repo, git_in, stderr, stdout};

const WIN_RATE: &str = "ontology/sales/win_rate.json";
const MRR: &str = "ontology/sales/mrr.json";
const ARR: &str = "ontology/sales/arr.json";
const NET_BURN: &str = "ontology/finance/net_burn.json";
const CATALOG: &str = "ontology/catalog.json";

const EDITORIAL_SOURCE: &str = r#""definitionSource": {
    "tier": "editorial",
    "sourceName": "Test Editorial",
    "sourceUrl": null,
    "sectionRef": null,
    "publicationDate": "2026-01-15",
    "attributionNotice": null
  },"#;

const NOTICE: &str =
    "Used under the Example Standards Council's terms; this catalog is not affiliated with the Council.";

/// A wording change: the description of `sales.win_rate`.
fn edit_wording(repo: &Repo) {
    repo.replace(WIN_RATE, "Win Rate for the test catalog.", "Share of closed deals that were won.");
}

fn edit_formula(repo: &Repo) {
    repo.replace(WIN_RATE, "Deals won ÷ deals closed × 100", "Deals won ÷ (deals won + deals lost) × 100");
}

/// Back-attributes `sales.mrr` to the Example Standards Council, with or
/// without the notice that standard requires.
fn promote_mrr(repo: &Repo, with_notice: bool) {
    let notice = if with_notice { format!("\"{NOTICE}\"") } else { "null".to_string() };
    repo.replace(
        MRR,
        EDITORIAL_SOURCE,
        &format!(
            r#""definitionSource": {{
    "tier": "published",
    "sourceName": "Example Standards Council",
    "sourceUrl": "https://council.example.net/mrr",
    "sectionRef": "5 MRR",
    "publicationDate": "2024-03-01",
    "attributionNotice": {notice}
  }},"#
        ),
    );
}

/// Demotes `finance.net_burn` (published) to editorial.
fn demote_net_burn(repo: &Repo) {
    let text = repo.read(NET_BURN);
    let start = text.find("\"definitionSource\"").unwrap();
    let end = start + text[start..].find("},").unwrap() + 2;
    repo.write(NET_BURN, format!("{}{EDITORIAL_SOURCE}{}", &text[..start], &text[end..]));
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn assert_verdict(d: &Diff, required: &str, declared: Option<&str>, changes: &[&str]) {
    assert_eq!(d.required(), required, "required bump; {d:#?}");
    assert_eq!(d.declared(), declared, "declared bump");
    assert_eq!(d.change_list(), strs(changes), "changes");
}

// ---------------------------------------------------------------------------
// Classification and required bumps

#[test]
fn wording_change_requires_patch() {
    let repo = Repo::base();
    edit_wording(&repo);
    let d = repo.diff(&[]);
    assert_verdict(&d, "patch", Some("none"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!(d.changes()[0]["field"], "description");
    assert_eq!(d.changes()[0]["side"], "head");
    assert_eq!(d.exit, 1);
    assert_eq!(d.hit_list(), strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/win_rate.json:6:18"]));
    // Declared as a patch release, it passes.
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn formula_change_requires_patch() {
    let repo = Repo::base();
    edit_formula(&repo);
    let d = repo.diff(&[]);
    assert_verdict(&d, "patch", Some("none"), &["formula-changed sales.win_rate /formula patch"]);
    assert_eq!(d.hit_list(), strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/win_rate.json:29:14"]));
    repo.release("1.0.1", "2026-02-01");
    assert_eq!(repo.diff(&[]).exit, 0);
}

#[test]
fn kpi_added_requires_minor() {
    let repo = Repo::base();
    let text = repo
        .read(MRR)
        .replace("sales.mrr", "sales.new_bookings")
        .replace("\"slug\": \"mrr\"", "\"slug\": \"new_bookings\"")
        .replace("Monthly Recurring Revenue", "New Bookings");
    repo.write("ontology/sales/new_bookings.json", text);
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("none"), &["kpi-added sales.new_bookings  minor"]);
    assert_eq!(
        d.hit_list(),
        strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/new_bookings.json:1:1"])
    );
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.codes(), vec!["VER001", "VER002"], "a patch release does not carry an addition");
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn back_attribution_requires_minor_and_a_valid_citation() {
    let repo = Repo::base();
    promote_mrr(&repo, true);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("minor"), &["promoted sales.mrr /definitionSource/tier minor"]);
    assert_eq!(d.changes()[0]["detail"], "now anchored to Example Standards Council");
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn back_attribution_without_the_required_notice_fails_the_tier_rule() {
    let repo = Repo::base();
    promote_mrr(&repo, false);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("minor"), &["promoted sales.mrr /definitionSource/tier minor"]);
    assert_eq!(d.hit_list(), strs(&["TIR006 ontology/sales/mrr.json:27:26"]));
    assert_eq!(d.exit, 1);
    assert_eq!(d.findings_of("TIR006")[0]["kpi"], "sales.mrr");
}

#[test]
fn demotion_requires_major() {
    let repo = Repo::base();
    demote_net_burn(&repo);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "major", Some("minor"), &["demoted finance.net_burn /definitionSource/tier major"]);
    assert_eq!(d.changes()[0]["detail"], "was anchored to Example Standards Council");
    assert_eq!(
        d.hit_list(),
        strs(&[
            "DSP009 ontology/finance/net_burn.json:22:13",
            "VER001 ontology/catalog.json:2:14",
            "VER002 ontology/finance/net_burn.json:22:13"
        ])
    );
    repo.release("2.0.0", "2026-02-01");
    // A major release is not enough: the demotion rests on an upheld dispute
    // released in that version.
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (1, strs(&["DSP009 ontology/finance/net_burn.json:22:13"])));
    assert!(d.findings_of("DSP009")[0]["message"].as_str().unwrap().contains("released in 2.0.0"));
    repo.write(
        "ontology/disputes/DSP-0001.json",
        r#"{"id": "DSP-0001", "kpi": "finance.net_burn", "kind": "tier", "status": "upheld",
 "openedAt": "2026-01-20", "raisedBy": "Test board member", "claim": "The council withdrew its definition.",
 "evidence": [], "decision": {"decidedAt": "2026-01-30", "summary": "Demoted to editorial.", "releasedIn": "2.0.0"}}
"#,
    );
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn kpi_removed_requires_major_and_is_located_in_the_base_commit() {
    let repo = Repo::base();
    let base = repo.short("HEAD");
    repo.remove(WIN_RATE);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "major", Some("minor"), &["kpi-removed sales.win_rate  major"]);
    assert_eq!(d.changes()[0]["side"], "base");
    assert_eq!(d.changes()[0]["detail"], serde_json::Value::Null, "no rename target");
    assert_eq!(d.hit_list(), strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/win_rate.json:1:1"]));
    let ver002 = d.findings_of("VER002")[0];
    assert_eq!(ver002["revision"], base.as_str(), "{ver002}");
    assert_eq!(ver002["kpi"], "sales.win_rate");
    assert!(d.findings_of("VER001")[0].get("revision").is_none());
    // Concise output names the base file as path@commit.
    let concise = stdout(&repo.ontolint(&["diff", "--format", "concise"]));
    assert!(concise.contains(&format!("ontology/sales/win_rate.json@{base}:1:1: error[VER002]")), "{concise}");
}

#[test]
fn removal_of_a_deprecated_kpi_requires_minor() {
    let repo = Repo::base();
    repo.replace(WIN_RATE, "\"maturity\": \"general\"", "\"maturity\": \"deprecated\"");
    repo.release("1.0.1", "2026-01-20");
    repo.commit("deprecate sales.win_rate");
    repo.remove(WIN_RATE);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&["--base", "HEAD"]);
    assert_verdict(&d, "minor", Some("minor"), &["deprecated-kpi-removed sales.win_rate  minor"]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn rename_is_a_removal_with_the_rename_hint() {
    let repo = Repo::base();
    let text = repo
        .read(WIN_RATE)
        .replace("\"sales.win_rate\"", "\"sales.deal_win_rate\"")
        .replace("\"slug\": \"win_rate\"", "\"slug\": \"deal_win_rate\"");
    repo.remove(WIN_RATE);
    repo.write("ontology/sales/deal_win_rate.json", text);
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(
        &d,
        "major",
        Some("minor"),
        &["kpi-removed sales.win_rate  major", "kpi-added sales.deal_win_rate  minor"],
    );
    assert_eq!(d.changes()[0]["detail"], "likely renamed to `sales.deal_win_rate`");
    let ver001 = d.findings_of("VER001")[0];
    assert!(ver001["help"].as_str().unwrap().contains("likely renamed to `sales.deal_win_rate`"), "{ver001}");
    assert_eq!(d.hit_list(), strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/win_rate.json:1:1"]));
}

#[test]
fn moving_a_file_without_changing_its_rogue_id_is_no_change() {
    let repo = Repo::base();
    let text = repo.read(WIN_RATE);
    repo.remove(WIN_RATE);
    repo.write("ontology/sales/archive/win_rate.json", text);
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("none"), &[]);
    assert_eq!(d.exit, 0);
}

#[test]
fn field_type_change_requires_major() {
    let repo = Repo::base();
    repo.replace(WIN_RATE, "\"fieldType\": \"percentage\"", "\"fieldType\": \"number\"");
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "major", Some("minor"), &["field-type-changed sales.win_rate /fieldType major"]);
    assert_eq!(d.hit_list(), strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/win_rate.json:7:16"]));
}

#[test]
fn reformatting_reordering_keys_and_number_spelling_are_no_change() {
    let repo = Repo::base();
    // arr.json: compact, keys in reverse order.
    let arr: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&repo.read(ARR)).unwrap();
    let reversed: Vec<String> = arr.iter().rev().map(|(k, v)| format!("{}:{}", serde_json::json!(k), v)).collect();
    repo.write(ARR, format!("{{{}}}", reversed.join(",")));
    // win_rate.json: `18` → `18.0`, `24` → `2.4e1`, tabs and CRLF.
    let wr = repo.read(WIN_RATE).replace("\"p25\": 18", "\"p25\": 18.0").replace("\"median\": 24", "\"median\": 2.4e1");
    repo.write(WIN_RATE, wr.replace("  ", "\t").replace('\n', "\r\n"));
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("none"), &[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

// ---------------------------------------------------------------------------
// Version and date rules

#[test]
fn insufficient_bump_fails_listing_the_promotion() {
    let repo = Repo::base();
    promote_mrr(&repo, true);
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(
        &d,
        "minor",
        Some("patch"),
        &["promoted sales.mrr /definitionSource/tier minor", "text-changed sales.win_rate /description patch"],
    );
    assert_eq!(d.exit, 1);
    assert_eq!(
        d.hit_list(),
        strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/sales/mrr.json:22:13"]),
        "only the promotion needs more than the declared patch"
    );
    let ver001 = d.findings_of("VER001")[0];
    assert_eq!(ver001["message"], "changes require a minor release but version `1.0.0` → `1.0.1` declares patch");
    let help = ver001["help"].as_str().unwrap();
    assert!(help.contains("\"version\": \"1.1.0\""), "{help}");
    assert!(
        help.contains(
            "- minor: `sales.mrr` promoted from editorial to published (now anchored to Example Standards Council)"
        ),
        "{help}"
    );
    assert!(!help.contains("win_rate"), "a change the patch carries is not listed: {help}");
}

#[test]
fn insufficient_bump_lists_changes_most_severe_first() {
    let repo = Repo::base();
    promote_mrr(&repo, true);
    repo.remove(WIN_RATE);
    repo.replace(ARR, "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    let help = d.findings_of("VER001")[0]["help"].as_str().unwrap().to_string();
    let lines: Vec<&str> = help.lines().skip(1).collect();
    assert_eq!(lines.len(), 2, "{help}");
    assert!(lines[0].starts_with("- major: `sales.win_rate` removed"), "{help}");
    assert!(lines[1].starts_with("- minor: `sales.mrr` promoted"), "{help}");
}

#[test]
fn version_decreased_is_ver003() {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("0.9.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.declared(), None);
    assert_eq!(d.exit, 1);
    assert_eq!(d.hit_list(), strs(&["VER003 ontology/catalog.json:2:14"]));
    assert_eq!(d.findings_of("VER003")[0]["message"], "version goes down from `1.0.0` to `0.9.0`");
}

#[test]
fn version_changed_without_release_date_advancing_is_ver004() {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("1.0.1", "2026-01-15");
    let d = repo.diff(&[]);
    assert_eq!(d.hit_list(), strs(&["VER004 ontology/catalog.json:3:17"]));
    assert_eq!(d.exit, 1);
    // An earlier date is no better.
    repo.release("1.0.1", "2025-12-31");
    assert_eq!(repo.diff(&[]).codes(), vec!["VER004"]);
}

#[test]
fn release_date_changed_without_version_is_ver005() {
    let repo = Repo::base();
    repo.release("1.0.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("none"), &[]);
    assert_eq!(d.hit_list(), strs(&["VER005 ontology/catalog.json:3:17"]));
    assert_eq!(d.exit, 1);
}

#[test]
fn version_bumped_without_change_is_a_ver006_warning() {
    let repo = Repo::base();
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("patch"), &[]);
    assert_eq!(d.hit_list(), strs(&["VER006 ontology/catalog.json:2:14"]));
    assert_eq!(d.findings_of("VER006")[0]["severity"], "warning");
    assert_eq!(d.exit, 0, "a warning alone passes");
    assert_eq!(repo.diff(&["--deny-warnings"]).exit, 1);
}

#[test]
fn changelog_without_a_heading_for_the_new_version_is_ver007() {
    let repo = Repo::empty();
    super::common::copy_tree(&super::common::fixtures().join("base"), repo.path());
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0 — 2026-01-15\n\nFirst release.\n");
    repo.commit("base with changelog");
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.hit_list(), strs(&["VER007 ontology/catalog.json:2:14"]));
    assert_eq!(d.findings_of("VER007")[0]["message"], "`CHANGELOG.md` has no heading for version `1.0.1`");
    assert_eq!(d.exit, 1);
    // A mention outside a heading does not count.
    repo.write("CHANGELOG.md", "# Changelog\n\nNext: 1.0.1\n\n## 1.0.0 — 2026-01-15\n");
    assert_eq!(repo.diff(&[]).codes(), vec!["VER007"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.1 — 2026-02-01\n\n- wording\n\n## 1.0.0 — 2026-01-15\n");
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn no_changelog_file_means_no_ver007() {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    assert_eq!(repo.diff(&[]).hit_list(), Vec::<String>::new());
}

// ---------------------------------------------------------------------------
// Which states are compared

#[test]
fn staged_sees_the_index_not_the_working_tree() {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.git(&["add", WIN_RATE, CATALOG]);
    // Unstaged: a formula change and a removal.
    repo.replace(MRR, "Sum of monthly subscription fees", "Sum of the monthly fees");
    repo.remove(ARR);
    let d = repo.diff(&["--staged"]);
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!(d.versioning()["head"]["state"], "the index");
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
    // The working tree has all three changes.
    let d = repo.diff(&[]);
    assert_eq!(
        d.change_list(),
        strs(&[
            "kpi-removed sales.arr  major",
            "formula-changed sales.mrr /formula patch",
            "text-changed sales.win_rate /description patch",
        ])
    );
}

#[test]
fn staged_removal_is_located_in_the_base() {
    let repo = Repo::base();
    repo.git(&["rm", "-q", WIN_RATE]);
    let d = repo.diff(&["--staged"]);
    assert_verdict(&d, "major", Some("none"), &["kpi-removed sales.win_rate  major"]);
}

#[test]
fn head_rev_compares_a_commit_not_the_working_tree() {
    let repo = Repo::base();
    let base = repo.rev("HEAD");
    edit_formula(&repo);
    repo.release("1.0.1", "2026-02-01");
    let head = repo.commit("fix the win rate formula");
    // Uncommitted edits are not part of `--head HEAD`.
    repo.remove(ARR);
    let d = repo.diff(&["--base", &base, "--head", "HEAD"]);
    assert_verdict(&d, "patch", Some("patch"), &["formula-changed sales.win_rate /formula patch"]);
    assert_eq!(d.versioning()["head"]["state"], format!("commit {}", &head[..7]));
    assert_eq!(d.versioning()["base"]["commit"], base.as_str());
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
    // `--head` an older commit.
    let d = repo.diff(&["--base", &base, "--head", &base]);
    assert_verdict(&d, "none", Some("none"), &[]);
}

#[test]
fn head_rev_that_does_not_exist_exits_3() {
    let repo = Repo::base();
    let out = repo.ontolint(&["diff", "--head", "nope"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("`nope`"), "{}", stderr(&out));
}

/// main: base ─ main-only edit of sales.arr; feature (from base): wording edit, 1.0.1.
fn feature_branch_repo() -> (Repo, String) {
    let repo = Repo::base();
    let fork = repo.rev("HEAD");
    repo.git(&["branch", "feature"]);
    repo.replace(ARR, "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    repo.release("1.0.1", "2026-01-20");
    repo.commit("main: arr formula");
    repo.git(&["checkout", "-q", "feature"]);
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.commit("feature: win rate wording");
    (repo, fork)
}

#[test]
fn base_on_another_branch_is_the_merge_base_not_the_branch_tip() {
    let (repo, fork) = feature_branch_repo();
    let d = repo.diff(&[]);
    assert_eq!(d.versioning()["base"]["commit"], fork.as_str(), "{:#}", d.versioning());
    assert!(d.versioning()["base"]["resolvedBy"].as_str().unwrap().contains("merge-base with main"));
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]), "the main-only arr edit is not blamed on the branch");
}

#[test]
fn github_base_ref_names_the_target_branch() {
    let (repo, fork) = feature_branch_repo();
    let d = repo.diff_env(&[], &[("GITHUB_BASE_REF", "main")]);
    assert_eq!(d.versioning()["base"]["commit"], fork.as_str());
    let how = d.versioning()["base"]["resolvedBy"].as_str().unwrap();
    assert!(how.contains("GITHUB_BASE_REF"), "{how}");
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!(d.exit, 0);
}

#[test]
fn ci_target_branch_other_than_main_is_used() {
    // The target is `release`; `main` has moved on: only the env var finds the right base.
    let repo = Repo::base();
    repo.git(&["branch", "release"]);
    let fork = repo.rev("HEAD");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.commit("feature");
    repo.git(&["branch", "-f", "main", "feature"]);
    let d = repo.diff_env(&[], &[("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "release")]);
    assert_eq!(d.versioning()["base"]["commit"], fork.as_str());
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    // Without it, main (now = HEAD) is the base: nothing has changed since.
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("none"), &[]);
}

#[test]
fn detached_head_works() {
    let (repo, fork) = feature_branch_repo();
    let head = repo.rev("HEAD");
    repo.git(&["checkout", "-q", "--detach", &head]);
    let d = repo.diff(&[]);
    assert_eq!(d.versioning()["base"]["commit"], fork.as_str());
    assert_eq!(d.exit, 0);
}

// ---------------------------------------------------------------------------
// Git failure modes: exit 3 with the fix

fn three_commit_repo() -> Repo {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.commit("second");
    edit_formula(&repo);
    repo.release("1.0.2", "2026-03-01");
    repo.commit("third");
    repo
}

#[test]
fn shallow_clone_without_the_base_exits_3_and_says_unshallow() {
    let origin = three_commit_repo();
    let clone = origin.clone_with(&["--depth", "1"]);
    assert_eq!(clone.git(&["rev-parse", "--is-shallow-repository"]), "true");
    let out = clone.ontolint(&["diff", "--base", "HEAD~2"]);
    assert_eq!(out.status.code(), Some(3), "{}{}", stdout(&out), stderr(&out));
    assert!(stderr(&out).contains("git fetch --unshallow"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "no verdict on a missing base: {}", stdout(&out));
    // The base's full id is unknown to the clone, too.
    let base = origin.rev("HEAD~2");
    let out = clone.ontolint(&["diff", "--base", &base]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("git fetch --unshallow"), "{}", stderr(&out));
}

#[test]
fn shallow_clone_without_the_merge_base_exits_3_and_says_unshallow() {
    let origin = Repo::base();
    origin.git(&["checkout", "-q", "-b", "feature"]);
    edit_wording(&origin);
    origin.release("1.0.1", "2026-02-01");
    origin.commit("feature");
    origin.git(&["checkout", "-q", "main"]);
    origin.replace(ARR, "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    origin.release("1.0.1", "2026-01-20");
    origin.commit("main moves on");
    let clone = origin.clone_with(&["--depth", "1", "--no-single-branch", "--branch", "feature"]);
    for env in [vec![], vec![("GITHUB_BASE_REF", "main")]] {
        let out = clone.ontolint_env(&["diff"], &env);
        assert_eq!(out.status.code(), Some(3), "{env:?}: {}{}", stdout(&out), stderr(&out));
        assert!(stderr(&out).contains("git fetch --unshallow"), "{env:?}: {}", stderr(&out));
    }
}

#[test]
fn base_not_found_exits_3_naming_it() {
    let repo = Repo::base();
    let out = repo.ontolint(&["diff", "--base", "nope"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("base `nope` not found"), "{err}");
    assert!(!err.contains("--unshallow"), "not a shallow clone: {err}");
}

#[test]
fn ci_target_branch_not_fetched_exits_3() {
    let repo = Repo::base();
    let out = repo.ontolint_env(&["diff"], &[("GITHUB_BASE_REF", "release")]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("`release`") && err.contains("git fetch origin release"), "{err}");
}

#[test]
fn not_a_git_repository_exits_3() {
    let dir = super::common::catalog_with(None);
    if super::git::git_in(dir.path(), &["rev-parse", "--git-dir"]).status.success() {
        println!("skipped: the temporary directory is inside a git repository");
        return;
    }
    let out = super::git::ontolint_env(dir.path(), &["diff"], &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("not inside a git repository"), "{}", stderr(&out));
    let out = super::git::ontolint_env(dir.path(), &["bump"], &[]);
    assert_eq!(out.status.code(), Some(3));
    let out = super::git::ontolint_env(dir.path(), &["changelog"], &[]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn no_base_at_all_exits_3() {
    let repo = Repo::base();
    repo.git(&["branch", "-m", "main", "trunk"]);
    let out = repo.ontolint(&["diff"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("--base"), "{}", stderr(&out));
}

#[test]
fn base_predating_the_catalog_means_every_kpi_is_added() {
    let repo = Repo::empty();
    repo.write("README.md", "a catalog, soon\n");
    let first = repo.commit("before the catalog");
    super::common::copy_tree(&super::common::fixtures().join("base"), repo.path());
    repo.commit("the catalog");
    let d = repo.diff(&["--base", &first]);
    assert_eq!(
        d.change_list(),
        strs(&[
            "kpi-added finance.gross_margin  minor",
            "kpi-added finance.net_burn  minor",
            "kpi-added sales.arr  minor",
            "kpi-added sales.backlog_overview  minor",
            "kpi-added sales.mrr  minor",
            "kpi-added sales.win_rate  minor",
        ])
    );
    assert_eq!(d.required(), "minor");
    assert_eq!(d.versioning()["base"]["version"], serde_json::Value::Null);
    assert_eq!(d.exit, 0, "the first release has nothing to be compared with: {:?}", d.hit_list());
}

// ---------------------------------------------------------------------------
// Configuration

#[test]
fn bump_override_in_config_changes_the_required_bump() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "[bump]\nformula-changed = \"minor\"\n");
    edit_formula(&repo);
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("patch"), &["formula-changed sales.win_rate /formula minor"]);
    assert_eq!(d.codes(), vec!["VER001", "VER002"]);
    repo.release("1.1.0", "2026-02-01");
    assert_eq!(repo.diff(&[]).exit, 0);
    // A kind may also be relaxed.
    repo.write("ontolint.toml", "[bump]\nformula-changed = \"none\"\n");
    repo.release("1.0.0", "2026-01-15");
    let d = repo.diff(&[]);
    assert_verdict(&d, "none", Some("none"), &["formula-changed sales.win_rate /formula none"]);
    assert_eq!(d.exit, 0);
}

#[test]
fn unknown_kind_or_bad_bump_in_config_exits_2() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "[bump]\nformula-change = \"minor\"\n");
    let out = repo.ontolint(&["diff"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown change kind `formula-change`") && err.contains("formula-changed"), "{err}");
    repo.write("ontolint.toml", "[bump]\nformula-changed = \"huge\"\n");
    let out = repo.ontolint(&["diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ontolint.toml:2:"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// Output formats of diff

#[test]
fn diff_human_and_concise_outputs_start_with_the_verdict() {
    let repo = Repo::base();
    promote_mrr(&repo, true);
    repo.release("1.0.1", "2026-02-01");
    let base = repo.short("HEAD");
    let concise = stdout(&repo.ontolint(&["diff", "--format", "concise"]));
    insta::assert_snapshot!("diff_concise_insufficient_bump", concise.replace(&base, "BASE"));
    let human = stdout(&repo.ontolint(&["diff"]));
    assert!(
        human.starts_with(&format!(
            "Compared merge-base with main ({base}) with the working tree: 1 change, required bump minor, declared patch (1.0.0 → 1.0.1)\n"
        )),
        "{human}"
    );
    assert!(human.contains("promoted from editorial to published"), "{human}");
    let again = stdout(&repo.ontolint(&["diff"]));
    assert_eq!(human, again, "byte-identical across runs");
}

// ---------------------------------------------------------------------------
// bump

#[test]
fn bump_prints_the_next_version_and_date() {
    let repo = Repo::base();
    promote_mrr(&repo, true);
    edit_wording(&repo);
    let out = repo.ontolint(&["bump", "--date", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "version: 1.1.0\nreleasedAt: 2026-12-03\nrequired bump: minor\n");
    // Printing writes nothing.
    assert!(repo.read(CATALOG).contains("\"version\": \"1.0.0\""));
    // A removal needs a major release.
    repo.remove(WIN_RATE);
    let out = repo.ontolint(&["bump", "--date", "2026-12-03"]);
    assert_eq!(stdout(&out), "version: 2.0.0\nreleasedAt: 2026-12-03\nrequired bump: major\n");
}

#[test]
fn bump_with_nothing_changed_keeps_the_version() {
    let repo = Repo::base();
    let out = repo.ontolint(&["bump", "--date", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("version stays 1.0.0"), "{}", stdout(&out));
}

#[test]
fn bump_rejects_a_date_that_is_no_date() {
    let repo = Repo::base();
    let out = repo.ontolint(&["bump", "--date", "2026-13-03"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2026-13-03"), "{}", stderr(&out));
}

#[test]
fn bump_write_rewrites_only_version_and_release_date() {
    let repo = Repo::base();
    // Unusual but valid formatting that a rewrite must keep.
    let original = "{\n\t\"version\" :   \"1.0.0\",\r\n  \"releasedAt\":\"2026-01-15\",\n  \"editorialSourceName\": \"Test Editorial\",\n  \"domains\": [\n    { \"id\": \"sales\", \"label\": \"Sales\" },\n    { \"id\": \"finance\", \"label\": \"Finance\" }\n  ]\n}\n";
    repo.write(CATALOG, original);
    repo.commit("reformat the manifest");
    promote_mrr(&repo, true);
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("wrote ontology/catalog.json"), "{}", stdout(&out));
    let expected = original.replace("\"1.0.0\"", "\"1.1.0\"").replace("\"2026-01-15\"", "\"2026-12-03\"");
    assert_eq!(repo.read(CATALOG), expected);
    // The written release passes.
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
    // Running it again keeps the version the head already carries, and the
    // date too unless one is given explicitly.
    let out = repo.ontolint(&["bump", "--write"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("already carries them"), "{}", stdout(&out));
    assert_eq!(repo.read(CATALOG), expected);
    // Another date would overwrite the uncommitted release: refused (DESIGN §8)…
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-24"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("uncommitted changes: ontology/catalog.json"), "{}", stderr(&out));
    assert_eq!(repo.read(CATALOG), expected);
    // …unless told to.
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-24", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(repo.read(CATALOG), expected.replace("\"2026-12-03\"", "\"2026-12-24\""));
}

#[test]
fn bump_write_on_the_base_fixture_is_byte_identical_elsewhere() {
    let repo = Repo::base();
    let original = repo.read(CATALOG);
    edit_wording(&repo);
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        repo.read(CATALOG),
        original
            .replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")
            .replace("\"releasedAt\": \"2026-01-15\"", "\"releasedAt\": \"2026-12-03\"")
    );
}

// ---------------------------------------------------------------------------
// changelog

/// A release with one of each: added, removed, promoted, demoted, changed.
fn release_history() -> Repo {
    let repo = Repo::base();
    let added = repo
        .read(MRR)
        .replace("sales.mrr", "sales.new_bookings")
        .replace("\"slug\": \"mrr\"", "\"slug\": \"new_bookings\"")
        .replace("Monthly Recurring Revenue", "New Bookings")
        .replace("Sum of monthly subscription fees of live contracts", "Value of contracts signed in the period");
    repo.write("ontology/sales/new_bookings.json", added);
    repo.remove(WIN_RATE);
    promote_mrr(&repo, true);
    demote_net_burn(&repo);
    repo.replace(ARR, "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    repo.replace(ARR, "Annual Recurring Revenue for the test catalog.", "Contracted recurring revenue, annualised.");
    repo.replace("ontology/finance/gross_margin.json", "\"Finance\"", "\"Finance\",\n    \"Product\"");
    repo.release("2.0.0", "2026-02-01");
    repo.commit("release 2.0.0");
    repo
}

#[test]
fn changelog_of_a_release_snapshot() {
    let repo = release_history();
    let out = repo.ontolint(&["changelog", "--base", "HEAD~1", "--head", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let notes = stdout(&out);
    for section in ["### Added", "### Removed", "### Promoted to published", "### Demoted", "### Changed"] {
        assert!(notes.contains(section), "{section} missing:\n{notes}");
    }
    insta::assert_snapshot!("changelog_release_2_0_0", notes);
    // The same from the working tree (HEAD is clean), base from main's history.
    let again = stdout(&repo.ontolint(&["changelog", "--base", "HEAD~1"]));
    assert_eq!(notes, again);
}

#[test]
fn changelog_heads_an_unreleased_change_with_the_required_version() {
    let repo = Repo::base();
    edit_formula(&repo);
    let out = repo.ontolint(&["changelog"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "## 1.0.1\n\n### Changed\n\n- `sales.win_rate` — Win Rate: formula\n\n");
}

#[test]
fn changelog_output_satisfies_ver007() {
    let repo = Repo::empty();
    super::common::copy_tree(&super::common::fixtures().join("base"), repo.path());
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0 — 2026-01-15\n\nFirst release.\n");
    repo.commit("base with changelog");
    promote_mrr(&repo, true);
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0));
    let notes = stdout(&repo.ontolint(&["changelog"]));
    assert!(notes.starts_with("## 1.1.0 — 2026-12-03\n"), "{notes}");
    let log = repo.read("CHANGELOG.md").replace("## 1.0.0", &format!("{notes}## 1.0.0"));
    repo.write("CHANGELOG.md", log);
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

// ---------------------------------------------------------------------------
// More base and head resolutions

#[test]
fn ci_merge_commit_first_parent_is_the_base_when_the_target_is_not_fetched() {
    // What CI checks out for a pull request: a merge of the branch into the
    // target's tip, detached, with the target branch itself not fetched.
    let repo = Repo::base();
    repo.git(&["checkout", "-q", "-b", "feature"]);
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.commit("feature");
    repo.git(&["checkout", "-q", "main"]);
    repo.replace(ARR, "`sales.mrr` × 12", "`sales.mrr` × 12 at period end");
    let target_tip = repo.commit("main moves on");
    repo.git(&["checkout", "-q", "--detach"]);
    repo.git(&["merge", "-q", "--no-edit", "--no-ff", "feature"]);
    repo.git(&["branch", "-q", "-D", "feature"]);
    repo.git(&["branch", "-q", "-m", "main", "trunk"]);
    let d = repo.diff_env(&[], &[("GITHUB_BASE_REF", "main")]);
    assert_eq!(d.versioning()["base"]["commit"], target_tip.as_str(), "{:#}", d.versioning());
    assert!(d.versioning()["base"]["resolvedBy"].as_str().unwrap().contains("first parent"));
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!(d.exit, 0);
}

#[test]
fn pre_commit_refs_name_the_base_and_the_pushed_commit() {
    let repo = Repo::base();
    let from = repo.rev("HEAD");
    edit_formula(&repo);
    repo.release("1.0.1", "2026-02-01");
    let to = repo.commit("fix the formula");
    // Not part of the push: an uncommitted removal.
    repo.remove(ARR);
    let d = repo.diff_env(&[], &[("PRE_COMMIT_FROM_REF", &from), ("PRE_COMMIT_TO_REF", &to)]);
    assert_eq!(d.versioning()["base"]["commit"], from.as_str());
    assert_eq!(d.versioning()["head"]["state"], format!("commit {}", &to[..7]));
    assert_verdict(&d, "patch", Some("patch"), &["formula-changed sales.win_rate /formula patch"]);
    assert_eq!(d.exit, 0);
}

#[test]
fn base_may_be_a_tag() {
    let repo = Repo::base();
    repo.git(&["tag", "-a", "v1.0.0", "-m", "release 1.0.0"]);
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.commit("wording");
    let d = repo.diff(&["--base", "v1.0.0"]);
    assert_verdict(&d, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert!(d.versioning()["base"]["resolvedBy"].as_str().unwrap().contains("--base v1.0.0"));
}

#[test]
fn catalog_in_a_subfolder_of_the_repository() {
    let repo = Repo::empty();
    super::common::copy_tree(&super::common::fixtures().join("base"), &repo.file("catalog"));
    repo.write("catalog/CHANGELOG.md", "## 1.0.0\n");
    repo.write("README.md", "the catalog lives in catalog/\n");
    let base = repo.commit("base");
    let root = repo.file("catalog");
    let run = |args: &[&str]| {
        let mut all = vec!["diff", "--format", "json"];
        all.extend_from_slice(args);
        super::git::parse_diff(&super::git::ontolint_env(&root, &all, &[]))
    };
    repo.replace("catalog/ontology/sales/win_rate.json", "Win Rate for the test catalog.", "Won ÷ closed.");
    repo.release_in("catalog", "1.0.1", "2026-02-01");
    repo.git(&["add", "-A"]);
    repo.remove("catalog/ontology/sales/arr.json");
    let staged = run(&["--staged"]);
    assert_verdict(&staged, "patch", Some("patch"), &["text-changed sales.win_rate /description patch"]);
    assert_eq!(staged.hit_list(), strs(&["VER007 ontology/catalog.json:2:14"]), "the changelog is read at catalog/");
    let work = run(&[]);
    assert_eq!(work.required(), "major");
    assert_eq!(
        work.hit_list(),
        strs(&[
            "VER001 ontology/catalog.json:2:14",
            "VER002 ontology/sales/arr.json:1:1",
            "VER007 ontology/catalog.json:2:14"
        ])
    );
    let ver002 = work.findings_of("VER002")[0];
    assert_eq!(ver002["revision"], &base[..7]);
    repo.write("catalog/CHANGELOG.md", "## 1.0.1\n\n## 1.0.0\n");
    repo.git(&["add", "-A"]);
    repo.commit("release 1.0.1");
    let head = run(&["--base", &base, "--head", "HEAD"]);
    assert_eq!(head.required(), "major");
    assert_eq!(head.codes(), vec!["VER001", "VER002"]);
}

#[cfg(unix)]
#[test]
fn repository_owned_by_another_user_exits_3_naming_safe_directory() {
    let repo = Repo::base();
    let system_config = std::fs::read_to_string("/etc/gitconfig").unwrap_or_default();
    if system_config.contains("safe") {
        println!("skipped: the system git configuration sets safe.directory");
        return;
    }
    for entry in walkdir::WalkDir::new(repo.path()) {
        if std::os::unix::fs::lchown(entry.unwrap().path(), Some(65534), Some(65534)).is_err() {
            println!("skipped: changing the owner needs root");
            return;
        }
    }
    let home = tempfile::tempdir().unwrap();
    let home = home.path().to_str().unwrap();
    let out = repo.ontolint_env(&["diff"], &[("HOME", home), ("XDG_CONFIG_HOME", home)]);
    assert_eq!(out.status.code(), Some(3), "{}{}", stdout(&out), stderr(&out));
    assert!(stderr(&out).contains("git config --global --add safe.directory"), "{}", stderr(&out));
}

#[test]
fn staged_ignores_untracked_files() {
    let repo = Repo::base();
    let text = repo
        .read(MRR)
        .replace("sales.mrr", "sales.new_bookings")
        .replace("\"slug\": \"mrr\"", "\"slug\": \"new_bookings\"");
    repo.write("ontology/sales/new_bookings.json", text);
    let d = repo.diff(&["--staged"]);
    assert_verdict(&d, "none", Some("none"), &[]);
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("none"), &["kpi-added sales.new_bookings  minor"]);
}

#[test]
fn unit_and_standard_changes() {
    let repo = Repo::base();
    repo.replace(ARR, "\"Example Metrics Board\"", "\"Example Standards Council\"");
    repo.replace(ARR, "https://metrics.example.org/arr", "https://council.example.net/arr");
    repo.replace(ARR, "\"attributionNotice\": null", &format!("\"attributionNotice\": \"{NOTICE}\""));
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_verdict(
        &d,
        "minor",
        Some("minor"),
        &[
            "standard-changed sales.arr /definitionSource/sourceName minor",
            "source-changed sales.arr /definitionSource/sourceUrl patch",
            "source-changed sales.arr /definitionSource/attributionNotice patch",
        ],
    );
    assert_eq!(d.changes()[0]["detail"], "Example Metrics Board → Example Standards Council");
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
    repo.replace(ARR, "\"unit\": \"USD\"", "\"unit\": \"EUR\"");
    let d = repo.diff(&[]);
    assert_eq!(d.required(), "major");
    assert!(d.change_list().contains(&"unit-changed sales.arr /unit major".to_string()), "{:?}", d.change_list());
}

#[test]
fn block_added_changed_removed() {
    let repo = Repo::base();
    repo.replace(WIN_RATE, "\"p75\": 31", "\"p75\": 33");
    repo.replace(
        ARR,
        "\"timeBasis\": \"point_in_time\"",
        "\"timeBasis\": \"point_in_time\",\n    \"moneyBasis\": \"contracted_arr\"",
    );
    let d = repo.diff(&[]);
    assert_verdict(
        &d,
        "patch",
        Some("none"),
        &["block-changed sales.arr /metricBasis patch", "block-changed sales.win_rate /benchmark patch"],
    );
    repo.replace(
        MRR,
        "\"relatedKpiIds\": [",
        "\"metricBasis\": {\"timeBasis\": \"point_in_time\"},\n  \"relatedKpiIds\": [",
    );
    assert_eq!(repo.diff(&[]).required(), "minor");
    let text = repo.read(WIN_RATE);
    let cut = text.find(",\n  \"benchmark\"").unwrap();
    repo.write(WIN_RATE, format!("{}\n}}\n", &text[..cut]));
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.required(), "major");
    let removed: Vec<_> = d.changes().iter().filter(|c| c["kind"] == "block-removed").collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["side"], "base");
    // Located in the base file, where the block was.
    let ver002: Vec<String> = d
        .findings_of("VER002")
        .iter()
        .map(|f| format!("{}@{}:{}:{}", f["file"].as_str().unwrap(), f["revision"], f["line"], f["column"]))
        .collect();
    assert_eq!(ver002, vec![format!("ontology/sales/win_rate.json@\"{}\":31:16", repo.short("HEAD"))]);
}

// ---------------------------------------------------------------------------
// Regressions: bugs found while writing these tests, each fixed.

#[test]
fn deleting_every_committed_snapshot_is_snp001() {
    let repo = Repo::base();
    repo.write("snapshots/v/1.0.0/index.json", "{\"version\": \"1.0.0\"}\n");
    repo.commit("release snapshot 1.0.0");
    repo.git(&["rm", "-q", "-r", "snapshots"]);
    assert!(!repo.file("snapshots").exists());
    let d = repo.diff(&[]);
    assert_eq!(d.hit_list(), strs(&["SNP001 snapshots/v/1.0.0/index.json:1:1"]));
    assert_eq!(d.exit, 1);
    let d = repo.diff(&["--staged"]);
    assert_eq!(d.codes(), vec!["SNP001"]);
}

#[test]
fn bump_write_with_a_date_fixes_a_release_date_that_did_not_advance() {
    let repo = Repo::base();
    edit_wording(&repo);
    repo.release("1.0.1", "2026-01-15");
    assert_eq!(repo.diff(&[]).codes(), vec!["VER004"]);
    // catalog.json carries the uncommitted release: rewriting it needs --allow-dirty.
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(repo.read(CATALOG).contains("\"releasedAt\": \"2026-12-03\""), "{}", repo.read(CATALOG));
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn bump_always_compares_the_working_tree() {
    let repo = Repo::base();
    let from = repo.rev("HEAD");
    edit_wording(&repo);
    let to = repo.commit("wording");
    repo.remove(WIN_RATE);
    let env = [("PRE_COMMIT_FROM_REF", from.as_str()), ("PRE_COMMIT_TO_REF", to.as_str())];
    let out = repo.ontolint_env(&["bump", "--date", "2026-12-03"], &env);
    assert_eq!(stdout(&out), "version: 2.0.0\nreleasedAt: 2026-12-03\nrequired bump: major\n");
}

#[test]
fn changelog_heading_with_a_v_prefix_counts() {
    let repo = Repo::empty();
    super::common::copy_tree(&super::common::fixtures().join("base"), repo.path());
    repo.write("CHANGELOG.md", "# Changelog\n\n## v1.0.0 — 2026-01-15\n");
    repo.commit("base with changelog");
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.write("CHANGELOG.md", "# Changelog\n\n## v1.0.1 — 2026-02-01\n\n## v1.0.0 — 2026-01-15\n");
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn configured_changelog_that_does_not_exist_is_ver007() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "changelog = \"NOTES.md\"\n");
    repo.commit("configure the changelog");
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.hit_list(), strs(&["VER007 ontology/catalog.json:2:14"]));
}

#[test]
fn deleting_the_changelog_with_a_release_is_ver007() {
    let repo = Repo::empty();
    super::common::copy_tree(&super::common::fixtures().join("base"), repo.path());
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0 — 2026-01-15\n");
    repo.commit("base with changelog");
    edit_wording(&repo);
    repo.release("1.0.1", "2026-02-01");
    repo.remove("CHANGELOG.md");
    let d = repo.diff(&[]);
    assert_eq!(d.codes(), vec!["VER007"]);
}

#[test]
fn staged_and_head_cannot_be_combined() {
    let repo = Repo::base();
    let out = repo.ontolint(&["diff", "--staged", "--head", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// Regressions from the new-user pass over diff, bump and changelog.

#[test]
fn unreadable_head_version_fails_instead_of_passing() {
    let repo = Repo::base();
    edit_formula(&repo);
    repo.release("v1.0.1", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 1, "{:?}", d.hit_list());
    assert_eq!(d.codes(), vec!["VER008"]);
}

#[test]
fn unreadable_base_version_fails_instead_of_passing() {
    let repo = Repo::base();
    repo.release("1.0", "2026-01-15");
    let base = repo.commit("a broken release");
    repo.release("1.0.0", "2026-01-15");
    repo.replace(WIN_RATE, "\"fieldType\": \"percentage\"", "\"fieldType\": \"number\"");
    let d = repo.diff(&["--base", &base]);
    assert_eq!(d.exit, 1);
    assert!(d.codes().contains(&"VER008"), "{:?}", d.hit_list());
}

#[test]
fn invalid_release_date_fails() {
    let repo = Repo::base();
    edit_formula(&repo);
    repo.release("1.0.1", "2026-13-45");
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 1);
    assert!(d.codes().contains(&"VER008"), "{:?}", d.hit_list());
}

#[test]
fn duplicate_rogue_ids_are_reported_by_diff() {
    let repo = Repo::base();
    let copy = repo.read(WIN_RATE).replace("\"fieldType\": \"percentage\"", "\"fieldType\": \"number\"");
    repo.write("ontology/sales/win_rate_copy.json", copy);
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 1);
    assert!(d.codes().contains(&"IDN003"), "{:?}", d.hit_list());
}

#[test]
fn kpi_file_that_is_not_an_object_is_not_a_silent_removal() {
    let repo = Repo::base();
    repo.write(WIN_RATE, "[]\n");
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 1);
    assert_eq!(d.codes(), vec!["VER009"]);
    assert!(d.changes().is_empty());
}

#[cfg(unix)]
#[test]
fn committed_symlink_is_an_error_not_a_hidden_change() {
    let repo = Repo::base();
    std::fs::create_dir_all(repo.file("shared")).unwrap();
    std::fs::rename(repo.file(WIN_RATE), repo.file("shared/win_rate.json")).unwrap();
    std::os::unix::fs::symlink("../../shared/win_rate.json", repo.file(WIN_RATE)).unwrap();
    repo.commit("link");
    let out = repo.ontolint(&["diff", "--base", "HEAD", "--head", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
}

#[test]
fn null_block_counts_as_removed() {
    let repo = Repo::base();
    let text = repo.read(WIN_RATE);
    let start = text.find("\"benchmark\": {").unwrap();
    let end = start + text[start..].find('}').unwrap() + 1;
    repo.write(WIN_RATE, format!("{}\"benchmark\": null{}", &text[..start], &text[end..]));
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["block-removed sales.win_rate /benchmark major"]), "{d:#?}");
}

#[test]
fn build_metadata_never_declares_a_release() {
    let repo = Repo::base();
    repo.release("1.0.0-rc.1", "2026-01-15");
    repo.commit("rc");
    repo.release("1.0.0-rc.1+b", "2026-01-15");
    repo.replace(WIN_RATE, "\"fieldType\": \"percentage\"", "\"fieldType\": \"number\"");
    let d = repo.diff(&["--base", "HEAD"]);
    assert_eq!(d.declared(), Some("none"));
    assert_eq!(d.exit, 1);
}

#[test]
fn unresolved_merge_conflict_in_the_index_is_an_error() {
    let repo = Repo::base();
    repo.git(&["checkout", "-q", "-b", "feat"]);
    repo.replace(WIN_RATE, "Deals won ÷ deals closed × 100", "feat formula");
    repo.commit("feat");
    repo.git(&["checkout", "-q", "main"]);
    repo.replace(WIN_RATE, "Deals won ÷ deals closed × 100", "main formula");
    repo.commit("main");
    repo.git(&["checkout", "-q", "feat"]);
    let _ = git_in(repo.path(), &["merge", "-q", "main"]);
    let out = repo.ontolint(&["diff", "--staged"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("merge conflict"), "{}", stderr(&out));
    let out = repo.ontolint(&["bump"]);
    assert_ne!(out.status.code(), Some(0), "bump over conflict markers: {}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn bump_write_keeps_permissions_and_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::base();
    std::fs::rename(repo.file(CATALOG), repo.file("catalog.real.json")).unwrap();
    std::os::unix::fs::symlink("../catalog.real.json", repo.file(CATALOG)).unwrap();
    std::fs::set_permissions(repo.file("catalog.real.json"), std::fs::Permissions::from_mode(0o644)).unwrap();
    // The link lives in the work tree only: `diff` reads the base from git objects.
    edit_formula(&repo);
    // The link replacing the committed file is itself an uncommitted change.
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(repo.file(CATALOG)).unwrap().file_type().is_symlink());
    let mode = std::fs::metadata(repo.file("catalog.real.json")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    assert!(repo.read("catalog.real.json").contains("\"1.0.1\""));
}

#[test]
fn bump_date_must_be_yyyy_mm_dd_and_after_the_base() {
    let repo = Repo::base();
    edit_formula(&repo);
    for bad in ["20261205", "2026-12-04 ", "2026-02-30"] {
        let out = repo.ontolint(&["bump", "--date", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    let out = repo.ontolint(&["bump", "--date", "1999-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not after the base"), "{}", stderr(&out));
}

#[test]
fn bump_names_a_missing_key_instead_of_blaming_syntax() {
    let repo = Repo::base();
    edit_formula(&repo);
    repo.replace(CATALOG, "\"version\": \"1.0.0\",", "");
    repo.commit("no version");
    edit_wording(&repo);
    let out = repo.ontolint(&["bump", "--write", "--date", "2026-12-03", "--base", "HEAD~1"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("syntax"), "{}", stderr(&out));
}

#[test]
fn unknown_bump_kind_has_a_position() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "[bump]\nformula-change = \"minor\"\n");
    let out = repo.ontolint(&["diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ontolint.toml:2:1"), "{}", stderr(&out));
}

#[test]
fn empty_changelog_path_is_a_config_error() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "changelog = \"\"\n");
    assert_eq!(repo.ontolint(&["diff"]).status.code(), Some(2));
}

#[test]
fn head_errors_name_the_head_and_ranges_are_usage_errors() {
    let repo = Repo::base();
    let out = repo.ontolint(&["diff", "--head", "nope"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("head `nope`"), "{}", stderr(&out));
    for bad in ["", "main..HEAD"] {
        let out = repo.ontolint(&["diff", "--base", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
    }
}

#[test]
fn first_commit_can_be_checked_staged() {
    let repo = Repo::empty();
    copy_tree(&fixtures().join("base"), repo.path());
    repo.git(&["add", "-A"]);
    let d = repo.diff(&["--staged"]);
    assert_eq!(d.exit, 0, "{}", d.stderr);
    assert_eq!(d.changes().len(), 6);
}

#[test]
fn changelog_headings_follow_markdown() {
    let repo = Repo::base();
    repo.write("CHANGELOG.md", "# Changelog\n\n```\n## 1.0.1\n```\n");
    repo.commit("changelog");
    edit_formula(&repo);
    repo.release("1.0.1", "2026-02-01");
    assert!(repo.diff(&[]).codes().contains(&"VER007"), "a heading inside a code block does not count");
    repo.write("CHANGELOG.md", "# Changelog\n\n1.0.1 — 2026-02-01\n==================\n");
    assert!(!repo.diff(&[]).codes().contains(&"VER007"), "a setext heading counts");
}

#[test]
fn catalog_level_edits_are_changes() {
    let repo = Repo::base();
    repo.replace(CATALOG, "\"label\": \"Sales\"", "\"label\": \"Revenue\"");
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["catalog-changed catalog.json /domains patch"]), "{d:#?}");
    assert_eq!(d.exit, 1, "a patch is required and none declared");
}

#[test]
fn field_type_change_says_from_what_to_what() {
    let repo = Repo::base();
    repo.replace(WIN_RATE, "\"fieldType\": \"percentage\"", "\"fieldType\": \"number\"");
    let d = repo.diff(&[]);
    assert_eq!(d.changes()[0]["detail"], "\"percentage\" → \"number\"");
}

#[test]
fn changelog_escapes_markdown_and_says_when_nothing_changed() {
    let repo = Repo::base();
    let out = repo.ontolint(&["changelog"]);
    assert!(stdout(&out).starts_with("No KPI changed since"), "{}", stdout(&out));
    repo.replace(WIN_RATE, "\"defaultLabel\": \"Win Rate\"", "\"defaultLabel\": \"*Win* <Rate>\"");
    let out = repo.ontolint(&["changelog"]);
    assert!(stdout(&out).contains("\\*Win\\* \\<Rate\\>"), "{}", stdout(&out));
}

#[test]
fn schema_changes_require_major_or_minor() {
    let repo = Repo::base();
    let schema = r#"{"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}"#;
    repo.write("schemas/kpi.schema.json", schema);
    repo.commit("schema");
    repo.write(
        "schemas/kpi.schema.json",
        r#"{"type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {}, "c": {}}}"#,
    );
    let d = repo.diff(&[]);
    assert_eq!(
        d.change_list(),
        strs(&[
            "schema-required-added schemas/kpi.schema.json /properties/b major",
            "schema-property-added schemas/kpi.schema.json /properties/c minor",
        ]),
        "{d:#?}"
    );
    assert!(d.codes().contains(&"VER001"));
}

#[test]
fn staged_diff_reads_the_index_git_hands_to_hooks() {
    let repo = Repo::base();
    edit_formula(&repo);
    // `git commit -a` runs hooks with a temporary index in GIT_INDEX_FILE.
    let tmp = repo.file(".git/hook-index");
    for args in [&["read-tree", "HEAD"][..], &["add", WIN_RATE][..]] {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("GIT_INDEX_FILE", &tmp)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let d = repo.diff_env(&["--staged"], &[("GIT_INDEX_FILE", tmp.to_str().unwrap())]);
    assert_eq!(d.change_list(), strs(&["formula-changed sales.win_rate /formula patch"]), "{d:#?}");
    assert!(repo.diff(&["--staged"]).changes().is_empty(), "the repository's own index has nothing staged");
}

#[test]
fn diff_reads_a_renamed_ontology_folder_from_git() {
    let repo = Repo::base();
    repo.git(&["mv", "ontology", "kpis"]);
    repo.write("ontolint.toml", "ontology = \"kpis\"\n");
    repo.commit("rename the ontology folder");
    repo.replace("kpis/sales/win_rate.json", "Deals won ÷ deals closed × 100", "Deals won ÷ (won + lost) × 100");
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["formula-changed sales.win_rate /formula patch"]), "{d:#?}");
    assert!(d.hit_list().iter().any(|h| h.contains("kpis/catalog.json")), "{:?}", d.hit_list());
}

/// Back-attribution on the shipped catalog, with the real SMSB registry entry:
/// a minor change, and the promoted KPI without SMSB's notice fails TIR006.
#[test]
fn back_attribution_to_smsb_in_the_shipped_catalog_needs_its_notice() {
    let repo = Repo::empty();
    copy_tree(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology"), &repo.file("ontology"));
    repo.commit("shipped catalog");
    let rel = "ontology/sales/new_arr.json";
    let editorial = repo.read(rel);
    let source_start = editorial.find("  \"definitionSource\": {").unwrap();
    let source_end = source_start + editorial[source_start..].find("  },\n").unwrap() + "  },\n".len();
    let promoted = |notice: &str| {
        format!(
            "{}  \"definitionSource\": {{\n    \"tier\": \"published\",\n    \"sourceName\": \"SaaS Metrics Standards Board\",\n    \"sourceUrl\": \"https://www.saasmetricsboard.com/new-arr\",\n    \"sectionRef\": \"New ARR\",\n    \"publicationDate\": \"2024-05-01\",\n    \"attributionNotice\": {notice}\n  }},\n{}",
            &editorial[..source_start],
            &editorial[source_end..]
        )
    };
    repo.write(rel, promoted("null"));
    let catalog = repo.read("ontology/catalog.json");
    let version = serde_json::from_str::<serde_json::Value>(&catalog).unwrap()["version"].as_str().unwrap().to_string();
    let next = semver::Version::parse(&version).map(|v| format!("{}.{}.0", v.major, v.minor + 1)).unwrap();
    repo.release(&next, "2027-01-15");
    let d = repo.diff(&[]);
    assert_verdict(&d, "minor", Some("minor"), &["promoted sales.new_arr /definitionSource/tier minor"]);
    let line = promoted("null").lines().position(|l| l.contains("\"attributionNotice\"")).unwrap() + 1;
    assert_eq!(d.hit_list(), vec![format!("TIR006 {rel}:{line}:26")]);
    assert_eq!(d.exit, 1);
    // With SMSB's notice exactly as standards.json requires, it passes.
    let registry: serde_json::Value = serde_json::from_str(&repo.read("ontology/standards.json")).unwrap();
    let notice = registry["standards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "SaaS Metrics Standards Board")
        .map(|s| s["attributionNotice"].to_string())
        .unwrap();
    repo.write(rel, promoted(&notice));
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}
