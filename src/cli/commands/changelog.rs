use crate::cli::Cli;
use crate::cli::args::ChangelogArgs;
use crate::diff::{Change, ChangeKind};
use crate::error::Result;
use crate::governance::Outcome;
use crate::model::Catalog;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn run(cli: &Cli, args: &ChangelogArgs) -> Result<u8> {
    let outcome = super::diff::compare(cli, &args.state, true)?;
    crate::cli::print(&notes(&outcome))?;
    Ok(0)
}

fn label(catalog: &Catalog, id: &str) -> Option<String> {
    let &i = catalog.kpis_with_id(id).first()?;
    catalog.kpis[i].default_label.clone()
}

/// Text from the catalog, made inert in Markdown (`*Rate*` stays literal).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn entry(catalog: &Catalog, c: &Change) -> String {
    let label = label(catalog, &c.kpi).map(|l| format!(" — {}", md(&l))).unwrap_or_default();
    let detail = match (c.kind, c.detail.as_deref()) {
        (ChangeKind::DeprecatedKpiRemoved, Some(d)) => format!(" (was deprecated; {d})"),
        (ChangeKind::DeprecatedKpiRemoved, None) => " (was deprecated)".to_string(),
        (_, Some(d)) => format!(" ({d})"),
        (_, None) => String::new(),
    };
    format!("- `{}`{label}{detail}\n", c.kpi)
}

/// The release notes of a comparison, as Markdown: a heading for the head
/// version (or the version the changes require), then the changes by kind.
pub fn notes(o: &Outcome) -> String {
    if o.changes.is_empty() {
        return format!("No KPI changed since {}: no release notes.\n", o.base_how);
    }
    let base_version = Outcome::version(&o.base);
    let head_version = Outcome::version(&o.head);
    // The head version when it carries the required bump, else the version it should be.
    let carried = o.declared.is_some_and(|d| d >= o.required);
    let version = match (&base_version, &head_version) {
        (Some(b), Some(h)) if h > b && carried => h.clone(),
        (Some(b), _) => o.required.apply(b),
        (None, Some(h)) => h.clone(),
        (None, None) => semver::Version::new(0, 0, 0),
    };
    let date = o
        .head
        .manifest
        .as_ref()
        .and_then(|m| m.released_at.clone())
        .filter(|_| Some(&version) == head_version.as_ref());
    let mut out = format!("## {version}");
    if let Some(date) = date {
        let _ = write!(out, " — {date}");
    }
    out.push_str("\n\n");
    let section = |out: &mut String, title: &str, kinds: &[ChangeKind], catalog: &Catalog| {
        let items: Vec<&Change> = o.changes.iter().filter(|c| kinds.contains(&c.kind)).collect();
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "### {title}\n");
        for c in items {
            out.push_str(&entry(catalog, c));
        }
        out.push('\n');
    };
    section(&mut out, "Added", &[ChangeKind::KpiAdded], &o.head);
    section(&mut out, "Removed", &[ChangeKind::KpiRemoved, ChangeKind::DeprecatedKpiRemoved], &o.base);
    section(&mut out, "Promoted to published", &[ChangeKind::Promoted], &o.head);
    section(&mut out, "Demoted to editorial", &[ChangeKind::Demoted], &o.head);
    section(&mut out, "Flows added", &[ChangeKind::FlowAdded], &o.head);
    section(&mut out, "Flows removed", &[ChangeKind::FlowRemoved], &o.base);
    let mut changed: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for c in &o.changes {
        let listed = [
            ChangeKind::KpiAdded,
            ChangeKind::KpiRemoved,
            ChangeKind::DeprecatedKpiRemoved,
            ChangeKind::Promoted,
            ChangeKind::Demoted,
            ChangeKind::FlowAdded,
            ChangeKind::FlowRemoved,
        ];
        if listed.contains(&c.kind) {
            continue;
        }
        let what = match (c.kind, &c.field) {
            (ChangeKind::StandardChanged, _) => format!("standard ({})", c.detail.as_deref().unwrap_or("")),
            (ChangeKind::SourceChanged, _) => {
                let sub = c.pointer.rsplit('/').next().unwrap_or("definitionSource");
                format!("definitionSource.{sub}")
            }
            (ChangeKind::BlockAdded, Some(f)) => format!("{f} (added)"),
            (ChangeKind::BlockRemoved, Some(f)) => format!("{f} (removed)"),
            (_, Some(f)) => f.clone(),
            (_, None) => c.kind.name().to_string(),
        };
        let fields = changed.entry(&c.kpi).or_default();
        if !fields.contains(&what) {
            fields.push(what);
        }
    }
    if !changed.is_empty() {
        out.push_str("### Changed\n\n");
        for (kpi, fields) in changed {
            let label = label(&o.head, kpi).map(|l| format!(" — {}", md(&l))).unwrap_or_default();
            let _ = writeln!(out, "- `{kpi}`{label}: {}", fields.join(", "));
        }
        out.push('\n');
    }
    out
}
