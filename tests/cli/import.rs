//! `ontolint import FILE [--into DIR] [--force]`: the four public shapes, the
//! files written, refusals, and the round trip import → build.

use crate::common::{check, fixtures, ontolint, write};
use crate::git::{stderr, stdout};
use std::path::Path;

fn import(into: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut cmd = assert_cmd::Command::cargo_bin("ontolint").unwrap();
    cmd.arg("import").arg(file).arg("--into").arg(into).args(extra);
    cmd.output().unwrap()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// The round-trip fixture: a versioned envelope of 67 KPIs.
fn envelope() -> std::path::PathBuf {
    fixtures().join("import/catalog.json")
}

fn kpi_text(id: &str) -> String {
    let all = json(&envelope());
    let k = all["kpis"].as_array().unwrap().iter().find(|k| k["rogueId"] == id).unwrap().clone();
    serde_json::to_string(&k).unwrap()
}

#[test]
fn imports_the_versioned_envelope_into_the_file_layout() {
    let dir = tempfile::tempdir().unwrap();
    let run = import(dir.path(), &envelope(), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = stdout(&run);
    assert!(out.contains("wrote ontology/sales/bookings_backlog.json\n"), "{out}");
    assert!(out.contains("wrote ontology/catalog.json\n") && out.contains("wrote ontology/standards.json\n"));
    assert!(out.contains("imported 67 KPIs (67 new, 0 replaced) in 6 domains"), "{out}");
    assert!(out.contains("versioned envelope"), "{out}");
    let catalog = json(&dir.path().join("ontology/catalog.json"));
    assert_eq!(catalog["version"], "1.0.0");
    assert_eq!(catalog["releasedAt"], "2026-12-03");
    assert_eq!(catalog["editorialSourceName"], "Ontolint Editorial");
    let domains: Vec<&str> = catalog["domains"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(domains.len(), 6);
    assert!(catalog["domains"].as_array().unwrap().iter().any(|d| d["id"] == "hr" && d["label"] == "HR"));
    let standards = json(&dir.path().join("ontology/standards.json"));
    let smsb = standards["standards"].as_array().unwrap().iter().find(|s| s["name"] == "SaaS Metrics Standards Board");
    let smsb = smsb.expect("every cited standard is registered");
    assert_eq!(smsb["urlPrefix"], "https://www.saasmetricsboard.com/");
    assert!(smsb["attributionNotice"].as_str().unwrap().contains("not affiliated"));
    // The imported catalog is a catalog `check` can read (and here, a clean one).
    let (code, hits, _) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{hits:?}");
    // KPI files are in fmt's canonical layout.
    let fmt = ontolint(dir.path(), &["fmt", "--check"]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stdout(&fmt));
}

#[test]
fn imports_a_bare_array_into_an_existing_catalog() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ontology/catalog.json",
        r#"{"version": "2.0.0", "releasedAt": "2026-05-01", "editorialSourceName": "Ontolint Editorial", "domains": [{"id": "sales", "label": "Revenue"}]}"#,
    );
    let arr = format!("[{}, {}]", kpi_text("sales.arr"), kpi_text("finance.net_burn"));
    write(dir.path(), "in.json", &arr);
    let run = import(dir.path(), &dir.path().join("in.json"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("bare array of KPIs"), "{}", stdout(&run));
    assert!(stdout(&run).contains("updated ontology/catalog.json"), "{}", stdout(&run));
    let catalog = json(&dir.path().join("ontology/catalog.json"));
    assert_eq!(catalog["version"], "2.0.0", "an older catalog has no version: the target's stays");
    assert_eq!(
        catalog["domains"],
        serde_json::json!([{"id": "sales", "label": "Revenue"}, {"id": "finance", "label": "Finance"}])
    );
    assert!(dir.path().join("ontology/sales/arr.json").is_file());
    assert!(dir.path().join("ontology/finance/net_burn.json").is_file());
    // Without a catalog to take a version from, a bare array is refused (nothing written).
    let empty = tempfile::tempdir().unwrap();
    let run = import(empty.path(), &dir.path().join("in.json"), &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("no `version` and `releasedAt`"), "{}", stderr(&run));
    assert!(!empty.path().join("ontology").exists());
}

#[test]
fn imports_a_single_kpi_envelope_and_a_bare_kpi() {
    let dir = tempfile::tempdir().unwrap();
    let single = format!(r#"{{"version": "1.2.0", "releasedAt": "2026-03-01", "kpi": {}}}"#, kpi_text("sales.arr"));
    write(dir.path(), "single.json", &single);
    let run = import(dir.path(), &dir.path().join("single.json"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("single-KPI envelope"), "{}", stdout(&run));
    assert_eq!(json(&dir.path().join("ontology/catalog.json"))["version"], "1.2.0");
    write(dir.path(), "bare.json", kpi_text("finance.net_burn"));
    let run = import(dir.path(), &dir.path().join("bare.json"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("bare KPI object"), "{}", stdout(&run));
    assert!(dir.path().join("ontology/finance/net_burn.json").is_file());
    let catalog = json(&dir.path().join("ontology/catalog.json"));
    assert_eq!(catalog["version"], "1.2.0");
    assert_eq!(catalog["domains"].as_array().unwrap().len(), 2);
}

#[test]
fn ambiguous_or_unknown_shapes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (text, message) in [
        (r#"{"version": "1.0.0", "releasedAt": "2026-01-01", "kpis": [], "kpi": {}}"#, "ambiguous shape"),
        (r#"{"version": "1.0.0"}"#, "not a catalog"),
        ("42", "not a catalog"),
        (r#"{"kpis": [1], "kpis": []}"#, "duplicate key `kpis`"),
        (r#"{"kpis": [1,]}"#, "invalid JSON"),
    ] {
        write(dir.path(), "in.json", text);
        let run = import(dir.path(), &dir.path().join("in.json"), &[]);
        assert_eq!(run.status.code(), Some(2), "{text}");
        assert!(stderr(&run).contains(message), "{text}: {}", stderr(&run));
    }
    assert!(!dir.path().join("ontology").exists());
}

#[test]
fn existing_kpi_files_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(import(dir.path(), &envelope(), &[]).status.code(), Some(0));
    let path = dir.path().join("ontology/sales/arr.json");
    std::fs::write(&path, "{\"mine\": true}\n").unwrap();
    let run = import(dir.path(), &envelope(), &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("refusing to overwrite 67 existing KPI files"), "{}", stderr(&run));
    assert!(stderr(&run).contains("--force"));
    assert_eq!(read(&path), "{\"mine\": true}\n");
    let run = import(dir.path(), &envelope(), &["--force"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("replaced ontology/sales/arr.json"));
    assert!(stdout(&run).contains("(0 new, 67 replaced)"), "{}", stdout(&run));
    assert!(read(&path).contains("\"rogueId\": \"sales.arr\""));
}

#[test]
fn unknown_fields_are_kept_after_the_known_ones_and_values_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": "1.0.0", "releasedAt": "2026-01-01", "kpi":
        {"zExtra": {"b": 1.50, "a": "\u00e9"}, "slug": "arr", "rogueId": "sales.arr", "domain": "sales", "aExtra": 12345678901234567890123}}"#;
    write(dir.path(), "in.json", text);
    assert_eq!(import(dir.path(), &dir.path().join("in.json"), &[]).status.code(), Some(0));
    let written = read(&dir.path().join("ontology/sales/arr.json"));
    let want = "{\n  \"rogueId\": \"sales.arr\",\n  \"slug\": \"arr\",\n  \"domain\": \"sales\",\n  \"zExtra\": {\n    \"b\": 1.50,\n    \"a\": \"\\u00e9\"\n  },\n  \"aExtra\": 12345678901234567890123\n}\n";
    assert_eq!(written, want);
}

#[test]
fn a_crafted_slug_or_domain_is_refused_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    for kpi in [
        r#"{"rogueId": "sales.x", "domain": "sales", "slug": "../../x"}"#,
        r#"{"rogueId": "x.y", "domain": "../..", "slug": "y"}"#,
        r#"{"rogueId": "../etc.passwd"}"#,
    ] {
        let text = format!(
            r#"{{"version": "1.0.0", "releasedAt": "2026-01-01", "kpis": [{}, {kpi}]}}"#,
            kpi_text("sales.arr")
        );
        write(dir.path(), "in.json", &text);
        let run = import(dir.path(), &dir.path().join("in.json"), &[]);
        assert_eq!(run.status.code(), Some(2), "{kpi}");
        assert!(stderr(&run).contains("KPI #2"), "{}", stderr(&run));
        assert!(stderr(&run).contains("must match [a-z][a-z0-9_]*"), "{}", stderr(&run));
    }
    assert!(!dir.path().join("ontology").exists(), "not even the valid KPI was written");
}

#[test]
fn a_kpi_in_a_reserved_folder_is_refused() {
    // `ontology/flows/` and `ontology/disputes/` hold flows and disputes: a KPI
    // written there is read as a broken flow or dispute, not as a KPI.
    let dir = tempfile::tempdir().unwrap();
    for (kpi, domain) in [
        (r#"{"rogueId": "flows.arr", "domain": "flows", "slug": "arr"}"#, "flows"),
        (r#"{"rogueId": "disputes.arr"}"#, "disputes"),
    ] {
        let text = format!(
            r#"{{"version": "1.0.0", "releasedAt": "2026-01-01", "kpis": [{}, {kpi}]}}"#,
            kpi_text("sales.arr")
        );
        write(dir.path(), "in.json", &text);
        let run = import(dir.path(), &dir.path().join("in.json"), &[]);
        assert_eq!(run.status.code(), Some(2), "{kpi}: {}", stdout(&run));
        assert!(stderr(&run).contains(&format!("KPI #2: domain `{domain}` is reserved")), "{}", stderr(&run));
    }
    assert!(!dir.path().join("ontology").exists(), "not even the valid KPI was written");
}

#[test]
fn a_bad_kpi_is_reported_at_its_line_and_column() {
    // Before, only `in.json: KPI #2 …`: in a file of thousands of KPIs, no place to look.
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("[\n  {\"rogueId\": \"a.b\"},\n  7\n]\n", "in.json:3:3: KPI #2 is not an object"),
        ("[\n  {\"rogueId\": \"a.b\"},\n  {\"slug\": \"c\"}\n]\n", "in.json:3:4: KPI #2 has no `rogueId`"),
        ("[\n  {\"rogueId\": \"a.b\"},\n    {\"rogueId\": \"A.b\"}\n]\n", "in.json:3:6: KPI #2: domain `A`"),
        ("[\n  {\"rogueId\": \"a.b\"},\n  {\"rogueId\": \"a.b\"}\n]\n", "in.json:3:4: KPIs #1 and #2 are both `a.b`"),
    ];
    for (text, message) in cases {
        write(dir.path(), "in.json", text);
        let mut cmd = assert_cmd::Command::cargo_bin("ontolint").unwrap();
        let run = cmd.current_dir(dir.path()).args(["import", "in.json", "--into", "cat"]).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{text}");
        assert!(stderr(&run).contains(message), "{message}: {}", stderr(&run));
    }
}

#[test]
fn entries_the_import_cannot_keep_are_refused_not_dropped() {
    // Before, a domain without `id` or a standard without `name` vanished
    // from the rewritten catalog.json / standards.json, silently.
    let bare = kpi_text("sales.arr");
    for (file, text, message) in [
        (
            "ontology/catalog.json",
            r#"{"version": "1.0.0", "releasedAt": "2026-01-01", "domains": [{"id": "sales", "label": "S"}, {"label": "No id"}]}"#,
            "`domains` entry #2 has no string `id`",
        ),
        (
            "ontology/standards.json",
            r#"{"standards": [{"urlPrefix": "https://a.org/", "attributionNotice": null}]}"#,
            "`standards` entry #1 has no string `name`",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "ontology/catalog.json",
            r#"{"version": "1.0.0", "releasedAt": "2026-01-01", "domains": []}"#,
        );
        write(dir.path(), file, text);
        write(dir.path(), "in.json", &bare);
        let run = import(dir.path(), &dir.path().join("in.json"), &[]);
        assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
        assert!(stderr(&run).contains(message), "{}", stderr(&run));
        assert!(stderr(&run).contains("nothing was written"), "{}", stderr(&run));
        assert_eq!(read(&dir.path().join(file)), text, "left as it was");
        assert!(!dir.path().join("ontology/sales/arr.json").exists());
    }
}

#[test]
fn a_version_that_is_not_a_string_is_named() {
    // Before: "no `version` and `releasedAt` to give the catalog", with the
    // hint to import the versioned envelope, which this is.
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{{\n  \"version\": 2,\n  \"releasedAt\": \"2026-01-01\",\n  \"kpis\": [{}]\n}}\n",
        kpi_text("sales.arr")
    );
    write(dir.path(), "in.json", &text);
    let mut cmd = assert_cmd::Command::cargo_bin("ontolint").unwrap();
    let run = cmd.current_dir(dir.path()).args(["import", "in.json", "--into", "cat"]).output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(stderr(&run).contains("in.json:2:14: the envelope's `version` is not a string"), "{}", stderr(&run));
    assert!(!dir.path().join("cat").exists());
}

#[test]
fn a_target_catalog_json_with_a_byte_order_mark_is_read() {
    // `check` only warns about a BOM (FIL002); before, import called the file
    // invalid JSON "at line 1 column 1" and refused.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ontology/catalog.json",
        "\u{feff}{\"version\": \"1.2.0\", \"releasedAt\": \"2026-01-01\", \"domains\": [{\"id\": \"sales\", \"label\": \"Mine\"}]}\n",
    );
    write(dir.path(), "ontology/standards.json", "\u{feff}{\"standards\": []}\n");
    write(dir.path(), "in.json", kpi_text("sales.arr"));
    let run = import(dir.path(), &dir.path().join("in.json"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let catalog = json(&dir.path().join("ontology/catalog.json"));
    assert_eq!(catalog["version"], "1.2.0");
    assert_eq!(catalog["domains"][0]["label"], "Mine");
}

#[test]
fn conflicting_attribution_notices_name_both_kpis() {
    let dir = tempfile::tempdir().unwrap();
    let all = json(&envelope());
    let smsb: Vec<serde_json::Value> = all["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["definitionSource"]["sourceName"] == "SaaS Metrics Standards Board")
        .take(2)
        .cloned()
        .collect();
    let (a, mut b) = (smsb[0].clone(), smsb[1].clone());
    b["definitionSource"]["attributionNotice"] = serde_json::json!("Another notice");
    let text = serde_json::json!({"version": "1.0.0", "releasedAt": "2026-01-01", "kpis": [a, b]}).to_string();
    write(dir.path(), "in.json", &text);
    let run = import(dir.path(), &dir.path().join("in.json"), &[]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(err.contains(a["rogueId"].as_str().unwrap()) && err.contains(b["rogueId"].as_str().unwrap()), "{err}");
    assert!(err.contains("different attribution notices"), "{err}");
    assert!(!dir.path().join("ontology").exists());
}

#[test]
fn import_then_build_reproduces_the_imported_kpis() {
    let input = json(&envelope());
    let kpis = input["kpis"].as_array().unwrap();
    assert!(kpis.len() >= 20);
    // Every optional block is present somewhere in the fixture.
    for block in [
        "benchmark",
        "formula",
        "whyItMatters",
        "interpretationGuidance",
        "relatedKpiIds",
        "metricBasis",
        "calculationPolicy",
    ] {
        assert!(kpis.iter().any(|k| k.get(block).is_some()), "{block}");
    }
    assert!(kpis.iter().any(|k| k["definitionSource"].get("authorityLevel").is_some()));
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(import(dir.path(), &envelope(), &[]).status.code(), Some(0));
    let site = dir.path().join("site");
    let run = ontolint(dir.path(), &["build", "--out", site.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}{}", stdout(&run), stderr(&run));
    let built = json(&site.join("api/ontology/index.json"));
    assert_eq!(built["version"], input["version"]);
    assert_eq!(built["releasedAt"], input["releasedAt"]);
    // Same values (numbers compared as written: `85.0`, `90.50`, big integers).
    let mut want: Vec<serde_json::Value> = kpis.clone();
    want.sort_by(|a, b| a["rogueId"].as_str().cmp(&b["rogueId"].as_str()));
    assert_eq!(built["kpis"].as_array().unwrap(), &want);
    let index = read(&site.join("api/ontology/index.json"));
    for raw in ["\"p25\": 85.0", "\"median\": 90.50", "12345678901234567890", "\\u2014"] {
        assert!(index.contains(raw), "{raw}");
    }
    // Canonical key order: each KPI in the index is its (fmt-canonical) file, indented.
    for k in &want {
        let id = k["rogueId"].as_str().unwrap();
        let (d, s) = id.split_once('.').unwrap();
        let file = read(&dir.path().join(format!("ontology/{d}/{s}.json")));
        let indented: String = file.trim_end().lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n");
        assert!(index.contains(&indented), "{id} is not embedded in canonical order");
    }
}

/// Regression: new files were created 0600 (the mode of a temporary file).
#[cfg(unix)]
#[test]
fn imported_files_are_readable_by_all() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(import(dir.path(), &envelope(), &[]).status.code(), Some(0));
    for rel in ["ontology/sales/arr.json", "ontology/catalog.json", "ontology/standards.json"] {
        let mode = std::fs::metadata(dir.path().join(rel)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{rel}");
    }
}

#[test]
fn uncommitted_work_is_not_rewritten_unless_forced() {
    let repo = crate::git::Repo::base();
    let catalog = repo.read("ontology/catalog.json");
    repo.write("ontology/catalog.json", catalog.replace("Test Editorial", "Edited Editorial"));
    let single =
        format!(r#"{{"version": "1.1.0", "releasedAt": "2026-03-01", "kpi": {}}}"#, kpi_text("finance.burn_multiple"));
    let input = tempfile::tempdir().unwrap();
    write(input.path(), "in.json", &single);
    let run = import(repo.path(), &input.path().join("in.json"), &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("uncommitted changes: ontology/catalog.json"), "{}", stderr(&run));
    // The hint names import's own flag: `import` has no `--allow-dirty`.
    assert!(stderr(&run).contains("pass --force to rewrite them"), "{}", stderr(&run));
    assert!(!stderr(&run).contains("--allow-dirty"), "{}", stderr(&run));
    assert!(!repo.file("ontology/finance/burn_multiple.json").exists());
    let run = import(repo.path(), &input.path().join("in.json"), &["--force"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(repo.read("ontology/catalog.json").contains("\"1.1.0\""));
    assert!(repo.read("ontology/catalog.json").contains("Edited Editorial"), "kept from the existing catalog.json");
}

#[test]
fn a_blocked_path_is_refused_before_any_file_is_written() {
    // `ontology/sales` is a file: the sales KPIs cannot be placed. Before,
    // the KPIs of the domains sorted before `sales` were written, then the
    // import stopped half way with no catalog.json.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ontology/sales", "not a folder\n");
    let run = import(dir.path(), &envelope(), &[]);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(stderr(&run).contains("`ontology/sales` is a file"), "{}", stderr(&run));
    assert!(stderr(&run).contains("nothing was written"), "{}", stderr(&run));
    let written: Vec<_> = walkdir::WalkDir::new(dir.path().join("ontology"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir.path()).unwrap().display().to_string())
        .collect();
    assert_eq!(written, ["ontology/sales"], "nothing but the blocking file");
    // A KPI file that is a folder is refused the same way, even with --force.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ontology/sales/arr.json")).unwrap();
    let run = import(dir.path(), &envelope(), &["--force"]);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(stderr(&run).contains("`ontology/sales/arr.json` is a folder"), "{}", stderr(&run));
    assert!(!dir.path().join("ontology/catalog.json").exists());
    assert!(!dir.path().join("ontology/customers").exists());
}
