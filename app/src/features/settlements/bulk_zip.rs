//! [`BulkZip`]: the settlements page's "download as one ZIP" form, an island. The form is a plain
//! GET to the ZIP route, so it works without JavaScript (the browser's download bar shows the
//! progress); with it, the island asks [`settlement_zip_progress`] how far the ZIP has come and
//! shows it beside the form.

use leptos::prelude::*;

use super::read::settlement_zip_progress;
use super::zip_progress::ZipProgress;
use crate::components::live_mark;
use crate::i18n::{key, t, tn, IslandTexts};

/// The id of the bulk ZIP form, which the rows' checkboxes belong to.
pub const BULK_FORM: &str = "bulk-zip";

/// The texts the island shows.
pub const BULK_ZIP_TEXTS: &[&str] = &[
    key!("settlements.zip.title"),
    key!("settlements.zip.lead"),
    key!("settlements.zip.selected"),
    key!("settlements.zip.all"),
    key!("settlements.zip.preparing"),
    key!("settlements.zip.running"),
    key!("settlements.zip.done"),
    key!("settlements.zip.broken"),
    key!("settlements.zip.files.one", count, handled, size),
    key!("settlements.zip.files.other", count, handled, size),
    key!("settlements.zip.failed.one", count),
    key!("settlements.zip.failed.other", count),
];

/// Downloads the chosen settlements' files (or all in the filtered view, every page) as one ZIP
/// from `action`, with the filter's `hidden` fields and the progress id `token` the server made
/// for this page.
#[island]
pub fn BulkZip(action: String, hidden: Vec<(String, String)>, token: String, texts: IslandTexts) -> impl IntoView {
    texts.install();
    let progress = RwSignal::new(None::<ZipProgress>);
    let started = RwSignal::new(false);
    let on_submit = {
        let token = token.clone();
        move |_| {
            started.set(true);
            progress.set(None);
            follow(token.clone(), progress, 0);
        }
    };
    let hidden = hidden
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    view! {
        <form id=BULK_FORM method="get" action=action data-live=live_mark()
            class="card mt-4 flex flex-col gap-3" aria-label=t!("settlements.zip.title") on:submit=on_submit>
            {hidden}
            <input type="hidden" name="progress" value=token/>
            <div>
                <h2 class="font-semibold">{t!("settlements.zip.title")}</h2>
                <p class="text-muted text-sm">{t!("settlements.zip.lead")}</p>
            </div>
            <div class="flex flex-wrap gap-2">
                <button type="submit" name="scope" value="selected" class="btn-primary">{t!("settlements.zip.selected")}</button>
                <button type="submit" name="scope" value="all" class="btn-ghost">{t!("settlements.zip.all")}</button>
            </div>
            <div role="status" aria-live="polite" data-testid="zip-progress">
                {move || started.get().then(|| view! { <ZipProgressView progress=progress.get()/> })}
            </div>
        </form>
    }
}

/// Asks how far the ZIP `token` has come, again every 0.7 s until it ends (or for about 25 min).
fn follow(token: String, progress: RwSignal<Option<ZipProgress>>, tries: u32) {
    leptos::task::spawn_local(async move {
        let answer = settlement_zip_progress(token.clone()).await;
        if progress.is_disposed() {
            return;
        }
        let finished = matches!(&answer, Ok(Some(p)) if p.finished);
        if let Ok(Some(answer)) = answer {
            progress.set(Some(answer));
        }
        if !finished && tries < 2_000 {
            set_timeout(
                move || follow(token, progress, tries + 1),
                std::time::Duration::from_millis(700),
            );
        }
    });
}

#[component]
fn ZipProgressView(progress: Option<ZipProgress>) -> impl IntoView {
    let Some(p) = progress else {
        return view! { <p class="text-sm">{t!("settlements.zip.preparing")}</p> }.into_any();
    };
    let handled = p.files_done + p.files_failed;
    let state = if p.broken.is_some() {
        "broken"
    } else if p.finished {
        "done"
    } else {
        "running"
    };
    let headline = match state {
        "broken" => t!("settlements.zip.broken"),
        "done" => t!("settlements.zip.done"),
        _ => t!("settlements.zip.running"),
    };
    view! {
        <div class="flex flex-col gap-1 text-sm" data-state=state>
            <p class="font-medium">{headline}</p>
            <progress class="w-full" max=p.files_total.max(1) value=handled></progress>
            <p class="tabular-nums">
                {tn!("settlements.zip.files", p.files_total, handled = handled, size = crate::format::bytes(p.bytes))}
                {(p.files_failed > 0).then(|| format!(" · {}", tn!("settlements.zip.failed", p.files_failed)))}
            </p>
            {p.broken.map(|why| view! { <p class="field-error">{why}</p> })}
        </div>
    }
    .into_any()
}
