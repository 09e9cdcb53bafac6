//! Shared by the benchmarks: the generated catalog, timing, peak memory.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

const DOMAINS: usize = 10;

pub fn kpi(domain: usize, i: usize, per_domain: usize, published: bool) -> serde_json::Value {
    let id = |d: usize, k: usize| format!("d{d}.kpi_{k:05}");
    let next = id(domain, (i + 1) % per_domain);
    let other = id((domain + 1) % DOMAINS, i % per_domain);
    let source = if published {
        serde_json::json!({"tier": "published", "sourceName": "Bench Standard", "sourceUrl": format!("https://standard.example.org/s/{i}"),
            "sectionRef": "3.2 Definitions", "publicationDate": "2024-05-01", "attributionNotice": "Not affiliated with the Bench Standard."})
    } else {
        serde_json::json!({"tier": "editorial", "sourceName": "Bench Editorial", "sourceUrl": null, "sectionRef": null,
            "publicationDate": "2026-01-15", "attributionNotice": null})
    };
    serde_json::json!({
        "rogueId": id(domain, i), "slug": format!("kpi_{i:05}"), "domain": format!("d{domain}"),
        "defaultLabel": format!("Generated KPI {i} of domain {domain}"),
        "description": format!("A generated KPI whose value is derived from `{next}` over a period, used to measure ontolint on a large catalog. It mirrors the size of a real definition, with several sentences of prose describing what is included and what is not. Common pitfall: mixing point-in-time and period values."),
        "fieldType": "currency", "unit": "USD", "maturity": "general",
        "suggestedForStages": ["seed", "seriesA", "seriesB"], "defaultOwningFunctions": ["Finance", "Sales"],
        "stageRelevance": {"seed": "recommended", "seriesA": "core", "seriesB": "core"},
        "definitionSource": source,
        "benchmark": {"p25": 1.5, "median": 2.5, "p75": 4.0, "unit": "x", "sourceName": "Bench survey", "sourceYear": "2025", "higherIsBetter": true},
        "formula": format!("`{next}` − `{other}` measured at period end"),
        "whyItMatters": "Boards use it to see whether growth is efficient; investors compare it across companies of the same stage.",
        "interpretationGuidance": format!("Read it next to `{other}`; a rising value with a falling input signals a definitional change."),
        "relatedKpiIds": [next, other],
        "metricBasis": {"timeBasis": "point_in_time", "moneyBasis": "contracted_arr", "production": "computed"},
        "calculationPolicy": {"inclusions": ["signed contracts"], "exclusions": ["one-off fees"], "edgeCases": ["multi-year prepaid deals"]}
    })
}

pub fn generate(root: &Path, total: usize) {
    let per_domain = total / DOMAINS;
    let ont = root.join("ontology");
    let domains: Vec<_> =
        (0..DOMAINS).map(|d| serde_json::json!({"id": format!("d{d}"), "label": format!("Domain {d}")})).collect();
    std::fs::create_dir_all(&ont).unwrap();
    let catalog = serde_json::json!({"version": "1.0.0", "releasedAt": "2026-01-15", "editorialSourceName": "Bench Editorial", "domains": domains});
    std::fs::write(ont.join("catalog.json"), serde_json::to_string_pretty(&catalog).unwrap()).unwrap();
    let standards = serde_json::json!({"standards": [{"name": "Bench Standard", "urlPrefix": "https://standard.example.org/", "attributionNotice": "Not affiliated with the Bench Standard."}]});
    std::fs::write(ont.join("standards.json"), serde_json::to_string_pretty(&standards).unwrap()).unwrap();
    for d in 0..DOMAINS {
        let dir = ont.join(format!("d{d}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..per_domain {
            let text = serde_json::to_string_pretty(&kpi(d, i, per_domain, i % 5 == 0)).unwrap();
            std::fs::write(dir.join(format!("kpi_{i:05}.json")), text + "\n").unwrap();
        }
    }
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median wall time of `f`; what it returns is dropped after the clock stops
/// (the binary exits without freeing its catalog, so freeing is not its cost).
pub fn time<T, F: FnMut() -> T>(runs: usize, mut f: F) -> Duration {
    drop(f()); // warm the page cache and the schema validators
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let kept = f();
                let elapsed = t.elapsed();
                drop(kept);
                elapsed
            })
            .collect(),
    )
}

pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// The value of `--flag N` on the command line, or `default`.
pub fn flag(args: &[String], name: &str, default: usize) -> usize {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}
