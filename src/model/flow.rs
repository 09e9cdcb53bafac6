use super::text;
use serde::Deserialize;
use serde_json::Value;

/// The sign of a flow line: added to or subtracted from the opening value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Sign {
    #[serde(rename = "+")]
    Plus,
    #[serde(rename = "-")]
    Minus,
}

impl Sign {
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Plus => "+",
            Sign::Minus => "-",
        }
    }

    /// +1 or −1.
    pub fn factor(self) -> i8 {
        match self {
            Sign::Plus => 1,
            Sign::Minus => -1,
        }
    }
}

/// What a line does in the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Inflow,
    Outflow,
    Cancellation,
    Adjustment,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Inflow => "inflow",
            Role::Outflow => "outflow",
            Role::Cancellation => "cancellation",
            Role::Adjustment => "adjustment",
        }
    }
}

/// One line of a flow, read leniently.
#[derive(Debug, Clone, Default)]
pub struct FlowLine {
    /// Index in the file's `lines` array (for pointers).
    pub index: usize,
    pub kpi: Option<String>,
    pub sign: Option<Sign>,
    pub role: Option<Role>,
}

/// `ontology/flows/<id>.json`: start + Σ signed lines = end, for one period.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// Index of the file in `Catalog::files`.
    pub file: usize,
    /// The file name without `.json`.
    pub file_stem: String,
    pub id: Option<String>,
    pub label: Option<String>,
    pub container: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub lines: Vec<FlowLine>,
}

impl Flow {
    pub fn from_value(file: usize, file_stem: &str, value: &Value) -> Option<Self> {
        let obj = value.as_object()?;
        let lines = obj
            .get("lines")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(index, l)| {
                        let l = l.as_object()?;
                        Some(FlowLine {
                            index,
                            kpi: text(l, "kpi"),
                            sign: super::field(l, "sign"),
                            role: super::field(l, "role"),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Flow {
            file,
            file_stem: file_stem.to_string(),
            id: text(obj, "id"),
            label: text(obj, "label"),
            container: text(obj, "container"),
            start: text(obj, "start"),
            end: text(obj, "end"),
            lines,
        })
    }

    /// The id to show: the flow's own, else its file name.
    pub fn name(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.file_stem)
    }
}
