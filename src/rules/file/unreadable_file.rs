use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A file of the catalog is listed but cannot be read (a dangling symbolic link).
    ///
    /// ## Why
    /// A link whose target was moved or deleted still names a KPI, so the
    /// catalog looks complete while that definition is missing. It is reported
    /// as a finding of that file only: the other files are still checked, and
    /// references to the KPI its path implies still resolve.
    ///
    /// ## Example
    /// ```text
    /// ontology/sales/win_rate.json -> ../../shared/win_rate.json   (target deleted)
    /// ```
    /// Use instead: the file itself (or a link to one that exists).
    /// ```json path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales",
    ///  "defaultLabel": "Win Rate",
    ///  "description": "Share of closed opportunities that were won. Common pitfall: counting open deals.",
    ///  "fieldType": "percentage", "unit": "%", "maturity": "general",
    ///  "suggestedForStages": ["seed"], "defaultOwningFunctions": ["Sales"],
    ///  "stageRelevance": {"seed": "core"},
    ///  "definitionSource": {"tier": "editorial", "sourceName": "Test Editorial", "sourceUrl": null,
    ///    "sectionRef": null, "publicationDate": "2026-01-15", "attributionNotice": null},
    ///  "formula": "Won opportunities / closed opportunities x 100"}
    /// ```
    ///
    /// ## How to fix
    /// Point the link at an existing file, replace it with the file itself, or
    /// delete it.
    pub UnreadableFile {
        code: "FIL005",
        name: "unreadable-file",
        category: File,
        severity: Error,
        scope: File,
        message: "file cannot be read: {reason}",
        since: "0.1.0",
    }
}

impl Check for UnreadableFile {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            if let Some(reason) = &file.read_error {
                out.report_span(i, 0..0)
                    .arg("reason", reason)
                    .help("point the link at an existing file, replace it with the file itself, or delete it");
            }
        }
    }
}
