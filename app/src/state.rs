//! [`AppState`]: what every server function and handler shares. leptos_axum provides it as context
//! to rendering and server functions; [`app_state`] reads it back.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::*;

use crate::dintero::DinteroClient;
use crate::error::AppError;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub dintero: DinteroClient,
    pub info: Arc<DeploymentInfo>,
    /// Failed sign-ins per e-mail and address.
    pub sign_in_throttle: Arc<crate::auth::throttle::SignInThrottle>,
    /// The app's own store: the audit log, saved views.
    pub store: crate::store::Store,
    /// The portfolio exports this process runs and has made.
    pub exports: crate::features::merchants::export::ExportJobs,
    /// Bounds the review queue's requests in flight to Dintero.
    pub review: crate::features::review::Gatherer,
    /// The bulk ZIPs' progress and the portfolio's shared reads.
    pub settlements: crate::features::settlements::SettlementsShared,
}

/// Facts about this deployment that pages may show.
#[derive(Debug, Clone, Default)]
pub struct DeploymentInfo {
    /// True when the app runs on its built-in Dintero emulator.
    pub embedded_emulator: bool,
    /// The emulator's demo sign-ins, shown on the sign-in page of the embedded default only.
    pub demo: Option<DemoSignIns>,
}

#[derive(Debug, Clone)]
pub struct DemoSignIns {
    pub password: String,
    /// (e-mail, what they do)
    pub people: Vec<(String, String)>,
}

/// The shared state, from inside a server function or a component rendered on the server.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
