use crate::components::{ArticleList, ArticleSummary, PageMeta, Pagination};
use crate::i18n::use_strings;
use crate::model::{ArticleCard, FrontPage, Listing, Route, SectionRow, Site};
use crate::state::site_href;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`: the newest story, largest, then the latest few of each section, then more news, each
/// story once. A site without sections (a WordPress site with nothing but "Uncategorized") gets
/// the plain list of the later pages.
#[component]
pub fn FrontView(site: Site, front: FrontPage) -> impl IntoView {
    if site.sections.is_empty() {
        return view! { <HomeView site listing=front.latest/> }.into_any();
    }
    let FrontPage {
        lead,
        sections,
        more,
        latest,
    } = front;
    let strings = use_strings();
    // The lead's picture is the first screen's largest: fetched at once. Below it, pictures are
    // fetched as they come into view.
    let lead = match lead {
        Some(card) => Either::Left(view! { <ArticleSummary card lead=true featured=true/> }),
        None => Either::Right(view! { <p class="empty">{strings.no_articles.clone()}</p> }),
    };
    let sections = sections
        .into_iter()
        .map(|row| view! { <SectionBlock row/> })
        .collect_view();
    let more = (!more.is_empty()).then(|| {
        view! {
            <section class="front-section" aria-labelledby="more-news">
                <h2 class="front-section-heading" id="more-news">{strings.more_news.clone()}</h2>
                <Stories cards=more/>
            </section>
        }
    });
    view! {
        <PageMeta site=site.clone() title=None description=site.tagline.clone() path=Route::HOME.path()/>
        // The masthead names the site; the page's own heading is for those who move by headings.
        <h1 class="visually-hidden">{strings.latest_news.clone()}</h1>
        <div class="front-page">
            {lead}
            {sections}
            {more}
        </div>
        <Pagination current=1 total=latest.total_pages route=Route::HOME/>
    }
    .into_any()
}

/// A section's block: its name, leading to its page, over its latest stories.
#[component]
fn SectionBlock(row: SectionRow) -> impl IntoView {
    let SectionRow { section, articles } = row;
    let id = format!("section-{}", section.slug.as_str());
    let labelled_by = id.clone();
    view! {
        <section class="front-section" aria-labelledby=labelled_by>
            <h2 class="front-section-heading" id=id>
                <A href=site_href(&section.path())>{section.name}</A>
            </h2>
            <Stories cards=articles/>
        </section>
    }
}

/// Stories under a front page heading, their titles a level below it.
#[component]
fn Stories(cards: Vec<ArticleCard>) -> impl IntoView {
    view! {
        <div class="article-list">
            {cards
                .into_iter()
                .map(|card| view! { <ArticleSummary card nested=true/> })
                .collect_view()}
        </div>
    }
}

/// `/page/N/`, and `/` of a site without sections: the latest articles.
#[component]
pub fn HomeView(site: Site, listing: Listing) -> impl IntoView {
    let page = listing.page;
    let route = Route::Home { page };
    let path = route.path();
    let strings = use_strings();
    let title = (page > 1).then(|| strings.page_number_label(page));
    let heading = strings.page_title(&strings.latest_news, page);
    view! {
        <PageMeta site=site.clone() title=title description=site.tagline.clone() path/>
        <h1 class="page-heading">{heading}</h1>
        <ArticleList listing route/>
    }
}
