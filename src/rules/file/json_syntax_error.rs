use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The file is not valid JSON.
    ///
    /// ## Why
    /// A file that does not parse cannot be checked, built or read by any
    /// consumer. Only this error is reported for it: references from other KPIs
    /// to it still resolve, so one broken file does not flood the report.
    ///
    /// ## Example
    /// ```json,expect=FIL003 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate",}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate"}
    /// ```
    ///
    /// ## How to fix
    /// Fix the syntax at the reported position: JSON allows no comments, no
    /// trailing commas, only double-quoted strings and keys.
    pub JsonSyntaxError {
        code: "FIL003",
        name: "json-syntax-error",
        category: File,
        severity: Error,
        scope: File,
        message: "invalid JSON: {detail}",
        since: "0.1.0",
    }
}

impl Check for JsonSyntaxError {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            if let Some(e) = &file.syntax_error {
                let end = file.text[e.offset..].chars().next().map_or(e.offset, |c| e.offset + c.len_utf8());
                out.report_span(i, e.offset..end)
                    .arg("detail", &e.message)
                    .help("JSON allows no comments and no trailing commas; strings and keys take double quotes");
            }
        }
    }
}
