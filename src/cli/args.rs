//! The command line, declared once with clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "ontolint", version, about = "Lint and govern a git catalog of board-level KPI definitions")]
pub struct Cli {
    /// Catalog root (the folder holding `ontology/`); default: walk up from the working directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// When to colour human output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the catalog: schema, identity, references, tiers, stages, editorial content.
    Check(CheckArgs),
    /// Versioning governance: classify the changes since the base and check the version bump.
    Diff(DiffArgs),
    /// Print (or write) the next version and releasedAt that the changes require.
    Bump(BumpArgs),
    /// Print the Markdown release notes of the changes since the base.
    Changelog(ChangelogArgs),
    /// A KPI's timeline from git: every commit that changed it, matched by rogueId across file moves.
    History(HistoryArgs),
    /// A review report on a KPI or a dispute: card, timeline, disputes, references, findings (Markdown, HTML, JSON).
    Report(ReviewArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Print the documentation of one rule (by code or name).
    Explain {
        /// A rule code (`REF001`) or name (`unresolved-related-kpi`).
        rule: String,
    },
    /// Print an embedded JSON Schema (kpi, catalog, standards, dispute, flow).
    Schema {
        /// The schema name.
        name: String,
    },
    /// Rewrite KPI files in the canonical key order and layout (values kept exactly as written).
    Fmt(FmtArgs),
    /// Publish the catalog: JSON API, JSON Schema and HTML pages (refused when `check` reports errors).
    Build(BuildArgs),
    /// Split a catalog in one of its public JSON shapes into the file layout.
    Import(ImportArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the effective configuration (ontolint.toml, every default filled in) as TOML.
    Config,
    /// Flows: check the catalog's flows on real period values.
    Flow(FlowArgs),
}

#[derive(Debug, Args)]
pub struct FlowArgs {
    #[command(subcommand)]
    pub command: FlowCommand,
}

#[derive(Debug, Subcommand)]
pub enum FlowCommand {
    /// Check every flow on a values file: start + Σ signed lines = end in each period, and each
    /// period's opening = the previous period's closing (exit 1 on an imbalance).
    Check(FlowCheckArgs),
}

#[derive(Debug, Args)]
pub struct FlowCheckArgs {
    /// JSON file of period values keyed by rogueId: {"periods": [{"period", "opening", "movements", "closing"}, …]}.
    #[arg(long, value_name = "FILE")]
    pub values: PathBuf,

    /// Largest difference, in cents, that still balances.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub tolerance_cents: u64,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FlowFormat::Human)]
    pub format: FlowFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlowFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Format only these KPI files (or the KPI files under these folders).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Write nothing: list the files that would change and exit 1 if any would.
    #[arg(long)]
    pub check: bool,

    /// Rewrite files that have uncommitted changes in git (refused by default).
    #[arg(long, conflicts_with = "check")]
    pub allow_dirty: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The output folder; replaced as a whole (it must be new, empty or a previous build).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Also write the release snapshot into the snapshots folder (`snapshots/v/<version>/index.json`).
    #[arg(long)]
    pub snapshot: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The catalog: `{version, releasedAt, kpis}`, a bare array of KPIs, `{version, releasedAt, kpi}` or one KPI.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The catalog root to write into (default: --root, else the catalog around the working directory).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,

    /// Replace KPI files that exist already, and files with uncommitted changes in git.
    #[arg(long)]
    pub force: bool,
}

/// How `check` and `diff` report: format, extra outputs, what fails, which rules.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Make warnings fail the run (exit 1); the same as `--fail-on warning`.
    #[arg(long, conflicts_with = "fail_on")]
    pub deny_warnings: bool,

    /// The lowest severity that fails the run (exit 1); `never` always exits 0 on findings.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Also write FORMAT to PATH (repeatable), e.g. `--output sarif=ontolint.sarif`; `--format` still goes to stdout.
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output: Vec<OutputTarget>,

    /// Keep only these rules' findings: comma-separated codes, names or category prefixes (`REF`); applied after ontolint.toml.
    #[arg(long, value_name = "CODES")]
    pub select: Vec<String>,

    /// Drop these rules' findings: comma-separated codes, names or category prefixes; applied after ontolint.toml.
    #[arg(long, value_name = "CODES")]
    pub ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report only findings in these files (plus catalog-level ones); the whole catalog is still loaded.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub report: ReportArgs,
}

/// Which two states to compare.
#[derive(Debug, Args)]
pub struct StateArgs {
    /// Base revision; default: the merge-base with the CI target branch, else origin/HEAD, main or master.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,

    /// Compare with this commit instead of the working tree.
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    pub head: Option<String>,

    /// Compare with the index (what `git commit` would record; for pre-commit).
    #[arg(long)]
    pub staged: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub state: StateArgs,

    #[command(flatten)]
    pub report: ReportArgs,
}

#[derive(Debug, Args)]
pub struct BumpArgs {
    /// Base revision (as for `diff`).
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,

    /// Write the version and releasedAt into ontology/catalog.json.
    #[arg(long)]
    pub write: bool,

    /// Release date (YYYY-MM-DD); default: today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// With --write: rewrite catalog.json even if it has uncommitted changes in git.
    #[arg(long, requires = "write")]
    pub allow_dirty: bool,
}

#[derive(Debug, Args)]
pub struct ChangelogArgs {
    #[command(flatten)]
    pub state: StateArgs,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The KPI's rogueId (`sales.bookings_backlog`); a removed KPI is found in the history.
    #[arg(value_name = "ID")]
    pub id: String,

    /// Walk every commit reachable from HEAD (merged branches too), not only the first-parent chain.
    #[arg(long)]
    pub all: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Human)]
    pub format: HistoryFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub subject: ReviewSubject,
}

#[derive(Debug, Subcommand)]
pub enum ReviewSubject {
    /// The report on one KPI.
    Kpi(ReviewTarget),
    /// The report on one dispute: the dispute, a reviewer checklist for its kind, and its KPI's report.
    Dispute(ReviewTarget),
}

#[derive(Debug, Args)]
pub struct ReviewTarget {
    /// The KPI's rogueId (`sales.bookings_backlog`) or the dispute's id (`DSP-0001`).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format: Markdown (a pull-request comment), one self-contained HTML page, or JSON.
    #[arg(long, value_enum, default_value_t = ReviewFormat::Md)]
    pub format: ReviewFormat,

    /// The report's date (YYYY-MM-DD), shown in it; without it the report carries no date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Write the report to this file (replaced atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,

    /// Rewrite the rule table region of the catalog root's README.md (always in Markdown).
    #[arg(long)]
    pub write_readme: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations), plus the step summary.
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML: a testcase per file, a failure per finding.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // no-color.org: only a non-empty NO_COLOR turns colour off.
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
            }
        }
    }
}

/// `--fail-on`: the lowest severity that makes the run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

/// One `--output FORMAT=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputTarget {
    pub format: Format,
    pub path: PathBuf,
}

fn parse_output(value: &str) -> Result<OutputTarget, String> {
    let (name, path) = value
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH (e.g. sarif=ontolint.sarif), got `{value}`"))?;
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        format!("unknown format `{name}` (one of: {})", names.join(", "))
    })?;
    if path.is_empty() {
        // As typed (`json=`), not the variant's Rust name (`Json=`).
        return Err(format!("no path after `{name}=`"));
    }
    Ok(OutputTarget { format, path: PathBuf::from(path) })
}
