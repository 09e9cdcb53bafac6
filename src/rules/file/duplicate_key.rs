use crate::parse::pointer;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An object has the same key twice.
    ///
    /// ## Why
    /// JSON parsers disagree about duplicate keys: most keep the last value, some
    /// the first, some fail. An editor who fixes the first occurrence may see no
    /// change in the published catalog. The finding sits on the second key and
    /// names the first.
    ///
    /// ## Example
    /// ```json,expect=FIL004 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "unit": "%", "unit": "ratio"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "unit": "%"}
    /// ```
    ///
    /// ## How to fix
    /// Keep one occurrence of the key with the intended value and delete the other.
    pub DuplicateKey {
        code: "FIL004",
        name: "duplicate-key",
        category: File,
        severity: Error,
        scope: File,
        message: "duplicate key `{key}` in the same object",
        since: "0.1.0",
    }
}

impl Check for DuplicateKey {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            for d in &file.duplicates {
                let at = pointer::push(&d.object, &d.key);
                out.report_span(i, d.second.clone())
                    .pointer(at.clone())
                    .arg("key", &d.key)
                    .label_span(i, d.first.clone(), at, format!("`{}` first defined here", d.key))
                    .help("keep one occurrence; parsers disagree about which one wins");
            }
        }
    }
}
