use crate::cli::Cli;
use crate::error::{Error, Result};

/// `ontolint config`: the effective configuration, every key with its value.
pub fn run(cli: &Cli) -> Result<u8> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let config = crate::config::Config::load(&root)?;
    crate::cli::print(&config.effective_toml(&root))?;
    Ok(0)
}

/// The policy of a `check` or `diff` run: ontolint.toml plus `--select`/`--ignore`.
pub fn policy(config: &crate::config::Config, select: &[String], ignore: &[String]) -> Result<crate::suppress::Policy> {
    let chosen = if select.is_empty() { None } else { Some(crate::suppress::selectors(select, "--select")?) };
    let dropped = crate::suppress::selectors(ignore, "--ignore")?;
    let today = crate::config::today(&|k| std::env::var(k).ok())?;
    Ok(config.policy(chosen, dropped, today))
}
