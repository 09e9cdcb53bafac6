use crate::cli::Cli;
use crate::cli::args::{BumpArgs, StateArgs};
use crate::diff::Bump;
use crate::error::{Error, Result};
use crate::governance::Outcome;
use crate::source::ONTOLOGY_DIR;
use std::path::Path;

pub fn run(cli: &Cli, args: &BumpArgs) -> Result<u8> {
    let explicit = args.date.is_some();
    let date = match &args.date {
        Some(d) => d
            .parse::<jiff::civil::Date>()
            .map_err(|e| Error::usage(format!("--date `{d}` is not a date: {e}"), Some("use YYYY-MM-DD".into())))?
            .to_string(),
        None => jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string(),
    };
    let state = StateArgs { base: args.base.clone(), head: None, staged: false };
    // `bump` writes the working tree, so it always compares the working tree.
    let outcome = super::diff::compare(cli, &state, false)?;
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
    let text = format!("version: {version}\nreleasedAt: {release_date}\nrequired bump: {}\n", outcome.required);
    if args.write {
        let root = crate::config::find_root(cli.root.as_deref(), &std::env::current_dir().unwrap_or_default())?;
        write_manifest(&root, &version.to_string(), &release_date)?;
        crate::cli::print(&format!("{text}wrote {ONTOLOGY_DIR}/catalog.json\n"))?;
    } else {
        crate::cli::print(&text)?;
    }
    Ok(0)
}

/// Replaces the version and releasedAt values in catalog.json, keeping every
/// other byte, and writes it atomically (temporary file + rename).
fn write_manifest(root: &Path, version: &str, date: &str) -> Result<()> {
    let path = root.join(ONTOLOGY_DIR).join("catalog.json");
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
    let start = usize::from(text.starts_with('\u{feff}')) * 3;
    let locate = |pointer: &str| {
        crate::parse::locate(&text, start, pointer).ok_or_else(|| {
            Error::config(
                format!("{}: cannot find `{pointer}` (fix the file's syntax first: `ontolint check`)", path.display()),
                None,
            )
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
    let dir = path.parent().unwrap_or(root);
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|source| Error::Write { path: path.clone(), source })?;
    std::io::Write::write_all(&mut tmp, out.as_bytes())
        .map_err(|source| Error::Write { path: path.clone(), source })?;
    tmp.persist(&path).map_err(|e| Error::Write { path: path.clone(), source: e.error })?;
    Ok(())
}
