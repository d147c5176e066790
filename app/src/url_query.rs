//! [`use_url_query`]: a page's query read from its URL, the one way pages do it. The URL is the
//! source of truth for filters and paging, so a link, a reload and the browser's back button all
//! show the same view.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A page's query that can be read from the URL's pairs.
pub trait FromQuery: Clone + PartialEq + Send + Sync + 'static {
    /// The keys it reads; a key may repeat (e.g. `provider=vipps&provider=swish`).
    const KEYS: &'static [&'static str];

    /// The query from the URL's pairs for [`Self::KEYS`], in their order; unknown or malformed
    /// values are dropped, never an error.
    fn from_url<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self;
}

/// The page's query, as the URL has it; it changes when the URL does.
pub fn use_url_query<T: FromQuery>() -> Memo<T> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(&str, String)> = T::KEYS
                .iter()
                .flat_map(|k| q.get_all(k).unwrap_or_default().into_iter().map(move |v| (*k, v)))
                .collect();
            T::from_url(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    })
}
