//! Benchmark: `diff` of two generated 10,000-KPI catalogs that differ in 1,000
//! KPIs, the base read from git objects, the head from the working tree.
//!
//! Reports the median of the pipeline (`governance::run`) and of the release
//! binary end to end, and the peak RSS of one run. `cargo bench --bench diff`
//! (add `-- --kpis N --runs R` to change the size).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{generate, peak_rss_kib, time};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Edits `n` KPIs in place: wording, formulas and one block removal each third.
fn edit(root: &Path, n: usize) {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("ontology"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.depth() == 2 && e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.truncate(n);
    for (i, p) in files.iter().enumerate() {
        let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        match i % 3 {
            0 => v["description"] = format!("Reworded. {}", v["description"].as_str().unwrap()).into(),
            1 => v["formula"] = format!("{} (revised)", v["formula"].as_str().unwrap()).into(),
            _ => {
                v.as_object_mut().unwrap().remove("calculationPolicy");
            }
        }
        std::fs::write(p, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
    }
    let catalog = root.join("ontology/catalog.json");
    let mut c: serde_json::Value = serde_json::from_slice(&std::fs::read(&catalog).unwrap()).unwrap();
    c["version"] = "2.0.0".into();
    c["releasedAt"] = "2026-02-01".into();
    std::fs::write(catalog, serde_json::to_string_pretty(&c).unwrap()).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-diff") {
        let (root, base) = (PathBuf::from(&args[i + 1]), args[i + 2].clone());
        let o =
            ontolint::governance::run(&root, &ontolint::governance::Head::WorkTree, Some(&base), &|_| None).unwrap();
        println!("{} {}", o.changes.len(), peak_rss_kib().unwrap_or(0));
        return;
    }
    let (total, runs) = (support::flag(&args, "--kpis", 10_000), support::flag(&args, "--runs", 7));
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), total);
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "base"]);
    let base = git(dir.path(), &["rev-parse", "HEAD"]);
    edit(dir.path(), total / 10);

    let mut changes = 0;
    let pipeline = time(runs, || {
        let o = ontolint::governance::run(dir.path(), &ontolint::governance::Head::WorkTree, Some(&base), &|_| None)
            .unwrap();
        changes = o.changes.len();
        o
    });
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/ontolint");
    let binary = bin.exists().then(|| {
        time(runs, || {
            let out = Command::new(&bin)
                .args(["--root", dir.path().to_str().unwrap(), "diff", "--base", &base, "--format", "concise"])
                .env_remove("GITHUB_BASE_REF")
                .env_remove("CI_MERGE_REQUEST_TARGET_BRANCH_NAME")
                .env_remove("PRE_COMMIT_FROM_REF")
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
        })
    });
    let exe = std::env::current_exe().unwrap();
    let child = Command::new(exe).args(["--child-diff", dir.path().to_str().unwrap(), &base]).output().unwrap();
    let child_out = String::from_utf8_lossy(&child.stdout);
    let peak = child_out.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()).map(|k| k / 1024);

    println!("diff of two {total}-KPI catalogs, {} KPIs edited, {changes} changes; median of {runs} runs:", total / 10);
    println!("  pipeline (git base + work tree, classify, rules): {pipeline:>10.2?}");
    match binary {
        Some(t) => println!("  binary (diff --format concise):                  {t:>10.2?}"),
        None => println!("  binary: build it first with `cargo build --release`"),
    }
    match peak {
        Some(m) => println!("  peak RSS of one diff run:                        {m:>7} MiB"),
        None => println!("  peak RSS: unavailable ({child_out})"),
    }
}
