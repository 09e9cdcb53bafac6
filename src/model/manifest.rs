use super::field;
use serde_json::Value;

/// `catalog.json`.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub file: usize,
    pub version: Option<String>,
    pub released_at: Option<String>,
    pub editorial_source_name: Option<String>,
    pub domains: Vec<Domain>,
    /// Whether `domains` is a list of `{id, label}` objects (else domain checks stay silent).
    pub domains_valid: bool,
}

#[derive(Debug, Clone)]
pub struct Domain {
    pub id: String,
    pub label: Option<String>,
}

/// One entry of `standards.json`.
#[derive(Debug, Clone)]
pub struct Standard {
    pub name: String,
    pub url_prefix: Option<String>,
    pub attribution_notice: Option<String>,
}

impl Manifest {
    pub fn from_value(file: usize, value: &Value) -> Self {
        let Some(obj) = value.as_object() else {
            return Manifest { file, ..Default::default() };
        };
        let domains_valid = obj
            .get("domains")
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().all(|d| d.get("id").is_some_and(Value::is_string)));
        let domains = obj
            .get("domains")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_object)
                    .filter_map(|d| Some(Domain { id: field(d, "id")?, label: field(d, "label") }))
                    .collect()
            })
            .unwrap_or_default();
        Manifest {
            file,
            version: field(obj, "version"),
            released_at: field(obj, "releasedAt"),
            editorial_source_name: field(obj, "editorialSourceName"),
            domains,
            domains_valid,
        }
    }
}

impl Standard {
    /// The registry's entries; `None` when the value is not a registry at all.
    pub fn list_from_value(value: &Value) -> Option<Vec<Standard>> {
        value.get("standards").and_then(Value::as_array).map(|items| {
            items
                .iter()
                .filter_map(Value::as_object)
                .filter_map(|s| {
                    Some(Standard {
                        name: field(s, "name")?,
                        url_prefix: field(s, "urlPrefix"),
                        attribution_notice: field(s, "attributionNotice"),
                    })
                })
                .collect()
        })
    }
}
