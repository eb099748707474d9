use crate::format::long_date;
use crate::model::Timestamp;
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
    let text = long_date(&time, &language);
    view! { <time datetime=time.as_str().to_owned()>{text}</time> }
}
