use super::{describe, release};
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The catalog version does not carry the bump its changes require.
    ///
    /// ## Why
    /// Integrations pin catalog versions. A KPI removed in a patch release, or
    /// an editorial KPI back-attributed to a standard without a minor release,
    /// reaches them without warning. The required bump is the largest any change
    /// needs (DESIGN §4; `ontolint rules` and the README list the policy); the
    /// declared bump is the step from the base version to the head version,
    /// read as Cargo reads versions below 1.0.0.
    ///
    /// ## Example
    /// ```text
    /// base: version 1.4.0, sales.win_rate editorial
    /// head: version 1.4.1, sales.win_rate published (back-attributed) → needs minor, declares patch
    /// ```
    ///
    /// ## How to fix
    /// Run `ontolint bump --write`, or set the version the help line gives. Each
    /// change that needs more is also reported at its KPI (VER002).
    pub InsufficientVersionBump {
        code: "VER001",
        name: "insufficient-version-bump",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "changes require a {required} release but version `{base}` → `{head}` declares {declared}",
        since: "0.1.0",
    }
}

impl Check for InsufficientVersionBump {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        let Some(declared) = r.declared else { return }; // VER003 reports a decrease
        if r.diff.required <= declared {
            return;
        }
        let mut short: Vec<_> = r.diff.changes.iter().filter(|c| c.bump > declared).collect();
        short.sort_by(|a, b| b.bump.cmp(&a.bump).then_with(|| a.kpi.cmp(&b.kpi)));
        let next = r.diff.required.apply(&r.base);
        let mut help =
            format!("set \"version\": \"{next}\" (`ontolint bump --write`); changes that need more than {declared}:");
        const SHOWN: usize = 20;
        for c in short.iter().take(SHOWN) {
            help.push_str(&format!("\n- {}: {}", c.bump, describe(c)));
        }
        if short.len() > SHOWN {
            help.push_str(&format!("\n- … and {} more (each is reported at its KPI: VER002)", short.len() - SHOWN));
        }
        out.report(r.manifest_file, "/version")
            .arg("required", r.diff.required)
            .arg("base", &r.base)
            .arg("head", &r.head)
            .arg("declared", declared)
            .help(help);
    }
}
