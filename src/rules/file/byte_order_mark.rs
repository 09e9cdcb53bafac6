use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The file starts with a UTF-8 byte order mark.
    ///
    /// ## Why
    /// RFC 8259 forbids adding a byte order mark to JSON text. Many parsers reject
    /// it, and it makes byte-identical comparisons and diffs noisy. The file is
    /// still checked after the mark.
    ///
    /// ## Example
    /// A file whose first three bytes are `EF BB BF`, typically saved by Notepad:
    /// ```text
    /// <U+FEFF>{"rogueId": "sales.arr", ...}
    /// ```
    ///
    /// ## How to fix
    /// Save the file as "UTF-8" rather than "UTF-8 with BOM".
    pub ByteOrderMark {
        code: "FIL002",
        name: "byte-order-mark",
        category: File,
        severity: Warning,
        scope: File,
        message: "file starts with a UTF-8 byte order mark",
        since: "0.1.0",
    }
}

impl Check for ByteOrderMark {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            if file.bom {
                out.report_span(i, 0..3).help("save the file as UTF-8 without a byte order mark");
            }
        }
    }
}
