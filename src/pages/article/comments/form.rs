//! "Leave a Reply": the form ([`CommentForm`]), the draft it keeps ([`Draft`]), its parts
//! ([`parts`]) and its decisions ([`state`], plain code).

use super::focus_by_id;
use crate::i18n::{use_strings, Strings};
use crate::model::{details_key, draft_key, CommentDraft, Field, Slug};
use crate::source::PostedComment;
use crate::state::AppSource;
use crate::storage;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

mod parts;
mod state;
pub use parts::{FormField, FormStatus, ReplyHeading};
use state::{answered, check, restored};
pub use state::{FieldErrors, Status};

/// The comment being replied to, if any: its id and its author's name. Shared by the Reply
/// buttons of a thread and its form.
#[derive(Clone, Copy)]
pub struct ReplyTarget(pub RwSignal<Option<(u64, String)>>);

/// What the comment form keeps while it moves between the end of the thread and the comment
/// being replied to: the reader's details and how the last sending went. (The comment text is
/// kept per reply target, as drafts.)
#[derive(Clone, Copy)]
pub struct FormState {
    name: RwSignal<String>,
    email: RwSignal<String>,
    website: RwSignal<String>,
    save_details: RwSignal<bool>,
    status: RwSignal<Status>,
}

impl FormState {
    pub fn new() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            website: RwSignal::new(String::new()),
            save_details: RwSignal::new(false),
            status: RwSignal::new(Status::Idle),
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

/// What a reader typed into a prerendered form before its island ran: it stays in the fields,
/// before any draft kept from an earlier visit. Taken by the first form drawn.
#[derive(Clone, Copy)]
pub struct TypedFirst(StoredValue<Option<CommentDraft>>);

impl TypedFirst {
    pub fn new(typed: CommentDraft) -> Self {
        Self(StoredValue::new(Some(typed)))
    }

    fn take() -> Option<CommentDraft> {
        use_context::<Self>().and_then(|typed| typed.0.try_update_value(Option::take).flatten())
    }
}

/// What the comment form needs, wherever it is placed (at the end of the thread, or under the
/// comment replied to).
#[derive(Clone)]
pub struct FormPlace {
    /// The article commented on.
    pub slug: Slug,
    /// The site's address, which keys the drafts.
    pub site_url: String,
    /// Called with each comment the site accepts.
    pub on_posted: Callback<PostedComment>,
}

impl FormPlace {
    pub fn view(&self) -> impl IntoView {
        let (slug, site_url, on_posted) =
            (self.slug.clone(), self.site_url.clone(), self.on_posted);
        view! { <CommentForm slug site_url on_posted/> }
    }
}

/// How long WordPress's flood check makes a reader wait between two comments.
const FLOOD_WAIT: Duration = Duration::from_secs(15);

/// "Leave a Reply", as WordPress's comment form behaves: at the end of the thread, or under the
/// comment being replied to; required fields marked, errors beside
/// their field and announced, the reader's details remembered when they ask, a draft kept in the
/// browser as they type (per article and per comment replied to) until the site confirms it.
#[component]
pub fn CommentForm(
    /// The article commented on.
    slug: Slug,
    /// The site's address, to keep this site's drafts apart from another's.
    #[prop(into)]
    site_url: String,
    /// Called with each comment the site accepts.
    on_posted: Callback<PostedComment>,
) -> impl IntoView {
    let typed = TypedFirst::take();
    let draft = Draft::new(slug, site_url, typed.as_ref());
    let FormState {
        save_details,
        status,
        ..
    } = draft.form;
    let honeypot = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let form_ref = NodeRef::<html::Form>::new();
    // Off in a prerendered page until the app runs it: nothing typed before hydration (which sets
    // the fields from their signals) or with scripts off (when nothing could send it) is lost.
    let running = RwSignal::new(false);
    Effect::new(move || running.set(true));
    // Fields the reader had typed into when the form was drawn keep what they typed.
    draft.restore_when_drawn(StoredValue::new(typed), errors);
    let source = expect_context::<AppSource>();
    let strings = use_strings();
    let submit = {
        let strings = strings.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            draft.send(
                &source,
                &honeypot.get_untracked(),
                errors,
                on_posted,
                strings.clone(),
            );
        }
    };
    let keep_draft = Callback::new(move |()| draft.keep());
    let retry = Callback::new(move |()| {
        if let Some(form) = form_ref.get() {
            let _ = form.request_submit();
        }
    });
    let busy = move || !status.with(Status::can_send);
    let [content, name, email, website] = Field::ALL.map(|field| draft.field(field));

    view! {
        <div class="comment-respond" id="respond">
            <ReplyHeading reply_to=draft.reply_to/>
            <form class="comment-form" novalidate node_ref=form_ref on:submit=submit aria-labelledby="reply-title">
                <fieldset class="comment-fields" disabled=move || !running.get()>
                <p class="comment-notes">
                    {strings.form_notes.clone()} " "
                    <span class="required">"*"</span>
                    // Text only: with scripts on, a browser keeps a <noscript>'s content as text,
                    // which is what hydration then finds.
                    <noscript>" " {strings.form_needs_script.clone()}</noscript>
                </p>
                <FormField field=Field::Content value=content errors on_input=keep_draft/>
                <FormField field=Field::Name value=name errors on_input=keep_draft/>
                <FormField field=Field::Email value=email errors on_input=keep_draft/>
                <FormField field=Field::Website value=website errors on_input=keep_draft/>
                // A field for robots: people never see it and screen readers skip it.
                <p class="comment-form-honeypot" aria-hidden="true">
                    <label for="comment-hp">{strings.honeypot_label.clone()}</label>
                    <input id="comment-hp" name="comment-hp" type="text" tabindex="-1" autocomplete="off"
                        prop:value=move || honeypot.get() on:input=move |event| honeypot.set(event_target_value(&event))/>
                </p>
                <p class="comment-form-cookies-consent">
                    <input id="save-details" type="checkbox" prop:checked=move || save_details.get()
                        on:change=move |event| save_details.set(event_target_checked(&event))/>
                    <label for="save-details">{strings.save_details.clone()}</label>
                </p>
                <FormStatus status retry/>
                <p class="form-submit">
                    <button type="submit" class="button" disabled=busy>{strings.post_comment.clone()}</button>
                </p>
                </fieldset>
            </form>
        </div>
    }
}

/// What one drawn form holds of the reader's comment: its text (this form's own) and the
/// reader's details (the thread's [`FormState`], kept while the form moves), for the comment
/// [`ReplyTarget`] names; and where the browser keeps it, per site, article and reply target.
#[derive(Clone, Copy)]
struct Draft {
    content: RwSignal<String>,
    form: FormState,
    reply_to: RwSignal<Option<(u64, String)>>,
    /// The article, and the site's address.
    article: StoredValue<(Slug, String)>,
}

impl Draft {
    /// The form's draft, showing what the reader `typed` before the island ran, if anything.
    fn new(slug: Slug, site_url: String, typed: Option<&CommentDraft>) -> Self {
        let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
        let draft = Self {
            content: RwSignal::new(typed.map(|typed| typed.content.clone()).unwrap_or_default()),
            form: expect_context::<FormState>(),
            reply_to,
            article: StoredValue::new((slug, site_url)),
        };
        if let Some(typed) = typed {
            for field in [Field::Name, Field::Email, Field::Website] {
                if !typed.get(field).is_empty() {
                    draft.field(field).set(typed.get(field).to_owned());
                }
            }
        }
        draft
    }

    fn field(self, field: Field) -> RwSignal<String> {
        match field {
            Field::Content => self.content,
            Field::Name => self.form.name,
            Field::Email => self.form.email,
            Field::Website => self.form.website,
        }
    }

    /// What the fields hold now.
    fn current(self) -> CommentDraft {
        let mut draft = CommentDraft::default();
        for field in Field::ALL {
            draft.set(field, self.field(field).get_untracked());
        }
        draft
    }

    /// The comment replied to, or 0.
    fn parent(self) -> u64 {
        self.reply_to
            .with(|target| target.as_ref().map_or(0, |(id, _)| *id))
    }

    /// Where the browser keeps the draft for the comment replied to now.
    fn key(self) -> String {
        self.article
            .with_value(|(slug, site_url)| draft_key(site_url, slug, self.parent()))
    }

    fn details_key(self) -> String {
        self.article
            .with_value(|(_, site_url)| details_key(site_url))
    }

    /// Keeps what the fields hold, for the comment replied to.
    fn keep(self) {
        storage::write(&self.key(), &self.current());
    }

    /// In the browser only: restores the reader's details and the draft for this reply target,
    /// keeping what the reader had `typed` before the island ran.
    fn restore_when_drawn(
        self,
        typed: StoredValue<Option<CommentDraft>>,
        errors: RwSignal<FieldErrors>,
    ) {
        Effect::new(move || {
            let key = self.key();
            let details = storage::read::<CommentDraft>(&self.details_key());
            if details.is_some() {
                self.form.save_details.set(true);
            }
            let typed = typed
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_default();
            let kept = storage::read(&key).unwrap_or_default();
            let draft = restored(&self.current(), &typed, &kept, details.as_ref());
            for field in Field::ALL {
                let signal = self.field(field);
                if signal.with_untracked(|shown| shown != draft.get(field)) {
                    signal.set(draft.get(field).to_owned());
                }
            }
            if typed != CommentDraft::default() {
                storage::write(&key, &self.current());
            }
            errors.set(Vec::new());
        });
    }

    /// Sends the draft, unless the form is busy or the draft has problems (the first field with
    /// one takes the focus), keeping or forgetting the reader's details as they asked.
    fn send(
        self,
        source: &AppSource,
        honeypot: &str,
        errors: RwSignal<FieldErrors>,
        on_posted: Callback<PostedComment>,
        strings: Strings,
    ) {
        let status = self.form.status;
        if !status.get_untracked().can_send() {
            return;
        }
        let draft = self.current();
        if let Err((refusal, problems)) = check(&draft, honeypot, &strings) {
            status.set(refusal);
            show_errors(errors, problems);
            return;
        }
        errors.set(Vec::new());
        if self.form.save_details.get_untracked() {
            let details_only = CommentDraft {
                content: String::new(),
                ..draft.clone()
            };
            storage::write(&self.details_key(), &details_only);
        } else {
            storage::remove(&self.details_key());
        }
        status.set(Status::Sending);
        let (source, key, parent) = (source.clone(), self.key(), self.parent());
        let slug = self.article.with_value(|(slug, _)| slug.clone());
        leptos::task::spawn_local(async move {
            let answer = source.post_comment(&slug, parent, &draft).await;
            let (outcome, problems) = answered(&answer, &strings);
            let waiting = matches!(outcome, Status::Waiting(_));
            status.set(outcome);
            show_errors(errors, problems);
            if waiting {
                set_timeout(
                    move || status.update(|now| *now = now.clone().after_waiting(&strings)),
                    FLOOD_WAIT,
                );
            }
            if let Ok(posted) = answer {
                storage::remove(&key);
                self.content.set(String::new());
                self.reply_to.set(None);
                on_posted.run(posted);
            }
        });
    }
}

/// Shows `problems` beside their fields, the first of which takes the focus.
fn show_errors(errors: RwSignal<FieldErrors>, problems: FieldErrors) {
    if let Some((first, _)) = problems.first() {
        focus_by_id(first.id());
    }
    errors.set(problems);
}
