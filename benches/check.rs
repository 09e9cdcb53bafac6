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

mod support;

use support::{generate, peak_rss_kib, time};

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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: the floor in a fresh process (what the binary is compared with).
    if let Some(i) = args.iter().position(|a| a == "--child-floor") {
        floor(Path::new(&args[i + 1]));
        return;
    }
    // Child mode: one check run, then report this process's peak memory.
    if let Some(i) = args.iter().position(|a| a == "--child-check") {
        let root = PathBuf::from(&args[i + 1]);
        let outcome = ontolint::check::run(&ontolint::source::WorkTree::new(&root), None).unwrap();
        println!("{} {}", outcome.findings.len(), peak_rss_kib().unwrap_or(0));
        return;
    }
    let total = support::flag(&args, "--kpis", 10_000);
    let runs = support::flag(&args, "--runs", 7);
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
    // A fresh process pays for new memory (page faults) that a warm one reuses:
    // the binary is compared with the floor run the same way.
    let floor_process = time(runs, || {
        let out =
            std::process::Command::new(&exe).args(["--child-floor", dir.path().to_str().unwrap()]).output().unwrap();
        assert!(out.status.success());
    });
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
    println!("  floor in a fresh process:         {floor_process:>10.2?}   1.00x (process floor)");
    match bin_t {
        Some(t) => println!(
            "  binary (check --format concise):  {t:>10.2?}   {:.2}x the process floor",
            t.as_secs_f64() / floor_process.as_secs_f64()
        ),
        None => println!("  binary: build it first with `cargo build --release`"),
    }
    match peak_mib {
        Some(m) => println!("  peak RSS of one check run:       {m:>7} MiB"),
        None => println!("  peak RSS: unavailable ({child_out})"),
    }
}
