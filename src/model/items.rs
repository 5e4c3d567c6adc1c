//! Actions and decisions written in the minutes become the meeting's own,
//! after those of its front matter: the same model, the same pages.
//!
//! The body's attribute blocks were read by [`crate::markdown::attrs`];
//! here their keys are given meaning — an owner, a due date, a status,
//! topics — and checked, with a message at the key's place in the file.

use super::MeetingDoc;
use super::date::PartialDate;
use super::front::{ActionFront, DecisionFront, OneOrMany, Origin, Status};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::attrs::{ACTION_KEYS, DECISION_KEYS};
use crate::markdown::{InlineItem, ItemKind, inline_text};

/// Moves the items of `doc`'s body into its front matter, and works out the
/// plain text of every action and decision; returns the problems of their
/// keys.
pub(super) fn take(doc: &mut MeetingDoc) -> Vec<Diagnostic> {
    let items = std::mem::take(&mut doc.outline.items);
    let mut problems = Vec::new();
    for item in &items {
        let origin = Origin {
            ordinal: item.ordinal,
            offset: doc.body_offset + item.offset,
            keys: item
                .pairs
                .iter()
                .map(|(k, _, o)| (k.clone(), doc.body_offset + o))
                .chain(
                    item.id
                        .as_ref()
                        .map(|(_, o)| ("id".to_owned(), doc.body_offset + o)),
                )
                .collect(),
        };
        let mut problem = |at: usize, message: String, help: String| {
            problems.push(doc.diagnostic(Severity::Error, at, message).help(help));
        };
        match item.kind {
            ItemKind::Action => {
                let action = action(item, &origin, &mut problem);
                doc.front.actions.push(action);
            }
            ItemKind::Decision => {
                if let Some((_, at)) = &item.id {
                    problem(
                        doc.body_offset + at,
                        "a decision has no id".into(),
                        "remove `#…` or `id=` from the block; a decision is found by its meeting"
                            .into(),
                    );
                }
                let mut topics = Vec::new();
                for (key, value, at) in &item.pairs {
                    match key.as_str() {
                        "topics" => topics = list(value),
                        other => problem(
                            doc.body_offset + at,
                            unknown(other, "decision"),
                            help(other, DECISION_KEYS),
                        ),
                    }
                }
                doc.front.decisions.push(DecisionFront {
                    origin: Some(origin.clone()),
                    text: item.source.clone(),
                    plain: None,
                    topics,
                });
            }
        }
    }
    for a in &mut doc.front.actions {
        a.plain = Some(inline_text(&a.text));
    }
    for d in &mut doc.front.decisions {
        d.plain = Some(inline_text(&d.text));
    }
    problems
}

fn action(
    item: &InlineItem,
    origin: &Origin,
    problem: &mut impl FnMut(usize, String, String),
) -> ActionFront {
    let mut a = ActionFront {
        id: item.id.as_ref().map(|(id, _)| id.clone()),
        origin: Some(origin.clone()),
        owner: OneOrMany::default(),
        text: item.source.clone(),
        plain: None,
        due: None,
        status: if item.done == Some(true) {
            Status::Done
        } else {
            Status::Open
        },
        topics: Vec::new(),
    };
    for (key, value, _) in &item.pairs {
        let at = origin.at(key);
        match key.as_str() {
            "owner" => a.owner = OneOrMany(list(value)),
            "topics" => a.topics = list(value),
            "due" => match PartialDate::parse(value) {
                Ok(d) => a.due = Some(d),
                Err(e) => problem(
                    at,
                    format!("due: {e}"),
                    "write the date as YYYY-MM-DD or YYYY-MM".into(),
                ),
            },
            "status" => match status(value) {
                Some(s) => a.status = s,
                None => problem(
                    at,
                    format!("`{value}` is not a status"),
                    "write open, in-progress, done or dropped".into(),
                ),
            },
            other => problem(at, unknown(other, "action"), help(other, ACTION_KEYS)),
        }
    }
    a
}

fn status(value: &str) -> Option<Status> {
    Some(match value.trim().to_ascii_lowercase().as_str() {
        "open" => Status::Open,
        "in-progress" | "in progress" => Status::InProgress,
        "done" => Status::Done,
        "dropped" => Status::Dropped,
        _ => return None,
    })
}

/// `a, b` as a list, blanks left out.
fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

fn unknown(key: &str, what: &str) -> String {
    format!("`{key}` is not a key of an {what}'s block").replace("an decision", "a decision")
}

fn help(key: &str, keys: &[&str]) -> String {
    match crate::frontmatter::did_you_mean(key, keys) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("the keys are {}", keys.join(", ")),
    }
}
