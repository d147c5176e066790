//! [`ErrorNotice`]: an [`AppError`] told to a person, as an alert.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div role="alert" class="notice-error">
            <p class="font-medium">{t(error.message_key())}</p>
        </div>
    }
}
