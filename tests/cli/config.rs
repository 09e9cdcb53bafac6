//! `ontolint.toml`: severities, ignores (reason, expiry, unused), `--select`
//! and `--ignore`, errors with their position, and `ontolint config`.

use super::common::{Hit, catalog_with, check, fixtures, hits_of, ontolint, write};
use super::git::{Repo, ontolint_env, stderr, stdout};
use std::path::Path;

/// The base catalog with one REF001 finding (`sales.win_rate` lists a KPI that does not exist).
fn with_ref001() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("rules/REF001/invalid/related_id_does_not_exist")))
}

const REF001_AT: &str = "REF001 ontology/sales/win_rate.json:31:5";

fn hit_list(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(Hit::to_string).collect()
}

fn config(root: &Path, text: &str) {
    write(root, "ontolint.toml", text);
}

/// `check --format json` with `ONTOLINT_TODAY` set.
fn check_on(root: &Path, today: &str) -> (i32, Vec<String>, serde_json::Value) {
    let out = ontolint_env(root, &["check", "--format", "json"], &[("ONTOLINT_TODAY", today)]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    (out.status.code().unwrap(), hit_list(&hits_of(&report)), report)
}

#[test]
fn severity_override_changes_the_severity_and_the_exit_code() {
    let dir = with_ref001();
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hit_list(&hits)), (1, vec![REF001_AT.to_string()]));

    config(dir.path(), "[severity]\nREF001 = \"warning\"\n");
    let (exit, hits, report) = check(dir.path(), &[]);
    assert_eq!((exit, hit_list(&hits)), (0, vec![REF001_AT.to_string()]));
    assert_eq!(report["findings"][0]["severity"], "warning");
    assert_eq!(report["summary"]["warnings"], 1);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(check(dir.path(), &["--fail-on", "warning"]).0, 1, "--fail-on reads the final severity");

    // By name, and `off` drops the findings.
    config(dir.path(), "[severity]\nunresolved-related-kpi = \"off\"\n");
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hits), (0, vec![]));

    // A warning rule raised to error fails the run.
    let dir = catalog_with(Some(&fixtures().join("rules/IDN005/invalid/kpi_saved_in_ontology_root")));
    assert_eq!(check(dir.path(), &[]).0, 0);
    config(dir.path(), "[severity]\nIDN005 = \"error\"\n");
    assert_eq!(check(dir.path(), &[]).0, 1);
}

#[test]
fn select_and_ignore_on_the_command_line() {
    let dir = catalog_with(Some(&fixtures().join("rules/IDN005/invalid/kpi_saved_in_ontology_root")));
    let codes = |extra: &[&str]| {
        let (_, hits, _) = check(dir.path(), extra);
        let mut c: Vec<String> = hits.into_iter().map(|h| h.code).collect();
        c.dedup();
        c
    };
    let all = codes(&[]);
    assert!(all.contains(&"IDN005".to_string()), "{all:?}");
    assert_eq!(codes(&["--select", "IDN005"]), vec!["IDN005"]);
    assert_eq!(codes(&["--select", "stray-json-file,REF001"]), vec!["IDN005"]);
    assert_eq!(codes(&["--select", "IDN"]), codes(&["--select", "identity"]));
    assert_eq!(codes(&["--ignore", "IDN"]), all.iter().filter(|c| !c.starts_with("IDN")).cloned().collect::<Vec<_>>());
    assert_eq!(codes(&["--select", "IDN", "--ignore", "IDN005"]), Vec::<String>::new());

    // Applied after ontolint.toml: a severity override still holds for what is selected.
    config(dir.path(), "[severity]\nIDN005 = \"error\"\n");
    assert_eq!(check(dir.path(), &["--select", "IDN005"]).0, 1);
    assert_eq!(check(dir.path(), &["--ignore", "IDN005"]).0, 0);

    for flag in ["--select", "--ignore"] {
        let out = ontolint(dir.path(), &["check", flag, "REF01"]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = stderr(&out);
        assert!(err.contains(&format!("{flag}: unknown rule or category `REF01`")), "{err}");
        assert!(err.contains("did you mean `REF0"), "{err}");
    }
}

#[test]
fn an_ignore_with_a_reason_drops_the_finding() {
    let dir = with_ref001();
    config(
        dir.path(),
        "[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.win_rate\"\nreason = \"the target KPI lands next release\"\n",
    );
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hits), (0, vec![]));

    // By file, for a finding without a KPI; and by rule name.
    let dir = catalog_with(Some(&fixtures().join("rules/IDN005/invalid/kpi_saved_in_ontology_root")));
    config(
        dir.path(),
        "[[ignore]]\nrule = \"stray-json-file\"\nfile = \"ontology/win_rate.json\"\nreason = \"migration\"\n",
    );
    let (_, hits, _) = check(dir.path(), &[]);
    assert!(hits.iter().all(|h| h.code != "IDN005"), "{hits:?}");
}

#[test]
fn an_expired_ignore_stops_applying_and_is_reported() {
    let dir = with_ref001();
    config(
        dir.path(),
        "# temporary\n[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.win_rate\"\nreason = \"due mid-year\"\nexpires = \"2026-06-30\"\n",
    );
    // The expiry date itself still counts.
    let (exit, hits, _) = check_on(dir.path(), "2026-06-30");
    assert_eq!((exit, hits), (0, Vec::<String>::new()));
    let (exit, hits, report) = check_on(dir.path(), "2026-07-01");
    assert_eq!(exit, 1);
    assert_eq!(hits, vec!["CFG002 ontolint.toml:3:8".to_string(), REF001_AT.to_string()]);
    let cfg = &report["findings"][0];
    assert_eq!(cfg["severity"], "warning");
    assert_eq!(cfg["message"], "the ignore of `REF001` for `sales.win_rate` expired on 2026-06-30");

    let out = ontolint_env(dir.path(), &["check"], &[("ONTOLINT_TODAY", "2026-13-01")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ONTOLINT_TODAY"), "{}", stderr(&out));
}

#[test]
fn an_unused_ignore_is_reported_with_its_position() {
    let dir = with_ref001();
    config(
        dir.path(),
        "[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.win_rate\"\nreason = \"pending\"\n\n\
         [[ignore]]\nrule = \"REF005\"\nkpi = \"sales.arr\"\nreason = \"fixed since\"\n",
    );
    let (exit, hits, report) = check(dir.path(), &[]);
    assert_eq!((exit, hit_list(&hits)), (0, vec!["CFG001 ontolint.toml:7:8".to_string()]));
    assert_eq!(report["findings"][0]["message"], "the ignore of `REF005` for `sales.arr` matches no finding");

    // Narrowed to one file: the whole catalog still decides what is unused,
    // and the config finding is still reported.
    let arr = dir.path().join("ontology/sales/arr.json");
    let (_, hits, _) = check(dir.path(), &[arr.to_str().unwrap()]);
    assert_eq!(hit_list(&hits), vec!["CFG001 ontolint.toml:7:8".to_string()]);

    // The human report shows the entry.
    let out = ontolint(dir.path(), &["check"]);
    let text = stdout(&out);
    assert!(text.contains("ontolint.toml:7:8") && text.contains("rule = \"REF005\""), "{text}");

    // Config findings obey severities too.
    let text = std::fs::read_to_string(dir.path().join("ontolint.toml")).unwrap();
    config(dir.path(), &format!("[severity]\nCFG001 = \"off\"\n\n{text}"));
    assert_eq!(check(dir.path(), &[]).1, vec![]);
}

/// Regression: a repeated entry was credited with the findings the first one
/// hides, so it was never reported although deleting it changes nothing.
#[test]
fn a_repeated_ignore_is_reported_unused() {
    let dir = with_ref001();
    let entry = "[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.win_rate\"\nreason = \"pending\"\n";
    config(dir.path(), &format!("{entry}\n{entry}"));
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hit_list(&hits)), (0, vec!["CFG001 ontolint.toml:7:8".to_string()]));
}

#[test]
fn bad_keys_and_values_are_errors_with_their_position() {
    let dir = catalog_with(None);
    let cases = [
        ("color = \"never\"\n", "ontolint.toml:1:1: unknown field `color`"),
        ("[severity]\nREF001 = \"fatal\"\n", "ontolint.toml:2:10: unknown variant `fatal`"),
        ("[severity]\nREF01 = \"info\"\n", "ontolint.toml:2:1: unknown rule `REF01` in [severity]"),
        (
            "[[ignore]]\nrule = \"REF999\"\nkpi = \"sales.arr\"\nreason = \"x\"\n",
            "ontolint.toml:2:8: unknown rule `REF999`",
        ),
        ("[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.arr\"\n", "ontolint.toml:1:1: missing field `reason`"),
        (
            "[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.arr\"\nreason = \"  \"\n",
            "ontolint.toml:4:10: an ignore needs a non-empty `reason`",
        ),
        (
            "[[ignore]]\nrule = \"REF001\"\nkpi = \"sales.arr\"\nreason = \"x\"\nexpires = \"30/06/2026\"\n",
            "ontolint.toml:5:11: `expires` `30/06/2026` is not a date",
        ),
        (
            "[[ignore]]\nrule = \"REF001\"\nreason = \"x\"\n",
            "ontolint.toml:2:8: an [[ignore]] entry needs exactly one of `kpi` and `file`",
        ),
        (
            "[[ignore]]\nrule = \"CFG001\"\nkpi = \"sales.arr\"\nreason = \"x\"\n",
            "ontolint.toml:2:8: `CFG001` cannot be ignored",
        ),
        ("never-sum = [[\"sales.arr\"]]\n", "ontolint.toml:1:14: invalid length 1"),
        ("never-sum = [[\"sales.arr\", \"ARR\"]]\n", "ontolint.toml:1:14: never-sum pair"),
        ("[bump]\nformula-changd = \"minor\"\n", "ontolint.toml:2:1: unknown change kind `formula-changd`"),
        ("backlog-kpis = [\"Backlog\"]\n", "ontolint.toml:1:17: backlog-kpis entry `Backlog` is not a rogueId"),
        ("backlog-kpis = \"sales.arr\"\n", "ontolint.toml:1:16: invalid type"),
    ];
    for (text, want) in cases {
        config(dir.path(), text);
        for args in [&["check"][..], &["config"][..]] {
            let out = ontolint(dir.path(), args);
            assert_eq!(out.status.code(), Some(2), "{text}");
            let err = stderr(&out);
            assert!(err.contains(want), "{text}\nwant: {want}\ngot: {err}");
        }
    }
    config(dir.path(), "[severity]\nREF01 = \"info\"\n");
    assert!(stderr(&ontolint(dir.path(), &["check"])).contains("did you mean `REF0"));
}

#[test]
fn config_prints_the_effective_configuration() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["config"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: toml::Table = toml::from_str(&stdout(&out)).unwrap();
    // Regression: defaults that do not apply (no CHANGELOG.md, no snapshots/
    // folder) were printed as if they did.
    for key in ["changelog", "snapshots"] {
        assert!(v.get(key).is_none(), "{}", stdout(&out));
        assert!(stdout(&out).contains(&format!("# {key}: off")), "{}", stdout(&out));
    }
    std::fs::create_dir(dir.path().join("snapshots")).unwrap();
    std::fs::write(dir.path().join("CHANGELOG.md"), "# Changelog\n").unwrap();
    let printed = stdout(&ontolint(dir.path(), &["config"]));
    assert!(!printed.contains(": off"), "{printed}");
    let v: toml::Table = toml::from_str(&printed).unwrap();
    assert_eq!(v["changelog"].as_str(), Some("CHANGELOG.md"));
    assert_eq!(v["snapshots"].as_str(), Some("snapshots"));
    assert_eq!(v["never-sum"].to_string(), r#"[["sales.bookings_backlog", "sales.pipeline_value"]]"#);
    assert_eq!(v["bump"]["formula-changed"].as_str(), Some("patch"));
    assert_eq!(v["severity"].as_table().unwrap().len(), ontolint::rules::RULES.len());
    assert_eq!(v["severity"]["REF001"].as_str(), Some("error"));
    assert_eq!(v["ignore"].as_array().map(Vec::len), Some(0));
    assert!(v.get("backlog-kpis").is_none());
    assert!(printed.contains("# backlog-kpis: not set: every rogueId containing `backlog`"), "{printed}");

    config(
        dir.path(),
        "changelog = \"docs/CHANGES.md\"\nnever-sum = [[\"sales.arr\", \"sales.mrr\"]]\nbacklog-kpis = [\"sales.arr\"]\n\n[bump]\nformula-changed = \"minor\"\n\n\
         [severity]\nmissing-common-pitfall = \"off\"\n\n\
         [[ignore]]\nrule = \"unresolved-related-kpi\"\nkpi = \"sales.arr\"\nreason = \"pending\"\nexpires = \"2026-06-30\"\n",
    );
    let out = ontolint(dir.path(), &["config"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let v: toml::Table = toml::from_str(&printed).unwrap();
    assert_eq!(v["changelog"].as_str(), Some("docs/CHANGES.md"));
    assert_eq!(v["never-sum"].to_string(), r#"[["sales.arr", "sales.mrr"]]"#);
    assert_eq!(v["backlog-kpis"].to_string(), r#"["sales.arr"]"#);
    assert_eq!(v["bump"]["formula-changed"].as_str(), Some("minor"));
    assert_eq!(v["severity"]["EDT005"].as_str(), Some("off"));
    let ignore = &v["ignore"][0];
    assert_eq!(ignore["rule"].as_str(), Some("REF001"));
    assert_eq!(ignore["kpi"].as_str(), Some("sales.arr"));
    assert_eq!(ignore["reason"].as_str(), Some("pending"));
    assert_eq!(ignore["expires"].as_str(), Some("2026-06-30"));
    // What it prints is itself a valid ontolint.toml that means the same.
    config(dir.path(), &printed);
    assert_eq!(stdout(&ontolint(dir.path(), &["config"])), printed);
}

#[test]
fn diff_applies_the_configuration_and_the_flags() {
    let repo = Repo::base();
    repo.replace(
        "ontology/sales/win_rate.json",
        "Deals won ÷ deals closed × 100",
        "Deals won ÷ (deals won + deals lost) × 100",
    );
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 1);
    assert_eq!(d.codes(), vec!["VER001", "VER002"]);
    assert_eq!(repo.diff(&["--select", "VER002"]).codes(), vec!["VER002"]);
    assert_eq!(repo.diff(&["--ignore", "VER"]).exit, 0);
    let out = repo.ontolint(&["diff", "--select", "VER0001"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `VER00"), "{}", stderr(&out));

    // An ignore of a `check` rule is judged by `check`, not reported by `diff`;
    // an unused ignore of a diff rule is reported by `diff`.
    repo.write(
        "ontolint.toml",
        "[severity]\nVER001 = \"info\"\nVER002 = \"off\"\n\n\
         [[ignore]]\nrule = \"REF005\"\nkpi = \"sales.arr\"\nreason = \"x\"\n\n\
         [[ignore]]\nrule = \"VER006\"\nkpi = \"sales.arr\"\nreason = \"y\"\n",
    );
    let d = repo.diff(&[]);
    assert_eq!(d.exit, 0, "{:?}", d.hit_list());
    assert_eq!(d.hit_list(), vec!["CFG001 ontolint.toml:11:8", "VER001 ontology/catalog.json:2:14"]);
    assert_eq!(d.findings_of("VER001")[0]["severity"], "info");
}
