//! The wasm entry: hydrate the islands of the server-rendered page (the rest of the page is plain
//! HTML and needs no code here). Empty on native targets.
#![cfg(target_arch = "wasm32")]

// The islands are exported from the `app` crate; naming it keeps them linked into this bundle.
#[allow(unused_imports)]
use ::app::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Tests wait for this mark before using an island.
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-hydrated", "");
    }
}
