//! [`DinteroClient`]: one shared `reqwest::Client`, a configurable base URL, the app's own token
//! (renewed before it expires), bounded and jittered retries for GETs only, and errors that keep
//! what Dintero said.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::Mutex;

use super::token_cache::CachedToken;
use super::{ApiFailure, DecodeFailure, DinteroError, ErrorEnvelope, MfaToken};
use crate::secret::Secret;

/// Where Dintero is and who the app is there.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Base URL of the API host, without `/v1` (e.g. `https://api.dintero.com`).
    pub base_url: String,
    /// The partner account, e.g. `T11200000`.
    pub partner_id: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub connect_timeout: Duration,
    /// Limit for one whole request, body included.
    pub request_timeout: Duration,
    /// How many times a GET is tried at most.
    pub max_attempts: u32,
    /// How long a GET may spend on retries in all.
    pub retry_budget: Duration,
}

impl ClientConfig {
    pub fn new(base_url: &str, partner_id: &str, client_id: &str, client_secret: Secret) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            partner_id: partner_id.to_owned(),
            client_id: client_id.to_owned(),
            client_secret,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            max_attempts: 4,
            retry_budget: Duration::from_secs(20),
        }
    }
}

/// How a request authenticates.
pub(crate) enum Auth<'a> {
    Bearer(&'a Secret),
    Basic(&'a str, &'a Secret),
}

struct Inner {
    http: reqwest::Client,
    config: ClientConfig,
    app_token: Mutex<Option<CachedToken>>,
    merchant_tokens: super::token_cache::MerchantTokens,
}

/// The client every server function uses; cheap to clone.
#[derive(Clone)]
pub struct DinteroClient {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for DinteroClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DinteroClient")
            .field("base_url", &self.inner.config.base_url)
            .field("partner_id", &self.inner.config.partner_id)
            .finish_non_exhaustive()
    }
}

/// Response headers that may carry Dintero's request id.
const REQUEST_ID_HEADERS: [&str; 3] = ["request-id", "x-request-id", "dintero-request-id"];

impl DinteroClient {
    pub fn new(config: ClientConfig) -> Result<Self, DinteroError> {
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(concat!("partner-backoffice/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| DinteroError::Transport(e.to_string()))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                app_token: Mutex::new(None),
                merchant_tokens: Default::default(),
            }),
        })
    }

    pub fn partner_id(&self) -> &str {
        &self.inner.config.partner_id
    }

    pub fn base_url(&self) -> &str {
        &self.inner.config.base_url
    }

    pub(crate) fn credentials(&self) -> (&str, &Secret) {
        (&self.inner.config.client_id, &self.inner.config.client_secret)
    }

    /// The token audience for an account: `<base>/v1/accounts/<id>` (01-auth.md).
    pub(crate) fn audience(&self, account_id: &str) -> String {
        format!("{}/v1/accounts/{account_id}", self.inner.config.base_url)
    }

    /// The app's own token, fetched once and renewed when a tenth of its life (at least a minute)
    /// remains. Concurrent callers wait for the same renewal.
    pub async fn app_token(&self) -> Result<Secret, DinteroError> {
        let mut cached = self.inner.app_token.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| t.is_fresh()) {
            return Ok(token.token.clone());
        }
        let fresh = self.client_credentials_token().await?;
        let token = CachedToken::new(fresh.access_token, fresh.expires_in);
        *cached = Some(token.clone());
        Ok(token.token)
    }

    pub(crate) fn merchant_tokens(&self) -> &super::token_cache::MerchantTokens {
        &self.inner.merchant_tokens
    }

    /// GET, retried on 429 (honouring `Retry-After`), 5xx, timeouts and connection failures, with
    /// jittered exponential backoff, at most `max_attempts` times within `retry_budget`.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        auth: Auth<'_>,
        query: &[(&str, String)],
    ) -> Result<T, DinteroError> {
        let outcome = self
            .retrying(
                path,
                || self.send(Method::GET, path, &auth, query, None::<&()>),
                |outcome, attempt| match outcome {
                    Ok((status, headers, _)) => retry_wait(*status, headers, attempt),
                    Err(error) => retry_wait_after(error, attempt),
                },
            )
            .await;
        finish(Method::GET, path, outcome)
    }

    /// POST, sent once: a write is never repeated by the client.
    pub(crate) async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        auth: Auth<'_>,
        body: &B,
    ) -> Result<T, DinteroError> {
        self.write(Method::POST, path, auth, &[], Some(body)).await
    }

    /// PUT, sent once.
    pub(crate) async fn put<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        auth: Auth<'_>,
        body: &B,
    ) -> Result<T, DinteroError> {
        self.write(Method::PUT, path, auth, &[], Some(body)).await
    }

    /// DELETE, sent once.
    pub(crate) async fn delete<T: DeserializeOwned>(
        &self,
        path: &str,
        auth: Auth<'_>,
        query: &[(&str, String)],
    ) -> Result<T, DinteroError> {
        self.write(Method::DELETE, path, auth, query, None::<&()>).await
    }

    /// A write with a query (e.g. a POST search with paging parameters), sent once.
    pub(crate) async fn write<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<T, DinteroError> {
        let outcome = self.send(method.clone(), path, &auth, query, body).await;
        super::receipt::note(super::receipt::Receipt {
            method: method.to_string(),
            path: path.to_owned(),
            status: outcome.as_ref().ok().map(|(status, _, _)| status.as_u16()),
            request_id: outcome.as_ref().ok().and_then(|(_, headers, _)| request_id(headers)),
        });
        finish(method, path, outcome)
    }

    /// GET a file as a stream of bytes, without holding it whole. Retried like [`Self::get`] until
    /// the response starts; a body Dintero breaks off ends the stream with an error.
    pub(crate) async fn get_stream(&self, path: &str, auth: Auth<'_>) -> Result<FileStream, DinteroError> {
        plain_path(path)?;
        let url = format!("{}{path}", self.inner.config.base_url);
        self.stream(&url, Some(&auth), path).await
    }

    /// GET a pre-signed file URL (the signature is the permission: no `Authorization` header),
    /// streamed and retried like [`Self::get_stream`]. Only URLs on Dintero's own origin (the
    /// configured base URL's scheme, host and port) or on its storage hosts over HTTPS
    /// ([`signed_url_allowed`]) are fetched; any other is refused unsent.
    /// Errors name the URL's path only, never its signature.
    pub(crate) async fn get_signed(&self, url: &str) -> Result<FileStream, DinteroError> {
        let parsed = reqwest::Url::parse(url).ok();
        let label = parsed.as_ref().map(|u| u.path().to_owned()).unwrap_or_default();
        if !parsed
            .as_ref()
            .is_some_and(|u| signed_url_allowed(&self.inner.config.base_url, u))
        {
            tracing::warn!(path = %label, "refused a signed URL that is not on Dintero's origin");
            return Err(DinteroError::Decode(Box::new(DecodeFailure {
                method: Method::GET.to_string(),
                path: label,
                json_path: "signed_url".to_owned(),
                message: "the signed URL is not on Dintero's origin".to_owned(),
                request_id: None,
            })));
        }
        self.stream(url, None, &label).await
    }

    /// The retrying GET of a stream; `label` names the request in errors and logs.
    async fn stream(&self, url: &str, auth: Option<&Auth<'_>>, label: &str) -> Result<FileStream, DinteroError> {
        let once = || {
            let request = self.inner.http.get(url).timeout(Duration::from_secs(3600));
            let request = match auth {
                Some(Auth::Bearer(token)) => request.bearer_auth(token.expose()),
                Some(Auth::Basic(id, secret)) => request.basic_auth(id, Some(secret.expose())),
                None => request,
            };
            async move { request.send().await.map_err(transport_error) }
        };
        let response = self
            .retrying(label, once, |outcome, attempt| match outcome {
                Ok(response) => retry_wait(response.status(), response.headers(), attempt),
                Err(error) => retry_wait_after(error, attempt),
            })
            .await?;
        let status = response.status();
        if !status.is_success() {
            let headers = response.headers().clone();
            let bytes = response.bytes().await.map_err(transport_error)?;
            return Err(api_error(Method::GET, label, status, &headers, &bytes));
        }
        Ok(FileStream::new(response))
    }

    /// The one retry loop of the client, for reads only: runs `once` again while `wait` says how
    /// long to wait first, at most `max_attempts` times within `retry_budget`, and answers the
    /// last outcome.
    async fn retrying<O, F, Fut>(&self, label: &str, mut once: F, wait: impl Fn(&O, u32) -> Option<Duration>) -> O
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = O>,
    {
        let config = &self.inner.config;
        let deadline = Instant::now() + config.retry_budget;
        let mut attempt = 1;
        loop {
            let outcome = once().await;
            let Some(wait) = wait(&outcome, attempt) else {
                return outcome;
            };
            if attempt >= config.max_attempts || Instant::now() + wait > deadline {
                return outcome;
            }
            tracing::debug!(
                path = label,
                attempt,
                wait_ms = wait.as_millis() as u64,
                "retrying a Dintero read"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn send<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        auth: &Auth<'_>,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<(StatusCode, HeaderMap, bytes::Bytes), DinteroError> {
        plain_path(path)?;
        let url = format!("{}{path}", self.inner.config.base_url);
        let mut request = self
            .inner
            .http
            .request(method, url)
            .query(query)
            .header("accept", "application/json");
        request = match auth {
            Auth::Bearer(token) => request.bearer_auth(token.expose()),
            Auth::Basic(id, secret) => request.basic_auth(id, Some(secret.expose())),
        };
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(transport_error)?;
        Ok((status, headers, bytes))
    }
}

/// A file coming from Dintero: its type, length and name as Dintero sent them, and its bytes.
pub struct FileStream {
    pub content_type: Option<String>,
    pub content_length: Option<u64>,
    pub content_disposition: Option<String>,
    response: reqwest::Response,
}

impl FileStream {
    fn new(response: reqwest::Response) -> Self {
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            content_type: header(reqwest::header::CONTENT_TYPE),
            content_length: response.content_length(),
            content_disposition: header(reqwest::header::CONTENT_DISPOSITION),
            response,
        }
    }

    /// The bytes, chunk by chunk; an error if the connection breaks before the end.
    pub fn bytes(self) -> impl futures_util::Stream<Item = Result<bytes::Bytes, DinteroError>> {
        use futures_util::TryStreamExt;
        self.response.bytes_stream().map_err(transport_error)
    }
}

/// Turns a response into the value or the error it stands for.
fn finish<T: DeserializeOwned>(
    method: Method,
    path: &str,
    outcome: Result<(StatusCode, HeaderMap, bytes::Bytes), DinteroError>,
) -> Result<T, DinteroError> {
    let (status, headers, bytes) = outcome?;
    if !status.is_success() {
        return Err(api_error(method, path, status, &headers, &bytes));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        DinteroError::Decode(Box::new(DecodeFailure {
            method: method.to_string(),
            path: path.to_owned(),
            json_path: e.path().to_string(),
            message: e.inner().to_string(),
            request_id: request_id(&headers),
        }))
    })
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// What Dintero said in its error envelope (or the status' reason when the body is not one).
fn api_error(method: Method, path: &str, status: StatusCode, headers: &HeaderMap, bytes: &[u8]) -> DinteroError {
    let envelope: Option<ErrorEnvelope> = serde_json::from_slice(bytes).ok();
    let (code, message, errors, mfa_token) = match envelope {
        Some(e) => (
            e.error.code,
            e.error.message,
            e.error.errors.unwrap_or_default(),
            e.mfa_token.map(MfaToken),
        ),
        None => (
            None,
            status.canonical_reason().unwrap_or("error").to_owned(),
            Vec::new(),
            None,
        ),
    };
    DinteroError::Api(Box::new(ApiFailure {
        method: method.to_string(),
        path: path.to_owned(),
        status: status.as_u16(),
        code,
        message,
        errors,
        request_id: request_id(headers),
        mfa_token,
    }))
}

/// Refuses a path with a dot segment (`.`, `..`, or either percent-encoded, any case), which the
/// URL parser would resolve into another resource than the one named; the typed ids of
/// [`crate::validate`] never make one, so this is the last line, not the check.
fn plain_path(path: &str) -> Result<(), DinteroError> {
    let dot_segment = path.split('/').any(|segment| {
        let segment = segment.to_ascii_lowercase().replace("%2e", ".");
        segment == "." || segment == ".."
    });
    if dot_segment {
        tracing::warn!(path, "refused a Dintero path with a dot segment");
        return Err(DinteroError::Refused(path.to_owned()));
    }
    Ok(())
}

fn transport_error(error: reqwest::Error) -> DinteroError {
    if error.is_timeout() {
        DinteroError::Timeout
    } else {
        // reqwest's Display names the URL but never headers, so no token is printed.
        DinteroError::Transport(error.without_url().to_string())
    }
}

/// Whether `url` has the same scheme, host and port as the base URL `base`.
fn same_origin(base: &str, url: &reqwest::Url) -> bool {
    reqwest::Url::parse(base).is_ok_and(|base| base.origin() == url.origin())
}

/// Whether a signed URL may be fetched: on Dintero's own origin, or over HTTPS on a storage host
/// Dintero signs for (Amazon S3, `*.amazonaws.com`, where its pre-signed report URLs point (INF)),
/// or on a `dintero.com` host.
fn signed_url_allowed(base: &str, url: &reqwest::Url) -> bool {
    if same_origin(base, url) {
        return true;
    }
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    url.scheme() == "https"
        && url.port().is_none()
        && (host.ends_with(".amazonaws.com") || host == "dintero.com" || host.ends_with(".dintero.com"))
}

fn retryable(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// `Retry-After` in whole seconds, capped at 30 s.
/// How long to wait before asking again after an answer with `status`, or `None` when the
/// answer is final: 429 and 5xx are asked again, after `Retry-After` when Dintero sends one.
fn retry_wait(status: StatusCode, headers: &HeaderMap, attempt: u32) -> Option<Duration> {
    retryable(status).then(|| retry_after(headers).unwrap_or_else(|| backoff(attempt)))
}

/// How long to wait before asking again after `error`: timeouts and broken connections are asked
/// again, everything else is final.
fn retry_wait_after(error: &DinteroError, attempt: u32) -> Option<Duration> {
    matches!(error, DinteroError::Timeout | DinteroError::Transport(_)).then(|| backoff(attempt))
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds: u64 = headers.get(RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds.min(30)))
}

/// 200 ms, 400 ms, 800 ms... (at most 5 s), each scaled by a random factor in [0.5, 1.5).
fn backoff(attempt: u32) -> Duration {
    let base = Duration::from_millis(200).saturating_mul(1 << attempt.saturating_sub(1).min(5));
    base.min(Duration::from_secs(5))
        .mul_f64(rand::rng().random_range(0.5..1.5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_urls_on_dintero_s_own_origin_are_the_same_origin() {
        let url = |s: &str| reqwest::Url::parse(s).unwrap();
        let base = "http://127.0.0.1:8080";
        assert!(same_origin(
            base,
            &url("http://127.0.0.1:8080/files/reports/r1?signature=ab")
        ));
        assert!(same_origin(
            "https://api.dintero.com",
            &url("https://api.dintero.com:443/files/x")
        ));
        for other in [
            "http://127.0.0.1:8081/files/reports/r1",
            "https://127.0.0.1:8080/files/reports/r1",
            "http://localhost:8080/files/reports/r1",
            "http://127.0.0.1.evil.example:8080/files",
            "http://evil.example/?http://127.0.0.1:8080",
        ] {
            assert!(!same_origin(base, &url(other)), "{other}");
        }
        assert!(!same_origin("not a url", &url("http://127.0.0.1:8080/")));
    }

    #[test]
    fn signed_urls_may_point_at_dintero_s_storage_over_https_only() {
        let url = |s: &str| reqwest::Url::parse(s).unwrap();
        let base = "https://api.dintero.com";
        for allowed in [
            "https://api.dintero.com/files/x?signature=1",
            "https://reports.s3.eu-west-1.amazonaws.com/a.pdf?X-Amz-Signature=1",
            "https://files.dintero.com/a.csv",
        ] {
            assert!(signed_url_allowed(base, &url(allowed)), "{allowed}");
        }
        for refused in [
            "http://reports.s3.amazonaws.com/a.pdf",
            "https://amazonaws.com.evil.example/a.pdf",
            "https://reports.s3.amazonaws.com:8443/a.pdf",
            "https://evil.example/?https://x.amazonaws.com",
            "https://notdintero.com/a.csv",
        ] {
            assert!(!signed_url_allowed(base, &url(refused)), "{refused}");
        }
    }

    #[test]
    fn paths_with_dot_segments_are_refused() {
        assert!(plain_path("/v1/accounts/T11200001/management/settings").is_ok());
        assert!(plain_path("/v1/accounts/T11200001/reports/rpt_T11200001_2026.pdf").is_ok());
        for path in [
            "/v1/accounts/T11200003/../T11200004",
            "/v1/accounts/T11200003/%2E%2E/T11200004",
            "/v1/accounts/T11200003/.%2e/T11200004",
            "/v1/accounts/./T11200004",
            "/v1/accounts/T11200003/..",
        ] {
            assert!(matches!(plain_path(path), Err(DinteroError::Refused(_))), "{path}");
        }
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        for attempt in 1..10 {
            let wait = backoff(attempt);
            let base = 200u64 << (attempt - 1).min(5);
            assert!(wait >= Duration::from_millis(base.min(5000) / 2), "{attempt}: {wait:?}");
            assert!(
                wait < Duration::from_millis(base.min(5000) * 3 / 2),
                "{attempt}: {wait:?}"
            );
        }
    }

    #[test]
    fn a_token_is_renewed_before_it_expires() {
        assert!(CachedToken::new("t".into(), 86_400).is_fresh());
        // A tenth of its life, at least a minute, before expiry: a 30-second token is renewed at once.
        assert!(!CachedToken::new("t".into(), 30).is_fresh());
        assert!(!CachedToken::new("t".into(), 0).is_fresh());
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_capped() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, "3".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(3)));
        headers.insert(RETRY_AFTER, "3600".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(30)));
    }

    #[test]
    fn an_error_body_keeps_status_code_message_and_request_id() {
        let mut headers = HeaderMap::new();
        headers.insert("request-id", "req-1".parse().unwrap());
        let body = bytes::Bytes::from_static(
            br#"{"error":{"code":"unauthorized","message":"Invalid or expired access token"}}"#,
        );
        let error = finish::<serde_json::Value>(Method::GET, "/v1/x", Ok((StatusCode::UNAUTHORIZED, headers, body)))
            .unwrap_err();
        assert_eq!(error.status(), Some(401));
        assert_eq!(error.code(), Some("unauthorized"));
        assert!(matches!(error, DinteroError::Api(ref f)
            if f.message == "Invalid or expired access token" && f.request_id.as_deref() == Some("req-1")));
    }

    #[test]
    fn a_decode_failure_names_the_json_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            items: Vec<Item>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            n: u32,
        }
        let body = bytes::Bytes::from_static(br#"{"items":[{"n":1},{"n":"two"}]}"#);
        let error = finish::<T>(Method::GET, "/v1/x", Ok((StatusCode::OK, HeaderMap::new(), body))).unwrap_err();
        assert!(
            matches!(error, DinteroError::Decode(ref f) if f.json_path == "items[1].n"),
            "{error:?}"
        );
    }
}
