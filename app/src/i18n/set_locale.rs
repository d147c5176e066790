//! [`SetLocale`] and the [`LanguageSwitch`] that calls it: one small form per language, a plain post
//! (the server sets the cookie and sends the browser back where it was, now in that language).

use leptos::prelude::*;

use super::{t, use_locale, Locale};
use crate::error::AppError;

/// Remembers the person's language: for a signed-in person in the app's store (so it follows
/// them to their next sign-in, on any browser) and in their session; for anyone, in the `lang`
/// cookie for a year (the sign-in page's language).
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    use crate::auth::session::{session, user, USER_KEY};

    let locale = Locale::from_code(&locale)
        .ok_or_else(|| AppError::invalid("locale", crate::i18n::key!("error.invalid_locale")))?;
    let session = session().await?;
    if let Some(mut person) = user(&session).await? {
        let state = crate::state::app_state()?;
        super::preference::write(&state.store, &person.email, locale)
            .await
            .map_err(|error| {
                tracing::error!(%error, "could not keep a language preference");
                AppError::Internal
            })?;
        person.locale = Some(locale.code().to_owned());
        session.insert(USER_KEY, person).await.map_err(|_| AppError::Internal)?;
    }
    let options = expect_context::<leptos_axum::ResponseOptions>();
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.code());
    options.append_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(&cookie).map_err(|_| AppError::Internal)?,
    );
    Ok(())
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = use_locale();
    let action = ServerAction::<SetLocale>::new();
    view! {
        <div class="flex items-center gap-1" role="group" aria-label=t!("shell.language")>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let active = locale == current;
                    view! {
                        <ActionForm action=action attr:class="inline">
                            <input type="hidden" name="locale" value=locale.code()/>
                            <button
                                type="submit"
                                lang=locale.code()
                                aria-pressed=active.to_string()
                                disabled=active
                                class="btn-chip"
                            >
                                {locale.native_name()}
                            </button>
                        </ActionForm>
                    }
                })
                .collect_view()}
        </div>
    }
}
