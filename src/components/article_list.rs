use super::{DateTime, Pagination, TagList};
use crate::i18n::use_strings;
use crate::model::{ArticleCard, Listing, Route};
use crate::state::site_href;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

/// One article in a listing: thumbnail, headline, date, author, excerpt, tags.
#[component]
pub fn ArticleSummary(
    /// The article to summarise.
    card: ArticleCard,
    /// The first with a picture in its listing: that picture is likely the largest thing on the
    /// first screen, so it is fetched at once, first, rather than when layout finds it in view.
    #[prop(optional)]
    lead: bool,
    /// The front page's lead story, shown largest.
    #[prop(optional)]
    featured: bool,
    /// Under a heading of its own (a front page's section): its title is a level below.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let path = site_href(&card.path());
    let title_link = view! { <A exact=true href=path.clone()>{card.title}</A> };
    let title = if nested {
        Either::Left(view! { <h3 class="card-title">{title_link}</h3> })
    } else {
        Either::Right(view! { <h2 class="card-title">{title_link}</h2> })
    };
    view! {
        <article class="card" class:card-featured=featured>
            {card.image.map(|image| {
                // The headline below is the link for keyboards and screen readers; the picture
                // is a second, mouse-only way in.
                view! {
                    <A exact=true href=path.clone() attr:class="card-image" attr:tabindex="-1" attr:aria-hidden="true">
                        <img src=image.url width=image.width height=image.height alt=""
                            loading=(!lead).then_some("lazy") fetchpriority=lead.then_some("high")/>
                    </A>
                }
            })}
            <div class="card-text">
                {title}
                <p class="card-meta">
                    <DateTime time=card.published/>
                    " · "
                    <A exact=true href=site_href(&card.author.path())>{card.author.name}</A>
                </p>
                {(!card.excerpt.is_empty()).then(|| view! { <p class="card-excerpt">{card.excerpt}</p> })}
                <TagList tags=card.tags/>
            </div>
        </article>
    }
}

/// A page of articles with the pagination bar under it.
#[component]
pub fn ArticleList(
    /// The page of articles.
    listing: Listing,
    /// The listing (any of its pages), whose pages the pagination bar links to.
    route: Route,
) -> impl IntoView {
    let Listing {
        page,
        total_pages,
        articles,
        ..
    } = listing;
    let is_empty = articles.is_empty();
    // The first picture of the page, not the first card's: that card may have none.
    let lead = articles.iter().position(|card| card.image.is_some());
    view! {
        <div class="article-list">
            {is_empty.then(|| view! { <p class="empty">{use_strings().no_articles.clone()}</p> })}
            // Each page of a listing is rendered whole and replaced whole on navigation, so a
            // keyed <For> would have nothing to diff.
            {articles
                .into_iter()
                .enumerate()
                .map(|(index, card)| view! { <ArticleSummary card lead=Some(index) == lead/> })
                .collect_view()}
        </div>
        <Pagination current=page total=total_pages route/>
    }
}
