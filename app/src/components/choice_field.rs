//! [`SelectField`] and [`TextAreaField`]: labelled controls that show their own error, like
//! [`super::TextField`].

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

fn field_message(error: Signal<Option<AppError>>, name: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        error
            .get()
            .filter(|e| e.field() == Some(name))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    }
}

/// A labelled `<select>`; `options` are (value, text shown).
#[component]
pub fn SelectField(
    name: &'static str,
    /// Translation key of the label.
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(into, optional)] selected: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = field_message(error, name);
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <select
                id=name
                name=name
                class="field-input"
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=move || message().map(|_| format!("{name}-error"))
            >
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || message().map(|m| view! { <p id=format!("{name}-error") class="field-error">{m}</p> })}
        </div>
    }
}

/// A labelled `<textarea>`.
#[component]
pub fn TextAreaField(
    name: &'static str,
    label: &'static str,
    #[prop(into, optional)] value: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let message = field_message(error, name);
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <textarea
                id=name
                name=name
                rows=rows
                maxlength=maxlength
                class="field-input"
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=move || message().map(|_| format!("{name}-error"))
            >{value}</textarea>
            {move || message().map(|m| view! { <p id=format!("{name}-error") class="field-error">{m}</p> })}
        </div>
    }
}
