//! What the queue and the pipeline share on the page: the reads ([`Gathering`]), the line that says
//! how the reading goes, the failures, the view switch, and ages.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::queue_item::{Batch, Failure};
use super::read::{review_merchants, review_slice};
use super::slices::{slice, SLICES};
use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{key, t, tn};
use crate::portfolio_scan::MerchantList;

/// The merchant list and one read per slice of it, all created when the page is, so their ids are
/// the same on the server and when the browser hydrates. All slices are asked for at once; the
/// server reads the list once for them and bounds the requests in flight to Dintero.
#[derive(Clone, Copy)]
pub struct Gathering {
    pub merchants: Resource<Result<MerchantList, AppError>>,
    pub reads: [Resource<Result<Batch, AppError>>; SLICES],
}

impl Gathering {
    /// Reads again whenever `merchant` (Dintero's account search) changes.
    pub fn start(merchant: impl Fn() -> String + Copy + Send + Sync + 'static) -> Self {
        let merchants = Resource::new(merchant, review_merchants);
        let reads = std::array::from_fn(|i| Resource::new(merchant, move |merchant| review_slice(merchant, i)));
        Self { merchants, reads }
    }

    /// Waits for everything: the list, all that was read, and the failures (a slice refused as a
    /// whole counts as a failure of each of its merchants).
    pub async fn all(self) -> Result<(Batches, Batch), AppError> {
        let list = self.merchants.await?;
        let mut all = Batch::default();
        for (index, read) in self.reads.into_iter().enumerate() {
            match read.await {
                Ok(batch) => {
                    all.items.extend(batch.items);
                    all.failures.extend(batch.failures);
                }
                Err(error) => all
                    .failures
                    .extend(slice(&list.merchants, index).iter().map(|m| Failure {
                        account_id: m.account_id.clone(),
                        kind: None,
                        status: None,
                        error: error.clone(),
                    })),
            }
        }
        Ok((Batches { list }, all))
    }
}

/// The rows (`<tr>`s) of one slice once read, from the merchant list, the slice's index and what
/// the slice had waiting.
pub type SliceRows = Arc<dyn Fn(MerchantList, usize, Batch) -> AnyView + Send + Sync>;

/// What is read so far: the reading note, then under one `head` one table per slice as it arrives
/// (a suspense is never a table's child), all laid out alike. It gives way to the sorted list
/// (`.review-done`) by a CSS rule on `.review-live`.
#[component]
pub fn Live(gathering: Gathering, testid: &'static str, #[prop(into)] head: ViewFn, rows: SliceRows) -> impl IntoView {
    let merchants = gathering.merchants;
    view! {
        <Suspense fallback=|| view! { <p class="text-muted">{t!("review.reading.listing")}</p> }>
            {move || Suspend::new(async move {
                match merchants.await {
                    Ok(list) => view! { <ReadingNote batches=Batches { list }/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
        <div class="review-live card mb-4 overflow-x-auto p-0" data-testid=testid>
            <table class="data-table table-fixed">{head.run()}</table>
            {gathering.reads.into_iter().enumerate().map(|(index, read)| {
                let rows = Arc::clone(&rows);
                view! {
                    <Suspense fallback=|| ()>
                        {move || {
                            let rows = Arc::clone(&rows);
                            Suspend::new(async move {
                                let (Ok(list), Ok(batch)) = (merchants.await, read.await) else {
                                    return ().into_any();
                                };
                                view! {
                                    <table class="data-table table-fixed" data-batch=index>
                                        <tbody>{rows(list, index, batch)}</tbody>
                                    </table>
                                }.into_any()
                            })
                        }}
                    </Suspense>
                }
            }).collect_view()}
        </div>
    }
}

/// The merchant list once read.
#[derive(Clone)]
pub struct Batches {
    pub list: MerchantList,
}

impl Batches {
    pub fn name_of(&self, aid: &str) -> String {
        self.list
            .merchants
            .iter()
            .find(|m| m.account_id == aid)
            .map_or_else(|| aid.to_owned(), |m| m.name.clone())
    }
}

/// "Reading 500 merchants in 20 batches…", with the scan limit when it was reached.
#[component]
pub fn ReadingNote(batches: Batches) -> impl IntoView {
    let merchants = batches.list.merchants.len();
    view! {
        <p class="text-muted mb-2 text-sm" data-testid="reading-note">
            {format!(
                "{} · {} · {}",
                tn!("review.reading.merchants", merchants),
                t!("review.reading.batches", count = SLICES),
                t!("review.reading.arrive"),
            )}
            {use_context::<crate::auth::CurrentUser>()
                .is_some_and(|u| !super::queue_item::reads_cdd(&u.scopes))
                .then(|| view! { <span class="ml-1" data-testid="no-cdd">{t!("review.reading.no_cdd")}</span> })}
            {(!batches.list.complete).then(|| view! {
                <strong class="ml-1">{t!("review.reading.limit", limit = crate::portfolio_scan::SCAN_LIMIT)}</strong>
            })}
        </p>
    }
}

/// The merchants (or kinds of a merchant) that could not be read, and why.
#[component]
pub fn Failures(failures: Vec<Failure>, batches: Batches) -> impl IntoView {
    if failures.is_empty() {
        return ().into_any();
    }
    view! {
        <section role="alert" class="notice-error mb-4" data-testid="review-failures">
            <p class="font-medium">{t!("review.failures.title", count = failures.len())}</p>
            <p class="text-sm">{t!("review.failures.lead")}</p>
            <ul class="mt-2 list-disc pl-5 text-sm">
                {failures.into_iter().map(|f| {
                    let what = f.kind.map_or_else(|| t!("review.failures.merchant"), |k| t(k.label_key()));
                    let status = f.status.map(|s| format!(" (Dintero {s})")).unwrap_or_default();
                    view! {
                        <li data-account=f.account_id.clone()>
                            <a href=format!("/accounts/{}", crate::url::encode_path(&f.account_id)) class="underline">
                                {format!("{} ({})", batches.name_of(&f.account_id), f.account_id)}
                            </a>
                            {format!(" · {what}: {}{status}", t(f.error.message_key()))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// Queue / Pipeline, keeping the merchant filter.
#[component]
pub fn ViewSwitch(current: &'static str, merchant: String) -> impl IntoView {
    let pairs: Vec<(&str, String)> = Some(("merchant", merchant))
        .filter(|(_, m)| !m.is_empty())
        .into_iter()
        .collect();
    let views = [
        ("queue", "/onboarding", key!("review.view.queue")),
        ("pipeline", "/onboarding/pipeline", key!("review.view.pipeline")),
    ];
    view! {
        <nav aria-label=t!("review.view.label") class="mb-4">
            <ul class="flex gap-1 rounded-lg bg-canvas p-1">
                {views.into_iter().map(|(name, path, key)| {
                    let current = (name == current).then_some("page");
                    view! { <li><a href=crate::paging::href(path, &pairs) class="tab" aria-current=current>{t(key)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// How long ago `at` was, in whole days (or hours under a day): `12 d`, `5 h`.
pub fn age(now: DateTime<Utc>, at: Option<DateTime<Utc>>) -> String {
    let Some(at) = at else { return String::new() };
    let elapsed = now - at;
    if elapsed.num_days() >= 1 {
        t!("review.unit.days", days = elapsed.num_days())
    } else if elapsed.num_hours() >= 1 {
        t!("review.unit.hours", hours = elapsed.num_hours())
    } else {
        t!("review.unit.under_an_hour").to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_days_then_hours() {
        let now: DateTime<Utc> = "2026-11-21T12:00:00Z".parse().unwrap();
        let at = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
        assert_eq!(age(now, at("2026-11-09T11:00:00Z")), "12 d");
        assert_eq!(age(now, at("2026-11-21T07:30:00Z")), "4 h");
        assert_eq!(age(now, at("2026-11-21T11:30:00Z")), "< 1 h");
        assert_eq!(age(now, None), "");
    }
}
