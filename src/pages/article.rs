//! An article's page, with the discussion under it ([`comments`]).

use crate::components::{AuthorCard, DateTime, PageMeta, TagList};
use crate::i18n::{around, use_strings};
use crate::islands::CommentsIsland;
use crate::model::{structured_data, Article, Dated, Site};
use crate::state::site_href;
use leptos::prelude::*;
use leptos_router::components::A;

pub mod comments;
use comments::Discussion;

/// `/<slug>/`: headline, dates, byline, featured image, sanitized body, tags, author card.
#[component]
pub fn ArticleView(site: Site, article: Article) -> impl IntoView {
    let language = article
        .language
        .clone()
        .unwrap_or_else(|| site.language.clone());
    let direction = article.direction.unwrap_or(site.direction);
    let updated = article.updated().cloned();
    let author = article.author.clone();
    let (author_path, author_name) = (site_href(&author.path()), author.name.clone());
    let json_ld = structured_data::news_article(&site, &article);
    let strings = use_strings();
    let reading_time = strings.count(&strings.reading_time, article.reading_minutes().into(), &[]);
    let section = article.sections.first().cloned();
    // The interface is in the site's language, which the article's may not be: each of its parts
    // inside the article says so.
    let interface_language = (language != site.language).then(|| strings.language().to_owned());
    let (before_author, after_author) = around(&strings.byline, "author");
    let (before_published, after_published) = around(&strings.published, "date");
    let (before_updated, after_updated) = around(&strings.updated, "date");
    // What follows a placeholder, where the language puts anything there.
    let after = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    let (after_author, after_published) = (after(after_author), after(after_published));
    let (before_updated, after_updated) = (before_updated.to_owned(), after(after_updated));
    view! {
        <PageMeta
            site=site.clone()
            title=Some(article.title.clone())
            description=article.excerpt.clone()
            path=article.path()
            og_type="article"
            image=article.image.clone()
            structured_data=Some(json_ld)
        />
        // The search index (Pagefind) reads articles only, and of each only this element, less the byline
        // and dates: a result's excerpt should be the story's words, not "By … Published …".
        <article class="article" lang=language.clone() dir=direction.as_str() data-pagefind-body="">
            <header class="article-header">
                // The section is named in the site's language, which the article's may not be.
                {section.map(|section| view! {
                    <p class="article-section" data-pagefind-ignore="" lang=interface_language.clone()>
                        <A href=site_href(&section.path())>{section.name}</A>
                    </p>
                })}
                <h1 class="headline">{article.title}</h1>
                <p class="byline" data-pagefind-ignore="" lang=interface_language.clone()>
                    {before_author.to_owned()} <A exact=true href=author_path attr:rel="author">{author_name}</A> {after_author}
                </p>
                <p class="dates" data-pagefind-ignore="" lang=interface_language.clone()>
                    {before_published.to_owned()} <DateTime time=article.published/> {after_published}
                    {updated.map(|updated| view! { " · " {before_updated} <DateTime time=updated/> {after_updated} })}
                    " · " <span class="reading-time">{reading_time}</span>
                </p>
            </header>
            {article.image.map(|image| {
                view! {
                    <figure class="featured-image">
                        <img src=image.url width=image.width height=image.height alt=image.alt fetchpriority="high"/>
                        {image.caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
                    </figure>
                }
            })}
            <div class="article-body" inner_html=article.body></div>
            <footer class="article-footer" lang=interface_language>
                <TagList tags=article.tags label=strings.filed_under.clone()/>
            </footer>
        </article>
        <AuthorCard author/>
        <CommentsIsland discussion=Discussion { slug: article.slug, site_url: site.base_url }/>
    }
}
