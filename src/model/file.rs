use crate::parse::{DuplicateKey, SyntaxError};
use serde_json::Value;

/// What a file of the ontology is, from its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Catalog,
    Standards,
    /// `ontology/<domain>/…/<slug>.json`; `nested` when deeper than one folder.
    Kpi {
        domain: String,
        slug: String,
        nested: bool,
    },
    /// `ontology/disputes/<ID>.json`.
    Dispute {
        stem: String,
    },
    /// `ontology/flows/<id>.json`.
    Flow {
        stem: String,
    },
    /// Anything else under `ontology/` (nested files in reserved folders, stray files).
    Other,
}

/// One file as read and parsed.
#[derive(Debug)]
pub struct SourceFile {
    /// Root-relative path with `/` separators.
    pub path: String,
    pub kind: FileKind,
    /// The text (lossy for non-UTF-8 files, so positions can still be shown).
    pub text: String,
    pub bom: bool,
    /// Byte offset of the first invalid UTF-8 sequence.
    pub invalid_utf8: Option<usize>,
    pub syntax_error: Option<SyntaxError>,
    pub duplicates: Vec<DuplicateKey>,
    /// The parsed value; `None` when the file is not UTF-8 or not JSON.
    pub value: Option<Value>,
    /// Why the file could not be read at all (a dangling link): it has no text.
    pub read_error: Option<String>,
}

impl SourceFile {
    /// Byte offset where the JSON text starts (after a BOM).
    pub fn body_start(&self) -> usize {
        if self.bom { 3 } else { 0 }
    }

    pub fn is_kpi(&self) -> bool {
        matches!(self.kind, FileKind::Kpi { .. })
    }

    /// A file that is listed but cannot be read: no text, no value, the reason kept.
    pub fn unreadable(path: String, kind: FileKind, reason: String) -> Self {
        let mut file = Self::from_bytes(path, kind, b"null".to_vec());
        file.text.clear();
        file.value = None;
        file.read_error = Some(reason);
        file
    }

    /// Reads and parses raw bytes. Never fails: problems are kept for the file rules.
    pub fn from_bytes(path: String, kind: FileKind, bytes: Vec<u8>) -> Self {
        let (text, invalid_utf8) = match String::from_utf8(bytes) {
            Ok(t) => (t, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let bom = text.starts_with('\u{feff}');
        let mut file = SourceFile {
            path,
            kind,
            text,
            bom,
            invalid_utf8,
            syntax_error: None,
            duplicates: Vec::new(),
            value: None,
            read_error: None,
        };
        if file.invalid_utf8.is_none() {
            match crate::parse::parse(&file.text, file.body_start()) {
                Ok(parsed) => {
                    file.value = Some(parsed.value);
                    file.duplicates = parsed.duplicates;
                }
                Err(e) => file.syntax_error = Some(e),
            }
        }
        file
    }
}

/// Classifies a root-relative path.
pub fn classify(path: &str) -> FileKind {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [_, "catalog.json"] => FileKind::Catalog,
        [_, "standards.json"] => FileKind::Standards,
        [_, "disputes", name] => FileKind::Dispute { stem: name.strip_suffix(".json").unwrap_or(name).to_string() },
        [_, "flows", name] => FileKind::Flow { stem: name.strip_suffix(".json").unwrap_or(name).to_string() },
        [_, dir, .., name] if !crate::source::RESERVED_DIRS.contains(dir) && parts.len() >= 3 => FileKind::Kpi {
            domain: (*dir).to_string(),
            slug: name.strip_suffix(".json").unwrap_or(name).to_string(),
            nested: parts.len() > 3,
        },
        _ => FileKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        assert_eq!(classify("ontology/catalog.json"), FileKind::Catalog);
        assert_eq!(classify("ontology/standards.json"), FileKind::Standards);
        assert_eq!(
            classify("ontology/sales/arr.json"),
            FileKind::Kpi { domain: "sales".into(), slug: "arr".into(), nested: false }
        );
        assert!(matches!(classify("ontology/sales/x/arr.json"), FileKind::Kpi { nested: true, .. }));
        assert_eq!(classify("ontology/disputes/DSP-0001.json"), FileKind::Dispute { stem: "DSP-0001".into() });
        assert_eq!(classify("ontology/flows/sales.backlog.json"), FileKind::Flow { stem: "sales.backlog".into() });
        assert_eq!(classify("ontology/disputes/old/DSP-0001.json"), FileKind::Other);
        assert_eq!(classify("ontology/readme.json"), FileKind::Other);
    }
}
