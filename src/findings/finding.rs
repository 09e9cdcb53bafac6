use super::RuleMeta;
use super::Severity;
use crate::parse::Span;

/// Where a finding points: a file, a JSON pointer and, once resolved, a byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Path relative to the catalog root, with `/` separators.
    pub file: String,
    pub pointer: String,
    pub span: Option<Span>,
    /// The base revision (short commit id) when the location is in the base state.
    pub rev: Option<String>,
}

/// A secondary label: another place that explains the finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub location: Location,
    pub message: String,
}

/// One problem found by one rule.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub location: Location,
    pub kpi: Option<String>,
    pub labels: Vec<Label>,
    pub args: Vec<(&'static str, String)>,
    pub fingerprint: String,
}

impl Finding {
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// Deterministic order: file, position, code, message.
    pub fn sort_key(&self) -> (&str, bool, usize, &str, &str, &str) {
        let offset = self.location.span.as_ref().map_or(0, |s| s.start);
        (
            &self.location.file,
            self.location.rev.is_some(),
            offset,
            self.rule.code,
            &self.location.pointer,
            &self.message,
        )
    }
}

/// Counts of a run, shown in every output format.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub kpis: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}
