use crate::model::STAGES;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// suggestedForStages is not exactly the keys of stageRelevance in stage order.
    ///
    /// ## Why
    /// Both fields say which company stages should track the KPI: the list for
    /// quick filtering, the object with how strongly (`core` or `recommended`).
    /// When they disagree, a seed-stage founder and a Series B CFO get different
    /// answers from the same catalog. The list is in stage order: preSeed, seed,
    /// seriesA, seriesB, seriesC, public.
    ///
    /// ## Example
    /// ```json,expect=STG001 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "suggestedForStages": ["seriesB", "seriesA"], "stageRelevance": {"seriesA": "core", "seriesB": "core", "seriesC": "recommended"}}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "suggestedForStages": ["seriesA", "seriesB", "seriesC"], "stageRelevance": {"seriesA": "core", "seriesB": "core", "seriesC": "recommended"}}
    /// ```
    ///
    /// ## How to fix
    /// Set suggestedForStages to the keys of stageRelevance, in stage order.
    pub StageListMismatch {
        code: "STG001",
        name: "stage-list-mismatch",
        category: Stage,
        severity: Error,
        scope: Kpi,
        message: "suggestedForStages is {found} but the keys of stageRelevance in stage order are {expected}",
        since: "0.1.0",
    }
}

fn show(list: &[&str]) -> String {
    let quoted: Vec<String> = list.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

impl Check for StageListMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let (Some(suggested), Some(relevance)) = (&kpi.suggested_for_stages, &kpi.stage_relevance) else {
                continue;
            };
            let expected: Vec<&str> = STAGES.iter().copied().filter(|s| relevance.iter().any(|k| k == *s)).collect();
            let found: Vec<&str> = suggested.iter().map(String::as_str).collect();
            if found != expected {
                out.report_kpi(kpi, "/suggestedForStages")
                    .arg("found", show(&found))
                    .arg("expected", show(&expected))
                    .help(format!("set \"suggestedForStages\": {}", show(&expected)));
            }
        }
    }
}
