//! [`AppError`]: the one error type that crosses the server-function boundary.
//!
//! Variants name the outcomes a page must show differently. What they say to a person is a key
//! into the translation files ([`AppError::message_key`]); full upstream detail goes to the log only.

use crate::i18n::key;
use http::StatusCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No session, or the session's Dintero token is no longer accepted.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but not allowed to do this.
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The input is wrong; `field` names the form field, `message` is a translation key.
    #[error("invalid {field}: {message}")]
    Invalid { field: String, message: String },
    /// Dintero refused the request (400, 409, 422, 429...); `message` is a translation key.
    #[error("Dintero answered {status}")]
    Upstream {
        status: u16,
        message: String,
        /// What Dintero said (its own words, in English), when it said something.
        #[serde(default)]
        detail: Option<String>,
    },
    /// Dintero could not be reached or did not answer in time (5xx, timeouts).
    #[error("Dintero is unavailable")]
    Unavailable,
    /// The request could not be read (a form field missing, doubled or of the wrong kind); `field`
    /// names the field when it is known.
    #[error("malformed request")]
    Malformed { field: Option<String> },
    /// The request's body is larger than the app accepts.
    #[error("request too large")]
    TooLarge,
    /// Something failed inside the app; detail is in the log.
    #[error("internal error")]
    Internal,
    /// The server-function transport failed (network, encoding).
    #[error("request failed: {0}")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    pub fn invalid(field: &str, message: &str) -> Self {
        Self::Invalid {
            field: field.to_owned(),
            message: message.to_owned(),
        }
    }

    /// The HTTP status a page or server function answers with.
    pub fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Malformed { .. } => StatusCode::BAD_REQUEST,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            // Dintero refused what was sent (400, 422): the input was wrong, not the gateway.
            Self::Upstream { status, .. } => match *status {
                429 => StatusCode::TOO_MANY_REQUESTS,
                409 => StatusCode::CONFLICT,
                400 | 422 => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::BAD_GATEWAY,
            },
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal | Self::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The translation key of what to tell the person.
    pub fn message_key(&self) -> &str {
        match self {
            Self::Unauthenticated => key!("error.unauthenticated"),
            Self::Forbidden => key!("error.forbidden"),
            Self::NotFound => key!("error.not_found"),
            Self::Invalid { message, .. } | Self::Upstream { message, .. } => message,
            Self::Unavailable => key!("error.unavailable"),
            Self::Malformed { .. } => key!("error.malformed"),
            Self::TooLarge => key!("error.too_large"),
            Self::Internal => key!("error.internal"),
            Self::ServerFn(_) => key!("error.network"),
        }
    }

    /// The form field this error belongs to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Arguments the server could not read are the sender's fault (400), not a network failure.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) => Self::Malformed {
                field: named_field(&message),
            },
            ServerFnErrorErr::MissingArg(field) => Self::Malformed {
                field: named_field(&format!("missing field `{field}`")),
            },
            other => Self::ServerFn(other),
        }
    }
}

/// The field a deserializer's message names (``missing field `aid` `` → `aid`), when it is a plain
/// field name; never the value that was sent.
fn named_field(message: &str) -> Option<String> {
    let rest = ["missing field `", "duplicate field `", "unknown field `"]
        .iter()
        .find_map(|prefix| message.find(prefix).map(|at| &message[at + prefix.len()..]))?;
    let name = rest.split('`').next()?;
    let plain = !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    plain.then(|| name.to_owned())
}

#[cfg(feature = "ssr")]
impl From<crate::dintero::DinteroError> for AppError {
    /// Maps Dintero's answer to what the person is told, and logs the detail (never a token).
    fn from(error: crate::dintero::DinteroError) -> Self {
        use crate::dintero::DinteroError as D;
        tracing::warn!(%error, "Dintero request failed");
        match error {
            D::Api(failure) => match failure.status {
                401 => Self::Unauthenticated,
                403 => Self::Forbidden,
                404 => Self::NotFound,
                429 => Self::Upstream {
                    status: 429,
                    message: key!("error.rate_limited").into(),
                    detail: None,
                },
                status if status >= 500 => Self::Unavailable,
                status => Self::Upstream {
                    status,
                    message: key!("error.upstream_refused").into(),
                    detail: Some(failure.message.clone()).filter(|m| !m.is_empty()),
                },
            },
            D::Timeout | D::Transport(_) => Self::Unavailable,
            D::Refused(_) => Self::NotFound,
            D::Decode(_) => Self::Upstream {
                status: 502,
                message: key!("error.upstream_unreadable").into(),
                detail: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_round_trip_through_their_wire_encoding() {
        for error in [
            AppError::Unauthenticated,
            AppError::invalid("email", key!("login.error.email_required")),
            AppError::Upstream {
                status: 409,
                message: key!("error.upstream_refused").into(),
                detail: Some("Account already exists".into()),
            },
        ] {
            let bytes = error.ser();
            assert_eq!(AppError::de(bytes), error);
        }
    }

    #[test]
    fn unreadable_arguments_are_a_bad_request_naming_only_the_field() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("duplicate field `aid`".into()));
        assert_eq!(
            error,
            AppError::Malformed {
                field: Some("aid".into())
            }
        );
        assert_eq!(error.status_code(), StatusCode::BAD_REQUEST);
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "invalid value: string \"<b>x</b>\", expected `u32`".into(),
        ));
        assert!(!format!("{error:?}").contains("<b>"));
        assert_eq!(
            AppError::from_server_fn_error(ServerFnErrorErr::MissingArg("limit".into())),
            AppError::Malformed {
                field: Some("limit".into())
            }
        );
    }

    #[test]
    fn each_outcome_has_its_status() {
        assert_eq!(AppError::Unauthenticated.status_code(), StatusCode::UNAUTHORIZED);
        assert_eq!(AppError::Forbidden.status_code(), StatusCode::FORBIDDEN);
        assert_eq!(
            AppError::invalid("x", "y").status_code(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(AppError::Unavailable.status_code(), StatusCode::SERVICE_UNAVAILABLE);
    }
}
