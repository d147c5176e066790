//! Checks of request input that several areas share, each failure answered as Dintero's 400 with
//! JSON-pointer paths: a JSON object body, required and optional strings, enum values.

use serde_json::Value;

use crate::error::ApiError;

/// 400 naming the first value of `name` outside `allowed`.
pub fn check_enum(name: &str, values: &[String], allowed: &[&str]) -> Result<(), ApiError> {
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(bad) => Err(ApiError::validation(vec![(
            format!("/{name}"),
            format!(
                "'{bad}' should be equal to one of the allowed values: {}",
                allowed.join(", ")
            ),
        )])),
        None => Ok(()),
    }
}

/// A required string field: present, a string, not blank, at most `max` characters.
pub fn required_string(body: &Value, field: &str, max: Option<usize>, failures: &mut Vec<(String, String)>) {
    match body.get(field) {
        None | Some(Value::Null) => {
            failures.push((format!("/{field}"), format!("should have required property '{field}'")))
        }
        Some(Value::String(s)) if s.trim().is_empty() => {
            failures.push((format!("/{field}"), "should not be empty".into()))
        }
        Some(_) => optional_string(body, field, max, failures),
    }
}

/// An optional string field: a string of at most `max` characters when given.
pub fn optional_string(body: &Value, field: &str, max: Option<usize>, failures: &mut Vec<(String, String)>) {
    match body.get(field) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            if let Some(max) = max.filter(|m| s.chars().count() > *m) {
                failures.push((
                    format!("/{field}"),
                    format!("should NOT be longer than {max} characters"),
                ));
            }
        }
        Some(_) => failures.push((format!("/{field}"), "should be string".into())),
    }
}

/// The JSON object body of a write, or 400 in Dintero's envelope.
pub fn object_body(bytes: &[u8]) -> Result<Value, ApiError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) if value.is_object() => Ok(value),
        Ok(_) => Err(ApiError::validation(vec![("/".into(), "should be object".into())])),
        Err(error) => Err(ApiError::validation(vec![(
            "/".into(),
            format!("is not valid JSON: {error}"),
        )])),
    }
}
