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

/// Text for a Markdown table cell, rendered literally: a value from a KPI
/// file can neither inject HTML or Markdown nor break the row. The message's
/// backticked spans stay code (as `<code>`, since `|` splits a row even
/// inside backticks); everything else is escaped.
fn cell(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    // An unpaired backtick is text: the last part joins the text before it.
    let paired = parts.len() % 2 == 1;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let code = i % 2 == 1 && (paired || i + 1 < parts.len() - 1);
        if i % 2 == 1 && !code {
            out.push_str("\\`");
        }
        if code {
            out.push_str("<code>");
            out.push_str(&escape_cell_text(part, false));
            out.push_str("</code>");
        } else {
            out.push_str(&escape_cell_text(part, true));
        }
    }
    out
}

fn escape_cell_text(s: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            '\\' | '*' | '_' | '[' | ']' | '#' | '!' | '~' | '(' | ')' | '$' if markdown => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
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
        assert_eq!(cell("a|b\nc\r\nd"), "a&#124;b<br>c<br>d");
    }

    #[test]
    fn table_cells_render_values_literally() {
        assert_eq!(
            cell("<img src=x onerror=alert(1)> & **bold**"),
            "&lt;img src=x onerror=alert\\(1\\)&gt; &amp; \\*\\*bold\\*\\*"
        );
        assert_eq!(cell("[link](http://x) _em_ # h"), "\\[link\\]\\(http://x\\) \\_em\\_ \\# h");
        // Backticked spans stay code, escaped as HTML, pipes included.
        assert_eq!(cell("`a|<b>` is unknown"), "<code>a&#124;&lt;b&gt;</code> is unknown");
        // An unpaired backtick is shown as one.
        assert_eq!(cell("`a` and ` b"), "<code>a</code> and \\` b");
    }
}
