//! The Partner Back-office server: [`app`] builds the whole router from a [`Config`], so tests can
//! serve it on port 0; `main.rs` only reads the config, binds and serves.

pub mod config;
pub mod downloads;
mod edge;
mod ops;
pub mod session;

use std::sync::Arc;

use app::dintero::{ClientConfig, DinteroClient};
use app::state::{AppState, DemoSignIns, DeploymentInfo};
use app::{shell, App};
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use axum::middleware;
use axum::routing::get;
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub use config::Config;
use emulator::seed::{DEMO_PASSWORD, DEMO_PEOPLE};
use emulator::Emulator;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not start the built-in Dintero emulator: {0}")]
    Emulator(std::io::Error),
    #[error("could not open the session store in BACKOFFICE_DATA: {0}")]
    Sessions(std::io::Error),
    #[error("could not open the app's store in BACKOFFICE_DATA: {0}")]
    Store(String),
    #[error("could not set up the Dintero client: {0}")]
    Client(app::dintero::DinteroError),
}

/// The whole app: pages, server functions, health checks, sessions and edge middleware. With no
/// `DINTERO_API_URL`, it first starts the built-in emulator on `BACKOFFICE_EMULATOR_ADDR` (by
/// default a free loopback port).
pub async fn app(config: Config) -> Result<Router, StartError> {
    let (base_url, info) = match &config.dintero_api_url {
        Some(url) => (url.clone(), DeploymentInfo::default()),
        None => {
            let addr = Emulator::new(config.emulator_seed)
                .spawn(config.emulator_addr)
                .await
                .map_err(StartError::Emulator)?;
            tracing::info!(%addr, "built-in Dintero emulator started");
            (
                format!("http://{addr}"),
                DeploymentInfo {
                    embedded_emulator: true,
                    demo: Some(demo_sign_ins()),
                },
            )
        }
    };
    let dintero = DinteroClient::new(ClientConfig::new(
        &base_url,
        &config.partner_id,
        &config.client_id,
        config.client_secret.clone(),
    ))
    .map_err(StartError::Client)?;
    let leptos_options = LeptosOptions::builder()
        .output_name("backoffice")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    std::fs::create_dir_all(&config.data_dir).map_err(|e| StartError::Store(e.to_string()))?;
    let store = app::store::Store::open(&config.data_dir.join("backoffice.db"))
        .await
        .map_err(|e| StartError::Store(e.to_string()))?;
    let exports = app::features::merchants::export::ExportJobs::new(&config.data_dir.join("exports"))
        .map_err(|e| StartError::Store(e.to_string()))?;
    // What features keep for the life of the process (AppState::shared).
    let mut shared = Extensions::new();
    shared.insert(exports);
    shared.insert(app::portfolio_scan::PortfolioScan::new(config.dintero_concurrency));
    shared.insert(app::features::settlements::ZipBoard::default());
    let state = AppState {
        leptos_options: leptos_options.clone(),
        dintero,
        info: Arc::new(info),
        sign_in_throttle: Default::default(),
        store,
        shared: Arc::new(shared),
        policy: Arc::new(config.policy.clone()),
    };
    let routes = route_list().to_vec();
    let guard = session::Guard {
        site_root: config.site_root.clone(),
        max_age: config.session_max_age,
        idle: config.session_idle,
        dintero: state.dintero.clone(),
    };
    let store = session::store(&config).await.map_err(StartError::Sessions)?;

    let router = Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .merge(downloads::routes())
        .leptos_routes(&state, routes, move || shell(leptos_options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(guard, session::require_sign_in))
        .layer(session::layer(&config, store))
        .layer(middleware::from_fn(edge::server_fn_body_limit))
        .layer(middleware::from_fn(edge::server_fn_status))
        .layer(middleware::from_fn(edge::same_origin_writes))
        .layer(middleware::from_fn_with_state(
            config.cookie_secure(),
            edge::security_headers,
        ))
        .layer(middleware::from_fn(edge::cache_headers))
        // Files passed through from Dintero keep their length and are not compressed again.
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(
            |_: StatusCode, _: Version, _: &HeaderMap, extensions: &Extensions| {
                extensions.get::<downloads::Uncompressed>().is_none()
            },
        )))
        .layer(TraceLayer::new_for_http().make_span_with(edge::request_span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state);
    Ok(router)
}

/// The app's routes, walked once per process.
///
/// Walking them ([`generate_route_list`]) sets a process-wide flag in `leptos_server` that parks
/// every resource first polled while it is set, for good (leptos issue #4773). Walking again
/// while another router in the process serves pages (tests start one app per test) left a
/// page's response hanging now and then; walked once, before any router exists, nothing is
/// serving yet.
pub fn route_list() -> &'static [AxumRouteListing] {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App))
}

/// The emulator's demo people, for the sign-in page and the start-up banner.
pub fn demo_sign_ins() -> DemoSignIns {
    DemoSignIns {
        password: DEMO_PASSWORD.to_owned(),
        people: DEMO_PEOPLE
            .iter()
            .map(|(email, _, role, _)| ((*email).to_owned(), (*role).to_owned()))
            .collect(),
    }
}

/// Logs to stderr, filtered by `RUST_LOG` (default `info`).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_sessions=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// Resolves on Ctrl-C or SIGTERM, for a graceful shutdown.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
