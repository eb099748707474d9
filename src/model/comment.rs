use super::{Image, Timestamp};
use crate::sanitize::SanitizedHtml;

/// An approved reader comment. `parent` is 0 for a top-level comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: u64,
    pub parent: u64,
    pub author_name: String,
    pub author_url: Option<String>,
    pub avatar: Option<Image>,
    pub date: Timestamp,
    pub content: SanitizedHtml,
}

/// A comment with the replies shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadNode {
    pub comment: Comment,
    pub replies: Vec<ThreadNode>,
}

/// How deep replies are indented, as WordPress's default `thread_comments_depth` does: replies
/// to comments at this depth are shown beside them rather than under them, so a long
/// back-and-forth stays readable on a phone.
pub const MAX_THREAD_DEPTH: usize = 3;

/// Arranges comments (oldest first) into threads: each reply under its parent, in the order
/// given, nested at most [`MAX_THREAD_DEPTH`] levels below the top. A comment whose parent is
/// not in the list (held for moderation, deleted) is shown at the top level.
pub fn thread(comments: Vec<Comment>) -> Vec<ThreadNode> {
    let ids: Vec<u64> = comments.iter().map(|comment| comment.id).collect();
    let mut children: Vec<Vec<Comment>> = vec![Vec::new(); comments.len()];
    let mut roots = Vec::new();
    for comment in comments {
        match ids.iter().position(|id| *id == comment.parent) {
            Some(parent) if comment.parent != comment.id => children[parent].push(comment),
            _ => roots.push(comment),
        }
    }
    fn build(
        comment: Comment,
        depth: usize,
        ids: &[u64],
        children: &mut [Vec<Comment>],
        flattened: &mut Vec<ThreadNode>,
    ) -> ThreadNode {
        let index = ids.iter().position(|id| *id == comment.id);
        let replies = index
            .map(|index| std::mem::take(&mut children[index]))
            .unwrap_or_default();
        let mut node = ThreadNode {
            comment,
            replies: Vec::new(),
        };
        if depth < MAX_THREAD_DEPTH {
            for reply in replies {
                let mut deeper = Vec::new();
                let child = build(reply, depth + 1, ids, children, &mut deeper);
                node.replies.push(child);
                node.replies.append(&mut deeper);
            }
        } else {
            // At the deepest level, replies line up after this comment, in its parent's list.
            for reply in replies {
                let mut deeper = Vec::new();
                let child = build(reply, depth, ids, children, &mut deeper);
                flattened.push(child);
                flattened.append(&mut deeper);
            }
        }
        node
    }
    let mut threads = Vec::new();
    for root in roots {
        let mut flattened = Vec::new();
        threads.push(build(root, 0, &ids, &mut children, &mut flattened));
        threads.append(&mut flattened);
    }
    threads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::sanitize_html;

    fn comment(id: u64, parent: u64) -> Comment {
        Comment {
            id,
            parent,
            author_name: format!("Reader {id}"),
            author_url: None,
            avatar: None,
            date: Timestamp::parse("2026-11-02T08:00:00Z").unwrap(),
            content: sanitize_html("<p>Hi</p>"),
        }
    }

    /// The thread as text: ids, with replies in brackets.
    fn shape(nodes: &[ThreadNode]) -> String {
        nodes
            .iter()
            .map(|node| {
                if node.replies.is_empty() {
                    node.comment.id.to_string()
                } else {
                    format!("{}[{}]", node.comment.id, shape(&node.replies))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn replies_go_under_their_parents_in_order() {
        let comments = vec![
            comment(1, 0),
            comment(2, 1),
            comment(3, 0),
            comment(4, 1),
            comment(5, 3),
        ];
        assert_eq!(shape(&thread(comments)), "1[2 4] 3[5]");
    }

    #[test]
    fn replies_below_the_third_level_line_up_beside_their_parent() {
        // 1 ← 2 ← 3 ← 4 ← 5 ← 6, and 7 replying to 3.
        let comments = vec![
            comment(1, 0),
            comment(2, 1),
            comment(3, 2),
            comment(4, 3),
            comment(5, 4),
            comment(6, 5),
            comment(7, 3),
        ];
        assert_eq!(shape(&thread(comments)), "1[2[3[4 5 6 7]]]");
    }

    #[test]
    fn orphans_and_self_replies_stay_at_the_top() {
        let comments = vec![comment(1, 0), comment(2, 99), comment(3, 3)];
        assert_eq!(shape(&thread(comments)), "1 2 3");
        assert_eq!(thread(Vec::new()), Vec::new());
    }
}
