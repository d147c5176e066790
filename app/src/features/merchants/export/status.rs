//! [`ExportProgress`]: how far an export is, as its page shows it.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::key;

/// The file types an export can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// UTF-8 with BOM, `;` between fields, CRLF (see [`crate::csv`]).
    Csv,
    /// An Excel workbook with one sheet.
    Xlsx,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Csv, ExportFormat::Xlsx];

    /// `csv` or `xlsx`, as in forms and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(value.trim()))
    }

    /// The translation key of the format's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Csv => key!("export.format_csv"),
            Self::Xlsx => key!("export.format_xlsx"),
        }
    }

    /// The download's `Content-Type`.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Where an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportState {
    /// Paging through Dintero and writing rows.
    Running,
    /// The file is complete and can be downloaded.
    Done,
    /// Stopped; nothing can be downloaded (never a short file).
    Failed,
}

/// One export as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportProgress {
    pub id: String,
    pub format: ExportFormat,
    pub state: ExportState,
    /// Merchants written to the file so far.
    pub rows: u64,
    /// Pages read from Dintero so far.
    pub pages: u32,
    /// Times a page was asked for again after Dintero failed (beyond the client's own retries).
    pub retries: u32,
    /// The file's size, once done.
    pub bytes: u64,
    /// RFC 3339 (UTC).
    pub started_at: String,
    pub finished_at: Option<String>,
    /// Why it stopped, when it failed.
    pub error: Option<AppError>,
    /// `/accounts?...`: the portfolio view that was exported.
    pub view_href: String,
    /// The download's file name, e.g. `merchants-2026-11-21.csv`.
    pub file_name: String,
}

impl ExportProgress {
    pub fn is_running(&self) -> bool {
        self.state == ExportState::Running
    }

    /// `/exports/{id}`: the download.
    pub fn download_href(&self) -> String {
        format!("/exports/{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_forms() {
        assert_eq!(ExportFormat::parse(" CSV "), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::parse("xlsx"), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::parse("pdf"), None);
    }
}
