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
fn a_flow_file_that_no_longer_parses_is_not_a_removal() {
    // Regression: a syntax error in a committed flow made `diff` report the
    // flow as removed (a major bump) on top of the file's own error.
    let repo = repo_with_flow();
    repo.write(FLOW, flow(LINES).replace("\"lines\": [", "\"lines\": [,"));
    let d = repo.diff(&[]);
    assert_eq!(d.change_list(), Vec::<String>::new());
    assert_eq!(d.codes(), vec!["FIL003"]);
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

// ---------------------------------------------------------------------------
// `ontolint flow check --values FILE`

use super::common::{catalog_with, fixtures, write};
use std::path::Path;
use std::process::Output;

/// The base fixture plus the bookings-backlog flow and its KPIs.
fn flow_catalog() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("flows")))
}

/// One period: opening backlog, new bookings, recognised, cancellations, closing backlog.
fn period(name: &str, amounts: [&str; 5]) -> String {
    let [open, new, recognised, cancelled, close] = amounts;
    format!(
        r#"    {{
      "period": "{name}",
      "opening": {{ "sales.bookings_backlog": {open} }},
      "movements": {{ "sales.new_bookings": {new}, "sales.backlog_recognized": {recognised}, "sales.backlog_cancellations": {cancelled} }},
      "closing": {{ "sales.bookings_backlog": {close} }}
    }}"#
    )
}

fn values(periods: &[String]) -> String {
    format!("{{\n  \"periods\": [\n{}\n  ]\n}}\n", periods.join(",\n"))
}

/// Three balanced quarters; the second has no cancellation (an explicit 0).
fn balanced() -> Vec<String> {
    vec![
        period("2026-Q1", ["1000.00", "500.25", "300.10", "20.15", "1180.00"]),
        period("2026-Q2", ["1180.00", "250", "400.5", "0", "1029.50"]),
        period("2026-Q3", ["1029.50", "1e3", "29.5", "0.00", "2000"]),
    ]
}

/// Runs `flow check --values values.json` from the catalog root (so paths in messages are relative).
fn flow_check(root: &Path, text: &str, extra: &[&str]) -> Output {
    write(root, "values.json", text);
    assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(root)
        .args(["flow", "check", "--values", "values.json"])
        .args(extra)
        .output()
        .unwrap()
}

fn out(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn balanced_periods_pass() {
    let dir = flow_catalog();
    let (code, stdout, stderr) = out(&flow_check(dir.path(), &values(&balanced()), &[]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "Checked 1 flow over 3 periods (5 checks): 0 imbalances\n");
    let (code, json, _) = out(&flow_check(dir.path(), &values(&balanced()), &["--format", "json"]));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["flows"], serde_json::json!(["sales.bookings_backlog_flow"]));
    assert_eq!(v["checks"], 5);
    assert_eq!(v["imbalances"], serde_json::json!([]));
}

#[test]
fn the_shipped_example_balances_on_the_shipped_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(root)
        .args(["flow", "check", "--values", "examples/flow-values.json"])
        .output()
        .unwrap();
    let (code, stdout, stderr) = out(&o);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "Checked 2 flows over 4 periods (14 checks): 0 imbalances\n");
}

#[test]
fn one_cent_beyond_the_tolerance_fails_naming_the_period_and_both_sides() {
    let dir = flow_catalog();
    let mut periods = balanced();
    // Closing 3 cents above what the lines give.
    periods[1] = period("2026-Q2", ["1180.00", "250", "400.5", "0", "1029.53"]);
    periods[2] = period("2026-Q3", ["1029.53", "1e3", "29.53", "0.00", "2000"]);
    let text = values(&periods);
    // Within a tolerance of 3 cents it balances; at 2 cents, one cent beyond, it fails.
    assert_eq!(out(&flow_check(dir.path(), &text, &["--tolerance-cents", "3"])).0, 0);
    let (code, stdout, _) = out(&flow_check(dir.path(), &text, &["--tolerance-cents", "2"]));
    assert_eq!(code, 1, "{stdout}");
    insta::assert_snapshot!("flow_check_identity_imbalance", stdout);
    let (code, json, _) = out(&flow_check(dir.path(), &text, &["--tolerance-cents", "2", "--format", "json"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("flow_check_identity_imbalance_json", json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let i = &v["imbalances"][0];
    assert_eq!((i["kind"].as_str(), i["period"].as_str()), (Some("identity"), Some("2026-Q2")));
    assert_eq!((i["computed"].as_str(), i["end"]["amount"].as_str()), (Some("1029.50"), Some("1029.53")));
    assert_eq!(i["difference"], "-0.03");
    assert_eq!(v["imbalances"].as_array().unwrap().len(), 1, "Q3 rolls forward from Q2's closing");
}

#[test]
fn a_broken_roll_forward_fails() {
    let dir = flow_catalog();
    let mut periods = balanced();
    // Q3 opens at 1030.00 but Q2 closed at 1029.50 (Q3 balances in itself).
    periods[2] = period("2026-Q3", ["1030.00", "1e3", "30", "0.00", "2000"]);
    let (code, stdout, _) = out(&flow_check(dir.path(), &values(&periods), &[]));
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        stdout,
        "error: 2026-Q3: flow `sales.bookings_backlog_flow` does not roll forward: opening `sales.bookings_backlog` 1030.00 \
         differs from the closing of 2026-Q2, `sales.bookings_backlog` 1029.50 (difference 0.50, tolerance 0.00)\n\
         Checked 1 flow over 3 periods (5 checks): 1 imbalance\n"
    );
    let (_, json, _) = out(&flow_check(dir.path(), &values(&periods), &["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let i = &v["imbalances"][0];
    assert_eq!(i["kind"], "roll-forward");
    assert_eq!((i["period"].as_str(), i["previousPeriod"].as_str()), (Some("2026-Q3"), Some("2026-Q2")));
    assert_eq!(
        (i["opening"]["amount"].as_str(), i["previousClosing"]["amount"].as_str()),
        (Some("1030.00"), Some("1029.50"))
    );
}

#[test]
fn non_numeric_missing_or_malformed_values_are_clear_errors() {
    let dir = flow_catalog();
    let q1 = |cancelled: &str| values(&[period("2026-Q1", ["1000.00", "500.25", "300.10", cancelled, "1180.00"])]);
    let cases: Vec<(String, &str)> = vec![
        (
            q1("\"20.15\""),
            "values.json:6:119: `sales.backlog_cancellations` in movements is the string \"20.15\", not a number",
        ),
        (q1("null"), "values.json:6:119: `sales.backlog_cancellations` in movements is `null`, not a number"),
        (q1("true"), "values.json:6:119: `sales.backlog_cancellations` in movements is `true`, not a number"),
        (
            q1("1e40"),
            "values.json:6:119: `sales.backlog_cancellations` in movements: 1e40 is too large to be an amount",
        ),
        (q1("20.15,"), "values.json:6:126: trailing comma"),
        (
            q1("20.15").replace(", \"sales.backlog_cancellations\": 20.15", ""),
            "values.json:6:20: period `2026-Q1` has no `movements` value for `sales.backlog_cancellations`, line 3 of flow `sales.bookings_backlog_flow`",
        ),
        (
            q1("20.15").replace("\"closing\": { \"sales.bookings_backlog\": 1180.00 }", "\"closing\": {}"),
            "values.json:7:18: period `2026-Q1` has no `closing` value for `sales.bookings_backlog`, the end of flow `sales.bookings_backlog_flow`",
        ),
        (q1("20.15").replace("\"movements\"", "\"flows\""), "values.json:6:16: unknown member `flows` in a period"),
        (
            q1("20.15")
                .replace("\"sales.new_bookings\": 500.25", "\"sales.new_bookings\": 500.25, \"sales.new_bookings\": 1"),
            "values.json:6:52: duplicate key `sales.new_bookings`",
        ),
        ("{\"periods\": []}\n".to_string(), "values.json:1:13: no periods"),
        ("{\"periods\": {}}\n".to_string(), "values.json:1:13: `periods` is an object, not an array"),
        ("[{\"opening\": {}}]\n".to_string(), "values.json:1:2: a period needs a `period` name"),
        (
            values(&[period("2026-Q1", ["1", "0", "0", "0", "1"]), period("2026-Q1", ["1", "0", "0", "0", "1"])]),
            "values.json:10:17: period `2026-Q1` is listed twice (first at values.json:3:5)",
        ),
        (
            "{\"periods\": [{\"period\": \"2026-Q1\", \"opening\": {\"sales.arr\": 1}}]}\n".to_string(),
            "values.json: no flow of the catalog has values in this file",
        ),
    ];
    for (text, want) in cases {
        let (code, stdout, stderr) = out(&flow_check(dir.path(), &text, &[]));
        assert_eq!(code, 2, "{text}\n{stdout}{stderr}");
        assert!(stderr.contains(want), "{text}\nwant: {want}\ngot: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // A values file that cannot be read at all.
    let o = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(dir.path())
        .args(["flow", "check", "--values", "missing.json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.json"));
}

#[test]
fn a_plain_array_of_periods_and_a_byte_order_mark_are_read() {
    let dir = flow_catalog();
    let periods = balanced();
    let text = format!("\u{feff}[\n{}\n]\n", periods.join(",\n"));
    let (code, stdout, stderr) = out(&flow_check(dir.path(), &text, &[]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "Checked 1 flow over 3 periods (5 checks): 0 imbalances\n");
    // Positions after a BOM still count from the first character.
    let bad = text.replace("\"sales.new_bookings\": 250,", "\"sales.new_bookings\": \"250\",");
    let (code, _, stderr) = out(&flow_check(dir.path(), &bad, &[]));
    assert_eq!(code, 2);
    assert!(stderr.contains("values.json:11:44: `sales.new_bookings` in movements is the string \"250\""), "{stderr}");
}

/// An exponent beyond 32 bits is still a JSON number: `1e-99999999999` is
/// below a tenth of a cent (0, as `1e-40` is), not "too large to be an amount".
#[test]
fn a_tiny_amount_with_a_long_exponent_rounds_to_zero() {
    let dir = flow_catalog();
    let text = values(&[period("2026-Q1", ["1000", "1e-99999999999", "0E+99999999999", "-5e-2147483649", "1000"])]);
    let (code, stdout, stderr) = out(&flow_check(dir.path(), &text, &[]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "Checked 1 flow over 1 period (1 check): 0 imbalances\n");
    // A long positive exponent on a non-zero amount is still refused.
    let text = values(&[period("2026-Q1", ["1000", "1e99999999999", "0", "0", "1000"])]);
    let (code, _, stderr) = out(&flow_check(dir.path(), &text, &[]));
    assert_eq!(code, 2);
    assert!(stderr.contains("values.json:6:44: ") && stderr.contains("1e99999999999"), "{stderr}");
}

/// A line whose sign is not `+` or `-` (or that names no KPI) was summed as
/// `+` (or left out), so balanced values were reported as imbalances (exit 1).
#[test]
fn a_flow_line_without_a_valid_sign_or_kpi_is_a_clear_error() {
    let dir = flow_catalog();
    let path = "ontology/flows/sales.bookings_backlog_flow.json";
    let good = std::fs::read_to_string(dir.path().join(path)).unwrap();
    write(dir.path(), path, good.replacen("\"sign\": \"-\"", "\"sign\": \"minus\"", 1));
    let (code, stdout, stderr) = out(&flow_check(dir.path(), &values(&balanced()), &[]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr
            .contains(&format!("error: {path}:14:15: line 2 of flow `sales.bookings_backlog_flow` has no valid sign")),
        "{stderr}"
    );
    assert!(stderr.contains("`ontolint check` shows"), "{stderr}");
    assert_eq!(stdout, "");
    write(dir.path(), path, good.replacen("\"kpi\": \"sales.backlog_recognized\"", "\"kpi\": 7", 1));
    let (code, _, stderr) = out(&flow_check(dir.path(), &values(&balanced()), &[]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("error: {path}:13:14: line 2 of flow `sales.bookings_backlog_flow` names no KPI")),
        "{stderr}"
    );
    // A line that is not an object was left out of the sum.
    let text = good.replacen("\"lines\": [", "\"lines\": [\n    \"sales.arr\",", 1);
    write(dir.path(), path, text);
    let (code, _, stderr) = out(&flow_check(dir.path(), &values(&balanced()), &[]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("error: {path}:7:5: line 1 of flow `sales.bookings_backlog_flow` is not an object")),
        "{stderr}"
    );
}

/// A byte that is not UTF-8 was reported as `values.json: not valid UTF-8
/// (byte N)`, without the line and column the README promises.
#[test]
fn invalid_utf8_in_the_values_file_is_at_line_and_column() {
    let dir = flow_catalog();
    std::fs::write(dir.path().join("values.json"), b"{\"periods\": [\n  {\"period\": \"Q\xc3\xa9\xff\"}]}\n").unwrap();
    let o = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(dir.path())
        .args(["flow", "check", "--values", "values.json"])
        .output()
        .unwrap();
    let (code, _, stderr) = out(&o);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("error: values.json:2:17: not valid UTF-8"), "{stderr}");
}

/// A period name or key from the values file was printed as is: an escape
/// sequence recoloured the terminal and a line break forged an `error:` line.
#[test]
fn period_names_and_keys_are_printed_inert() {
    let dir = flow_catalog();
    let mut periods = balanced();
    periods[0] = periods[0].replace("\"2026-Q1\"", "\"Q1\\u001b[31m\\nerror: forged\"");
    periods[0] = periods[0].replace("500.25", "500.26");
    let (code, stdout, stderr) = out(&flow_check(dir.path(), &values(&periods), &[]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("error: Q1\\u{1b}[31m\\nerror: forged: flow `sales.bookings_backlog_flow` does not balance"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}') && !stdout.lines().any(|l| l.starts_with("error: forged")), "{stdout}");
    let text = values(&balanced()).replacen("\"sales.new_bookings\": 500.25", "\"x\\u001b[2J\": \"1\"", 1);
    let (code, _, stderr) = out(&flow_check(dir.path(), &text, &[]));
    assert_eq!(code, 2);
    assert!(stderr.contains("`x\\u{1b}[2J` in movements is the string"), "{stderr}");
}
