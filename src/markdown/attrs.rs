//! Actions and decisions written where the minutes say them.
//!
//! A paragraph or list item of the minutes becomes an action or a decision
//! by a trailing attribute block, as Pandoc and kramdown write them:
//!
//! ```markdown
//! 1. DESA will circulate the notes. {.action due=2006-09-30}
//! - Agreed to publish the glossary. {.decision topics="Glossary, Publications"}
//! ```
//!
//! The block starts with `{.action` or `{.decision` (or `{#id`), ends the
//! text of its paragraph or item, and holds `#id`, one `.action` or
//! `.decision`, and `key=value` pairs (a value with spaces in quotes). Under
//! a heading such as "Action items", a task item (`- [ ] …`, `- [x] …`) is an
//! action without one. This module only reads the block; what its keys mean
//! is the model's business. It never guesses from prose.

use std::ops::Range;

/// What a block marks its paragraph or item as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Action,
    Decision,
}

/// An attribute block as written: `{#id .action key=value …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attrs {
    pub kind: ItemKind,
    /// `#id`, or `id=…`.
    pub id: Option<String>,
    /// Where the id is written in the block.
    pub id_at: Option<usize>,
    /// The other pairs, in order, each with where its key starts in the block.
    pub pairs: Vec<(String, String, usize)>,
}

/// Why a block cannot be read: where in the block, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttrsError {
    /// Byte offset in the block.
    pub at: usize,
    pub message: String,
    pub help: String,
}

/// The trailing attribute block of `text`: where it is (the spaces before it
/// included) and what it says. `None` when the text does not end with a
/// block that starts like one of ours (`{TBD}` is text); `Some(Err)` when it
/// starts like one and is malformed.
pub(crate) fn trailing(text: &str) -> Option<(Range<usize>, Result<Attrs, AttrsError>)> {
    block(text, None)
}

/// [`trailing`] for a block already known to be an action (a task item
/// under an "Action items" heading): its block may start with a key
/// (`{due=2024-05-01}`), and marks an action unless it says otherwise.
pub(crate) fn trailing_in_item(text: &str) -> Option<(Range<usize>, Result<Attrs, AttrsError>)> {
    block(text, Some(ItemKind::Action))
}

fn block(text: &str, kind: Option<ItemKind>) -> Option<(Range<usize>, Result<Attrs, AttrsError>)> {
    let trimmed = text.trim_end();
    if !trimmed.ends_with('}') {
        return None;
    }
    let open = opening_brace(trimmed)?;
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    let first = inner.trim_start();
    let ours = first.starts_with('.') && first[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        || first.starts_with('#')
        || (kind.is_some()
            && word_at(first, 0).len() > 1
            && first[word_at(first, 0).len()..].starts_with('='));
    if !ours {
        return None;
    }
    let start = trimmed[..open].trim_end().len();
    // Offsets in the block count from `start`, where the range begins.
    let shift = open + 1 - start;
    let parsed = parse(inner, kind)
        .map(|mut attrs| {
            for (_, _, at) in &mut attrs.pairs {
                *at += shift;
            }
            if let Some(at) = attrs.id_at.as_mut() {
                *at += shift;
            }
            attrs
        })
        .map_err(|mut e| {
            e.at += shift;
            e
        });
    Some((start..text.len(), parsed))
}

/// The `{` that opens the block ending `text`: the last one outside quotes.
fn opening_brace(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut open = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if open.is_some() => quote = Some(c),
            (None, '{') => open = Some(i),
            _ => {}
        }
    }
    open
}

/// The keys a block may hold besides its kind and id.
pub(crate) const ACTION_KEYS: &[&str] = &["owner", "due", "status", "topics", "id"];
pub(crate) const DECISION_KEYS: &[&str] = &["topics", "id"];

fn parse(inner: &str, default: Option<ItemKind>) -> Result<Attrs, AttrsError> {
    let mut kind = None;
    let mut id = None;
    let mut id_at = None;
    let mut pairs = Vec::new();
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < inner.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        match bytes[i] {
            b'.' => {
                let word = word_at(inner, i + 1);
                let found = match word {
                    "action" => ItemKind::Action,
                    "decision" => ItemKind::Decision,
                    _ => {
                        return Err(error(
                            start,
                            format!("`.{word}` is not a kind of item"),
                            "write `.action` or `.decision`",
                        ));
                    }
                };
                if kind.replace(found).is_some() {
                    return Err(error(
                        start,
                        "a block marks one action or one decision".into(),
                        "keep one of `.action` and `.decision`",
                    ));
                }
                i += 1 + word.len();
            }
            b'#' => {
                let word = word_at(inner, i + 1);
                if word.is_empty() {
                    return Err(error(start, "`#` without an id".into(), "write `#my-id`"));
                }
                id = Some(word.to_owned());
                id_at = Some(start);
                i += 1 + word.len();
            }
            _ => {
                let key = word_at(inner, i);
                if key.is_empty() || !inner[i + key.len()..].starts_with('=') {
                    return Err(error(
                        start,
                        format!("`{}` is not `key=value`", token_at(inner, i)),
                        "write `key=value`, with quotes around a value that has spaces",
                    ));
                }
                i += key.len() + 1;
                let (value, len) = value_at(inner, i).ok_or_else(|| {
                    error(
                        i,
                        format!("the value of `{key}` has no closing quote"),
                        "close the quotes around the value",
                    )
                })?;
                i += len;
                if key == "id" {
                    id = Some(value);
                    id_at = Some(start);
                } else {
                    pairs.push((key.to_owned(), value, start));
                }
            }
        }
    }
    let kind = kind.or(default).ok_or_else(|| {
        error(
            0,
            "the block says neither `.action` nor `.decision`".into(),
            "add `.action` or `.decision`",
        )
    })?;
    Ok(Attrs {
        kind,
        id,
        id_at,
        pairs,
    })
}

fn error(at: usize, message: String, help: &str) -> AttrsError {
    AttrsError {
        at,
        message,
        help: help.into(),
    }
}

/// The name starting at `i`: letters, digits, `-`, `_`, `.`, `:`.
fn word_at(text: &str, i: usize) -> &str {
    let rest = &text[i.min(text.len())..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || "-_.:".contains(c)))
        .unwrap_or(rest.len());
    // A `.` ends a kind's name (`.action.x` is not a kind).
    &rest[..end]
}

fn token_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
}

/// The value starting at `i` and how many bytes it takes: quoted, or up to
/// the next space. `None` for an unclosed quote.
fn value_at(text: &str, i: usize) -> Option<(String, usize)> {
    let rest = &text[i..];
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let end = rest[1..].find(q)?;
            Some((rest[1..1 + end].to_owned(), end + 2))
        }
        _ => {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            Some((rest[..end].to_owned(), end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (String, Attrs) {
        let (range, attrs) = trailing(text).expect("a block");
        (text[..range.start].to_owned(), attrs.expect("well formed"))
    }

    #[test]
    fn a_trailing_block_marks_an_action_or_a_decision() {
        let (text, a) =
            read("DESA will circulate the notes. {.action due=2006-09-30 owner=\"DESA, UNDP\"}");
        assert_eq!(text, "DESA will circulate the notes.");
        assert_eq!(a.kind, ItemKind::Action);
        assert_eq!(
            a.pairs
                .iter()
                .map(|(k, v, _)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            [("due", "2006-09-30"), ("owner", "DESA, UNDP")]
        );
        let (text, d) = read("Agreed to publish the glossary. {#glossary .decision}  ");
        assert_eq!(text, "Agreed to publish the glossary.");
        assert_eq!(
            (d.kind, d.id.as_deref()),
            (ItemKind::Decision, Some("glossary"))
        );
        let (_, d) = read("x {.action id='a b' topics=Budget}");
        assert_eq!(d.id.as_deref(), Some("a b"));
    }

    #[test]
    fn braces_that_are_text_stay_text() {
        for text in [
            "Next date {TBD}",
            "A set {a, b}",
            "no block",
            "{.action} then more text",
        ] {
            assert!(trailing(text).is_none(), "{text}");
        }
    }

    #[test]
    fn malformed_blocks_say_where() {
        for (text, at, says) in [
            ("x {.acton}", 3, "is not a kind"),
            ("x {.action due}", 11, "is not `key=value`"),
            ("x {.action owner=\"DESA}", 17, "no closing quote"),
            ("x {#id}", 3, "neither"),
            ("x {.action .decision}", 11, "one action or one decision"),
        ] {
            let (range, parsed) = trailing(text).unwrap();
            let e = parsed.unwrap_err();
            assert!(e.message.contains(says), "{text}: {}", e.message);
            assert_eq!(range.start + e.at, at, "{text}");
        }
    }
}

/// An action or decision written in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineItem {
    pub kind: ItemKind,
    /// The number of its paragraph or list item among the body's blocks
    /// (see [`super::Block::ordinal`]).
    pub ordinal: u32,
    /// Its text as written, without the attribute block: inline Markdown.
    pub source: String,
    /// Byte offset in the body where it starts, for messages.
    pub offset: usize,
    /// `#id` or `id=`, and its byte offset in the body.
    pub id: Option<(String, usize)>,
    /// The block's pairs, each with its byte offset in the body.
    pub pairs: Vec<(String, String, usize)>,
    /// A task item's box: `Some(true)` when ticked.
    pub done: Option<bool>,
    /// Where its attribute block is in the body, the spaces before it
    /// included: the page does not show it, nor do summaries and search.
    pub attrs: Option<Range<usize>>,
}

/// A paragraph or list item being read by [`items`].
struct Open {
    ordinal: u32,
    /// Where its own text starts and the text run that ends it so far.
    start: Option<usize>,
    run: String,
    /// Where its own text ends (before a nested list).
    end: usize,
    task: Option<bool>,
    closed_text: bool,
}

/// Whether `body` may hold items at all: most bodies are read no further.
pub(crate) fn may_hold_items(body: &str) -> bool {
    body.contains("{.action")
        || body.contains("{.decision")
        || body.contains("{#")
        || body.contains("[ ]")
        || body.contains("[x]")
        || body.contains("[X]")
}

/// The actions and decisions written in `body`, in order, and the problems
/// of malformed attribute blocks (errors). A task item is an action under a
/// heading `action_items` names.
pub(crate) fn items(
    body: &str,
    action_items: &super::RollCall,
) -> (Vec<InlineItem>, Vec<super::Problem>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut ordinals = 0u32;
    let mut sections = super::rollcall::Sections::default();
    let mut in_actions = false;
    let mut heading: Option<(u8, String)> = None;
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((*level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    in_actions = sections.heading(level, action_items.heading(text.trim()));
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                ordinals += 1;
                open.push(Open {
                    ordinal: ordinals,
                    start: None,
                    run: String::new(),
                    end: range.end,
                    task: None,
                    closed_text: false,
                });
            }
            Event::Start(Tag::List(_)) => {
                if let Some(b) = open.last_mut() {
                    b.closed_text = true;
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                if let Some(b) = open.pop() {
                    let item = finish(body, b, in_actions, &mut problems);
                    out.extend(item);
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(b) = open.last_mut() {
                    b.task = Some(*done);
                }
            }
            _ => {}
        }
        if let Some((_, h)) = heading.as_mut()
            && let Event::Text(t) | Event::Code(t) = &event
        {
            h.push_str(t);
            continue;
        }
        let Some(b) = open.last_mut() else { continue };
        if b.closed_text {
            continue;
        }
        match &event {
            Event::Text(t) => {
                b.run.push_str(t);
                b.start.get_or_insert(range.start);
                b.end = range.end;
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::List(_))
            | Event::TaskListMarker(_) => {}
            _ => {
                b.run.clear();
                if !matches!(event, Event::End(_)) {
                    b.start.get_or_insert(range.start);
                }
                b.end = b.end.max(range.end);
            }
        }
    }
    (out, problems)
}

/// The item a block is, if any, once read whole.
fn finish(
    body: &str,
    b: Open,
    in_actions: bool,
    problems: &mut Vec<super::Problem>,
) -> Option<InlineItem> {
    let start = b.start?;
    let task_action = in_actions && b.task.is_some();
    let block = if task_action {
        trailing_in_item(&b.run)
    } else {
        trailing(&b.run)
    };
    // The block ends the run, and the run's last text ends at `b.end`: its
    // place is counted back from there, which holds when an escape or an
    // entity earlier in the run makes the text shorter than its source.
    let run_end = b.end.min(body.len());
    let (kind, attrs_at, id, pairs) = match block {
        Some((range, Ok(attrs))) => {
            let at = run_end.saturating_sub(b.run.len() - range.start);
            let pairs = attrs
                .pairs
                .into_iter()
                .map(|(k, v, o)| (k, v, at + o))
                .collect();
            let id = attrs.id.map(|id| (id, at + attrs.id_at.unwrap_or(0)));
            (attrs.kind, Some(at), id, pairs)
        }
        Some((range, Err(e))) => {
            problems.push(super::Problem {
                offset: run_end.saturating_sub(b.run.len() - range.start) + e.at,
                message: e.message,
                help: e.help,
                error: true,
            });
            return None;
        }
        None if task_action => (ItemKind::Action, None, None, Vec::new()),
        None => return None,
    };
    let end = attrs_at.unwrap_or(b.end).min(body.len()).max(start);
    let source = body.get(start..end).unwrap_or("").trim().to_owned();
    Some(InlineItem {
        kind,
        ordinal: b.ordinal,
        source,
        offset: start,
        id,
        pairs,
        done: b.task,
        attrs: attrs_at.map(|at| at..run_end),
    })
}

/// The part of a text event that is not an item's attribute block: `text`
/// is read from `source` in the body, `blocks` are the items' blocks in
/// order ([`InlineItem::attrs`]). A block ends the text of its paragraph or
/// item, so what is left is the start of `text`; its length is counted back
/// from the end of the event, as [`items`] counts the block's place.
pub(crate) fn outside_blocks<'t>(
    text: &'t str,
    source: &Range<usize>,
    blocks: &[Range<usize>],
) -> &'t str {
    let i = blocks.partition_point(|b| b.end <= source.start);
    let Some(block) = blocks.get(i).filter(|b| b.start < source.end) else {
        return text;
    };
    if block.start <= source.start {
        return "";
    }
    let cut = source.end.min(block.end) - block.start;
    let mut keep = text.len().saturating_sub(cut);
    while !text.is_char_boundary(keep) {
        keep -= 1;
    }
    &text[..keep]
}
