use crate::i18n::use_strings;
use leptos::prelude::*;

/// Grey shapes where a listing will be, shown while it loads.
#[component]
pub fn ListingSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-listing" aria-busy="true">
            <p class="visually-hidden" role="status">{use_strings().loading_articles.clone()}</p>
            {(0..4)
                .map(|_| {
                    view! {
                        <div class="card skeleton-card" aria-hidden="true">
                            <div class="skeleton skeleton-heading"></div>
                            <div class="skeleton skeleton-line"></div>
                            <div class="skeleton skeleton-line short"></div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Grey shapes where an article will be, shown while it loads.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-article" aria-busy="true">
            <p class="visually-hidden" role="status">{use_strings().loading_article.clone()}</p>
            <div aria-hidden="true">
                <div class="skeleton skeleton-title"></div>
                <div class="skeleton skeleton-line short"></div>
                {(0..6).map(|_| view! { <div class="skeleton skeleton-line"></div> }).collect_view()}
            </div>
        </div>
    }
}
