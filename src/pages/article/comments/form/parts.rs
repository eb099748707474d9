//! The comment form's parts: its heading, each field with its label and error, and the status
//! line.

use super::super::focus_soon;
use super::{FieldErrors, Status};
use crate::i18n::use_strings;
use crate::model::Field;
use leptos::either::Either;
use leptos::prelude::*;

/// "Leave a Reply", or "Leave a Reply to NAME" with a link that cancels the reply.
#[component]
pub fn ReplyHeading(
    /// The comment replied to (its id and author's name), if any.
    reply_to: RwSignal<Option<(u64, String)>>,
) -> impl IntoView {
    let strings = use_strings();
    let (leave_reply, cancel) = (strings.leave_reply.clone(), strings.cancel_reply.clone());
    let heading = move || match reply_to.get() {
        Some((_, name)) => strings.fill(&strings.leave_reply_to, &[("name", &name)]),
        None => leave_reply.clone(),
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
                " " <small><a href="#respond" class="cancel-reply" on:click=cancel_reply>{cancel.clone()}</a></small>
            })}
        </h3>
    }
}

/// One of the form's fields: its label (required ones marked), its control, and its error beside
/// it, announced through `aria-describedby`.
#[component]
pub fn FormField(
    /// Which field.
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
                {use_strings().field_label(field).to_owned()}
                {field.required().then(|| view! { " " <span class="required" aria-hidden="true">"*"</span> })}
            </label>
            {control}
            <span id=error_id class="field-error">{error}</span>
        </p>
    }
}

/// How the last sending went, announced politely, with Retry when sending again is all it takes.
#[component]
pub fn FormStatus(
    /// How the last sending went.
    status: RwSignal<Status>,
    /// Sends the same draft again.
    retry: Callback<()>,
) -> impl IntoView {
    let strings = use_strings();
    let retry_label = strings.retry.clone();
    view! {
        <p class="form-status" role="status" aria-live="polite">
            {move || status.with(|status| status.line(&strings)).map(|(kind, text)| view! { <span class=format!("status-{kind}")>{text}</span> })}
            {move || status.with(Status::can_retry).then(|| view! {
                " " <button type="button" class="button" on:click=move |_| retry.run(())>{retry_label.clone()}</button>
            })}
        </p>
    }
}
