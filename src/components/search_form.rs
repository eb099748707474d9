use crate::i18n::use_strings;
use crate::model::Route;
use crate::state::site_href;
use leptos::prelude::*;

/// A search field and its button: an ordinary GET form to the search page (`/search/?q=`), so it
/// works before and without any script, from every page.
#[component]
pub fn SearchForm(
    /// The field's id, unique on the page: the header's form and the search page's are both there.
    id: &'static str,
    /// The CSS class of the form, for where it sits.
    class: &'static str,
    /// The name of its landmark, which tells it from the other search form on the search page.
    #[prop(into)]
    label: String,
    /// What the field holds when drawn: the query searched for.
    #[prop(optional)]
    value: Option<String>,
) -> impl IntoView {
    let strings = use_strings();
    view! {
        <form class=class role="search" aria-label=label action=site_href(&Route::Search.path()) method="get">
            <label class="visually-hidden" for=id>{strings.search_field_label.clone()}</label>
            <input id=id type="search" name="q" value=value required=true autocomplete="off" enterkeyhint="search"/>
            <button type="submit">{strings.search_button.clone()}</button>
        </form>
    }
}
