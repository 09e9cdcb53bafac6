//! Comparing JSON as data: key order, whitespace and number spelling
//! (`10` vs `10.0` vs `1e1`) are not changes.

use serde_json::Value;

pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(i), Some(j), _, _) => i == j,
            (_, _, Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Equality of two optional members (absent and absent are the same).
pub fn same_opt(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn number_spelling_and_key_order_are_not_changes() {
        let a: Value = serde_json::from_str(r#"{"p25": 10, "b": {"x": 1, "y": [1.5]}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"b": {"y": [15e-1], "x": 1.0}, "p25": 10.0}"#).unwrap();
        assert!(same(&a, &b));
    }

    #[test]
    fn real_differences_are_changes() {
        assert!(!same(&json!({"a": 1}), &json!({"a": 2})));
        assert!(!same(&json!({"a": 1}), &json!({"a": 1, "b": null})));
        assert!(!same(&json!([1, 2]), &json!([2, 1])));
        assert!(!same(&json!("10"), &json!(10)));
    }
}
