//! The control plane, outside Dintero's namespace: `/__emulator/...`.
//!
//! - `POST /__emulator/reset` puts the world back as seeded;
//! - `GET /__emulator/requests` lists the last requests received (method, path, status; never bodies).

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};

use super::{seed, Emulator};

/// How many requests `/__emulator/requests` remembers.
const REQUEST_LOG_LENGTH: usize = 2_000;

#[derive(Debug, Clone, Serialize)]
pub struct RequestEntry {
    pub method: String,
    pub path: String,
    pub status: u16,
}

#[derive(Default)]
pub struct RequestLog(Mutex<VecDeque<RequestEntry>>);

impl RequestLog {
    pub fn push(&self, method: &str, path: &str, status: u16) {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if log.len() == REQUEST_LOG_LENGTH {
            log.pop_front();
        }
        log.push_back(RequestEntry {
            method: method.to_owned(),
            path: path.to_owned(),
            status,
        });
    }

    pub fn entries(&self) -> Vec<RequestEntry> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

pub fn router() -> Router<Emulator> {
    Router::new()
        .route("/__emulator/reset", post(reset))
        .route("/__emulator/requests", get(requests).delete(clear_requests))
}

async fn reset(State(emulator): State<Emulator>) -> Json<Value> {
    let mut world = emulator.world.write().await;
    *world = seed::demo_world(world.seed);
    emulator.requests.clear();
    Json(json!({"reset": true, "seed": world.seed}))
}

async fn requests(State(emulator): State<Emulator>) -> Json<Vec<RequestEntry>> {
    Json(emulator.requests.entries())
}

async fn clear_requests(State(emulator): State<Emulator>) -> Json<Value> {
    emulator.requests.clear();
    Json(json!({"cleared": true}))
}
