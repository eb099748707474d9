use super::params::use_target;
use crate::components::{ArticleList, AuthorCard, ErrorView, ListingSkeleton, PageMeta};
use crate::error::DataError;
use crate::model::listing_page_path;
use crate::state::{page_resource, SiteData};
use leptos::prelude::*;

/// `/author/<slug>/` and its pages: the author card, then the author's articles.
#[component]
pub fn AuthorPage() -> impl IntoView {
    let target = use_target();
    let site = expect_context::<SiteData>().0;
    let author_page = page_resource(move |source| {
        let target = target.get();
        async move { source.author_page(&target.slug?, target.page?).await }
    });
    let retry = Callback::new(move |()| {
        site.refetch();
        author_page.refetch();
    });
    view! {
        <ErrorBoundary fallback=move |errors| view! { <ErrorView errors retry/> }>
            <Transition fallback=ListingSkeleton>
                {move || Suspend::new(async move {
                    let site = site.await?;
                    let crate::model::AuthorPage { author, listing } = author_page.await?;
                    let first_page = author.path();
                    let page = listing.page;
                    let title = match page {
                        1 => author.name.clone(),
                        n => format!("{}, page {n}", author.name),
                    };
                    let description = if author.bio.is_empty() {
                        format!("Articles by {}", author.name)
                    } else {
                        author.bio.clone()
                    };
                    Ok::<_, DataError>(view! {
                        <PageMeta
                            site=site.clone()
                            title=Some(title)
                            description
                            path=listing_page_path(&first_page, page)
                            og_type="profile"
                            image=author.avatar.clone()
                        />
                        <h1 class="page-heading">"Articles by " {author.name.clone()}</h1>
                        <AuthorCard author link_to_page=false/>
                        <ArticleList listing first_page_path=first_page language=site.language/>
                    })
                })}
            </Transition>
        </ErrorBoundary>
    }
}
