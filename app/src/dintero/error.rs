//! Dintero's error envelope (REFERENCE.md, "Error envelope") and the client's [`DinteroError`].

use serde::{Deserialize, Serialize};

/// `{"error": {"code", "message", "errors"}}`, plus the top-level `mfa_token` of `mfa_required`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
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
    #[error("{0}")]
    Api(Box<ApiFailure>),
    /// Dintero answered 2xx with a body the client could not read; it says where.
    #[error("{0}")]
    Decode(Box<DecodeFailure>),
    /// No answer in time.
    #[error("timed out")]
    Timeout,
    /// The connection failed.
    #[error("transport: {0}")]
    Transport(String),
    /// Not sent: the path holds a segment a URL parser would resolve (`.`, `..`, or either
    /// percent-encoded), which only an id that skipped [`crate::validate`]'s types can put there.
    #[error("refused unsent: {0}")]
    Refused(String),
}

/// What Dintero said when it refused a request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{method} {path}: {status} {code:?} {message} (request id {request_id:?})")]
pub struct ApiFailure {
    pub method: String,
    pub path: String,
    pub status: u16,
    /// Dintero's `error.code`.
    pub code: Option<String>,
    pub message: String,
    /// Field-level validation errors, as Dintero gave them.
    pub errors: Vec<serde_json::Value>,
    pub request_id: Option<String>,
    /// The `mfa_token` of a `403 mfa_required` answer to a password sign-in.
    pub mfa_token: Option<MfaToken>,
}

/// The token that carries a sign-in on to its second factor. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct MfaToken(pub String);

impl std::fmt::Debug for MfaToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MfaToken([redacted])")
    }
}

/// A 2xx body that did not fit the client's types.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{method} {path}: unreadable response at {json_path}: {message} (request id {request_id:?})")]
pub struct DecodeFailure {
    pub method: String,
    pub path: String,
    /// Where in the JSON it failed, e.g. `items[1].amount`.
    pub json_path: String,
    pub message: String,
    pub request_id: Option<String>,
}

impl DinteroError {
    /// The HTTP status Dintero answered with, if it answered with an error.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(failure) => Some(failure.status),
            _ => None,
        }
    }

    /// The `mfa_token` when Dintero answered `mfa_required`.
    pub fn mfa_token(&self) -> Option<&MfaToken> {
        match self {
            Self::Api(failure) if failure.code.as_deref() == Some("mfa_required") => failure.mfa_token.as_ref(),
            _ => None,
        }
    }

    /// Dintero's `error.code`, if any.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api(failure) => failure.code.as_deref(),
            _ => None,
        }
    }
}
