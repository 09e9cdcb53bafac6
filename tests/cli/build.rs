//! `ontolint build --out DIR [--snapshot]`: the JSON API, its schema and the
//! HTML pages; atomic replacement, the marker, path safety, snapshots.

use crate::common::{catalog_with, fixtures, ontolint, write};
use crate::git::{Repo, stderr, stdout};
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir` (relative path → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Names in `dir` that start with `prefix` (leftover temporary folders).
fn leftovers(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

/// The base catalog plus a flow, a dispute and a benchmark.
fn rich_catalog() -> tempfile::TempDir {
    catalog_with(Some(&fixtures().join("build/flows_disputes")))
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    ontolint(root, &args)
}

#[test]
fn every_built_json_file_validates_against_the_built_schema() {
    let cat = rich_catalog();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = build(cat.path(), &site, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("built 10 KPIs of version 1.0.0"), "{}", stdout(&run));
    let schema = json(&site.join("api/ontology/schema.json"));
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    let files = tree(&site);
    let api: Vec<&String> = files.keys().filter(|p| p.starts_with("api/") && p.ends_with(".json")).collect();
    // index, schema, snapshot, 2 domains, 10 KPIs
    assert_eq!(api.len(), 15, "{api:?}");
    for path in api.iter().filter(|p| !p.ends_with("schema.json")) {
        let value = json(&site.join(path));
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    // Each shape validates against its own definition, not only against the union.
    for (path, def) in [
        ("api/ontology/index.json", "catalogResponse"),
        ("api/ontology/v/1.0.0/index.json", "catalogResponse"),
        ("api/ontology/sales.json", "domainResponse"),
        ("api/ontology/sales/arr.json", "kpiResponse"),
    ] {
        let mut one = schema.clone();
        one.as_object_mut().unwrap().remove("oneOf");
        one["$ref"] = serde_json::json!(format!("#/$defs/{def}"));
        let v = jsonschema::draft202012::options().should_validate_formats(true).build(&one).unwrap();
        assert!(v.is_valid(&json(&site.join(path))), "{path} is a {def}");
    }
    // The index: KPIs sorted by rogueId; the snapshot is the same bytes.
    let index = json(&site.join("api/ontology/index.json"));
    let ids: Vec<&str> = index["kpis"].as_array().unwrap().iter().map(|k| k["rogueId"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), 10);
    assert_eq!(files["api/ontology/index.json"], files["api/ontology/v/1.0.0/index.json"]);
    assert_eq!(json(&site.join("api/ontology/finance.json"))["domain"], "finance");
    // Pages: the index, one per domain, one per KPI, and the marker.
    for page in
        ["ontology/index.html", "ontology/sales/index.html", "ontology/finance/index.html", "ontology/sales/arr.html"]
    {
        assert!(files.contains_key(page), "{page}");
    }
    assert_eq!(files.keys().filter(|p| p.ends_with(".html")).count(), 1 + 2 + 10);
    // Every page: English, a title, exactly one h1, headers with a scope, a viewport.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = String::from_utf8(bytes.clone()).unwrap();
        assert!(page.contains("<html lang=\"en\">") && page.contains("<title>"), "{path}");
        assert_eq!(page.matches("<h1>").count(), 1, "{path}");
        assert_eq!(page.matches("<th>").count(), 0, "{path}: a header without scope");
        assert!(page.contains("name=\"viewport\""), "{path}");
    }
    assert!(files.contains_key(".ontolint-build"));
}

#[test]
fn kpi_objects_keep_their_values_as_written_in_canonical_key_order() {
    let cat = catalog_with(None);
    // Keys out of order, and numbers / escapes that re-encoding would change.
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/win_rate.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["benchmark"] = serde_json::json!({"p25": "P25", "median": 20, "p75": 30, "unit": "%", "sourceName": "S\u{e9}", "sourceYear": "2025", "higherIsBetter": true});
    let reordered: serde_json::Map<String, serde_json::Value> =
        v.as_object().unwrap().clone().into_iter().rev().collect();
    let text = serde_json::to_string_pretty(&reordered)
        .unwrap()
        .replace("\"P25\"", "10.0")
        .replace("\"S\u{e9}\"", "\"S\\u00e9\"");
    write(cat.path(), "ontology/sales/win_rate.json", &text);
    let out = tempfile::tempdir().unwrap();
    let run = build(cat.path(), &out.path().join("s"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}{}", stdout(&run), stderr(&run));
    let one = std::fs::read_to_string(out.path().join("s/api/ontology/sales/win_rate.json")).unwrap();
    assert!(one.contains("\"p25\": 10.0,"), "{one}");
    assert!(one.contains("\"sourceName\": \"S\\u00e9\""), "{one}");
    let keys: Vec<&str> =
        one.lines().filter(|l| l.starts_with("    \"")).map(|l| l.trim().split('"').nth(1).unwrap()).collect();
    assert_eq!(keys[..3], ["rogueId", "slug", "domain"], "{one}");
    let index = std::fs::read_to_string(out.path().join("s/api/ontology/index.json")).unwrap();
    assert!(index.contains("\"p25\": 10.0,"));
}

#[test]
fn rebuild_is_byte_identical() {
    let cat = rich_catalog();
    let out = tempfile::tempdir().unwrap();
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    assert_eq!(build(cat.path(), &a, &[]).status.code(), Some(0));
    let first = tree(&a);
    // Into the same folder (replacing the previous build) and into another.
    assert_eq!(build(cat.path(), &a, &[]).status.code(), Some(0));
    assert_eq!(build(cat.path(), &b, &[]).status.code(), Some(0));
    assert_eq!(first, tree(&a));
    assert_eq!(first, tree(&b));
    assert!(leftovers(out.path(), ".a.").is_empty());
}

#[test]
fn a_crafted_slug_is_rejected_before_any_write() {
    let cat = catalog_with(None);
    // Silence every rule that would stop the build first: the build itself must refuse.
    write(
        cat.path(),
        "ontolint.toml",
        "[severity]\nSCH001 = \"off\"\nIDN001 = \"off\"\nIDN002 = \"off\"\nIDN003 = \"off\"\nIDN004 = \"off\"\nIDN005 = \"off\"\nREF001 = \"off\"\nREF002 = \"off\"\n",
    );
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/mrr.json")).unwrap();
    let evil = text.replacen("\"slug\": \"mrr\"", "\"slug\": \"../../x\"", 1).replacen("sales.mrr", "sales.../../x", 1);
    write(cat.path(), "ontology/sales/evil.json", evil);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("deep/site");
    let run = build(cat.path(), &site, &[]);
    assert_eq!(run.status.code(), Some(2), "{}{}", stdout(&run), stderr(&run));
    assert!(stderr(&run).contains("slug `../../x` cannot be published"), "{}", stderr(&run));
    assert!(stderr(&run).contains("ontology/sales/evil.json"), "{}", stderr(&run));
    assert!(!site.exists());
    assert!(tree(out.path()).is_empty(), "nothing written: {:?}", tree(out.path()).keys());
}

#[test]
fn a_catalog_with_errors_is_refused_with_its_findings() {
    let cat = catalog_with(None);
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/mrr.json")).unwrap();
    write(cat.path(), "ontology/sales/mrr.json", text.replacen("\"sales.arr\"", "\"sales.nope\"", 1));
    let out = tempfile::tempdir().unwrap();
    let run = build(cat.path(), &out.path().join("site"), &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stdout(&run).contains("REF001"), "{}", stdout(&run));
    assert!(stdout(&run).contains("ontology/sales/mrr.json:"), "{}", stdout(&run));
    assert!(stderr(&run).contains("refusing to build"), "{}", stderr(&run));
    assert!(!out.path().join("site").exists());
}

/// Regression: `build` judged the catalog without the rules' settings of
/// ontolint.toml, so a configured never-sum pair added in a formula was built.
#[test]
fn the_never_sum_pairs_of_ontolint_toml_stop_a_build() {
    let cat = catalog_with(None);
    write(cat.path(), "ontolint.toml", "never-sum = [[\"sales.mrr\", \"sales.win_rate\"]]\n");
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/arr.json")).unwrap();
    write(
        cat.path(),
        "ontology/sales/arr.json",
        text.replacen("`sales.mrr` × 12", "`sales.mrr` + `sales.win_rate`", 1),
    );
    let out = tempfile::tempdir().unwrap();
    let run = build(cat.path(), &out.path().join("site"), &[]);
    assert_eq!(run.status.code(), Some(1), "{}{}", stdout(&run), stderr(&run));
    assert!(stdout(&run).contains("FLW010"), "{}", stdout(&run));
    assert!(stdout(&run).contains("ontology/sales/arr.json:"), "{}", stdout(&run));
    assert!(!out.path().join("site").exists());
}

#[test]
fn a_folder_that_is_not_a_previous_build_is_never_emptied() {
    let cat = catalog_with(None);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    write(&site, "notes.txt", "mine");
    let run = build(cat.path(), &site, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("holds no previous ontolint build"), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(site.join("notes.txt")).unwrap(), "mine");
    assert_eq!(tree(&site).len(), 1);
    // A file, and the catalog itself, are refused too.
    write(out.path(), "file", "x");
    assert_eq!(build(cat.path(), &out.path().join("file"), &[]).status.code(), Some(2));
    assert_eq!(build(cat.path(), &cat.path().join("ontology/site"), &[]).status.code(), Some(2));
    assert_eq!(build(cat.path(), cat.path(), &[]).status.code(), Some(2));
    assert!(!cat.path().join("ontology/site").exists());
    // An empty folder is fine; a previous build is replaced as a whole.
    std::fs::remove_file(site.join("notes.txt")).unwrap();
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    write(&site, "stale.html", "old");
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    assert!(!site.join("stale.html").exists());
}

#[test]
fn an_out_folder_under_a_file_is_refused_with_a_hint() {
    // Before, the refusal came from the folder creation: "cannot write
    // `…/file`: File exists", with no hint.
    let cat = catalog_with(None);
    let out = tempfile::tempdir().unwrap();
    write(out.path(), "file", "x");
    let run = build(cat.path(), &out.path().join("file/site"), &[]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(err.contains(&format!("`{}` is a file, not a folder", out.path().join("file").display())), "{err}");
    assert!(err.contains("help: "), "{err}");
    assert!(!err.contains("File exists"), "{err}");
    assert_eq!(std::fs::read_to_string(out.path().join("file")).unwrap(), "x");
}

#[test]
fn the_snapshots_folder_is_never_a_build_folder() {
    // Before, `--out snapshots --snapshot` wrote the snapshot into the build
    // folder, and the next build replaced the folder: the snapshot was lost.
    let cat = catalog_with(None);
    let run = build(cat.path(), &cat.path().join("snapshots"), &["--snapshot"]);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(stderr(&run).contains("would hold the release snapshots"), "{}", stderr(&run));
    assert!(!cat.path().join("snapshots").exists(), "nothing written");
    // Once snapshots exist, no build goes into, inside or around their folder.
    assert_eq!(build(cat.path(), &cat.path().join("site"), &["--snapshot"]).status.code(), Some(0));
    let snapshot = cat.path().join("snapshots/v/1.0.0/index.json");
    let bytes = std::fs::read(&snapshot).unwrap();
    for out in ["snapshots/v/2.0.0", "snapshots/site"] {
        let run = build(cat.path(), &cat.path().join(out), &[]);
        assert_eq!(run.status.code(), Some(2), "{out}: {}", stdout(&run));
        assert!(!cat.path().join(out).exists(), "{out}");
    }
    assert_eq!(std::fs::read(&snapshot).unwrap(), bytes);
    // A folder named `snapshots` is fine (and rebuilt) when there are none to protect.
    let other = catalog_with(None);
    assert_eq!(build(other.path(), &other.path().join("snapshots"), &[]).status.code(), Some(0));
    assert_eq!(build(other.path(), &other.path().join("snapshots"), &[]).status.code(), Some(0));
}

#[test]
fn a_name_that_collides_with_a_file_of_the_site_is_refused_with_its_file() {
    // Before: "two outputs of the build would be written to
    // `ontology/sales/index.html`", which names no file of the catalog.
    let cat = catalog_with(None);
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/mrr.json")).unwrap();
    let text =
        text.replacen("\"sales.mrr\"", "\"sales.index\"", 1).replacen("\"slug\": \"mrr\"", "\"slug\": \"index\"", 1);
    write(cat.path(), "ontology/sales/index.json", &text);
    let out = tempfile::tempdir().unwrap();
    let run = build(cat.path(), &out.path().join("site"), &[]);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(
        stderr(&run).contains(
            "`ontology/sales/index.json`: KPI `sales.index` cannot be published: `ontology/sales/index.html` is already a file of the site"
        ),
        "{}",
        stderr(&run)
    );
    assert!(!out.path().join("site").exists());
}

#[test]
fn an_interrupted_build_leaves_the_previous_build_intact() {
    let cat = catalog_with(None);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    let before = tree(&site);
    let half = (before.len() / 2).to_string();
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/mrr.json")).unwrap();
    write(cat.path(), "ontology/sales/mrr.json", text.replacen("Monthly Recurring Revenue\"", "MRR\"", 1));
    let run = crate::git::ontolint_env(
        cat.path(),
        &["build", "--out", site.to_str().unwrap()],
        &[("ONTOLINT_TEST_FAIL_AFTER", half.as_str())],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("simulated failure"), "{}", stderr(&run));
    assert_eq!(before, tree(&site), "the previous build is untouched");
    assert!(leftovers(out.path(), ".site.").is_empty(), "{:?}", leftovers(out.path(), ".site."));
    // The next, uninterrupted build goes through.
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    assert_ne!(before, tree(&site));
}

#[test]
fn snapshot_is_written_once_and_a_different_one_is_refused() {
    let cat = catalog_with(None);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = build(cat.path(), &site, &["--snapshot"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let snap = cat.path().join("snapshots/v/1.0.0/index.json");
    assert_eq!(std::fs::read(&snap).unwrap(), std::fs::read(site.join("api/ontology/index.json")).unwrap());
    // The same release again: the snapshot is already there, unchanged.
    let run = build(cat.path(), &site, &["--snapshot"]);
    assert_eq!(run.status.code(), Some(0));
    assert!(stdout(&run).contains("already holds this release"), "{}", stdout(&run));
    // A change without a new version: the snapshot of 1.0.0 would differ.
    let text = std::fs::read_to_string(cat.path().join("ontology/sales/mrr.json")).unwrap();
    write(cat.path(), "ontology/sales/mrr.json", text.replacen("Monthly Recurring Revenue\"", "MRR\"", 1));
    let before = std::fs::read(&snap).unwrap();
    let other = out.path().join("other");
    let run = build(cat.path(), &other, &["--snapshot"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("released snapshots are immutable"), "{}", stderr(&run));
    assert_eq!(std::fs::read(&snap).unwrap(), before);
    assert!(!other.exists(), "nothing built when the snapshot is refused");
}

#[test]
fn the_snapshot_is_what_the_snapshot_rules_expect() {
    let repo = Repo::base();
    repo.write("snapshots/.keep", "");
    let out = tempfile::tempdir().unwrap();
    let run = repo.ontolint(&["build", "--out", out.path().join("s").to_str().unwrap(), "--snapshot"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    repo.commit("snapshot 1.0.0");
    // A release: the new snapshot satisfies SNP002, the old one is untouched (SNP001).
    let text = repo.read("ontology/sales/mrr.json");
    repo.write("ontology/sales/mrr.json", text.replacen("Monthly Recurring Revenue\"", "MRR\"", 1));
    repo.release("1.0.1", "2026-02-01");
    let diff = repo.diff(&["--base", "main"]);
    assert!(diff.codes().contains(&"SNP002"), "{:?}", diff.hit_list());
    let run = repo.ontolint(&["build", "--out", out.path().join("s").to_str().unwrap(), "--snapshot"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let diff = repo.diff(&["--base", "main"]);
    assert!(!diff.codes().iter().any(|c| c.starts_with("SNP")), "{:?}", diff.hit_list());
    // The site keeps serving the pinned 1.0.0 next to 1.0.1, byte for byte.
    let site = out.path().join("s/api/ontology/v");
    assert_eq!(
        std::fs::read(site.join("1.0.0/index.json")).unwrap(),
        repo.read("snapshots/v/1.0.0/index.json").as_bytes()
    );
    assert_eq!(
        std::fs::read(site.join("1.0.1/index.json")).unwrap(),
        repo.read("snapshots/v/1.0.1/index.json").as_bytes()
    );
    // A snapshot folder that is not a version cannot become a path of the site.
    repo.write("snapshots/v/..x/index.json", "{}");
    let run = repo.ontolint(&["build", "--out", out.path().join("s").to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    // Named with its place (the snapshots folder may be configured elsewhere).
    assert!(
        stderr(&run).contains("snapshot folder `snapshots/v/..x` is not named by a semantic version"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn pages_show_flows_disputes_and_benchmarks_escaped_with_relative_links() {
    let cat = rich_catalog();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    let page = std::fs::read_to_string(site.join("ontology/sales/backlog.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(page.matches("<h1>").count(), 1);
    assert!(page.contains("<meta name=\"viewport\""));
    for heading in ["Benchmark", "Disputes", "Flows", "Stage relevance", "Source"] {
        assert!(page.contains(&format!("\">{heading}</h2>")), "{heading}");
    }
    // Flows: this KPI opens and closes the roll-forward; its lines link to their pages.
    assert!(page.contains("Backlog roll-forward<br><code class=\"id\">sales.<wbr>backlog_flow</code></th><td>opening value, closing value</td>"), "{page}");
    assert!(page.contains("<a href=\"../sales/new_bookings.html\">New Bookings</a>"));
    assert!(page.contains("− <a href=\"../sales/backlog_cancellations.html\">Backlog Cancellations</a>"));
    let line = std::fs::read_to_string(site.join("ontology/sales/backlog_cancellations.html")).unwrap();
    assert!(line.contains("<td>line − cancellation</td>"), "{line}");
    let container = std::fs::read_to_string(site.join("ontology/sales/backlog_overview.html")).unwrap();
    assert!(container.contains("<td>container</td>"));
    // Disputes and benchmark, with markup in values escaped.
    assert!(page.contains("<h3>DSP-0001: formula dispute, rejected</h3>"), "{page}");
    assert!(page.contains("<dt>Raised by</dt><dd>A &lt;b&gt;reader&lt;/b&gt;</dd>"), "{page}");
    assert!(page.contains(
        "<dt>Decision</dt><dd>Renewals are not signed business. (decided 2026-01-12); released in 1.0.0</dd>"
    ));
    assert!(page.contains("<a href=\"https://example.org/note\">Reader note</a>"));
    assert!(page.contains("Illustrative &lt;survey&gt; &amp; co"));
    assert!(!page.contains("<survey>"));
    // No absolute or external link: the site works from any base path.
    // (External links are only the citations themselves: evidence and source URLs.)
    for href in page.split("href=\"").skip(1).map(|s| s.split('"').next().unwrap()) {
        assert!(href.starts_with("../") || !href.contains('/') || href == "https://example.org/note", "{href}");
    }
    assert!(!page.contains("<script") && !page.contains("<link") && !page.contains("src="));
    let index = std::fs::read_to_string(site.join("ontology/index.html")).unwrap();
    assert!(index.contains("<a href=\"sales/index.html\">Sales</a></th><td class=\"num\">8</td><td class=\"num\">1</td><td class=\"num\">7</td>"), "{index}");
}

#[test]
fn bookings_backlog_page_of_the_shipped_catalog_in_headless_chromium() {
    let Some(chromium) = crate::chromium::find("bookings_backlog_page_of_the_shipped_catalog_in_headless_chromium")
    else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = build(root, &site, &[]);
    assert_eq!(run.status.code(), Some(0), "{}{}", stdout(&run), stderr(&run));
    let page = site.join("ontology/sales/bookings_backlog.html");
    let dom = crate::chromium::dump_dom(&chromium, &page);
    assert!(dom.contains("<h1>Bookings Backlog</h1>"), "{dom}");
    assert!(dom.contains("<code>sales.bookings_backlog</code>"));
    assert!(dom.contains("<title>Bookings Backlog (sales.bookings_backlog) — KPI catalog</title>"));
    for heading in [
        "Definition",
        "Formula",
        "Why it matters",
        "How to interpret",
        "Related KPIs",
        "Source",
        "Stage relevance",
        "Default owning functions",
        "Calculation policy",
        "Data",
    ] {
        assert!(dom.contains(&format!("\">{heading}</h2>")), "section `{heading}` missing");
    }
    assert!(dom.contains("Editorial</span> Defined by Ontolint Editorial"));
    // Every related KPI is a link to a page that exists and is that KPI's.
    let related = dom.split("id=\"related\"").nth(1).unwrap().split("</section>").next().unwrap();
    let kpi: serde_json::Value = json(&root.join("ontology/sales/bookings_backlog.json"));
    let ids = kpi["relatedKpiIds"].as_array().unwrap();
    let hrefs: Vec<&str> = related.split("href=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    assert_eq!(hrefs.len(), ids.len(), "{related}");
    for (href, id) in hrefs.iter().zip(ids) {
        let target = page.parent().unwrap().join(href);
        let text = std::fs::read_to_string(&target).unwrap_or_else(|e| panic!("{href}: {e}"));
        assert!(text.contains(&format!("<code>{}</code>", id.as_str().unwrap())), "{href} is not {id}");
    }
    // The JSON links resolve too.
    for href in [
        "../../api/ontology/sales/bookings_backlog.json",
        "../../api/ontology/sales.json",
        "../../api/ontology/index.json",
    ] {
        assert!(dom.contains(&format!("href=\"{href}\"")), "{href}");
        assert!(page.parent().unwrap().join(href).is_file(), "{href}");
    }
}

/// Regression: the site folder came out 0700 and the snapshot 0600 (the
/// modes of temporary folders and files), unreadable to a web server.
#[cfg(unix)]
#[test]
fn built_folder_and_snapshot_are_readable_by_all() {
    use std::os::unix::fs::PermissionsExt;
    let cat = catalog_with(None);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(cat.path(), &site, &["--snapshot"]).status.code(), Some(0));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&site), 0o755);
    assert_eq!(mode(&cat.path().join("snapshots/v/1.0.0/index.json")), 0o644);
}

/// The published shapes, reviewed as snapshots: a KPI response, a domain page
/// and a KPI page (the CSS is left out of the page snapshots: one copy is enough).
#[test]
fn built_outputs_snapshots() {
    let cat = rich_catalog();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(cat.path(), &site, &[]).status.code(), Some(0));
    let read = |rel: &str| std::fs::read_to_string(site.join(rel)).unwrap();
    let without_css = |page: String| {
        let (head, rest) = page.split_once("<style>\n").unwrap();
        let (_, tail) = rest.split_once("</style>").unwrap();
        format!("{head}<style>…</style>{tail}")
    };
    insta::assert_snapshot!("build_kpi_response_arr", read("api/ontology/sales/arr.json"));
    insta::assert_snapshot!("build_index_page", without_css(read("ontology/index.html")));
    insta::assert_snapshot!("build_domain_page_finance", without_css(read("ontology/finance/index.html")));
    insta::assert_snapshot!("build_kpi_page_backlog", without_css(read("ontology/sales/backlog.html")));
    insta::assert_snapshot!("build_kpi_page_arr", without_css(read("ontology/sales/arr.html")));
}
