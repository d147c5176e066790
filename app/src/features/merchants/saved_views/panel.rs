//! [`SavedViewsPanel`]: the person's saved portfolio views as links, and a form to save the
//! current filters under a name (plain forms, so it works without JavaScript).

use leptos::prelude::*;

use super::{list_saved_views, DeleteView, SaveView};
use crate::auth::take_kept_input;
use crate::components::ErrorNotice;
use crate::features::merchants::portfolio_query::PortfolioQuery;
use crate::i18n::t;

#[component]
pub fn SavedViewsPanel(query: Memo<PortfolioQuery>) -> impl IntoView {
    let save = ServerAction::<SaveView>::new();
    let delete = ServerAction::<DeleteView>::new();
    let views = Resource::new(
        move || (save.version().get(), delete.version().get()),
        |_| list_saved_views(),
    );
    let kept = Resource::new_blocking(
        || (),
        |_| async { take_kept_input("save_view".into()).await.unwrap_or_default() },
    );
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let current = move || {
        let href = query.get().first_page_href();
        href.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default()
    };
    view! {
        <section class="card mb-4 flex flex-col gap-3" aria-labelledby="views-heading">
            <h2 id="views-heading" class="card-title mb-0">{t!("views.title")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match views.await {
                        Ok(views) if views.is_empty() => view! { <p class="text-muted text-sm">{t!("views.none")}</p> }.into_any(),
                        Ok(views) => view! {
                            <ul class="flex flex-wrap gap-2" data-testid="saved-views">
                                {views.into_iter().map(|v| view! {
                                    <li class="flex items-center gap-1 rounded-lg border border-line px-2 py-1 text-sm">
                                        <a href=v.href() class="font-medium underline-offset-2 hover:underline">{v.name.clone()}</a>
                                        <ActionForm action=delete attr:class="inline">
                                            <input type="hidden" name="id" value=v.id.to_string()/>
                                            <button type="submit" class="text-muted px-1" aria-label=t!("views.delete", name = v.name)>"×"</button>
                                        </ActionForm>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let kept = kept.await;
                    view! {
                        <ActionForm action=save attr:class="flex flex-wrap items-end gap-2" attr:novalidate="">
                            <input type="hidden" name="query" value=current/>
                            <div class="field">
                                <label for="view-name" class="field-label">{t!("views.name")}</label>
                                <input id="view-name" name="name" type="text" maxlength="60" class="field-input"
                                    value=kept.get("name")
                                    aria-invalid=move || error.get().is_some_and(|e| e.field() == Some("name")).to_string()/>
                            </div>
                            <button type="submit" class="btn-ghost" disabled=move || save.pending().get()>{t!("views.save")}</button>
                            {move || error.get().map(|e| view! { <p class="field-error w-full">{t(e.message_key())}</p> })}
                        </ActionForm>
                    }
                })}
            </Transition>
        </section>
    }
}
