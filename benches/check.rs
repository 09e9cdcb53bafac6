//! Benchmark: a generated catalog of 10,000 KPIs.
//!
//! Reports medians over several runs, measured in the same process run:
//! - floor: read every file and parse it with `serde_json` (nothing else);
//! - load: read + ontolint's span-keeping parser + the typed model;
//! - check: the whole `check` pipeline (load, schema, every rule, locate, sort);
//! - binary: the release binary end to end (`check --format concise`), and its peak RSS.
//!
//! Run with `cargo bench` (add `-- --kpis N --runs R` to change the size).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DOMAINS: usize = 10;

fn kpi(domain: usize, i: usize, per_domain: usize, published: bool) -> serde_json::Value {
    let id = |d: usize, k: usize| format!("d{d}.kpi_{k:05}");
    let next = id(domain, (i + 1) % per_domain);
    let other = id((domain + 1) % DOMAINS, i % per_domain);
    let source = if published {
        serde_json::json!({"tier": "published", "sourceName": "Bench Standard", "sourceUrl": format!("https://standard.example.org/s/{i}"),
            "sectionRef": "3.2 Definitions", "publicationDate": "2024-05-01", "attributionNotice": "Not affiliated with the Bench Standard."})
    } else {
        serde_json::json!({"tier": "editorial", "sourceName": "Bench Editorial", "sourceUrl": null, "sectionRef": null,
            "publicationDate": "2026-01-15", "attributionNotice": null})
    };
    serde_json::json!({
        "rogueId": id(domain, i), "slug": format!("kpi_{i:05}"), "domain": format!("d{domain}"),
        "defaultLabel": format!("Generated KPI {i} of domain {domain}"),
        "description": format!("A generated KPI whose value is derived from `{next}` over a period, used to measure ontolint on a large catalog. It mirrors the size of a real definition, with several sentences of prose describing what is included and what is not. Common pitfall: mixing point-in-time and period values."),
        "fieldType": "currency", "unit": "USD", "maturity": "general",
        "suggestedForStages": ["seed", "seriesA", "seriesB"], "defaultOwningFunctions": ["Finance", "Sales"],
        "stageRelevance": {"seed": "recommended", "seriesA": "core", "seriesB": "core"},
        "definitionSource": source,
        "benchmark": {"p25": 1.5, "median": 2.5, "p75": 4.0, "unit": "x", "sourceName": "Bench survey", "sourceYear": "2025", "higherIsBetter": true},
        "formula": format!("`{next}` − `{other}` measured at period end"),
        "whyItMatters": "Boards use it to see whether growth is efficient; investors compare it across companies of the same stage.",
        "interpretationGuidance": format!("Read it next to `{other}`; a rising value with a falling input signals a definitional change."),
        "relatedKpiIds": [next, other],
        "metricBasis": {"timeBasis": "point_in_time", "moneyBasis": "contracted_arr", "production": "computed"},
        "calculationPolicy": {"inclusions": ["signed contracts"], "exclusions": ["one-off fees"], "edgeCases": ["multi-year prepaid deals"]}
    })
}

fn generate(root: &Path, total: usize) {
    let per_domain = total / DOMAINS;
    let ont = root.join("ontology");
    let domains: Vec<_> =
        (0..DOMAINS).map(|d| serde_json::json!({"id": format!("d{d}"), "label": format!("Domain {d}")})).collect();
    std::fs::create_dir_all(&ont).unwrap();
    let catalog = serde_json::json!({"version": "1.0.0", "releasedAt": "2026-01-15", "editorialSourceName": "Bench Editorial", "domains": domains});
    std::fs::write(ont.join("catalog.json"), serde_json::to_string_pretty(&catalog).unwrap()).unwrap();
    let standards = serde_json::json!({"standards": [{"name": "Bench Standard", "urlPrefix": "https://standard.example.org/", "attributionNotice": "Not affiliated with the Bench Standard."}]});
    std::fs::write(ont.join("standards.json"), serde_json::to_string_pretty(&standards).unwrap()).unwrap();
    for d in 0..DOMAINS {
        let dir = ont.join(format!("d{d}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..per_domain {
            let text = serde_json::to_string_pretty(&kpi(d, i, per_domain, i % 5 == 0)).unwrap();
            std::fs::write(dir.join(format!("kpi_{i:05}.json")), text + "\n").unwrap();
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median wall time of `f`; what it returns is dropped after the clock stops
/// (the binary exits without freeing its catalog, so freeing is not its cost).
fn time<T, F: FnMut() -> T>(runs: usize, mut f: F) -> Duration {
    drop(f()); // warm the page cache and the schema validators
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let kept = f();
                let elapsed = t.elapsed();
                drop(kept);
                elapsed
            })
            .collect(),
    )
}

/// Lists every file of the catalog, then parses each in parallel with `parse`.
fn parse_all(root: &Path, parse: impl Fn(Vec<u8>) -> serde_json::Value + Sync) {
    use rayon::prelude::*;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("ontology"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let n: usize = files.par_iter().map(|p| usize::from(parse(std::fs::read(p).unwrap()).is_object())).sum();
    assert!(n > 0);
}

/// The floor: read and parse with serde_json, nothing else.
fn floor(root: &Path) {
    parse_all(root, |bytes| serde_json::from_slice(&bytes).unwrap());
}

/// Read and parse with ontolint's span-keeping parser.
fn ours(root: &Path) {
    parse_all(root, |bytes| {
        let text = String::from_utf8(bytes).unwrap();
        ontolint::parse::parse(&text, 0).unwrap().value
    });
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: one check run, then report this process's peak memory.
    if let Some(i) = args.iter().position(|a| a == "--child-check") {
        let root = PathBuf::from(&args[i + 1]);
        let outcome = ontolint::check::run(&ontolint::source::WorkTree::new(&root), None).unwrap();
        println!("{} {}", outcome.findings.len(), peak_rss_kib().unwrap_or(0));
        return;
    }
    let get = |flag: &str, default: usize| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let total = get("--kpis", 10_000);
    let runs = get("--runs", 7);
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    generate(dir.path(), total);
    println!(
        "generated {total} KPIs in {:.2?} ({} cores)",
        t.elapsed(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let source = ontolint::source::WorkTree::new(dir.path());
    let floor_t = time(runs, || floor(dir.path()));
    let ours_t = time(runs, || ours(dir.path()));
    let load_t = time(runs, || ontolint::model::load(&source).unwrap());
    let mut findings = 0;
    let check_t = time(runs, || {
        let outcome = ontolint::check::run(&source, None).unwrap();
        findings = outcome.findings.len();
        outcome
    });
    assert_eq!(findings, 0, "the generated catalog must be clean, or the benchmark measures error reporting");

    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/ontolint");
    let bin_t = bin.exists().then(|| {
        time(runs, || {
            let out = std::process::Command::new(&bin)
                .args(["--root", dir.path().to_str().unwrap(), "check", "--format", "concise"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0));
        })
    });

    let exe = std::env::current_exe().unwrap();
    let child =
        std::process::Command::new(&exe).args(["--child-check", dir.path().to_str().unwrap()]).output().unwrap();
    let child_out = String::from_utf8_lossy(&child.stdout);
    let peak_mib = child_out.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()).map(|k| k / 1024);

    let ratio = |d: Duration| d.as_secs_f64() / floor_t.as_secs_f64();
    println!("median of {runs} runs over {total} KPIs:");
    println!("  floor (read + serde_json parse): {floor_t:>10.2?}   1.00x");
    println!("  parse (read + ontolint parser):  {ours_t:>10.2?}   {:.2}x", ratio(ours_t));
    println!("  load  (read + spans + model):    {load_t:>10.2?}   {:.2}x", ratio(load_t));
    println!("  check (whole pipeline):          {check_t:>10.2?}   {:.2}x", ratio(check_t));
    match bin_t {
        Some(t) => println!("  binary (check --format concise):  {t:>10.2?}   {:.2}x", ratio(t)),
        None => println!("  binary: build it first with `cargo build --release`"),
    }
    match peak_mib {
        Some(m) => println!("  peak RSS of one check run:       {m:>7} MiB"),
        None => println!("  peak RSS: unavailable ({child_out})"),
    }
}
