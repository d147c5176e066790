//! [`OverviewPage`]: who is signed in, for which partner, with what access, against which Dintero.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth::CurrentUser;
use crate::i18n::t;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let user = use_context::<CurrentUser>();
    view! {
        <Title text=t!("overview.title")/>
        {user.map(|user| view! {
            <h1 class="mb-1 text-2xl font-semibold">{t!("overview.greeting")}", "{user.display_name().to_owned()}</h1>
            <p class="text-muted mb-8">{t!("overview.lead")}</p>
            <div class="grid gap-4 md:grid-cols-3">
                <section class="card" aria-labelledby="partner-heading">
                    <h2 id="partner-heading" class="card-title">{t!("overview.partner")}</h2>
                    <dl class="facts">
                        <dt>{t!("overview.partner_name")}</dt>
                        <dd>{user.partner_name.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{t!("overview.account_id")}</dt>
                        <dd class="tabular-nums">{user.partner_id.clone()}</dd>
                        <dt>{t!("overview.mode")}</dt>
                        <dd>{if user.is_test_partner() { t!("overview.mode_test") } else { t!("overview.mode_live") }}</dd>
                    </dl>
                </section>
                <section class="card" aria-labelledby="access-heading">
                    <h2 id="access-heading" class="card-title">{t!("overview.access")}</h2>
                    <p class="text-muted mb-3 text-sm">{t!("overview.access_lead")}</p>
                    <ul class="flex flex-wrap gap-1.5" data-testid="scopes">
                        {user.scopes.iter().map(|s| view! { <li><code class="chip">{s.clone()}</code></li> }).collect_view()}
                    </ul>
                </section>
                <section class="card" aria-labelledby="dintero-heading">
                    <h2 id="dintero-heading" class="card-title">{t!("overview.dintero")}</h2>
                    <dl class="facts">
                        <dt>{t!("overview.api")}</dt>
                        <dd class="break-all">{user.dintero_url.clone()}</dd>
                        <dt>{t!("overview.source")}</dt>
                        <dd>{if user.embedded_emulator { t!("overview.source_emulator") } else { t!("overview.source_dintero") }}</dd>
                    </dl>
                </section>
            </div>
        })}
    }
}
