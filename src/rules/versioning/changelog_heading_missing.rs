use super::release;
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
        message: "`{changelog}` has no heading for version `{version}`",
        since: "0.1.0",
    }
}

/// Whether a Markdown text has a heading line naming `version`.
pub fn has_heading(text: &str, version: &str) -> bool {
    text.lines().filter(|l| l.trim_start().starts_with('#')).any(|l| {
        l.match_indices(version).any(|(i, _)| {
            // A `v` prefix (`## v1.5.0`) is part of the heading, not of another version.
            let before = l[..i].chars().next_back().filter(|c| !matches!(c, 'v' | 'V'));
            let after = l[i + version.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'));
            boundary(before) && boundary(after)
        })
    })
}

impl Check for ChangelogHeadingMissing {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        let Some((path, text)) = &r.diff.changelog else { return };
        let version = r.head.to_string();
        if r.head == r.base || text.as_deref().is_some_and(|t| has_heading(t, &version)) {
            return;
        }
        let help = match text {
            Some(_) => format!(
                "add the release notes under a heading such as `## {version}`; `ontolint changelog` prints them"
            ),
            None => format!(
                "`{path}` does not exist: create it with a `## {version}` heading (`ontolint changelog` prints the notes)"
            ),
        };
        out.report(r.manifest_file, "/version").arg("changelog", path).arg("version", &version).help(help);
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
    }
}
