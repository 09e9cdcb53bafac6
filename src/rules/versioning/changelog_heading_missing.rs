use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A new catalog version has no heading in the changelog.
    ///
    /// ## Why
    /// The changelog is where readers learn what a release changed; a version
    /// without its entry is a release nobody can review. The rule applies when
    /// the catalog has a changelog (CHANGELOG.md at its root) and the version
    /// changed. A heading is any Markdown heading line that contains the version
    /// (`## 1.5.0`, `## [1.5.0]`, `## v1.5.0`). Deleting the changelog in the same
    /// change, or configuring one that does not exist, does not escape it.
    ///
    /// ## Example
    /// ```text
    /// catalog.json: "version": "1.5.0"   CHANGELOG.md: "## 1.4.0 — 2026-11-30" only
    /// ```
    ///
    /// ## How to fix
    /// Add the release notes: `ontolint changelog` prints them, ready to paste.
    pub ChangelogHeadingMissing {
        code: "VER007",
        name: "changelog-heading-missing",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "`{changelog}` {problem}",
        since: "0.1.0",
    }
}

/// Whether a Markdown text has a heading (ATX or setext, outside code blocks)
/// naming `version`.
pub fn has_heading(text: &str, version: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut heading: Option<String> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                heading.get_or_insert_default().push_str(&t);
            }
            Event::End(TagEnd::Heading(_)) if heading.take().is_some_and(|h| names_version(&h, version)) => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Whether `version` stands in `line` as a whole version (`1.5.0` is not in `1.5.01`).
fn names_version(line: &str, version: &str) -> bool {
    line.match_indices(version).any(|(i, _)| {
        // A `v` prefix (`## v1.5.0`) is part of the heading, not of another version.
        let before = line[..i].chars().next_back().filter(|c| !matches!(c, 'v' | 'V'));
        let after = line[i + version.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'));
        boundary(before) && boundary(after)
    })
}

impl Check for ChangelogHeadingMissing {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let Some((path, text)) = &diff.changelog else { return };
        let Some(manifest) = &cx.catalog.manifest else { return };
        let Some(head) = manifest.version.as_deref().and_then(|v| semver::Version::parse(v).ok()) else { return };
        let base = diff.base.manifest.as_ref().and_then(|m| m.version.as_deref());
        // A release: the version changed, or this is the catalog's first one.
        let first = base.is_none() && !diff.base.files.iter().any(|f| f.is_kpi());
        let released = match base.and_then(|b| semver::Version::parse(b).ok()) {
            Some(b) => b != head,
            None => first,
        };
        let version = head.to_string();
        if !released || text.as_deref().is_some_and(|t| has_heading(t, &version)) {
            return;
        }
        let (problem, help) = match text {
            Some(_) => (
                format!("has no heading for version `{version}`"),
                format!(
                    "add the release notes under a heading such as `## {version}`; `ontolint changelog` prints them"
                ),
            ),
            None => (
                format!("does not exist: version `{version}` needs its release notes"),
                format!("create it with a `## {version}` heading (`ontolint changelog` prints the notes)"),
            ),
        };
        out.report(manifest.file, "/version").arg("changelog", path).arg("problem", problem).help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::has_heading;

    #[test]
    fn finds_the_version_in_a_heading_only() {
        assert!(has_heading("# Changelog\n\n## 1.5.0 — 2026-12-03\n", "1.5.0"));
        assert!(has_heading("## [1.5.0] - 2026-12-03", "1.5.0"));
        assert!(!has_heading("## 1.5.01\n", "1.5.0"));
        assert!(!has_heading("## 11.5.0\n", "1.5.0"));
        assert!(!has_heading("1.5.0 is mentioned in text\n", "1.5.0"));
        assert!(!has_heading("## 1.5.0-rc.1\n", "1.5.0"));
        assert!(has_heading("## v1.5.0 — 2026-12-03\n", "1.5.0"));
        assert!(has_heading("1.5.0 — 2026-12-03\n=================\n", "1.5.0"), "setext");
        assert!(!has_heading("##1.5.0\n", "1.5.0"), "not a heading without the space");
        assert!(!has_heading("```\n## 1.5.0\n```\n", "1.5.0"), "inside a code block");
    }
}
