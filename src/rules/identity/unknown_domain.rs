use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI's domain is not listed in catalog.json.
    ///
    /// ## Why
    /// The domains of `catalog.json` are the catalog's table of contents: the
    /// public index, the domain API files and the navigation pages are built from
    /// them. A KPI in an unlisted domain is published nowhere.
    ///
    /// ## Example
    /// ```json,expect=IDN004 path=ontology/legal/contract_count.json
    /// {"rogueId": "legal.contract_count", "slug": "contract_count", "domain": "legal"}
    /// ```
    ///
    /// ## How to fix
    /// Add `{"id": "<domain>", "label": "…"}` to `domains` in `catalog.json`, or
    /// move the KPI to a listed domain.
    pub UnknownDomain {
        code: "IDN004",
        name: "unknown-domain",
        category: Identity,
        severity: Error,
        scope: Kpi,
        message: "domain `{domain}` is not listed in catalog.json",
        since: "0.1.0",
    }
}

impl Check for UnknownDomain {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        // Without a readable manifest there is nothing to compare against; the
        // manifest's own findings say why.
        let Some(manifest) = &cx.catalog.manifest else {
            return;
        };
        if !manifest.domains_valid {
            return;
        }
        for kpi in &cx.catalog.kpis {
            let Some(domain) = &kpi.domain else { continue };
            if !cx.catalog.has_domain(domain) {
                let listed: Vec<&str> = manifest.domains.iter().map(|d| d.id.as_str()).collect();
                out.report_kpi(kpi, "/domain").arg("domain", domain).help(format!(
                    "add {{\"id\": \"{domain}\", \"label\": …}} to `domains` in catalog.json (listed: {})",
                    listed.join(", ")
                ));
            }
        }
    }
}
