use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A dispute's `id` differs from its file name.
    ///
    /// ## Why
    /// A dispute is cited by its id (`DSP-0007`) in pull requests, changelogs
    /// and reports, and found by its file `ontology/disputes/DSP-0007.json`.
    /// When the two differ, a link or a later status change lands on the wrong
    /// record. The id's own form (`DSP-` and four or more digits) is part of
    /// the schema (SCH001).
    ///
    /// ## Example
    /// ```json,expect=DSP001 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0002", "kpi": "sales.win_rate", "kind": "definition", "status": "open", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": []}
    /// ```
    /// Use instead:
    /// ```json path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "open", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": []}
    /// ```
    ///
    /// ## How to fix
    /// Rename the file to `<id>.json`, or correct the id; ids are never reused.
    pub DisputeIdMismatch {
        code: "DSP001",
        name: "dispute-id-mismatch",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute id `{id}` does not match its file name `{file}.json`",
        since: "0.1.0",
    }
}

impl Check for DisputeIdMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for d in &cx.catalog.disputes {
            let Some(id) = &d.id else { continue };
            if *id != d.file_stem {
                out.report(d.file, "/id")
                    .about(d.kpi.as_deref())
                    .arg("id", id)
                    .arg("file", &d.file_stem)
                    .help(format!("rename the file to `{id}.json`, or set `\"id\": \"{}\"`", d.file_stem));
            }
        }
    }
}
