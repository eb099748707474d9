use crate::error::DataError;
use crate::i18n::use_strings;
use crate::state::site_href;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// What a reader sees when a page's data could not be had: "not found" as a real not-found page,
/// anything else as an explanation with a Retry button.
#[component]
pub fn ErrorView(
    /// The errors caught by the page's `ErrorBoundary`.
    errors: ArcRwSignal<Errors>,
    /// Asks for the page's data again.
    retry: Callback<()>,
) -> impl IntoView {
    let strings = use_strings();
    move || {
        let error = errors.read().iter().next().map(|(_, error)| error.clone());
        let data_error = error
            .as_ref()
            .and_then(|error| error.downcast_ref::<DataError>().cloned());
        if let Some(DataError::NotFound { .. }) = data_error {
            return view! { <NotFound/> }.into_any();
        }
        let (heading, advice) = strings.data_error(data_error.as_ref());
        let detail = error.map(|error| error.to_string()).unwrap_or_default();
        view! {
            <Title text=heading.clone()/>
            <section class="error-view" role="alert" aria-labelledby="error-heading">
                <h1 id="error-heading">{heading}</h1>
                <p>{advice}</p>
                <p class="error-detail">{detail}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>{strings.retry.clone()}</button>
            </section>
        }
        .into_any()
    }
}

/// The not-found page: for unknown paths and for unknown slugs alike.
#[component]
pub fn NotFound() -> impl IntoView {
    let strings = use_strings();
    view! {
        <Title text=strings.not_found_title.clone()/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{strings.not_found_title.clone()}</h1>
            <p>{strings.not_found_text.clone()}</p>
            <p><A exact=true href=site_href("/")>{strings.not_found_home.clone()}</A></p>
        </section>
    }
}
