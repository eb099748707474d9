//! `/search/`: the search page. One prerendered page answers every query: the query is in the
//! address (`?q=`), and the page's script (islands/search.js, loaded by islands/page.js on this
//! page only) asks the site's Pagefind index for it and lists what it finds. The texts it shows
//! are given here, in `data-` attributes, so that every string the reader sees comes from the page.
//! Where the app draws the page from a source that searches itself (a live WordPress site), the
//! results come with the page instead, in the same markup.

use crate::components::{PageMeta, SearchForm};
use crate::format::{search, search_status};
use crate::model::{Route, SearchResults, Site};
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

/// The search page: its field (filled with the query), the status line that says what was
/// found, and the results: the `found` ones, or, without them, those the site's index finds.
#[component]
pub fn SearchView(site: Site, found: Option<SearchResults>) -> impl IntoView {
    let description = format!("Search {}", site.title);
    let meta = view! {
        <PageMeta site title=Some("Search".to_owned()) description path=Route::Search.path() noindex=true/>
    };
    let Some(found) = found else {
        return view! {
            {meta}
            <section class="search-page" data-search="" data-index=site_href(Route::SEARCH_INDEX_PATH)
                data-searching=search::SEARCHING
                data-result-one=search::RESULT_ONE
                data-result-other=search::RESULT_OTHER
                data-none=search::NONE
                data-failed=search::FAILED>
                <h1 class="page-heading">"Search"</h1>
                <SearchForm id="search-page-field" class="search-form" label="Search again"/>
                <p class="search-status" role="status"></p>
                <ol class="search-results"></ol>
                <noscript><p class="search-status">"Search needs JavaScript, which is off in this browser."</p></noscript>
            </section>
        }
        .into_any();
    };
    let asked = !found.query.is_empty();
    let state = asked.then_some(if found.total > 0 { "found" } else { "none" });
    let status = asked.then(|| search_status(found.total, &found.query));
    let results = found
        .articles
        .into_iter()
        .map(|card| {
            view! {
                <li class="search-result">
                    <h2 class="card-title"><A exact=true href=site_href(&card.path())>{card.title}</A></h2>
                    <p class="search-excerpt">{card.excerpt}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        {meta}
        <section class="search-page" data-state=state>
            <h1 class="page-heading">"Search"</h1>
            <SearchForm id="search-page-field" class="search-form" label="Search again" value=found.query/>
            <p class="search-status" role="status">{status}</p>
            <ol class="search-results">{results}</ol>
        </section>
    }
    .into_any()
}
