use crate::state::{site_href, SiteData};
use leptos::prelude::*;
use leptos_router::components::A;

/// The masthead: the site's name (a link home) and its tagline.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<SiteData>().0;
    view! {
        <header class="site-header">
            <Suspense fallback=|| view! { <div class="skeleton skeleton-masthead" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    // A site that failed to load is reported by the page below, with Retry.
                    site.await.ok().map(|site| {
                        view! {
                            <A exact=true href=site_href("/") attr:class="site-title">{site.title}</A>
                            {(!site.tagline.is_empty()).then(|| view! { <p class="tagline">{site.tagline}</p> })}
                        }
                    })
                })}
            </Suspense>
        </header>
    }
}

/// The foot of every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = expect_context::<SiteData>().0;
    view! {
        <footer class="site-footer">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    site.await.ok().map(|site| view! { <p>{site.title}</p> })
                })}
            </Suspense>
            <p>"Powered by Broadsheet"</p>
        </footer>
    }
}
