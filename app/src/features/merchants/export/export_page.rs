//! [`ExportPage`]: `/accounts/export/{id}`, how far an export is and, once done, its download.
//! The progress is an island ([`LiveProgress`]): with JavaScript it asks again every second;
//! without, the page reloads itself every two seconds (a `<meta refresh>` inside `<noscript>`)
//! while the export runs. The id in the URL is all a reload needs.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::read::export_status;
use super::status::{ExportProgress, ExportState};
use crate::components::{live_mark, ErrorNotice, PageHeader, ERROR_TEXTS};
use crate::format::date_time_str;
use crate::i18n::{key, t, tn, IslandTexts};

/// The texts [`LiveProgress`] shows (with [`ERROR_TEXTS`] for an export that fails).
const TEXTS: &[&str] = &[
    key!("export.running"),
    key!("export.done"),
    key!("export.failed"),
    key!("export.rows.one", count),
    key!("export.rows.other", count),
    key!("export.pages.one", count),
    key!("export.pages.other", count),
    key!("export.retries", retries),
    key!("export.progress"),
    key!("export.download"),
    key!("export.failed_lead"),
    key!("export.started", format, started),
    key!("export.refresh"),
    key!("export.back"),
    key!("export.format_csv"),
    key!("export.format_xlsx"),
];

/// Reloads the page without JavaScript (inside `<noscript>`, so hydrated pages poll instead).
const RELOAD: &str = r#"<meta http-equiv="refresh" content="2">"#;

#[component]
pub fn ExportPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let progress = Resource::new(move || id.clone(), export_status);
    view! {
        <PageHeader title=t!("export.title") lead=t!("export.lead")/>
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match progress.await {
                    Ok(progress) => {
                        let texts = IslandTexts::of(&[TEXTS, ERROR_TEXTS].concat());
                        let started = date_time_str(&progress.started_at);
                        view! { <LiveProgress progress started texts/> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The export's progress as the server saw it; with JavaScript, asked again every second while it
/// runs. `started` is when it started, as the server writes dates.
#[island]
fn LiveProgress(progress: ExportProgress, started: String, texts: IslandTexts) -> impl IntoView {
    texts.install();
    let current = RwSignal::new(progress);
    Effect::new(move |_| {
        if current.with(ExportProgress::is_running) {
            let id = current.with_untracked(|p| p.id.clone());
            set_timeout(
                move || {
                    leptos::task::spawn_local(async move {
                        if let Ok(next) = export_status(id).await {
                            let _ = current.try_set(next);
                        }
                    })
                },
                Duration::from_secs(1),
            );
        }
    });
    view! {
        <div data-live=live_mark()>
            {move || view! { <Progress progress=current.get() started=started.clone()/> }}
        </div>
    }
}

#[component]
fn Progress(progress: ExportProgress, started: String) -> impl IntoView {
    let (state, label) = match progress.state {
        ExportState::Running => ("running", t!("export.running")),
        ExportState::Done => ("done", t!("export.done")),
        ExportState::Failed => ("failed", t!("export.failed")),
    };
    let counts = format!(
        "{} · {}",
        tn!("export.rows", progress.rows),
        tn!("export.pages", progress.pages)
    );
    let retries = (progress.retries > 0).then(|| t!("export.retries", retries = progress.retries));
    // Dintero does not say how many merchants a filter matches: the bar has no end until done.
    let bar = match progress.state {
        ExportState::Running => {
            view! { <progress class="w-full" aria-label=t!("export.progress")></progress> }.into_any()
        }
        _ => {
            view! { <progress class="w-full" aria-label=t!("export.progress") value="1" max="1"></progress> }.into_any()
        }
    };
    let format = t(progress.format.label_key());
    let download = (progress.state == ExportState::Done).then(|| {
        let size = format!("{} · {} kB", progress.file_name, progress.bytes.div_ceil(1024));
        view! {
            <a href=progress.download_href() rel="external" download=progress.file_name.clone()
                class="btn-primary self-start" data-testid="export-download">{t!("export.download")}</a>
            <p class="text-muted text-sm">{size}</p>
        }
    });
    let failure = progress.error.clone().map(|error| {
        view! {
            <ErrorNotice error/>
            <p class="text-sm">{t!("export.failed_lead")}</p>
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
            <p class="text-muted text-sm">{t!("export.started", format = format, started = started)}</p>
            {download}
            {failure}
            <p class="flex gap-3 text-sm">
                {running.then(|| view! { <a href=this_page class="underline">{t!("export.refresh")}</a> })}
                <a href=progress.view_href class="underline">{t!("export.back")}</a>
            </p>
        </section>
    }
}
