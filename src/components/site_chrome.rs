use super::SearchForm;
use crate::i18n::use_strings;
use crate::model::TermLink;
use crate::state::{site_href, CurrentSite};
use leptos::prelude::*;
use leptos_router::components::A;

/// The masthead: the site's name (a link home), its tagline, the search field and the section
/// bar; a placeholder of the same size until the first page has loaded the site.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<CurrentSite>().0;
    let home = site_href("/");
    view! {
        <header class="site-header">
            {move || match site.get() {
                Some(site) => {
                    let tagline = (!site.tagline.is_empty()).then(|| view! { <p class="tagline">{site.tagline}</p> });
                    view! {
                        <A exact=true href=home.clone() attr:class="site-title">{site.title}</A>
                        {tagline}
                        <SearchForm id="site-search-field" class="site-search" label=use_strings().site_search_label.clone()/>
                        <SectionBar sections=site.sections/>
                    }
                    .into_any()
                }
                None => view! { <div class="skeleton skeleton-masthead" aria-hidden="true"></div> }.into_any(),
            }}
        </header>
    }
}

/// The site's sections, one link each. On a narrow screen the row scrolls sideways (style/main.css)
/// rather than folding into a menu: every section stays one tap or one Tab away, with no script.
/// The section being read is marked as the current page, on its later pages too.
#[component]
fn SectionBar(sections: Vec<TermLink>) -> impl IntoView {
    (!sections.is_empty()).then(|| {
        view! {
            <nav class="section-bar" aria-label=use_strings().sections_label.clone()>
                <ul>
                    {sections
                        .into_iter()
                        .map(|section| view! { <li><A href=site_href(&section.path())>{section.name}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}

/// The foot of every page. It appears with the first page's content, not before: a footer
/// drawn under a loading skeleton would be pushed down when the content arrives.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = expect_context::<CurrentSite>().0;
    move || {
        site.get().map(|site| {
            view! {
                <footer class="site-footer">
                    <p>{site.title}</p>
                    <p>{use_strings().powered_by.clone()}</p>
                </footer>
            }
        })
    }
}
