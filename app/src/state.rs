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
    /// What features keep for the life of the process, one value per type, put in by the server
    /// at start (the portfolio's export jobs, the portfolio scan's bound and lists, the bulk ZIPs' progress):
    /// read with [`AppState::shared`]. The lower layers never name a feature.
    pub shared: Arc<axum::http::Extensions>,
    /// The partner's own split of who may do what (`BACKOFFICE_CAPABILITIES`), on top of Dintero's.
    pub policy: Arc<crate::auth::Policy>,
}

impl AppState {
    /// The feature's process-wide value of type `T`; [`AppError::Internal`] (and a log line) if the
    /// server did not put one in.
    pub fn shared<T: Clone + Send + Sync + 'static>(&self) -> Result<&T, AppError> {
        self.shared.get::<T>().ok_or_else(|| {
            tracing::error!(
                missing = std::any::type_name::<T>(),
                "a feature's shared value is missing from AppState"
            );
            AppError::Internal
        })
    }
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
