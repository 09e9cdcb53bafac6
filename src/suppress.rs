//! Suppression: `ontolint.toml`'s `[severity]` and `[[ignore]]`, then the
//! command line's `--select`/`--ignore`, applied to the findings in one place,
//! after the rules ran and before sorting and counting (`check` and `diff`).
//!
//! It takes plain data (a `Policy`); `config` builds one from `ontolint.toml`.

use crate::error::{Error, Result};
use crate::findings::{Category, Finding, Location, RuleMeta, Severity, fingerprint};
use crate::parse::Span;
use crate::rules::{ExpiredIgnore, Meta, RULES, UnusedIgnore};
use std::collections::{BTreeMap, BTreeSet};

/// A severity setting: a severity, or `off` (the rule's findings are dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    pub fn of(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Off => "off",
        }
    }
}

/// One `[[ignore]]` entry: the findings of `rule` for `kpi` (or in `file`) are dropped.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub rule: &'static RuleMeta,
    pub kpi: Option<String>,
    pub file: Option<String>,
    pub reason: String,
    /// The last day the ignore applies.
    pub expires: Option<jiff::civil::Date>,
    /// Where the entry's `rule` value is in the configuration file.
    pub span: Option<Span>,
}

impl Ignore {
    fn subject(&self) -> &str {
        self.kpi.as_deref().or(self.file.as_deref()).unwrap_or("")
    }

    fn matches(&self, f: &Finding) -> bool {
        f.rule.code == self.rule.code
            && match (&self.kpi, &self.file) {
                (Some(kpi), _) => f.kpi.as_deref() == Some(kpi.as_str()),
                (None, Some(file)) => f.location.rev.is_none() && &f.location.file == file,
                (None, None) => false,
            }
    }

    /// Past its expiry date (the date itself still counts).
    pub fn expired(&self, today: Option<jiff::civil::Date>) -> bool {
        matches!((self.expires, today), (Some(e), Some(t)) if t > e)
    }
}

/// Everything that decides which findings are kept and at which severity.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The configuration file, root-relative: where config findings point.
    pub config_file: String,
    /// Severity per rule code.
    pub severity: BTreeMap<&'static str, Level>,
    pub ignores: Vec<Ignore>,
    /// `--select`: only these codes are kept (`None`: every code).
    pub select: Option<BTreeSet<&'static str>>,
    /// `--ignore`: these codes are dropped.
    pub deselect: BTreeSet<&'static str>,
    /// Today, for expiry dates; `None`: nothing expires.
    pub today: Option<jiff::civil::Date>,
}

/// A rule by code or name, case-insensitively.
pub fn rule(code_or_name: &str) -> Option<&'static RuleMeta> {
    crate::rules::find(code_or_name.trim()).map(|r| r.meta())
}

/// The closest code or name (and, where categories are accepted, category
/// prefix) to a misspelt selector; never the query itself.
pub fn did_you_mean(query: &str, categories: bool) -> Option<String> {
    let q = query.trim().to_lowercase();
    let prefixes = Category::ALL.iter().map(|c| c.prefix()).filter(|_| categories);
    RULES
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .chain(prefixes)
        .filter(|c| c.to_lowercase() != q)
        .map(|c| (strsim::jaro_winkler(&c.to_lowercase(), &q), c))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// Resolves `--select`/`--ignore` values: comma-separated codes, names or
/// category prefixes (`REF`), into rule codes.
pub fn selectors(values: &[String], flag: &str) -> Result<BTreeSet<&'static str>> {
    let mut out = BTreeSet::new();
    // An empty item (`--select ''`, `REF,,`) is a mistake, often an unset
    // variable: selecting nothing would silently turn every rule off.
    if let Some(empty) = values.iter().find(|v| v.split(',').any(|i| i.trim().is_empty())) {
        return Err(Error::usage(
            format!("{flag}: empty rule in `{empty}`"),
            Some("give comma-separated codes, names or categories, e.g. REF,TIR001".into()),
        ));
    }
    for item in values.iter().flat_map(|v| v.split(',')).map(str::trim) {
        if let Some(m) = rule(item) {
            out.insert(m.code);
        } else if let Some(cat) =
            Category::ALL.iter().find(|c| c.prefix().eq_ignore_ascii_case(item) || c.name().eq_ignore_ascii_case(item))
        {
            out.extend(RULES.iter().map(|r| r.meta()).filter(|m| m.category == *cat).map(|m| m.code));
        } else {
            let hint = did_you_mean(item, true).map_or_else(String::new, |c| format!("did you mean `{c}`? "));
            return Err(Error::usage(
                format!("{flag}: unknown rule or category `{item}`"),
                Some(format!("{hint}`ontolint rules` lists every code, name and category")),
            ));
        }
    }
    Ok(out)
}

/// Applies the policy. `ran` tells which rules this run executed: only their
/// ignores can be judged unused or expired (so `check` and `diff` never both
/// report one entry).
pub fn apply(findings: Vec<Finding>, policy: &Policy, ran: &dyn Fn(&RuleMeta) -> bool) -> Vec<Finding> {
    let mut used = vec![false; policy.ignores.len()];
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            // The first entry that matches hides the finding: a repeated or
            // overlapping entry hides nothing more and is reported unused.
            let first = policy.ignores.iter().position(|ig| !ig.expired(policy.today) && ig.matches(f));
            if let Some(i) = first {
                used[i] = true;
            }
            first.is_none()
        })
        .collect();
    for (i, ig) in policy.ignores.iter().enumerate().filter(|(_, ig)| ran(ig.rule)) {
        let (meta, expires) = if ig.expired(policy.today) {
            (ExpiredIgnore.meta(), ig.expires.map(|d| d.to_string()))
        } else if !used[i] {
            (UnusedIgnore.meta(), None)
        } else {
            continue;
        };
        let is_expired = expires.is_some();
        let mut args = vec![("rule", ig.rule.code.to_string()), ("subject", ig.subject().to_string())];
        args.extend(expires.map(|e| ("expires", e)));
        let pointer = format!("/ignore/{i}");
        let help = if is_expired {
            "fix the findings it hid and delete the entry, or move `expires` forward with a new reason"
        } else {
            "delete the entry, or correct its `rule`, `kpi` or `file`"
        };
        kept.push(Finding {
            rule: meta,
            severity: meta.default_severity,
            message: meta.render(&args),
            help: Some(help.to_string()),
            fingerprint: fingerprint(meta.code, None, &policy.config_file, &pointer, &args),
            location: Location { file: policy.config_file.clone(), pointer, span: ig.span.clone(), rev: None },
            kpi: None,
            labels: Vec::new(),
            args,
        });
    }
    kept.retain_mut(|f| {
        let code = f.rule.code;
        if policy.select.as_ref().is_some_and(|s| !s.contains(code)) || policy.deselect.contains(code) {
            return false;
        }
        match policy.severity.get(code) {
            Some(Level::Off) => false,
            Some(Level::Error) => {
                f.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                f.severity = Severity::Warning;
                true
            }
            Some(Level::Info) => {
                f.severity = Severity::Info;
                true
            }
            None => true,
        }
    });
    kept
}
