//! Finding KPI mentions in text.
//!
//! - In description, whyItMatters and interpretationGuidance, a mention is a
//!   backticked rogueId whose domain is a catalog domain: `` `sales.arr` ``.
//! - In a formula, a mention is any rogueId-shaped word whose domain is a
//!   catalog domain (backticked or not), or a backticked slug of a KPI of the
//!   same domain (`` `arr` `` in a sales formula).
//!
//! Requiring a known domain keeps file names such as `ontolint.toml` and
//! abbreviations such as `e.g` from being read as references.

use crate::model::{Catalog, Kpi};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub id: String,
    /// Byte range in the text.
    pub range: Range<usize>,
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `s` has the shape `<domain>.<slug>` with a known domain.
fn rogue_id_shape<'s>(catalog: &Catalog, s: &'s str) -> Option<&'s str> {
    let (domain, slug) = s.split_once('.')?;
    (is_ident(domain) && is_ident(slug) && catalog.is_domain_name(domain)).then_some(s)
}

/// Backticked spans: `(content, range of the content)`.
fn backticked(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    let ticks: Vec<usize> = text.match_indices('`').map(|(i, _)| i).collect();
    ticks
        .chunks_exact(2)
        .map(|pair| (pair[0] + 1, pair[1]))
        .map(|(s, e)| (&text[s..e], s..e))
        .collect::<Vec<_>>()
        .into_iter()
}

/// Mentions in a prose field (backticked rogueIds only).
pub fn in_text(catalog: &Catalog, text: &str) -> Vec<Mention> {
    backticked(text)
        .filter_map(|(content, range)| {
            let id = rogue_id_shape(catalog, content.trim())?;
            let lead = content.len() - content.trim_start().len();
            Some(Mention { id: id.to_string(), range: range.start + lead..range.start + lead + id.len() })
        })
        .collect()
}

/// Mentions in a formula.
pub fn in_formula(catalog: &Catalog, kpi: &Kpi, text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if !word(c) {
            i += c.len_utf8();
            continue;
        }
        let len = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
        let token = rest[..len].trim_end_matches('.');
        if let Some(id) = rogue_id_shape(catalog, token) {
            out.push(Mention { id: id.to_string(), range: i..i + id.len() });
        }
        i += len;
    }
    for (content, range) in backticked(text) {
        let slug = content.trim();
        if is_ident(slug) {
            let id = format!("{}.{slug}", kpi.home_domain());
            if catalog.resolves(&id) {
                let lead = content.len() - content.trim_start().len();
                out.push(Mention { id, range: range.start + lead..range.start + lead + slug.len() });
            }
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}
