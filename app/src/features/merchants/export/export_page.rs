//! [`ExportPage`]: `/accounts/export/{id}`, how far an export is and, once done, its download.
//! With JavaScript it asks again every second; without, the page reloads itself every two seconds
//! (a `<meta refresh>` inside `<noscript>`) while the export runs. The id in the URL is all a
//! reload needs.

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::server_fns::export_status;
use super::status::{ExportProgress, ExportState};
use crate::components::ErrorNotice;
use crate::format::date_time_str;
use crate::i18n::t;

/// Reloads the page without JavaScript (inside `<noscript>`, so hydrated pages poll instead).
const RELOAD: &str = r#"<meta http-equiv="refresh" content="2">"#;

#[component]
pub fn ExportPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let tick = RwSignal::new(0u32);
    let progress = Resource::new(move || (id.get(), tick.get()), |(id, _)| export_status(id));
    // Effects run only in the browser: while the export runs, ask again in a second.
    Effect::new(move |_| {
        if progress.get().is_some_and(|p| p.is_ok_and(|p| p.is_running())) {
            set_timeout(
                move || {
                    let _ = tick.try_update(|n| *n += 1);
                },
                Duration::from_secs(1),
            );
        }
    });
    view! {
        <Title text=format!("{} · Partner Back-office", t("export.title"))/>
        <h1 class="mb-1 text-2xl font-semibold">{t("export.title")}</h1>
        <p class="text-muted mb-6">{t("export.lead")}</p>
        <Transition fallback=|| view! { <p class="text-muted">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match progress.await {
                    Ok(progress) => view! { <Progress progress/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Progress(progress: ExportProgress) -> impl IntoView {
    let (state, label) = match progress.state {
        ExportState::Running => ("running", t("export.running")),
        ExportState::Done => ("done", t("export.done")),
        ExportState::Failed => ("failed", t("export.failed")),
    };
    let counts = format!(
        "{} {} · {} {}",
        progress.rows,
        t("export.rows"),
        progress.pages,
        t("export.pages")
    );
    let retries = (progress.retries > 0).then(|| format!("{} {}", t("export.retries"), progress.retries));
    // Dintero does not say how many merchants a filter matches: the bar has no end until done.
    let bar = match progress.state {
        ExportState::Running => {
            view! { <progress class="w-full" aria-label=t("export.progress")></progress> }.into_any()
        }
        _ => {
            view! { <progress class="w-full" aria-label=t("export.progress") value="1" max="1"></progress> }.into_any()
        }
    };
    let started = date_time_str(&progress.started_at);
    let format = t(progress.format.label_key());
    let download = (progress.state == ExportState::Done).then(|| {
        let size = format!("{} · {} kB", progress.file_name, progress.bytes.div_ceil(1024));
        view! {
            <a href=progress.download_href() rel="external" download=progress.file_name.clone()
                class="btn-primary self-start" data-testid="export-download">{t("export.download")}</a>
            <p class="text-muted text-sm">{size}</p>
        }
    });
    let failure = progress.error.clone().map(|error| {
        view! {
            <ErrorNotice error/>
            <p class="text-sm">{t("export.failed_lead")}</p>
        }
    });
    let running = progress.is_running();
    let this_page = format!("/accounts/export/{}", progress.id);
    view! {
        {running.then(|| view! { <noscript inner_html=RELOAD></noscript> })}
        <section class="card flex flex-col gap-3" data-testid="export" data-state=state aria-live="polite">
            <p class="font-semibold" data-testid="export-state">{label}</p>
            {bar}
            <p class="text-sm tabular-nums" data-testid="export-rows">{counts}</p>
            {retries.map(|r| view! { <p class="text-muted text-sm">{r}</p> })}
            <p class="text-muted text-sm">{format!("{format} · {} {started}", t("export.started"))}</p>
            {download}
            {failure}
            <p class="flex gap-3 text-sm">
                {running.then(|| view! { <a href=this_page class="underline">{t("export.refresh")}</a> })}
                <a href=progress.view_href class="underline">{t("export.back")}</a>
            </p>
        </section>
    }
}
