//! The values file of `ontolint flow check --values FILE`: period values of
//! KPIs keyed by rogueId, read exactly (amounts in integer cents from the
//! number's text) and strictly (every problem is an error at its line and
//! column).
//!
//! ```json
//! {"periods": [
//!   {"period": "2026-Q1",
//!    "opening":   {"sales.bookings_backlog": 1200000},
//!    "movements": {"sales.new_bookings": 450000.5, "sales.backlog_cancellations": 0},
//!    "closing":   {"sales.bookings_backlog": 1310000.5}}
//! ]}
//! ```
//! A plain array of period objects is accepted as well. Periods are in
//! chronological order; `opening` and `closing` hold the point-in-time KPIs
//! (a flow's start and end) at the first and last instant of the period,
//! `movements` the period-flow KPIs (its lines).

use super::cents::{self, Cents};
use crate::error::{Error, Result};
use crate::parse::{LineIndex, Member, Syntax};
use std::collections::BTreeMap;

/// The sections of a period, in the order they are read.
pub const SECTIONS: &[&str] = &["opening", "movements", "closing"];

/// One amount and where it is written.
#[derive(Debug, Clone)]
pub struct Amount {
    pub cents: Cents,
    pub pointer: String,
}

/// One period of the values file.
#[derive(Debug, Clone)]
pub struct Period {
    pub name: String,
    pub pointer: String,
    /// Section (`opening`, `movements`, `closing`) → rogueId → amount.
    pub sections: BTreeMap<&'static str, BTreeMap<String, Amount>>,
}

impl Period {
    pub fn get(&self, section: &str, kpi: &str) -> Option<&Amount> {
        self.sections.get(section)?.get(kpi)
    }

    /// Whether the period gives any value for `kpi` in `section`.
    pub fn has(&self, section: &str, kpi: &str) -> bool {
        self.get(section, kpi).is_some()
    }
}

/// The whole file.
#[derive(Debug)]
pub struct Values {
    /// The path as given on the command line (for messages).
    pub path: String,
    pub text: String,
    pub periods: Vec<Period>,
}

impl Values {
    /// `path:line:col` of the value at a pointer (the nearest existing ancestor).
    pub fn at(&self, pointer: &str) -> String {
        at_pointer(&self.path, &self.text, pointer)
    }
}

fn at_offset(path: &str, text: &str, offset: usize) -> String {
    let p = LineIndex::new(text).position(text, offset);
    format!("{path}:{}:{}", p.line, p.column)
}

pub(crate) fn at_pointer(path: &str, text: &str, pointer: &str) -> String {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut p = pointer;
    loop {
        if let Some(found) = crate::parse::locate(text, start, p) {
            return at_offset(path, text, found.value.start);
        }
        match crate::parse::pointer::parent(p) {
            Some(up) => p = up,
            None => return format!("{path}:1:1"),
        }
    }
}

const SHAPE: &str = "write {\"periods\": [{\"period\": \"2026-Q1\", \"opening\": {…}, \"movements\": {…}, \"closing\": {…}}, …]} (README, \"Flow values\")";

/// Reads and checks a values file.
pub fn read(path: &std::path::Path) -> Result<Values> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..bad]).unwrap_or_default();
        let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::usage(
            format!("{shown}:{line}:{column}: not valid UTF-8 (byte {bad})"),
            Some("save the file as UTF-8".to_string()),
        )
    })?;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let fail = |at: String, message: String| Error::usage(format!("{at}: {message}"), Some(SHAPE.to_string()));
    let parsed = crate::parse::parse(&text, start).map_err(|e| fail(at_offset(&shown, &text, e.offset), e.message))?;
    if let Some(d) = parsed.duplicates.first() {
        return Err(fail(at_offset(&shown, &text, d.second.start), format!("duplicate key `{}`", d.key)));
    }
    let tree = crate::parse::syntax(&text, start).map_err(|e| fail(at_offset(&shown, &text, e.offset), e.message))?;
    let at = |pointer: &str| at_pointer(&shown, &text, pointer);
    let (items, base) = match &tree {
        Syntax::Array(items) => (items, String::new()),
        Syntax::Object(members) => match members.iter().find(|m| m.key == "periods") {
            Some(Member { value: Syntax::Array(items), .. }) if members.len() == 1 => (items, "/periods".to_string()),
            Some(m) if members.len() == 1 => {
                return Err(fail(at("/periods"), format!("`periods` is {}, not an array", kind(&m.value))));
            }
            _ => return Err(fail(at(""), "expected an object with one member, `periods`".into())),
        },
        other => return Err(fail(at(""), format!("expected an object, found {}", kind(other)))),
    };
    if items.is_empty() {
        return Err(fail(at(&base), "no periods".into()));
    }
    let mut periods: Vec<Period> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let pointer = crate::parse::pointer::push_index(&base, i);
        let Syntax::Object(members) = item else {
            return Err(fail(at(&pointer), format!("a period is an object, found {}", kind(item))));
        };
        let mut name = None;
        let mut sections = BTreeMap::new();
        for m in members {
            let here = crate::parse::pointer::push(&pointer, &m.key);
            if m.key == "period" {
                match &m.value {
                    Syntax::Scalar(raw) if raw.starts_with('"') => {
                        let n: String = serde_json::from_str(raw).unwrap_or_default();
                        if n.trim().is_empty() {
                            return Err(fail(at(&here), "`period` is empty".into()));
                        }
                        name = Some(n);
                    }
                    other => return Err(fail(at(&here), format!("`period` is {}, not a string", kind(other)))),
                }
                continue;
            }
            let Some(&section) = SECTIONS.iter().find(|s| **s == m.key) else {
                return Err(fail(
                    at(&here),
                    format!(
                        "unknown member `{}` in a period (expected period, opening, movements, closing)",
                        super::shown(&m.key)
                    ),
                ));
            };
            let Syntax::Object(values) = &m.value else {
                return Err(fail(
                    at(&here),
                    format!("`{section}` is {}, not an object of rogueId → amount", kind(&m.value)),
                ));
            };
            let mut amounts = BTreeMap::new();
            for v in values {
                let p = crate::parse::pointer::push(&here, &v.key);
                let cents = match &v.value {
                    Syntax::Scalar(raw) if raw.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) => {
                        cents::parse(raw).ok_or_else(|| {
                            fail(
                                at(&p),
                                format!("`{}` in {section}: {raw} is too large to be an amount", super::shown(&v.key)),
                            )
                        })?
                    }
                    other => {
                        return Err(fail(
                            at(&p),
                            format!("`{}` in {section} is {}, not a number", super::shown(&v.key), kind(other)),
                        ));
                    }
                };
                amounts.insert(v.key.clone(), Amount { cents, pointer: p });
            }
            sections.insert(section, amounts);
        }
        let Some(name) = name else {
            return Err(fail(at(&pointer), "a period needs a `period` name, e.g. \"2026-Q1\"".into()));
        };
        if let Some(first) = periods.iter().find(|p| p.name == name) {
            return Err(fail(
                at(&crate::parse::pointer::push(&pointer, "period")),
                format!("period `{}` is listed twice (first at {})", super::shown(&name), at(&first.pointer)),
            ));
        }
        periods.push(Period { name, pointer, sections });
    }
    Ok(Values { path: shown, text, periods })
}

/// What a syntax node is, for messages.
fn kind(s: &Syntax<'_>) -> String {
    match s {
        Syntax::Object(_) => "an object".into(),
        Syntax::Array(_) => "an array".into(),
        Syntax::Scalar(raw) if raw.starts_with('"') => format!("the string {raw}"),
        Syntax::Scalar(raw) => format!("`{raw}`"),
    }
}
