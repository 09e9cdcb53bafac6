//! The reviewer checklist of a dispute, derived from its kind. Each item is
//! computed from the catalog, the timeline and the versioning state where it
//! can be; otherwise it is `?` with what the reviewer must look at.

use super::model::{CheckItem, FindingInfo, Status};
use crate::config::Config;
use crate::diff::{Bump, declared};
use crate::history::Timeline;
use crate::model::{Catalog, Dispute, DisputeKind, Kpi, Standard, Tier};
use std::path::Path;

pub struct Context<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub catalog: &'a Catalog,
    pub kpi: &'a Kpi,
    pub dispute: &'a Dispute,
    pub timeline: &'a Timeline,
    pub findings: &'a [FindingInfo],
    pub env: &'a dyn Fn(&str) -> Option<String>,
}

fn item(check: impl Into<String>, status: Status, detail: impl Into<String>) -> CheckItem {
    CheckItem { check: check.into(), status, detail: detail.into() }
}

fn pass_if(ok: bool) -> Status {
    if ok { Status::Pass } else { Status::Fail }
}

/// The checklist for the dispute's kind.
pub fn items(cx: &Context<'_>) -> Vec<CheckItem> {
    let mut out = Vec::new();
    let tier = cx.kpi.tier();
    let needed = match cx.dispute.kind {
        Some(DisputeKind::Attribution) => Bump::Minor,
        Some(DisputeKind::Tier) if tier == Some(Tier::Published) => Bump::Major,
        Some(DisputeKind::Tier) => Bump::Minor,
        _ => Bump::Patch,
    };
    match cx.dispute.kind {
        Some(DisputeKind::Attribution) => attribution(cx, &mut out),
        Some(DisputeKind::Tier) => tier_items(cx, &mut out),
        Some(DisputeKind::Benchmark) => benchmark(cx, &mut out),
        Some(DisputeKind::Definition | DisputeKind::Formula) | None => {
            out.push(item(
                "Evidence is cited",
                pass_if(cx.dispute.evidence.iter().any(|e| e.url.is_some())),
                format!(
                    "{} evidence item(s) with a URL",
                    cx.dispute.evidence.iter().filter(|e| e.url.is_some()).count()
                ),
            ));
            if cx.dispute.kind == Some(DisputeKind::Formula) {
                let formula = cx.kpi.formula.as_deref().unwrap_or("");
                let broken = cx.findings.iter().filter(|f| f.pointer.starts_with("/formula")).count();
                out.push(item(
                    "The formula is present and its KPI mentions resolve",
                    pass_if(!formula.is_empty() && broken == 0),
                    if formula.is_empty() {
                        "no formula".to_string()
                    } else {
                        format!("{broken} finding(s) about the formula")
                    },
                ));
            }
        }
    }
    out.push(decision(cx));
    out.push(item(
        "The KPI has no findings",
        pass_if(cx.findings.is_empty()),
        format!("{} current finding(s) from `ontolint check`", cx.findings.len()),
    ));
    let (bump, version) = release(cx, needed);
    out.push(bump);
    out.push(changelog(cx, version.as_deref()));
    out
}

/// The standard an attribution cites: the KPI's own source once published,
/// else the registered standard whose URL prefix an evidence URL is under.
fn cited<'c>(cx: &Context<'c>) -> (Option<&'c Standard>, Option<String>, Option<String>, bool) {
    let src = cx.kpi.definition_source.as_ref();
    if cx.kpi.tier() == Some(Tier::Published) {
        let std = src.and_then(|s| s.source_name.as_deref()).and_then(|n| cx.catalog.standard(n));
        return (std, src.and_then(|s| s.source_url.clone()), src.and_then(|s| s.section_ref.clone()), true);
    }
    let under = |url: &str, s: &Standard| s.url_prefix.as_deref().is_some_and(|p| url.starts_with(p));
    for e in &cx.dispute.evidence {
        let Some(url) = e.url.as_deref() else { continue };
        if let Some(std) = cx.catalog.standards.iter().find(|s| under(url, s)) {
            return (Some(std), Some(url.to_string()), e.section_ref.clone(), false);
        }
    }
    let first = cx.dispute.evidence.iter().find(|e| e.url.is_some());
    (None, first.and_then(|e| e.url.clone()), first.and_then(|e| e.section_ref.clone()), false)
}

fn attribution(cx: &Context<'_>, out: &mut Vec<CheckItem>) {
    let (std, url, section, published) = cited(cx);
    let whose = if published { "the KPI's definitionSource" } else { "the dispute's evidence" };
    out.push(match (std, &url) {
        (Some(s), _) => {
            item("The cited standard is registered in standards.json", Status::Pass, format!("`{}` ({whose})", s.name))
        }
        (None, Some(u)) => item(
            "The cited standard is registered in standards.json",
            Status::Fail,
            format!("no registered standard covers `{u}` ({whose}): add it to standards.json first"),
        ),
        (None, None) => item("The cited standard is registered in standards.json", Status::Unknown, "no URL cited"),
    });
    out.push(match (std.and_then(|s| s.url_prefix.as_deref()), &url) {
        (Some(prefix), Some(u)) => item(
            "The URL is under the standard's prefix",
            pass_if(u.starts_with(prefix)),
            format!("`{u}` (prefix `{prefix}`)"),
        ),
        _ => {
            item("The URL is under the standard's prefix", Status::Unknown, "no registered standard or URL to compare")
        }
    });
    out.push(match section.filter(|s| !s.trim().is_empty()) {
        Some(s) => item("A section is given", Status::Pass, format!("`{s}`")),
        None => item("A section is given", Status::Fail, format!("no sectionRef in {whose}")),
    });
    let required = std.map(|s| s.attribution_notice.clone());
    out.push(match (required, published) {
        (Some(req), true) => {
            let have = cx.kpi.definition_source.as_ref().and_then(|s| s.attribution_notice.clone());
            let ok = have == req;
            let detail = match (&req, ok) {
                (None, true) => "the standard requires no notice and the KPI carries none".to_string(),
                (Some(_), true) => "the KPI carries the standard's notice word for word".to_string(),
                (None, false) => "the standard requires no notice, but the KPI carries one".to_string(),
                (Some(n), false) => format!("the KPI must carry the notice word for word: \"{n}\""),
            };
            item("The attribution notice is right", pass_if(ok), detail)
        }
        (Some(Some(n)), false) => {
            item("The attribution notice is right", Status::Unknown, format!("once cited, the KPI must carry: \"{n}\""))
        }
        (Some(None), false) => item(
            "The attribution notice is right",
            Status::Pass,
            "the standard requires no notice: attributionNotice stays null",
        ),
        (None, _) => item("The attribution notice is right", Status::Unknown, "no registered standard to compare with"),
    });
}

fn tier_items(cx: &Context<'_>, out: &mut Vec<CheckItem>) {
    let tier = cx.kpi.tier().map_or("unknown", super::tier_name);
    if cx.kpi.tier() == Some(Tier::Published) {
        let upheld = cx.dispute.status == Some(crate::model::DisputeStatus::Upheld);
        out.push(item(
            "A demotion to editorial rests on an upheld dispute",
            if upheld { Status::Pass } else { Status::Unknown },
            format!("the KPI is `{tier}`; this dispute is `{}`", cx.dispute.status.map_or("?", |s| s.as_str())),
        ));
    } else {
        out.push(item(
            "A promotion cites a registered standard",
            Status::Unknown,
            format!("the KPI is `{tier}`: a promotion is an attribution, check its citation"),
        ));
    }
}

fn benchmark(cx: &Context<'_>, out: &mut Vec<CheckItem>) {
    match &cx.kpi.benchmark {
        Some(b) => {
            let ordered = match (b.p25, b.median, b.p75) {
                (Some(a), Some(m), Some(c)) => Some(a <= m && m <= c),
                _ => None,
            };
            out.push(item("The KPI has a benchmark", Status::Pass, ""));
            out.push(match ordered {
                Some(ok) => item("p25 ≤ median ≤ p75", pass_if(ok), ""),
                None => item("p25 ≤ median ≤ p75", Status::Fail, "a percentile is missing"),
            });
        }
        None => out.push(item("The KPI has a benchmark", Status::Unknown, "no benchmark block yet")),
    }
    out.push(item(
        "Evidence is cited",
        pass_if(cx.dispute.evidence.iter().any(|e| e.url.is_some())),
        format!("{} evidence item(s)", cx.dispute.evidence.len()),
    ));
}

fn decision(cx: &Context<'_>) -> CheckItem {
    let d = cx.dispute;
    match (d.status, &d.decision) {
        (Some(s), Some(dec)) if s.needs_decision() => item(
            "The decision is recorded",
            pass_if(dec.summary.is_some() && dec.decided_at.is_some()),
            format!("{} on {}", s.as_str(), dec.decided_at.as_deref().unwrap_or("?")),
        ),
        (Some(s), None) if s.needs_decision() => {
            item("The decision is recorded", Status::Fail, format!("`{}` without a decision", s.as_str()))
        }
        (Some(s), _) => item("The decision is recorded", Status::Unknown, format!("`{}`: not decided yet", s.as_str())),
        (None, _) => item("The decision is recorded", Status::Unknown, "no valid status"),
    }
}

/// Whether the release carries at least `needed`: the release named by the
/// decision (from the timeline), else the pending change against the base.
/// Also returns the version whose changelog heading is expected.
fn release(cx: &Context<'_>, needed: Bump) -> (CheckItem, Option<String>) {
    let what = format!("The release bump is at least {needed}");
    let released_in = cx.dispute.decision.as_ref().and_then(|d| d.released_in.clone());
    if let Some(v) = &released_in {
        // The commit that brought the KPI's change into that version.
        let entry =
            cx.timeline.entries.iter().find(|e| e.version.as_deref() == Some(v.as_str()) && !e.kinds.is_empty());
        let parse = |s: Option<&String>| s.and_then(|s| semver::Version::parse(s).ok());
        return match entry.map(|e| (parse(e.previous_version.as_ref()), parse(e.version.as_ref()))) {
            Some((Some(b), Some(h))) => {
                let d = declared(&b, &h);
                let ok = d.is_some_and(|d| d >= needed);
                (
                    item(what, pass_if(ok), format!("{b} → {h} ({})", d.map_or("a decrease", Bump::as_str))),
                    Some(v.clone()),
                )
            }
            Some(_) => (
                item(
                    what,
                    Status::Unknown,
                    format!("the commit that brought the KPI into {v} has no readable earlier version"),
                ),
                Some(v.clone()),
            ),
            None => (
                item(what, Status::Unknown, format!("no commit in the KPI's timeline changes it in {v}")),
                Some(v.clone()),
            ),
        };
    }
    match crate::governance::run(cx.root, &crate::governance::Head::WorkTree, None, cx.env) {
        Ok(o) => {
            let id = cx.kpi.id();
            let pending = o.changes.iter().any(|c| c.kpi == id);
            let head = crate::governance::Outcome::version(&o.head).map(|v| v.to_string());
            if !pending {
                return (
                    item(
                        what,
                        Status::Unknown,
                        format!("no change to the KPI is pending against the base ({})", o.base_how),
                    ),
                    None,
                );
            }
            let ok = o.declared.is_some_and(|d| d >= needed && d >= o.required);
            let detail = format!(
                "declared {} against the base ({}); the changes require {}",
                o.declared.map_or("a decrease", Bump::as_str),
                o.base_how,
                o.required
            );
            (item(what, pass_if(ok), detail), head)
        }
        Err(e) => (item(what, Status::Unknown, format!("no base to compare with: {e}")), None),
    }
}

fn changelog(cx: &Context<'_>, version: Option<&str>) -> CheckItem {
    let what = "CHANGELOG.md has an entry for the release";
    let Some(v) = version else { return item(what, Status::Unknown, "no release version to look for") };
    let path = cx.config.changelog.clone().unwrap_or_else(|| "CHANGELOG.md".to_string());
    let Ok(text) = std::fs::read_to_string(cx.root.join(&path)) else {
        return item(what, Status::Fail, format!("`{path}` not found"));
    };
    let found = text.lines().any(|l| {
        l.starts_with('#')
            && l.trim_start_matches('#').split_whitespace().next().is_some_and(|w| w.trim_start_matches('v') == v)
    });
    item(what, pass_if(found), format!("a `## {v}` heading in `{path}`"))
}
