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
    Sv,
}

/// How many languages there are (the generated list of language files has one entry each).
#[cfg(not(browser))]
const LANGUAGE_COUNT: usize = Locale::ALL.len();

#[cfg(not(browser))]
mod sources {
    use super::LANGUAGE_COUNT;
    include!(concat!(env!("OUT_DIR"), "/sources.rs"));
}

impl Locale {
    /// In the order of `catalogue::LANGUAGES` (the build's list of language files).
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Nb, Locale::Sv];

    /// The BCP 47 code, as in `<html lang>` and the `lang` cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nb => "nb",
            Locale::Sv => "sv",
        }
    }

    /// The language's own name for itself, shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nb => "Norsk bokmål",
            Locale::Sv => "Svenska",
        }
    }

    /// A language tag (`sv`, `sv-FI`, `no`, `nn-NO`, `en-GB`…) as one of ours: every Norwegian
    /// tag (`no`, `nb`, `nn`) means Bokmål, every Swedish one Swedish, every English one English.
    pub fn from_code(code: &str) -> Option<Locale> {
        let code = code.trim().to_ascii_lowercase();
        let language = code.split(['-', '_']).next().unwrap_or_default();
        match language {
            "en" => Some(Locale::En),
            "nb" | "no" | "nn" => Some(Locale::Nb),
            "sv" => Some(Locale::Sv),
            _ => None,
        }
    }

    /// The language of an `Accept-Language` header: the first of ours in the browser's order of
    /// preference (`q`), or `None` when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut offers: Vec<(u32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(at, offer)| {
                let mut parts = offer.split(';');
                let locale = Locale::from_code(parts.next()?)?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), |q| {
                        q.trim()
                            .parse::<f32>()
                            .ok()
                            .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u32)
                    })?;
                (quality > 0).then_some((quality, at, locale))
            })
            .collect();
        offers.sort_by_key(|(quality, at, _)| (std::cmp::Reverse(*quality), *at));
        offers.first().map(|(_, _, locale)| *locale)
    }

    #[cfg(not(browser))]
    fn texts(self) -> &'static HashMap<&'static str, &'static str> {
        static TEXTS: LazyLock<Vec<HashMap<&str, &str>>> =
            LazyLock::new(|| sources::SOURCES.iter().map(|files| parse(files)).collect());
        let index = Locale::ALL.iter().position(|l| *l == self).unwrap_or(0);
        &TEXTS[index]
    }

    /// The text for `key` (the build guarantees every language has every key; a key built at
    /// run time that no file has shows a visible marker).
    #[cfg(not(browser))]
    pub fn text(self, key: &str) -> &'static str {
        self.texts().get(key).copied().unwrap_or(MISSING)
    }

    /// In the browser: the text the page's islands were sent for `key` (the browser holds no
    /// language files; see [`IslandTexts`]).
    #[cfg(browser)]
    pub fn text(self, key: &str) -> &'static str {
        super::island_texts::browser_texts::get(key).unwrap_or(MISSING)
    }

    /// The text of `key` in this language with its `{placeholders}` filled: for work that runs
    /// outside a page (a download's stream), where [`t!`](super::t) has no language to ask.
    /// Name the key with [`key!`](super::key) and its placeholders.
    pub fn sentence(self, key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        super::sentence::fill_text(self.text(key), values)
    }

    /// Which plural form a count takes. English, Bokmål and Swedish have two for whole numbers:
    /// `one` for exactly 1, `other` for everything else (0 included).
    pub fn plural_form(self, count: i128) -> &'static str {
        match (self, count) {
            (Locale::En | Locale::Nb | Locale::Sv, 1) => "one",
            _ => "other",
        }
    }
}

/// Shown where a key has no text in any language (a test keeps this from happening).
pub(super) const MISSING: &str = "[missing text]";

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
            .map(|parts| {
                let chosen = parts
                    .extensions
                    .get::<crate::auth::session::UserSession>()
                    .and_then(|user| user.locale.as_deref());
                locale_of(&parts.headers, chosen)
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

/// The language for a request: the signed-in person's own choice (`chosen`, from the store),
/// else the `lang` cookie of a choice made before signing in, else `Accept-Language`, else English.
#[cfg(feature = "ssr")]
pub fn locale_of(headers: &http::HeaderMap, chosen: Option<&str>) -> Locale {
    let cookie = || {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix("lang="))
            .find_map(Locale::from_code)
    };
    let browser = || {
        headers
            .get_all(http::header::ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(Locale::from_accept_language)
    };
    chosen
        .and_then(Locale::from_code)
        .or_else(cookie)
        .or_else(browser)
        .unwrap_or_default()
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

/// The current language: the one [`provide_locale`] put at the root; in an island (which has no
/// root above it in the browser), the page's `<html lang>`.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(request_locale)
}

/// The text for `key` in the current language.
pub fn t(key: &str) -> &'static str {
    use_locale().text(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_reads_its_own_texts() {
        assert_eq!(Locale::En.text(crate::i18n::key!("nav.overview")), "Overview");
        assert_eq!(Locale::Nb.text(crate::i18n::key!("nav.overview")), "Oversikt");
        assert_eq!(Locale::Sv.text(crate::i18n::key!("nav.overview")), "Översikt");
        assert_eq!(Locale::Sv.text("no.such.key"), MISSING);
        for locale in Locale::ALL {
            assert_eq!(locale.texts().len(), crate::i18n::keys::KEYS.len(), "{}", locale.code());
        }
    }

    #[test]
    fn codes_round_trip_and_regional_forms_map_to_ours() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
        for (code, locale) in [
            ("no", Locale::Nb),
            ("nn", Locale::Nb),
            ("nb-NO", Locale::Nb),
            ("nn_NO", Locale::Nb),
            ("sv-SE", Locale::Sv),
            ("sv-FI", Locale::Sv),
            ("en-GB", Locale::En),
        ] {
            assert_eq!(Locale::from_code(code), Some(locale), "{code}");
        }
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!(Locale::from_code("da-DK"), None);
    }

    #[test]
    fn accept_language_takes_the_first_of_ours_by_quality() {
        assert_eq!(
            Locale::from_accept_language("sv-SE,sv;q=0.9,en;q=0.8"),
            Some(Locale::Sv)
        );
        assert_eq!(
            Locale::from_accept_language("da-DK, no;q=0.7, en;q=0.5"),
            Some(Locale::Nb)
        );
        assert_eq!(Locale::from_accept_language("en;q=0.4, sv;q=0.6"), Some(Locale::Sv));
        assert_eq!(Locale::from_accept_language("fr-FR, de"), None);
        assert_eq!(Locale::from_accept_language("sv;q=0, nb"), Some(Locale::Nb));
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_choice_beats_the_cookie_which_beats_the_browser() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(locale_of(&headers, None), Locale::En);
        headers.insert(http::header::ACCEPT_LANGUAGE, "sv-SE".parse().unwrap());
        assert_eq!(locale_of(&headers, None), Locale::Sv);
        headers.insert(http::header::COOKIE, "a=b; lang=nb".parse().unwrap());
        assert_eq!(locale_of(&headers, None), Locale::Nb);
        assert_eq!(locale_of(&headers, Some("en")), Locale::En);
    }
}
