use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The file is not valid UTF-8.
    ///
    /// ## Why
    /// JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1). A file in
    /// Latin-1 or Windows-1252 shows mangled labels in the published catalog and
    /// breaks every consumer that decodes it strictly. Nothing else in the file is
    /// checked until it decodes.
    ///
    /// ## Example
    /// A description saved from a spreadsheet in Windows-1252, where `é` is the single byte `0xE9`:
    /// ```text
    /// "description": "Revenue recognised per caf\xE9 location ..."
    /// ```
    ///
    /// ## How to fix
    /// Re-save the file as UTF-8 (most editors offer "Save with encoding"), or
    /// convert it: `iconv -f WINDOWS-1252 -t UTF-8 in.json > out.json`.
    pub InvalidUtf8 {
        code: "FIL001",
        name: "invalid-utf8",
        category: File,
        severity: Error,
        scope: File,
        message: "file is not valid UTF-8: invalid byte sequence at byte {offset}",
        since: "0.1.0",
    }
}

impl Check for InvalidUtf8 {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            if let Some(at) = file.invalid_utf8 {
                let end = (at + 1).min(file.text.len());
                out.report_span(i, at..end)
                    .arg("offset", at)
                    .help("re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)");
            }
        }
    }
}
