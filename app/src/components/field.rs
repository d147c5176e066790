//! [`TextField`]: a labelled input that shows its own error and keeps what was typed.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

/// A labelled `<input>`. `error` is the last result of the form's action: when it names this
/// field, the input is marked invalid and the message is shown under it.
#[component]
pub fn TextField(
    /// The form field name (also the element id).
    name: &'static str,
    /// Translation key of the label.
    label: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(into, optional)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let message = move || {
        error
            .get()
            .filter(|e| e.field() == Some(name))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    let error_id = format!("{name}-error");
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <input
                id=name
                name=name
                type=input_type
                autocomplete=autocomplete
                required=required
                value=move || value.get()
                class="field-input"
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=move || message().map(|_| error_id.clone())
            />
            {move || message().map(|m| view! { <p id=format!("{name}-error") class="field-error">{m}</p> })}
        </div>
    }
}
