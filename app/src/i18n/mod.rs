//! Translations. Texts live in `app/locales/<code>.txt` and `app/locales/<code>/<area>.txt`
//! (`key = text`, one per line, `#` comments), in English (`en`), Norwegian Bokmål (`nb`) and
//! Swedish (`sv`).
//!
//! Every language is complete by construction:
//! - `build.rs` checks the files (see [`catalogue`]): a key one language has and another lacks, a
//!   key defined twice, placeholders that differ, or a plural without its pair fails the build.
//! - Code names a text only through [`key!`], [`t!`] or [`tn!`], which check the key (and the
//!   placeholders a sentence is given) against the files while compiling: a typo is a build error.
//! - Sentences with values are whole sentences with named placeholders (`{merchant}`), filled by
//!   [`t!`]; counts pick the language's plural form (`x.one`, `x.other`) with [`tn!`].
//!
//! The person's language: their own choice (kept in the app's store, see [`preference`]), else the
//! `lang` cookie of a choice made before signing in, else the browser's `Accept-Language`, else
//! English. The server renders with it and writes it to `<html lang>`, from which islands read it.

pub mod catalogue;
mod island_texts;
pub mod keys;
mod locale;
#[cfg(feature = "ssr")]
pub mod preference;
mod sentence;
mod set_locale;

pub use island_texts::IslandTexts;
#[cfg(feature = "ssr")]
pub use locale::locale_of;
pub use locale::{keys_starting, provide_locale, request_locale, t, use_locale, Locale};
pub use sentence::{fill, plural, Count};
pub use set_locale::{LanguageSwitch, SetLocale};

/// A text key, checked while compiling: `key!("nav.overview")` is the `&'static str` itself, or a
/// build error when no language file has it. With names, the text must have exactly those
/// placeholders (`key!("screening.consequence.match", merchant, reason)`, for [`fill`]); without,
/// it must have none.
#[doc(hidden)]
#[macro_export]
macro_rules! checked_key {
    ($key:literal) => {{
        const _: () = assert!($crate::i18n::keys::has($key, &[]), concat!("no text without placeholders has the key ", $key));
        $key
    }};
    ($key:literal, $($name:ident),+ $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::keys::has($key, &[$(stringify!($name)),+]),
            concat!("no text has the key ", $key, " with placeholders ", $(stringify!($name), " "),+)
        );
        $key
    }};
}
pub use crate::checked_key as key;

/// The text of a key, checked while compiling (see [`key!`]), in the request's language:
/// `t!("nav.overview")`, or a whole sentence with its values:
/// `t!("screening.consequence.match", merchant = name, reason = code)`.
#[doc(hidden)]
#[macro_export]
macro_rules! text {
    ($key:literal) => {
        $crate::i18n::t($crate::i18n::key!($key))
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::key!($key, $($name),+),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}
pub use crate::text as t;

/// A count in words, in the language's plural form: `tn!("portfolio.rows", n)` reads
/// `portfolio.rows.one` or `portfolio.rows.other` with `{count}` filled in (and any other
/// placeholders named after the count). Checked while compiling like [`t!`].
#[doc(hidden)]
#[macro_export]
macro_rules! count_text {
    ($stem:literal, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::keys::is_plural($stem, &[$(stringify!($name)),*]),
            concat!("no plural text (.one and .other with {{count}}) has the key ", $stem)
        );
        $crate::i18n::plural(
            $stem,
            $crate::i18n::Count::from($count),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    }};
}
pub use crate::count_text as tn;
