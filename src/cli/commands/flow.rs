//! `ontolint flow check --values FILE`: the catalog's flows on real numbers.

use crate::cli::Cli;
use crate::cli::args::{FlowArgs, FlowCheckArgs, FlowCommand, FlowFormat};
use crate::error::{Error, Result};
use crate::reconcile::cents::format as amount;
use crate::reconcile::{Imbalance, Outcome, Term, shown};
use crate::source::WorkTree;
use std::fmt::Write;

pub fn run(cli: &Cli, args: &FlowArgs) -> Result<u8> {
    match &args.command {
        FlowCommand::Check(a) => check(cli, a),
    }
}

fn check(cli: &Cli, args: &FlowCheckArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let config = crate::config::Config::load(&root)?;
    let source = WorkTree::with_dir(&root, config.ontology_dir());
    let catalog = crate::model::load(&source)?;
    let values = crate::reconcile::values::read(&args.values)?;
    let outcome = crate::reconcile::check(&catalog, &values, i128::from(args.tolerance_cents))?;
    let text = match args.format {
        FlowFormat::Human => human(&outcome),
        FlowFormat::Json => json(&outcome),
    };
    crate::cli::print(&text)?;
    Ok(u8::from(!outcome.imbalances.is_empty()))
}

fn term(t: &Term) -> String {
    format!("`{}` {}", t.kpi, amount(t.amount))
}

/// One block per imbalance, then a summary line.
pub fn human(o: &Outcome) -> String {
    let mut out = String::new();
    let tolerance = amount(o.tolerance);
    for i in &o.imbalances {
        match i {
            Imbalance::Identity { period, flow, start, lines, computed, end, difference } => {
                let period = shown(period);
                let _ = writeln!(
                    out,
                    "error: {period}: flow `{flow}` does not balance: opening + movements = {}, but closing = {} (difference {}, tolerance {tolerance})",
                    amount(*computed),
                    amount(end.amount),
                    amount(*difference)
                );
                let _ = writeln!(out, "    opening {}", term(start));
                for l in lines {
                    let _ = writeln!(out, "  {} {}", l.sign.unwrap_or("+"), term(l));
                }
                let _ = writeln!(out, "  = {}", amount(*computed));
                let _ = writeln!(out, "    closing {}", term(end));
            }
            Imbalance::RollForward { period, previous_period, flow, opening, previous_closing, difference } => {
                let (period, previous_period) = (shown(period), shown(previous_period));
                let _ = writeln!(
                    out,
                    "error: {period}: flow `{flow}` does not roll forward: opening {} differs from the closing of {previous_period}, {} (difference {}, tolerance {tolerance})",
                    term(opening),
                    term(previous_closing),
                    amount(*difference)
                );
            }
        }
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "Checked {} over {} ({}): {}",
        plural(o.flows.len(), "flow", "flows"),
        plural(o.periods.len(), "period", "periods"),
        plural(o.checks, "check", "checks"),
        plural(o.imbalances.len(), "imbalance", "imbalances")
    );
    out
}

/// `{"schemaVersion": 1, "tolerance", "flows", "periods", "checks", "imbalances": [...]}`.
pub fn json(o: &Outcome) -> String {
    let mut v = serde_json::to_value(o).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("schemaVersion".into(), 1.into());
    }
    let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
    text.push('\n');
    text
}
