use crate::error::DataError;
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
    move || {
        let error = errors.read().iter().next().map(|(_, error)| error.clone());
        let data_error = error
            .as_ref()
            .and_then(|error| error.downcast_ref::<DataError>().cloned());
        if let Some(DataError::NotFound { .. }) = data_error {
            return view! { <NotFound/> }.into_any();
        }
        let (heading, advice) = match &data_error {
            Some(DataError::Network { .. }) => {
                ("Can’t reach the news server", "Check your connection, then try again.".to_owned())
            }
            Some(DataError::Timeout { after_ms }) => (
                "The news server is not answering",
                format!("It gave no answer within {} seconds. It may be busy; try again in a moment.", after_ms / 1000),
            ),
            Some(DataError::Server { status, .. }) => (
                "The news server had a problem",
                format!("It answered with an error (HTTP {status}). Try again in a moment."),
            ),
            Some(DataError::BadData { .. }) => (
                "This page’s data is damaged",
                "The server sent something Broadsheet cannot read. If trying again does not help, please tell the site’s editors.".to_owned(),
            ),
            Some(DataError::NotFound { .. }) | None => ("Something went wrong", "Try again in a moment.".to_owned()),
        };
        let detail = error.map(|error| error.to_string()).unwrap_or_default();
        view! {
            <Title text=heading/>
            <section class="error-view" role="alert" aria-labelledby="error-heading">
                <h1 id="error-heading">{heading}</h1>
                <p>{advice}</p>
                <p class="error-detail">{detail}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>"Retry"</button>
            </section>
        }
        .into_any()
    }
}

/// The not-found page: for unknown paths and for unknown slugs alike.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p><A exact=true href=site_href("/")>"Go to the front page"</A></p>
        </section>
    }
}
