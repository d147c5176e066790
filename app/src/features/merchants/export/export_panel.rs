//! [`ExportPanel`]: on the portfolio page, exports the filtered view (every page of it) as CSV or
//! XLSX. A plain form post without JavaScript; either way the person lands on the export's page.

use leptos::prelude::*;

use super::status::ExportFormat;
use super::write::StartExport;
use crate::components::ErrorNotice;
use crate::features::merchants::portfolio_query::PortfolioQuery;
use crate::i18n::t;

#[component]
pub fn ExportPanel(query: Memo<PortfolioQuery>) -> impl IntoView {
    let action = ServerAction::<StartExport>::new();
    let error = move || action.value().get().and_then(Result::err);
    view! {
        <ActionForm action attr:class="flex flex-wrap items-end gap-2" attr:aria-label=t!("export.title")
            attr:data-testid="export-panel">
            {move || hidden_fields(&query.get())}
            <div class="field">
                <label for="export-format" class="field-label">{t!("export.format")}</label>
                <select id="export-format" name="format" class="field-input">
                    {ExportFormat::ALL.map(|f| view! { <option value=f.as_str()>{t(f.label_key())}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn-ghost" disabled=move || action.pending().get()>{t!("export.start")}</button>
            {move || error().map(|error| view! { <div class="basis-full"><ErrorNotice error/></div> })}
        </ActionForm>
    }
}

/// The view's filters as `start_export`'s `query` (paging left out: the export takes every page).
fn hidden_fields(query: &PortfolioQuery) -> impl IntoView {
    let mut fields = vec![("query[search]".to_owned(), query.search.trim().to_owned())];
    let lists = [
        ("connection", &query.connection),
        ("connection_status", &query.connection_status),
        ("payment_option", &query.payment_option),
        ("account_manager", &query.account_manager),
    ];
    for (name, values) in lists {
        fields.extend(
            values
                .iter()
                .enumerate()
                .map(|(i, value)| (format!("query[{name}][{i}]"), value.clone())),
        );
    }
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}
