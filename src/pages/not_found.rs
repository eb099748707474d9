use crate::components::NotFound;
use leptos::prelude::*;

/// Any address that no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
