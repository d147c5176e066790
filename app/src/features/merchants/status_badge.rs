//! [`StatusBadge`]: a connection or progression status, coloured by what it means.

use leptos::prelude::*;

/// The badge class for a status as Dintero spells it.
pub fn badge_class(status: &str) -> &'static str {
    match status {
        "enabled" | "live" => "badge-ok",
        "pending" | "applied" => "badge-warn",
        "failed" | "declined" | "frozen" | "deactivated" => "badge-bad",
        _ => "badge-neutral",
    }
}

/// `label` (e.g. `vipps: enabled`) styled by `status`.
#[component]
pub fn StatusBadge(#[prop(into)] status: String, #[prop(into, optional)] label: Option<String>) -> impl IntoView {
    let class = badge_class(&status);
    let text = label.unwrap_or_else(|| status.clone());
    view! { <span class=class data-status=status>{text}</span> }
}
