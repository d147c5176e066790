//! [`IslandTexts`]: the few texts an island shows, sent with it, since the browser holds no
//! language files.

#[cfg(not(browser))]
use super::use_locale;

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
pub(super) mod browser_texts {
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
