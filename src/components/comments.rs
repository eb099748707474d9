use super::comment_form::{focus_soon, CommentForm, FormState, ReplyTarget};
use crate::components::DateTime;
use crate::error::DataError;
use crate::format::comment_count;
use crate::model::{held_key, thread, Comment, Field, HeldComment, Slug, ThreadNode};
use crate::render_mode::RenderMode;
use crate::sanitize::{html_to_text, sanitize_html};
use crate::source::PostedComment;
use crate::state::AppSource;
use crate::storage;
use futures::FutureExt;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// Whose discussion is shown, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Discussion {
    /// The article whose comments to show.
    pub slug: Slug,
    /// BCP 47 language for the dates.
    pub language: String,
    /// The site's address, which keys what is kept in the browser.
    pub site_url: String,
}

/// The discussion under an article: its approved comments, threaded by reply, with a Reply
/// button on each and the form to leave one. It loads after the article, so the article never
/// waits for its comments.
#[component]
pub fn Comments(discussion: Discussion) -> impl IntoView {
    let Discussion {
        slug,
        language,
        site_url,
    } = discussion;
    let source = expect_context::<AppSource>();
    let accepts_comments = source.accepts_comments();
    // A signal filled by a task rather than a resource: the async-resource machinery, generic
    // over its value, would add 13 KB of brotli wasm for this one list.
    // Prerendered pages carry their comments (readable without scripts); otherwise they are
    // loaded once the page is up.
    let mut prerendered = RenderMode::current()
        .has_data_at_hand()
        .then(|| source.comments(&slug, false).now_or_never())
        .flatten();
    let loaded = RwSignal::new(prerendered.clone());
    let held_key = held_key(&site_url, &slug);
    // This reader's comments that await moderation, kept in the browser across reloads.
    let held = RwSignal::new(Vec::<HeldComment>::new());
    // Shows this reader's held comments beside the approved ones, forgetting those approved since.
    let restore_held = {
        let held_key = held_key.clone();
        move |approved: &Result<Vec<Comment>, DataError>| {
            let mut kept: Vec<HeldComment> = storage::read(&held_key).unwrap_or_default();
            if let Ok(comments) = approved {
                // Approved since: now they come with the others.
                kept.retain(|mine| comments.iter().all(|comment| comment.id != mine.id));
                storage::write(&held_key, &kept);
            }
            if !kept.is_empty() || held.with_untracked(|held| !held.is_empty()) {
                held.set(kept);
            }
        }
    };
    // Reads the comments; `fresh` asks the server again. Meanwhile the thread makes way for
    // "Loading comments…", unless `quietly`: then it changes only if the comments did.
    let read = {
        let (slug, restore_held, source) = (slug.clone(), restore_held.clone(), source.clone());
        move |fresh: bool, quietly: bool| {
            let (source, slug, restore_held) = (source.clone(), slug.clone(), restore_held.clone());
            if !quietly {
                loaded.set(None);
            }
            leptos::task::spawn_local(async move {
                let comments = source.comments(&slug, fresh).await;
                let unchanged = comments.is_err()
                    || loaded.with_untracked(|shown| shown.as_ref() == Some(&comments));
                if quietly && unchanged {
                    return;
                }
                restore_held(&comments);
                loaded.set(Some(comments));
            });
        }
    };
    let load = {
        let read = read.clone();
        move || read(false, false)
    };
    // Comments on a live site keep coming after the page was built: a prerendered page's thread
    // is brought up to date once the app runs.
    let live = source.is_live();
    // In an effect: it runs in the browser only, after hydration, never while prerendering.
    Effect::new({
        let load = load.clone();
        move || match prerendered.take() {
            Some(approved) => {
                restore_held(&approved);
                if live {
                    read(true, true);
                }
            }
            None => load(),
        }
    });
    let reply_to = RwSignal::new(None::<(u64, String)>);
    provide_context(ReplyTarget(reply_to));
    provide_context(FormState::new());
    let on_posted = Callback::new(move |posted: PostedComment| {
        let id = posted.comment.id;
        if posted.held {
            let mine = HeldComment {
                id,
                parent: posted.comment.parent,
                author_name: posted.comment.author_name.clone(),
                date: posted.comment.date.clone(),
                text: html_to_text(posted.comment.content.as_str()),
            };
            held.update(|held| held.push(mine));
            held.with_untracked(|held| storage::write(&held_key, held));
        } else {
            loaded.update(|loaded| {
                if let Some(Ok(comments)) = loaded {
                    comments.push(posted.comment);
                }
            });
        }
        // Once the thread shows it, the new comment takes focus, so the reader hears it is there.
        focus_soon(format!("comment-{id}"));
    });
    let form = accepts_comments.then(|| FormPlace {
        slug: slug.clone(),
        site_url: site_url.clone(),
        on_posted,
    });
    let body = {
        let form = form.clone();
        // Concrete views where the type allows (not the recursive thread): `AnyView` carries
        // lazy-hydration code that the island would never run.
        move || match loaded.get() {
            None => EitherOf3::A(view! {
                <h2 id="comments-heading">"Comments"</h2>
                <p class="comments-note">"Loading comments…"</p>
            }),
            Some(Ok(mut list)) => {
                let heading = comment_count(list.len());
                let held_ids: Vec<u64> =
                    held.with(|held| held.iter().map(|mine| mine.id).collect());
                list.extend(held.get().into_iter().map(held_as_comment));
                let threads = thread(list);
                let thread_view = Thread {
                    language: language.clone(),
                    held: held_ids,
                    form: form.clone(),
                };
                EitherOf3::B(view! {
                    <h2 id="comments-heading">{heading}</h2>
                    {(!threads.is_empty()).then(|| thread_view.list(threads, "comment-list"))}
                })
            }
            Some(Err(error)) => {
                let retry = load.clone();
                EitherOf3::C(view! {
                    <h2 id="comments-heading">"Comments"</h2>
                    <p class="comments-note" role="alert">
                        "The comments could not be loaded: " {error.to_string()} " "
                        <button type="button" class="button" on:click=move |_| retry()>"Retry"</button>
                    </p>
                })
            }
        }
    };
    let closing = form.clone().map_or_else(
        || Either::Left(view! { <p class="comments-closed">"Comments are closed."</p> }),
        // At the end of the thread unless it is under the comment being replied to.
        |form| Either::Right(move || reply_to.get().is_none().then(|| form.view())),
    );
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            {body}
            {closing}
        </section>
    }
}

/// A held comment shown as what its writer typed.
fn held_as_comment(mine: HeldComment) -> Comment {
    let paragraphs: String = mine
        .text
        .split("\n\n")
        .filter(|paragraph| !paragraph.trim().is_empty())
        .map(|paragraph| format!("<p>{}</p>", escape_text(paragraph.trim())))
        .collect();
    Comment {
        id: mine.id,
        parent: mine.parent,
        author_name: mine.author_name,
        author_url: None,
        avatar: None,
        date: mine.date,
        content: sanitize_html(&paragraphs),
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// What the comment form needs, wherever it is placed.
#[derive(Clone)]
struct FormPlace {
    slug: Slug,
    site_url: String,
    on_posted: Callback<PostedComment>,
}

impl FormPlace {
    fn view(&self) -> impl IntoView {
        let (slug, site_url, on_posted) =
            (self.slug.clone(), self.site_url.clone(), self.on_posted);
        view! { <CommentForm slug site_url on_posted/> }
    }
}

/// How a thread is drawn.
struct Thread {
    language: String,
    /// Comments of this reader's that await moderation.
    held: Vec<u64>,
    /// Where replies are written, when the site takes comments.
    form: Option<FormPlace>,
}

impl Thread {
    /// A list of comments with their replies nested in lists of their own, as WordPress marks
    /// up a thread, so that assistive technology can tell replies from new comments.
    fn list(&self, nodes: Vec<ThreadNode>, class: &'static str) -> AnyView {
        let items = nodes
            .into_iter()
            .map(|node| {
                let replies =
                    (!node.replies.is_empty()).then(|| self.list(node.replies, "children"));
                let id = format!("comment-{}", node.comment.id);
                // The form moves under the comment being replied to, as WordPress's does.
                let form = self.form.clone().map(|form| {
                    let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
                    let comment_id = node.comment.id;
                    move || {
                        (reply_to.with(|target| target.as_ref().map(|(id, _)| *id))
                            == Some(comment_id))
                        .then(|| form.view())
                    }
                });
                view! {
                    <li class="comment" id=id tabindex="-1">
                        {self.comment(node.comment)}
                        {form}
                        {replies}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class=class>{items}</ol> }.into_any()
    }

    fn comment(&self, comment: Comment) -> impl IntoView {
        let author = match comment.author_url {
            Some(url) => Either::Left(
                view! { <a href=url rel="nofollow ugc external">{comment.author_name.clone()}</a> },
            ),
            None => Either::Right(comment.author_name.clone()),
        };
        let held = self.held.contains(&comment.id);
        let reply = (self.form.is_some() && !held).then(|| {
            let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
            let (id, name) = (comment.id, comment.author_name.clone());
            let label = format!("Reply to {name}");
            view! {
                <button type="button" class="reply-button" aria-label=label
                    on:click=move |_| {
                        reply_to.set(Some((id, name.clone())));
                        focus_soon(Field::Content.id().to_owned());
                    }>"Reply"</button>
            }
        });
        view! {
            <article class="comment-body">
                <footer class="comment-meta">
                    {comment.avatar.map(|avatar| {
                        view! { <img class="avatar" src=avatar.url width=avatar.width height=avatar.height alt="" loading="lazy"/> }
                    })}
                    <b class="comment-author">{author}</b>
                    <a class="comment-date" href=format!("#comment-{}", comment.id)>
                        <DateTime time=comment.date language=self.language.clone()/>
                    </a>
                </footer>
                {held.then(|| view! { <p class="moderation">"Your comment is awaiting moderation."</p> })}
                <div class="comment-content" inner_html=comment.content.clone()></div>
                {reply}
            </article>
        }
    }
}
