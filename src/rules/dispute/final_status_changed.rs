use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A dispute that was upheld, rejected or withdrawn changes status.
    ///
    /// ## Why
    /// Upheld, rejected and withdrawn are final (DESIGN §2.4): the catalog's
    /// releases and their changelog rest on them. Reopening a decided dispute
    /// rewrites that record; a new challenge to the same KPI is a new dispute
    /// with its own id. Disputes are matched by file between the base and the
    /// head.
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
        for head in &cx.catalog.disputes {
            let path = &cx.catalog.files[head.file].path;
            let Some(base) = diff.base.disputes.iter().find(|b| diff.base.files[b.file].path == *path) else {
                continue;
            };
            let (Some(was), Some(now)) = (base.status, head.status) else { continue };
            if was.is_final() && now != was {
                out.report(head.file, "/status")
                    .arg("dispute", head.name())
                    .arg("was", was.as_str())
                    .arg("now", now.as_str())
                    .help(format!(
                        "restore `\"status\": \"{}\"`; a new challenge is a new dispute file that cites `{}`",
                        was.as_str(),
                        head.name()
                    ));
            }
        }
    }
}
