//! Text for the HTML pages: escaping, inline KPI mentions, labels.

use super::Input;

/// Escapes text for an HTML element or a double-quoted attribute.
pub use crate::render::escape::html as esc;

/// The relative link from a page two folders deep (`ontology/<domain>/…`) to a KPI's page.
pub fn kpi_href(domain: &str, slug: &str) -> String {
    format!("../{domain}/{slug}.html")
}

/// Prose with `` `code` `` spans: each span is set in `<code>`, and one that
/// names a KPI of the catalog (by rogueId, or by slug within `domain`) links
/// to its page. Everything is escaped.
pub fn prose(input: &Input<'_>, domain: &str, s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 32);
    let ticks = s.matches('`').count();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 0 || i >= ticks {
            // Outside a span, or after an unmatched backtick (kept as written).
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&esc(part));
            continue;
        }
        let target = input.kpi(part).or_else(|| input.kpi(&format!("{domain}.{part}")));
        match target {
            Some(e) => out.push_str(&format!(
                "<a href=\"{}\"><code>{}</code></a>",
                esc(&kpi_href(&e.domain, &e.slug)),
                esc(part)
            )),
            None => out.push_str(&format!("<code>{}</code>", esc(part))),
        }
    }
    out
}

/// The first sentence of a description (its one-line summary).
pub fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(at) => &s[..=at],
        None => s,
    }
}

/// A stage key as people write it.
pub fn stage_label(stage: &str) -> &str {
    match stage {
        "preSeed" => "Pre-seed",
        "seed" => "Seed",
        "seriesA" => "Series A",
        "seriesB" => "Series B",
        "seriesC" => "Series C",
        "public" => "Public",
        other => other,
    }
}

/// `camelCase` or `snake_case` as words: `edgeCases` → "Edge cases".
pub fn humanize(key: &str) -> String {
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if c == '_' {
            out.push(' ');
        } else if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn words() {
        assert_eq!(humanize("edgeCases"), "Edge cases");
        assert_eq!(humanize("point_in_time"), "Point in time");
        assert_eq!(first_sentence("One. Two. Three"), "One.");
        assert_eq!(first_sentence("Only"), "Only");
    }
}
