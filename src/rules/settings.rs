//! What the rules read from configuration (`ontolint.toml`), as plain data:
//! `config` builds it, rules only read it. The defaults apply without a file.

use crate::parse::Span;

/// The never-sum pairs when `ontolint.toml` gives none.
pub const DEFAULT_NEVER_SUM: &[(&str, &str)] = &[("sales.bookings_backlog", "sales.pipeline_value")];

/// One pair of KPIs that must never be added together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeverSum {
    pub a: String,
    pub b: String,
    /// Where the pair is written in the configuration file; `None` for the
    /// default pair, which is silent when the catalog lacks its KPIs.
    pub span: Option<Span>,
}

impl NeverSum {
    /// Whether `x` and `y` are this pair, in either order.
    pub fn is(&self, x: &str, y: &str) -> bool {
        (self.a == x && self.b == y) || (self.a == y && self.b == x)
    }
}

/// The configuration the rules need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file, root-relative: where findings about it point.
    pub config_file: String,
    pub never_sum: Vec<NeverSum>,
    /// `backlog-kpis`: the KPIs whose flows need a cancellation line; `None`
    /// means every rogueId containing `backlog`.
    pub backlog_kpis: Option<Vec<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            config_file: "ontolint.toml".to_string(),
            never_sum: DEFAULT_NEVER_SUM
                .iter()
                .map(|(a, b)| NeverSum { a: a.to_string(), b: b.to_string(), span: None })
                .collect(),
            backlog_kpis: None,
        }
    }
}

impl Settings {
    /// Whether `id` is a backlog KPI (a flow from or to it needs a cancellation line).
    pub fn is_backlog(&self, id: &str) -> bool {
        match &self.backlog_kpis {
            Some(list) => list.iter().any(|k| k == id),
            None => id.contains("backlog"),
        }
    }
}
