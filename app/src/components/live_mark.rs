//! [`live_mark`]: the `data-live` attribute an island puts on its root element once it runs in the
//! browser (an effect, so never on the server), for people's tools and the tests to tell a page
//! whose islands answer from one that is still plain HTML.

use leptos::prelude::*;

/// `None` until the island has hydrated, then `Some("")`: use as `data-live=live_mark()`.
pub fn live_mark() -> Signal<Option<&'static str>> {
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    Signal::derive(move || live.get().then_some(""))
}
