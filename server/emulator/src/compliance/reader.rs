//! Reads a JSON request body field by field, collecting every problem with its JSON-pointer path,
//! so one 400 names all of them (`null` counts as absent).

use serde_json::Value;

use crate::error::ApiError;

#[derive(Debug, Default)]
pub struct Reader {
    errors: Vec<(String, String)>,
}

/// The body as JSON, or a 400 saying it is not.
pub fn parse(bytes: &[u8]) -> Result<Value, ApiError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::validation(vec![("/".into(), format!("should be a JSON object ({e})"))]))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ApiError::validation(vec![("/".into(), "should be object".into())]))
    }
}

fn present<'a>(root: &'a Value, ptr: &str) -> Option<&'a Value> {
    root.pointer(ptr).filter(|v| !v.is_null())
}

impl Reader {
    pub fn fail(&mut self, ptr: &str, message: impl Into<String>) {
        self.errors.push((ptr.to_owned(), message.into()));
    }

    fn missing(&mut self, ptr: &str) {
        let name = ptr.rsplit('/').next().unwrap_or_default();
        self.fail(ptr, format!("should have required property '{name}'"));
    }

    /// An object at `ptr`, if there (and of the right type).
    pub fn object<'a>(&mut self, root: &'a Value, ptr: &str, required: bool) -> Option<&'a Value> {
        match present(root, ptr) {
            None if required => {
                self.missing(ptr);
                None
            }
            None => None,
            Some(v) if v.is_object() => Some(v),
            Some(_) => {
                self.fail(ptr, "should be object");
                None
            }
        }
    }

    /// A string at `ptr`; empty when absent (a 400 when required and absent or blank).
    pub fn text(&mut self, root: &Value, ptr: &str, required: bool) -> String {
        match present(root, ptr) {
            None => {
                if required {
                    self.missing(ptr);
                }
                String::new()
            }
            Some(Value::String(s)) => {
                if required && s.trim().is_empty() {
                    self.fail(ptr, "should not be empty");
                }
                s.clone()
            }
            Some(_) => {
                self.fail(ptr, "should be string");
                String::new()
            }
        }
    }

    /// A `Y`/`N` flag at `ptr`, if there.
    pub fn yes_no(&mut self, root: &Value, ptr: &str) -> Option<bool> {
        match self.text(root, ptr, false).as_str() {
            "" => None,
            "Y" => Some(true),
            "N" => Some(false),
            _ => {
                self.fail(ptr, "should be equal to one of the allowed values: Y, N");
                None
            }
        }
    }

    /// A date (`YYYY-MM-DD`) at `ptr`, if there.
    pub fn date(&mut self, root: &Value, ptr: &str) -> Option<chrono::NaiveDate> {
        let raw = self.text(root, ptr, false);
        if raw.is_empty() {
            return None;
        }
        match chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                self.fail(ptr, "should match format \"date\" (YYYY-MM-DD)");
                None
            }
        }
    }

    /// A boolean at `ptr`, if there.
    pub fn boolean(&mut self, root: &Value, ptr: &str) -> Option<bool> {
        match present(root, ptr) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.fail(ptr, "should be boolean");
                None
            }
        }
    }

    /// An array at `ptr` (empty when absent).
    pub fn array<'a>(&mut self, root: &'a Value, ptr: &str) -> &'a [Value] {
        match present(root, ptr) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.fail(ptr, "should be array");
                &[]
            }
        }
    }

    /// An array of strings at `ptr` (empty when absent).
    pub fn texts(&mut self, root: &Value, ptr: &str) -> Vec<String> {
        let items = self.array(root, ptr);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Value::String(s) => Some(s.clone()),
                _ => {
                    self.fail(&format!("{ptr}/{i}"), "should be string");
                    None
                }
            })
            .collect()
    }

    /// An array of objects at `ptr` (each checked to be an object).
    pub fn objects<'a>(&mut self, root: &'a Value, ptr: &str) -> Vec<(String, &'a Value)> {
        let items = self.array(root, ptr);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let at = format!("{ptr}/{i}");
                if item.is_object() {
                    Some((at, item))
                } else {
                    self.fail(&at, "should be object");
                    None
                }
            })
            .collect()
    }

    /// `Ok` when nothing failed, else one 400 naming every failure.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_failure_is_named_by_its_pointer() {
        let body = json!({"merchant": {"business_name": 5, "principals": [{}, 3]}, "flag": "X"});
        let mut r = Reader::default();
        r.text(&body, "/merchant/business_name", true);
        r.objects(&body, "/merchant/principals");
        r.object(&body, "/search_criteria", true);
        r.yes_no(&body, "/flag");
        let error = r.finish().unwrap_err();
        let paths: Vec<&str> = error.errors.iter().filter_map(|e| e["path"].as_str()).collect();
        assert_eq!(
            paths,
            [
                "/merchant/business_name",
                "/merchant/principals/1",
                "/search_criteria",
                "/flag"
            ]
        );
    }
}
