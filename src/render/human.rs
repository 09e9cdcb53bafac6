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

/// A file's text for miette, reporting columns in characters as everywhere
/// else (miette's own `str` source counts bytes).
struct Source {
    name: String,
    text: String,
    index: LineIndex,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let column = self.index.position(&self.text, inner.span().offset()).column - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
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
        f.write_str(&self.finding.message)
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

fn source_span(span: &crate::parse::Span) -> SourceSpan {
    SourceSpan::from((span.start, span.end.saturating_sub(span.start)))
}

/// Renders every finding with a snippet, then the summary line.
pub fn human(sources: Sources<'_>, findings: &[Finding], summary: &Summary, color: bool) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
    let pos = Positions::new(sources, findings);
    let mut out = String::new();
    for f in findings {
        let text = pos.text(&f.location).unwrap_or("");
        let mut labels = Vec::new();
        if let Some(span) = &f.location.span {
            labels.push(LabeledSpan::new_primary_with_span(Some(label_text(f)), source_span(span)));
        }
        let mut notes = Vec::new();
        for l in &f.labels {
            match &l.location.span {
                Some(span) if l.location.file == f.location.file && l.location.rev == f.location.rev => {
                    labels.push(LabeledSpan::new_with_span(Some(l.message.clone()), source_span(span)));
                }
                _ => {
                    let (p, _) = pos.range(&l.location);
                    notes.push(format!("{}: {}:{}:{}", l.message, display_path(&l.location), p.line, p.column));
                }
            }
        }
        let mut help = f.help.clone().unwrap_or_default();
        for note in notes {
            help = if help.is_empty() { note } else { format!("{help}\n{note}") };
        }
        let diag = Diag {
            finding: f,
            source: Source { name: display_path(&f.location), text: text.to_string(), index: LineIndex::new(text) },
            help: (!help.is_empty()).then_some(help),
            labels,
        };
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
