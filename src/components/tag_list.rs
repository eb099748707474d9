use crate::i18n::use_strings;
use crate::model::TermLink;
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

/// The tags of an article, each a link to its tag page.
#[component]
pub fn TagList(
    /// Tags to show; nothing is rendered for none.
    tags: Vec<TermLink>,
    /// Accessible name of the list: by default the interface's word for tags.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| use_strings().tags_label.clone());
    (!tags.is_empty()).then(|| {
        view! {
            <ul class="tag-list" aria-label=label>
                {tags
                    .into_iter()
                    .map(|tag| view! { <li><A exact=true href=site_href(&tag.path())>{tag.name}</A></li> })
                    .collect_view()}
            </ul>
        }
    })
}
