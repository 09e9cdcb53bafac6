use crate::parse::pointer;
use crate::rules::{Check, Context, Sink, declare_rule};
use jsonschema::error::ValidationErrorKind;
use rayon::prelude::*;

declare_rule! {
    /// A value does not match the file's JSON Schema.
    ///
    /// ## Why
    /// The schemas (`ontolint schema kpi|catalog|standards`) are the contract of
    /// the published JSON API: every consumer relies on the types, enums and
    /// required fields they define. Formats are asserted, so `2026-02-30` is not
    /// a date. The finding points at the offending value, or at the object that
    /// misses a required property.
    ///
    /// ## Example
    /// ```json,expect=SCH001 path=ontology/sales/win_rate.json
    /// {"rogueId": "sales.win_rate", "slug": "win_rate", "domain": "sales", "defaultLabel": "Win Rate", "description": "Won deals over closed deals. Common pitfall: counting open deals.", "fieldType": "ratio", "unit": "%", "maturity": "general", "suggestedForStages": ["seriesA"], "defaultOwningFunctions": ["Sales"], "stageRelevance": {"seriesA": "core"}, "definitionSource": {"tier": "editorial", "sourceName": "Test Editorial", "sourceUrl": null, "sectionRef": null, "publicationDate": "2026-01-15", "attributionNotice": null}, "formula": "won / closed"}
    /// ```
    /// Use instead: `"fieldType": "percentage"`.
    ///
    /// ## How to fix
    /// Correct the value as the message says; `ontolint schema kpi` prints the full schema.
    pub SchemaViolation {
        code: "SCH001",
        name: "schema-violation",
        category: Schema,
        severity: Error,
        scope: File,
        message: "{detail}",
        since: "0.1.0",
    }
}

struct Violation {
    file: usize,
    pointer: String,
    detail: String,
    on_key: bool,
}

impl Check for SchemaViolation {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let violations: Vec<Violation> = cx
            .catalog
            .files
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, file)| {
                let mut found = Vec::new();
                let (Some(value), Some(validator)) = (&file.value, crate::schema::for_kind(&file.kind)) else {
                    return found;
                };
                if validator.is_valid(value) {
                    return found;
                }
                for e in validator.iter_errors(value) {
                    let at = e.instance_path().as_str().to_string();
                    let (pointer, detail, on_key) = match e.kind() {
                        ValidationErrorKind::Required { property } => {
                            let name = property.as_str().map_or_else(|| property.to_string(), str::to_string);
                            (at, format!("missing required property `{name}`"), false)
                        }
                        ValidationErrorKind::AdditionalProperties { unexpected } => {
                            for name in unexpected {
                                found.push(Violation {
                                    file: i,
                                    pointer: pointer::push(&at, name),
                                    detail: format!("unknown property `{name}`"),
                                    on_key: true,
                                });
                            }
                            continue;
                        }
                        ValidationErrorKind::PropertyNames { error } => match error.instance().as_str() {
                            Some(name) => {
                                (pointer::push(&at, name), shorten(&error.to_string(), error.instance()), true)
                            }
                            None => (at, error.to_string(), false),
                        },
                        _ => (at, shorten(&e.to_string(), e.instance()), false),
                    };
                    found.push(Violation { file: i, pointer, detail, on_key });
                }
                found
            })
            .collect();
        for v in violations {
            let schema = match &cx.catalog.files[v.file].kind {
                crate::model::FileKind::Catalog => "catalog",
                crate::model::FileKind::Standards => "standards",
                crate::model::FileKind::Dispute { .. } => "dispute",
                crate::model::FileKind::Flow { .. } => "flow",
                _ => "kpi",
            };
            let r = out.report(v.file, v.pointer).arg("detail", v.detail);
            if v.on_key {
                r.on_key()
                    .help(format!("fix or remove the property; `ontolint schema {schema}` lists the allowed ones"));
            } else {
                r.help(format!("`ontolint schema {schema}` prints the schema"));
            }
        }
    }
}

/// Messages quote the offending value; a whole object or a long string would
/// drown the message, so those are named by their kind instead.
fn shorten(message: &str, instance: &serde_json::Value) -> String {
    use serde_json::Value;
    let full = instance.to_string();
    if full.len() <= 60 {
        return message.to_string();
    }
    let short = match instance {
        Value::Object(_) => "an object".to_string(),
        Value::Array(a) => format!("an array of {} item{}", a.len(), if a.len() == 1 { "" } else { "s" }),
        Value::String(s) => format!("\"{}…\"", s.chars().take(40).collect::<String>()),
        other => other.to_string(),
    };
    message.replacen(&full, &short, 1)
}

#[cfg(test)]
mod tests {
    use super::shorten;
    use serde_json::json;

    #[test]
    fn long_values_are_named_not_dumped() {
        let v = json!([{"rogueId": "sales.arr", "description": "a very long description that goes on and on"}]);
        let msg = format!("{v} is not of type \"object\"");
        assert_eq!(shorten(&msg, &v), "an array of 1 item is not of type \"object\"");
        let small = json!("ratio");
        assert_eq!(shorten("\"ratio\" is not one of", &small), "\"ratio\" is not one of");
    }
}
