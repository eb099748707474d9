use crate::i18n::use_strings;
use crate::model::{page_links, PageLink, Route};
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

/// Previous / next links and page numbers, following WordPress's `/page/N/` permalinks.
/// Nothing is rendered for a listing of one page.
#[component]
pub fn Pagination(
    /// The page shown, from 1.
    current: u32,
    /// How many pages the listing has.
    total: u32,
    /// The listing (any of its pages).
    route: Route,
) -> impl IntoView {
    let path = move |page: u32| site_href(&route.with_page(page).path());
    (total > 1).then(|| {
        let strings = use_strings();
        let (newer, older) = (strings.newer_page.clone(), strings.older_page.clone());
        let previous = (current > 1).then(
            || view! { <A exact=true href=path(current - 1) attr:rel="prev" attr:class="newer">{newer}</A> },
        );
        let next = (current < total).then(
            || view! { <A exact=true href=path(current + 1) attr:rel="next" attr:class="older">{older}</A> },
        );
        let pages_label = strings.pages_label.clone();
        let numbers = page_links(current, total)
            .into_iter()
            .map(move |link| match link {
                PageLink::Page {
                    number,
                    current: true,
                } => view! { <li><span class="current" aria-current="page">{strings.number(number.into())}</span></li> }
                    .into_any(),
                PageLink::Page { number, .. } => {
                    let (label, text) = (strings.page_number_label(number), strings.number(number.into()));
                    view! { <li><A exact=true href=path(number) attr:aria-label=label>{text}</A></li> }
                        .into_any()
                }
                PageLink::Gap => view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any(),
            })
            .collect_view();
        view! {
            <nav class="pagination" aria-label=pages_label>
                {previous}
                <ol>{numbers}</ol>
                {next}
            </nav>
        }
    })
}
