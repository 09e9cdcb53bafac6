use crate::model::FileKind;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A JSON file sits directly in ontology/ but is neither catalog.json nor standards.json.
    ///
    /// ## Why
    /// KPIs live in domain folders (`ontology/<domain>/<slug>.json`); a file
    /// directly under `ontology/` is neither loaded as a KPI nor published, so
    /// whatever it defines silently goes nowhere. It is usually a KPI saved in
    /// the wrong folder.
    ///
    /// ## Example
    /// ```json,expect=IDN005 path=ontology/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales"}
    /// ```
    /// Use instead: the same file at `ontology/sales/win_rate.json`.
    ///
    /// ## How to fix
    /// Move the file into its domain folder, or delete it.
    pub StrayJsonFile {
        code: "IDN005",
        name: "stray-json-file",
        category: Identity,
        severity: Warning,
        scope: File,
        message: "`{path}` is not part of the catalog: KPIs live in ontology/<domain>/<slug>.json",
        since: "0.1.0",
    }
}

impl Check for StrayJsonFile {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            // `<ontology>/<name>.json`: directly in the ontology folder.
            let top_level = file.path.matches('/').count() == 1;
            let dir = file.path.split('/').next().unwrap_or_default();
            if file.kind == FileKind::Other && top_level {
                let domain = file.value.as_ref().and_then(|v| v.get("domain")).and_then(|d| d.as_str());
                let help = match domain {
                    Some(d) => format!("move it to `{dir}/{d}/`"),
                    None => "move it into its domain folder, or delete it".to_string(),
                };
                out.report_span(i, 0..0).arg("path", &file.path).help(help);
            }
        }
    }
}
