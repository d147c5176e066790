//! Dintero's error envelope (REFERENCE.md, "Error envelope") and the client's [`DinteroError`].

use serde::{Deserialize, Serialize};

/// `{"error": {"code", "message", "errors"}}`, plus the top-level `mfa_token` of `mfa_required`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_token: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorBody {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub errors: Option<Vec<serde_json::Value>>,
}

/// A failed call to Dintero, keeping what Dintero said.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DinteroError {
    /// Dintero answered with an error status.
    #[error("{method} {path}: {status} {code:?} {message} (request id {request_id:?})")]
    Api {
        method: String,
        path: String,
        status: u16,
        code: Option<String>,
        message: String,
        /// Field-level validation errors, as Dintero gave them.
        errors: Vec<serde_json::Value>,
        request_id: Option<String>,
    },
    /// Dintero answered 2xx with a body the client could not read; `json_path` says where.
    #[error("{method} {path}: unreadable response at {json_path}: {message} (request id {request_id:?})")]
    Decode {
        method: String,
        path: String,
        json_path: String,
        message: String,
        request_id: Option<String>,
    },
    /// No answer in time.
    #[error("timed out")]
    Timeout,
    /// The connection failed.
    #[error("transport: {0}")]
    Transport(String),
}

impl DinteroError {
    /// The HTTP status Dintero answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Dintero's `error.code`, if any.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => code.as_deref(),
            _ => None,
        }
    }
}
