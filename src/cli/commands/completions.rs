//! `ontolint completions SHELL` and `ontolint man`: generated from the clap
//! definition, so they never drift from the real command line.

use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

pub fn completions(shell: clap_complete::Shell) -> Result<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ontolint", &mut out);
    crate::cli::print(&String::from_utf8_lossy(&out))?;
    Ok(0)
}

/// What each exit code means, for every command (DESIGN §5).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "No finding at or above the failing severity (--fail-on; errors by default)."),
    (1, "Findings at or above the failing severity."),
    (
        2,
        "Usage, configuration or unreadable input: a wrong flag, no catalog found, no catalog.json, no KPI files, a path that matches no catalog file, a refused write.",
    ),
    (
        3,
        "Git history or base unavailable: not a git repository, base not found, shallow clone without the base (the message gives the command that fixes it).",
    ),
];

/// One self-contained page: the global options, every command with its own
/// options (no sub-pages to look for), and the exit status.
pub fn man() -> Result<u8> {
    let cmd = Cli::command();
    let page = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let err = |source| Error::Write { path: "<stdout>".into(), source };
    page.render_title(&mut out).map_err(err)?;
    page.render_name_section(&mut out).map_err(err)?;
    page.render_synopsis_section(&mut out).map_err(err)?;
    page.render_description_section(&mut out).map_err(err)?;
    page.render_options_section(&mut out).map_err(err)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        command_section(&mut roff, sub, &format!("ontolint {}", sub.get_name()));
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_STATUS {
        roff.control("TP", []).text([bold(code.to_string())]).text([roman(*meaning)]);
    }
    roff.to_writer(&mut out).map_err(err)?;
    page.render_version_section(&mut out).map_err(err)?;
    crate::cli::print(&String::from_utf8_lossy(&out))?;
    Ok(0)
}

/// One command's section of the man page, then its own subcommands (`report kpi`).
fn command_section(roff: &mut Roff, sub: &clap::Command, title: &str) {
    let usage = sub.clone().bin_name(title).render_usage().to_string();
    roff.control("SS", [title]);
    roff.text([roman(usage.trim_start_matches("Usage: ").to_string())]);
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        roff.control("PP", []).text([roman(about.to_string())]);
    }
    for arg in sub.get_arguments().filter(|a| !a.is_hide_set() && !a.is_global_set()) {
        let mut head = Vec::new();
        if let Some(s) = arg.get_short() {
            head.push(bold(format!("-{s}")));
            head.push(roman(", "));
        }
        match arg.get_long() {
            Some(l) => head.push(bold(format!("--{l}"))),
            None => head.push(italic(arg.get_id().as_str().to_uppercase())),
        }
        if arg.get_long().is_some() && arg.get_action().takes_values() {
            let name = arg.get_value_names().and_then(|v| v.first()).map(|v| v.to_string());
            head.push(roman(" "));
            head.push(italic(name.unwrap_or_else(|| arg.get_id().as_str().to_uppercase())));
        }
        roff.control("TP", []).text(head);
        if let Some(help) = arg.get_long_help().or(arg.get_help()) {
            roff.text([roman(help.to_string())]);
        }
    }
    for nested in sub.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        command_section(roff, nested, &format!("{title} {}", nested.get_name()));
    }
}
