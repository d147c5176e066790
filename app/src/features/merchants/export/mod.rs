//! The portfolio's export: the whole filtered portfolio (every page, not just the one shown) as
//! CSV or XLSX for Norwegian and Swedish Excel, made in the background.
//!
//! - [`status`]: what a page is told about an export ([`ExportProgress`]), on both sides;
//! - [`write`]: [`start_export`]; [`read`]: [`export_status`];
//! - `jobs` (ssr): [`ExportJobs`], the registry in `AppState`: who started which export, how far
//!   it is, where its file is;
//! - `runner` (ssr): one tokio task per export, paging through Dintero (limit 100) and handing each
//!   page to `sink` (ssr), which writes rows to a file under `BACKOFFICE_DATA/exports` on a blocking
//!   thread, so no more than a few pages are ever held;
//! - [`ExportPanel`] on the portfolio page and [`ExportPage`] (`/accounts/export/{id}`), which shows
//!   the progress (polling with JavaScript, a `<meta refresh>` without) and the download link
//!   (`/exports/{id}`, served by the server crate's downloads).

mod export_page;
mod export_panel;
#[cfg(feature = "ssr")]
mod jobs;
mod read;
#[cfg(feature = "ssr")]
mod runner;
#[cfg(feature = "ssr")]
mod sink;
pub mod status;
mod write;

pub use export_page::ExportPage;
pub use export_panel::ExportPanel;
#[cfg(feature = "ssr")]
pub use jobs::{ExportFile, ExportJobs};
pub use read::{export_status, ExportStatus};
pub use status::{ExportFormat, ExportProgress, ExportState};
pub use write::{start_export, StartExport};
