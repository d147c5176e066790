//! Translations. Texts live in `app/locales/<code>.txt` (`key = text`, one per line, `#` comments);
//! code asks for them by key with [`t`]. English is complete; a key missing in another language falls
//! back to English, and a test keeps the files in step.
//!
//! The person's language is the `lang` cookie (set by [`SetLocale`]); the server renders with it and
//! writes it to `<html lang>`, from which the browser reads it when hydrating.

mod locale;
mod set_locale;

pub use locale::{keys_starting, provide_locale, request_locale, t, use_locale, IslandTexts, Locale};
pub use set_locale::{LanguageSwitch, SetLocale};
