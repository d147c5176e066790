//! Dintero's error envelope: `{"error": {"code", "message", "errors"}}` (REFERENCE.md, "Error envelope").

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// An error answered in Dintero's envelope.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub errors: Vec<Value>,
    /// Extra top-level fields next to `error` (the `mfa_token` of `mfa_required`).
    pub extra: Option<(&'static str, String)>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            errors: Vec::new(),
            extra: None,
        }
    }

    /// 400 with one entry per failing field, `path` in JSON-pointer form as in the reference's example.
    pub fn validation(failures: Vec<(String, String)>) -> Self {
        let message = format!(
            "Validation failed: {}",
            failures
                .iter()
                .map(|(p, m)| format!("{} {m}", p.trim_start_matches('/').replace('/', ".")))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let errors = failures
            .into_iter()
            .map(|(path, message)| json!({"path": path, "message": message}))
            .collect();
        Self {
            errors,
            ..Self::new(StatusCode::BAD_REQUEST, "INVALID_REQUEST_PARAMETERS", message)
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({"message": self.message, "code": self.code});
        if !self.errors.is_empty() {
            error["errors"] = Value::Array(self.errors);
        }
        let mut body = json!({"error": error});
        if let Some((key, value)) = self.extra {
            body[key] = Value::String(value);
        }
        (self.status, Json(body)).into_response()
    }
}

/// The fallback for paths the emulator does not serve.
pub async fn not_found() -> ApiError {
    ApiError::not_found("No such path in the Dintero emulator")
}
