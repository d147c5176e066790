//! [`ErrorNotice`]: an [`AppError`] told to a person, as an alert. A page whose read is refused or
//! not found also answers with that status (403, 404) when rendered on the server.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{key, t};

/// The texts an [`ErrorNotice`] may show for an error other than a field's: what an island that
/// shows errors needs sent with it.
pub const ERROR_TEXTS: &[&str] = &[
    key!("error.unauthenticated"),
    key!("error.forbidden"),
    key!("error.not_found"),
    key!("error.unavailable"),
    key!("error.internal"),
    key!("error.network"),
    key!("error.malformed"),
    key!("error.malformed_field", field),
    key!("error.too_large"),
    key!("error.rate_limited"),
    key!("error.upstream_refused"),
    key!("error.upstream_unreadable"),
    key!("forbidden.title"),
    key!("forbidden.body"),
    key!("forbidden.home"),
];

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if matches!(error, AppError::Forbidden | AppError::NotFound) {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(error.status_code());
        }
    }
    if error == AppError::Forbidden {
        return view! {
            <div role="alert" class="notice-error" data-testid="forbidden">
                <p class="font-semibold">{t!("forbidden.title")}</p>
                <p>{t!("forbidden.body")}</p>
                <p class="mt-2"><a href="/" class="underline">{t!("forbidden.home")}</a></p>
            </div>
        }
        .into_any();
    }
    let detail = match &error {
        AppError::Upstream {
            status,
            detail: Some(detail),
            ..
        } => Some(format!("Dintero ({status}): {detail}")),
        AppError::Malformed { field: Some(field) } => Some(t!("error.malformed_field", field = field)),
        _ => None,
    };
    view! {
        <div role="alert" class="notice-error">
            <p class="font-medium">{t(error.message_key())}</p>
            {detail.map(|d| view! { <p class="mt-1 text-sm" data-testid="dintero-detail">{d}</p> })}
        </div>
    }
    .into_any()
}
