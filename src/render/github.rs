//! `--format github`: GitHub Actions workflow commands (annotations) and the
//! Markdown step summary.

use super::{Positions, Sources, summary_line};
use crate::findings::{Finding, Severity, Summary};
use std::fmt::Write;

/// Escapes the data of a workflow command (after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (`file=…,title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One `::error file=…,line=…::message` per finding, then the summary line.
/// Findings without a span are annotated at line 1 of their file; findings in
/// the base state of `diff` name the base revision in their message.
pub fn github(sources: Sources<'_>, findings: &[Finding], summary: &Summary) -> String {
    let pos = Positions::new(sources, findings);
    let mut out = String::new();
    for f in findings {
        let loc = &f.location;
        let mut props = format!("file={}", escape_property(&loc.file));
        if loc.span.is_some() && pos.text(loc).is_some() {
            let (start, end) = pos.range(loc);
            let _ = write!(
                props,
                ",line={},col={},endLine={},endColumn={}",
                start.line, start.column, end.line, end.column
            );
        } else {
            props.push_str(",line=1");
        }
        let title = format!("{} {}", f.rule.code, f.rule.name);
        let _ = writeln!(
            out,
            "::{} {props},title={}::{}",
            command(f.severity),
            escape_property(&title),
            escape_data(&super::sarif::message_with_rev(f))
        );
    }
    let _ = writeln!(out, "{}", summary_line(summary));
    out
}

/// Text for a Markdown table cell: `|` escaped, line breaks as `<br>`.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace("\r\n", "<br>").replace(['\r', '\n'], "<br>")
}

/// The Markdown section appended to `$GITHUB_STEP_SUMMARY`: a heading, the
/// counts, an optional note (the `diff` verdict) and a table of the findings.
pub fn step_summary(
    title: &str,
    note: Option<&str>,
    sources: Sources<'_>,
    findings: &[Finding],
    summary: &Summary,
) -> String {
    let pos = Positions::new(sources, findings);
    let mut out = format!("## {title}\n\n{}\n\n", summary_line(summary));
    if let Some(note) = note {
        let _ = writeln!(out, "{}\n", note.trim_end());
    }
    if findings.is_empty() {
        out.push_str("No findings.\n\n");
        return out;
    }
    out.push_str("| Location | Code | Severity | Message |\n|---|---|---|---|\n");
    for f in findings {
        let (start, _) = pos.range(&f.location);
        let _ = writeln!(
            out,
            "| {}:{} | {} | {} | {} |",
            cell(&super::display_path(&f.location)),
            start.line,
            f.rule.code,
            f.severity,
            cell(&f.message)
        );
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("a b%:,\n"), "a b%25%3A%2C%0A");
    }

    #[test]
    fn table_cells_keep_one_row() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
    }
}
