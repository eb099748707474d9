//! How the thread is drawn: its heading and comments (or a note), each comment with its replies
//! nested under it, and a Reply button on each.

use super::{focus_soon, FormPlace, ReplyTarget};
use crate::components::DateTime;
use crate::error::DataError;
use crate::i18n::use_strings;
use crate::model::{thread, Comment, Field, HeldComment, ThreadNode, MAX_THREAD_DEPTH};
use crate::sanitize::sanitize_html;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The thread's heading and its comments (the approved ones and this reader's held ones), or
/// "Loading comments…", or why they could not be loaded, with Retry.
#[component]
pub fn CommentThread(
    /// The approved comments, once loaded, or why they could not be.
    loaded: RwSignal<Option<Result<Vec<Comment>, DataError>>>,
    /// This reader's comments that await moderation.
    held: RwSignal<Vec<HeldComment>>,
    /// Where replies are written, when the site takes comments.
    form: Option<FormPlace>,
    /// Loads the comments again.
    retry: Callback<()>,
) -> impl IntoView {
    let strings = use_strings();
    // Concrete views: `AnyView` carries lazy-hydration code that the island would never run.
    move || match loaded.get() {
        None => EitherOf3::A(view! {
            <h2 id="comments-heading">{strings.comments_heading.clone()}</h2>
            <p class="comments-note">{strings.loading_comments.clone()}</p>
        }),
        Some(Ok(mut list)) => {
            let heading = strings.count(&strings.comment_count, list.len() as u64, &[]);
            let held_ids: Vec<u64> = held.with(|held| held.iter().map(|mine| mine.id).collect());
            list.extend(held.get().into_iter().map(held_as_comment));
            let nodes = thread(list);
            let thread = Thread {
                held: held_ids,
                form: form.clone(),
            };
            EitherOf3::B(view! {
                <h2 id="comments-heading">{heading}</h2>
                {(!nodes.is_empty()).then(|| view! { <CommentList nodes thread class="comment-list"/> })}
            })
        }
        Some(Err(error)) => EitherOf3::C(view! {
            <h2 id="comments-heading">{strings.comments_heading.clone()}</h2>
            <p class="comments-note" role="alert">
                {strings.fill(&strings.comments_failed, &[("reason", &strings.data_error_reason(&error))])} " "
                <button type="button" class="button" on:click=move |_| retry.run(())>{strings.retry.clone()}</button>
            </p>
        }),
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

/// How a thread is drawn.
#[derive(Clone)]
pub struct Thread {
    /// Comments of this reader's that await moderation.
    pub held: Vec<u64>,
    /// Where replies are written, when the site takes comments.
    pub form: Option<FormPlace>,
}

/// A list of comments with their replies nested in lists of their own, as WordPress marks up a
/// thread, so that assistive technology can tell replies from new comments. The form moves under
/// the comment being replied to, as WordPress's does.
#[component]
pub fn CommentList(
    /// The comments, each with its replies.
    nodes: Vec<ThreadNode>,
    /// How they are drawn.
    thread: Thread,
    /// The list's class: `comment-list`, or `children` for replies.
    class: &'static str,
) -> impl IntoView {
    comment_list::<ThreadLevels>(nodes, thread, class)
}

/// The lists of a thread, a type for each depth. Replies nest at most [`MAX_THREAD_DEPTH`]
/// levels deep, so a thread needs no view of erased type (`AnyView`) to draw lists within lists,
/// and the island carries none of the lazy-hydration code such a view brings along.
trait Replies {
    /// How many levels of replies this one draws, its own included.
    const LEVELS: usize;
    fn view(nodes: Vec<ThreadNode>, thread: Thread) -> impl IntoView;
}

/// Below the deepest list: the thread puts no replies there (see [`thread`]).
struct Deepest;

impl Replies for Deepest {
    const LEVELS: usize = 0;
    fn view(nodes: Vec<ThreadNode>, _: Thread) -> impl IntoView {
        debug_assert!(nodes.is_empty(), "replies nested below the deepest level");
    }
}

/// Replies drawn as a list, whose own replies `Deeper` draws.
struct Nested<Deeper>(std::marker::PhantomData<Deeper>);

impl<Deeper: Replies> Replies for Nested<Deeper> {
    const LEVELS: usize = Deeper::LEVELS + 1;
    fn view(nodes: Vec<ThreadNode>, thread: Thread) -> impl IntoView {
        (!nodes.is_empty()).then(|| comment_list::<Deeper>(nodes, thread, "children"))
    }
}

/// The replies under a top-level comment, to the deepest.
type ThreadLevels = Nested<Nested<Nested<Deepest>>>;
const _: () = assert!(ThreadLevels::LEVELS == MAX_THREAD_DEPTH);

/// A list of comments, each with its replies drawn by `R`.
fn comment_list<R: Replies>(
    nodes: Vec<ThreadNode>,
    thread: Thread,
    class: &'static str,
) -> impl IntoView {
    let items = nodes
        .into_iter()
        .map(|node| {
            let replies = R::view(node.replies, thread.clone());
            let comment_id = node.comment.id;
            let form = thread.form.clone().map(|form| {
                let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
                move || {
                    (reply_to.with(|target| target.as_ref().map(|(id, _)| *id)) == Some(comment_id))
                        .then(|| form.view())
                }
            });
            let held = thread.held.contains(&comment_id);
            let replies_taken = thread.form.is_some();
            view! {
                <li class="comment" id=format!("comment-{comment_id}") tabindex="-1">
                    <CommentBody comment=node.comment held replies_taken/>
                    {form}
                    {replies}
                </li>
            }
        })
        .collect_view();
    view! { <ol class=class>{items}</ol> }
}

/// One comment: the writer's avatar and name (linked to their site, if they gave one), its date
/// (a link to the comment), a note while it awaits moderation, its text, and a Reply button.
#[component]
pub fn CommentBody(
    /// The comment.
    comment: Comment,
    /// Whether this is one of the reader's comments that await moderation (which take no replies).
    held: bool,
    /// Whether the site takes replies.
    replies_taken: bool,
) -> impl IntoView {
    let author = match comment.author_url {
        Some(url) => Either::Left(
            view! { <a href=url rel="nofollow ugc external">{comment.author_name.clone()}</a> },
        ),
        None => Either::Right(comment.author_name.clone()),
    };
    let reply = (replies_taken && !held)
        .then(|| view! { <ReplyButton id=comment.id name=comment.author_name.clone()/> });
    view! {
        <article class="comment-body">
            <footer class="comment-meta">
                {comment.avatar.map(|avatar| {
                    view! { <img class="avatar" src=avatar.url width=avatar.width height=avatar.height alt="" loading="lazy"/> }
                })}
                <b class="comment-author">{author}</b>
                <a class="comment-date" href=format!("#comment-{}", comment.id)>
                    <DateTime time=comment.date/>
                </a>
            </footer>
            {held.then(|| view! { <p class="moderation">{use_strings().awaiting_moderation.clone()}</p> })}
            <div class="comment-content" inner_html=comment.content.clone()></div>
            {reply}
        </article>
    }
}

/// "Reply": moves the form under the comment `id`, by `name`, and gives its text the focus.
#[component]
pub fn ReplyButton(
    /// The comment replied to.
    id: u64,
    /// Its writer's name.
    name: String,
) -> impl IntoView {
    let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
    let strings = use_strings();
    let label = strings.fill(&strings.reply_to, &[("name", &name)]);
    view! {
        <button type="button" class="reply-button" aria-label=label
            on:click=move |_| {
                reply_to.set(Some((id, name.clone())));
                focus_soon(Field::Content.id().to_owned());
            }>{strings.reply.clone()}</button>
    }
}
