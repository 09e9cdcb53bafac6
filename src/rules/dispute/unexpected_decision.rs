use super::object;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A dispute that is open, under review or withdrawn records a decision.
    ///
    /// ## Why
    /// A decision belongs to an upheld or rejected dispute only. On an open or
    /// under-review one it is either premature or the status was not updated;
    /// a withdrawn dispute ends without a decision. Reports would show an
    /// outcome that did not happen.
    ///
    /// ## Example
    /// ```json,expect=DSP005 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "under-review", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": [], "decision": {"decidedAt": "2026-04-03", "summary": "Kept: no-decision losses are part of the sales outcome."}}
    /// ```
    /// Use instead: `"status": "rejected"` with the decision, or no decision yet.
    ///
    /// ## How to fix
    /// Set the status the decision implies (upheld or rejected), or remove the
    /// decision until there is one.
    pub UnexpectedDecision {
        code: "DSP005",
        name: "unexpected-decision",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute `{dispute}` is `{status}` but records a decision",
        since: "0.1.0",
    }
}

impl Check for UnexpectedDecision {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for d in &cx.catalog.disputes {
            let Some(status) = d.status.filter(|s| !s.needs_decision()) else { continue };
            if !object(cx.catalog, d).is_some_and(|o| o.contains_key("decision")) {
                continue;
            }
            out.report(d.file, "/decision")
                .about(d.kpi.as_deref())
                .on_key()
                .arg("dispute", d.name())
                .arg("status", status.as_str())
                .label(d.file, "/status", "status set here")
                .help("set `status` to `upheld` or `rejected` to match the decision, or remove `decision`");
        }
    }
}
