//! The static HTML pages: self-contained (inline CSS, no script, no external
//! request), relative links only (the site works from any base path and from
//! `file://`), one `h1` per page, table headers with `scope`, readable at phone
//! width. Every value is escaped.

use super::text::{esc, first_sentence, humanize, kpi_href, prose, stage_label};
use super::{DomainInfo, Entry, Input};
use crate::model::{STAGES, Tier};
use serde_json::{Map, Value};
use std::fmt::Write as _;

const CSS: &str = "\
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--accent:#0b5cad;--chip:#f0f3f6;--pub:#1a7f37;--edi:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--line:#30363d;--accent:#6cb6ff;--chip:#161b22;--pub:#3fb950;--edi:#d29922}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:break-word}
nav.crumbs,main,footer{max-width:50rem;margin:0 auto;padding:0 1rem}
nav.crumbs{padding-top:1rem;color:var(--muted);font-size:.9rem}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem;border-top:1px solid var(--line);margin-top:2.5rem;padding-top:1rem}
a{color:var(--accent)}
h1{font-size:2rem;line-height:1.2;margin:.6rem 0 .4rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .25rem}
.lede{font-size:1.15rem;color:var(--muted);margin-top:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--chip);padding:.05em .3em;border-radius:4px;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:1rem 0;padding:.75rem 1rem;background:var(--chip);border-radius:8px}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.formula{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95rem;border-left:4px solid var(--accent);padding:.5rem .9rem;background:var(--chip);border-radius:0 6px 6px 0}
.formula code{background:none;padding:0}
.table-wrap{overflow-x:auto}
th code,td code{overflow-wrap:normal}
code.id{font-weight:normal;font-size:.8em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
table.compact{width:auto;min-width:60%}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .55rem;border-radius:999px;font-size:.85rem;font-weight:600;border:1px solid currentColor}
.badge.published{color:var(--pub)}
.badge.editorial{color:var(--edi)}
.notice{font-size:.9rem;color:var(--muted);border-left:3px solid var(--line);padding-left:.75rem}
ul.related{padding-left:1.2rem}
ul.related li{margin:.2rem 0}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.6rem}dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:.5rem}th,td{padding:.35rem .4rem}}
";

fn page(title: &str, crumbs: &str, body: &str, footer: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{crumbs}<main>\n{body}</main>\n\
         <footer>{footer}</footer>\n</body>\n</html>\n",
        esc(title)
    )
}

fn footer(input: &Input<'_>, to_api: &str) -> String {
    format!(
        "Catalog version {} released {}. Machine-readable: <a href=\"{to_api}api/ontology/index.json\">full catalog (JSON)</a>, \
         <a href=\"{to_api}api/ontology/schema.json\">JSON Schema</a>. Built with ontolint.",
        esc(&input.version),
        esc(&input.released_at)
    )
}

fn tier_badge(tier: Option<Tier>) -> &'static str {
    match tier {
        Some(Tier::Published) => "<span class=\"badge published\">Published</span>",
        Some(Tier::Editorial) => "<span class=\"badge editorial\">Editorial</span>",
        None => "",
    }
}

/// `ontology/index.html`: the domains, with their KPI counts by tier.
pub fn index_page(input: &Input<'_>) -> String {
    let mut b = format!(
        "<h1>KPI catalog</h1>\n<p class=\"lede\">Version {}, released {}: {} KPIs in {} domains.</p>\n",
        esc(&input.version),
        esc(&input.released_at),
        input.kpis.len(),
        input.domains.len()
    );
    b.push_str(
        "<div class=\"table-wrap\"><table>\n<caption>KPIs per domain and tier</caption>\n<thead><tr>\
         <th scope=\"col\">Domain</th><th scope=\"col\" class=\"num\">KPIs</th>\
         <th scope=\"col\" class=\"num\">Published</th><th scope=\"col\" class=\"num\">Editorial</th></tr></thead>\n<tbody>\n",
    );
    let (mut all, mut published, mut editorial) = (0, 0, 0);
    for d in &input.domains {
        let kpis: Vec<&Entry> = input.kpis.iter().filter(|e| e.domain == d.id).collect();
        let p = kpis.iter().filter(|e| e.tier == Some(Tier::Published)).count();
        let e = kpis.iter().filter(|e| e.tier == Some(Tier::Editorial)).count();
        (all, published, editorial) = (all + kpis.len(), published + p, editorial + e);
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\"><a href=\"{}/index.html\">{}</a></th><td class=\"num\">{}</td><td class=\"num\">{p}</td><td class=\"num\">{e}</td></tr>",
            esc(&d.id),
            esc(&d.label),
            kpis.len()
        );
    }
    let _ = writeln!(
        b,
        "</tbody>\n<tfoot><tr><th scope=\"row\">All domains</th><td class=\"num\">{all}</td><td class=\"num\">{published}</td><td class=\"num\">{editorial}</td></tr></tfoot>\n</table></div>"
    );
    b.push_str(
        "<p><strong>Published</strong> KPIs are anchored to a published third-party standard; \
         <strong>editorial</strong> KPIs are defined by the catalog's own editors until a standard exists.</p>\n",
    );
    page("KPI catalog", "", &b, &footer(input, "../"))
}

/// `ontology/<domain>/index.html`: the domain's KPIs.
pub fn domain_page(input: &Input<'_>, d: &DomainInfo) -> String {
    let kpis: Vec<&Entry> = input.kpis.iter().filter(|e| e.domain == d.id).collect();
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"lede\">{} KPIs. <a href=\"../../api/ontology/{}.json\">This domain as JSON</a>.</p>\n",
        esc(&d.label),
        kpis.len(),
        esc(&d.id)
    );
    b.push_str(
        "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">KPI and Rogue ID</th>\
         <th scope=\"col\">Type</th><th scope=\"col\">Tier</th></tr></thead>\n<tbody>\n",
    );
    for e in kpis {
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a><br><code class=\"id\">{}</code></th><td>{}</td><td>{}</td></tr>",
            esc(&kpi_href(&e.domain, &e.slug)),
            esc(label(e)),
            esc(&e.id),
            esc(&type_text(e.obj)),
            tier_badge(e.tier)
        );
    }
    b.push_str("</tbody>\n</table></div>\n");
    let crumbs = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../index.html\">KPI catalog</a></nav>\n";
    page(&format!("{} — KPI catalog", d.label), crumbs, &b, &footer(input, "../../"))
}

fn str_of<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    obj.get(key).and_then(Value::as_str)
}

fn label<'e>(e: &'e Entry<'_>) -> &'e str {
    str_of(e.obj, "defaultLabel").unwrap_or(&e.id)
}

fn type_text(obj: &Map<String, Value>) -> String {
    let t = humanize(str_of(obj, "fieldType").unwrap_or("unknown"));
    match str_of(obj, "unit") {
        Some(u) => format!("{t} ({u})"),
        None => t,
    }
}

/// An object's members in a preferred order, then the others (alphabetically:
/// parsed objects do not keep the file's order).
fn in_order<'v>(obj: &'v Map<String, Value>, order: &[&str]) -> Vec<(&'v String, &'v Value)> {
    let mut out: Vec<(&String, &Value)> = order.iter().filter_map(|k| obj.get_key_value(*k)).collect();
    out.extend(obj.iter().filter(|(k, _)| !order.contains(&k.as_str())));
    out
}

const POLICY_ORDER: &[&str] =
    &["inclusions", "exclusions", "requiredInputs", "edgeCases", "validationChecks", "commonMiscomputations"];

/// Scalars as plain text (strings unquoted, numbers as written).
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

/// A free-form value (calculationPolicy): strings as prose, lists as lists, objects as headed parts.
fn free_form(input: &Input<'_>, domain: &str, v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            let _ = writeln!(out, "<p>{}</p>", prose(input, domain, s));
        }
        Value::Array(items) => {
            out.push_str("<ul>\n");
            for item in items {
                match item {
                    Value::String(s) => _ = writeln!(out, "<li>{}</li>", prose(input, domain, s)),
                    Value::Array(_) | Value::Object(_) => {
                        out.push_str("<li>");
                        free_form(input, domain, item, out);
                        out.push_str("</li>\n");
                    }
                    other => _ = writeln!(out, "<li>{}</li>", esc(&scalar(other))),
                }
            }
            out.push_str("</ul>\n");
        }
        Value::Object(members) => {
            for (k, v) in in_order(members, POLICY_ORDER) {
                let _ = writeln!(out, "<h3>{}</h3>", esc(&humanize(k)));
                free_form(input, domain, v, out);
            }
        }
        other => _ = writeln!(out, "<p>{}</p>", esc(&scalar(other))),
    }
}

fn section(out: &mut String, id: &str, title: &str, body: &str) {
    let _ = write!(out, "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n{body}</section>\n", esc(title));
}

/// `ontology/<domain>/<slug>.html`: one KPI.
pub fn kpi_page(input: &Input<'_>, e: &Entry<'_>) -> String {
    let obj = e.obj;
    let d = e.domain.as_str();
    let domain_label = input.domain_label(d);
    let description = str_of(obj, "description").unwrap_or("");
    let mut b = format!("<h1>{}</h1>\n", esc(label(e)));
    if !description.is_empty() {
        let _ = writeln!(b, "<p class=\"lede\">{}</p>", prose(input, d, first_sentence(description)));
    }
    let _ = write!(
        b,
        "<dl class=\"facts\">\n<dt>Rogue ID</dt><dd><code>{}</code></dd>\n<dt>Type</dt><dd>{}</dd>\n\
         <dt>Domain</dt><dd><a href=\"index.html\">{}</a></dd>\n<dt>Tier</dt><dd>{}</dd>\n",
        esc(&e.id),
        esc(&type_text(obj)),
        esc(domain_label),
        tier_badge(e.tier)
    );
    if let Some(m) = str_of(obj, "maturity") {
        let _ = writeln!(b, "<dt>Maturity</dt><dd>{}</dd>", esc(m));
    }
    b.push_str("</dl>\n");

    if !description.is_empty() {
        section(&mut b, "definition", "Definition", &format!("<p>{}</p>\n", prose(input, d, description)));
    }
    if let Some(f) = str_of(obj, "formula") {
        section(&mut b, "formula", "Formula", &format!("<p class=\"formula\">{}</p>\n", prose(input, d, f)));
    }
    if let Some(t) = str_of(obj, "whyItMatters") {
        section(&mut b, "why", "Why it matters", &format!("<p>{}</p>\n", prose(input, d, t)));
    }
    if let Some(t) = str_of(obj, "interpretationGuidance") {
        section(&mut b, "interpret", "How to interpret", &format!("<p>{}</p>\n", prose(input, d, t)));
    }
    if let Some(related) = obj.get("relatedKpiIds").and_then(Value::as_array).filter(|r| !r.is_empty()) {
        let mut s = String::from("<ul class=\"related\">\n");
        for id in related.iter().filter_map(Value::as_str) {
            match input.kpi(id) {
                Some(r) => {
                    _ = writeln!(
                        s,
                        "<li><a href=\"{}\">{}</a> <code>{}</code></li>",
                        esc(&kpi_href(&r.domain, &r.slug)),
                        esc(label(r)),
                        esc(id)
                    )
                }
                None => _ = writeln!(s, "<li><code>{}</code></li>", esc(id)),
            }
        }
        s.push_str("</ul>\n");
        section(&mut b, "related", "Related KPIs", &s);
    }
    section(&mut b, "source", "Source", &source(obj, e.tier));
    section(&mut b, "stages", "Stage relevance", &stages(obj));
    if let Some(fns) = obj.get("defaultOwningFunctions").and_then(Value::as_array) {
        let names: Vec<String> = fns.iter().map(|f| esc(&scalar(f))).collect();
        let body = if names.is_empty() {
            "<p>None listed.</p>\n".to_string()
        } else {
            format!("<p>{}</p>\n", names.join(", "))
        };
        section(&mut b, "owners", "Default owning functions", &body);
    }
    if let Some(bm) = obj.get("benchmark").and_then(Value::as_object) {
        section(&mut b, "benchmark", "Benchmark", &benchmark(bm));
    }
    if let Some(mb) = obj.get("metricBasis").and_then(Value::as_object).filter(|m| !m.is_empty()) {
        let mut s = String::from("<dl class=\"facts\">\n");
        let order = crate::fmt::NESTED_ORDER.iter().find(|(k, _)| *k == "metricBasis").map_or(&[][..], |(_, o)| *o);
        for (k, v) in in_order(mb, order) {
            let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", esc(&humanize(k)), esc(&humanize(&scalar(v))));
        }
        s.push_str("</dl>\n");
        section(&mut b, "basis", "Metric basis", &s);
    }
    if let Some(cp) = obj.get("calculationPolicy").filter(|v| v.as_object().is_none_or(|o| !o.is_empty())) {
        let mut s = String::new();
        free_form(input, d, cp, &mut s);
        section(&mut b, "policy", "Calculation policy", &s);
    }
    let disputes = disputes(input, &e.id);
    if !disputes.is_empty() {
        section(&mut b, "disputes", "Disputes", &disputes);
    }
    let flows = flows(input, &e.id);
    if !flows.is_empty() {
        section(&mut b, "flows", "Flows", &flows);
    }
    let data = format!(
        "<ul>\n<li><a href=\"../../api/ontology/{d}/{s}.json\">This KPI as JSON</a></li>\n\
         <li><a href=\"../../api/ontology/{d}.json\">The {} domain as JSON</a></li>\n\
         <li><a href=\"../../api/ontology/index.json\">The full catalog as JSON</a></li>\n</ul>\n",
        esc(domain_label),
        d = esc(d),
        s = esc(&e.slug)
    );
    section(&mut b, "data", "Data", &data);
    let crumbs = format!(
        "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../index.html\">KPI catalog</a> › <a href=\"index.html\">{}</a></nav>\n",
        esc(domain_label)
    );
    page(&format!("{} ({}) — KPI catalog", label(e), e.id), &crumbs, &b, &footer(input, "../../"))
}

fn source(obj: &Map<String, Value>, tier: Option<Tier>) -> String {
    let Some(src) = obj.get("definitionSource").and_then(Value::as_object) else {
        return "<p>No source recorded.</p>\n".into();
    };
    let name = str_of(src, "sourceName").unwrap_or("an unnamed source");
    let date = str_of(src, "publicationDate");
    match tier {
        Some(Tier::Published) => {
            let standard = match str_of(src, "sourceUrl") {
                Some(url) => format!("<a href=\"{}\">{}</a>", esc(url), esc(name)),
                None => esc(name),
            };
            let mut s = format!("<p><span class=\"badge published\">Published</span> Anchored to {standard}");
            if let Some(sec) = str_of(src, "sectionRef") {
                let _ = write!(s, ", section “{}”", esc(sec));
            }
            if let Some(date) = date {
                let _ = write!(s, " (published {})", esc(date));
            }
            s.push_str(".</p>\n");
            if let Some(notice) = str_of(src, "attributionNotice") {
                let _ = writeln!(s, "<p class=\"notice\">{}</p>", esc(notice));
            }
            s
        }
        _ => {
            let mut s = format!(
                "<p><span class=\"badge editorial\">Editorial</span> Defined by {}, the catalog's own editors: \
                 no published standard anchors this KPI yet.",
                esc(name)
            );
            if let Some(date) = date {
                let _ = write!(s, " First published {}.", esc(date));
            }
            s.push_str("</p>\n");
            s
        }
    }
}

fn stages(obj: &Map<String, Value>) -> String {
    let relevance = obj.get("stageRelevance").and_then(Value::as_object);
    let mut s = String::from(
        "<div class=\"table-wrap\"><table class=\"compact\">\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Relevance</th></tr></thead>\n<tbody>\n",
    );
    for stage in STAGES {
        let level = relevance.and_then(|r| r.get(*stage)).and_then(Value::as_str);
        let text = match level {
            Some("core") => "Core".to_string(),
            Some("recommended") => "Recommended".to_string(),
            Some(other) => esc(other),
            None => "—".to_string(),
        };
        let _ = writeln!(s, "<tr><th scope=\"row\">{}</th><td>{text}</td></tr>", stage_label(stage));
    }
    s.push_str("</tbody>\n</table></div>\n");
    if let Some(suggested) = obj.get("suggestedForStages").and_then(Value::as_array) {
        let names: Vec<String> = suggested.iter().filter_map(Value::as_str).map(|st| esc(stage_label(st))).collect();
        let _ = writeln!(
            s,
            "<p><strong>Suggested stages:</strong> {}</p>",
            if names.is_empty() { "none".to_string() } else { names.join(", ") }
        );
    }
    s
}

fn benchmark(bm: &Map<String, Value>) -> String {
    let unit = str_of(bm, "unit").map(|u| format!(" {}", esc(u))).unwrap_or_default();
    let cell = |k: &str| bm.get(k).map_or_else(|| "—".to_string(), |v| format!("{}{unit}", esc(&scalar(v))));
    let mut s = format!(
        "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\" class=\"num\">25th percentile</th>\
         <th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">75th percentile</th></tr></thead>\n\
         <tbody><tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tbody>\n</table></div>\n",
        cell("p25"),
        cell("median"),
        cell("p75")
    );
    let mut notes = Vec::new();
    if let Some(name) = str_of(bm, "sourceName") {
        let year = str_of(bm, "sourceYear").map(|y| format!(" ({})", esc(y))).unwrap_or_default();
        notes.push(format!("Source: {}{year}.", esc(name)));
    }
    match bm.get("higherIsBetter").and_then(Value::as_bool) {
        Some(true) => notes.push("Higher is better.".into()),
        Some(false) => notes.push("Lower is better.".into()),
        None => {}
    }
    if !notes.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", notes.join(" "));
    }
    s
}

fn kpi_ref(input: &Input<'_>, id: &str) -> String {
    match input.kpi(id) {
        Some(r) => format!("<a href=\"{}\">{}</a>", esc(&kpi_href(&r.domain, &r.slug)), esc(label(r))),
        None => format!("<code>{}</code>", esc(id)),
    }
}

/// One block per dispute (a five-column table is unreadable at phone width).
fn disputes(input: &Input<'_>, id: &str) -> String {
    let mut s = String::new();
    for d in input.catalog.disputes_on(id) {
        let kind = d.kind.map_or("", |k| k.as_str());
        let status = d.status.map_or("", |k| k.as_str());
        let _ = writeln!(s, "<h3>{}: {kind} dispute, {status}</h3>\n<dl class=\"facts\">", esc(d.name()));
        if let Some(at) = &d.opened_at {
            let _ = writeln!(s, "<dt>Opened</dt><dd>{}</dd>", esc(at));
        }
        if let Some(by) = &d.raised_by {
            let _ = writeln!(s, "<dt>Raised by</dt><dd>{}</dd>", esc(by));
        }
        if let Some(claim) = &d.claim {
            let _ = writeln!(s, "<dt>Claim</dt><dd>{}</dd>", esc(claim));
        }
        let evidence: Vec<String> = d
            .evidence
            .iter()
            .map(|e| {
                let title = esc(e.title.as_deref().or(e.url.as_deref()).unwrap_or("evidence"));
                let title = match &e.url {
                    Some(url) => format!("<a href=\"{}\">{title}</a>", esc(url)),
                    None => title,
                };
                match &e.section_ref {
                    Some(sec) => format!("{title} ({})", esc(sec)),
                    None => title,
                }
            })
            .collect();
        if !evidence.is_empty() {
            let _ = writeln!(s, "<dt>Evidence</dt><dd>{}</dd>", evidence.join("; "));
        }
        if let Some(dec) = &d.decision {
            let mut text = esc(dec.summary.as_deref().unwrap_or(""));
            if let Some(at) = &dec.decided_at {
                let _ = write!(text, " (decided {})", esc(at));
            }
            if let Some(v) = &dec.released_in {
                let _ = write!(text, "; released in {}", esc(v));
            }
            let _ = writeln!(s, "<dt>Decision</dt><dd>{text}</dd>");
        }
        s.push_str("</dl>\n");
    }
    s
}

fn flows(input: &Input<'_>, id: &str) -> String {
    let mut rows = String::new();
    for f in &input.catalog.flows {
        let mut parts = Vec::new();
        if f.container.as_deref() == Some(id) {
            parts.push("container".to_string());
        }
        if f.start.as_deref() == Some(id) {
            parts.push("opening value".to_string());
        }
        if f.end.as_deref() == Some(id) {
            parts.push("closing value".to_string());
        }
        for l in f.lines.iter().filter(|l| l.kpi.as_deref() == Some(id)) {
            let sign = l.sign.map_or("", |s| if s.as_str() == "-" { "−" } else { "+" });
            let role = l.role.map_or("", |r| r.as_str());
            parts.push(format!("line {sign} {role}").trim_end().to_string());
        }
        if parts.is_empty() {
            continue;
        }
        let mut equation = f.start.as_deref().map(|s| kpi_ref(input, s)).unwrap_or_default();
        for l in &f.lines {
            let sign = l.sign.map_or("+", |s| if s.as_str() == "-" { "−" } else { "+" });
            let _ = write!(equation, " {sign} {}", l.kpi.as_deref().map(|k| kpi_ref(input, k)).unwrap_or_default());
        }
        if let Some(end) = &f.end {
            let _ = write!(equation, " = {}", kpi_ref(input, end));
        }
        let _ = writeln!(
            rows,
            "<tr><th scope=\"row\">{}<code class=\"id\">{}</code></th><td>{}</td><td>{equation}</td></tr>",
            f.label.as_deref().map_or_else(String::new, |l| format!("{}<br>", esc(l))),
            // Break long ids after their dot rather than inside a word.
            esc(f.name()).replace('.', ".<wbr>"),
            esc(&parts.join(", "))
        );
    }
    if rows.is_empty() {
        return rows;
    }
    format!(
        "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Flow</th><th scope=\"col\">Part of this KPI</th>\
         <th scope=\"col\">Reconciliation</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n"
    )
}
