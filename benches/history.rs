//! Benchmark: `history` and `report` on a generated repository of 5,000
//! commits touching 1,000 KPIs (10 domains × 100), built with `git
//! fast-import` in a temporary folder.
//!
//! Commit 1 adds the catalog; commit n (2..) rewords KPI (n − 2) mod 1,000 and
//! every 10th also bumps the catalog version. The followed KPI,
//! `d0.kpi_00000`, is changed 5 times and moved once. Reports the median of
//! the timeline walk in process, of the release binary's `history` and
//! `report kpi` end to end, and, as a floor, `git log --first-parent` limited
//! to the KPI's path. `cargo bench --bench history` (add `-- --commits N
//! --kpis K --runs R` to change the size).

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use support::{flag, time};

const DOMAINS: usize = 10;
const FOLLOWED: &str = "d0.kpi_00000";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn inline(out: &mut Vec<u8>, path: &str, data: &[u8]) {
    writeln!(out, "M 100644 inline {path}\ndata {}", data.len()).unwrap();
    out.extend_from_slice(data);
    out.push(b'\n');
}

fn pretty(v: &serde_json::Value) -> Vec<u8> {
    (serde_json::to_string_pretty(v).unwrap() + "\n").into_bytes()
}

/// The fast-import stream of the whole history.
fn stream(commits: usize, kpis: usize) -> Vec<u8> {
    let per_domain = kpis / DOMAINS;
    let mut out = Vec::new();
    let catalog = |patch: usize| {
        let domains: Vec<_> =
            (0..DOMAINS).map(|d| serde_json::json!({"id": format!("d{d}"), "label": format!("Domain {d}")})).collect();
        pretty(&serde_json::json!({"version": format!("1.0.{patch}"), "releasedAt": "2026-01-15",
            "editorialSourceName": "Bench Editorial", "domains": domains}))
    };
    let path_of = |d: usize, i: usize, moved: bool| {
        if moved && d == 0 && i == 0 {
            "ontology/d0/archive/kpi_00000.json".to_string()
        } else {
            format!("ontology/d{d}/kpi_{i:05}.json")
        }
    };
    let mut moved = false;
    for n in 1..=commits {
        writeln!(out, "commit refs/heads/main\nmark :{n}").unwrap();
        writeln!(out, "committer bench <bench@example.org> {} +0000", 1_767_000_000 + n * 60).unwrap();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut deleted: Vec<String> = Vec::new();
        let message;
        if n == 1 {
            message = "catalog 1.0.0".to_string();
            files.push(("ontology/catalog.json".into(), catalog(0)));
            let standards = serde_json::json!({"standards": [{"name": "Bench Standard", "urlPrefix": "https://standard.example.org/", "attributionNotice": "Not affiliated with the Bench Standard."}]});
            files.push(("ontology/standards.json".into(), pretty(&standards)));
            for d in 0..DOMAINS {
                for i in 0..per_domain {
                    files.push((path_of(d, i, false), pretty(&support::kpi(d, i, per_domain, i % 5 == 0))));
                }
            }
        } else {
            let k = (n - 2) % kpis;
            let (d, i) = (k / per_domain, k % per_domain);
            let mut v = support::kpi(d, i, per_domain, i % 5 == 0);
            v["description"] = format!("Revision {n}. {}", v["description"].as_str().unwrap()).into();
            if d == 0 && i == 0 && !moved && n > commits / 2 {
                // The followed KPI moves once, with a change.
                moved = true;
                deleted.push(path_of(0, 0, false));
            }
            files.push((path_of(d, i, moved), pretty(&v)));
            if n % 10 == 0 {
                files.push(("ontology/catalog.json".into(), catalog(n / 10)));
            }
            message = format!("reword d{d}.kpi_{i:05}");
        }
        writeln!(out, "data {}\n{message}", message.len()).unwrap();
        if n > 1 {
            writeln!(out, "from :{}", n - 1).unwrap();
        }
        for p in deleted {
            writeln!(out, "D {p}").unwrap();
        }
        for (p, data) in files {
            inline(&mut out, &p, &data);
        }
        out.push(b'\n');
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (commits, kpis, runs) =
        (flag(&args, "--commits", 5_000), flag(&args, "--kpis", 1_000), flag(&args, "--runs", 7));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    let started = std::time::Instant::now();
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    child.stdin.take().unwrap().write_all(&stream(commits, kpis)).unwrap();
    assert!(child.wait().unwrap().success(), "git fast-import failed");
    git(root, &["checkout", "-q", "-f", "main"]);
    let built = started.elapsed();

    let mut entries = 0;
    let walk = time(runs, || {
        let repo = ontolint::source::git::GitRepo::open(root).unwrap();
        let opts = ontolint::history::Options { all: false, bump_of: &|k| k.default_bump() };
        let t = ontolint::history::timeline(&repo, FOLLOWED, &opts, &mut |_, _| {}).unwrap();
        entries = t.entries.len();
        t
    });
    let floor = time(runs, || {
        git(
            root,
            &[
                "log",
                "--first-parent",
                "--format=%h",
                "--",
                "ontology/d0/kpi_00000.json",
                "ontology/d0/archive/kpi_00000.json",
            ],
        )
    });
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/ontolint");
    let run = |args: &[&str]| {
        let out = Command::new(&bin).arg("--root").arg(root).args(args).env_remove("GITHUB_BASE_REF").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let history = bin.exists().then(|| time(runs, || run(&["history", FOLLOWED])));
    let report = bin.exists().then(|| time(runs, || run(&["report", "kpi", FOLLOWED, "--format", "html"])));

    println!(
        "history of one KPI in {commits} commits touching {kpis} KPIs (repository built in {built:.2?}); {entries} timeline entries; median of {runs} runs:"
    );
    println!("  floor: git log --first-parent -- <its two paths>: {floor:>10.2?}");
    println!("  timeline walk (in process):                      {walk:>10.2?}");
    match (history, report) {
        (Some(h), Some(r)) => {
            println!("  binary `history ID`:                             {h:>10.2?}");
            println!("  binary `report kpi ID --format html`:            {r:>10.2?}");
        }
        _ => println!("  binary: build it first with `cargo build --release`"),
    }
}
