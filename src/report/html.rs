//! The report as one self-contained HTML page: inline CSS, no script, no
//! external request; print-friendly and readable at phone width. Every piece
//! of catalog text is escaped.

use super::model::{DisputeInfo, Report, Status};
use std::fmt::Write;

const CSS: &str = r#"
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --soft: #f4f6f9; --accent: #1f5fbf;
  --pass: #17703a; --fail: #b42318; --unknown: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
p.meta { color: var(--muted); margin: 0 0 1rem; }
code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: .05em .3em; border-radius: 3px; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.badge { white-space: nowrap; display: inline-block; font-size: .8rem; font-weight: 600; padding: .1em .55em; border-radius: 999px; border: 1px solid var(--line); background: var(--soft); }
.badge.published { background: #e7f0fd; border-color: #b9d0f5; color: #174ea6; }
.badge.editorial { background: #fdf3e1; border-color: #f0d49b; color: #7a4b00; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; overflow-wrap: normal; }
table.fields th { width: 11rem; white-space: normal; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0 1rem; }
.box { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0 1rem; background: #fbfcfd; }
.status { font-weight: 700; white-space: nowrap; }
.pass { color: var(--pass); } .fail { color: var(--fail); } .unknown { color: var(--unknown); }
ul { padding-left: 1.25rem; } li { margin: .2rem 0; }
.none { color: var(--muted); font-style: italic; }
a { color: var(--accent); overflow-wrap: anywhere; }
@media (max-width: 640px) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.3rem; }
  table.rows thead { position: absolute; left: -9999px; }
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: 100%; }
  table.rows tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; padding: .25rem 0; }
  table.rows td { border: 0; padding: .2rem .7rem; }
  table.rows td::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
  table.fields th { width: 1%; white-space: nowrap; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, .box { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
  .badge, th, code { background: none !important; }
}
"#;

use crate::render::escape::html as esc;

fn opt(v: Option<&str>) -> String {
    v.map_or_else(|| "<span class=\"none\">—</span>".to_string(), esc)
}

/// Prose from the catalog: backticked spans become code, everything escaped.
fn prose(v: Option<&str>) -> String {
    let Some(text) = v else { return opt(None) };
    super::backticked(text, code, esc, "`")
}

fn code(text: &str) -> String {
    format!("<code>{}</code>", esc(text))
}

/// A link only for http(s) URLs; anything else is shown as text.
fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(url))
    } else {
        code(url)
    }
}

fn tier(t: Option<&str>) -> String {
    match t {
        Some(t) => format!("<span class=\"badge {0}\">{0}</span>", esc(t)),
        None => opt(None),
    }
}

/// A table whose rows become cards at phone width (`data-label` per cell).
fn rows_table(out: &mut String, heads: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table class=\"rows\"><thead><tr>");
    for h in heads {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (h, cell) in heads.iter().zip(row) {
            let _ = write!(out, "<td data-label=\"{}\">{cell}</td>", esc(h));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn fields_table(out: &mut String, rows: &[(&str, String)]) {
    out.push_str("<table class=\"fields\"><tbody>\n");
    for (k, v) in rows {
        let _ = writeln!(out, "<tr><th scope=\"row\">{}</th><td>{v}</td></tr>", esc(k));
    }
    out.push_str("</tbody></table>\n");
}

pub fn render(r: &Report) -> String {
    let k = &r.kpi;
    let label = k.label.clone().unwrap_or_else(|| k.id.clone());
    let title = match &r.dispute {
        Some(d) => format!("Dispute {} on {label}", d.dispute.id),
        None => format!("KPI report: {label}"),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{} ({}) — ontolint</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&title),
        esc(&k.id)
    );
    let _ = writeln!(out, "<h1>{} <code>{}</code></h1>", esc(&title), esc(&k.id));
    let mut meta = format!("Catalog version {}", opt(r.catalog.version.as_deref()));
    if let Some(d) = &r.catalog.released_at {
        let _ = write!(meta, " (released <span class=\"nowrap\">{}</span>)", esc(d));
    }
    if let Some(d) = &r.date {
        let _ = write!(meta, " · report of {}", esc(d));
    }
    let _ = writeln!(out, "<p class=\"meta\">{meta} · tier {}</p>", tier(k.tier.as_deref()));
    if let Some(review) = &r.dispute {
        dispute(&mut out, &review.dispute);
        out.push_str("<section>\n<h2>Reviewer checklist</h2>\n");
        let rows: Vec<Vec<String>> = review
            .checklist
            .iter()
            .map(|i| {
                let class = match i.status {
                    Status::Pass => "pass",
                    Status::Fail => "fail",
                    Status::Unknown => "unknown",
                };
                vec![
                    format!("<span class=\"status {class}\">{} {}</span>", i.status.symbol(), i.status.word()),
                    esc(&i.check),
                    prose(Some(&i.detail)),
                ]
            })
            .collect();
        rows_table(&mut out, &["Status", "Check", "Detail"], &rows);
        out.push_str("</section>\n");
    }
    // The KPI card.
    out.push_str("<section>\n<h2>KPI</h2>\n");
    let kind = match (&k.field_type, &k.unit) {
        (Some(t), Some(u)) => format!("{} ({})", esc(t), esc(u)),
        (t, _) => opt(t.as_deref()),
    };
    let domain = match &k.domain_label {
        Some(l) => format!("{} {}", esc(l), code(&k.domain)),
        None => code(&k.domain),
    };
    fields_table(
        &mut out,
        &[
            ("Label", opt(k.label.as_deref())),
            ("Id", code(&k.id)),
            ("Type", kind),
            ("Domain", domain),
            ("Tier", tier(k.tier.as_deref())),
            ("Maturity", opt(k.maturity.as_deref())),
            ("File", code(&k.path)),
        ],
    );
    let _ = writeln!(out, "<h3>Definition</h3>\n<p class=\"text\">{}</p>", prose(k.definition.as_deref()));
    let _ = writeln!(out, "<h3>Formula</h3>\n<p class=\"text\">{}</p>", prose(k.formula.as_deref()));
    out.push_str("<h3>Definition source</h3>\n");
    let source: Vec<(&str, String)> = k
        .source
        .iter()
        .map(|s| {
            let v = match (s.name.as_str(), s.value.as_deref()) {
                (_, None) => "<span class=\"none\">null</span>".to_string(),
                ("sourceUrl", Some(u)) => link(u),
                ("tier", Some(t)) => tier(Some(t)),
                (_, Some(v)) => esc(v),
            };
            (s.name.as_str(), v)
        })
        .collect();
    fields_table(&mut out, &source);
    out.push_str("</section>\n");
    // Timeline.
    let t = &r.timeline;
    out.push_str("<section>\n<h2>Timeline</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} commit{} changed this KPI ({} commit{} walked, {}).</p>",
        t.entries.len(),
        if t.entries.len() == 1 { "" } else { "s" },
        t.commits,
        if t.commits == 1 { "" } else { "s" },
        esc(t.walk)
    );
    if !t.entries.is_empty() {
        let rows: Vec<Vec<String>> = t
            .entries
            .iter()
            .map(|e| {
                vec![
                    format!("<span class=\"nowrap\">{}</span>", esc(&e.date)),
                    code(&e.short),
                    esc(&e.subject),
                    opt(e.version.as_deref()),
                    esc(&super::change_text(e)),
                    tier(e.tier.as_deref()),
                ]
            })
            .collect();
        rows_table(&mut out, &["Date", "Commit", "Subject", "Version", "Change", "Tier"], &rows);
    }
    out.push_str("</section>\n");
    // Disputes.
    out.push_str("<section>\n<h2>Disputes</h2>\n");
    if r.disputes.is_empty() {
        out.push_str("<p class=\"none\">No dispute on this KPI.</p>\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .disputes
            .iter()
            .map(|d| {
                let decision = d.decision.as_ref().map_or_else(
                    || opt(None),
                    |x| {
                        let mut s = opt(x.summary.as_deref());
                        if let Some(v) = &x.released_in {
                            let _ = write!(s, " (released in {})", esc(v));
                        }
                        s
                    },
                );
                vec![
                    esc(&d.id),
                    opt(d.kind.as_deref()),
                    opt(d.status.as_deref()),
                    opt(d.opened_at.as_deref()),
                    decision,
                ]
            })
            .collect();
        rows_table(&mut out, &["Dispute", "Kind", "Status", "Opened", "Decision"], &rows);
    }
    out.push_str("</section>\n");
    references(&mut out, r);
    // Findings.
    out.push_str("<section>\n<h2>Findings</h2>\n");
    if r.findings.is_empty() {
        out.push_str("<p class=\"none\">No finding: <code>ontolint check</code> is clean for this KPI.</p>\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .findings
            .iter()
            .map(|f| {
                vec![
                    code(&f.code),
                    esc(&f.severity),
                    code(&format!("{}:{}:{}", f.file, f.line, f.column)),
                    prose(Some(&f.message)),
                ]
            })
            .collect();
        rows_table(&mut out, &["Code", "Severity", "Location", "Message"], &rows);
    }
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

fn dispute(out: &mut String, d: &DisputeInfo) {
    let _ = writeln!(out, "<section>\n<h2>Dispute {}</h2>", esc(&d.id));
    fields_table(
        out,
        &[
            ("Kind", opt(d.kind.as_deref())),
            ("Status", opt(d.status.as_deref())),
            ("Opened", opt(d.opened_at.as_deref())),
            ("Raised by", opt(d.raised_by.as_deref())),
            ("File", code(&d.path)),
        ],
    );
    let _ = writeln!(out, "<h3>Claim</h3>\n<p class=\"text\">{}</p>", prose(d.claim.as_deref()));
    if !d.evidence.is_empty() {
        out.push_str("<h3>Evidence</h3>\n<ul>\n");
        for e in &d.evidence {
            let mut s = opt(e.title.as_deref());
            if let Some(sec) = &e.section_ref {
                let _ = write!(s, ", section {}", esc(sec));
            }
            if let Some(u) = &e.url {
                let _ = write!(s, "<br>{}", link(u));
            }
            let _ = writeln!(out, "<li>{s}</li>");
        }
        out.push_str("</ul>\n");
    }
    if let Some(x) = &d.decision {
        let released = x.released_in.as_deref().map(|v| format!(", released in {}", esc(v))).unwrap_or_default();
        let _ = writeln!(
            out,
            "<h3>Decision</h3>\n<div class=\"box\"><p class=\"meta\">{}{released}</p><p class=\"text\">{}</p></div>",
            opt(x.decided_at.as_deref()),
            prose(x.summary.as_deref())
        );
    }
    out.push_str("</section>\n");
}

fn references(out: &mut String, r: &Report) {
    let refs = &r.references;
    out.push_str("<section>\n<h2>References</h2>\n");
    let list = |out: &mut String, title: &str, items: Vec<String>| {
        let _ = writeln!(out, "<h3>{}</h3>", esc(title));
        if items.is_empty() {
            out.push_str("<p class=\"none\">None.</p>\n");
            return;
        }
        out.push_str("<ul>\n");
        for i in items {
            let _ = writeln!(out, "<li>{i}</li>");
        }
        out.push_str("</ul>\n");
    };
    let kpi = |id: &str, label: Option<&str>, extra: Option<&str>| {
        let mut s = code(id);
        if let Some(l) = label {
            let _ = write!(s, " {}", esc(l));
        }
        if let Some(x) = extra {
            let _ = write!(s, " <span class=\"meta\">({})</span>", esc(x));
        }
        s
    };
    list(out, "Related KPIs", refs.related.iter().map(|k| kpi(&k.id, k.label.as_deref(), None)).collect());
    list(out, "Listed as related by", refs.related_by.iter().map(|k| kpi(&k.id, k.label.as_deref(), None)).collect());
    list(
        out,
        "Mentioned by",
        refs.mentioned_by.iter().map(|m| kpi(&m.id, m.label.as_deref(), Some(&format!("in {}", m.field)))).collect(),
    );
    list(out, "Flows", refs.flows.iter().map(|f| kpi(&f.id, f.label.as_deref(), Some(&f.roles.join(", ")))).collect());
    out.push_str("</section>\n");
}
