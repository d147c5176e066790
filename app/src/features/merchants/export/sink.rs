//! Writing an export's rows to its file as pages arrive, on a blocking thread: CSV for Nordic
//! Excel (see [`crate::csv`]), or XLSX through `rust_xlsxwriter` in its constant-memory mode (each
//! row goes to a temporary file as the next begins; strings inline, no shared-string table).

use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tokio::sync::mpsc::Receiver;

use super::status::ExportFormat;
use crate::features::merchants::merchant_view::MerchantRow;
use crate::format::provider_name;
use crate::i18n::{key, Locale};

/// The portfolio's columns, in order: the translation keys of their headings.
const COLUMN_KEYS: [&str; 9] = [
    key!("portfolio.name"),
    key!("portfolio.account_id"),
    key!("portfolio.org_number"),
    key!("portfolio.country"),
    key!("portfolio.progression"),
    key!("portfolio.account_manager"),
    key!("portfolio.connections"),
    key!("portfolio.price_package"),
    key!("portfolio.created"),
];

/// Column widths in the workbook, in Excel's character units.
const WIDTHS: [f64; 9] = [32.0, 12.0, 20.0, 8.0, 14.0, 30.0, 44.0, 16.0, 26.0];

/// The headings (and sheet name) in the language of the person who asked.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    headings: [&'static str; 9],
    sheet: &'static str,
}

impl Columns {
    pub(super) fn new(locale: Locale) -> Self {
        Self {
            headings: COLUMN_KEYS.map(|key| locale.text(key)),
            sheet: locale.text(key!("portfolio.title")),
        }
    }
}

/// What a finished file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    pub rows: u64,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub(super) enum SinkError {
    #[error("could not write the export file: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not write the workbook: {0}")]
    Xlsx(#[from] XlsxError),
}

/// Writes every page `pages` delivers to `path`, until the sender is dropped, telling `progress`
/// the rows written after each page. Blocking: run it with `spawn_blocking`.
pub(super) fn write(
    format: ExportFormat,
    path: &Path,
    tempdir: &Path,
    columns: &Columns,
    pages: Receiver<Vec<MerchantRow>>,
    progress: impl Fn(u64),
) -> Result<Written, SinkError> {
    let rows = match format {
        ExportFormat::Csv => write_csv(path, columns, pages, progress)?,
        ExportFormat::Xlsx => write_xlsx(path, tempdir, columns, pages, progress)?,
    };
    let bytes = std::fs::metadata(path)?.len();
    Ok(Written { rows, bytes })
}

fn write_csv(
    path: &Path,
    columns: &Columns,
    mut pages: Receiver<Vec<MerchantRow>>,
    progress: impl Fn(u64),
) -> Result<u64, SinkError> {
    let mut out = BufWriter::with_capacity(64 * 1024, std::fs::File::create(path)?);
    out.write_all(crate::csv::BOM.as_bytes())?;
    out.write_all(crate::csv::line(&columns.headings).as_bytes())?;
    let mut rows = 0;
    while let Some(page) = pages.blocking_recv() {
        for row in &page {
            out.write_all(crate::csv::line(&cells(row)).as_bytes())?;
            rows += 1;
        }
        progress(rows);
    }
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(rows)
}

fn write_xlsx(
    path: &Path,
    tempdir: &Path,
    columns: &Columns,
    mut pages: Receiver<Vec<MerchantRow>>,
    progress: impl Fn(u64),
) -> Result<u64, SinkError> {
    let mut workbook = Workbook::new();
    workbook.set_tempdir(tempdir)?;
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(columns.sheet)?;
    let bold = Format::new().set_bold();
    for (col, (heading, width)) in columns.headings.iter().zip(WIDTHS).enumerate() {
        sheet.set_column_width(col as u16, width)?;
        sheet.write_string_with_format(0, col as u16, *heading, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut rows: u64 = 0;
    while let Some(page) = pages.blocking_recv() {
        for row in &page {
            let at = u32::try_from(rows + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (col, value) in cells(row).into_iter().enumerate() {
                if !value.is_empty() {
                    sheet.write_string(at, col as u16, value)?;
                }
            }
            rows += 1;
        }
        progress(rows);
    }
    workbook.save(path)?;
    Ok(rows)
}

/// A row's cells, in [`COLUMN_KEYS`]' order: connections as `Vipps: enabled, Swish: pending`, the
/// creation time as ISO 8601 in Nordic local time with its offset.
pub(super) fn cells(row: &MerchantRow) -> [String; 9] {
    let connections: Vec<String> = row
        .connections
        .iter()
        .map(|c| format!("{}: {}", provider_name(&c.provider), c.status))
        .collect();
    [
        row.name.clone(),
        row.account_id.clone(),
        row.organization_number.clone().unwrap_or_default(),
        row.country.clone().unwrap_or_default(),
        row.progression.clone().unwrap_or_default(),
        row.account_manager.clone().unwrap_or_default(),
        connections.join(", "),
        row.price_package.clone().unwrap_or_default(),
        row.created_at.as_deref().map(iso_local).unwrap_or_default(),
    ]
}

/// An RFC 3339 time from Dintero as [`crate::format::iso_local`]; the text itself if unreadable.
fn iso_local(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| crate::format::iso_local(t.with_timezone(&Utc)))
        .unwrap_or_else(|_| rfc3339.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::merchants::merchant_view::ConnectionBadge;

    fn row() -> MerchantRow {
        MerchantRow {
            account_id: "T11200001".into(),
            name: "Fjord; Kaffe \"AS\"".into(),
            organization_number: Some("923609016".into()),
            country: Some("NO".into()),
            progression: Some("live".into()),
            account_manager: None,
            connections: vec![
                ConnectionBadge {
                    provider: "vipps".into(),
                    status: "enabled".into(),
                },
                ConnectionBadge {
                    provider: "swish".into(),
                    status: "pending".into(),
                },
            ],
            price_package: None,
            created_at: Some("2026-07-01T10:00:00Z".into()),
        }
    }

    #[test]
    fn a_row_has_the_portfolios_columns_with_times_and_their_offset() {
        let cells = cells(&row());
        assert_eq!(cells[6], "Vipps: enabled, Swish: pending");
        assert_eq!(cells[8], "2026-07-01T12:00:00+02:00");
        assert_eq!(
            crate::csv::line(&cells),
            "\"Fjord; Kaffe \"\"AS\"\"\";T11200001;923609016;NO;live;;Vipps: enabled, Swish: pending;;2026-07-01T12:00:00+02:00\r\n"
        );
    }

    fn file(format: ExportFormat, pages: usize) -> (std::path::PathBuf, Written) {
        let dir = std::env::temp_dir().join(format!("export-sink-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("out.{}", format.as_str()));
        let (tx, rx) = tokio::sync::mpsc::channel(pages.max(1));
        for _ in 0..pages {
            tx.try_send(vec![row(); 3]).unwrap();
        }
        drop(tx);
        let seen = std::cell::Cell::new(0);
        let written = write(format, &path, &dir, &Columns::new(Locale::Nb), rx, |n| seen.set(n)).unwrap();
        assert_eq!(seen.get(), written.rows);
        (path, written)
    }

    #[test]
    fn csv_starts_with_the_bom_and_headings_and_has_every_row() {
        let (path, written) = file(ExportFormat::Csv, 2);
        assert_eq!(written.rows, 6);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("\u{feff}Navn;Konto-id;Organisasjonsnummer;"), "{text}");
        assert_eq!(text.lines().count(), 7);
        assert_eq!(written.bytes, text.len() as u64);
    }

    #[test]
    fn xlsx_is_a_zip_with_a_sheet() {
        let (path, written) = file(ExportFormat::Xlsx, 2);
        assert_eq!(written.rows, 6);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
        assert!(bytes.windows(24).any(|w| w == b"xl/worksheets/sheet1.xml"));
    }
}
