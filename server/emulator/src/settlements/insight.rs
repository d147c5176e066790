//! A merchant's insight reports (`ReportMeta`): monthly and weekly runs made deterministically on
//! first use, a report as Dintero lists it, its signature, and its file (CSV, or a one-page PDF).

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use hmac::{Hmac, Mac};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use sha2::Sha256;

use super::generate::seed_for;
use crate::clock::{seed_now, ts};
use crate::ids::seller_ids;

#[derive(Debug, Clone)]
pub struct ReportMeta {
    pub id: String,
    pub report_job_id: String,
    pub account_id: String,
    pub template_id: &'static str,
    pub content_type: &'static str,
    pub content_language: &'static str,
    pub created_at: DateTime<Utc>,
    pub data_from: DateTime<Utc>,
    pub data_to: DateTime<Utc>,
    pub schedule: &'static str,
    pub report_file_name: String,
    pub custom_report_name: Option<String>,
    pub report_config_id: String,
    pub filters: Vec<(&'static str, String)>,
    pub currency: String,
    /// Seed of the numbers in the file.
    pub seed: u64,
}

impl ReportMeta {
    pub fn to_json(&self, base: &str, salt: u64) -> Value {
        let mut v = json!({
            "id": self.id,
            "report_job_id": self.report_job_id,
            "account_id": self.account_id,
            "template_id": self.template_id,
            "content_type": self.content_type,
            "content_language": self.content_language,
            "created_by": "system",
            "created_at": ts(self.created_at),
            "data_from": ts(self.data_from),
            "data_to": ts(self.data_to),
            "schedule": self.schedule,
            "report_file_name": self.report_file_name,
            "report_config_id": self.report_config_id,
            "data_type": "transactions",
            "signed_url": format!("{base}/files/reports/{}?signature={}", self.id, signature(salt, &self.id)),
        });
        if let Some(name) = &self.custom_report_name {
            v["custom_report_name"] = json!(name);
        }
        if !self.filters.is_empty() {
            v["report_filters"] = self
                .filters
                .iter()
                .map(|(f, value)| json!({"filter": f, "value": value}))
                .collect();
        }
        v
    }
}

/// HMAC-SHA256 of the report id under the world's salt, hex.
pub fn signature(salt: u64, id: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&salt.to_be_bytes()) else {
        return String::new();
    };
    mac.update(id.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A merchant's reports, newest first: monthly PDF + CSV runs for the last 12 months, and weekly
/// seller CSVs for the last 6 weeks when it has sellers.
pub fn generate(salt: u64, aid: &str, account: &Value) -> Vec<ReportMeta> {
    let mut rng = StdRng::seed_from_u64(seed_for(salt, aid, "reports"));
    let currency = account["currency"].as_str().unwrap_or("NOK").to_owned();
    let swedish = currency == "SEK";
    let now = seed_now();
    let mut out = Vec::new();
    for back in 1..=12 {
        let m = now.year() * 12 + now.month0() as i32 - back;
        let (y, mo) = (m / 12, (m % 12) as u32 + 1);
        let from = Utc.with_ymd_and_hms(y, mo, 1, 0, 0, 0).single().unwrap_or_default();
        let to = Utc
            .with_ymd_and_hms((m + 1) / 12, ((m + 1) % 12) as u32 + 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let created = to + Duration::hours(6) + Duration::seconds(rng.random_range(0..600));
        let month_name = if swedish { MONTHS_SV } else { MONTHS_NB }[mo as usize - 1];
        let name = if swedish {
            format!("Månadsrapport {month_name} {y}")
        } else {
            format!("Månedsrapport {month_name} {y}")
        };
        for (ext, content_type, language) in [
            ("pdf", "application/pdf", if swedish { "sv" } else { "nb" }),
            ("csv", "text/csv", "en"),
        ] {
            out.push(ReportMeta {
                id: format!("rpt_{aid}_{y}{mo:02}_{ext}"),
                report_job_id: format!("job_{aid}_{y}_{mo:02}"),
                account_id: aid.to_owned(),
                template_id: "transactions-summary-v2",
                content_type,
                content_language: language,
                created_at: created,
                data_from: from,
                data_to: to,
                schedule: "monthly",
                report_file_name: format!("{y}-{mo:02}-monthly.{ext}"),
                custom_report_name: Some(name.clone()),
                report_config_id: "cfg-monthly".into(),
                filters: vec![],
                currency: currency.clone(),
                seed: rng.random(),
            });
        }
    }
    if let Some(seller) = seller_ids(aid).first() {
        let monday = now.date_naive() - Duration::days(i64::from(now.weekday().num_days_from_monday()));
        for back in 1..=6 {
            let from = (monday - Duration::weeks(back))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc();
            let to = from + Duration::weeks(1);
            let week = from.iso_week();
            let mut filters = vec![("operation_payout_destination", seller.clone())];
            if back % 2 == 0 {
                filters.push(("store_id", "store-1".to_owned()));
            }
            out.push(ReportMeta {
                id: format!("rpt_{aid}_w{}{:02}_{seller}_csv", week.year(), week.week()),
                report_job_id: format!("job_{aid}_{}_w{:02}", week.year(), week.week()),
                account_id: aid.to_owned(),
                template_id: "transactions-summary-v2",
                content_type: "text/csv",
                content_language: "en",
                created_at: to + Duration::hours(3),
                data_from: from,
                data_to: to,
                schedule: "weekly",
                report_file_name: format!("{}-w{:02}-seller.csv", week.year(), week.week()),
                custom_report_name: None,
                report_config_id: "cfg-weekly-seller".into(),
                filters,
                currency: currency.clone(),
                seed: rng.random(),
            });
        }
    }
    out.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
    out
}

/// Daily totals: `date;transactions;captured;refunded;currency` (minor units).
pub fn csv(report: &ReportMeta) -> String {
    let mut rng = StdRng::seed_from_u64(report.seed);
    let mut out = String::from("date;transactions;captured;refunded;currency\n");
    let mut day = report.data_from;
    while day < report.data_to {
        let count: i64 = rng.random_range(0..60);
        let captured = count * rng.random_range(15_000..60_000);
        let refunded = if rng.random_bool(0.2) {
            rng.random_range(1..20) * 10_000
        } else {
            0
        };
        out.push_str(&format!(
            "{};{count};{captured};{refunded};{}\n",
            day.format("%Y-%m-%d"),
            report.currency
        ));
        day += Duration::days(1);
    }
    out
}

/// A one-page PDF 1.4 document summing up the report (ASCII text, Helvetica).
pub fn pdf(report: &ReportMeta) -> Vec<u8> {
    let (mut total, mut count) = (0i64, 0i64);
    for line in csv(report).lines().skip(1) {
        let cols: Vec<&str> = line.split(';').collect();
        count += cols[1].parse::<i64>().unwrap_or(0);
        total += cols[2].parse::<i64>().unwrap_or(0) - cols[3].parse::<i64>().unwrap_or(0);
    }
    let ascii = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'å' | 'ä' => 'a',
                'Å' | 'Ä' => 'A',
                'ø' | 'ö' => 'o',
                'Ø' | 'Ö' => 'O',
                'æ' => 'e',
                '(' | ')' | '\\' => ' ',
                c if c.is_ascii() => c,
                _ => '?',
            })
            .collect()
    };
    let lines = [
        ascii(report.custom_report_name.as_deref().unwrap_or("Transaction report")),
        format!("Account {}", report.account_id),
        format!(
            "Period {} - {}",
            report.data_from.format("%Y-%m-%d"),
            report.data_to.format("%Y-%m-%d")
        ),
        format!("Transactions: {count}"),
        format!("Net captured: {}.{:02} {}", total / 100, total % 100, report.currency),
    ];
    let mut content = String::from("BT /F1 14 Tf 56 780 Td 20 TL\n");
    for line in &lines {
        content.push_str(&format!("({line}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_xref_points_at_its_objects() {
        let reports = generate(1, "T11200002", &json!({"currency": "NOK"}));
        let report = reports.iter().find(|r| r.content_type == "application/pdf").unwrap();
        let bytes = pdf(report);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("%PDF-1.4\n") && text.ends_with("%%EOF\n"));
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(text[xref..].starts_with("xref\n"));
        for (i, line) in text[xref..].lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(text[offset..].starts_with(&format!("{} 0 obj", i + 1)), "{line}");
        }
    }

    #[test]
    fn runs_share_a_job_and_sellers_get_weekly_reports() {
        let reports = generate(1, "T11200002", &json!({"currency": "NOK"}));
        assert_eq!(reports.iter().filter(|r| r.schedule == "monthly").count(), 24);
        assert_eq!(reports.iter().filter(|r| r.schedule == "weekly").count(), 6);
        let job = &reports
            .iter()
            .find(|r| r.content_type == "application/pdf")
            .unwrap()
            .report_job_id;
        assert_eq!(reports.iter().filter(|r| &r.report_job_id == job).count(), 2);
        assert!(generate(1, "T11200001", &json!({}))
            .iter()
            .all(|r| r.schedule == "monthly"));
        assert!(reports.windows(2).all(|w| w[0].created_at >= w[1].created_at));
    }
}
