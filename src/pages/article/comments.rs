//! The discussion under an article: [`Comments`] loads the thread, which [`thread`] draws, and
//! places the form, [`form`].

use crate::error::DataError;
use crate::i18n::use_strings;
use crate::model::{held_key, Comment, HeldComment, Slug};
use crate::render_mode::RenderMode;
use crate::sanitize::html_to_text;
use crate::source::PostedComment;
use crate::state::AppSource;
use crate::storage;
use futures::FutureExt;
use leptos::either::Either;
use leptos::prelude::*;

mod form;
mod thread;

pub use form::{
    CommentForm, FieldErrors, FormField, FormPlace, FormState, FormStatus, ReplyHeading,
    ReplyTarget, Status, TypedFirst,
};
pub use thread::{CommentBody, CommentList, CommentThread, ReplyButton, Thread};

/// Whose discussion is shown, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Discussion {
    /// The article whose comments to show.
    pub slug: Slug,
    /// The site's address, which keys what is kept in the browser.
    pub site_url: String,
}

/// The discussion under an article: its approved comments, threaded by reply, with a Reply
/// button on each and the form to leave one. It loads after the article, so the article never
/// waits for its comments.
#[component]
pub fn Comments(discussion: Discussion) -> impl IntoView {
    let Discussion { slug, site_url } = discussion;
    let source = expect_context::<AppSource>();
    // A signal filled by a task rather than a resource: the async-resource machinery, generic
    // over its value, would add 13 KB of brotli wasm for this one list.
    // Prerendered pages carry their comments (readable without scripts); otherwise they are
    // loaded once the page is up.
    let mut prerendered = RenderMode::current()
        .has_data_at_hand()
        .then(|| source.comments(&slug, false).now_or_never())
        .flatten();
    let shown = Shown::new(prerendered.clone(), held_key(&site_url, &slug));
    let read = {
        let (source, slug) = (source.clone(), slug.clone());
        move |fresh: bool, quietly: bool| shown.read(&source, &slug, fresh, quietly)
    };
    let load = Callback::new({
        let read = read.clone();
        move |()| read(false, false)
    });
    // Comments on a live site keep coming after the page was built: a prerendered page's thread
    // is brought up to date once the app runs.
    let live = source.is_live();
    // In an effect: it runs in the browser only, after hydration, never while prerendering.
    Effect::new(move || match prerendered.take() {
        Some(approved) => {
            shown.restore_held(&approved);
            if live {
                read(true, true);
            }
        }
        None => load.run(()),
    });
    let reply_to = RwSignal::new(None::<(u64, String)>);
    provide_context(ReplyTarget(reply_to));
    provide_context(FormState::new());
    let on_posted = Callback::new(move |posted: PostedComment| shown.add(posted));
    let form = source.accepts_comments().then_some(FormPlace {
        slug,
        site_url,
        on_posted,
    });
    let closing = form.clone().map_or_else(
        || {
            Either::Left(
                view! { <p class="comments-closed">{use_strings().comments_closed.clone()}</p> },
            )
        },
        // At the end of the thread unless it is under the comment being replied to.
        |form| Either::Right(move || reply_to.get().is_none().then(|| form.view())),
    );
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <CommentThread loaded=shown.loaded held=shown.held form retry=load/>
            {closing}
        </section>
    }
}

/// The approved comments, once loaded (or why they could not be), and this reader's comments
/// that await moderation, kept in the browser across reloads.
#[derive(Clone, Copy)]
struct Shown {
    loaded: RwSignal<Option<Result<Vec<Comment>, DataError>>>,
    held: RwSignal<Vec<HeldComment>>,
    held_key: StoredValue<String>,
}

impl Shown {
    fn new(approved: Option<Result<Vec<Comment>, DataError>>, held_key: String) -> Self {
        Self {
            loaded: RwSignal::new(approved),
            held: RwSignal::new(Vec::new()),
            held_key: StoredValue::new(held_key),
        }
    }

    /// Shows this reader's held comments beside the approved ones, forgetting those approved
    /// since.
    fn restore_held(self, approved: &Result<Vec<Comment>, DataError>) {
        let key = self.held_key.get_value();
        let mut kept: Vec<HeldComment> = storage::read(&key).unwrap_or_default();
        if let Ok(comments) = approved {
            // Approved since: now they come with the others.
            kept.retain(|mine| comments.iter().all(|comment| comment.id != mine.id));
            storage::write(&key, &kept);
        }
        if !kept.is_empty() || self.held.with_untracked(|held| !held.is_empty()) {
            self.held.set(kept);
        }
    }

    /// Reads the comments; `fresh` asks the server again. Meanwhile the thread makes way for
    /// "Loading comments…", unless `quietly`: then it changes only if the comments did.
    fn read(self, source: &AppSource, slug: &Slug, fresh: bool, quietly: bool) {
        let (source, slug) = (source.clone(), slug.clone());
        if !quietly {
            self.loaded.set(None);
        }
        leptos::task::spawn_local(async move {
            let comments = source.comments(&slug, fresh).await;
            let unchanged = comments.is_err()
                || self
                    .loaded
                    .with_untracked(|shown| shown.as_ref() == Some(&comments));
            if quietly && unchanged {
                return;
            }
            self.restore_held(&comments);
            self.loaded.set(Some(comments));
        });
    }

    /// Shows a comment the site accepted: with the others, or, when it awaits moderation, as
    /// this reader's (kept in the browser).
    fn add(self, posted: PostedComment) {
        let id = posted.comment.id;
        if posted.held {
            let mine = HeldComment {
                id,
                parent: posted.comment.parent,
                author_name: posted.comment.author_name.clone(),
                date: posted.comment.date.clone(),
                text: html_to_text(posted.comment.content.as_str()),
            };
            self.held.update(|held| held.push(mine));
            self.held
                .with_untracked(|held| storage::write(&self.held_key.get_value(), held));
        } else {
            self.loaded.update(|loaded| {
                if let Some(Ok(comments)) = loaded {
                    comments.push(posted.comment);
                }
            });
        }
        // Once the thread shows it, the new comment takes focus, so the reader hears it is there.
        focus_soon(format!("comment-{id}"));
    }
}

/// Moves focus to the element with this `id`, if it is on the page.
fn focus_by_id(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves focus once the view has been drawn (the element may just have appeared or moved).
fn focus_soon(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}
