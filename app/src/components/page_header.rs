//! [`PageHeader`]: a page's title (the browser's tab says it too), its heading and its lead line.

use leptos::prelude::*;
use leptos_meta::Title;

/// The top of a page: `<title>` (the app's name is added at the root), `<h1>` and the lead.
#[component]
pub fn PageHeader(#[prop(into)] title: String, #[prop(optional, into)] lead: Option<String>) -> impl IntoView {
    let heading = if lead.is_some() {
        "mb-1 text-2xl font-semibold"
    } else {
        "mb-4 text-2xl font-semibold"
    };
    view! {
        <Title text=title.clone()/>
        <h1 class=heading>{title}</h1>
        {lead.map(|lead| view! { <p class="text-muted mb-6">{lead}</p> })}
    }
}
