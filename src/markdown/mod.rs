//! Markdown bodies: parsing with pulldown-cmark, and the one walk over their
//! events that both the graph (to find references) and the renderer (to
//! write HTML) use, so the two always agree on what links where.
//!
//! [`outline`] is the parse stage: headings with their ids, the wiki-links a
//! body contains, a summary, and syntax problems. [`walk`] is used after the
//! graph is known. Nothing here touches files or templates.

pub(crate) mod attrs;
pub(crate) mod autolink;
mod mentions;
pub(crate) mod patterns;
pub(crate) mod rollcall;
mod scheme;
mod tags;
mod walk;

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

pub(crate) use attrs::{InlineItem, ItemKind};
pub(crate) use mentions::{Mention, Mentions, NOT_A_MENTION};
pub(crate) use patterns::{LinkPattern, LinkPatterns};
pub(crate) use rollcall::RollCall;
pub(crate) use scheme::safe_url;
pub(crate) use tags::escape_unknown;
pub(crate) use walk::{
    Autolink, ItemMark, LinkTarget, Links, RawHtml, Searched, Style, block_anchor, display_label,
    to_html, walk,
};

use crate::slug::Slug;

/// The Markdown extensions quorum enables.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// A heading of a body, with the id that makes its section linkable.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading as plain text.
    pub text: String,
    /// Unique within the page.
    pub id: String,
    /// Whether its section is a roll-call (see [`RollCall`]), its own or
    /// that of a heading above it.
    #[serde(skip)]
    pub roll_call: bool,
}

/// A `[[wiki-link]]` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiLink {
    /// The target as written, e.g. `entity:DESA`.
    pub target: String,
    /// Byte offset: in the body from [`outline`], in the file once parsed.
    pub offset: usize,
}

/// The targets of the wiki-links of a short Markdown text (outside code).
pub(crate) fn wikilinks(text: &str) -> Vec<String> {
    Parser::new_ext(text, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { .. },
                dest_url,
                ..
            }) if !dest_url.trim().is_empty() => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// A problem in a body's Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the body.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Whether the body cannot be built as it is (else a warning).
    pub error: bool,
}

/// How a site writes its minutes: which headings open a roll-call, and
/// under which headings task items are actions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Conventions {
    pub roll_call: RollCall,
    pub action_items: RollCall,
}

/// The headings under which task items (`- [ ] …`) are actions when a site
/// names none.
pub(crate) const DEFAULT_ACTION_ITEMS: [&str; 5] = [
    "Action items",
    "Actions",
    "Action points",
    "Next steps",
    "To do",
];

impl Default for Conventions {
    fn default() -> Conventions {
        Conventions {
            roll_call: RollCall::default(),
            action_items: RollCall::new(DEFAULT_ACTION_ITEMS),
        }
    }
}

/// What the parse stage learns from a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Every wiki-link, in order.
    pub wikilinks: Vec<WikiLink>,
    /// The first passages that could sum the body up, in order (see
    /// [`Passage`]).
    pub passages: Vec<Passage>,
    /// Actions and decisions written in the body, in order.
    pub items: Vec<InlineItem>,
    /// Unclosed or empty wiki-links.
    pub problems: Vec<Problem>,
}

/// A paragraph or list item of a body's own words, which could be its
/// summary: not in a roll-call, not a list of links, not a note in
/// emphasis alone. Whether it is also in other meetings of the series (and
/// so boilerplate) is for the graph to tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// As plain text, cut to [`SUMMARY_CHARS`].
    pub text: String,
    /// A digest of the whole text: the same passage in two meetings has the
    /// same digest.
    pub digest: u64,
    /// Whether it is long enough to say something ([`SUMMARY_MIN_CHARS`]).
    pub long: bool,
}

/// The most characters of a summary.
pub(crate) const SUMMARY_CHARS: usize = 300;

/// A passage shorter than this is a summary only when there is no longer one.
pub(crate) const SUMMARY_MIN_CHARS: usize = 60;

/// How many long and short passages an outline keeps: enough to pass over
/// the boilerplate a series repeats, few enough to hold for every meeting.
const PASSAGES_LONG: usize = 3;
const PASSAGES_SHORT: usize = 2;

impl Outline {
    /// The first long passage, or else the first: a summary for a body
    /// that no other body repeats (an entity's or topic's description).
    pub fn summary(&self) -> &str {
        self.passages
            .iter()
            .find(|p| p.long)
            .or(self.passages.first())
            .map_or("", |p| p.text.as_str())
    }

    fn keep(&mut self, block: &OutlineBlock) {
        let text = block.text.trim();
        if text.is_empty() || block.roll_call || block.code {
            return;
        }
        let emphasis_only = !block.outside.chars().any(char::is_alphanumeric);
        let links_only = block.links > 0 && block.outside.split_whitespace().take(4).count() <= 3;
        if emphasis_only || links_only {
            return;
        }
        let long = text.char_indices().nth(SUMMARY_MIN_CHARS - 1).is_some();
        let (count, max) = if long {
            (
                self.passages.iter().filter(|p| p.long).count(),
                PASSAGES_LONG,
            )
        } else {
            (
                self.passages.iter().filter(|p| !p.long).count(),
                PASSAGES_SHORT,
            )
        };
        if count >= max {
            return;
        }
        let mut h = crate::hash::Hash::default();
        h.write(text.as_bytes());
        self.passages.push(Passage {
            text: truncate_words(text, SUMMARY_CHARS),
            digest: h.0,
            long,
        });
    }

    /// Whether enough passages are kept: a short one is only a summary
    /// when no long one is.
    fn full(&self) -> bool {
        self.passages.iter().filter(|p| p.long).count() >= PASSAGES_LONG
    }
}

/// A paragraph or list item being read by [`outline`].
#[derive(Debug, Default)]
struct OutlineBlock {
    /// Its plain text.
    text: String,
    /// The part of it outside links and emphasis.
    outside: String,
    /// Links in it.
    links: usize,
    roll_call: bool,
    code: bool,
}

/// Ids the default theme uses for its own elements start with this; headings
/// never get an id that starts with it.
pub(crate) const THEME_ID_PREFIX: &str = "q-";

/// Reads a body's structure: headings and their ids (and which open a
/// roll-call, as `roll_call` tells), wiki-links, passages for a summary.
pub(crate) fn outline(body: &str, conventions: &Conventions) -> Outline {
    let roll_call = &conventions.roll_call;
    let mut out = Outline::default();
    let mut item_problems = Vec::new();
    if attrs::may_hold_items(body) {
        let (items, problems) = attrs::items(body, &conventions.action_items);
        out.items = items;
        item_problems = problems;
    }
    // An action's or decision's attribute block is not part of what was
    // said: passages leave out the blocks of the items found, and only them.
    let mut item_blocks: Vec<std::ops::Range<usize>> =
        out.items.iter().filter_map(|i| i.attrs.clone()).collect();
    item_blocks.sort_by_key(|r| r.start);
    let mut used = HashSet::new();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut blocks: Vec<OutlineBlock> = Vec::new();
    // Blocks read, kept to be used again: their texts keep their room.
    let mut spare: Vec<OutlineBlock> = Vec::new();
    let mut sections = rollcall::Sections::default();
    let mut tracker = rollcall::Tracker::default();
    let mut code_depth = 0usize;
    let mut text_run: Option<(usize, String)> = None;
    let mut in_bare_wikilink = false;
    // Links and emphasis open around the text being read.
    let (mut links, mut emphasis) = (0usize, 0usize);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if !matches!(event, Event::Text(_))
            && let Some((offset, run)) = text_run.take()
        {
            check_brackets(&run, offset, &mut out.problems);
        }
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let mut explicit = id.as_ref().map(|s| s.trim().to_string());
                // The theme's ids start with `q-`: a heading may not take one.
                if let Some(own) = explicit
                    .as_mut()
                    .filter(|id| id.starts_with(THEME_ID_PREFIX))
                {
                    out.problems.push(Problem {
                        offset: range.start,
                        message: format!("the id `{own}` is reserved: ids that start with `{THEME_ID_PREFIX}` belong to the theme"),
                        help: format!("give the heading another id; it gets `h-{own}` meanwhile"),
                        error: false,
                    });
                    *own = format!("h-{own}");
                }
                heading = Some((*level as u8, explicit, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let id = unique_id(explicit, &text, &mut used);
                    let text = text.trim().to_owned();
                    let in_roll_call = sections.heading(level, roll_call.heading(&text));
                    tracker.section(in_roll_call);
                    out.headings.push(Heading {
                        level,
                        text,
                        id,
                        roll_call: in_roll_call,
                    });
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item) => {
                if matches!(event, Event::Start(Tag::Paragraph)) && blocks.is_empty() {
                    tracker.other_block();
                }
                let mut block = spare.pop().unwrap_or_default();
                block.roll_call = tracker.active();
                block.code = code_depth > 0;
                blocks.push(block);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                if let Some(mut block) = blocks.pop() {
                    let label = roll_call.label(&block.text);
                    if matches!(event, Event::End(TagEnd::Paragraph)) && blocks.is_empty() {
                        tracker.paragraph_end(label);
                    }
                    block.roll_call |= label != rollcall::Label::None;
                    if !out.full() {
                        out.keep(&block);
                    }
                    block.text.clear();
                    block.outside.clear();
                    block.links = 0;
                    spare.push(block);
                }
            }
            Event::Start(Tag::List(_)) => {
                let label = blocks
                    .last()
                    .map_or(rollcall::Label::None, |b| roll_call.label(&b.text));
                tracker.list_start(label);
            }
            Event::End(TagEnd::List(_)) => tracker.list_end(),
            Event::Start(Tag::Table(_) | Tag::BlockQuote(_)) if blocks.is_empty() => {
                tracker.other_block();
            }
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::End(TagEnd::Link) => links = links.saturating_sub(1),
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis += 1,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => {
                code_depth += 1;
                if blocks.is_empty() {
                    tracker.other_block();
                }
            }
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            _ => {}
        }
        if let Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::WikiLink { .. },
            dest_url,
            ..
        }) = &event
        {
            if dest_url.trim().is_empty() {
                out.problems.push(Problem {
                    offset: range.start,
                    message: "this wiki-link names nothing".into(),
                    help: "write the name of an entity, topic, meeting or action between `[[` and `]]`".into(),
                    error: false,
                });
            } else {
                out.wikilinks.push(WikiLink {
                    target: dest_url.to_string(),
                    offset: range.start,
                });
            }
        }
        if let Event::Text(t) = &event
            && code_depth == 0
        {
            let run = text_run.get_or_insert_with(|| (range.start, String::new()));
            run.1.push_str(t);
        }
        // `[[entity:DESA]]` reads "DESA": its text is replaced by the label.
        let shown = match &event {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            }) => {
                in_bare_wikilink = true;
                Some(CowStr::from(walk::display_label(dest_url).to_owned()))
            }
            Event::End(TagEnd::Link) => {
                in_bare_wikilink = false;
                None
            }
            Event::Text(_) | Event::Code(_) if in_bare_wikilink => None,
            Event::Text(t) if !item_blocks.is_empty() => Some(CowStr::Borrowed(
                attrs::outside_blocks(t, &range, &item_blocks),
            )),
            Event::Text(t) | Event::Code(t) => Some(t.clone()),
            Event::SoftBreak | Event::HardBreak => Some(CowStr::Borrowed(" ")),
            _ => None,
        };
        if let Some(t) = shown {
            if let Some((_, _, h)) = heading.as_mut() {
                h.push_str(&t);
            } else if out.full() {
                // Passages are only read for a summary: enough are kept.
            } else if let Some(b) = blocks.last_mut() {
                b.text.push_str(&t);
                if links == 0 && emphasis == 0 {
                    b.outside.push_str(&t);
                } else {
                    b.outside.push(' ');
                }
            }
        }
        if matches!(event, Event::Start(Tag::Link { .. }))
            && let Some(b) = blocks.last_mut()
        {
            b.links += 1;
        }
    }
    if let Some((offset, run)) = text_run.take() {
        check_brackets(&run, offset, &mut out.problems);
    }
    out.problems.extend(item_problems);
    // Outlines are kept for the whole build: no room to spare.
    out.headings.shrink_to_fit();
    out.wikilinks.shrink_to_fit();
    out.passages.shrink_to_fit();
    out
}

/// The plain text of a short Markdown text (an action's or decision's): the
/// words a reader sees, without markup, on one line. A bare `[[DESA]]`
/// reads "DESA"; HTML is left out, but for text that only looks like a tag
/// (`<TBD>`), which is shown.
pub(crate) fn inline_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut bare_wikilink = false;
    let space = |out: &mut String| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            }) => {
                out.push_str(display_label(&dest_url));
                bare_wikilink = true;
            }
            Event::End(TagEnd::Link) => bare_wikilink = false,
            Event::Text(t) | Event::Code(t) if !bare_wikilink => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) if tags::escape_unknown(&h).is_some() => {
                out.push_str(&h);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => space(&mut out),
            _ => {}
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    words.join(" ")
}

/// Text that still holds `[[` after parsing has a wiki-link that was never closed.
fn check_brackets(run: &str, offset: usize, problems: &mut Vec<Problem>) {
    // `contains` has a vectorised search for short needles; `find` does not.
    if !run.contains("[[") {
        return;
    }
    if let Some(i) = run.find("[[") {
        let message = if run[i..].starts_with("[[]]") {
            "this wiki-link names nothing"
        } else {
            "this wiki-link is never closed"
        };
        problems.push(Problem {
            offset: offset + i,
            message: message.into(),
            help: "write `[[name]]` on one line, or `\\[[` for literal brackets".into(),
            error: false,
        });
    }
}

fn unique_id(explicit: Option<String>, text: &str, used: &mut HashSet<String>) -> String {
    let base = match explicit {
        Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => {
            let slug = Slug::from_name(text).to_string();
            if slug.starts_with(THEME_ID_PREFIX) {
                format!("h-{slug}")
            } else {
                slug
            }
        }
    };
    let mut id = base.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Cuts `text` to at most `max` characters at a word boundary, adding `…`.
pub(crate) fn truncate_words(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let cut = &text[..end];
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Cleans rendered HTML of scripts, event handlers, `javascript:` URLs and
/// anything else that could run, keeping what Markdown and quorum produce
/// (ids, classes, links, tables, footnotes, task lists).
pub(crate) fn sanitize(html: &str) -> String {
    static CLEANER: std::sync::LazyLock<ammonia::Builder<'static>> =
        std::sync::LazyLock::new(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["id", "class", "title"])
                .add_tags(["input", "mark"])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .url_relative(ammonia::UrlRelative::PassThrough)
                .link_rel(None);
            b
        });
    CLEANER.clean(html).to_string()
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html_into(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped for HTML content and attribute values.
pub(crate) fn escape_html_into(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_never_take_the_theme_s_ids() {
        let o = outline(
            "## Title {#q-minutes-title}\n\n## q-toc\n",
            &Conventions::default(),
        );
        let ids: Vec<_> = o.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["h-q-minutes-title", "h-q-toc"]);
        assert_eq!(o.problems.len(), 1, "{:?}", o.problems);
        assert!(o.problems[0].message.contains("reserved"));
    }

    #[test]
    fn headings_get_unique_stable_ids() {
        let o = outline(
            "# Intro\n\n## Budget\n\n## Budget\n\n## Other {#own}\n\n## Q&A\n\n## Derviş\n",
            &Conventions::default(),
        );
        let ids: Vec<_> = o.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["intro", "budget", "budget-1", "own", "h-q-a", "dervis"]
        );
        assert_eq!(o.headings[0].level, 1);
    }

    #[test]
    fn wikilinks_are_listed_outside_code_only() {
        let o = outline(
            "See [[DESA]] and [[topic:UN reform|reform]].\n\n`[[code]]`\n\n```\n[[block]]\n```\n",
            &Conventions::default(),
        );
        let t: Vec<_> = o.wikilinks.iter().map(|w| w.target.as_str()).collect();
        assert_eq!(t, ["DESA", "topic:UN reform"]);
        assert!(o.problems.is_empty(), "{:?}", o.problems);
    }

    #[test]
    fn unclosed_and_empty_wikilinks_are_problems() {
        let o = outline("Text [[DESA and more.\n", &Conventions::default());
        assert_eq!(o.problems.len(), 1);
        assert_eq!(o.problems[0].offset, 5);
        assert!(o.problems[0].message.contains("never closed"));
        let o = outline("Text [[ ]].\n", &Conventions::default());
        assert!(o.problems[0].message.contains("names nothing"));
    }

    #[test]
    fn summary_is_the_first_substantial_paragraph() {
        let o = outline(
            "# T\n\nUN reform:\n\nDESA will circulate to ECESA Members notes on the outcomes of the round tables.\n",
            &Conventions::default(),
        );
        assert!(o.summary().starts_with("DESA will circulate"));
        assert_eq!(truncate_words("one two three", 9), "one two…");
    }

    #[test]
    fn passages_leave_out_the_blocks_of_items_and_only_them() {
        let o = outline(
            "## Action items\n\n\
             - [x] DESA sent the invitations to the retreat of the Principals {due=2006-08-01}\n\
             - [ ] UNDP to send \\*the figures\\* {owner=UNDP}\n\n\
             The set {a, b} was discussed. {.decision}\n",
            &Conventions::default(),
        );
        let texts: Vec<&str> = o.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "DESA sent the invitations to the retreat of the Principals",
                "UNDP to send *the figures*",
            ]
        );
        assert_eq!(o.items.len(), 3, "{:?}", o.items);
        for (body, text) in [
            (
                "The set {a, b} was discussed. {.decision}\n",
                "The set {a, b} was discussed.",
            ),
            ("Met in {Geneva}.\n", "Met in {Geneva}."),
            (
                "## Notes\n\n- [ ] A reminder {owner=nobody}\n",
                "A reminder {owner=nobody}",
            ),
            (
                "## Actions\n\nNo task {due=2006-08-01}\n",
                "No task {due=2006-08-01}",
            ),
            ("`{.action}` in code {x}\n", "{.action} in code {x}"),
        ] {
            let o = outline(body, &Conventions::default());
            assert_eq!(o.summary(), text, "{body}");
        }
    }

    #[test]
    fn an_item_s_block_is_found_where_it_is_written() {
        for body in [
            "## Actions\n\n- [ ] Cost \\$5 &amp; more {due=2006-08-01}\n",
            "## Actions\n\n- [ ] Trailing spaces {due=2006-08-01}   \n",
            "## Actions\n\n- [ ] Two\n  lines {due=2006-08-01}\n  - nested\n",
            "Hard break  \n{.action due=2006-08-01}\n",
            "> Quoted {.action due=2006-08-01}\n",
            "| a |\n|---|\n| Cell {.action due=2006-08-01} |\n",
        ] {
            let o = outline(body, &Conventions::default());
            let range = o.items[0].attrs.clone().expect("a block");
            let block = &body[range];
            assert_eq!(block.trim_start(), block.trim(), "{body}");
            assert!(block.trim().starts_with('{'), "{body}");
            assert!(block.ends_with('}'), "{body}");
            assert_eq!(&body[o.items[0].pairs[0].2..][..4], "due=", "{body}");
            assert!(!o.summary().contains('{'), "{body}: {}", o.summary());
        }
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest::proptest! {
        #[test]
        fn escaping_round_trips_and_leaves_no_markup(text in "\\PC*") {
            let escaped = escape_html(&text);
            proptest::prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
            proptest::prop_assert_eq!(unescape(&escaped), text);
        }

        #[test]
        fn outline_and_html_never_panic(body in "(\\PC|\n|\\[\\[|\\]\\]|#|\\||`){0,200}") {
            let o = outline(&body, &Conventions::default());
            for h in &o.headings {
                proptest::prop_assert!(!h.id.is_empty());
            }
        }
    }

    #[test]
    fn deeply_nested_input_does_not_overflow() {
        let nested = ">".repeat(10_000) + " deep\n";
        let _ = outline(&nested, &Conventions::default());
        let _ = outline(&("- ".repeat(10_000) + "x\n"), &Conventions::default());
        let _ = outline(
            &("[".repeat(10_000) + &"]".repeat(10_000)),
            &Conventions::default(),
        );
    }
}
