//! What the comment form decides, apart from drawing it: what fills its fields when it is drawn,
//! whether a draft may be sent, and what each of the site's answers means for the reader. Plain
//! code, tested natively; the form (`super::CommentForm`) keeps it in signals and storage.

use crate::error::CommentError;
use crate::i18n::Strings;
use crate::model::{CommentDraft, Field};
use crate::source::PostedComment;

/// How the last sending went, as the line above the button says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    Sending,
    /// Accepted: the message says whether it shows or awaits moderation.
    Sent(String),
    /// Refused for a reason sending again will not fix.
    Refused(String),
    /// Refused for now: sending again after the flood check's wait will do.
    Waiting(String),
    /// No answer or a server fault: the same draft can be sent again.
    Failed(String),
}

/// Errors shown beside their fields; the first field takes the focus.
pub type FieldErrors = Vec<(Field, String)>;

impl Status {
    /// Whether the form may send now: not while a comment is on its way, nor while the site's
    /// flood check makes the reader wait.
    pub fn can_send(&self) -> bool {
        !matches!(self, Self::Sending | Self::Waiting(_))
    }

    /// Whether the same draft may simply be sent again (Retry).
    pub fn can_retry(&self) -> bool {
        matches!(self, Self::Failed(_))
    }

    /// The status line: its kind (for its class) and its text.
    pub fn line(&self, strings: &Strings) -> Option<(&'static str, String)> {
        match self {
            Self::Idle => None,
            Self::Sending => Some(("sending", strings.sending.clone())),
            Self::Sent(text) => Some(("sent", text.clone())),
            Self::Refused(text) => Some(("refused", text.clone())),
            Self::Waiting(text) => Some(("waiting", text.clone())),
            Self::Failed(text) => Some(("failed", text.clone())),
        }
    }

    /// Once the flood check's wait is over: sending is possible again (if nothing else happened).
    pub fn after_waiting(self, strings: &Strings) -> Self {
        match self {
            Self::Waiting(_) => Self::Failed(strings.send_now.clone()),
            other => other,
        }
    }
}

/// Whether `draft` may be sent; otherwise the status line and the fields' errors. `honeypot` is
/// the field that people never see: a robot fills it.
pub fn check(
    draft: &CommentDraft,
    honeypot: &str,
    strings: &Strings,
) -> Result<(), (Status, FieldErrors)> {
    let problems: FieldErrors = draft
        .problems()
        .into_iter()
        .map(|(field, problem)| (field, strings.field_problem(field, problem)))
        .collect();
    match problems.len() {
        0 if honeypot.is_empty() => Ok(()),
        0 => Err((Status::Refused(strings.not_sent.clone()), Vec::new())),
        count => Err((
            Status::Refused(strings.count(&strings.correct_problems, count as u64, &[])),
            problems,
        )),
    }
}

/// What the site's answer to a sent draft means for the form.
pub fn answered(
    answer: &Result<PostedComment, CommentError>,
    strings: &Strings,
) -> (Status, FieldErrors) {
    let status = match answer {
        Ok(posted) if posted.held => Status::Sent(strings.thanks_held.clone()),
        Ok(_) => Status::Sent(strings.thanks_posted.clone()),
        Err(CommentError::Invalid {
            field: Some(field),
            message,
        }) => {
            return (
                Status::Refused(strings.field_refused.clone()),
                vec![(*field, message.clone())],
            )
        }
        Err(error @ CommentError::TooFast) => Status::Waiting(strings.comment_error(error)),
        Err(error @ CommentError::Failed(_)) => Status::Failed(strings.fill(
            &strings.comment_failed,
            &[("reason", &strings.comment_error(error))],
        )),
        Err(error) => Status::Refused(strings.comment_error(error)),
    };
    (status, Vec::new())
}

/// The fields' text when the form is drawn for a reply target, from what they show (`shown`):
/// what the reader typed before the island ran stays (`typed`); the reader's saved `details`
/// fill a name, email or website left empty; then the draft kept for this target (`kept`) fills
/// the rest, its comment text always (an empty one included: another target's text goes).
pub fn restored(
    shown: &CommentDraft,
    typed: &CommentDraft,
    kept: &CommentDraft,
    details: Option<&CommentDraft>,
) -> CommentDraft {
    let mut draft = shown.clone();
    if let Some(details) = details {
        for field in [Field::Name, Field::Email, Field::Website] {
            if draft.get(field).is_empty() {
                draft.set(field, details.get(field).to_owned());
            }
        }
    }
    for field in Field::ALL {
        let value = kept.get(field);
        if typed.get(field).is_empty() && (field == Field::Content || !value.is_empty()) {
            draft.set(field, value.to_owned());
        }
    }
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::DataError;
    use crate::model::{draft, Comment, Timestamp};
    use crate::sanitize::sanitize_html;

    fn posted(held: bool) -> PostedComment {
        PostedComment {
            comment: Comment {
                id: 7,
                parent: 0,
                author_name: "Ann".into(),
                author_url: None,
                avatar: None,
                date: Timestamp::parse("2026-11-03T08:30:00Z").unwrap(),
                content: sanitize_html("<p>Hello</p>"),
            },
            held,
        }
    }

    #[test]
    fn typed_text_wins_then_details_then_the_kept_draft() {
        let typed = draft("typed before the island", "", "", "");
        let shown = typed.clone();
        let kept = draft("an older draft", "Kept Name", "", "");
        let details = draft("", "Saved Name", "saved@example.org", "");
        assert_eq!(
            restored(&shown, &typed, &kept, Some(&details)),
            draft(
                "typed before the island",
                "Kept Name",
                "saved@example.org",
                ""
            ),
        );
    }

    #[test]
    fn another_reply_target_brings_its_own_text_even_when_it_has_none() {
        let shown = draft("a reply to someone else", "Ann", "ann@example.org", "");
        let restored = restored(
            &shown,
            &CommentDraft::default(),
            &CommentDraft::default(),
            None,
        );
        assert_eq!(restored, draft("", "Ann", "ann@example.org", ""));
    }

    #[test]
    fn a_draft_with_problems_is_not_sent_and_says_how_many() {
        let (status, errors) =
            check(&draft("", "", "not an email", ""), "", &Strings::english()).unwrap_err();
        assert_eq!(errors.len(), 3);
        assert_eq!(
            status,
            Status::Refused("Please correct the 3 problems marked below.".into())
        );
        let (status, errors) = check(
            &draft("Hi", "Ann", "ann@example.org", "ftp://x"),
            "",
            &Strings::english(),
        )
        .unwrap_err();
        assert_eq!(
            errors.iter().map(|(field, _)| *field).collect::<Vec<_>>(),
            [Field::Website]
        );
        assert_eq!(
            status,
            Status::Refused("Please correct the problem marked below.".into())
        );
        assert!(check(
            &draft("Hi", "Ann", "ann@example.org", ""),
            "",
            &Strings::english()
        )
        .is_ok());
        assert_eq!(
            check(
                &draft("Hi", "Ann", "ann@example.org", ""),
                "robot",
                &Strings::english()
            )
            .unwrap_err()
            .1,
            vec![]
        );
    }

    #[test]
    fn every_answer_has_its_message() {
        let message = |answer| {
            answered(&answer, &Strings::english())
                .0
                .line(&Strings::english())
                .unwrap()
        };
        assert_eq!(
            message(Ok(posted(true))).1,
            "Thank you. Your comment is awaiting moderation."
        );
        assert_eq!(
            message(Ok(posted(false))).1,
            "Thank you. Your comment has been posted."
        );
        assert_eq!(message(Err(CommentError::TooFast)).0, "waiting");
        assert_eq!(message(Err(CommentError::Duplicate)).0, "refused");
        assert_eq!(
            message(Err(CommentError::Closed)).1,
            "Comments are closed on this article."
        );
        let failed = message(Err(CommentError::Failed(DataError::Timeout {
            after_ms: 10,
        })));
        assert_eq!(failed.0, "failed");
        assert!(
            failed.1.contains("did not answer in time") && failed.1.contains("It is kept here")
        );
        let (status, errors) = answered(
            &Err(CommentError::Invalid {
                field: Some(Field::Email),
                message: "Please enter a valid email address.".into(),
            }),
            &Strings::english(),
        );
        assert_eq!(status.line(&Strings::english()).unwrap().0, "refused");
        assert_eq!(
            errors,
            vec![(Field::Email, "Please enter a valid email address.".into())]
        );
    }

    #[test]
    fn the_flood_wait_ends_in_a_retry_and_blocks_sending_meanwhile() {
        let (waiting, _) = answered(&Err(CommentError::TooFast), &Strings::english());
        assert!(!waiting.can_send() && !waiting.can_retry());
        let after = waiting.after_waiting(&Strings::english());
        assert!(after.can_send() && after.can_retry());
        assert_eq!(
            Status::Sending.after_waiting(&Strings::english()),
            Status::Sending
        );
        assert!(!Status::Sending.can_send());
    }
}
