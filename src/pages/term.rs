use super::OwnedListing;
use crate::format::article_count;
use crate::model::{structured_data, Site, Taxonomy, TermPage};
use leptos::prelude::*;

/// `/tag/<slug>/`, `/category/<slug>/` and their pages: the term's name, description and count,
/// then its articles.
#[component]
pub fn TermView(site: Site, term_page: TermPage) -> impl IntoView {
    let TermPage { term, listing } = term_page;
    let collection = structured_data::collection_page(&site, &term);
    let (kicker, otherwise) = match term.taxonomy {
        Taxonomy::Tag => ("Tag", format!("Articles tagged {}", term.name)),
        Taxonomy::Section => ("Section", format!("The latest articles in {}", term.name)),
    };
    view! {
        <OwnedListing site first=term.link().route() listing name=term.name.clone()
            text=term.description.clone() otherwise
            structured_data=collection>
            <header class="listing-header">
                <p class="kicker">{kicker}</p>
                <h1 class="page-heading">{term.name}</h1>
                {(!term.description.is_empty()).then(|| view! { <p class="description">{term.description}</p> })}
                <p class="count">{article_count(term.article_count)}</p>
            </header>
        </OwnedListing>
    }
}
