//! The wasm entry: hydrate the islands of the server-rendered page (the rest of the page is plain
//! HTML and needs no code here). Empty on native targets.
#![cfg(target_arch = "wasm32")]

// The islands are exported from the `app` crate; naming it keeps them linked into this bundle.
#[allow(unused_imports)]
use ::app::*;

use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    focus_heading_after_navigation(&document);
    // Tests wait for this mark (and each island's `data-live`) before using an island.
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-hydrated", "");
    }
}

/// Every navigation is a full page load; after one from another page of the app, focus starts on
/// the new page's heading (as a screen reader expects after following a link), unless the person
/// has already moved it or the address names a place on the page.
fn focus_heading_after_navigation(document: &web_sys::Document) {
    let from_here = document
        .location()
        .and_then(|l| l.origin().ok())
        .is_some_and(|origin| document.referrer().starts_with(&format!("{origin}/")));
    let untouched = document.active_element().is_none_or(|e| e.tag_name() == "BODY");
    let no_place = document
        .location()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default()
        .is_empty();
    if !(from_here && untouched && no_place) {
        return;
    }
    let heading = document.query_selector("main h1").ok().flatten();
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}
