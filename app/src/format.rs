//! How dates and money are shown: the Nordic way, always with the time zone or the currency.
//!
//! Times are shown in Norwegian/Swedish local time (CET, or CEST in summer by the EU rule: from
//! 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October), e.g.
//! `21.11.2026 10:34 CET`. Money is integer minor units with its currency, e.g. `1 234,50 NOK`.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc, Weekday};

use crate::i18n::{use_locale, Locale};

/// A time in Nordic local time with `CET` or `CEST`, in the current language's form.
pub fn date_time(utc: DateTime<Utc>) -> String {
    date_time_in(use_locale(), utc)
}

/// A time in `locale`'s form: Swedish `2026-12-03 14:05 CET`, Bokmål and English
/// `03.12.2026 14:05 CET`.
pub fn date_time_in(locale: Locale, utc: DateTime<Utc>) -> String {
    let (local, zone) = nordic_local(utc);
    format!("{} {zone}", local.format(&format!("{} %H:%M", date_pattern(locale))))
}

/// The Nordic local date in the current language's form (`2026-12-03` or `03.12.2026`).
pub fn date(utc: DateTime<Utc>) -> String {
    date_in(use_locale(), utc)
}

pub fn date_in(locale: Locale, utc: DateTime<Utc>) -> String {
    nordic_local(utc).0.format(date_pattern(locale)).to_string()
}

fn date_pattern(locale: Locale) -> &'static str {
    match locale {
        Locale::Sv => "%Y-%m-%d",
        Locale::En | Locale::Nb => "%d.%m.%Y",
    }
}

/// An organisation number in its country's form, whatever the language: Swedish `556084-6866`,
/// Norwegian `989 926 551`; anything else (or a number of another length) as given.
pub fn org_number(number: &str, country: Option<&str>) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let all_digits = number.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    match (country.map(str::to_ascii_uppercase).as_deref(), digits.len()) {
        (Some("SE"), 10) if all_digits => format!("{}-{}", &digits[..6], &digits[6..]),
        (Some("NO") | None, 9) if all_digits => format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..]),
        _ => number.to_owned(),
    }
}

/// [`date_time`] of an RFC 3339 string as Dintero sends them; the string itself if unreadable.
pub fn date_time_str(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| date_time(t.with_timezone(&Utc)))
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// A personal id or a bank account shown only enough to compare: whitespace dropped, every
/// character but the last four as `•` (`NO93 8601 1117 947` → `•••••••••••7947`). The one mask of
/// the app: the audit log, MATCH results and payouts use it.
pub fn last_four(value: &str) -> String {
    let chars: Vec<char> = value.chars().filter(|c| !c.is_whitespace()).collect();
    let keep = chars.len().saturating_sub(4);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < keep { '•' } else { *c })
        .collect()
}

/// A provider's name as people write it.
pub fn provider_name(provider: &str) -> String {
    match provider {
        "vipps" => "Vipps".into(),
        "vipps-psp" | "vipps_psp" => "Vipps PSP".into(),
        "swish" => "Swish".into(),
        "klarna" => "Klarna".into(),
        "bambora" => "Bambora".into(),
        "payex" | "payex.creditcard" => "PayEx".into(),
        "collector" => "Collector".into(),
        "instabank" => "Instabank".into(),
        other => other.to_owned(),
    }
}

/// The time in Norway and Sweden, and the zone's abbreviation.
pub fn nordic_local(utc: DateTime<Utc>) -> (DateTime<FixedOffset>, &'static str) {
    let year = utc.year();
    let summer = utc >= last_sunday_1am_utc(year, 3) && utc < last_sunday_1am_utc(year, 10);
    let (hours, zone) = if summer { (2, "CEST") } else { (1, "CET") };
    let offset = FixedOffset::east_opt(hours * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    (utc.with_timezone(&offset), zone)
}

/// ISO 8601 in Nordic local time with its offset, e.g. `2026-11-21T11:34:00+01:00`: what a
/// spreadsheet reads as a time without losing the zone.
pub fn iso_local(utc: DateTime<Utc>) -> String {
    nordic_local(utc).0.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The moment a Nordic local calendar day begins.
pub fn local_day_start(day: NaiveDate) -> DateTime<Utc> {
    let midnight = Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default());
    // The offset in force just before local midnight (zone changes happen at 01:00 UTC).
    let offset = nordic_local(midnight - Duration::hours(2)).0.offset().local_minus_utc();
    midnight - Duration::seconds(i64::from(offset))
}

fn last_sunday_1am_utc(year: i32, month: u32) -> DateTime<Utc> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or_default();
    let mut day = first_of_next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).unwrap_or_default())
}

/// How many decimals a currency's minor unit has (ISO 4217).
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "ISK" | "JPY" | "KRW" | "CLP" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// `minor` units of `currency` the Nordic way in the current language (see [`money_in`]).
pub fn money(minor: i64, currency: &str) -> String {
    money_in(use_locale(), minor, currency)
}

/// A whole number with Nordic thousands groups: `12 345` (a no-break space between groups).
pub fn whole_number(n: i128) -> String {
    let grouped = group_thousands(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// `minor` units of `currency` the Nordic way: `1 234,50 NOK` (a no-break space between groups and
/// before the currency, a comma before the decimals, a minus sign for negatives). The currency is
/// always its ISO code, but for Swedish kronor in Swedish, which Swedes write `1 234,50 kr`: the
/// country's own currency in the country's language is never in doubt.
pub fn money_in(locale: Locale, minor: i64, currency: &str) -> String {
    let unit = match (locale, currency) {
        (Locale::Sv, "SEK") => "kr",
        _ => currency,
    };
    money_with_unit(minor, currency, unit)
}

fn money_with_unit(minor: i64, currency: &str, unit: &str) -> String {
    let digits = minor_digits(currency);
    let scale = 10u128.pow(digits);
    let magnitude = u128::from(minor.unsigned_abs());
    let (whole, fraction) = (magnitude / scale, magnitude % scale);
    let grouped = group_thousands(&whole.to_string());
    let sign = if minor < 0 { "−" } else { "" };
    if digits == 0 {
        format!("{sign}{grouped}\u{a0}{unit}")
    } else {
        format!(
            "{sign}{grouped},{fraction:0width$}\u{a0}{unit}",
            width = digits as usize
        )
    }
}

/// A byte count the Nordic way, in binary units: `512 B`, `3,2 MiB`, `1,0 GiB` (integer arithmetic,
/// so the browser's islands need no float formatting).
pub fn bytes(count: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if count < 1024 {
        return format!("{count}\u{a0}B");
    }
    let count = u128::from(count);
    let (mut unit, mut divisor) = (0, 1024u128);
    while count >= divisor * 1024 && unit + 1 < UNITS.len() {
        divisor *= 1024;
        unit += 1;
    }
    let tenths = (count * 10 + divisor / 2) / divisor;
    format!("{},{}\u{a0}{}", tenths / 10, tenths % 10, UNITS[unit])
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_four_show() {
        assert_eq!(last_four("NO93 8601 1117 947"), "•••••••••••7947");
        assert_eq!(last_four(" 01017012345 "), "•••••••2345");
        assert_eq!(last_four("947"), "947");
        assert_eq!(last_four(""), "");
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn times_are_nordic_local_with_the_zone() {
        assert_eq!(date_time(at("2026-11-21T09:34:46Z")), "21.11.2026 10:34 CET");
        assert_eq!(date_time(at("2026-07-01T22:15:00Z")), "02.07.2026 00:15 CEST");
        // The switches: 29 March 2026 and 25 October 2026 at 01:00 UTC.
        assert_eq!(date_time(at("2026-03-29T00:59:00Z")), "29.03.2026 01:59 CET");
        assert_eq!(date_time(at("2026-03-29T01:00:00Z")), "29.03.2026 03:00 CEST");
        assert_eq!(date_time(at("2026-10-25T00:59:00Z")), "25.10.2026 02:59 CEST");
        assert_eq!(date_time(at("2026-10-25T01:00:00Z")), "25.10.2026 02:00 CET");
        assert_eq!(date_time_str("not a date"), "not a date");
        assert_eq!(date(at("2026-12-31T23:30:00Z")), "01.01.2027");
    }

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let t = at("2026-12-03T13:05:00Z");
        assert_eq!(date_time_in(Locale::Sv, t), "2026-12-03 14:05 CET");
        assert_eq!(date_time_in(Locale::Nb, t), "03.12.2026 14:05 CET");
        assert_eq!(date_time_in(Locale::En, t), "03.12.2026 14:05 CET");
        assert_eq!(date_in(Locale::Sv, at("2026-07-01T22:15:00Z")), "2026-07-02");
        assert_eq!(
            date_time_in(Locale::Sv, at("2026-07-01T22:15:00Z")),
            "2026-07-02 00:15 CEST"
        );
    }

    #[test]
    fn swedish_kronor_are_kr_in_swedish_and_every_other_currency_keeps_its_code() {
        assert_eq!(money_in(Locale::Sv, 123_450, "SEK"), "1\u{a0}234,50\u{a0}kr");
        assert_eq!(money_in(Locale::Sv, 123_450, "NOK"), "1\u{a0}234,50\u{a0}NOK");
        assert_eq!(money_in(Locale::Nb, 123_450, "NOK"), "1\u{a0}234,50\u{a0}NOK");
        assert_eq!(money_in(Locale::Nb, 123_450, "SEK"), "1\u{a0}234,50\u{a0}SEK");
        assert_eq!(money_in(Locale::En, -5, "SEK"), "−0,05\u{a0}SEK");
        assert_eq!(whole_number(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(whole_number(-12), "−12");
    }

    #[test]
    fn organisation_numbers_take_their_country_s_form() {
        assert_eq!(org_number("5560846866", Some("SE")), "556084-6866");
        assert_eq!(org_number("556084-6866", Some("se")), "556084-6866");
        assert_eq!(org_number("989926551", Some("NO")), "989 926 551");
        assert_eq!(org_number("989 926 551", None), "989 926 551");
        assert_eq!(org_number("12345", Some("NO")), "12345");
        assert_eq!(org_number("DE123456789", Some("DE")), "DE123456789");
    }

    #[test]
    fn byte_counts_use_binary_units_and_a_decimal_comma() {
        assert_eq!(bytes(512), "512\u{a0}B");
        assert_eq!(bytes(3_355_443), "3,2\u{a0}MiB");
        assert_eq!(bytes(1 << 30), "1,0\u{a0}GiB");
    }

    #[test]
    fn iso_times_and_day_starts_are_nordic_local() {
        assert_eq!(iso_local(at("2026-11-21T10:34:00Z")), "2026-11-21T11:34:00+01:00");
        assert_eq!(iso_local(at("2026-07-01T10:00:00Z")), "2026-07-01T12:00:00+02:00");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(local_day_start(day("2026-11-21")), at("2026-11-20T23:00:00Z"));
        assert_eq!(local_day_start(day("2026-07-01")), at("2026-06-30T22:00:00Z"));
    }

    #[test]
    fn money_is_minor_units_shown_the_nordic_way() {
        assert_eq!(money(123_450, "NOK"), "1\u{a0}234,50\u{a0}NOK");
        assert_eq!(money(5, "SEK"), "0,05\u{a0}SEK");
        assert_eq!(money(-99_900, "NOK"), "−999,00\u{a0}NOK");
        assert_eq!(money(10_000_000_000, "NOK"), "100\u{a0}000\u{a0}000,00\u{a0}NOK");
        assert_eq!(money(1500, "ISK"), "1\u{a0}500\u{a0}ISK");
        assert_eq!(
            money(i64::MIN, "NOK"),
            "−92\u{a0}233\u{a0}720\u{a0}368\u{a0}547\u{a0}758,08\u{a0}NOK"
        );
    }
}
