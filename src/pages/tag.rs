use super::params::use_target;
use crate::components::{ArticleList, ErrorView, ListingSkeleton, PageMeta};
use crate::error::DataError;
use crate::format::article_count;
use crate::model::listing_page_path;
use crate::state::{page_resource, SiteData};
use leptos::prelude::*;

/// `/tag/<slug>/` and its pages: the tag's name, description and count, then its articles.
#[component]
pub fn TagPage() -> impl IntoView {
    let target = use_target();
    let site = expect_context::<SiteData>().0;
    let tag_page = page_resource(move |source| {
        let target = target.get();
        async move { source.tag_page(&target.slug?, target.page?).await }
    });
    let retry = Callback::new(move |()| {
        site.refetch();
        tag_page.refetch();
    });
    view! {
        <ErrorBoundary fallback=move |errors| view! { <ErrorView errors retry/> }>
            <Transition fallback=ListingSkeleton>
                {move || Suspend::new(async move {
                    let site = site.await?;
                    let crate::model::TagPage { tag, listing } = tag_page.await?;
                    let first_page = tag.path();
                    let page = listing.page;
                    let title = match page {
                        1 => tag.name.clone(),
                        n => format!("{}, page {n}", tag.name),
                    };
                    let description = if tag.description.is_empty() {
                        format!("Articles tagged {}", tag.name)
                    } else {
                        tag.description.clone()
                    };
                    Ok::<_, DataError>(view! {
                        <PageMeta site=site.clone() title=Some(title) description path=listing_page_path(&first_page, page)/>
                        <header class="listing-header">
                            <p class="kicker">"Tag"</p>
                            <h1 class="page-heading">{tag.name}</h1>
                            {(!tag.description.is_empty()).then(|| view! { <p class="description">{tag.description}</p> })}
                            <p class="count">{article_count(tag.article_count)}</p>
                        </header>
                        <ArticleList listing first_page_path=first_page language=site.language/>
                    })
                })}
            </Transition>
        </ErrorBoundary>
    }
}
