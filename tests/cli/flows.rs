//! Flows: their versioning in `ontolint diff` (added minor, removed major,
//! lines changed minor, overridable in `[bump]`) and `ontolint flow check`.

use super::git::Repo;

const FLOW: &str = "ontology/flows/sales.arr_flow.json";

/// A clean flow over the base fixture's KPIs.
fn flow(lines: &str) -> String {
    format!(
        r#"{{
  "id": "sales.arr_flow",
  "container": "sales.backlog_overview",
  "start": "sales.arr",
  "end": "sales.arr",
  "lines": [
{lines}
  ]
}}
"#
    )
}

const LINES: &str = r#"    { "kpi": "sales.mrr", "sign": "+", "role": "inflow" },
    { "kpi": "finance.net_burn", "sign": "-", "role": "outflow" }"#;

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The base fixture plus the flow, released as 1.1.0 and committed.
fn repo_with_flow() -> Repo {
    let repo = Repo::base();
    repo.write(FLOW, flow(LINES));
    repo.release("1.1.0", "2026-02-01");
    repo.commit("add the ARR flow");
    repo
}

#[test]
fn flow_added_requires_minor() {
    let repo = Repo::base();
    repo.write(FLOW, flow(LINES));
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["flow-added sales.arr_flow  minor"]));
    assert_eq!(d.required(), "minor");
    assert_eq!(
        d.hit_list(),
        strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/flows/sales.arr_flow.json:1:1"])
    );
    repo.release("1.0.1", "2026-02-01");
    assert_eq!(repo.diff(&[]).codes(), vec!["VER001", "VER002"], "a patch release does not carry a new flow");
    repo.release("1.1.0", "2026-02-01");
    let d = repo.diff(&[]);
    assert_eq!((d.exit, d.hit_list()), (0, vec![]));
}

#[test]
fn flow_lines_changed_requires_minor_and_points_at_the_lines() {
    let repo = repo_with_flow();
    repo.write(
        FLOW,
        flow(&format!("{LINES},\n    {{ \"kpi\": \"sales.win_rate\", \"sign\": \"-\", \"role\": \"adjustment\" }}")),
    );
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["flow-lines-changed sales.arr_flow /lines minor"]));
    assert!(d.hit_list().contains(&"VER002 ontology/flows/sales.arr_flow.json:6:12".to_string()), "{:?}", d.hit_list());
    // A sign flipped is a change of the lines too; reformatting is none.
    repo.write(FLOW, flow(&LINES.replace("\"-\"", "\"+\"")));
    assert_eq!(repo.diff(&[]).change_list(), strs(&["flow-lines-changed sales.arr_flow /lines minor"]));
    repo.write(FLOW, flow(LINES).replace("\n    ", " "));
    let d = repo.diff(&[]);
    assert_eq!((d.change_list(), d.exit), (vec![], 0));
}

#[test]
fn other_flow_members_changed_is_flow_changed() {
    let repo = repo_with_flow();
    repo.replace(
        FLOW,
        "\"container\": \"sales.backlog_overview\"",
        "\"container\": \"sales.backlog_overview\", \"label\": \"ARR bridge\"",
    );
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["flow-changed sales.arr_flow /label minor"]));
}

#[test]
fn flow_removed_requires_major_and_is_located_in_the_base_commit() {
    let repo = repo_with_flow();
    let base = repo.short("HEAD");
    repo.remove(FLOW);
    repo.release("1.2.0", "2026-03-01");
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["flow-removed sales.arr_flow  major"]));
    assert_eq!(d.declared(), Some("minor"));
    assert_eq!(
        d.hit_list(),
        strs(&["VER001 ontology/catalog.json:2:14", "VER002 ontology/flows/sales.arr_flow.json:1:1"])
    );
    assert_eq!(d.findings_of("VER002")[0]["revision"], base.as_str());
    repo.release("2.0.0", "2026-03-01");
    assert_eq!(repo.diff(&[]).exit, 0);
}

#[test]
fn flow_bumps_are_overridable_in_the_configuration() {
    let repo = Repo::base();
    repo.write("ontolint.toml", "[bump]\nflow-added = \"patch\"\n");
    repo.commit("configure");
    repo.write(FLOW, flow(LINES));
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), strs(&["flow-added sales.arr_flow  patch"]));
    repo.release("1.0.1", "2026-02-01");
    assert_eq!(repo.diff(&[]).exit, 0);
}
