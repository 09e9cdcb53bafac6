use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// Two KPI files declare the same rogueId.
    ///
    /// ## Why
    /// The rogueId is the key of the catalog: references, the API and version
    /// history all match KPIs by it. Two definitions under one id make every one
    /// of them ambiguous. The finding sits on every file after the first (in path
    /// order) and points back at the first.
    ///
    /// ## Example
    /// ```json,expect=IDN003 path=ontology/sales/zz_copy.json
    /// {"rogueId": "sales.arr", "slug": "zz_copy", "domain": "sales"}
    /// ```
    ///
    /// ## How to fix
    /// Give the second KPI its own id, or delete the copy.
    pub DuplicateRogueId {
        code: "IDN003",
        name: "duplicate-rogue-id",
        category: Identity,
        severity: Error,
        scope: Catalog,
        message: "rogueId `{rogue_id}` is already defined in `{first}`",
        since: "0.1.0",
    }
}

impl Check for DuplicateRogueId {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for kpi in &cx.catalog.kpis {
            let Some(id) = &kpi.rogue_id else { continue };
            let same = cx.catalog.kpis_with_id(id);
            let Some(&first) = same.first() else { continue };
            let first = &cx.catalog.kpis[first];
            if first.file == kpi.file {
                continue;
            }
            let first_path = &cx.catalog.file_of(first).path;
            out.report_kpi(kpi, "/rogueId")
                .arg("rogue_id", id)
                .arg("first", first_path)
                .label(first.file, "/rogueId", "first defined here")
                .help("give this KPI its own rogueId, or remove the duplicate file");
        }
    }
}
