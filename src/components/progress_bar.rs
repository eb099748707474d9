use crate::state::Loading;
use leptos::prelude::*;

/// A thin bar across the top of the window while data is being fetched, so a slow route change
/// never looks like a frozen page. Decorative: the page's own loading states speak to screen readers.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let loading = expect_context::<Loading>();
    view! { <div class="progress-bar" class:active=move || loading.is_loading() aria-hidden="true"></div> }
}
