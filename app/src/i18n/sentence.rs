//! Sentences with values: [`fill`] puts values into a text's named `{placeholders}`, and
//! [`plural`] picks a count's plural form; [`t!`](super::t) and [`tn!`](super::tn) call them.

use super::{t, use_locale};

/// A count for [`plural`], from any integer.
#[derive(Debug, Clone, Copy)]
pub struct Count(i128);

macro_rules! count_from {
    ($($int:ty),+) => {$(
        impl From<$int> for Count {
            fn from(n: $int) -> Self {
                Count(n as i128)
            }
        }
    )+};
}
count_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// `text` of `key` with its `{placeholders}` filled (what [`t!`](super::t) calls with values).
pub fn fill(key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill_text(t(key), values)
}

pub(super) fn fill_text(text: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The plural form of `stem` for `count` in the current language, with `{count}` (as a Nordic
/// whole number) and the other `values` filled (what [`tn!`](super::tn) calls).
pub fn plural(stem: &str, count: Count, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let locale = use_locale();
    let key = format!("{stem}.{}", locale.plural_form(count.0));
    let shown = crate::format::whole_number(count.0);
    let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("count", &shown)];
    all.extend_from_slice(values);
    fill_text(locale.text(&key), &all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn sentences_fill_their_named_placeholders() {
        let values: [(&str, &dyn std::fmt::Display); 2] = [("merchant", &"Fjellkaffe AS"), ("reason", &12)];
        assert_eq!(
            fill_text("{merchant} under {reason}.", &values),
            "Fjellkaffe AS under 12."
        );
        assert_eq!(fill_text("{reason} – {merchant}", &values), "12 – Fjellkaffe AS");
        assert_eq!(fill_text("{unknown} {", &values), "{unknown} {");
    }

    #[test]
    fn counts_take_one_only_for_exactly_one() {
        for locale in Locale::ALL {
            assert_eq!(locale.plural_form(1), "one");
            for n in [0, 2, 5, 21, 1000, -1] {
                assert_eq!(locale.plural_form(n), "other", "{n}");
            }
        }
    }
}
