use crate::cli::Cli;
use crate::cli::args::{HistoryArgs, HistoryFormat};
use crate::error::{Error, Result};
use crate::history::{Options, Timeline};
use std::fmt::Write;

/// A walk this long gets a progress bar (on a terminal).
const LONG_WALK: usize = 2000;

/// A progress bar on stderr, shown only when stderr is a terminal and the walk is long.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    checked: bool,
}

impl Progress {
    pub fn new() -> Self {
        Progress { bar: None, checked: false }
    }

    pub fn update(&mut self, done: usize, total: usize) {
        use std::io::IsTerminal;
        if !self.checked {
            self.checked = true;
            if total >= LONG_WALK && std::io::stderr().is_terminal() {
                let bar = indicatif::ProgressBar::with_draw_target(
                    Some(total as u64),
                    indicatif::ProgressDrawTarget::stderr(),
                );
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("walking history {bar:30} {pos}/{len} commits")
                {
                    bar.set_style(style);
                }
                self.bar = Some(bar);
            }
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
            if done >= total {
                bar.finish_and_clear();
            }
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

pub fn run(cli: &Cli, args: &HistoryArgs) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let config = crate::config::Config::load(&root)?;
    let repo = crate::source::git::GitRepo::open(&root)?.with_ontology_dir(config.ontology_dir());
    let mut progress = Progress::new();
    let timeline = crate::history::timeline(
        &repo,
        &args.id,
        &Options { all: args.all, bump_of: &|k| config.bump_of(k) },
        &mut |d, t| progress.update(d, t),
    )?;
    if timeline.entries.is_empty() {
        // Never in the history: known only if the working tree has it (not committed yet).
        let catalog = crate::model::load(&crate::source::WorkTree::with_dir(&root, config.ontology_dir()))?;
        if catalog.kpi(&args.id).is_none() {
            return Err(crate::report::unknown_kpi(&catalog, &args.id));
        }
    }
    let text = match args.format {
        HistoryFormat::Json => {
            serde_json::to_string_pretty(&timeline).map_err(|e| Error::config(e.to_string(), None))? + "\n"
        }
        HistoryFormat::Human => human(&timeline),
    };
    crate::cli::print(&text)?;
    Ok(0)
}

fn human(t: &Timeline) -> String {
    let rows: Vec<[String; 6]> = t
        .entries
        .iter()
        .map(|e| {
            [
                e.date.clone(),
                e.short.clone(),
                e.version.clone().unwrap_or_else(|| "-".into()),
                e.tier.clone().unwrap_or_else(|| "-".into()),
                crate::report::change_text(e),
                crate::render::printable(&e.subject).into_owned(),
            ]
        })
        .collect();
    let heads = ["DATE", "COMMIT", "VERSION", "TIER", "CHANGE", "SUBJECT"];
    let mut widths = heads.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                let pad = widths[i] - c.chars().count();
                let _ = write!(l, "{c}{}  ", " ".repeat(pad));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    if !rows.is_empty() {
        line(&mut out, &heads.map(str::to_string));
        for r in &rows {
            line(&mut out, r);
        }
    }
    let _ = writeln!(
        out,
        "{} commit{} changed `{}` ({} commit{} walked, {})",
        t.entries.len(),
        if t.entries.len() == 1 { "" } else { "s" },
        crate::render::printable(&t.kpi),
        t.commits,
        if t.commits == 1 { "" } else { "s" },
        t.walk
    );
    out
}
