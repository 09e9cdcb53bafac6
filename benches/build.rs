//! Benchmark: `ontolint build` of a generated catalog of 10,000 KPIs.
//!
//! Reports medians over several runs, in the same process run:
//! - check: the `check` pipeline that `build` runs first (its floor);
//! - site: check + computing every file of the site in memory (API, schema, pages);
//! - write floor: writing the site's files into a fresh folder, nothing else;
//! - binary: the release binary end to end (`build --out DIR`, replacing the previous build).
//!
//! Run with `cargo bench --bench build` (add `-- --kpis N --runs R` to change the size).

use std::path::Path;
use std::time::Instant;

mod support;

use support::{generate, time};

fn write_all(dir: &Path, site: &ontolint::build::Site) {
    use rayon::prelude::*;
    let mut folders: Vec<&str> = site.files.keys().filter_map(|p| p.rsplit_once('/').map(|(d, _)| d)).collect();
    folders.sort_unstable();
    folders.dedup();
    for f in folders {
        std::fs::create_dir_all(dir.join(f)).unwrap();
    }
    site.files.par_iter().for_each(|(rel, bytes)| std::fs::write(dir.join(rel), bytes).unwrap());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
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
    let check_t = time(runs, || {
        let outcome = ontolint::check::run(&source, None).unwrap();
        assert!(outcome.findings.is_empty(), "the generated catalog must be clean");
        outcome
    });
    let mut files = 0;
    let mut bytes = 0;
    let site_t = time(runs, || {
        let outcome = ontolint::check::run(&source, None).unwrap();
        let site = ontolint::build::site(&outcome.catalog).unwrap();
        files = site.files.len();
        bytes = site.files.values().map(Vec::len).sum::<usize>();
        (outcome, site)
    });
    let outcome = ontolint::check::run(&source, None).unwrap();
    let site = ontolint::build::site(&outcome.catalog).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut n = 0;
    let write_t = time(runs, || {
        n += 1;
        let target = out.path().join(format!("floor-{n}"));
        write_all(&target, &site);
        target
    });

    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/ontolint");
    let site_dir = out.path().join("site");
    let bin_t = bin.exists().then(|| {
        time(runs, || {
            let run = std::process::Command::new(&bin)
                .args(["--root", dir.path().to_str().unwrap(), "build", "--out", site_dir.to_str().unwrap()])
                .output()
                .unwrap();
            assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
        })
    });
    println!("median of {runs} runs over {total} KPIs ({files} files, {:.1} MB):", bytes as f64 / 1e6);
    println!("  check pipeline (build's first step):  {check_t:>10.2?}");
    println!("  check + site in memory:               {site_t:>10.2?}");
    println!("  write floor (the files, nothing else): {write_t:>9.2?}");
    match bin_t {
        Some(t) => println!("  binary (build --out DIR, swap):       {t:>10.2?}   goal: under 2 s"),
        None => println!("  binary: build it first with `cargo build --release`"),
    }
}
