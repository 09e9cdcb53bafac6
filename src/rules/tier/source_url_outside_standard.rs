use super::published;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A published KPI's sourceUrl is not on the cited standard's site.
    ///
    /// ## Why
    /// The URL is how a reader verifies the citation. A URL outside the
    /// standard's registered prefix points at a copy, a blog post or another
    /// standard, not at the text the definition claims to follow.
    ///
    /// ## Example
    /// ```json,expect=TIR004 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "definitionSource": {"tier": "published", "sourceName": "Example Metrics Board", "sourceUrl": "https://blog.example.com/win-rate", "sectionRef": "2.1", "publicationDate": "2025-06-01", "attributionNotice": null}}
    /// ```
    /// Use instead: a URL under `https://metrics.example.org/`.
    ///
    /// ## How to fix
    /// Link the page of the standard itself, under its registered `urlPrefix`.
    pub SourceUrlOutsideStandard {
        code: "TIR004",
        name: "source-url-outside-standard",
        category: Tier,
        severity: Error,
        scope: Kpi,
        message: "sourceUrl `{url}` is not under `{prefix}`, the registered site of `{source}`",
        since: "0.1.0",
    }
}

impl Check for SourceUrlOutsideStandard {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (kpi, src, standard) in published(cx.catalog) {
            let (Some(url), Some(standard)) = (&src.source_url, standard) else {
                continue;
            };
            let Some(prefix) = &standard.url_prefix else {
                continue;
            };
            // A prefix that is not a URL is the registry's own schema error.
            if !(prefix.starts_with("https://") || prefix.starts_with("http://")) {
                continue;
            }
            if !under_prefix(url, prefix) {
                out.report_kpi(kpi, "/definitionSource/sourceUrl")
                    .arg("url", url)
                    .arg("prefix", prefix)
                    .arg("source", &standard.name)
                    .help(format!("cite the standard's own page, under `{prefix}`"));
            }
        }
    }
}

/// Whether `url` is under `prefix` at a path boundary: `https://carta.com`
/// covers `https://carta.com/blog`, not `https://carta.com.evil.net/`.
fn under_prefix(url: &str, prefix: &str) -> bool {
    match url.strip_prefix(prefix) {
        None => false,
        Some(rest) => prefix.ends_with('/') || rest.is_empty() || rest.starts_with(['/', '?', '#']),
    }
}

#[cfg(test)]
mod tests {
    use super::under_prefix;

    #[test]
    fn prefix_match_stops_at_a_path_boundary() {
        assert!(under_prefix("https://carta.com/blog/x", "https://carta.com/"));
        assert!(under_prefix("https://carta.com/blog/x", "https://carta.com"));
        assert!(under_prefix("https://carta.com", "https://carta.com"));
        assert!(!under_prefix("https://carta.com.evil.net/x", "https://carta.com"));
        assert!(!under_prefix("https://evil.net/https://carta.com/", "https://carta.com/"));
    }
}
