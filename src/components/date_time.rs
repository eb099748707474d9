use crate::format::long_date;
use crate::i18n::use_strings;
use crate::model::Timestamp;
use crate::render_mode::RenderMode;
use leptos::prelude::*;

/// A `<time>` element: machine-readable `datetime`, and the date in the interface's language.
#[component]
pub fn DateTime(
    /// The moment to show.
    time: Timestamp,
) -> impl IntoView {
    // A prerendered page being hydrated keeps the date it was drawn with, in its language (Leptos
    // leaves server-rendered text as it is), so the browser's formatter is not built for text that
    // would not be shown: that measured 72 ms on a slow phone's CPU.
    let text = match RenderMode::current().is_hydrating() {
        true => String::new(),
        false => long_date(&time, use_strings().language()),
    };
    view! { <time datetime=time.as_str().to_owned()>{text}</time> }
}
