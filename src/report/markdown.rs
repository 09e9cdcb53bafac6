//! The report as Markdown, fit to paste as a pull-request comment.

use super::model::{DisputeInfo, Report};
use std::fmt::Write;

/// Catalog text made inert in Markdown and safe in a table cell.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if "\\`*_[]<>#|~&".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An id or path in code style (backticks cannot be escaped inside code: they are dropped).
fn code(text: &str) -> String {
    format!("`{}`", text.replace(['`', '\n', '\r'], "").replace('|', "\\|"))
}

/// An autolink only for http(s) URLs (without the characters that would end
/// it or the line); anything else is shown as code, as in the HTML report.
fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<{}>", url.replace(|c: char| c == '<' || c == '>' || c.is_whitespace() || c.is_control(), ""))
    } else {
        code(url)
    }
}

fn opt(v: Option<&str>) -> String {
    v.map_or_else(|| "—".to_string(), md)
}

/// Code outside a table: `\|` is a table escape only; in a paragraph or a
/// list item it would show its backslash.
fn code_inline(text: &str) -> String {
    format!("`{}`", text.replace(['`', '\n', '\r'], ""))
}

/// Prose from the catalog in a paragraph: backticked spans stay code, the rest is inert.
fn prose(v: Option<&str>) -> String {
    prose_with(v, code_inline)
}

/// Prose from the catalog in a table cell.
fn prose_cell(v: Option<&str>) -> String {
    prose_with(v, code)
}

fn prose_with(v: Option<&str>, code: fn(&str) -> String) -> String {
    let Some(text) = v else { return "—".to_string() };
    super::backticked(text, code, md, "\\`")
}

/// Section headings, shared with the HTML renderer.
pub const SECTIONS: &[&str] = &["KPI", "Timeline", "Disputes", "References", "Findings"];

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let label = r.kpi.label.as_deref().map_or_else(|| code(&r.kpi.id), md);
    match &r.dispute {
        Some(d) => {
            let _ = writeln!(out, "# Dispute {} on {label} ({})\n", md(&d.dispute.id), code(&r.kpi.id));
        }
        None => {
            let _ = writeln!(out, "# KPI report: {label} ({})\n", code(&r.kpi.id));
        }
    }
    let mut line = format!("Catalog version {}", opt(r.catalog.version.as_deref()));
    if let Some(d) = &r.catalog.released_at {
        let _ = write!(line, " (released {})", md(d));
    }
    if let Some(d) = &r.date {
        let _ = write!(line, " · report of {}", md(d));
    }
    let _ = writeln!(out, "{line}.\n");
    if let Some(review) = &r.dispute {
        dispute(&mut out, &review.dispute);
        out.push_str("## Reviewer checklist\n\n| | Check | Detail |\n|---|---|---|\n");
        for i in &review.checklist {
            let _ = writeln!(out, "| {} | {} | {} |", i.status.symbol(), md(&i.check), prose_cell(Some(&i.detail)));
        }
        out.push('\n');
    }
    card(&mut out, r);
    timeline(&mut out, r);
    out.push_str("## Disputes\n\n");
    if r.disputes.is_empty() {
        out.push_str("No dispute on this KPI.\n\n");
    } else {
        out.push_str("| Dispute | Kind | Status | Opened | Decision |\n|---|---|---|---|---|\n");
        for d in &r.disputes {
            let decision = d.decision.as_ref().map_or_else(
                || "—".to_string(),
                |x| {
                    let mut s = x.summary.as_deref().map_or_else(String::new, md);
                    if let Some(v) = &x.released_in {
                        let _ = write!(s, " (released in {})", md(v));
                    }
                    s
                },
            );
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {decision} |",
                md(&d.id),
                opt(d.kind.as_deref()),
                opt(d.status.as_deref()),
                opt(d.opened_at.as_deref())
            );
        }
        out.push('\n');
    }
    references(&mut out, r);
    out.push_str("## Findings\n\n");
    if r.findings.is_empty() {
        out.push_str("No finding: `ontolint check` is clean for this KPI.\n");
    } else {
        out.push_str("| Code | Severity | Location | Message |\n|---|---|---|---|\n");
        for f in &r.findings {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&f.code),
                md(&f.severity),
                code(&format!("{}:{}:{}", f.file, f.line, f.column)),
                prose_cell(Some(&f.message))
            );
        }
    }
    out
}

fn dispute(out: &mut String, d: &DisputeInfo) {
    let _ = writeln!(out, "## Dispute {}\n", md(&d.id));
    out.push_str("| Field | Value |\n|---|---|\n");
    for (k, v) in [
        ("Kind", d.kind.as_deref()),
        ("Status", d.status.as_deref()),
        ("Opened", d.opened_at.as_deref()),
        ("Raised by", d.raised_by.as_deref()),
    ] {
        let _ = writeln!(out, "| {k} | {} |", opt(v));
    }
    let _ = writeln!(out, "| File | {} |\n", code(&d.path));
    let _ = writeln!(out, "**Claim.** {}\n", prose(d.claim.as_deref()));
    if !d.evidence.is_empty() {
        out.push_str("**Evidence.**\n\n");
        for e in &d.evidence {
            let title = opt(e.title.as_deref());
            let url = e.url.as_deref().map(|u| format!(" {}", link(u))).unwrap_or_default();
            let section = e.section_ref.as_deref().map(|s| format!(", section {}", md(s))).unwrap_or_default();
            let _ = writeln!(out, "- {title}{section}{url}");
        }
        out.push('\n');
    }
    if let Some(x) = &d.decision {
        let _ = writeln!(
            out,
            "**Decision** ({}{}). {}\n",
            opt(x.decided_at.as_deref()),
            x.released_in.as_deref().map(|v| format!(", released in {}", md(v))).unwrap_or_default(),
            opt(x.summary.as_deref())
        );
    }
}

fn card(out: &mut String, r: &Report) {
    let k = &r.kpi;
    out.push_str("## KPI\n\n| Field | Value |\n|---|---|\n");
    let kind = match (&k.field_type, &k.unit) {
        (Some(t), Some(u)) => format!("{} ({})", md(t), md(u)),
        (t, _) => opt(t.as_deref()),
    };
    let domain = match &k.domain_label {
        Some(l) => format!("{} ({})", md(l), code(&k.domain)),
        None => code(&k.domain),
    };
    for (f, v) in [
        ("Label", opt(k.label.as_deref())),
        ("Id", code(&k.id)),
        ("Type", kind),
        ("Domain", domain),
        ("Tier", opt(k.tier.as_deref())),
        ("Maturity", opt(k.maturity.as_deref())),
        ("File", code(&k.path)),
    ] {
        let _ = writeln!(out, "| {f} | {v} |");
    }
    let _ = writeln!(out, "\n**Definition.** {}\n", prose(k.definition.as_deref()));
    let _ = writeln!(out, "**Formula.** {}\n", prose(k.formula.as_deref()));
    out.push_str("**Definition source.**\n\n| Field | Value |\n|---|---|\n");
    for s in &k.source {
        let _ = writeln!(out, "| {} | {} |", code(&s.name), s.value.as_deref().map_or_else(|| "null".to_string(), md));
    }
    out.push('\n');
}

fn timeline(out: &mut String, r: &Report) {
    let t = &r.timeline;
    out.push_str("## Timeline\n\n");
    let _ = writeln!(
        out,
        "{} commit{} changed this KPI ({} commit{} walked, {}).\n",
        t.entries.len(),
        if t.entries.len() == 1 { "" } else { "s" },
        t.commits,
        if t.commits == 1 { "" } else { "s" },
        t.walk
    );
    if t.entries.is_empty() {
        return;
    }
    out.push_str("| Date | Commit | Subject | Version | Change | Tier |\n|---|---|---|---|---|---|\n");
    for e in &t.entries {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&e.date),
            code(&e.short),
            md(&e.subject),
            opt(e.version.as_deref()),
            md(&super::change_text(e)),
            opt(e.tier.as_deref())
        );
    }
    out.push('\n');
}

fn references(out: &mut String, r: &Report) {
    let refs = &r.references;
    out.push_str("## References\n\n");
    let kpis = |list: &mut dyn Iterator<Item = (String, Option<String>, Option<String>)>| -> String {
        let items: Vec<String> = list
            .map(|(id, label, extra)| {
                let mut s = code(&id);
                if let Some(l) = label {
                    let _ = write!(s, " {}", md(&l));
                }
                if let Some(x) = extra {
                    let _ = write!(s, " ({})", md(&x));
                }
                s
            })
            .collect();
        if items.is_empty() { "none".to_string() } else { items.join(", ") }
    };
    let _ = writeln!(
        out,
        "- Related KPIs: {}",
        kpis(&mut refs.related.iter().map(|k| (k.id.clone(), k.label.clone(), None)))
    );
    let _ = writeln!(
        out,
        "- Listed as related by: {}",
        kpis(&mut refs.related_by.iter().map(|k| (k.id.clone(), k.label.clone(), None)))
    );
    let _ = writeln!(
        out,
        "- Mentioned by: {}",
        kpis(&mut refs.mentioned_by.iter().map(|m| (m.id.clone(), m.label.clone(), Some(m.field.clone()))))
    );
    let _ = writeln!(
        out,
        "- Flows: {}\n",
        kpis(&mut refs.flows.iter().map(|f| (f.id.clone(), f.label.clone(), Some(f.roles.join(", ")))))
    );
}
