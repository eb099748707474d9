use crate::model::{details_key, draft_key, CommentDraft, Field, Slug};
use crate::source::PostedComment;
use crate::state::AppSource;
use crate::storage;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

mod state;
use state::{answered, check, restored, FieldErrors, Status};

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

/// Moves focus to the element with this `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves focus once the view has been drawn (the element may just have appeared or moved).
pub fn focus_soon(id: String) {
    request_animation_frame(move || focus_by_id(&id));
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
    let source = expect_context::<AppSource>();
    let ReplyTarget(reply_to) = expect_context::<ReplyTarget>();
    let FormState {
        name,
        email,
        website,
        save_details,
        status,
    } = expect_context::<FormState>();
    let typed = TypedFirst::take();
    let content = RwSignal::new(
        typed
            .as_ref()
            .map(|typed| typed.content.clone())
            .unwrap_or_default(),
    );
    if let Some(typed) = &typed {
        for (field, signal) in [
            (Field::Name, name),
            (Field::Email, email),
            (Field::Website, website),
        ] {
            if !typed.get(field).is_empty() {
                signal.set(typed.get(field).to_owned());
            }
        }
    }
    // Fields the reader had typed into when the form was drawn keep what they typed.
    let typed = StoredValue::new(typed);
    let honeypot = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let form_ref = NodeRef::<html::Form>::new();

    let parent = move || reply_to.with(|target| target.as_ref().map_or(0, |(id, _)| *id));
    let current_draft = move || CommentDraft {
        content: content.get_untracked(),
        name: name.get_untracked(),
        email: email.get_untracked(),
        website: website.get_untracked(),
    };
    let draft_key_now = {
        let (slug, site_url) = (slug.clone(), site_url.clone());
        move || draft_key(&site_url, &slug, parent())
    };

    // Off in a prerendered page until the app runs it: nothing typed before hydration (which sets
    // the fields from their signals) or with scripts off (when nothing could send it) is lost.
    let running = RwSignal::new(false);
    Effect::new(move || running.set(true));
    // In the browser only: restore the reader's details and the draft for this reply target.
    {
        let (draft_key_now, site_url) = (draft_key_now.clone(), site_url.clone());
        Effect::new(move || {
            let key = draft_key_now();
            let details = storage::read::<CommentDraft>(&details_key(&site_url));
            if details.is_some() {
                save_details.set(true);
            }
            let typed = typed
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_default();
            let draft = restored(
                &current_draft(),
                &typed,
                &storage::read(&key).unwrap_or_default(),
                details.as_ref(),
            );
            for (field, signal) in [
                (Field::Content, content),
                (Field::Name, name),
                (Field::Email, email),
                (Field::Website, website),
            ] {
                if signal.with_untracked(|shown| shown != draft.get(field)) {
                    signal.set(draft.get(field).to_owned());
                }
            }
            if typed != CommentDraft::default() {
                storage::write(&key, &current_draft());
            }
            errors.set(Vec::new());
        });
    }
    let keep_draft = {
        let draft_key_now = draft_key_now.clone();
        move || storage::write(&draft_key_now(), &current_draft())
    };

    let focus_field = |field: Field| focus_by_id(field.id());

    let submit = {
        let (slug, site_url) = (slug.clone(), site_url.clone());
        move |event: SubmitEvent| {
            event.prevent_default();
            if !status.get_untracked().can_send() {
                return;
            }
            let draft = current_draft();
            if let Err((refusal, problems)) = check(&draft, &honeypot.get_untracked()) {
                status.set(refusal);
                if let Some((first, _)) = problems.first() {
                    focus_field(*first);
                }
                errors.set(problems);
                return;
            }
            errors.set(Vec::new());
            let details = details_key(&site_url);
            if save_details.get_untracked() {
                let details_only = CommentDraft {
                    content: String::new(),
                    ..draft.clone()
                };
                storage::write(&details, &details_only);
            } else {
                storage::remove(&details);
            }
            status.set(Status::Sending);
            let (source, slug, key, parent) = (
                source.clone(),
                slug.clone(),
                draft_key(&site_url, &slug, parent()),
                parent(),
            );
            leptos::task::spawn_local(async move {
                let answer = source.post_comment(&slug, parent, &draft).await;
                let (outcome, problems) = answered(&answer);
                let waiting = matches!(outcome, Status::Waiting(_));
                status.set(outcome);
                if let Some((field, _)) = problems.first() {
                    focus_field(*field);
                }
                errors.set(problems);
                if waiting {
                    set_timeout(
                        move || status.update(|now| *now = now.clone().after_waiting()),
                        FLOOD_WAIT,
                    );
                }
                if let Ok(posted) = answer {
                    storage::remove(&key);
                    content.set(String::new());
                    reply_to.set(None);
                    on_posted.run(posted);
                }
            });
        }
    };

    let keep_draft = Callback::new(move |()| keep_draft());
    let retry = Callback::new(move |()| {
        if let Some(form) = form_ref.get() {
            let _ = form.request_submit();
        }
    });
    let busy = move || !status.with(Status::can_send);

    view! {
        <div class="comment-respond" id="respond">
            <ReplyHeading reply_to/>
            <form class="comment-form" novalidate node_ref=form_ref on:submit=submit aria-labelledby="reply-title">
                <fieldset class="comment-fields" disabled=move || !running.get()>
                <p class="comment-notes">
                    "Your email address will not be published. Required fields are marked "
                    <span class="required">"*"</span>
                    // Text only: with scripts on, a browser keeps a <noscript>'s content as text,
                    // which is what hydration then finds.
                    <noscript>" Posting a comment needs JavaScript, which is off in this browser."</noscript>
                </p>
                <FormField field=Field::Content value=content errors on_input=keep_draft/>
                <FormField field=Field::Name value=name errors on_input=keep_draft/>
                <FormField field=Field::Email value=email errors on_input=keep_draft/>
                <FormField field=Field::Website value=website errors on_input=keep_draft/>
                // A field for robots: people never see it and screen readers skip it.
                <p class="comment-form-honeypot" aria-hidden="true">
                    <label for="comment-hp">"Leave this field empty"</label>
                    <input id="comment-hp" name="comment-hp" type="text" tabindex="-1" autocomplete="off"
                        prop:value=move || honeypot.get() on:input=move |event| honeypot.set(event_target_value(&event))/>
                </p>
                <p class="comment-form-cookies-consent">
                    <input id="save-details" type="checkbox" prop:checked=move || save_details.get()
                        on:change=move |event| save_details.set(event_target_checked(&event))/>
                    <label for="save-details">"Save my name, email, and website in this browser for the next time I comment."</label>
                </p>
                <FormStatus status retry/>
                <p class="form-submit">
                    <button type="submit" class="button" disabled=busy>"Post Comment"</button>
                </p>
                </fieldset>
            </form>
        </div>
    }
}

/// "Leave a Reply", or "Leave a Reply to NAME" with a link that cancels the reply.
#[component]
fn ReplyHeading(reply_to: RwSignal<Option<(u64, String)>>) -> impl IntoView {
    let heading = move || match reply_to.get() {
        Some((_, name)) => format!("Leave a Reply to {name}"),
        None => "Leave a Reply".to_owned(),
    };
    let cancel_reply = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        reply_to.set(None);
        focus_soon(Field::Content.id().to_owned());
    };
    view! {
        <h3 id="reply-title">
            {heading}
            {move || reply_to.get().is_some().then(|| view! {
                " " <small><a href="#respond" class="cancel-reply" on:click=cancel_reply>"Cancel reply"</a></small>
            })}
        </h3>
    }
}

/// One of the form's fields: its label (required ones marked), its control, and its error beside
/// it, announced through `aria-describedby`.
#[component]
fn FormField(
    field: Field,
    /// What the field holds.
    value: RwSignal<String>,
    /// The form's errors, of which this field shows its own.
    errors: RwSignal<FieldErrors>,
    /// Called after each change the reader makes.
    on_input: Callback<()>,
) -> impl IntoView {
    let error_id = format!("{}-error", field.id());
    let error = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(with_error, _)| *with_error == field)
                .map(|(_, text)| text.clone())
        })
    };
    let invalid = move || error().is_some();
    let described_by = {
        let error_id = error_id.clone();
        move || invalid().then(|| error_id.clone())
    };
    let on_input = move |event: leptos::ev::Event| {
        value.set(event_target_value(&event));
        on_input.run(());
    };
    // Concrete views rather than `AnyView`, whose lazy-hydration code the island would carry and
    // never run.
    let control = match field {
        Field::Content => Either::Left(view! {
            <textarea id=field.id() name=field.id() rows="7" aria-required="true"
                aria-invalid=move || invalid().to_string() aria-describedby=described_by
                prop:value=move || value.get() on:input=on_input></textarea>
        }),
        _ => {
            let (kind, autocomplete) = match field {
                Field::Name => ("text", "name"),
                Field::Email => ("email", "email"),
                _ => ("url", "url"),
            };
            Either::Right(view! {
                <input id=field.id() name=field.id() type=kind autocomplete=autocomplete
                    aria-required=field.required().then_some("true")
                    aria-invalid=move || invalid().to_string() aria-describedby=described_by
                    prop:value=move || value.get() on:input=on_input/>
            })
        }
    };
    view! {
        <p class=format!("comment-form-{}", field.id())>
            <label for=field.id()>
                {field.label()}
                {field.required().then(|| view! { " " <span class="required" aria-hidden="true">"*"</span> })}
            </label>
            {control}
            <span id=error_id class="field-error">{error}</span>
        </p>
    }
}

/// How the last sending went, announced politely, with Retry when sending again is all it takes.
#[component]
fn FormStatus(status: RwSignal<Status>, retry: Callback<()>) -> impl IntoView {
    view! {
        <p class="form-status" role="status" aria-live="polite">
            {move || status.with(Status::line).map(|(kind, text)| view! { <span class=format!("status-{kind}")>{text}</span> })}
            {move || status.with(Status::can_retry).then(|| view! {
                " " <button type="button" class="button" on:click=move |_| retry.run(())>"Retry"</button>
            })}
        </p>
    }
}
