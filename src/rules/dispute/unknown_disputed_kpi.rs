use crate::rules::{Check, Context, Sink, declare_rule};
use crate::source::PastKpis;

declare_rule! {
    /// A dispute names a KPI that neither the catalog nor its git history has.
    ///
    /// ## Why
    /// A dispute is about one KPI. A KPI removed since (renamed, merged,
    /// retired) keeps its disputes: they are part of its record. So when the
    /// KPI is missing now and the catalog is in a git repository, every commit
    /// reachable from HEAD is searched for its file
    /// `ontology/<domain>/<slug>.json`; only an id that no commit ever had is
    /// reported. The search runs only for such disputes, so `check` stays fast.
    /// Outside git (an exported folder) the history cannot be read, and a
    /// missing KPI is reported with a hint; in a shallow clone an id older than
    /// the clone is reported with the fetch to run.
    ///
    /// ## Example
    /// ```json,expect=DSP002 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_ratio", "kind": "definition", "status": "open", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": []}
    /// ```
    /// Use instead:
    /// ```json path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "open", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": []}
    /// ```
    ///
    /// ## How to fix
    /// Correct the rogueId. For a KPI removed long ago, run `check` in a full
    /// clone of the catalog (`git fetch --unshallow`).
    pub UnknownDisputedKpi {
        code: "DSP002",
        name: "unknown-disputed-kpi",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute `{dispute}` is about `{kpi}`, a KPI found neither in the catalog nor in its history",
        since: "0.1.0",
    }
}

impl Check for UnknownDisputedKpi {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for d in &cx.catalog.disputes {
            // A malformed id is the schema's finding alone.
            let Some(kpi) = d.wellformed_kpi() else { continue };
            if cx.catalog.resolves(kpi) {
                continue;
            }
            let help = match &cx.catalog.past_kpis {
                PastKpis::Searched { found, .. } if found.contains(kpi) => continue,
                PastKpis::Searched { shallow: true, .. } => format!(
                    "no commit of this shallow clone has `{kpi}`: fetch the whole history (`git fetch --unshallow`) if it was removed before, else correct the id"
                ),
                PastKpis::Searched { .. } => {
                    format!("no commit has ever had `{kpi}`: check the spelling of the rogueId")
                }
                PastKpis::NoHistory(why) => format!(
                    "{why}; a dispute about a removed KPI is checked against the git history: run `check` in the catalog's repository, or correct the id"
                ),
                PastKpis::NotSearched => "check the spelling of the rogueId".to_string(),
            };
            out.report(d.file, "/kpi").about(d.kpi.as_deref()).arg("dispute", d.name()).arg("kpi", kpi).help(help);
        }
    }
}
