//! What `check` and `diff` share after the findings are in: rendering in the
//! requested formats (stdout, `--output FORMAT=PATH` files, the GitHub step
//! summary) and the exit code (`--fail-on`).

use crate::cli::args::{FailOn, Format, OutputTarget};
use crate::error::{Error, Result};
use crate::findings::{Finding, Severity, Summary};
use crate::render::Sources;

/// One run's results, ready to render.
pub struct Run<'a> {
    /// `check` or `diff`: names the step-summary section.
    pub command: &'static str,
    pub sources: Sources<'a>,
    pub findings: &'a [Finding],
    pub summary: &'a Summary,
    /// `check PATHS`: the files the report is narrowed to.
    pub only: Option<&'a [String]>,
    /// `diff`: the line that says what was compared and the verdict.
    pub verdict: Option<String>,
    /// `diff`: the `versioning` object of the JSON output.
    pub versioning: Option<serde_json::Value>,
    /// The lowest severity that fails the run (`None`: `--fail-on never`);
    /// JUnit reports only those as failures.
    pub fail_at: Option<Severity>,
}

impl Run<'_> {
    /// The run in one format (`color` only matters to `human`).
    pub fn render(&self, format: Format, color: bool) -> String {
        let verdict = self.verdict.as_deref().unwrap_or("");
        let (sources, findings, summary) = (self.sources, self.findings, self.summary);
        match format {
            Format::Human => verdict.to_string() + &crate::render::human(sources, findings, summary, color),
            Format::Concise => verdict.to_string() + &crate::render::concise(sources, findings, summary),
            Format::Json => crate::render::json(sources, findings, summary, self.versioning.as_ref()),
            Format::Sarif => crate::render::sarif(sources, findings),
            Format::Github => verdict.to_string() + &crate::render::github(sources, findings, summary),
            Format::Gitlab => crate::render::gitlab(sources, findings),
            Format::Junit => crate::render::junit(sources, findings, self.only, self.fail_at),
        }
    }

    /// Prints `format` to stdout, writes every `--output` file (atomically),
    /// and, when a `github` output is among them and `GITHUB_STEP_SUMMARY`
    /// names a file, appends the Markdown summary to it.
    pub fn emit(&self, format: Format, outputs: &[OutputTarget], color: bool) -> Result<()> {
        for target in outputs {
            crate::cli::write::write_atomic(&target.path, self.render(target.format, false).as_bytes())?;
        }
        crate::cli::print(&self.render(format, color))?;
        let github = format == Format::Github || outputs.iter().any(|t| t.format == Format::Github);
        if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
            && github
        {
            let text = crate::render::step_summary(
                &format!("ontolint {}", self.command),
                self.verdict.as_deref(),
                self.sources,
                self.findings,
                self.summary,
            );
            // The summary is a courtesy: failing to write it must not hide the verdict.
            if let Err(e) = append(std::path::Path::new(&path), &text) {
                eprintln!("warning: GITHUB_STEP_SUMMARY: {e}");
            }
        }
        Ok(())
    }
}

/// Checks `--output` targets before anything runs: a report must never
/// replace a file of the catalog (or be linted as one later), and two reports
/// cannot share a file.
pub fn validate_outputs(root: &std::path::Path, ontology: &str, outputs: &[OutputTarget]) -> Result<()> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    // Absolute and normalised, following links of the folders that exist.
    let absolute = |p: &std::path::Path| {
        let full = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
        let parent = full.parent().map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
        match (parent, full.file_name()) {
            (Some(d), Some(name)) => d.join(name),
            _ => full,
        }
    };
    let ontology = std::fs::canonicalize(root.join(ontology)).unwrap_or_else(|_| root.join(ontology));
    let mut seen = std::collections::BTreeSet::new();
    for t in outputs {
        let path = absolute(&t.path);
        let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if path.starts_with(&ontology) || target.starts_with(&ontology) {
            return Err(Error::usage(
                format!("--output `{}` is inside the catalog's ontology folder", t.path.display()),
                Some("write reports outside ontology/ (they would replace or join the catalog's files)".into()),
            ));
        }
        if !seen.insert(target) {
            return Err(Error::usage(format!("--output `{}` is given twice", t.path.display()), None));
        }
    }
    Ok(())
}

/// Appends to a file (created if missing); never truncates what other steps wrote.
fn append(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write;
    let err = |source| Error::Write { path: path.to_path_buf(), source };
    let mut file = std::fs::OpenOptions::new().append(true).create(true).open(path).map_err(err)?;
    file.write_all(text.as_bytes()).map_err(err)
}

/// The lowest severity that fails the run; `None` for `--fail-on never`.
/// `--deny-warnings` is `--fail-on warning`; the default is `error`.
pub fn fail_at(deny_warnings: bool, fail_on: Option<FailOn>) -> Option<Severity> {
    match fail_on.unwrap_or(if deny_warnings { FailOn::Warning } else { FailOn::Error }) {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// The exit code: 1 when a finding is at or above the failing severity.
pub fn exit_code(findings: &[Finding], fail_at: Option<Severity>) -> u8 {
    u8::from(fail_at.is_some_and(|at| findings.iter().any(|f| f.severity >= at)))
}
