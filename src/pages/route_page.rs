//! One loading shell for every content route: it asks the data source for the route's data,
//! shows a skeleton meanwhile and an error view (with Retry) when the data cannot be had, and
//! hands the data to the route's view. Keeping the async and error machinery in one place
//! also keeps the wasm small: it is instantiated once, not once per page.

use super::{article, author, home, not_found, tag};
use crate::components::{ArticleSkeleton, ErrorView, ListingSkeleton};
use crate::error::DataError;
use crate::model::{Article, AuthorPage, Listing, Route, Site, TagPage};
use crate::state::{AppSource, CurrentSite};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
            Route::Home { .. } | Route::Tag { .. } | Route::Author { .. } => Self::Listing,
        }
    }
}

/// The data of one route, as the data source returned it.
#[derive(Clone)]
enum PageData {
    Home(Listing),
    Article(Box<Article>),
    Tag(TagPage),
    Author(AuthorPage),
}

/// The site and the route's data, fetched side by side.
async fn load(source: AppSource, route: Route) -> Result<(Site, PageData), DataError> {
    let (site, data) = futures::join!(source.site(), load_data(&source, route));
    Ok((site?, data?))
}

async fn load_data(source: &AppSource, route: Route) -> Result<PageData, DataError> {
    Ok(match route {
        Route::Home { page } => PageData::Home(source.home(page).await?),
        Route::Article(slug) => PageData::Article(Box::new(source.article(&slug).await?)),
        Route::Tag { slug, page } => PageData::Tag(source.tag_page(&slug, page).await?),
        Route::Author { slug, page } => PageData::Author(source.author_page(&slug, page).await?),
    })
}

fn render(site: Site, data: PageData) -> AnyView {
    match data {
        PageData::Home(listing) => view! { <home::HomeView site listing/> }.into_any(),
        PageData::Article(article) => {
            view! { <article::ArticleView site article=*article/> }.into_any()
        }
        PageData::Tag(tag_page) => view! { <tag::TagView site tag_page/> }.into_any(),
        PageData::Author(author_page) => {
            view! { <author::AuthorView site author_page/> }.into_any()
        }
    }
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
    let data = AsyncDerived::new_unsync(move || {
        refetches.track();
        let route = route.get().unwrap_or(Route::HOME);
        load(source.clone(), route)
    });
    Effect::new(move || {
        let loaded = data.with(|result| match result {
            Some(Ok((site, _))) => Some(site.clone()),
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
                    let (site, data) = data.await?;
                    Ok::<_, DataError>(render(site, data))
                })}
            </Transition>
        </ErrorBoundary>
    }
}
