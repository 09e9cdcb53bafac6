//! Fingerprints stable across unrelated edits: a hash of the rule code, the KPI
//! id, the JSON pointer and the message arguments — never of the rendered text
//! or of the line number, so moving a KPI's lines does not change it.

use sha2::{Digest, Sha256};

pub fn fingerprint(code: &str, kpi: Option<&str>, file: &str, pointer: &str, args: &[(&str, String)]) -> String {
    let mut h = Sha256::new();
    // The KPI id identifies the subject when there is one; otherwise the file does.
    let subject = kpi.unwrap_or(file);
    for part in [code, subject, pointer] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let mut sorted: Vec<_> = args.iter().collect();
    sorted.sort();
    for (k, v) in sorted {
        h.update(k.as_bytes());
        h.update([1u8]);
        h.update(v.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Gives repeated fingerprints (the same rule, subject, pointer and arguments
/// reported at several places: copies of one KPI, a key written three times) a
/// stable occurrence suffix, in output order, so every finding keys uniquely.
pub fn disambiguate(findings: &mut [super::Finding]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in findings.iter_mut() {
        let n = seen.entry(f.fingerprint.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut h = Sha256::new();
            h.update(f.fingerprint.as_bytes());
            h.update(format!(":{n}").as_bytes());
            f.fingerprint = h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_inputs_same_fingerprint_and_arg_order_is_irrelevant() {
        let a = fingerprint("REF001", Some("sales.arr"), "f", "/x", &[("a", "1".into()), ("b", "2".into())]);
        let b = fingerprint("REF001", Some("sales.arr"), "f", "/x", &[("b", "2".into()), ("a", "1".into())]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn any_part_changes_it() {
        let base = fingerprint("REF001", Some("k"), "f", "/x", &[]);
        assert_ne!(base, fingerprint("REF002", Some("k"), "f", "/x", &[]));
        assert_ne!(base, fingerprint("REF001", Some("j"), "f", "/x", &[]));
        assert_ne!(base, fingerprint("REF001", Some("k"), "f", "/y", &[]));
        assert_ne!(base, fingerprint("REF001", Some("k"), "f", "/x", &[("a", "1".into())]));
    }
}
