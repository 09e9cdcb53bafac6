use crate::rules::{Check, Context, Sink, declare_rule};
use jiff::civil::Date;

declare_rule! {
    /// A dispute is decided before it was opened.
    ///
    /// ## Why
    /// The dates of a dispute are its timeline in the KPI's history and in
    /// review reports. A decision dated before the opening is a typo in one of
    /// the two dates. (Whether each is a real calendar date is the schema's
    /// check, SCH001.)
    ///
    /// ## Example
    /// ```json,expect=DSP003 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "rejected", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": [], "decision": {"decidedAt": "2026-02-03", "summary": "Kept: no-decision losses are part of the sales outcome."}}
    /// ```
    /// Use instead: `"decidedAt": "2026-04-03"`.
    ///
    /// ## How to fix
    /// Correct `openedAt` or `decision.decidedAt`.
    pub DecidedBeforeOpened {
        code: "DSP003",
        name: "decided-before-opened",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute `{dispute}` is decided on {decided}, before it was opened on {opened}",
        since: "0.1.0",
    }
}

impl Check for DecidedBeforeOpened {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for d in &cx.catalog.disputes {
            let Some(decided) = d.decision.as_ref().and_then(|x| x.decided_at.as_deref()) else { continue };
            let Some(opened) = d.opened_at.as_deref() else { continue };
            let (Ok(a), Ok(b)) = (opened.parse::<Date>(), decided.parse::<Date>()) else { continue };
            if b < a {
                out.report(d.file, "/decision/decidedAt")
                    .about(d.kpi.as_deref())
                    .arg("dispute", d.name())
                    .arg("decided", decided)
                    .arg("opened", opened)
                    .label(d.file, "/openedAt", "opened here")
                    .help("correct `openedAt` or `decision.decidedAt`: a decision comes on or after the opening");
            }
        }
    }
}
