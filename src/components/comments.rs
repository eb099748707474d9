use crate::components::DateTime;
use crate::error::DataError;
use crate::format::comment_count;
use crate::model::{thread, Comment, Slug, ThreadNode};
use crate::state::AppSource;
use leptos::prelude::*;

/// The discussion under an article: its approved comments, threaded by reply. It loads after
/// the article, so the article never waits for its comments.
#[component]
pub fn Comments(
    /// The article whose comments to show.
    slug: Slug,
    /// BCP 47 language for the dates.
    #[prop(into)]
    language: String,
) -> impl IntoView {
    let source = expect_context::<AppSource>();
    // A signal filled by a task rather than a resource: the async-resource machinery, generic
    // over its value, would add 13 KB of brotli wasm for this one list.
    let loaded = RwSignal::new(None::<Result<Vec<Comment>, DataError>>);
    let load = move || {
        let (source, slug) = (source.clone(), slug.clone());
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let comments = source.comments(&slug).await;
            loaded.set(Some(comments));
        });
    };
    // In an effect: it runs in the browser only, never while a page is prerendered.
    Effect::new(load.clone());
    let body = move || match loaded.get() {
        None => view! {
            <h2 id="comments-heading">"Comments"</h2>
            <p class="comments-note">"Loading comments…"</p>
        }
        .into_any(),
        Some(Ok(list)) => {
            let heading = comment_count(list.len());
            let threads = thread(list);
            view! {
                <h2 id="comments-heading">{heading}</h2>
                {(!threads.is_empty()).then(|| comment_list(threads, &language, "comment-list"))}
            }
            .into_any()
        }
        Some(Err(error)) => {
            let retry = load.clone();
            view! {
                <h2 id="comments-heading">"Comments"</h2>
                <p class="comments-note" role="alert">
                    "The comments could not be loaded: " {error.to_string()} " "
                    <button type="button" class="button" on:click=move |_| retry()>"Retry"</button>
                </p>
            }
            .into_any()
        }
    };
    view! { <section class="comments" aria-labelledby="comments-heading">{body}</section> }
}

/// A list of comments with their replies nested in lists of their own, as WordPress marks up
/// a thread, so that assistive technology can tell replies from new comments.
fn comment_list(nodes: Vec<ThreadNode>, language: &str, class: &'static str) -> AnyView {
    let items = nodes
        .into_iter()
        .map(|node| {
            let replies = (!node.replies.is_empty())
                .then(|| comment_list(node.replies, language, "children"));
            let id = format!("comment-{}", node.comment.id);
            view! {
                <li class="comment" id=id>
                    {comment_body(node.comment, language)}
                    {replies}
                </li>
            }
        })
        .collect_view();
    view! { <ol class=class>{items}</ol> }.into_any()
}

fn comment_body(comment: Comment, language: &str) -> impl IntoView {
    let author = match comment.author_url {
        Some(url) => {
            view! { <a href=url rel="nofollow ugc external">{comment.author_name}</a> }.into_any()
        }
        None => comment.author_name.into_any(),
    };
    view! {
        <article class="comment-body">
            <footer class="comment-meta">
                {comment.avatar.map(|avatar| {
                    view! { <img class="avatar" src=avatar.url width=avatar.width height=avatar.height alt="" loading="lazy"/> }
                })}
                <b class="comment-author">{author}</b>
                <a class="comment-date" href=format!("#comment-{}", comment.id)>
                    <DateTime time=comment.date language=language.to_owned()/>
                </a>
            </footer>
            <div class="comment-content" inner_html=comment.content.as_str().to_owned()></div>
        </article>
    }
}
