//! Meta-tests over the rule registry: codes, names, docs, examples, README.

mod common;

use ontolint::rules::{Category, RULES, RuleMeta, removed::REMOVED};
use std::collections::HashSet;
use std::path::Path;

fn metas() -> Vec<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).collect()
}

#[test]
fn codes_are_unique_well_formed_and_carry_their_category_prefix() {
    let mut seen = HashSet::new();
    for m in metas() {
        assert!(seen.insert(m.code), "duplicate code {}", m.code);
        assert_eq!(m.code.len(), 6, "{}", m.code);
        assert!(m.code[..3].chars().all(|c| c.is_ascii_uppercase()), "{}", m.code);
        assert!(m.code[3..].chars().all(|c| c.is_ascii_digit()), "{}", m.code);
        assert!(m.code.starts_with(m.category.prefix()), "{} is not in category {:?}", m.code, m.category);
        assert!(REMOVED.iter().all(|r| r.code != m.code), "{} reuses a removed code", m.code);
    }
}

#[test]
fn codes_and_names_round_trip() {
    let mut names = HashSet::new();
    for m in metas() {
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert_eq!(ontolint::rules::find(m.code).unwrap().meta().name, m.name);
        assert_eq!(ontolint::rules::find(m.name).unwrap().meta().code, m.code);
        assert!(m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()), "{}", m.name);
        for bad in ["no-", "use-", "prefer-", "avoid-"] {
            assert!(!m.name.starts_with(bad), "{} names a fix, not the problem", m.name);
        }
    }
}

#[test]
fn rules_are_listed_in_code_order() {
    let codes: Vec<&str> = metas().iter().map(|m| m.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_by_key(|c| (Category::ALL.iter().position(|cat| c.starts_with(cat.prefix())), *c));
    assert_eq!(codes, sorted);
}

#[test]
fn every_rule_is_documented_in_one_form() {
    for m in metas() {
        let docs = m.docs();
        for section in ["## Why", "## Example", "## How to fix"] {
            assert!(docs.contains(section), "{} docs lack `{section}`", m.code);
        }
        let s = m.summary();
        assert!(s.ends_with('.') && !s.ends_with(".."), "{} summary must be one sentence ending in `.`: {s}", m.code);
        assert!(s.len() <= 100, "{} summary is too long", m.code);
        assert!(!m.message.ends_with('.'), "{} message must not end with a period", m.code);
        assert!(!m.message.is_empty());
    }
}

#[test]
fn every_rule_file_is_registered_and_sits_in_its_category_folder() {
    let registered: HashSet<&str> = metas().iter().map(|m| m.file).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for m in metas() {
        let folder = format!("src/rules/{}/", m.category.folder());
        assert!(m.file.starts_with(&folder), "{} is declared in {}, not under {folder}", m.code, m.file);
    }
    for entry in walkdir::WalkDir::new(root.join("src/rules")).min_depth(2) {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if !text.contains("declare_rule! {") {
            continue; // helpers (mod.rs, mentions.rs) declare no rule
        }
        let rel = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        assert!(registered.contains(rel.as_str()), "{rel} declares a rule that is not in RULES");
    }
}

/// A fenced example from a rule's docs.
struct Example {
    expect: Option<String>,
    path: Option<String>,
    body: String,
}

fn examples(docs: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = docs.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.trim().strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        let mut words = info.split([',', ' ']).filter(|w| !w.is_empty());
        if words.next() != Some("json") {
            continue;
        }
        let mut ex = Example { expect: None, path: None, body };
        for w in words {
            if let Some(c) = w.strip_prefix("expect=") {
                ex.expect = Some(c.to_string());
            } else if let Some(p) = w.strip_prefix("path=") {
                ex.path = Some(p.to_string());
            }
        }
        out.push(ex);
    }
    out
}

fn codes_for(dir: &Path) -> Vec<String> {
    let source = ontolint::source::WorkTree::new(dir);
    let outcome = ontolint::check::run(&source, None).unwrap();
    outcome.findings.iter().map(|f| f.code().to_string()).collect()
}

#[test]
fn doc_examples_behave_as_they_claim() {
    let mut checked = 0;
    for m in metas() {
        let mut last_path = None;
        for ex in examples(&m.docs()) {
            let path = ex.path.clone().or(last_path.clone());
            last_path = path.clone();
            let Some(path) = path else { panic!("{}: example without path=", m.code) };
            let dir = common::catalog_with(None);
            common::write(dir.path(), &path, &ex.body);
            let codes = codes_for(dir.path());
            let n = codes.iter().filter(|c| *c == m.code).count();
            match &ex.expect {
                Some(code) => {
                    assert_eq!(code, m.code, "{}: example expects another rule", m.code);
                    assert_eq!(n, 1, "{}: `expect` example yields {n} findings of it: {codes:?}", m.code);
                }
                None => assert_eq!(n, 0, "{}: `use instead` example still yields it: {codes:?}", m.code),
            }
            checked += 1;
        }
    }
    assert!(checked >= RULES.len(), "only {checked} examples were run");
}

#[test]
fn every_rule_except_encoding_ones_has_a_runnable_failing_example() {
    for m in metas() {
        let has = examples(&m.docs()).iter().any(|e| e.expect.as_deref() == Some(m.code));
        // Bytes that a doc block cannot hold (FIL001, FIL002) or a file
        // system link (FIL005: its fixtures carry a `symlinks` list); diff rules need two states (their
        // fixtures under tests/fixtures/rules/VER*/ are git histories); config
        // rules judge ontolint.toml (their examples are ```toml blocks, and
        // their fixtures under tests/fixtures/rules/CFG*/ carry one).
        // FLW011 judges a never-sum pair of ontolint.toml (its example is a
        // ```toml block; its fixtures carry an ontolint.toml).
        let exempt = ["FIL001", "FIL002", "FIL005", "FLW011"].contains(&m.code)
            || matches!(m.scope, ontolint::rules::Scope::Diff | ontolint::rules::Scope::Config);
        assert!(has || exempt, "{} has no ```json,expect={} example", m.code, m.code);
    }
}

#[test]
fn readme_rule_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let body = ontolint::cli::commands::rules::markdown();
    let expected = ontolint::cli::commands::rules::replace_region(&readme, &body).expect("README has the rules region");
    assert!(
        readme == expected,
        "the README rule table is stale: run `cargo run -- rules --format markdown --write-readme`"
    );
}

#[test]
fn explain_prints_every_rule_page() {
    for m in metas() {
        let out = assert_cmd::Command::cargo_bin("ontolint").unwrap().args(["explain", m.code]).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(&format!("# {} ({})", m.name, m.code)), "{text}");
        assert!(text.contains("## How to fix"));
    }
}
