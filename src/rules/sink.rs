//! Where a rule reports findings. The rule gives a file and a JSON pointer
//! (or a byte span); the message is rendered from the rule's template and the
//! fingerprint from the arguments when the rule is done.

use super::RuleMeta;
use crate::findings::{Finding, Label, Location, fingerprint};
use crate::model::{Catalog, Kpi, SourceFile};
use crate::parse::Span;

pub struct Sink<'c> {
    meta: &'static RuleMeta,
    catalog: &'c Catalog,
    /// The base catalog and its revision, for findings located in the base.
    base: Option<(&'c Catalog, &'c str)>,
    findings: Vec<Finding>,
    /// Per finding: in the base or not, its file index, what part of the value to point at.
    targets: Vec<(bool, usize, Target)>,
}

/// Which part of the value at a pointer a finding points at.
#[derive(Debug, Clone, Default)]
enum Target {
    #[default]
    Value,
    /// The member's key (unknown or unwanted properties).
    Key,
    /// A byte range of the decoded string value (a mention inside a description).
    Within(Span),
}

/// A finding being built; chain `arg`, `help`, `label`, `on_key`.
pub struct Report<'s, 'c> {
    sink: &'s mut Sink<'c>,
}

impl<'c> Sink<'c> {
    pub fn new(meta: &'static RuleMeta, catalog: &'c Catalog, base: Option<(&'c Catalog, &'c str)>) -> Self {
        Sink { meta, catalog, base, findings: Vec::new(), targets: Vec::new() }
    }

    /// Reports at the value at `pointer` in file `file` (an index into `Catalog::files`).
    pub fn report(&mut self, file: usize, pointer: impl Into<String>) -> Report<'_, 'c> {
        let path = self.catalog.files[file].path.clone();
        let kpi = self.catalog.kpi_in_file(file).map(|k| k.id());
        let mut r = self.push(false, file, Location { file: path, pointer: pointer.into(), span: None, rev: None });
        r.finding().kpi = kpi;
        r
    }

    /// Reports at a value of a KPI as it is in the base state (a removed KPI).
    pub fn report_base_kpi(&mut self, kpi: &Kpi, pointer: impl Into<String>) -> Report<'_, 'c> {
        let (base, rev) = self.base.expect("base locations are reported only by diff rules");
        let path = base.files[kpi.file].path.clone();
        let loc = Location { file: path, pointer: pointer.into(), span: None, rev: Some(rev.to_string()) };
        let mut r = self.push(true, kpi.file, loc);
        r.finding().kpi = Some(kpi.id());
        r
    }

    /// Reports at a value of a KPI; the KPI id becomes the finding's subject.
    pub fn report_kpi(&mut self, kpi: &Kpi, pointer: impl Into<String>) -> Report<'_, 'c> {
        let id = kpi.id();
        let mut r = self.report(kpi.file, pointer);
        r.finding().kpi = Some(id);
        r
    }

    /// Reports at a value of a file as it is in the base state.
    pub fn report_base_file(&mut self, file: usize, pointer: impl Into<String>) -> Report<'_, 'c> {
        let (base, rev) = self.base.expect("base locations are reported only by diff rules");
        let path = base.files[file].path.clone();
        self.push(true, file, Location { file: path, pointer: pointer.into(), span: None, rev: Some(rev.to_string()) })
    }

    /// Reports at a file outside the catalog's JSON (a snapshot, the changelog).
    pub fn report_path(&mut self, path: &str) -> Report<'_, 'c> {
        let loc = Location { file: path.to_string(), pointer: String::new(), span: None, rev: None };
        // No file index: `finish` finds nothing to resolve for it.
        self.push(false, usize::MAX, loc)
    }

    /// Reports at a known byte span (file-level problems).
    pub fn report_span(&mut self, file: usize, span: Span) -> Report<'_, 'c> {
        let path = self.catalog.files[file].path.clone();
        let kpi = self.catalog.kpi_in_file(file).map(|k| k.id());
        let mut r =
            self.push(false, file, Location { file: path, pointer: String::new(), span: Some(span), rev: None });
        r.finding().kpi = kpi;
        r
    }

    fn push(&mut self, in_base: bool, file: usize, location: Location) -> Report<'_, 'c> {
        self.findings.push(Finding {
            rule: self.meta,
            severity: self.meta.default_severity,
            message: String::new(),
            help: None,
            location,
            kpi: None,
            labels: Vec::new(),
            args: Vec::new(),
            fingerprint: String::new(),
        });
        self.targets.push((in_base, file, Target::Value));
        Report { sink: self }
    }

    /// Renders messages, computes fingerprints and resolves pointer spans.
    pub fn finish(self) -> Vec<Finding> {
        let catalog = self.catalog;
        let base = self.base.map(|(b, _)| b);
        self.findings
            .into_iter()
            .zip(self.targets)
            .map(|(mut f, (in_base, file, target))| {
                f.message = f.rule.render(&f.args);
                f.fingerprint =
                    fingerprint(f.rule.code, f.kpi.as_deref(), &f.location.file, &f.location.pointer, &f.args);
                let files = if in_base { &base.unwrap_or(catalog).files } else { &catalog.files };
                if let Some(file) = files.get(file) {
                    resolve(file, &mut f.location, &target);
                }
                f
            })
            .collect()
    }
}

/// Gives a location its span: the value at the pointer, or its key, or the
/// nearest ancestor that exists (a missing property points at its object).
fn resolve(file: &SourceFile, loc: &mut Location, target: &Target) {
    if loc.span.is_some() {
        return;
    }
    let mut pointer = loc.pointer.as_str();
    loop {
        if let Some(found) = crate::parse::locate(&file.text, file.body_start(), pointer) {
            let exact = pointer == loc.pointer;
            loc.span = Some(match target {
                Target::Key if exact => found.key.unwrap_or(found.value),
                Target::Within(sub) if exact => {
                    crate::parse::json::string_subspan(&file.text, &found.value, sub).unwrap_or(found.value)
                }
                _ => found.value,
            });
            return;
        }
        match crate::parse::pointer::parent(pointer) {
            Some(p) => pointer = p,
            None => return,
        }
    }
}

impl Report<'_, '_> {
    fn finding(&mut self) -> &mut Finding {
        self.sink.findings.last_mut().expect("a report always follows a push")
    }

    /// A message argument; it feeds the template and the fingerprint.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.finding().args.push((name, value.to_string()));
        self
    }

    /// Names the KPI the finding is about when the file is not the KPI's own
    /// (a dispute record): JSON `kpi`, the fingerprint, per-KPI reports.
    pub fn about(mut self, kpi: Option<&str>) -> Self {
        if let Some(kpi) = kpi {
            self.finding().kpi = Some(kpi.to_string());
        }
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.finding().help = Some(text.into());
        self
    }

    /// Sets the JSON pointer of a finding reported at a span.
    pub fn pointer(mut self, pointer: impl Into<String>) -> Self {
        self.finding().location.pointer = pointer.into();
        self
    }

    /// Sets the byte span of a finding reported at a path (a value in ontolint.toml).
    pub fn span(mut self, span: Span) -> Self {
        self.finding().location.span = Some(span);
        self
    }

    /// Marks the location as being in the base state (a file deleted since).
    pub fn in_base(mut self) -> Self {
        let rev = self.sink.base.map(|(_, r)| r.to_string());
        self.finding().location.rev = rev;
        self
    }

    /// Points at the member's key instead of its value (unknown or unwanted properties).
    pub fn on_key(self) -> Self {
        if let Some(t) = self.sink.targets.last_mut() {
            t.2 = Target::Key;
        }
        self
    }

    /// Points at a byte range of the decoded string value.
    pub fn within(self, range: Span) -> Self {
        if let Some(t) = self.sink.targets.last_mut() {
            t.2 = Target::Within(range);
        }
        self
    }

    /// A secondary label at a pointer of another (or the same) file.
    pub fn label(mut self, file: usize, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        let source = &self.sink.catalog.files[file];
        let mut location = Location { file: source.path.clone(), pointer: pointer.into(), span: None, rev: None };
        resolve(source, &mut location, &Target::Value);
        self.finding().labels.push(Label { location, message: message.into() });
        self
    }

    /// A secondary label at a byte span, with the pointer it stands for.
    pub fn label_span(mut self, file: usize, span: Span, pointer: String, message: impl Into<String>) -> Self {
        let path = self.sink.catalog.files[file].path.clone();
        let location = Location { file: path, pointer, span: Some(span), rev: None };
        self.finding().labels.push(Label { location, message: message.into() });
        self
    }
}
