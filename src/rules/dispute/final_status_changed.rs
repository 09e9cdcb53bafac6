use crate::model::Dispute;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A dispute that was upheld, rejected or withdrawn changes status or is removed.
    ///
    /// ## Why
    /// Upheld, rejected and withdrawn are final (DESIGN §2.4): the catalog's
    /// releases and their changelog rest on them. Reopening a decided dispute
    /// rewrites that record; a new challenge to the same KPI is a new dispute
    /// with its own id. Removing a decided dispute's file is reported too (its
    /// status is then `removed`). Disputes are matched by file between the
    /// base and the head, else by id (a renamed file).
    ///
    /// ## Example
    /// ```text
    /// ontology/disputes/DSP-0003.json: "status": "rejected" (base) → "open" (head)
    /// ```
    ///
    /// ## How to fix
    /// Restore the final status, and open a new dispute (`DSP-<next>`) that
    /// cites the old one.
    pub FinalStatusChanged {
        code: "DSP008",
        name: "final-status-changed",
        category: Dispute,
        severity: Error,
        scope: Diff,
        message: "dispute `{dispute}` was `{was}`, a final status, and is now `{now}`",
        since: "0.1.0",
    }
}

impl Check for FinalStatusChanged {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let path = |c: &crate::model::Catalog, d: &Dispute| c.files[d.file].path.clone();
        for base in &diff.base.disputes {
            let Some(was) = base.status.filter(|s| s.is_final()) else { continue };
            // Matched by file, else by id (a renamed file).
            let head = cx
                .catalog
                .disputes
                .iter()
                .find(|h| path(cx.catalog, h) == path(diff.base, base))
                .or_else(|| cx.catalog.disputes.iter().find(|h| h.id.is_some() && h.id == base.id));
            let help = format!(
                "restore `\"status\": \"{}\"`; a new challenge is a new dispute file that cites `{}`",
                was.as_str(),
                base.name()
            );
            match head {
                Some(head) => {
                    let now = match head.status {
                        Some(now) if now == was => continue,
                        Some(now) => now.as_str().to_string(),
                        // Not a status the schema knows (`"closed"`, `7`) or none: still not the final one.
                        None => match super::object(cx.catalog, head).and_then(|o| o.get("status")) {
                            Some(serde_json::Value::String(s)) => s.clone(),
                            Some(other) => other.to_string(),
                            None => "without a status".to_string(),
                        },
                    };
                    out.report(head.file, "/status")
                        .about(head.kpi.as_deref())
                        .arg("dispute", head.name())
                        .arg("was", was.as_str())
                        .arg("now", &now)
                        .help(help);
                }
                None => match cx.catalog.files.iter().position(|f| f.path == path(diff.base, base)) {
                    // A dispute file that does not parse in the head is its own finding (FIL003).
                    Some(i) if cx.catalog.files[i].value.is_none() => {}
                    // It parses, but is no dispute object any more (`[]`): the record is gone.
                    Some(i) => {
                        out.report(i, "")
                            .about(base.kpi.as_deref())
                            .arg("dispute", base.name())
                            .arg("was", was.as_str())
                            .arg("now", "not a dispute object")
                            .help(help);
                    }
                    None => {
                        out.report_base_file(base.file, "/status")
                            .about(base.kpi.as_deref())
                            .arg("dispute", base.name())
                            .arg("was", was.as_str())
                            .arg("now", "removed")
                            .help(format!("restore `{}`: a decided dispute stays on record", path(diff.base, base)));
                    }
                },
            }
        }
    }
}
