use super::params::use_target;
use crate::components::{ArticleList, ErrorView, ListingSkeleton, PageMeta};
use crate::error::DataError;
use crate::state::{page_resource, SiteData};
use leptos::prelude::*;

/// `/` and `/page/N/`: the latest articles.
#[component]
pub fn HomePage() -> impl IntoView {
    let target = use_target();
    let site = expect_context::<SiteData>().0;
    let listing = page_resource(move |source| {
        let page = target.read().page.clone();
        async move { source.home(page?).await }
    });
    let retry = Callback::new(move |()| {
        site.refetch();
        listing.refetch();
    });
    view! {
        <ErrorBoundary fallback=move |errors| view! { <ErrorView errors retry/> }>
            <Transition fallback=ListingSkeleton>
                {move || Suspend::new(async move {
                    let site = site.await?;
                    let listing = listing.await?;
                    let page = listing.page;
                    let (title, path) = match page {
                        1 => (None, "/".to_owned()),
                        n => (Some(format!("Page {n}")), format!("/page/{n}/")),
                    };
                    Ok::<_, DataError>(view! {
                        <PageMeta site=site.clone() title=title description=site.tagline.clone() path/>
                        <h1 class="page-heading">
                            {if page == 1 { "Latest news".to_owned() } else { format!("Latest news, page {page}") }}
                        </h1>
                        <ArticleList listing first_page_path="/" language=site.language/>
                    })
                })}
            </Transition>
        </ErrorBoundary>
    }
}
