//! Imports only point left: a module may use only modules declared before it
//! in `src/lib.rs` (the pipeline order).

use std::path::Path;

#[test]
fn imports_follow_the_pipeline_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let order: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).collect();
    assert!(order.len() >= 8, "{order:?}");
    let mut violations = Vec::new();
    for (i, module) in order.iter().enumerate() {
        let dir = src.join(module);
        let files: Vec<_> = if dir.is_dir() {
            walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok).map(|e| e.into_path()).collect()
        } else {
            vec![src.join(format!("{module}.rs"))]
        };
        for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
            let text = std::fs::read_to_string(file).unwrap();
            for used in text.match_indices("crate::").map(|(at, _)| &text[at + 7..]) {
                let name: String = used.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if let Some(j) = order.iter().position(|m| *m == name)
                    && j > i
                {
                    violations.push(format!("{} uses crate::{name}", file.strip_prefix(&src).unwrap().display()));
                }
            }
        }
    }
    violations.sort();
    violations.dedup();
    assert!(violations.is_empty(), "imports pointing right:\n{}", violations.join("\n"));
}
