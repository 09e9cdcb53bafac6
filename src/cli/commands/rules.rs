use crate::cli::args::{RulesArgs, RulesFormat};
use crate::error::{Error, Result};
use crate::rules::RULES;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

pub const README_BEGIN: &str = "<!-- rules:begin -->";
pub const README_END: &str = "<!-- rules:end -->";

pub fn run(args: &RulesArgs, root: Option<&Path>) -> Result<u8> {
    if args.write_readme {
        let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
        let path = crate::config::find_root(root, &cwd)?.join("README.md");
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
        let updated = replace_region(&text, &markdown()).ok_or_else(|| {
            Error::usage(format!("`{}` has no {README_BEGIN} … {README_END} region", path.display()), None)
        })?;
        crate::cli::write::write_atomic(&path, updated.as_bytes())?;
        return Ok(0);
    }
    let text = match args.format {
        RulesFormat::Table => table(),
        RulesFormat::Json => json(),
        RulesFormat::Markdown => markdown(),
    };
    crate::cli::print(&text)?;
    Ok(0)
}

fn table() -> String {
    let mut out = String::new();
    for r in RULES {
        let m = r.meta();
        let _ = writeln!(out, "{:<7} {:<8} {:<32} {}", m.code, m.default_severity.as_str(), m.name, m.summary());
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonRule {
    code: &'static str,
    name: &'static str,
    category: &'static str,
    default_severity: &'static str,
    summary: &'static str,
    since: &'static str,
}

fn json() -> String {
    let rules: Vec<JsonRule> = RULES
        .iter()
        .map(|r| {
            let m = r.meta();
            JsonRule {
                code: m.code,
                name: m.name,
                category: m.category.name(),
                default_severity: m.default_severity.as_str(),
                summary: m.summary(),
                since: m.since,
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rules).expect("plain data always serialises");
    out.push('\n');
    out
}

/// The README rule table.
pub fn markdown() -> String {
    let mut out = String::from("| Code | Name | Category | Severity | What it checks |\n|---|---|---|---|---|\n");
    for r in RULES {
        let m = r.meta();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            m.code,
            m.name,
            m.category.name(),
            m.default_severity,
            m.summary().replace('|', "\\|")
        );
    }
    out
}

/// Replaces the text between the README markers; `None` when they are missing.
pub fn replace_region(text: &str, body: &str) -> Option<String> {
    let start = text.find(README_BEGIN)? + README_BEGIN.len();
    let end = text[start..].find(README_END)? + start;
    Some(format!("{}\n{}{}", &text[..start], body, &text[end..]))
}
