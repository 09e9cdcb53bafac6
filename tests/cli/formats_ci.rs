//! CI formats of `check` and `diff`: SARIF (validated against the SARIF 2.1.0
//! schema and GitHub code scanning's extra requirements), GitHub workflow
//! commands and step summary, GitLab Code Quality, JUnit XML, `--output` and
//! `--fail-on`.

use super::common::{catalog_with, fixtures, write};
use super::git::{CI_VARS, Repo};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

/// A catalog with a finding of every single-catalog rule family (FIL, SCH,
/// IDN, REF, TIR, STG, EDT), a KPI file whose name has a space, and a message
/// holding `%`, `:`, `,` and a line break.
fn ci_catalog() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("formats/ci")))
}

/// The small catalog of the format snapshots.
fn small_catalog() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("formats/failing")))
}

/// Runs the binary at `root` with no CI variables and no step summary, plus `env`.
fn run_env(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::cargo_bin("ontolint").unwrap();
    cmd.current_dir(root).arg("--root").arg(root).arg("--color").arg("never").args(args);
    for var in CI_VARS.iter().chain(&["GITHUB_STEP_SUMMARY", "NO_COLOR"]) {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn run(root: &Path, args: &[&str]) -> Output {
    run_env(root, args, &[])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn sarif_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", stdout(out), String::from_utf8_lossy(&out.stderr)))
}

/// The SARIF 2.1.0 schema (OASIS, errata 01), as its `$schema` declares: draft 4.
fn sarif_validator() -> jsonschema::Validator {
    // The official schema as shared with the project (../shared/schemas-ext), and
    // a copy of it in the repository so the test also runs in a lone clone.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vendored = std::fs::read_to_string(root.join("tests/fixtures/schemas/sarif-schema-2.1.0.json")).unwrap();
    if let Ok(shared) = std::fs::read_to_string(root.join("../shared/schemas-ext/sarif-schema-2.1.0.json")) {
        assert_eq!(shared, vendored, "tests/fixtures/schemas/sarif-schema-2.1.0.json differs from ../shared");
    }
    let schema: Value = serde_json::from_str(&vendored).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_schema_valid(sarif: &Value) {
    let errors: Vec<String> =
        sarif_validator().iter_errors(sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not match the 2.1.0 schema:\n{}", errors.join("\n"));
}

/// GitHub code scanning's requirements beyond the schema.
fn assert_github_requirements(sarif: &Value) {
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ontolint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    let codes: Vec<&str> = ontolint::rules::RULES.iter().map(|r| r.meta().code).collect();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, codes, "tool.driver.rules lists every rule of the registry, in order");
    for (rule, meta) in rules.iter().zip(ontolint::rules::RULES.iter().map(|r| r.meta())) {
        assert_eq!(rule["name"], meta.name);
        assert_eq!(rule["shortDescription"]["text"], meta.summary());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert_eq!(rule["help"]["text"], meta.docs_for_display());
        assert_eq!(rule["help"]["markdown"], meta.docs_for_display());
        assert_eq!(rule["helpUri"], meta.help_uri());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{level}");
        assert_eq!(rule["properties"]["tags"], serde_json::json!([meta.category.name()]));
    }
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object());
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], id, "ruleIndex points at the rule's metadata");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        assert!(!r["partialFingerprints"]["ontolint/v1"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(!uri.starts_with('/') && !uri.contains(':') && !uri.contains("..") && !uri.is_empty(), "{uri}");
        assert!(
            uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "uri not percent-encoded: {uri}"
        );
        let region = &loc["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        if let Some(c) = region.get("startColumn") {
            assert!(c.as_u64().unwrap() >= 1);
            assert!(region["endLine"].as_u64().unwrap() >= region["startLine"].as_u64().unwrap());
            assert!(region["endColumn"].as_u64().unwrap() >= 1);
        }
    }
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

fn families(sarif: &Value) -> Vec<String> {
    let mut f: Vec<String> = results(sarif).iter().map(|r| r["ruleId"].as_str().unwrap()[..3].to_string()).collect();
    f.sort();
    f.dedup();
    f
}

/// fingerprint → (rule, uri, startLine).
fn by_fingerprint(sarif: &Value) -> BTreeMap<String, (String, String, u64)> {
    results(sarif)
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["partialFingerprints"]["ontolint/v1"].as_str().unwrap().to_string(),
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                    loc["region"]["startLine"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn check_sarif_is_valid_and_meets_github_requirements() {
    let dir = ci_catalog();
    let first = run(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(first.status.code(), Some(1), "{}", String::from_utf8_lossy(&first.stderr));
    let sarif = sarif_of(&first);
    assert_schema_valid(&sarif);
    assert_github_requirements(&sarif);
    assert_eq!(families(&sarif), ["EDT", "FIL", "IDN", "REF", "SCH", "STG", "TIR"]);
    // A path with a space is percent-encoded.
    let uris: Vec<&str> = results(&sarif)
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(uris.contains(&"ontology/sales/win%20rate.json"), "{uris:?}");
    // Deterministic: byte-identical across runs.
    let second = run(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(first.stdout, second.stdout);
    let fingerprints = by_fingerprint(&sarif);
    assert_eq!(fingerprints.len(), results(&sarif).len(), "fingerprints are unique");
}

#[test]
fn sarif_fingerprints_survive_an_unrelated_edit_above_the_finding() {
    let dir = ci_catalog();
    let before = by_fingerprint(&sarif_of(&run(dir.path(), &["check", "--format", "sarif"])));
    // Two blank lines at the top of arr.json move its findings down by two lines.
    let arr = dir.path().join("ontology/sales/arr.json");
    let text = std::fs::read_to_string(&arr).unwrap();
    std::fs::write(&arr, text.replacen("{\n", "{\n\n\n", 1)).unwrap();
    let after = by_fingerprint(&sarif_of(&run(dir.path(), &["check", "--format", "sarif"])));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "same fingerprints");
    let mut moved = 0;
    for (fp, (rule, uri, line)) in &before {
        let (rule2, uri2, line2) = &after[fp];
        assert_eq!((rule, uri), (rule2, uri2));
        if uri == "ontology/sales/arr.json" {
            assert_eq!(*line2, line + 2, "{rule} moved with its line");
            moved += 1;
        } else {
            assert_eq!(line, line2);
        }
    }
    assert!(moved >= 3, "the edit moved the findings of arr.json");
}

/// A repository whose working tree removes a KPI, edits a committed snapshot
/// and declares too small a bump: VER and SNP findings, one in the base.
fn diff_repo() -> Repo {
    let repo = Repo::base();
    repo.write("snapshots/v/1.0.0/index.json", "{\"version\": \"1.0.0\", \"kpis\": []}\n");
    repo.commit("release snapshot 1.0.0");
    repo.write("snapshots/v/1.0.0/index.json", "{\"version\": \"1.0.0\", \"kpis\": [\"sales.x\"]}\n");
    repo.remove("ontology/sales/win_rate.json");
    repo.release("1.0.1", "2026-02-01");
    repo
}

#[test]
fn diff_sarif_is_valid_and_locates_base_findings_at_their_path() {
    let repo = diff_repo();
    let out = repo.ontolint(&["diff", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let sarif = sarif_of(&out);
    assert_schema_valid(&sarif);
    assert_github_requirements(&sarif);
    let fams = families(&sarif);
    assert!(fams.contains(&"VER".to_string()) && fams.contains(&"SNP".to_string()), "{fams:?}");
    let short = repo.short("HEAD");
    let base_side: Vec<&Value> = results(&sarif)
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "ontology/sales/win_rate.json")
        .collect();
    assert!(!base_side.is_empty(), "the removed KPI is located at its path");
    for r in base_side {
        assert!(r["message"]["text"].as_str().unwrap().contains(&short), "{r}");
    }
    let snp = results(&sarif).iter().find(|r| r["ruleId"] == "SNP001").unwrap();
    assert_eq!(snp["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
    let again = repo.ontolint(&["diff", "--format", "sarif"]);
    assert_eq!(out.stdout, again.stdout, "deterministic");
}

#[test]
fn github_commands_escape_data_and_properties() {
    let dir = ci_catalog();
    let out = run(dir.path(), &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let commands: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 14, "one command per finding, each on one line:\n{text}");
    assert_eq!(lines.len(), commands.len() + 1);
    assert_eq!(lines.last().unwrap(), &"Checked 10 files (8 KPIs): 12 errors, 1 warning, 1 info");
    // Data: `%`, CR and LF escaped; `:` and `,` kept.
    assert!(
        text.contains(
            "::error file=ontology/sales/mrr.json,line=32,col=3,endLine=32,endColumn=28,\
             title=SCH001 schema-violation::unknown property `owner,team: 100%25%0Asales`\n"
        ),
        "{text}"
    );
    // A path with a space is passed as it is.
    assert!(
        text.contains("::error file=ontology/sales/win rate.json,line=3,col=3,endLine=3,endColumn=4,title=FIL003 json-syntax-error::invalid JSON: expected `,` or `}`"),
        "{text}"
    );
    assert!(text.contains("::warning file=ontology/sales/win_rate.json,line=9,col=11,"), "{text}");
    assert!(text.contains("::notice file=ontology/finance/net_burn.json,line=6,col=18,"), "{text}");
    // Properties: `:` and `,` escaped too.
    assert_eq!(ontolint::render::github_escape_property("a,b: 1%\r\n"), "a%2Cb%3A 1%25%0D%0A");
    assert_eq!(ontolint::render::github_escape_data("a,b: 1%\r\n"), "a,b: 1%25%0D%0A");
}

#[test]
fn github_step_summary_is_appended_never_truncated() {
    let dir = ci_catalog();
    let summary_dir = tempfile::tempdir().unwrap();
    let summary = summary_dir.path().join("summary.md");
    std::fs::write(&summary, "# Earlier step\n\n").unwrap();
    let env = [("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())];
    for _ in 0..2 {
        let out = run_env(dir.path(), &["check", "--format", "github"], &env);
        assert_eq!(out.status.code(), Some(1));
    }
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("# Earlier step\n\n## ontolint check\n"), "{text}");
    assert_eq!(text.matches("## ontolint check").count(), 2, "{text}");
    assert_eq!(text.matches("Checked 10 files (8 KPIs): 12 errors, 1 warning, 1 info").count(), 2);
    assert_eq!(text.matches("| Location | Code | Severity | Message |").count(), 2);
    // The line break of the message stays in its table row.
    assert!(
        text.contains(
            "| ontology/sales/mrr.json:32 | SCH001 | error | unknown property <code>owner,team: 100%<br>sales</code> |\n"
        ),
        "{text}"
    );
    assert!(text.contains("| ontology/sales/win rate.json:3 | FIL003 | error |"), "{text}");
    // Other formats leave the summary alone.
    let before = std::fs::read_to_string(&summary).unwrap();
    run_env(dir.path(), &["check", "--format", "concise"], &env);
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), before);
}

#[test]
fn github_step_summary_of_diff_has_the_verdict() {
    let repo = diff_repo();
    let summary_dir = tempfile::tempdir().unwrap();
    let summary = summary_dir.path().join("summary.md");
    let out = repo.ontolint_env(&["diff", "--format", "github"], &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("## ontolint diff\n"), "{text}");
    assert!(text.contains("required bump major"), "{text}");
    assert!(text.contains("| SNP001 |"), "{text}");
}

/// (testcase name, [(failure type, message, text)]) in document order.
type Cases = Vec<(String, Vec<(String, String, String)>)>;

fn parse_junit(xml: &str) -> (BTreeMap<String, String>, Cases) {
    use quick_xml::events::Event;
    let unescape = |raw: &str| quick_xml::escape::unescape(raw).unwrap().into_owned();
    let attrs = |e: &quick_xml::events::BytesStart<'_>| -> BTreeMap<String, String> {
        e.attributes()
            .map(|a| {
                let a = a.unwrap();
                (a.key.as_ref().to_string(), unescape(&a.value))
            })
            .collect()
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut suite = BTreeMap::new();
    let mut cases: Cases = Vec::new();
    let mut failure: Option<(String, String, String)> = None;
    let mut suites = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "testsuite" => {
                suites += 1;
                suite = attrs(&e);
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "testcase" => {
                let a = attrs(&e);
                assert_eq!(a["classname"], "ontolint");
                cases.push((a["name"].clone(), Vec::new()));
            }
            Event::Start(e) if e.name().as_ref() == "failure" => {
                let a = attrs(&e);
                failure = Some((a["type"].clone(), a["message"].clone(), String::new()));
            }
            // Findings that do not fail the run: kept as ("system-out", "", text).
            Event::Start(e) if e.name().as_ref() == "system-out" => {
                failure = Some(("system-out".into(), String::new(), String::new()));
            }
            Event::Text(t) => {
                if let Some(f) = failure.as_mut() {
                    f.2.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(f) = failure.as_mut() {
                    f.2.push_str(&format!("&{};", &*r));
                }
            }
            Event::End(e) if matches!(e.name().as_ref(), "failure" | "system-out") => {
                let (kind, message, raw) = failure.take().unwrap();
                cases.last_mut().unwrap().1.push((kind, message, unescape(&raw)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, 1, "one testsuite");
    (suite, cases)
}

#[test]
fn junit_parses_back_with_a_testcase_per_file_and_a_failure_per_finding() {
    let dir = ci_catalog();
    let out = run(dir.path(), &["check", "--format", "junit", "--fail-on", "info"]);
    assert_eq!(out.status.code(), Some(1));
    let (suite, cases) = parse_junit(&stdout(&out));
    assert_eq!(suite["name"], "ontolint");
    assert_eq!(cases.len(), 10, "one testcase per checked file: {cases:?}");
    assert_eq!(suite["tests"], "10");
    let failing = cases.iter().filter(|(_, f)| !f.is_empty()).count();
    assert_eq!(suite["failures"], failing.to_string());
    assert_eq!(cases.iter().map(|(_, f)| f.len()).sum::<usize>(), 14, "a failure per finding");
    let by_name: BTreeMap<&str, &Vec<(String, String, String)>> = cases.iter().map(|(n, f)| (n.as_str(), f)).collect();
    assert!(by_name["ontology/catalog.json"].is_empty(), "a file without findings passes");
    assert!(by_name["ontology/sales/backlog_overview.json"].is_empty());
    let mrr = by_name["ontology/sales/mrr.json"];
    let sch = mrr.iter().find(|f| f.0 == "SCH001").unwrap();
    assert_eq!(sch.1, "unknown property `owner,team: 100%\nsales`", "the message keeps its line break");
    assert_eq!(sch.2, "ontology/sales/mrr.json:32:3: error[SCH001] unknown property `owner,team: 100%\nsales`");
    let broken = by_name["ontology/sales/win rate.json"];
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0].0, "FIL003");
    assert!(broken[0].2.starts_with("ontology/sales/win rate.json:3:3: error[FIL003] invalid JSON"));
    assert!(broken[0].1.contains("found `\"`"), "quotes survive escaping: {}", broken[0].1);
}

/// Regression: warnings were failures even when they do not fail the run.
#[test]
fn junit_failures_follow_fail_on() {
    let dir = ci_catalog();
    let all = run(dir.path(), &["check", "--format", "json", "--fail-on", "never"]);
    let report: Value = serde_json::from_slice(&all.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    assert!(errors > 0 && errors < findings.len(), "the fixture has errors and lesser findings");
    for (flag, failing) in [("error", errors), ("never", 0), ("info", findings.len())] {
        let out = run(dir.path(), &["check", "--format", "junit", "--fail-on", flag]);
        let (suite, cases) = parse_junit(&stdout(&out));
        let all: Vec<&(String, String, String)> = cases.iter().flat_map(|(_, f)| f).collect();
        let failures: Vec<_> = all.iter().filter(|f| f.0 != "system-out").collect();
        assert_eq!(failures.len(), failing, "--fail-on {flag}");
        let failing_cases = cases.iter().filter(|(_, f)| f.iter().any(|f| f.0 != "system-out")).count();
        assert_eq!(suite["failures"], failing_cases.to_string(), "--fail-on {flag}");
        // Nothing is dropped: the others are listed in the testcase's output.
        let listed: usize = all
            .iter()
            .filter(|f| f.0 == "system-out")
            .map(|f| {
                f.2.lines().filter(|l| [": error[", ": warning[", ": info["].iter().any(|s| l.contains(s))).count()
            })
            .sum();
        assert_eq!(failures.len() + listed, findings.len(), "--fail-on {flag}");
    }
    let (_, cases) = parse_junit(&stdout(&run(dir.path(), &["check", "--format", "junit"])));
    let out = cases.iter().flat_map(|(_, f)| f).find(|f| f.0 == "system-out").unwrap();
    assert!(out.2.contains(": warning[") || out.2.contains(": info["), "{}", out.2);
}

#[test]
fn junit_of_a_narrowed_check_lists_only_the_named_files() {
    let dir = ci_catalog();
    let out = run(dir.path(), &["check", "--format", "junit", "ontology/sales/arr.json", "ontology/finance"]);
    let (suite, cases) = parse_junit(&stdout(&out));
    let names: Vec<&str> = cases.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["ontology/finance/gross_margin.json", "ontology/finance/net_burn.json", "ontology/sales/arr.json"]
    );
    assert_eq!(suite["failures"], "2");
}

#[test]
fn gitlab_code_quality_shape() {
    let dir = ci_catalog();
    let out = run(dir.path(), &["check", "--format", "gitlab"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = report.as_array().expect("an array of issues");
    assert_eq!(issues.len(), 14);
    let mut fingerprints: Vec<&str> = Vec::new();
    for i in issues {
        let keys: Vec<&str> = i.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 5, "{i}");
        assert!(i["description"].as_str().unwrap().len() > 8);
        let code = i["check_name"].as_str().unwrap();
        assert!(ontolint::rules::find(code).is_some());
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["path"].as_str().unwrap().starts_with("ontology/"));
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        fingerprints.push(i["fingerprint"].as_str().unwrap());
    }
    let severities: Vec<(&str, &str)> =
        issues.iter().map(|i| (i["check_name"].as_str().unwrap(), i["severity"].as_str().unwrap())).collect();
    assert!(severities.contains(&("EDT001", "minor")) && severities.contains(&("EDT005", "info")));
    assert!(severities.contains(&("REF001", "major")));
    let n = fingerprints.len();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), n, "fingerprints are unique");
}

#[test]
fn output_writes_extra_formats_while_stdout_keeps_the_format() {
    let dir = ci_catalog();
    let out_dir = tempfile::tempdir().unwrap();
    let p = |name: &str| out_dir.path().join(name).to_str().unwrap().to_string();
    let (sarif, junit, gitlab) = (p("out.sarif"), p("out.xml"), p("gl.json"));
    // An existing file is replaced whole.
    std::fs::write(&sarif, "x".repeat(1_000_000)).unwrap();
    let args = [
        "check",
        "--format",
        "concise",
        "--output",
        &format!("sarif={sarif}"),
        "--output",
        &format!("junit={junit}"),
        "--output",
        &format!("gitlab={gitlab}"),
    ];
    let out = run(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), stdout(&run(dir.path(), &["check", "--format", "concise"])));
    assert_eq!(std::fs::read(&sarif).unwrap(), run(dir.path(), &["check", "--format", "sarif"]).stdout);
    assert_eq!(std::fs::read(&junit).unwrap(), run(dir.path(), &["check", "--format", "junit"]).stdout);
    assert_eq!(std::fs::read(&gitlab).unwrap(), run(dir.path(), &["check", "--format", "gitlab"]).stdout);
    // diff too.
    let repo = diff_repo();
    let out = repo.ontolint(&["diff", "--output", &format!("sarif={sarif}")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("Compared "), "human output still on stdout");
    assert_eq!(std::fs::read(&sarif).unwrap(), repo.ontolint(&["diff", "--format", "sarif"]).stdout);
}

#[test]
fn output_rejects_a_malformed_target() {
    let dir = ci_catalog();
    for bad in ["sarif", "yaml=x.yaml", "sarif="] {
        let out = run(dir.path(), &["check", "--output", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    // A folder that does not exist is an output error (exit 2), not a crash.
    let out = run(dir.path(), &["check", "--output", "sarif=/nonexistent/dir/x.sarif"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fail_on_levels() {
    // Only a warning and an info: EDT001 (warning) and EDT005 (info).
    let dir = catalog_with(None);
    let path = "ontology/sales/win_rate.json";
    let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
    write(dir.path(), path, text.replacen("\"unit\": \"%\"", "\"unit\": \"ratio\"", 1));
    let net = "ontology/finance/gross_margin.json";
    let text = std::fs::read_to_string(dir.path().join(net)).unwrap();
    assert!(text.contains("Common pitfall:"));
    write(dir.path(), net, text.replace("Common pitfall:", "Pitfall:"));
    let concise = stdout(&run(dir.path(), &["check", "--format", "concise"]));
    assert!(concise.ends_with("0 errors, 1 warning, 1 info\n"), "{concise}");
    let code = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "concise"];
        args.extend_from_slice(extra);
        run(dir.path(), &args).status.code()
    };
    assert_eq!(code(&[]), Some(0), "default: errors fail");
    assert_eq!(code(&["--fail-on", "error"]), Some(0));
    assert_eq!(code(&["--fail-on", "warning"]), Some(1));
    assert_eq!(code(&["--deny-warnings"]), Some(1), "alias of --fail-on warning");
    assert_eq!(code(&["--fail-on", "info"]), Some(1));
    assert_eq!(code(&["--fail-on", "never"]), Some(0));
    assert_eq!(code(&["--fail-on", "nonsense"]), Some(2));
    assert_eq!(code(&["--deny-warnings", "--fail-on", "info"]), Some(2), "the two flags conflict");
    // Errors fail at every level but never.
    let broken = ci_catalog();
    let code = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "concise"];
        args.extend_from_slice(extra);
        run(broken.path(), &args).status.code()
    };
    assert_eq!(code(&["--fail-on", "error"]), Some(1));
    assert_eq!(code(&["--fail-on", "never"]), Some(0));
    // diff has the flag too.
    let repo = diff_repo();
    assert_eq!(repo.ontolint(&["diff", "--fail-on", "never"]).status.code(), Some(0));
    assert_eq!(repo.ontolint(&["diff", "--fail-on", "error"]).status.code(), Some(1));
}

/// The SARIF of the snapshot with each rule's metadata reduced to its id (the
/// full docs are checked against the registry above and change with them).
fn sarif_for_snapshot(out: &Output) -> String {
    let mut sarif = sarif_of(out);
    let rules = &mut sarif["runs"][0]["tool"]["driver"]["rules"];
    *rules = Value::Array(rules.as_array().unwrap().iter().map(|r| r["id"].clone()).collect());
    serde_json::to_string_pretty(&sarif).unwrap() + "\n"
}

#[test]
fn ci_format_snapshots() {
    let dir = small_catalog();
    let sarif = run(dir.path(), &["check", "--format", "sarif"]);
    insta::assert_snapshot!("sarif_failing_catalog", sarif_for_snapshot(&sarif));
    for format in ["github", "gitlab", "junit"] {
        let out = run(dir.path(), &["check", "--format", format]);
        assert_eq!(out.status.code(), Some(1));
        insta::assert_snapshot!(format!("{format}_failing_catalog"), stdout(&out));
    }
}
