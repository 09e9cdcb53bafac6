//! Each test is named after the bug it guards.

use super::common::{catalog_with, check, fixtures, ontolint, write};

#[test]
fn human_header_counts_columns_in_characters_not_bytes() {
    let case = fixtures().join("rules/FIL003/invalid/multibyte_chars_before_error_column");
    let dir = catalog_with(Some(&case));
    let (_, hits, _) = check(dir.path(), &[]);
    let hit = hits.iter().find(|h| h.code == "FIL003").expect("a syntax error");
    let out = ontolint(dir.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let header = format!("[{}:{}:{}]", hit.file, hit.line, hit.column);
    assert!(text.contains(&header), "human header should be {header}:\n{text}");
}

#[test]
fn schema_message_names_a_whole_kpi_instead_of_dumping_it() {
    let dir = catalog_with(None);
    let arr = std::fs::read_to_string(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(dir.path(), "ontology/sales/arr.json", format!("[{arr}]"));
    let (_, _, report) = check(dir.path(), &[]);
    let msgs: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "SCH001")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(msgs, vec!["an array of 1 item is not of type \"object\""]);
}

#[test]
fn broken_standards_registry_yields_only_its_own_error() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/standards.json", "{\"standards\": [,]}\n");
    let (_, hits, _) = check(dir.path(), &[]);
    let codes: Vec<&str> = hits.iter().map(|h| h.code.as_str()).collect();
    assert_eq!(codes, vec!["FIL003"], "{hits:?}");
}

#[test]
fn missing_standards_registry_means_nothing_is_registered() {
    let dir = catalog_with(None);
    std::fs::remove_file(dir.path().join("ontology/standards.json")).unwrap();
    let (_, hits, _) = check(dir.path(), &[]);
    let codes: Vec<&str> = hits.iter().map(|h| h.code.as_str()).collect();
    assert_eq!(codes, vec!["TIR003", "TIR003"], "both published KPIs cite an unregistered standard");
}

#[test]
fn bom_is_not_counted_as_a_column() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/bad.json", "\u{feff}{\"a\" 1}");
    let (_, hits, _) = check(dir.path(), &[]);
    let syntax = hits.iter().find(|h| h.code == "FIL003").unwrap();
    assert_eq!((syntax.line, syntax.column), (1, 6));
    let bom = hits.iter().find(|h| h.code == "FIL002").unwrap();
    assert_eq!((bom.line, bom.column), (1, 1));
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn finding_past_column_65535_does_not_crash_human_output() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/long.json", format!("{}x", " ".repeat(65_536)));
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("[ontology/sales/long.json:1:65537]"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() < 300), "long lines are windowed");
}

#[cfg(unix)]
#[test]
fn file_name_that_is_not_utf8_is_still_checked() {
    use std::os::unix::ffi::OsStrExt;
    let dir = catalog_with(None);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    std::fs::write(dir.path().join("ontology/sales").join(name), "{").unwrap();
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!(exit, 1);
    assert!(hits.iter().any(|h| h.code == "FIL003" && h.file == "ontology/sales/caf\u{fffd}.json"), "{hits:?}");
}

#[test]
fn lone_cr_line_endings_give_the_positions_editors_show() {
    let dir = catalog_with(None);
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    let wr = wr.replace("\"relatedKpiIds\": []", "\"relatedKpiIds\": [\n    \"sales.nope\"\n  ]").replace('\n', "\r");
    write(dir.path(), "ontology/sales/win_rate.json", &wr);
    let (_, hits, _) = check(dir.path(), &[]);
    let hit = hits.iter().find(|h| h.code == "REF001").unwrap();
    let line = wr.split('\r').position(|l| l.contains("sales.nope")).unwrap() as u64 + 1;
    assert_eq!((hit.line, hit.column), (line, 5));
    let human = stdout(&ontolint(dir.path(), &["check"]));
    assert!(human.contains(&format!("win_rate.json:{line}:5]")), "{human}");
    assert!(!human.contains('\r'));
}

#[test]
fn repeated_findings_get_distinct_fingerprints() {
    let dir = catalog_with(None);
    let arr = std::fs::read(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(dir.path(), "ontology/sales/zz_copy.json", &arr);
    write(dir.path(), "ontology/sales/zz_copy2.json", &arr);
    write(dir.path(), "ontology/sales/keys.json", r#"{"a": 1, "a": 2, "a": 3}"#);
    let (_, _, report) = check(dir.path(), &[]);
    let prints: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["fingerprint"].as_str().unwrap()).collect();
    let unique: std::collections::BTreeSet<&&str> = prints.iter().collect();
    assert_eq!(unique.len(), prints.len(), "fingerprints collide: {prints:?}");
}

#[test]
fn duplicate_key_label_carries_the_first_key_pointer() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/keys.json", r#"{"b": {"a": 1, "a": 2}}"#);
    let (_, _, report) = check(dir.path(), &[]);
    let f = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "FIL004").unwrap().clone();
    assert_eq!(f["pointer"], "/b/a");
    assert_eq!(f["related"][0]["pointer"], "/b/a");
    assert_eq!((f["related"][0]["line"].as_u64(), f["related"][0]["column"].as_u64()), (Some(1), Some(8)));
}

#[test]
fn control_characters_from_files_never_reach_the_terminal() {
    let dir = catalog_with(None);
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    write(
        dir.path(),
        "ontology/sales/win_rate.json",
        wr.replace("\"unit\": \"%\"", "\"unit\": \"\\u001b]0;x\\u0007\""),
    );
    write(dir.path(), "ontology/sales/bin.json", b"{\x1b[31m\x07}");
    for format in ["concise", "human"] {
        let text = stdout(&ontolint(dir.path(), &["check", "--format", format]));
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{format}: {text:?}");
        assert!(text.contains("\\u{1b}]0;x\\u{7}"), "{format} shows the escape: {text}");
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_dangling_ones_named() {
    let dir = catalog_with(None);
    std::os::unix::fs::symlink("win_rate.json", dir.path().join("ontology/sales/linked.json")).unwrap();
    let (_, hits, _) = check(dir.path(), &[]);
    assert!(hits.iter().any(|h| h.file == "ontology/sales/linked.json" && h.code == "IDN002"), "{hits:?}");
    std::os::unix::fs::symlink("nowhere.json", dir.path().join("ontology/sales/dangling.json")).unwrap();
    // A dangling link is that file's finding (FIL005), named with its path.
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!(exit, 1);
    assert!(hits.iter().any(|h| h.file == "ontology/sales/dangling.json" && h.code == "FIL005"), "{hits:?}");
}

#[test]
fn hidden_folders_are_not_part_of_the_catalog() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/.git/x.json", "{");
    write(dir.path(), "ontology/.backup.json", "{");
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hits.len()), (0, 0), "{hits:?}");
}

#[test]
fn a_manifest_that_breaks_its_schema_does_not_flood_the_kpis() {
    let dir = catalog_with(None);
    write(
        dir.path(),
        "ontology/catalog.json",
        r#"{"version": "1.0.0", "releasedAt": "2026-01-15", "editorialSourceName": "Test Editorial", "domains": "sales"}"#,
    );
    let (_, hits, _) = check(dir.path(), &[]);
    let codes: Vec<&str> = hits.iter().map(|h| h.code.as_str()).collect();
    assert_eq!(codes, vec!["SCH001"], "{hits:?}");
}

#[test]
fn a_registry_prefix_that_is_no_url_does_not_flood_the_kpis() {
    let dir = catalog_with(None);
    let reg = std::fs::read_to_string(dir.path().join("ontology/standards.json")).unwrap();
    write(dir.path(), "ontology/standards.json", reg.replace("https://metrics.example.org/", "notaurl"));
    let (_, hits, _) = check(dir.path(), &[]);
    let codes: Vec<&str> = hits.iter().map(|h| h.code.as_str()).collect();
    assert!(!codes.contains(&"TIR004"), "{hits:?}");
}

#[test]
fn url_prefix_is_matched_at_a_path_boundary() {
    let dir = catalog_with(None);
    let reg = std::fs::read_to_string(dir.path().join("ontology/standards.json")).unwrap();
    write(
        dir.path(),
        "ontology/standards.json",
        reg.replace("https://metrics.example.org/", "https://metrics.example.org"),
    );
    let arr = std::fs::read_to_string(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(
        dir.path(),
        "ontology/sales/arr.json",
        arr.replace("https://metrics.example.org/arr", "https://metrics.example.org.evil.net/arr"),
    );
    let (_, hits, _) = check(dir.path(), &[]);
    assert!(hits.iter().any(|h| h.code == "TIR004"), "{hits:?}");
}

#[test]
fn missing_properties_show_one_line_not_the_whole_file() {
    let dir = catalog_with(None);
    let arr = std::fs::read_to_string(dir.path().join("ontology/sales/arr.json")).unwrap();
    let arr = arr.replace("  \"unit\": \"USD\",\n", "").replace("  \"maturity\": \"general\",\n", "");
    write(dir.path(), "ontology/sales/arr.json", &arr);
    let text = stdout(&ontolint(dir.path(), &["check"]));
    assert!(text.lines().count() < 40, "{text}");
}

#[test]
fn root_that_does_not_exist_or_is_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let out = ontolint(&missing, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    write(dir.path(), "file", "x");
    let out = ontolint(&dir.path().join("file"), &["check"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file"));
}

#[test]
fn invalid_ontolint_toml_exits_2_with_its_position() {
    let dir = catalog_with(None);
    write(dir.path(), "ontolint.toml", "this is = = not toml\n");
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ontolint.toml:1:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn explain_hides_the_example_harness_annotations() {
    let dir = catalog_with(None);
    let text = stdout(&ontolint(dir.path(), &["explain", "REF001"]));
    assert!(text.contains("```json\n") && !text.contains("expect="), "{text}");
}

#[test]
fn misplaced_copy_is_not_told_to_overwrite_the_original() {
    let dir = catalog_with(None);
    let arr = std::fs::read(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(dir.path(), "ontology/sales/zz_copy.json", &arr);
    let (_, _, report) = check(dir.path(), &[]);
    let f = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "IDN002").unwrap().clone();
    assert!(!f["help"].as_str().unwrap().contains("git mv"), "{f}");
}

#[test]
fn output_inside_the_catalog_is_refused_and_nothing_is_overwritten() {
    let dir = catalog_with(None);
    let arr = dir.path().join("ontology/sales/arr.json");
    let before = std::fs::read(&arr).unwrap();
    let out = ontolint(dir.path(), &["check", "--output", &format!("json={}", arr.display())]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&arr).unwrap(), before);
    let new = dir.path().join("ontology/report.json");
    let out = ontolint(dir.path(), &["check", "--output", &format!("sarif={}", new.display())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!new.exists());
}

#[test]
fn the_same_output_file_twice_is_refused() {
    let dir = catalog_with(None);
    let a = dir.path().join("same.out");
    let b = dir.path().join(".").join("same.out");
    let out = ontolint(
        dir.path(),
        &["check", "--output", &format!("sarif={}", a.display()), "--output", &format!("junit={}", b.display())],
    );
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_empty_select_is_an_error_not_every_rule_off() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/bad.json", "{");
    for value in ["", "REF,,"] {
        let out = ontolint(dir.path(), &["check", "--select", value]);
        assert_eq!(out.status.code(), Some(2), "{value:?}");
    }
}

#[test]
fn an_unwritable_step_summary_warns_and_keeps_the_verdict() {
    let dir = catalog_with(None);
    write(dir.path(), "ontology/sales/bad.json", "{");
    let out = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .args(["--root", dir.path().to_str().unwrap(), "check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", dir.path().join("no/such/dir/summary.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("GITHUB_STEP_SUMMARY"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error"));
}

#[cfg(unix)]
#[test]
fn fmt_check_reports_a_link_out_of_the_catalog_as_fmt_does() {
    let dir = catalog_with(None);
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "kpi.json", "{\"rogueId\":\"sales.linked\"}");
    std::os::unix::fs::symlink(outside.path().join("kpi.json"), dir.path().join("ontology/sales/linked.json")).unwrap();
    let check = ontolint(dir.path(), &["fmt", "--check"]);
    assert!(!stdout(&check).contains("would reformat ontology/sales/linked.json"), "{}", stdout(&check));
    assert!(stdout(&check).contains("outside the catalog"), "{}", stdout(&check));
}

#[test]
fn conflicting_severities_for_one_rule_are_an_error() {
    let dir = catalog_with(None);
    write(dir.path(), "ontolint.toml", "[severity]\nEDT005 = \"error\"\nmissing-common-pitfall = \"warning\"\n");
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn did_you_mean_never_suggests_what_was_typed() {
    let dir = catalog_with(None);
    write(dir.path(), "ontolint.toml", "[severity]\nEDT = \"off\"\n");
    let out = ontolint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("did you mean `EDT`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_toml_date_is_accepted_for_expires() {
    let dir = catalog_with(None);
    write(
        dir.path(),
        "ontolint.toml",
        "[[ignore]]\nrule = \"EDT005\"\nkpi = \"sales.win_rate\"\nreason = \"r\"\nexpires = 2999-06-30\n",
    );
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    write(dir.path(), "ontology/sales/win_rate.json", wr.replace(" Common pitfall: mixing periods.", ""));
    let (exit, hits, _) = check(dir.path(), &[]);
    assert_eq!((exit, hits.len()), (0, 0), "{hits:?}");
}

#[test]
fn carriage_returns_in_messages_are_shown_as_backslash_r() {
    let dir = catalog_with(None);
    let wr = std::fs::read_to_string(dir.path().join("ontology/sales/win_rate.json")).unwrap();
    write(dir.path(), "ontology/sales/win_rate.json", wr.replace("\"unit\": \"%\"", "\"unit\": \"a\\rb\""));
    let text = stdout(&ontolint(dir.path(), &["check", "--format", "concise"]));
    assert!(text.contains("`a\\rb`"), "{text}");
}

#[test]
fn the_ontology_folder_can_be_named_in_the_config() {
    let dir = catalog_with(None);
    std::fs::rename(dir.path().join("ontology"), dir.path().join("kpis")).unwrap();
    write(dir.path(), "ontolint.toml", "ontology = \"kpis\"\n");
    let (exit, hits, report) = check(dir.path(), &[]);
    assert_eq!((exit, hits.len()), (0, 0), "{hits:?}");
    assert_eq!(report["summary"]["kpis"], 6);
    write(dir.path(), "kpis/sales/bad.json", "{");
    let (_, hits, _) = check(dir.path(), &[]);
    assert_eq!(hits.iter().map(|h| h.file.as_str()).collect::<Vec<_>>(), vec!["kpis/sales/bad.json"]);
    let fmt = ontolint(dir.path(), &["fmt", "--check", dir.path().join("kpis/sales/arr.json").to_str().unwrap()]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stdout(&fmt));
    let config = stdout(&ontolint(dir.path(), &["config"]));
    assert!(config.contains("ontology = \"kpis\""), "{config}");
    write(dir.path(), "ontolint.toml", "ontology = \"../elsewhere\"\n");
    assert_eq!(ontolint(dir.path(), &["check"]).status.code(), Some(2));
}

/// A dangling link stopped `check` and `fmt` with exit 2 (input unreadable)
/// instead of being one file's finding.
#[cfg(unix)]
#[test]
fn a_dangling_link_is_one_files_finding_not_the_end_of_the_run() {
    let dir = catalog_with(None);
    std::os::unix::fs::symlink("gone.json", dir.path().join("ontology/sales/ghost.json")).unwrap();
    // A KPI that refers to the link's id still resolves: no cascade.
    let arr = std::fs::read_to_string(dir.path().join("ontology/sales/arr.json")).unwrap();
    write(
        dir.path(),
        "ontology/sales/arr.json",
        arr.replacen("\"relatedKpiIds\": [", "\"relatedKpiIds\": [\"sales.ghost\", ", 1),
    );
    let (exit, hits, _) = check(dir.path(), &[]);
    let found: Vec<String> = hits.iter().map(|h| format!("{} {}:{}:{}", h.code, h.file, h.line, h.column)).collect();
    assert_eq!((exit, found), (1, vec!["FIL005 ontology/sales/ghost.json:1:1".to_string()]));
    let out = ontolint(dir.path(), &["fmt", "--check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("ontology/sales/ghost.json: error:") && text.contains("gone.json"), "{text}");
    assert!(text.contains("1 with errors"), "the other files are still formatted: {text}");
}

/// `--output` into a folder that does not exist named a random temporary
/// file (`… at path "missing/.tmpXXXX"`): the message changed on every run.
#[test]
fn output_into_a_missing_folder_names_the_target_not_a_temporary_file() {
    let dir = catalog_with(None);
    let target = dir.path().join("missing/report.sarif");
    let arg = format!("sarif={}", target.display());
    let runs: Vec<String> = (0..2)
        .map(|_| {
            let out = ontolint(dir.path(), &["check", "--output", &arg]);
            assert_eq!(out.status.code(), Some(2));
            String::from_utf8_lossy(&out.stderr).into_owned()
        })
        .collect();
    assert_eq!(runs[0], runs[1], "the message is the same on every run");
    assert!(runs[0].contains(&format!("cannot write `{}`", target.display())), "{}", runs[0]);
    assert!(!runs[0].contains("at path") && !runs[0].contains("missing/.tmp"), "{}", runs[0]);
}

/// A report written with `--output` was created with mode 0600 (the
/// temporary file's), unlike any other new file.
#[cfg(unix)]
#[test]
fn a_new_output_file_gets_the_mode_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = catalog_with(None);
    let report = dir.path().join("report.json");
    let out = ontolint(dir.path(), &["check", "--output", &format!("json={}", report.display())]);
    assert_eq!(out.status.code(), Some(0));
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "").unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&report), mode(&plain), "0666 less the umask");
}

/// An unknown `[bump]` kind or a bad `ontology` folder was located at the
/// first mention of its text, which could be a comment above it.
#[test]
fn config_errors_point_at_the_key_not_at_a_comment_that_mentions_it() {
    let dir = catalog_with(None);
    let stderr = |toml: &str| {
        write(dir.path(), "ontolint.toml", toml);
        let out = ontolint(dir.path(), &["config"]);
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let bump = stderr("[bump]\n# formula-change was minor\nformula-change = \"minor\"\n");
    assert!(bump.contains("ontolint.toml:3:1: unknown change kind `formula-change`"), "{bump}");
    let folder = stderr("# ontology: see below\nontology = \"a b\"\n");
    assert!(folder.contains("ontolint.toml:2:1: ontology `a b` is not a folder name"), "{folder}");
}

/// `--output json=report.json` (a bare file name, relative to the working
/// directory) must be written there: its parent is the empty path.
#[test]
fn an_output_named_without_a_folder_lands_in_the_working_directory() {
    let dir = catalog_with(None);
    let cwd = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("ontolint")
        .unwrap()
        .current_dir(cwd.path())
        .args(["--root", dir.path().to_str().unwrap(), "check", "--output", "json=report.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = std::fs::read_to_string(cwd.path().join("report.json")).unwrap();
    assert!(report.contains("\"schemaVersion\""), "{report}");
}

/// `--output json=` said "no path after `Json=`": the Rust name of the format.
#[test]
fn output_without_a_path_names_the_format_as_typed() {
    let dir = catalog_with(None);
    let out = ontolint(dir.path(), &["check", "--output", "json="]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no path after `json=`"), "{stderr}");
}
