//! `/search/`: the search page. One prerendered page answers every query: the query is in the
//! address (`?q=`), and the page's script (islands/search.js, loaded by islands/page.js on this
//! page only) asks the site's Pagefind index for it and lists what it finds. The texts it shows
//! are given here, in `data-` attributes, so that every string the reader sees comes from the page.

use crate::components::{PageMeta, SearchForm};
use crate::model::{Route, Site};
use crate::state::site_href;
use leptos::prelude::*;

/// The search page: its field (filled with the query by the script), the status line that says
/// what was found, and the results.
#[component]
pub fn SearchView(site: Site) -> impl IntoView {
    let description = format!("Search {}", site.title);
    view! {
        <PageMeta site title=Some("Search".to_owned()) description path=Route::Search.path() noindex=true/>
        <section class="search-page" data-search="" data-index=site_href(Route::SEARCH_INDEX_PATH)
            data-searching="Searching…"
            data-result-one="# result for “%”"
            data-result-other="# results for “%”"
            data-none="No results for “%”. Try fewer or other words."
            data-failed="Search is not available just now. Please try again later.">
            <h1 class="page-heading">"Search"</h1>
            <SearchForm id="search-page-field" class="search-form" label="Search again"/>
            <p class="search-status" role="status"></p>
            <ol class="search-results"></ol>
            <noscript><p class="search-status">"Search needs JavaScript, which is off in this browser."</p></noscript>
        </section>
    }
}
