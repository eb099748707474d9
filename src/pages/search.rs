//! `/search/`: the search page. One prerendered page answers every query: the query is in the
//! address (`?q=`), and the page's script (islands/search.js, loaded by islands/page.js on this
//! page only) asks the site's Pagefind index for it and lists what it finds. The texts it shows
//! are given here, in `data-` attributes, so that every string the reader sees comes from the page.
//! Where the app draws the page from a source that searches itself (a live WordPress site), the
//! results come with the page instead, in the same markup.

use crate::components::{PageMeta, SearchForm};
use crate::i18n::{use_strings, Strings};
use crate::model::{Route, SearchResults, Site};
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

/// The search page: its field (filled with the query), the status line that says what was
/// found, and the results: the `found` ones, or, without them, those the site's index finds.
#[component]
pub fn SearchView(site: Site, found: Option<SearchResults>) -> impl IntoView {
    let strings = use_strings();
    let description = strings.fill(&strings.search_description, &[("site", &site.title)]);
    let meta = view! {
        <PageMeta site title=Some(strings.search_title.clone()) description path=Route::Search.path() noindex=true/>
    };
    let Some(found) = found else {
        return view! {
            {meta}
            <section class="search-page" data-search="" data-index=site_href(Route::SEARCH_INDEX_PATH)
                data-searching=strings.searching.clone()
                data-results=strings.plural_forms(&strings.search_results)
                data-none=strings.search_none.clone()
                data-failed=strings.search_failed.clone()>
                <h1 class="page-heading">{strings.search_title.clone()}</h1>
                <SearchForm id="search-page-field" class="search-form" label=strings.search_again.clone()/>
                <p class="search-status" role="status"></p>
                <ol class="search-results"></ol>
                <noscript><p class="search-status">{strings.search_needs_script.clone()}</p></noscript>
            </section>
        }
        .into_any();
    };
    let asked = !found.query.is_empty();
    let state = asked.then_some(if found.total > 0 { "found" } else { "none" });
    let status = asked.then(|| search_status(&strings, found.total, &found.query));
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
            <h1 class="page-heading">{strings.search_title.clone()}</h1>
            <SearchForm id="search-page-field" class="search-form" label=strings.search_again.clone() value=found.query/>
            <p class="search-status" role="status">{status}</p>
            <ol class="search-results">{results}</ol>
        </section>
    }
    .into_any()
}

/// The status line for `count` results of `query`, as the page's script words it
/// (islands/search.js).
fn search_status(strings: &Strings, count: u32, query: &str) -> String {
    match count {
        0 => strings.fill(&strings.search_none, &[("query", query)]),
        count => strings.count(&strings.search_results, count.into(), &[("query", query)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_status_counts_the_results_of_the_query() {
        let strings = Strings::english();
        assert_eq!(
            search_status(&strings, 0, "gulls"),
            "No results for “gulls”. Try fewer or other words."
        );
        assert_eq!(search_status(&strings, 1, "gulls"), "1 result for “gulls”");
        assert_eq!(
            search_status(&strings, 12, "{count} off"),
            "12 results for “{count} off”"
        );
    }
}
