//! One loading shell for every content route: it asks the data source for the route's data,
//! shows a skeleton meanwhile and an error view (with Retry) when the data cannot be had, and
//! hands the data to the route's view. Keeping the async and error machinery in one place
//! also keeps the wasm small: it is instantiated once, not once per page.

use super::params::{use_target, Target};
use super::{article, author, home, tag};
use crate::components::{ArticleSkeleton, ErrorView, ListingSkeleton};
use crate::error::DataError;
use crate::model::{Article, AuthorPage, Listing, Site, TagPage};
use crate::state::{AppSource, CurrentSite};
use leptos::prelude::*;

/// Which content route is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentRoute {
    /// `/` and `/page/N/`.
    Home,
    /// `/<slug>/`.
    Article,
    /// `/tag/<slug>/` and its pages.
    Tag,
    /// `/author/<slug>/` and its pages.
    Author,
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
async fn load(
    source: AppSource,
    route: ContentRoute,
    target: Target,
) -> Result<(Site, PageData), DataError> {
    let (site, data) = futures::join!(source.site(), load_data(&source, route, target));
    Ok((site?, data?))
}

async fn load_data(
    source: &AppSource,
    route: ContentRoute,
    target: Target,
) -> Result<PageData, DataError> {
    Ok(match route {
        ContentRoute::Home => PageData::Home(source.home(target.page?).await?),
        ContentRoute::Article => PageData::Article(Box::new(source.article(&target.slug?).await?)),
        ContentRoute::Tag => PageData::Tag(source.tag_page(&target.slug?, target.page?).await?),
        ContentRoute::Author => {
            PageData::Author(source.author_page(&target.slug?, target.page?).await?)
        }
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

/// Loads and shows the current route's page. Within a route (the next page of a listing) the
/// page shown stays until the next one has arrived.
#[component]
pub fn RoutePage(
    /// The route this instance serves.
    route: ContentRoute,
) -> impl IntoView {
    let target = use_target();
    let source = expect_context::<AppSource>();
    let current_site = expect_context::<CurrentSite>().0;
    // Not a `LocalResource`, which always waits a tick: when the data is at hand (prerendering,
    // hydrating) the first poll has it, so the page is drawn in the first pass, as prerendered.
    let refetches = RwSignal::new(0_u32);
    let data = AsyncDerived::new_unsync(move || {
        refetches.track();
        load(source.clone(), route, target.get())
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
    let skeleton = move || match route {
        ContentRoute::Article => view! { <ArticleSkeleton/> }.into_any(),
        ContentRoute::Home | ContentRoute::Tag | ContentRoute::Author => {
            view! { <ListingSkeleton/> }.into_any()
        }
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
