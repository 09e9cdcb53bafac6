//! Rule metadata: what every finding knows about the rule that produced it.
//! Declared here, below the rules, so findings and renderers never import rule
//! logic; `declare_rule!` (in `rules/meta.rs`) fills it in.

use super::Severity;
use serde::Serialize;

/// Rule categories; each has its three-letter code prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    File,
    Schema,
    Identity,
    Reference,
    Tier,
    Stage,
    Editorial,
    Versioning,
    Snapshot,
    Dispute,
    Flow,
    Config,
}

impl Category {
    pub const ALL: &[Category] = &[
        Category::File,
        Category::Schema,
        Category::Identity,
        Category::Reference,
        Category::Tier,
        Category::Stage,
        Category::Editorial,
        Category::Versioning,
        Category::Snapshot,
        Category::Dispute,
        Category::Flow,
        Category::Config,
    ];

    pub fn prefix(self) -> &'static str {
        match self {
            Category::File => "FIL",
            Category::Schema => "SCH",
            Category::Identity => "IDN",
            Category::Reference => "REF",
            Category::Tier => "TIR",
            Category::Stage => "STG",
            Category::Editorial => "EDT",
            Category::Versioning => "VER",
            Category::Snapshot => "SNP",
            Category::Dispute => "DSP",
            Category::Flow => "FLW",
            Category::Config => "CFG",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::File => "file",
            Category::Schema => "schema",
            Category::Identity => "identity",
            Category::Reference => "reference",
            Category::Tier => "tier",
            Category::Stage => "stage",
            Category::Editorial => "editorial",
            Category::Versioning => "versioning",
            Category::Snapshot => "snapshot",
            Category::Dispute => "dispute",
            Category::Flow => "flow",
            Category::Config => "config",
        }
    }

    /// The source folder under `src/rules/` that holds this category's rules.
    pub fn folder(self) -> &'static str {
        self.name()
    }
}

/// What input a rule needs (as in Ruff's checker split).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Parsed files, even when no model can be built.
    File,
    /// One KPI at a time.
    Kpi,
    /// The whole catalog (cross-file).
    Catalog,
    /// Two states of the catalog (`ontolint diff`).
    Diff,
    /// `ontolint.toml` itself, judged once the other rules ran (ignores that
    /// match nothing or have expired); reported by the suppression step.
    Config,
}

/// Everything known about a rule, declared next to its check.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    pub scope: Scope,
    /// Message template; `{arg}` placeholders are filled from the finding's arguments.
    pub message: &'static str,
    pub since: &'static str,
    /// The `///` documentation, one leading space per line as rustdoc leaves it.
    pub raw_docs: &'static str,
    pub file: &'static str,
    pub line: u32,
}

impl RuleMeta {
    /// The documentation with rustdoc's leading space removed.
    pub fn docs(&self) -> String {
        let mut out: String =
            self.raw_docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
        out.push('\n');
        out
    }

    /// The documentation as `explain` shows it: fence annotations for the
    /// example harness (`json,expect=REF001 path=…`) reduced to the language.
    pub fn docs_for_display(&self) -> String {
        self.docs()
            .lines()
            .map(|l| match l.trim_start().strip_prefix("```") {
                Some(info) if !info.is_empty() => {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    let lang = info.split([',', ' ']).next().unwrap_or("");
                    format!("{indent}```{lang}")
                }
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    /// First line of the docs.
    pub fn summary(&self) -> &'static str {
        self.raw_docs.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
    }

    /// Fills the message template.
    pub fn render(&self, args: &[(&str, String)]) -> String {
        let mut out = self.message.to_string();
        for (k, v) in args {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }

    /// The docs URL of the rule (the README's rule table).
    pub fn help_uri(&self) -> String {
        format!("https://github.com/ontolint/ontolint/blob/main/docs/rules.md#{}", self.code.to_lowercase())
    }
}
