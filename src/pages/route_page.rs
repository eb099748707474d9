//! One loading shell for every content route: it asks the data source for the route's data,
//! shows a skeleton meanwhile and an error view (with Retry) when the data cannot be had, and
//! hands the data to the route's view. Keeping the async and error machinery in one place
//! also keeps the wasm small: it is instantiated once, not once per page.

use super::{article, author, home, not_found, search, term};
use crate::components::{ArticleSkeleton, ErrorView, ListingSkeleton, NewerNotice};
use crate::error::DataError;
use crate::model::{
    Article, AuthorPage, Dated, FrontPage, Listing, Route, SearchResults, Site, TermPage, Timestamp,
};
use crate::render_mode::RenderMode;
use crate::source::newer::NewerCheck;
use crate::state::{AppSource, CurrentSite};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Which kind of page is shown: one [`RoutePage`] serves each kind, so that within a kind (the
/// next page of a listing, another article) the page shown stays until the next has arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Listing,
    Article,
}

impl Kind {
    fn of(route: &Route) -> Self {
        match route {
            Route::Article(_) => Self::Article,
            Route::Home { .. } | Route::Term { .. } | Route::Author { .. } | Route::Search => {
                Self::Listing
            }
        }
    }
}

/// The data of one route, as the data source returned it.
#[derive(Clone)]
enum PageData {
    /// The home page's first page.
    Front(Box<FrontPage>),
    /// Its later pages.
    Home(Listing),
    Article(Box<Article>),
    Term(TermPage),
    Author(AuthorPage),
    /// The search page: what the source found, or `None` where the page's script asks the site's
    /// index.
    Search(Option<SearchResults>),
}

impl PageData {
    /// What the page is current to: its newest article's publication, or the article's last
    /// change (see [`NewerCheck::since`]).
    fn since(&self) -> Option<&Timestamp> {
        fn newest(listing: &Listing) -> Option<&Timestamp> {
            listing.articles.iter().map(|card| &card.published).max()
        }
        match self {
            Self::Front(front) => newest(&front.latest),
            Self::Home(listing) => newest(listing),
            Self::Term(TermPage { listing, .. }) | Self::Author(AuthorPage { listing, .. }) => {
                newest(listing)
            }
            Self::Article(article) => Some(article.last_change()),
            Self::Search(_) => None,
        }
    }
}

/// What a page shows: the site, the route's data, and, on a prerendered page, how it asks
/// whether its source has anything newer.
type Loaded = (Site, PageData, Option<NewerCheck>);

/// The site and the route's data, fetched side by side; the check when `prerendering`. `query`
/// is the search page's, which a source that searches itself is asked, unless `prerendering`: a
/// prerendered search page answers every query through the site's index.
async fn load(
    source: AppSource,
    route: Route,
    query: Option<String>,
    prerendering: bool,
) -> Result<Loaded, DataError> {
    let query = query.filter(|_| !prerendering);
    let (site, data) = futures::join!(source.site(), load_data(&source, route.clone(), query));
    // The site's error first, as before the check existed: it names a wrong source.url.
    let (site, data) = (site?, data?);
    let newer = match prerendering && route != Route::Search {
        true => source.newer_check(&route, data.since()).await?,
        false => None,
    };
    Ok((site, data, newer))
}

async fn load_data(
    source: &AppSource,
    route: Route,
    query: Option<String>,
) -> Result<PageData, DataError> {
    Ok(match route {
        Route::Home { page: 1 } => PageData::Front(Box::new(source.front_page().await?)),
        Route::Home { page } => PageData::Home(source.home(page).await?),
        Route::Article(slug) => PageData::Article(Box::new(source.article(&slug).await?)),
        Route::Term {
            taxonomy,
            slug,
            page,
        } => PageData::Term(source.term_page(taxonomy, &slug, page).await?),
        Route::Author { slug, page } => PageData::Author(source.author_page(&slug, page).await?),
        Route::Search => PageData::Search(match query.as_deref().map(str::trim) {
            // Prerendering: the site's index answers.
            None => None,
            // Nothing asked yet: the page waits in its field.
            Some("") => source.is_live().then(|| SearchResults {
                query: String::new(),
                total: 0,
                articles: Vec::new(),
            }),
            Some(query) => source.search(query).await?,
        }),
    })
}

fn render((site, data, newer): Loaded) -> AnyView {
    let notice = newer.map(|check| view! { <NewerNotice check/> });
    let page = match data {
        PageData::Front(front) => view! { <home::FrontView site front=*front/> }.into_any(),
        PageData::Home(listing) => view! { <home::HomeView site listing/> }.into_any(),
        PageData::Article(article) => {
            view! { <article::ArticleView site article=*article/> }.into_any()
        }
        PageData::Term(term_page) => view! { <term::TermView site term_page/> }.into_any(),
        PageData::Author(author_page) => {
            view! { <author::AuthorView site author_page/> }.into_any()
        }
        PageData::Search(found) => view! { <search::SearchView site found/> }.into_any(),
    };
    view! { {page} {notice} }.into_any()
}

/// The page at the router's path (its only route, `/*path`): what [`Route`] reads the path as,
/// or "not found" for a path that names no page.
#[component]
pub fn RoutePage() -> impl IntoView {
    let params = use_params_map();
    let route = Memo::new(move |_| {
        let path = params.read().get("path").unwrap_or_default();
        Route::parse(&format!("/{path}"))
    });
    let kind = Memo::new(move |_| route.read().as_ref().map(Kind::of));
    move || match kind.get() {
        Some(kind) => Either::Left(view! { <KindPage kind route/> }),
        None => Either::Right(view! { <not_found::NotFoundPage/> }),
    }
}

/// Loads and shows the current route's page, for pages of one kind.
#[component]
fn KindPage(kind: Kind, route: Memo<Option<Route>>) -> impl IntoView {
    let source = expect_context::<AppSource>();
    let current_site = expect_context::<CurrentSite>().0;
    // Not a `LocalResource`, which always waits a tick: when the data is at hand (prerendering,
    // hydrating) the first poll has it, so the page is drawn in the first pass, as prerendered.
    let refetches = RwSignal::new(0_u32);
    let query = use_query_map();
    // Only a prerendered page can fall behind its source: the app reads it as it is. (Never on
    // the browser's side, whose app then carries none of it.)
    let prerendering =
        !cfg!(target_arch = "wasm32") && RenderMode::current() == RenderMode::Prerendering;
    let data = AsyncDerived::new_unsync(move || {
        refetches.track();
        let route = route.get().unwrap_or(Route::HOME);
        // Only the search page reads the query: another page is not loaded again when it changes.
        let query = (route == Route::Search).then(|| query.read().get("q").unwrap_or_default());
        load(source.clone(), route, query, prerendering)
    });
    Effect::new(move || {
        let loaded = data.with(|result| match result {
            Some(Ok((site, ..))) => Some(site.clone()),
            _ => None,
        });
        if let Some(site) = loaded {
            if current_site.with_untracked(|current| current.as_ref() != Some(&site)) {
                current_site.set(Some(site));
            }
        }
    });
    let retry = Callback::new(move |()| refetches.update(|count| *count += 1));
    let skeleton = move || match kind {
        Kind::Article => Either::Left(view! { <ArticleSkeleton/> }),
        Kind::Listing => Either::Right(view! { <ListingSkeleton/> }),
    };
    view! {
        <ErrorBoundary fallback=move |errors| view! { <ErrorView errors retry/> }>
            <Transition fallback=skeleton>
                {move || Suspend::new(async move {
                    Ok::<_, DataError>(render(data.await?))
                })}
            </Transition>
        </ErrorBoundary>
    }
}
