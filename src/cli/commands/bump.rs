use crate::cli::Cli;
use crate::cli::args::{BumpArgs, StateArgs};
use crate::diff::Bump;
use crate::error::{Error, Result};
use crate::governance::Outcome;
use std::path::Path;

pub fn run(cli: &Cli, args: &BumpArgs) -> Result<u8> {
    let explicit = args.date.is_some();
    let date = match &args.date {
        Some(d) => strict_date(d)?,
        None => jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string(),
    };
    let state = StateArgs { base: args.base.clone(), head: None, staged: false };
    // `bump` writes the working tree, so it always compares the working tree.
    let outcome = super::diff::compare(cli, &state, false)?;
    // A verdict over files that cannot be read would be a guess.
    let blocking: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| {
            f.rule.category == crate::findings::Category::File || ["VER008", "VER009", "IDN003"].contains(&f.rule.code)
        })
        .map(|f| f.location.file.as_str())
        .collect();
    if !blocking.is_empty() {
        return Err(Error::config(
            format!(
                "cannot compute the next version: {} cannot be read (first: `{}`)",
                plural(blocking.len()),
                blocking[0]
            ),
            Some("`ontolint diff` shows the problems; fix them first".into()),
        ));
    }
    let Some(base) = Outcome::version(&outcome.base) else {
        return Err(Error::config(
            format!("the base ({}) has no readable catalog version", outcome.base_how),
            Some("the first release sets its version by hand".into()),
        ));
    };
    let head = Outcome::version(&outcome.head);
    let next = outcome.required.apply(&base);
    // A version that already carries the required bump stays as it is.
    let (version, release_date) = match (&head, outcome.declared) {
        (Some(h), Some(d)) if d >= outcome.required && d > Bump::None => {
            // Keep the head's date only when it is not asked to change and it advanced.
            let date_of = |c: &crate::model::Catalog| c.manifest.as_ref().and_then(|m| m.released_at.clone());
            let kept = date_of(&outcome.head).filter(|h| !explicit && date_of(&outcome.base).is_none_or(|b| h > &b));
            (h.clone(), kept.unwrap_or(date))
        }
        _ if outcome.required == Bump::None => {
            crate::cli::print(&format!("no KPI changed since {}: version stays {base}\n", outcome.base_how))?;
            return Ok(0);
        }
        _ => (next, date),
    };
    let base_date = outcome.base.manifest.as_ref().and_then(|m| m.released_at.clone());
    if let Some(b) = base_date.filter(|b| &release_date <= b) {
        return Err(Error::usage(
            format!("releasedAt `{release_date}` is not after the base's `{b}`"),
            Some("pass the release day: --date YYYY-MM-DD".into()),
        ));
    }
    let text = format!("version: {version}\nreleasedAt: {release_date}\nrequired bump: {}\n", outcome.required);
    if args.write {
        let root = crate::config::find_root(cli.root.as_deref(), &std::env::current_dir().unwrap_or_default())?;
        let dir = crate::config::Config::load(&root)?.ontology_dir().to_string();
        let rel = format!("{dir}/catalog.json");
        let path = root.join(&rel);
        let (old, new) = manifest_with(&path, &version.to_string(), &release_date)?;
        if old == new {
            crate::cli::print(&format!("{text}{rel} already carries them\n"))?;
            return Ok(0);
        }
        crate::cli::write::refuse_uncommitted(&root, std::slice::from_ref(&rel), args.allow_dirty, "--allow-dirty")?;
        crate::cli::write::write_atomic(&path, new.as_bytes())?;
        crate::cli::print(&format!("{text}wrote {rel}\n"))?;
    } else {
        crate::cli::print(&text)?;
    }
    Ok(0)
}

/// catalog.json as it is, and with its version and releasedAt values
/// replaced, every other byte kept.
fn manifest_with(path: &Path, version: &str, date: &str) -> Result<(String, String)> {
    let path = path.to_path_buf();
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
    let start = usize::from(text.starts_with('\u{feff}')) * 3;
    if let Err(e) = crate::parse::parse(&text, start) {
        let p = crate::parse::LineIndex::new(&text).position(&text, e.offset);
        return Err(Error::config(
            format!("{}:{}:{}: invalid JSON: {}", path.display(), p.line, p.column, e.message),
            Some("fix the file first (`ontolint check`)".into()),
        ));
    }
    let locate = |pointer: &str| {
        crate::parse::locate(&text, start, pointer).ok_or_else(|| {
            let key = pointer.trim_start_matches('/');
            Error::config(format!("{} has no `{key}`", path.display()), Some(format!("add \"{key}\" to it")))
        })
    };
    let (v, d) = (locate("/version")?.value, locate("/releasedAt")?.value);
    let quoted = |s: &str| serde_json::to_string(s).expect("a string always serialises");
    let mut edits = [(v, quoted(version)), (d, quoted(date))];
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.clone();
    for (span, value) in edits {
        out.replace_range(span, &value);
    }
    Ok((text, out))
}

fn plural(n: usize) -> String {
    if n == 1 { "1 file".to_string() } else { format!("{n} files") }
}

/// A `YYYY-MM-DD` date that exists (`2026-02-30` does not; `20261205` is refused).
fn strict_date(d: &str) -> Result<String> {
    let shaped = d.len() == 10
        && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let parsed = shaped.then(|| d.parse::<jiff::civil::Date>().ok()).flatten();
    parsed.map(|date| date.to_string()).ok_or_else(|| {
        Error::usage(format!("--date `{d}` is not a date"), Some("use YYYY-MM-DD, e.g. 2026-12-03".into()))
    })
}
