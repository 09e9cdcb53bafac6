use crate::rules::reference::mentions;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A formula adds both KPIs of a never-sum pair.
    ///
    /// ## Why
    /// Some KPIs must never be added together: signed backlog and unsigned
    /// pipeline, for example. A formula that joins the two with `+` publishes
    /// exactly that sum. The pairs come from `never-sum` in ontolint.toml
    /// (default: `sales.bookings_backlog` and `sales.pipeline_value`). The two
    /// are joined when only `+`, spaces, backticks, parentheses and other KPI
    /// ids stand between them.
    ///
    /// ## Example
    /// ```json,expect=FLW010 path=ontology/sales/mrr.json
    /// {"rogueId": "sales.mrr", "slug": "mrr", "domain": "sales", "formula": "`sales.bookings_backlog` + `sales.pipeline_value`"}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.mrr", "slug": "mrr", "domain": "sales", "formula": "`sales.bookings_backlog` ÷ `sales.pipeline_value`"}
    /// ```
    ///
    /// ## How to fix
    /// Report the two KPIs side by side instead of in one total.
    pub NeverSumInFormula {
        code: "FLW010",
        name: "never-sum-pair-in-formula",
        category: Flow,
        severity: Error,
        scope: Catalog,
        message: "formula adds `{a}` and `{b}`, which must never be summed",
        since: "0.1.0",
    }
}

/// Whether the text between two mentions joins them by addition: only `+`
/// (at least one), whitespace, backticks and parentheses once other mentions
/// are blanked out.
fn joined_by_plus(formula: &str, between: std::ops::Range<usize>, others: &[mentions::Mention]) -> bool {
    let mut plus = false;
    for (i, c) in formula[between.clone()].char_indices() {
        let at = between.start + i;
        if others.iter().any(|m| m.range.contains(&at)) {
            continue;
        }
        match c {
            '+' => plus = true,
            '`' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    plus
}

impl Check for NeverSumInFormula {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if cx.settings.never_sum.is_empty() {
            return;
        }
        for kpi in &cx.catalog.kpis {
            // Only a formula with a `+` can add anything.
            let Some(formula) = kpi.formula.as_ref().filter(|f| f.contains('+')) else { continue };
            let found = mentions::in_formula(cx.catalog, kpi, formula);
            for (i, first) in found.iter().enumerate() {
                for second in &found[i + 1..] {
                    if !cx.settings.never_sum.iter().any(|p| p.is(&first.id, &second.id))
                        || second.range.start < first.range.end
                        || !joined_by_plus(formula, first.range.end..second.range.start, &found)
                    {
                        continue;
                    }
                    out.report_kpi(kpi, "/formula")
                        .within(first.range.start..second.range.end)
                        .arg("a", &first.id)
                        .arg("b", &second.id)
                        .help("report the two KPIs side by side, never in one total");
                }
            }
        }
    }
}
