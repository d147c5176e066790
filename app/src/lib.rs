//! Partner Back-office: the pages, components, server functions and Dintero client shared by the
//! server (`ssr`) and the browser (`hydrate`).

pub mod app;
pub mod audit;
pub mod auth;
pub mod components;
pub mod csv;
pub mod dintero;
pub mod error;
pub mod features;
pub mod format;
pub mod i18n;
pub mod paging;
pub mod portfolio_scan;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod secret;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod submit;
pub mod url;
pub mod url_query;
pub mod validate;

pub use app::{shell, App};
pub use error::AppError;
