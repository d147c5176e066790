//! [`Locale`] and the lookup of texts by key.

#[cfg(not(browser))]
use std::collections::HashMap;
#[cfg(not(browser))]
use std::sync::LazyLock;

use leptos::prelude::*;

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Nb,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Nb];

    /// The BCP 47 code, as in `<html lang>` and the `lang` cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nb => "nb",
        }
    }

    /// The language's own name for itself, shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nb => "Norsk bokmål",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "nb" | "no" | "nn" => Some(Locale::Nb),
            _ => None,
        }
    }

    #[cfg(not(browser))]
    fn texts(self) -> &'static HashMap<&'static str, &'static str> {
        static EN: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| parse(&texts_of!("en")));
        static NB: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| parse(&texts_of!("nb")));
        match self {
            Locale::En => &EN,
            Locale::Nb => &NB,
        }
    }

    /// The text for `key`: this language's, else English, else a visible marker.
    #[cfg(not(browser))]
    pub fn text(self, key: &str) -> &'static str {
        self.texts()
            .get(key)
            .or_else(|| Locale::En.texts().get(key))
            .copied()
            .unwrap_or(MISSING)
    }

    /// In the browser: the text the page's islands were sent for `key` (the browser holds no
    /// language files; see [`IslandTexts`]).
    #[cfg(browser)]
    pub fn text(self, key: &str) -> &'static str {
        browser_texts::get(key).unwrap_or(MISSING)
    }
}

/// The texts an island shows, in the page's language, sent with it from the server: the browser
/// is never handed the language files, only these. An island takes them as a prop and calls
/// [`IslandTexts::install`] before it renders, so [`t`] works inside it as on the server.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IslandTexts(Vec<(String, String)>);

impl IslandTexts {
    /// The texts of `keys` in the request's language (pages render on the server only; in the
    /// browser there is nothing to look them up in, and nothing asks).
    pub fn of(keys: &[&str]) -> Self {
        #[cfg(not(browser))]
        {
            let locale = use_locale();
            Self(
                keys.iter()
                    .map(|k| ((*k).to_owned(), locale.text(k).to_owned()))
                    .collect(),
            )
        }
        #[cfg(browser)]
        {
            let _ = keys;
            Self::default()
        }
    }

    /// In the browser, makes these the texts [`t`] answers with; on the server a no-op.
    pub fn install(&self) {
        #[cfg(browser)]
        for (key, text) in &self.0 {
            browser_texts::set(key, text);
        }
    }
}

#[cfg(browser)]
mod browser_texts {
    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        // Each text is leaked once: an island's few texts, for the life of the page.
        static TEXTS: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
    }

    pub fn get(key: &str) -> Option<&'static str> {
        TEXTS.with(|texts| texts.borrow().get(key).copied())
    }

    pub fn set(key: &str, text: &str) {
        TEXTS.with(|texts| {
            let mut texts = texts.borrow_mut();
            if texts.get(key).is_none_or(|known| *known != text) {
                texts.insert(key.to_owned(), Box::leak(text.to_owned().into_boxed_str()));
            }
        });
    }
}

/// Shown where a key has no text in any language (a test keeps this from happening).
const MISSING: &str = "[missing text]";

/// A language's texts: `locales/<code>.txt` (the shell and older pages) and one file per feature
/// area in `locales/<code>/`, so areas are translated and reviewed apart.
#[cfg(not(browser))]
macro_rules! texts_of {
    ($code:literal) => {
        [
            include_str!(concat!("../../locales/", $code, ".txt")),
            include_str!(concat!("../../locales/", $code, "/review.txt")),
            include_str!(concat!("../../locales/", $code, "/sellers.txt")),
            include_str!(concat!("../../locales/", $code, "/screening.txt")),
            include_str!(concat!("../../locales/", $code, "/settlements.txt")),
            include_str!(concat!("../../locales/", $code, "/reports.txt")),
            include_str!(concat!("../../locales/", $code, "/payouts.txt")),
        ]
    };
}
#[cfg(not(browser))]
use texts_of;

#[cfg(not(browser))]
fn parse(sources: &[&'static str]) -> HashMap<&'static str, &'static str> {
    sources
        .iter()
        .flat_map(|source| source.lines())
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect()
}

/// The language of the request being rendered (server) or of the page (browser).
pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get_all(http::header::COOKIE)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|v| v.split(';'))
                    .filter_map(|c| c.trim().strip_prefix("lang="))
                    .find_map(Locale::from_code)
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Locale::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}

/// Every key that starts with `prefix` (English has them all; none in the browser).
pub fn keys_starting(prefix: &str) -> Vec<&'static str> {
    #[cfg(not(browser))]
    {
        let mut keys: Vec<&'static str> = Locale::En
            .texts()
            .keys()
            .copied()
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort_unstable();
        keys
    }
    #[cfg(browser)]
    {
        let _ = prefix;
        Vec::new()
    }
}

/// Puts the request's language into context for [`t`]; call once at the root.
pub fn provide_locale() -> Locale {
    let locale = request_locale();
    provide_context(locale);
    locale
}

pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The text for `key` in the current language.
pub fn t(key: &str) -> &'static str {
    use_locale().text(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_english_key_and_no_other() {
        let en: std::collections::BTreeSet<_> = Locale::En.texts().keys().collect();
        for locale in Locale::ALL {
            let keys: std::collections::BTreeSet<_> = locale.texts().keys().collect();
            assert_eq!(keys, en, "{} differs from en", locale.code());
            assert!(
                locale.texts().values().all(|v| !v.is_empty()),
                "{} has an empty text",
                locale.code()
            );
        }
    }

    /// Every `t("...")`/`text("...")` key literal and every `"x.y"` key-like literal passed as a
    /// translation key in the app's source exists in English.
    #[test]
    fn every_key_the_source_uses_exists() {
        fn visit(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/locale.rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for call in ["t(\"", "text(\"", "label=\"", "=> \""] {
                        for (at, _) in source.match_indices(call) {
                            let rest = &source[at + call.len()..];
                            let key = &rest[..rest.find('"').unwrap_or(0)];
                            let looks_like_key = key.contains('.')
                                && key.starts_with(|c: char| c.is_ascii_lowercase())
                                && !key.contains(' ')
                                && key.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                            if looks_like_key {
                                found.push((path.display().to_string(), key.to_owned()));
                            }
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        visit(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.len() > 50, "the scan found the keys ({})", found.len());
        let texts = Locale::En.texts();
        let missing: Vec<_> = found
            .iter()
            .filter(|(_, key)| !texts.contains_key(key.as_str()) && !is_action_name(key))
            .collect();
        assert!(missing.is_empty(), "keys used but not in en.txt: {missing:?}");
    }

    /// Audit action names (`account.update`) are data, not translation keys.
    fn is_action_name(key: &str) -> bool {
        crate::audit::AuditAction::parse(key).is_some()
    }

    #[test]
    fn no_key_is_defined_twice() {
        for sources in [texts_of!("en"), texts_of!("nb")] {
            let mut seen = std::collections::BTreeSet::new();
            for line in sources.iter().flat_map(|s| s.lines()).map(str::trim) {
                if let Some((key, _)) = line.split_once('=').filter(|_| !line.starts_with('#')) {
                    assert!(seen.insert(key.trim()), "{} is defined twice", key.trim());
                }
            }
        }
    }

    #[test]
    fn a_missing_key_shows_the_marker() {
        assert_eq!(Locale::Nb.text("nav.overview"), "Oversikt");
        assert_eq!(Locale::Nb.text("no.such.key"), MISSING);
    }

    #[test]
    fn codes_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
        assert_eq!(Locale::from_code("fr"), None);
    }
}
