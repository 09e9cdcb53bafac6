//! `ontolint fmt`, `completions` and `man`.

use super::common::{catalog_with, ontolint, write};
use std::path::Path;

fn read(root: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(root.join(rel)).unwrap()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file under ontology/, with its bytes.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(root.join("ontology"))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(root).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Rewrites a KPI file compactly with its keys in alphabetical order (serde_json's map order).
fn scramble(root: &Path, rel: &str) {
    let v: serde_json::Value = serde_json::from_slice(&read(root, rel)).unwrap();
    write(root, rel, serde_json::to_string(&v).unwrap());
}

const ODD: &str = "\u{feff}{\r\n\"unknownB\": -0.0, \"description\": \"caf\\u00e9 \\ud83d\\ude00 a\\/b \\\"q\\\"\",\r\n\
\"benchmark\": {\"p75\": 12345678901234567890123, \"higherIsBetter\": true, \"p25\": 1.0, \"median\": 1e3},\r\n\
\"slug\": \"odd\", \"unknownA\": [1E+2, 0.10], \"rogueId\": \"sales.odd\",\r\n\
\"stageRelevance\": {\"public\": \"core\", \"seed\": \"core\"}}\r\n";

#[test]
fn values_survive_exactly_and_keys_take_the_canonical_order() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/odd.json", ODD);
    let out = ontolint(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("reformatted ontology/sales/odd.json"), "{}", stdout(&out));
    let text = String::from_utf8(read(dir.path(), "ontology/sales/odd.json")).unwrap();
    // Same data…
    let before: serde_json::Value = serde_json::from_str(ODD.trim_start_matches('\u{feff}')).unwrap();
    let after: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(before, after);
    // …spelled as it was.
    for raw in [
        "12345678901234567890123",
        "\"p25\": 1.0,",
        "\"median\": 1e3,",
        "-0.0",
        "1E+2",
        "0.10",
        r#""caf\u00e9 \ud83d\ude00 a\/b \"q\"""#,
    ] {
        assert!(text.contains(raw), "`{raw}` lost:\n{text}");
    }
    // No BOM, LF only, final newline, two-space indentation.
    assert!(!text.starts_with('\u{feff}') && !text.contains('\r') && text.ends_with("}\n"), "{text:?}");
    assert!(text.contains("\n  \"rogueId\": \"sales.odd\",\n"), "{text}");
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    let order = [
        "\"rogueId\"",
        "\"slug\"",
        "\"description\"",
        "\"stageRelevance\"",
        "\"seed\"",
        "\"public\"",
        "\"benchmark\"",
        "\"p25\"",
        "\"median\"",
        "\"p75\"",
        "\"higherIsBetter\"",
        "\"unknownB\"",
        "\"unknownA\"",
    ];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{} should come before {}:\n{text}", pair[0], pair[1]);
    }
}

#[test]
fn formatting_twice_is_formatting_once() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/odd.json", ODD);
    scramble(dir.path(), "ontology/sales/arr.json");
    assert_eq!(ontolint(dir.path(), &["fmt"]).status.code(), Some(0));
    let once = snapshot(dir.path());
    let again = ontolint(dir.path(), &["fmt"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).contains(" 0 reformatted"), "{}", stdout(&again));
    assert_eq!(snapshot(dir.path()), once);
    assert_eq!(ontolint(dir.path(), &["fmt", "--check"]).status.code(), Some(0));
    // The formatted catalog still checks clean, at the same findings.
    let check = ontolint(dir.path(), &["check", "--format", "concise"]);
    assert!(!stdout(&check).contains("FIL"), "{}", stdout(&check));
}

#[test]
fn a_broken_file_is_left_byte_identical_and_reported() {
    let dir = catalog_with(None);
    let broken = "{\r\n  \"rogueId\": \"sales.bad\",\r\n}\r\n";
    write(dir.path(), "ontology/sales/bad.json", broken);
    write(dir.path(), "ontology/sales/dup.json", r#"{"slug": "dup", "slug": "dup2"}"#);
    scramble(dir.path(), "ontology/finance/net_burn.json");
    let out = ontolint(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("ontology/sales/bad.json:3:1: error: invalid JSON: trailing comma"), "{text}");
    assert!(text.contains("ontology/sales/dup.json:1:17: error: duplicate key `slug`"), "{text}");
    assert_eq!(read(dir.path(), "ontology/sales/bad.json"), broken.as_bytes());
    assert_eq!(read(dir.path(), "ontology/sales/dup.json"), br#"{"slug": "dup", "slug": "dup2"}"#);
    // The other files are still formatted.
    assert!(text.contains("reformatted ontology/finance/net_burn.json"), "{text}");
    assert!(read(dir.path(), "ontology/finance/net_burn.json").starts_with(b"{\n  \"rogueId\""));
    // --check reports it too.
    assert_eq!(ontolint(dir.path(), &["fmt", "--check"]).status.code(), Some(1));
}

#[test]
fn check_lists_what_would_change_and_writes_nothing() {
    let dir = catalog_with(None);
    assert_eq!(ontolint(dir.path(), &["fmt"]).status.code(), Some(0));
    let clean = ontolint(dir.path(), &["fmt", "--check"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(!stdout(&clean).contains("would reformat "), "{}", stdout(&clean));
    scramble(dir.path(), "ontology/sales/mrr.json");
    scramble(dir.path(), "ontology/finance/gross_margin.json");
    let before = snapshot(dir.path());
    let out = ontolint(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let listed: Vec<&str> = stdout(&out).leak().lines().filter_map(|l| l.strip_prefix("would reformat ")).collect();
    assert_eq!(listed, ["ontology/finance/gross_margin.json", "ontology/sales/mrr.json"]);
    assert_eq!(snapshot(dir.path()), before, "--check wrote something");
}

#[test]
fn paths_narrow_what_is_formatted() {
    let dir = catalog_with(None);
    for f in ["ontology/sales/mrr.json", "ontology/sales/arr.json", "ontology/finance/net_burn.json"] {
        scramble(dir.path(), f);
    }
    let scrambled_burn = read(dir.path(), "ontology/finance/net_burn.json");
    let scrambled_arr = read(dir.path(), "ontology/sales/arr.json");
    let mrr = dir.path().join("ontology/sales/mrr.json");
    let out = ontolint(dir.path(), &["fmt", mrr.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("reformatted ontology/sales/mrr.json\n1 KPI file:"), "{}", stdout(&out));
    assert_eq!(read(dir.path(), "ontology/sales/arr.json"), scrambled_arr);
    // A folder selects its KPI files.
    let sales = dir.path().join("ontology/sales");
    assert_eq!(ontolint(dir.path(), &["fmt", sales.to_str().unwrap()]).status.code(), Some(0));
    assert_ne!(read(dir.path(), "ontology/sales/arr.json"), scrambled_arr);
    assert_eq!(read(dir.path(), "ontology/finance/net_burn.json"), scrambled_burn);
    // Not a KPI file, or outside the catalog: a usage error.
    let catalog = dir.path().join("ontology/catalog.json");
    assert_eq!(ontolint(dir.path(), &["fmt", catalog.to_str().unwrap()]).status.code(), Some(2));
    let elsewhere = tempfile::tempdir().unwrap();
    assert_eq!(ontolint(dir.path(), &["fmt", elsewhere.path().to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn catalog_and_standards_are_left_alone() {
    let dir = catalog_with(None);
    write(
        dir.path(),
        "ontology/catalog.json",
        std::fs::read_to_string(dir.path().join("ontology/catalog.json")).unwrap().replace('\n', "\r\n"),
    );
    let before = (read(dir.path(), "ontology/catalog.json"), read(dir.path(), "ontology/standards.json"));
    ontolint(dir.path(), &["fmt"]);
    assert_eq!((read(dir.path(), "ontology/catalog.json"), read(dir.path(), "ontology/standards.json")), before);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = catalog_with(None);
    scramble(dir.path(), "ontology/sales/mrr.json");
    let path = dir.path().join("ontology/sales/mrr.json");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(ontolint(dir.path(), &["fmt"]).status.code(), Some(0));
    assert!(read(dir.path(), "ontology/sales/mrr.json").starts_with(b"{\n  \"rogueId\""));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn the_shipped_catalog_is_formatted() {
    let out = ontolint(Path::new(env!("CARGO_MANIFEST_DIR")), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "run `cargo run -- fmt`:\n{}", stdout(&out));
}

#[test]
fn completions_and_man_page_come_from_the_command_line() {
    let dir = catalog_with(None);
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ontolint(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains("ontolint"), "{shell}");
    }
    let bash = stdout(&ontolint(dir.path(), &["completions", "bash"]));
    assert!(bash.contains("fmt") && bash.contains("--check"), "{bash}");
    let man = ontolint(dir.path(), &["man"]);
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(page.contains(".TH") && page.contains("ontolint"), "{page}");
    // One self-contained page: every command and its options are on it (no
    // `ontolint-check(1)` sub-pages that are never installed), and the exit status.
    assert!(!page.contains("ontolint\\-check(1)"), "refers to sub-pages:\n{page}");
    for needle in [
        ".SS \"ontolint check\"",
        ".SS \"ontolint diff\"",
        "\\-\\-fail\\-on",
        "\\-\\-allow\\-dirty",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(needle), "`{needle}` missing:\n{page}");
    }
    assert_eq!(ontolint(dir.path(), &["completions", "tcsh"]).status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_catalog_is_not_written_through() {
    let dir = catalog_with(None);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("kpi.json");
    std::fs::write(&target, r#"{"slug": "link", "rogueId": "sales.link"}"#).unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("ontology/sales/link.json")).unwrap();
    let out = ontolint(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("ontology/sales/link.json: error: links to"), "{}", stdout(&out));
    assert_eq!(std::fs::read(&target).unwrap(), br#"{"slug": "link", "rogueId": "sales.link"}"#);
    // --check reports it as fmt does (it could never be fixed by running fmt).
    let check = ontolint(dir.path(), &["fmt", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("ontology/sales/link.json: error: links to"), "{}", stdout(&check));
}

/// DESIGN §8: fmt never rewrites uncommitted work unless told to.
#[test]
fn fmt_refuses_files_with_uncommitted_changes_unless_allowed() {
    let repo = super::git::Repo::base();
    let rel = "ontology/sales/mrr.json";
    scramble(repo.path(), rel);
    let edited = read(repo.path(), rel);
    let out = repo.ontolint(&["fmt"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("uncommitted changes") && err.contains(rel) && err.contains("--allow-dirty"), "{err}");
    assert_eq!(read(repo.path(), rel), edited, "the uncommitted file was rewritten");
    // --check reads only, so it is never refused.
    assert_eq!(repo.ontolint(&["fmt", "--check"]).status.code(), Some(1));
    // Once committed it is formatted; with --allow-dirty it is formatted at once.
    repo.commit("scrambled");
    assert_eq!(repo.ontolint(&["fmt"]).status.code(), Some(0));
    assert_ne!(read(repo.path(), rel), edited);
    scramble(repo.path(), rel);
    let out = repo.ontolint(&["fmt", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(repo.ontolint(&["fmt", "--check"]).status.code(), Some(0));
}
