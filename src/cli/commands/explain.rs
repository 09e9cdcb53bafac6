use crate::error::{Error, Result};
use crate::rules::{RULES, removed::REMOVED};

pub fn run(query: &str) -> Result<u8> {
    if let Some(rule) = crate::rules::find(query) {
        crate::cli::print(&page(rule.meta()))?;
        return Ok(0);
    }
    if let Some(r) = REMOVED.iter().find(|r| r.code.eq_ignore_ascii_case(query) || r.name.eq_ignore_ascii_case(query)) {
        let replaced = r.replaced_by.map(|c| format!(" Use {c} instead.")).unwrap_or_default();
        return Err(Error::usage(
            format!("rule {} ({}) was removed in {}: {}.{replaced}", r.code, r.name, r.since, r.reason),
            None,
        ));
    }
    let best = RULES
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .map(|c| (strsim::jaro_winkler(&c.to_lowercase(), &query.to_lowercase()), c))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.75);
    Err(Error::usage(
        format!("unknown rule `{query}`"),
        Some(match best {
            Some((_, c)) => format!("did you mean `{c}`? `ontolint rules` lists every rule"),
            None => "`ontolint rules` lists every rule".into(),
        }),
    ))
}

/// The documentation page of a rule.
pub fn page(meta: &crate::rules::RuleMeta) -> String {
    format!(
        "# {} ({})\n\nCategory: {} · Default severity: {} · Since: {}\n\n{}\nDefined in {}:{}\n",
        meta.name,
        meta.code,
        meta.category.name(),
        meta.default_severity,
        meta.since,
        meta.docs_for_display(),
        meta.file,
        meta.line
    )
}
