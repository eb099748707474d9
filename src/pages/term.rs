use super::OwnedListing;
use crate::i18n::use_strings;
use crate::model::{structured_data, Site, Taxonomy, TermPage};
use leptos::prelude::*;

/// `/tag/<slug>/`, `/category/<slug>/` and their pages: the term's name, description and count,
/// then its articles.
#[component]
pub fn TermView(site: Site, term_page: TermPage) -> impl IntoView {
    let TermPage { term, listing } = term_page;
    let collection = structured_data::collection_page(&site, &term);
    let strings = use_strings();
    let (kicker, otherwise) = match term.taxonomy {
        Taxonomy::Tag => (&strings.tag_kicker, &strings.tag_description),
        Taxonomy::Section => (&strings.section_kicker, &strings.section_description),
    };
    let (kicker, otherwise) = (
        kicker.clone(),
        strings.fill(otherwise, &[("name", &term.name)]),
    );
    let count = strings.count(&strings.article_count, term.article_count.into(), &[]);
    view! {
        <OwnedListing site first=term.link().route() listing name=term.name.clone()
            text=term.description.clone() otherwise
            structured_data=collection>
            <header class="listing-header">
                <p class="kicker">{kicker}</p>
                <h1 class="page-heading">{term.name}</h1>
                {(!term.description.is_empty()).then(|| view! { <p class="description">{term.description}</p> })}
                <p class="count">{count}</p>
            </header>
        </OwnedListing>
    }
}
