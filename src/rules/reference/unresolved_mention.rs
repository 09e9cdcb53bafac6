use super::mentions;
use crate::model::kpi::MENTION_FIELDS;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI mentioned in a text field or formula does not exist.
    ///
    /// ## Why
    /// Editors cite other KPIs inline, in backticks (`` `sales.arr` ``), and
    /// formulas name their inputs. The pages turn these mentions into links and
    /// readers follow them to learn what a term means; a mention of a KPI that
    /// does not exist misleads them. A mention is a backticked rogueId of a
    /// catalog domain in description, whyItMatters or interpretationGuidance, and
    /// any rogueId of a catalog domain in a formula.
    ///
    /// ## Example
    /// ```json,expect=REF004 path=ontology/sales/arr.json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "description": "Twelve times `sales.monthly_rr`. Common pitfall: including one-off fees."}
    /// ```
    /// Use instead:
    /// ```json
    /// {"rogueId": "sales.arr", "slug": "arr", "domain": "sales", "description": "Twelve times `sales.mrr`. Common pitfall: including one-off fees."}
    /// ```
    ///
    /// ## How to fix
    /// Correct the id inside the backticks, or add the KPI it names.
    pub UnresolvedMention {
        code: "REF004",
        name: "unresolved-kpi-mention",
        category: Reference,
        severity: Error,
        scope: Catalog,
        message: "`{target}` mentioned in {field} does not exist",
        since: "0.1.0",
    }
}

impl Check for UnresolvedMention {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            for field in MENTION_FIELDS {
                let Some(text) = kpi.text_field(field) else {
                    continue;
                };
                let found = if *field == "formula" {
                    mentions::in_formula(cx.catalog, kpi, text)
                } else {
                    mentions::in_text(cx.catalog, text)
                };
                for m in found.into_iter().filter(|m| !cx.catalog.resolves(&m.id)) {
                    out.report_kpi(kpi, format!("/{field}"))
                        .within(m.range)
                        .arg("target", &m.id)
                        .arg("field", field)
                        .help("check the id, or add the KPI it names");
                }
            }
        }
    }
}
