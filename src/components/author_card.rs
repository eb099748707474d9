use crate::i18n::use_strings;
use crate::model::Author;
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

/// "About NAME (N Articles)": avatar, bio and a link to the author's page.
#[component]
pub fn AuthorCard(
    /// The author to present.
    author: Author,
    /// Whether to link to the author's page (not wanted on that page itself).
    #[prop(default = true)]
    link_to_page: bool,
) -> impl IntoView {
    let heading_id = format!("author-card-{}", author.slug.path_segment());
    let path = site_href(&author.path());
    let strings = use_strings();
    let articles = strings.count(&strings.article_count, author.article_count.into(), &[]);
    let heading = strings.fill(
        &strings.about_author,
        &[("name", &author.name), ("articles", &articles)],
    );
    let link = strings.fill(&strings.all_articles_by, &[("name", &author.name)]);
    view! {
        <section class="author-card" aria-labelledby=heading_id>
            {author.avatar.map(|avatar| {
                view! {
                    <img class="avatar" src=avatar.url width=avatar.width height=avatar.height alt="" loading="lazy"/>
                }
            })}
            <div class="author-card-text">
                <h2 id=heading_id.clone()>{heading}</h2>
                {(!author.bio.is_empty()).then(|| view! { <p class="bio">{author.bio}</p> })}
                {link_to_page.then(|| view! { <p><A exact=true href=path>{link}</A></p> })}
            </div>
        </section>
    }
}
