//! Injected faults: latency, error statuses, 429 with `Retry-After`, and connections dropped
//! half-way, on the API paths matching a pattern, for a number of requests or until cleared.
//! Set through `POST /__emulator/faults`; see [`FaultSpec`].

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::glob::glob;

/// One rule. `path` is matched against the request path, `*` standing for any run of characters
/// (`/v1/accounts/*/settlements*`); `method`, when given, must equal the request's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FaultSpec {
    pub path: String,
    #[serde(default)]
    pub method: Option<String>,
    pub kind: FaultKind,
    /// How many matching requests it applies to; absent means until cleared.
    #[serde(default)]
    pub count: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FaultKind {
    /// Wait this long, then answer normally.
    Latency { ms: u64 },
    /// Answer this status in Dintero's envelope instead.
    Status { status: u16 },
    /// Answer 429 with `Retry-After: seconds`.
    RateLimit { retry_after: u64 },
    /// Send the real response's status and headers, then break the connection after `after_bytes`
    /// bytes of its body.
    Drop {
        #[serde(default)]
        after_bytes: u64,
    },
}

#[derive(Default)]
pub struct Faults(Mutex<Vec<FaultSpec>>);

impl Faults {
    pub fn add(&self, spec: FaultSpec) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(spec);
    }

    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    pub fn list(&self) -> Vec<FaultSpec> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The faults that apply to this request, using up one of each one's count.
    fn take(&self, method: &str, path: &str) -> Vec<FaultKind> {
        let mut rules = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut taken = Vec::new();
        rules.retain_mut(|rule| {
            let applies =
                glob(&rule.path, path) && rule.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method));
            if !applies {
                return true;
            }
            taken.push(rule.kind.clone());
            match &mut rule.count {
                Some(n) => {
                    *n = n.saturating_sub(1);
                    *n > 0
                }
                None => true,
            }
        });
        taken
    }
}

/// The middleware in front of the API routes, given the emulator's faults as its state.
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let kinds = faults.take(request.method().as_str(), request.uri().path());
    let mut drop_after = None;
    for kind in kinds {
        match kind {
            FaultKind::Latency { ms } => tokio::time::sleep(Duration::from_millis(ms)).await,
            FaultKind::Status { status } => {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                return ApiError::new(status, "injected_fault", format!("Injected fault: {status}")).into_response();
            }
            FaultKind::RateLimit { retry_after } => {
                let mut response = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "TOO_MANY_REQUESTS",
                    format!("Rate limit exceeded, retry after {retry_after} seconds"),
                )
                .into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
                return response;
            }
            FaultKind::Drop { after_bytes } => drop_after = Some(after_bytes),
        }
    }
    let response = next.run(request).await;
    match drop_after {
        Some(limit) => truncate(response, limit),
        None => response,
    }
}

/// Passes on at most `limit` bytes of the body, then fails the stream, which breaks the connection.
fn truncate(response: Response, limit: u64) -> Response {
    use futures_util::StreamExt;
    let (parts, body) = response.into_parts();
    let mut sent = 0u64;
    let stream = body.into_data_stream().map(move |chunk| {
        let chunk = chunk.map_err(std::io::Error::other)?;
        if sent >= limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "injected drop",
            ));
        }
        let keep = (limit - sent).min(chunk.len() as u64) as usize;
        sent += keep as u64;
        if keep < chunk.len() {
            // Send what fits; the next poll (or the end of this chunk) fails.
            sent = limit;
        }
        Ok::<_, std::io::Error>(chunk.slice(..keep))
    });
    let failing_tail = futures_util::stream::once(async {
        Err::<axum::body::Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "injected drop",
        ))
    });
    Response::from_parts(parts, Body::from_stream(stream.chain(failing_tail)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_faults_run_out() {
        let faults = Faults::default();
        faults.add(FaultSpec {
            path: "/x*".into(),
            method: Some("GET".into()),
            kind: FaultKind::Status { status: 503 },
            count: Some(2),
        });
        assert_eq!(faults.take("POST", "/x1").len(), 0);
        assert_eq!(faults.take("GET", "/x1").len(), 1);
        assert_eq!(faults.take("get", "/x2").len(), 1);
        assert_eq!(faults.take("GET", "/x3").len(), 0);
        assert!(faults.list().is_empty());
    }
}
