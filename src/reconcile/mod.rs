//! `ontolint flow check --values FILE`: each flow of the catalog checked on
//! real numbers. For every period that gives the flow's values, start + Σ
//! signed lines must equal end (to a tolerance in cents), and each period's
//! opening (the flow's start) must equal the previous period's closing (its
//! end). Amounts are integer cents: nothing is summed in floating point.

pub mod cents;
pub mod values;

pub use cents::Cents;
pub use values::{Period, Values};

use crate::error::{Error, Result};
use crate::model::{Catalog, Flow, Sign};
use serde::Serialize;

/// Text from the values file for a terminal: controls, bidi overrides and
/// line breaks escaped, so a period name cannot forge or recolour output.
pub fn shown(s: &str) -> String {
    crate::render::printable(s).replace('\n', "\\n")
}

/// One KPI's amount in a check.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub kpi: String,
    /// `+` or `-` for lines; absent for start and end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign: Option<&'static str>,
    #[serde(serialize_with = "as_amount")]
    pub amount: Cents,
}

/// A check that failed.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case", rename_all_fields = "camelCase")]
pub enum Imbalance {
    /// start + Σ signed lines ≠ end.
    Identity {
        period: String,
        flow: String,
        start: Term,
        lines: Vec<Term>,
        /// start + Σ signed lines.
        #[serde(serialize_with = "as_amount")]
        computed: Cents,
        end: Term,
        /// computed − end.
        #[serde(serialize_with = "as_amount")]
        difference: Cents,
    },
    /// This period's opening ≠ the previous period's closing.
    RollForward {
        period: String,
        previous_period: String,
        flow: String,
        opening: Term,
        previous_closing: Term,
        /// opening − previous closing.
        #[serde(serialize_with = "as_amount")]
        difference: Cents,
    },
}

fn as_amount<S: serde::Serializer>(c: &Cents, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&cents::format(*c))
}

/// What a run found.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    #[serde(serialize_with = "as_amount")]
    pub tolerance: Cents,
    /// Flows checked in at least one period.
    pub flows: Vec<String>,
    pub periods: Vec<String>,
    /// Identity and roll-forward checks run.
    pub checks: usize,
    pub imbalances: Vec<Imbalance>,
}

/// A flow whose values a period gives: the amounts of its start, lines and end.
struct Filled {
    start: Term,
    lines: Vec<Term>,
    end: Term,
}

/// The flow's values in a period: `None` when the period gives none of them;
/// an error naming the first missing one when it gives some but not all.
fn fill(values: &Values, period: &Period, flow: &Flow, start: &str, end: &str) -> Result<Option<Filled>> {
    let mut wanted: Vec<(&str, &str, String, Option<Sign>)> =
        vec![("opening", start, "the start".to_string(), None), ("closing", end, "the end".to_string(), None)];
    for line in &flow.lines {
        let Some(kpi) = &line.kpi else { continue };
        wanted.push(("movements", kpi, format!("line {}", line.index + 1), line.sign));
    }
    let given = wanted.iter().filter(|(s, k, _, _)| period.has(s, k)).count();
    if given == 0 {
        return Ok(None);
    }
    if let Some((section, kpi, slot, _)) = wanted.iter().find(|(s, k, _, _)| !period.has(s, k)) {
        let pointer = period
            .sections
            .get(section)
            .map_or(period.pointer.clone(), |_| crate::parse::pointer::push(&period.pointer, section));
        return Err(Error::usage(
            format!(
                "{}: period `{}` has no `{section}` value for `{kpi}`, {slot} of flow `{}`",
                values.at(&pointer),
                shown(&period.name),
                flow.name()
            ),
            Some(format!(
                "give every value of the flow in each period it appears in (write 0 for a line with no movement, e.g. \"{kpi}\": 0 in `{section}`)"
            )),
        ));
    }
    let amount = |section: &str, kpi: &str| period.get(section, kpi).map_or(0, |a| a.cents);
    let term = |section: &str, kpi: &str, sign: Option<Sign>| Term {
        kpi: kpi.to_string(),
        sign: sign.map(Sign::as_str),
        amount: amount(section, kpi),
    };
    Ok(Some(Filled {
        start: term("opening", start, None),
        lines: wanted[2..].iter().map(|(s, k, _, sign)| term(s, k, *sign)).collect(),
        end: term("closing", end, None),
    }))
}

/// Exit 2 for a line that cannot be summed: no KPI, or a sign other than
/// `+` and `-` (it would be left out, or summed as `+`).
fn invalid_line(catalog: &Catalog, flow: &Flow) -> Result<()> {
    let file = &catalog.files[flow.file];
    // `flow.lines` leaves out what is not an object: read the array as written.
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let items = value.get("lines").and_then(|l| l.as_array());
    let problem = match items {
        None => Some(("/lines".to_string(), None, "has no array of lines")),
        Some(items) if items.is_empty() => Some(("/lines".to_string(), None, "has no lines")),
        Some(items) => items.iter().enumerate().find_map(|(i, l)| {
            let Some(obj) = l.as_object() else { return Some((format!("/lines/{i}"), Some(i), "is not an object")) };
            if !obj.get("kpi").is_some_and(serde_json::Value::is_string) {
                return Some((format!("/lines/{i}/kpi"), Some(i), "names no KPI"));
            }
            let sign = obj.get("sign").and_then(serde_json::Value::as_str);
            (!matches!(sign, Some("+" | "-")))
                .then(|| (format!("/lines/{i}/sign"), Some(i), "has no valid sign (`+` or `-`)"))
        }),
    };
    let Some((pointer, line, what)) = problem else { return Ok(()) };
    let at = values::at_pointer(&file.path, &file.text, &pointer);
    let subject = match line {
        Some(i) => format!("line {} of flow `{}`", i + 1, flow.name()),
        None => format!("flow `{}`", flow.name()),
    };
    Err(Error::usage(
        format!("{at}: {subject} {what}"),
        Some("fix the flow first: `ontolint check` shows its findings".to_string()),
    ))
}

/// Checks every flow of the catalog on the values.
pub fn check(catalog: &Catalog, values: &Values, tolerance: Cents) -> Result<Outcome> {
    let mut flows: Vec<&Flow> = catalog.flows.iter().filter(|f| f.start.is_some() && f.end.is_some()).collect();
    flows.sort_by(|a, b| a.name().cmp(b.name()));
    let mut outcome = Outcome {
        tolerance,
        flows: Vec::new(),
        periods: values.periods.iter().map(|p| p.name.clone()).collect(),
        checks: 0,
        imbalances: Vec::new(),
    };
    for flow in &flows {
        invalid_line(catalog, flow)?;
    }
    for flow in flows {
        let (Some(start), Some(end)) = (flow.start.as_deref(), flow.end.as_deref()) else { continue };
        let mut previous: Option<(&Period, Filled)> = None;
        let mut checked = false;
        for period in &values.periods {
            let Some(filled) = fill(values, period, flow, start, end)? else {
                previous = None;
                continue;
            };
            checked = true;
            outcome.checks += 1;
            let computed = filled.start.amount
                + filled.lines.iter().map(|l| if l.sign == Some("-") { -l.amount } else { l.amount }).sum::<Cents>();
            let difference = computed - filled.end.amount;
            if difference.abs() > tolerance {
                outcome.imbalances.push(Imbalance::Identity {
                    period: period.name.clone(),
                    flow: flow.name().to_string(),
                    start: filled.start.clone(),
                    lines: filled.lines.clone(),
                    computed,
                    end: filled.end.clone(),
                    difference,
                });
            }
            if let Some((prev, before)) = &previous {
                outcome.checks += 1;
                let difference = filled.start.amount - before.end.amount;
                if difference.abs() > tolerance {
                    outcome.imbalances.push(Imbalance::RollForward {
                        period: period.name.clone(),
                        previous_period: prev.name.clone(),
                        flow: flow.name().to_string(),
                        opening: filled.start.clone(),
                        previous_closing: before.end.clone(),
                        difference,
                    });
                }
            }
            previous = Some((period, filled));
        }
        if checked {
            outcome.flows.push(flow.name().to_string());
        }
    }
    if outcome.flows.is_empty() {
        let names: Vec<&str> = catalog.flows.iter().map(Flow::name).collect();
        return Err(Error::usage(
            format!("{}: no flow of the catalog has values in this file", values.path),
            Some(if names.is_empty() {
                "the catalog has no flow (ontology/flows/<id>.json)".to_string()
            } else {
                format!("flows of the catalog: {}; key the values by their KPIs' rogueIds", names.join(", "))
            }),
        ));
    }
    Ok(outcome)
}
