//! Human diagnostics through miette: a source snippet, a label at the span, a
//! help line. miette stays in this file; the core model does not know it.

use super::{Positions, Sources, display_path, summary_line};
use crate::findings::{Finding, Severity, Summary};
use crate::parse::LineIndex;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};
use std::fmt::{self, Write};

/// Lines longer than this (in bytes) are shown as a window around the label.
const LONG_LINE: usize = 200;
/// Bytes of context each side of a label on a long line.
const WINDOW: usize = 60;

/// A file's text for miette. Columns are counted in characters as everywhere
/// else (miette's own `str` source counts bytes); control and bidi characters
/// are replaced by placeholders of the same length, so a file cannot drive the
/// terminal; a lone CR ends a line as editors show it; a long line (minified
/// JSON) is shown as a window around the label.
struct Source {
    name: String,
    text: String,
    index: LineIndex,
}

impl Source {
    fn new(name: String, text: &str) -> Self {
        let text = super::same_length_printable(text);
        let index = LineIndex::new(&text);
        Source { name, text, index }
    }

    /// The span miette should underline: the first line of a multi-line value
    /// (an object missing a property), and the last character for an
    /// end-of-file position.
    fn display_span(&self, span: &crate::parse::Span) -> SourceSpan {
        let text = &self.text;
        let mut start = span.start.min(text.len());
        if start == text.len() && start > 0 {
            start = text[..start].char_indices().next_back().map_or(0, |(i, _)| i);
        }
        let end = span.end.clamp(start, text.len());
        let end = match text[start..end].find('\n') {
            Some(_) => start + text[start..].chars().next().map_or(0, char::len_utf8),
            None if end == start => start + text[start..].chars().next().map_or(0, char::len_utf8),
            None => end,
        };
        SourceSpan::from((start, end - start))
    }
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let (off, len) = (span.offset().min(text.len()), span.len());
        let line_start = text[..off].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[off..].find('\n').map_or(text.len(), |i| off + i);
        if (before == 0 && after == 0) || line_end - line_start <= LONG_LINE {
            let inner = text.read_span(span, before, after)?;
            let column = self.index.position(text, inner.span().offset()).column - 1;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                column,
                inner.line_count(),
            )));
        }
        let mut start = off.saturating_sub(WINDOW).max(line_start);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (off + len + WINDOW).min(line_end).max(off + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let pos = self.index.position(text, start);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[start..end],
            SourceSpan::from((start, end - start)),
            pos.line - 1,
            pos.column - 1,
            1,
        )))
    }
}

struct Diag<'a> {
    finding: &'a Finding,
    source: Source,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::printable(&self.finding.message))
    }
}

impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}({})", self.finding.rule.code, self.finding.rule.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Renders every finding with a snippet, then the summary line.
pub fn human(sources: Sources<'_>, findings: &[Finding], summary: &Summary, color: bool) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
    let pos = Positions::new(sources, findings);
    let mut out = String::new();
    for f in findings {
        let text = pos.text(&f.location).unwrap_or("");
        let source = Source::new(display_path(&f.location), text);
        let mut labels = Vec::new();
        if let Some(span) = &f.location.span {
            labels.push(LabeledSpan::new_primary_with_span(Some(label_text(f)), source.display_span(span)));
        }
        let mut notes = Vec::new();
        for l in &f.labels {
            match &l.location.span {
                Some(span) if l.location.file == f.location.file && l.location.rev == f.location.rev => {
                    let message = super::printable(&l.message).into_owned();
                    labels.push(LabeledSpan::new_with_span(Some(message), source.display_span(span)));
                }
                _ => {
                    let (p, _) = pos.range(&l.location);
                    notes.push(format!("{}: {}:{}:{}", l.message, display_path(&l.location), p.line, p.column));
                }
            }
        }
        let mut help = f.help.as_deref().map(|h| super::printable(h).into_owned()).unwrap_or_default();
        for note in notes {
            help = if help.is_empty() { note } else { format!("{help}\n{note}") };
        }
        let diag = Diag { finding: f, source, help: (!help.is_empty()).then_some(help), labels };
        if handler.render_report(&mut out, &diag).is_err() {
            let _ = writeln!(out, "{}[{}] {}", f.severity, f.code(), f.message);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary_line(summary));
    out
}

/// The short text under the caret.
fn label_text(f: &Finding) -> String {
    match f.rule.code {
        "FIL003" => "here".to_string(),
        _ => f.severity.to_string(),
    }
}
