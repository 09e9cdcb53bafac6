//! The JSON Schemas of the catalog files, embedded in the binary.

use crate::model::FileKind;
use jsonschema::Validator;
use std::sync::OnceLock;

/// An embedded schema.
pub struct Schema {
    pub name: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

pub const SCHEMAS: &[Schema] = &[
    Schema { name: "kpi", file: "kpi.schema.json", text: include_str!("../../schemas/kpi.schema.json") },
    Schema { name: "catalog", file: "catalog.schema.json", text: include_str!("../../schemas/catalog.schema.json") },
    Schema {
        name: "standards",
        file: "standards.schema.json",
        text: include_str!("../../schemas/standards.schema.json"),
    },
    Schema { name: "dispute", file: "dispute.schema.json", text: include_str!("../../schemas/dispute.schema.json") },
    Schema { name: "flow", file: "flow.schema.json", text: include_str!("../../schemas/flow.schema.json") },
];

pub fn find(name: &str) -> Option<&'static Schema> {
    SCHEMAS.iter().find(|s| s.name == name || s.file == name)
}

/// The schema a file kind is validated against.
pub fn for_kind(kind: &FileKind) -> Option<&'static Validator> {
    let name = match kind {
        FileKind::Kpi { .. } => "kpi",
        FileKind::Catalog => "catalog",
        FileKind::Standards => "standards",
        FileKind::Dispute { .. } => "dispute",
        FileKind::Flow { .. } => "flow",
        FileKind::Other => return None,
    };
    validator(name)
}

fn compile(schema: &Schema) -> Validator {
    let value: serde_json::Value = serde_json::from_str(schema.text).expect("embedded schema is valid JSON (tested)");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&value)
        .expect("embedded schema compiles (tested)")
}

fn validator(name: &str) -> Option<&'static Validator> {
    static CELLS: [OnceLock<Validator>; 5] = [const { OnceLock::new() }; 5];
    let i = SCHEMAS.iter().position(|s| s.name == name)?;
    Some(CELLS[i].get_or_init(|| compile(&SCHEMAS[i])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_compiles_and_is_draft_2020_12() {
        for s in SCHEMAS {
            let v: serde_json::Value = serde_json::from_str(s.text).unwrap();
            assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema", "{}", s.name);
            assert!(validator(s.name).is_some());
            assert!(jsonschema::meta::is_valid(&v), "{} is a valid schema", s.name);
        }
    }

    #[test]
    fn formats_are_asserted() {
        let v = validator("catalog").unwrap();
        let bad =
            serde_json::json!({"version": "1.0.0", "releasedAt": "2026-02-30", "domains": [{"id": "a", "label": "A"}]});
        assert!(!v.is_valid(&bad));
    }
}
