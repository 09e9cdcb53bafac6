use crate::model::FileKind;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A JSON file of ontology/ is neither catalog.json, standards.json, a KPI, a dispute nor a flow.
    ///
    /// ## Why
    /// KPIs live in domain folders (`ontology/<domain>/<slug>.json`), disputes
    /// and flows directly in `ontology/disputes/` and `ontology/flows/`. A file
    /// directly under `ontology/`, or in a subfolder of `disputes/` or `flows/`,
    /// is neither loaded nor published, so whatever it defines silently goes
    /// nowhere. It is usually a file saved in the wrong folder.
    ///
    /// ## Example
    /// ```json,expect=IDN005 path=ontology/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales"}
    /// ```
    /// Use instead: the same file at `ontology/sales/win_rate.json`.
    ///
    /// A dispute record in a subfolder (`ontology/disputes/2026/DSP-0004.json`)
    /// is reported too: disputes and flows are read only directly in their folder.
    ///
    /// ## How to fix
    /// Move the file into its domain folder (or directly into `disputes/` or
    /// `flows/`), or delete it.
    pub StrayJsonFile {
        code: "IDN005",
        name: "stray-json-file",
        category: Identity,
        severity: Warning,
        scope: File,
        message: "`{path}` is not part of the catalog: {expected}",
        since: "0.1.0",
    }
}

impl Check for StrayJsonFile {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for (i, file) in cx.catalog.files.iter().enumerate() {
            if file.kind != FileKind::Other {
                continue;
            }
            let parts: Vec<&str> = file.path.split('/').collect();
            let dir = parts[0];
            // `<ontology>/<reserved>/…/<name>.json`: nested in the disputes or flows folder.
            let reserved = match parts.as_slice() {
                [_, r, _, ..] if crate::source::RESERVED_DIRS.contains(r) => Some(*r),
                _ => None,
            };
            let (expected, help) = match reserved {
                Some(r) => (
                    format!("{r} are read only directly in {dir}/{r}/"),
                    format!("move it to `{dir}/{r}/`, or delete it"),
                ),
                None => {
                    let domain = file.value.as_ref().and_then(|v| v.get("domain")).and_then(|d| d.as_str());
                    let help = match domain {
                        Some(d) => format!("move it to `{dir}/{d}/`"),
                        None => "move it into its domain folder, or delete it".to_string(),
                    };
                    ("KPIs live in ontology/<domain>/<slug>.json".to_string(), help)
                }
            };
            out.report_span(i, 0..0).arg("path", &file.path).arg("expected", expected).help(help);
        }
    }
}
