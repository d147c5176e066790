//! [`NewPackagePage`]: `/price-packages/new`, creating a package (for those whose scopes allow it).

use leptos::prelude::*;

use super::package_editor::{PackageFields, PackageInput};
use super::read::new_package_form;
use super::write::CreatePricePackage;
use crate::auth::{Capability, CurrentUser};
use crate::components::{ErrorNotice, PageHeader};
use crate::error::AppError;
use crate::i18n::t;

#[component]
pub fn NewPackagePage() -> impl IntoView {
    let create = ServerAction::<CreatePricePackage>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let start = Resource::new_blocking(|| (), |_| new_package_form());
    let may_edit = use_context::<CurrentUser>().is_some_and(|u| u.may(Capability::PricePackages));
    view! {
        <p class="mb-4"><a href="/price-packages" class="underline">{t!("packages.back")}</a></p>
        <PageHeader title=t!("packages.new")/>
        {if may_edit {
            view! {
                <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
                    {move || Suspend::new(async move {
                        let start = match start.await {
                            Ok(start) => start,
                            Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                        };
                        let input = PackageInput::default().or_kept(&start.kept);
                        view! {
                            <ActionForm action=create attr:class="card flex flex-col gap-4" attr:novalidate="">
                                <input type="hidden" name="submission" value=start.submission/>
                                <PackageFields input error/>
                                {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
                                <div>
                                    <button type="submit" class="btn-primary" disabled=move || create.pending().get()>{t!("packages.create")}</button>
                                </div>
                            </ActionForm>
                        }.into_any()
                    })}
                </Transition>
            }.into_any()
        } else {
            view! { <ErrorNotice error=AppError::Forbidden/> }.into_any()
        }}
    }
}
