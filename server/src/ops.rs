//! `GET /healthz` (the process is up) and `GET /readyz` (and Dintero answers).

use std::time::Duration;

use app::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

/// 200 only when Dintero answers the partner's settings with the app's token within 5 s.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    match tokio::time::timeout(Duration::from_secs(5), state.dintero.partner_settings()).await {
        Ok(Ok(_)) => (StatusCode::OK, Json(json!({"status": "ready", "dintero": "ok"}))),
        Ok(Err(error)) => {
            tracing::warn!(%error, "not ready: Dintero refused");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(
                    json!({"status": "not ready", "dintero": error.status().map_or("unreachable".to_owned(), |s| s.to_string())}),
                ),
            )
        }
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "not ready", "dintero": "timeout"})),
        ),
    }
}
