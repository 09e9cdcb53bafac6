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
