use crate::cli::Cli;
use crate::cli::args::{ReviewArgs, ReviewFormat, ReviewSubject};
use crate::error::{Error, Result};
use crate::report::Subject;

pub fn run(cli: &Cli, args: &ReviewArgs) -> Result<u8> {
    let (subject, target) = match &args.subject {
        ReviewSubject::Kpi(t) => (Subject::Kpi(t.id.clone()), t),
        ReviewSubject::Dispute(t) => (Subject::Dispute(t.id.clone()), t),
    };
    let date = target.date.as_deref().map(parse_date).transpose()?;
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let root = crate::config::find_root(cli.root.as_deref(), &cwd)?;
    let config = crate::config::Config::load(&root)?;
    let env = |k: &str| std::env::var(k).ok();
    let today = match &date {
        Some(d) => d.parse().map_err(|_| Error::usage(format!("`{d}` is not a date"), None))?,
        None => crate::config::today(&env)?,
    };
    let mut progress = super::history::Progress::new();
    let inputs = crate::report::Inputs {
        root: &root,
        config: &config,
        date,
        today,
        env: &env,
        progress: &mut |d, t| progress.update(d, t),
    };
    let report = crate::report::build(inputs, &subject)?;
    let text = match target.format {
        ReviewFormat::Md => crate::report::markdown::render(&report),
        ReviewFormat::Html => crate::report::html::render(&report),
        ReviewFormat::Json => {
            serde_json::to_string_pretty(&report).map_err(|e| Error::config(e.to_string(), None))? + "\n"
        }
    };
    match &target.output {
        Some(path) => {
            let path = cwd.join(path);
            // A new file gets the permissions any new file gets (the umask), not
            // the private ones of the temporary file it is renamed from.
            if !path.exists() {
                std::fs::File::create(&path).map_err(|source| Error::Write { path: path.clone(), source })?;
            }
            crate::cli::write::write_atomic(&path, text.as_bytes())?
        }
        None => crate::cli::print(&text)?,
    }
    Ok(0)
}

/// `--date`: a `YYYY-MM-DD` calendar date.
fn parse_date(s: &str) -> Result<String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if shaped && s.parse::<jiff::civil::Date>().is_ok() {
        Ok(s.to_string())
    } else {
        Err(Error::usage(format!("--date `{s}` is not a date"), Some("write it as YYYY-MM-DD".into())))
    }
}
