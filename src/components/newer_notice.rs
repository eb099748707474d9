use crate::i18n::use_strings;
use crate::source::newer::{NewerCheck, News};
use leptos::prelude::*;

/// Where a prerendered page says that its source has something newer than the page: new
/// articles ("3 new articles") or a newer version of the article, with a button that shows them.
/// Empty as built; the page's script (islands/page.js) makes the check it carries and fills it
/// in. It is a bar fixed to the bottom of the window, so nothing on the page moves when it
/// appears. Its words are written here, with the plural forms the page's language needs (by
/// `Intl.PluralRules` category; `#` stands for the number).
#[component]
pub fn NewerNotice(
    /// What to ask, and how to read the answer.
    check: NewerCheck,
) -> impl IntoView {
    let attributes = check.attributes();
    let strings = use_strings();
    let (forms, button) = match check.news {
        News::Articles => (
            strings.plural_forms(&strings.new_articles),
            strings.show_new_articles.clone(),
        ),
        News::Version => (
            strings.plural_forms(&crate::i18n::Plural::always(&strings.article_updated)),
            strings.show_new_version.clone(),
        ),
    };
    view! {
        <div
            class="newer-notice"
            data-check=attributes.check
            data-url=attributes.url
            data-since=attributes.since
            data-tag=attributes.tag
            data-section=attributes.section
            data-author=attributes.author
            data-article=attributes.article
            data-show=attributes.show
            data-plurals=forms
        >
            <p class="newer-notice-text" role="status"></p>
            <button type="button" class="button newer-notice-show" hidden>{button}</button>
        </div>
    }
}
