//! Finding the catalog root, and `ontolint.toml` (DESIGN §6): read, checked
//! (errors carry their position in the file) and turned into the policy that
//! `crate::suppress` applies.

use crate::error::{Error, Result};
use crate::source::ONTOLOGY_DIR;
use crate::suppress::{Ignore, Level, Policy};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "ontolint.toml";

/// The catalog root: `--root`, else the nearest folder, from `start` upwards,
/// holding `ontology/` or `ontolint.toml`.
pub fn find_root(explicit: Option<&Path>, start: &Path) -> Result<PathBuf> {
    if let Some(root) = explicit {
        if !root.exists() {
            return Err(Error::usage(format!("--root `{}` does not exist", root.display()), None));
        }
        if !root.is_dir() {
            return Err(Error::usage(
                format!("--root `{}` is a file, not a folder", root.display()),
                Some("pass the folder that contains ontology/".into()),
            ));
        }
        if !root.join(ONTOLOGY_DIR).is_dir() && !root.join(CONFIG_FILE).is_file() {
            return Err(Error::usage(
                format!("`{}` has no `{ONTOLOGY_DIR}/` folder", root.display()),
                Some("pass the folder that contains ontology/ as --root".into()),
            ));
        }
        return Ok(root.to_path_buf());
    }
    for dir in start.ancestors() {
        if dir.join(ONTOLOGY_DIR).is_dir() || dir.join(CONFIG_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    Err(Error::usage(
        format!(
            "no catalog found: no `{ONTOLOGY_DIR}/` folder or `{CONFIG_FILE}` in `{}` or any parent",
            start.display()
        ),
        Some("run ontolint inside a catalog repository, or pass --root DIR".into()),
    ))
}

pub use crate::rules::DEFAULT_NEVER_SUM;

/// `ontolint.toml`: every key optional (README, "Configuration").
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The ontology folder under the catalog root; default `ontology`.
    pub ontology: Option<String>,
    /// Required bump per change kind, overriding DESIGN §4's defaults.
    #[serde(default)]
    pub bump: std::collections::BTreeMap<String, crate::diff::Bump>,
    /// The changelog, relative to the root; default `CHANGELOG.md` when it exists.
    pub changelog: Option<String>,
    /// The folder of committed release snapshots (`<snapshots>/v/<version>/index.json`),
    /// relative to the root; default `snapshots` when that folder exists.
    pub snapshots: Option<String>,
    /// Severity per rule code or name (`off` drops the rule's findings).
    #[serde(default)]
    severity: std::collections::BTreeMap<toml::Spanned<String>, Level>,
    /// Ignores of one rule for one KPI (or file), with a reason.
    #[serde(default)]
    ignore: Vec<IgnoreEntry>,
    /// Pairs of KPIs that must never be summed; default `DEFAULT_NEVER_SUM`.
    never_sum: Option<Vec<toml::Spanned<(String, String)>>>,
    /// The KPIs whose flows need a cancellation line; default: every rogueId containing `backlog`.
    backlog_kpis: Option<Vec<toml::Spanned<String>>>,
    /// `severity` with rule codes resolved.
    #[serde(skip)]
    pub severities: std::collections::BTreeMap<&'static str, Level>,
    /// `ignore`, checked.
    #[serde(skip)]
    pub ignores: Vec<Ignore>,
    /// The file's text, for positions of findings in it.
    #[serde(skip)]
    pub text: Option<String>,
}

/// One `[[ignore]]` entry as written.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreEntry {
    rule: toml::Spanned<String>,
    kpi: Option<toml::Spanned<String>>,
    file: Option<toml::Spanned<String>>,
    reason: toml::Spanned<String>,
    expires: Option<toml::Spanned<toml::Value>>,
}

/// Today (UTC), or `ONTOLINT_TODAY` (YYYY-MM-DD) when set: the date ignores expire against.
pub fn today(env: &dyn Fn(&str) -> Option<String>) -> Result<jiff::civil::Date> {
    match env("ONTOLINT_TODAY").filter(|v| !v.is_empty()) {
        Some(v) => parse_date(&v).ok_or_else(|| {
            Error::usage(format!("ONTOLINT_TODAY `{v}` is not a date"), Some("write it as YYYY-MM-DD".into()))
        }),
        None => Ok(jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date()),
    }
}

/// A `YYYY-MM-DD` date, nothing else.
fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shaped.then(|| s.parse().ok()).flatten()
}

/// Whether a string has the shape of a rogueId (`domain.slug`).
fn is_rogue_id(s: &str) -> bool {
    let ok = |p: &str| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    matches!(s.split_once('.'), Some((d, slug)) if ok(d) && ok(slug))
}

impl Config {
    /// Reads `ontolint.toml` at the root; no file means every default.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Config::default()) };
        let at_offset = |at: usize| {
            let p = crate::parse::LineIndex::new(&text).position(&text, at);
            format!(":{}:{}", p.line, p.column)
        };
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let at = e.span().map(|s| at_offset(s.start));
            Error::config(
                format!("{}{}: {}", path.display(), at.unwrap_or_default(), e.message()),
                Some("see the README's configuration section; `ontolint config` prints every key".into()),
            )
        })?;
        // The line that sets the key (`key = …`), not its first mention (a comment, a value).
        let position = |key: &str| {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let body = line.trim_start();
                let sets = body.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='));
                if sets {
                    return at_offset(offset + line.len() - body.len());
                }
                offset += line.len();
            }
            String::new()
        };
        let err = |span: &std::ops::Range<usize>, message: String, advice: String| {
            Error::config(format!("{}{}: {message}", path.display(), at_offset(span.start)), Some(advice))
        };
        for kind in config.bump.keys() {
            if crate::diff::ChangeKind::from_name(kind).is_none() {
                let known: Vec<&str> = crate::diff::ChangeKind::ALL.iter().map(|k| k.name()).collect();
                return Err(Error::config(
                    format!("{}{}: unknown change kind `{kind}` in [bump]", path.display(), position(kind)),
                    Some(format!("known kinds: {}", known.join(", "))),
                ));
            }
        }
        if let Some(c) = &config.changelog
            && (c.trim().is_empty() || root.join(c).is_dir())
        {
            return Err(Error::config(
                format!("{}{}: changelog `{c}` is not a file path", path.display(), position("changelog")),
                Some("give the changelog's path relative to the catalog root, e.g. \"CHANGELOG.md\"".into()),
            ));
        }
        let unknown_rule = |name: &str| {
            let hint = crate::suppress::did_you_mean(name, false)
                .map_or_else(String::new, |c| format!("did you mean `{c}`? "));
            format!("{hint}`ontolint rules` lists every code and name")
        };
        for (key, level) in &config.severity {
            let Some(meta) = crate::suppress::rule(key.get_ref()) else {
                return Err(err(
                    &key.span(),
                    format!("unknown rule `{}` in [severity]", key.get_ref()),
                    unknown_rule(key.get_ref()),
                ));
            };
            if let Some(before) = config.severities.insert(meta.code, *level)
                && before != *level
            {
                return Err(err(
                    &key.span(),
                    format!("`{}` sets {} a second time, to another level", key.get_ref(), meta.code),
                    "keep one entry per rule (by code or by name, not both)".into(),
                ));
            }
        }
        for entry in &config.ignore {
            let rule = &entry.rule;
            let Some(meta) = crate::suppress::rule(rule.get_ref()) else {
                return Err(err(
                    &rule.span(),
                    format!("unknown rule `{}` in [[ignore]]", rule.get_ref()),
                    unknown_rule(rule.get_ref()),
                ));
            };
            if meta.category == crate::findings::Category::Config {
                return Err(err(
                    &rule.span(),
                    format!("`{}` cannot be ignored", meta.code),
                    format!("turn it off with `[severity] {} = \"off\"`", meta.code),
                ));
            }
            let (kpi, file) = match (&entry.kpi, &entry.file) {
                (Some(k), None) if is_rogue_id(k.get_ref()) => (Some(k.get_ref().clone()), None),
                (Some(k), None) => {
                    return Err(err(
                        &k.span(),
                        format!("`{}` is not a rogueId", k.get_ref()),
                        "write `domain.slug`, e.g. \"sales.arr\"".into(),
                    ));
                }
                (None, Some(f)) if !f.get_ref().trim().is_empty() => (None, Some(f.get_ref().clone())),
                _ => {
                    return Err(err(
                        &rule.span(),
                        "an [[ignore]] entry needs exactly one of `kpi` and `file`".into(),
                        "`kpi = \"sales.arr\"`, or `file = \"ontology/…\"` for findings without a KPI".into(),
                    ));
                }
            };
            if entry.reason.get_ref().trim().is_empty() {
                return Err(err(
                    &entry.reason.span(),
                    "an ignore needs a non-empty `reason`".into(),
                    "say why the finding is accepted".into(),
                ));
            }
            let expires = match &entry.expires {
                None => None,
                // A quoted date or a TOML date (`expires = 2026-06-30`).
                Some(e) => {
                    let text = match e.get_ref() {
                        toml::Value::String(s) => s.clone(),
                        toml::Value::Datetime(d) => d.to_string(),
                        other => other.to_string(),
                    };
                    Some(parse_date(&text).ok_or_else(|| {
                        err(&e.span(), format!("`expires` `{text}` is not a date"), "write it as YYYY-MM-DD".into())
                    })?)
                }
            };
            config.ignores.push(Ignore {
                rule: meta,
                kpi,
                file,
                reason: entry.reason.get_ref().clone(),
                expires,
                span: Some(rule.span()),
            });
        }
        for pair in config.never_sum.iter().flatten() {
            let (a, b) = pair.get_ref();
            let advice =
                "a pair of two different rogueIds, e.g. [\"sales.bookings_backlog\", \"sales.pipeline_value\"]"
                    .to_string();
            if !is_rogue_id(a) || !is_rogue_id(b) {
                return Err(err(
                    &pair.span(),
                    format!("never-sum pair [\"{a}\", \"{b}\"] holds something that is not a rogueId"),
                    advice,
                ));
            }
            if a == b {
                return Err(err(
                    &pair.span(),
                    format!("never-sum pair [\"{a}\", \"{b}\"] names one KPI twice"),
                    advice,
                ));
            }
        }
        for id in config.backlog_kpis.iter().flatten() {
            if !is_rogue_id(id.get_ref()) {
                return Err(err(
                    &id.span(),
                    format!("backlog-kpis entry `{}` is not a rogueId", id.get_ref()),
                    "write `domain.slug`, e.g. \"sales.bookings_backlog\"".into(),
                ));
            }
        }
        if let Some(dir) = &config.ontology {
            let plain = !dir.is_empty()
                && dir != "."
                && dir != ".."
                && !dir.starts_with('.')
                && dir.chars().all(|c| c.is_alphanumeric() || "_-".contains(c));
            if !plain {
                return Err(Error::config(
                    format!("{}{}: ontology `{dir}` is not a folder name", path.display(), position("ontology")),
                    Some("give the name of one folder directly under the catalog root, e.g. \"ontology\"".into()),
                ));
            }
        }
        config.text = Some(text);
        Ok(config)
    }

    /// The bump a change kind requires under this configuration.
    pub fn bump_of(&self, kind: crate::diff::ChangeKind) -> crate::diff::Bump {
        self.bump.get(kind.name()).copied().unwrap_or_else(|| kind.default_bump())
    }

    /// The pairs of KPIs that must never be summed.
    pub fn never_sum(&self) -> Vec<(String, String)> {
        match &self.never_sum {
            Some(pairs) => pairs.iter().map(|p| p.get_ref().clone()).collect(),
            None => DEFAULT_NEVER_SUM.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        }
    }

    /// The KPIs whose flows need a cancellation line; `None`: every rogueId containing `backlog`.
    pub fn backlog_kpis(&self) -> Option<Vec<String>> {
        self.backlog_kpis.as_ref().map(|ids| ids.iter().map(|i| i.get_ref().clone()).collect())
    }

    /// What the rules read from this file: never-sum pairs (with their
    /// position, when written here) and the backlog KPIs.
    pub fn rule_settings(&self) -> crate::rules::Settings {
        let mut settings = crate::rules::Settings { backlog_kpis: self.backlog_kpis(), ..Default::default() };
        if let Some(pairs) = &self.never_sum {
            settings.never_sum = pairs
                .iter()
                .map(|p| {
                    let (a, b) = p.get_ref().clone();
                    crate::rules::NeverSum { a, b, span: Some(p.span()) }
                })
                .collect();
        }
        settings
    }

    /// The ontology folder under the catalog root.
    pub fn ontology_dir(&self) -> &str {
        self.ontology.as_deref().unwrap_or(ONTOLOGY_DIR)
    }

    /// The severity of a rule under this configuration.
    pub fn level_of(&self, meta: &crate::findings::RuleMeta) -> Level {
        self.severities.get(meta.code).copied().unwrap_or_else(|| Level::of(meta.default_severity))
    }

    /// The suppression policy: this file's severities and ignores plus the
    /// command line's `--select` (`None`: every rule) and `--ignore`.
    pub fn policy(
        &self,
        select: Option<BTreeSet<&'static str>>,
        deselect: BTreeSet<&'static str>,
        today: jiff::civil::Date,
    ) -> Policy {
        Policy {
            config_file: CONFIG_FILE.to_string(),
            severity: self.severities.clone(),
            ignores: self.ignores.clone(),
            select,
            deselect,
            today: Some(today),
        }
    }

    /// The effective configuration of the catalog at `root` as TOML: every
    /// key, defaults included. A default changelog or snapshots folder that
    /// does not exist is off: it is left out, and a comment says so.
    pub fn effective_toml(&self, root: &Path) -> String {
        use toml::{Table, Value};
        let s = |v: &str| Value::String(v.to_string());
        let mut t = Table::new();
        let mut off = String::new();
        t.insert("ontology".into(), s(self.ontology_dir()));
        match &self.changelog {
            Some(c) => _ = t.insert("changelog".into(), s(c)),
            None if root.join("CHANGELOG.md").is_file() => _ = t.insert("changelog".into(), s("CHANGELOG.md")),
            None => off.push_str("# changelog: off (not set, and there is no CHANGELOG.md)\n"),
        }
        match &self.snapshots {
            Some(d) => _ = t.insert("snapshots".into(), s(d)),
            None if root.join("snapshots").is_dir() => _ = t.insert("snapshots".into(), s("snapshots")),
            None => off.push_str("# snapshots: off (not set, and there is no snapshots/ folder)\n"),
        }
        let pairs = self.never_sum().into_iter().map(|(a, b)| Value::Array(vec![s(&a), s(&b)])).collect();
        t.insert("never-sum".into(), Value::Array(pairs));
        match self.backlog_kpis() {
            Some(ids) => _ = t.insert("backlog-kpis".into(), Value::Array(ids.iter().map(|i| s(i)).collect())),
            None => off.push_str("# backlog-kpis: not set: every rogueId containing `backlog`\n"),
        }
        let bump: Table =
            crate::diff::ChangeKind::ALL.iter().map(|k| (k.name().to_string(), s(self.bump_of(*k).as_str()))).collect();
        t.insert("bump".into(), Value::Table(bump));
        let severity: Table = crate::rules::RULES
            .iter()
            .map(|r| (r.meta().code.to_string(), s(self.level_of(r.meta()).as_str())))
            .collect();
        t.insert("severity".into(), Value::Table(severity));
        let ignores = self
            .ignores
            .iter()
            .map(|ig| {
                let mut e = Table::new();
                e.insert("rule".into(), s(ig.rule.code));
                if let Some(k) = &ig.kpi {
                    e.insert("kpi".into(), s(k));
                }
                if let Some(f) = &ig.file {
                    e.insert("file".into(), s(f));
                }
                e.insert("reason".into(), s(&ig.reason));
                if let Some(d) = ig.expires {
                    e.insert("expires".into(), s(&d.to_string()));
                }
                Value::Table(e)
            })
            .collect();
        t.insert("ignore".into(), Value::Array(ignores));
        off + &toml::to_string(&t).unwrap_or_default()
    }
}
