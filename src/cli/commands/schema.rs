use crate::error::{Error, Result};
use crate::schema::SCHEMAS;

pub fn run(name: &str) -> Result<u8> {
    match crate::schema::find(name) {
        Some(s) => {
            crate::cli::print(s.text)?;
            Ok(0)
        }
        None => {
            let names: Vec<&str> = SCHEMAS.iter().map(|s| s.name).collect();
            Err(Error::usage(format!("unknown schema `{name}`"), Some(format!("available: {}", names.join(", ")))))
        }
    }
}
