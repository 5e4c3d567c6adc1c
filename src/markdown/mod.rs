//! Markdown bodies: parsing with pulldown-cmark, and the one walk over their
//! events that both the graph (to find references) and the renderer (to
//! write HTML) use, so the two always agree on what links where.
//!
//! [`outline`] is the parse stage: headings with their ids, the wiki-links a
//! body contains, a summary, and syntax problems. [`walk`] is used after the
//! graph is known. Nothing here touches files or templates.

mod mentions;
mod walk;

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

pub use mentions::{Mention, Mentions};
pub use walk::{
    Autolink, Block, LinkTarget, Links, RawHtml, Reference, Searched, Style, Walk, display_label,
    to_html, walk,
};

use crate::model::slug::Slug;

/// The Markdown extensions quorum enables.
pub fn options() -> Options {
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
}

/// A `[[wiki-link]]` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiLink {
    /// The target as written, e.g. `entity:DESA`.
    pub target: String,
    /// Byte offset in the body.
    pub offset: usize,
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
}

/// What the parse stage learns from a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Every wiki-link, in order.
    pub wikilinks: Vec<WikiLink>,
    /// The first paragraph of some length, as plain text.
    pub summary: String,
    /// Unclosed or empty wiki-links.
    pub problems: Vec<Problem>,
}

/// Ids the default theme uses for its own elements start with this; headings
/// never get an id that starts with it.
pub const THEME_ID_PREFIX: &str = "q-";

/// Reads a body's structure: headings and their ids, wiki-links, a summary.
pub fn outline(body: &str) -> Outline {
    let mut out = Outline::default();
    let mut used = HashSet::new();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut paragraph: Option<String> = None;
    let mut code_depth = 0usize;
    let mut text_run: Option<(usize, String)> = None;
    let mut first_paragraph = None;
    let mut in_bare_wikilink = false;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if !matches!(event, Event::Text(_))
            && let Some((offset, run)) = text_run.take()
        {
            check_brackets(&run, offset, &mut out.problems);
        }
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    *level as u8,
                    id.as_ref().map(|s| s.to_string()),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let id = unique_id(explicit, &text, &mut used);
                    out.headings.push(Heading {
                        level,
                        text: text.trim().to_owned(),
                        id,
                    });
                }
            }
            Event::Start(Tag::Paragraph) => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                let text = paragraph.take().unwrap_or_default();
                let text = text.trim();
                if out.summary.is_empty() && text.chars().count() >= 60 {
                    out.summary = text.to_owned();
                }
                if first_paragraph.is_none() && !text.is_empty() {
                    first_paragraph = Some(text.to_owned());
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { .. },
                dest_url,
                ..
            }) => {
                if dest_url.trim().is_empty() {
                    out.problems.push(Problem {
                        offset: range.start,
                        message: "this wiki-link names nothing".into(),
                        help: "write the name of an entity, topic, meeting or action between `[[` and `]]`".into(),
                    });
                } else {
                    out.wikilinks.push(WikiLink {
                        target: dest_url.to_string(),
                        offset: range.start,
                    });
                }
            }
            Event::Text(t) if code_depth == 0 => {
                let run = text_run.get_or_insert_with(|| (range.start, String::new()));
                run.1.push_str(t);
            }
            _ => {}
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
            Event::Text(t) | Event::Code(t) => Some(t.clone()),
            _ => None,
        };
        if let Some(t) = shown {
            if let Some((_, _, h)) = heading.as_mut() {
                h.push_str(&t);
            } else if let Some(p) = paragraph.as_mut() {
                p.push_str(&t);
            }
        }
        if matches!(event, Event::SoftBreak | Event::HardBreak)
            && let Some(p) = paragraph.as_mut()
        {
            p.push(' ');
        }
    }
    if let Some((offset, run)) = text_run.take() {
        check_brackets(&run, offset, &mut out.problems);
    }
    if out.summary.is_empty() {
        out.summary = first_paragraph.unwrap_or_default();
    }
    out.summary = truncate_words(&out.summary, 300);
    // Outlines are kept for the whole build: no room to spare.
    out.headings.shrink_to_fit();
    out.wikilinks.shrink_to_fit();
    out
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
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Cleans rendered HTML of scripts, event handlers, `javascript:` URLs and
/// anything else that could run, keeping what Markdown and quorum produce
/// (ids, classes, links, tables, footnotes, task lists).
pub fn sanitize(html: &str) -> String {
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
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html_into(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped for HTML content and attribute values.
pub fn escape_html_into(out: &mut String, s: &str) {
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
    fn headings_get_unique_stable_ids() {
        let o = outline(
            "# Intro\n\n## Budget\n\n## Budget\n\n## Other {#own}\n\n## Q&A\n\n## Derviş\n",
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
        );
        let t: Vec<_> = o.wikilinks.iter().map(|w| w.target.as_str()).collect();
        assert_eq!(t, ["DESA", "topic:UN reform"]);
        assert!(o.problems.is_empty(), "{:?}", o.problems);
    }

    #[test]
    fn unclosed_and_empty_wikilinks_are_problems() {
        let o = outline("Text [[DESA and more.\n");
        assert_eq!(o.problems.len(), 1);
        assert_eq!(o.problems[0].offset, 5);
        assert!(o.problems[0].message.contains("never closed"));
        let o = outline("Text [[ ]].\n");
        assert!(o.problems[0].message.contains("names nothing"));
    }

    #[test]
    fn summary_is_the_first_substantial_paragraph() {
        let o = outline(
            "# T\n\nUN reform:\n\nDESA will circulate to ECESA Members notes on the outcomes of the round tables.\n",
        );
        assert!(o.summary.starts_with("DESA will circulate"));
        assert_eq!(truncate_words("one two three", 9), "one two…");
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
            let o = outline(&body);
            for h in &o.headings {
                proptest::prop_assert!(!h.id.is_empty());
            }
        }
    }

    #[test]
    fn deeply_nested_input_does_not_overflow() {
        let nested = ">".repeat(10_000) + " deep\n";
        let _ = outline(&nested);
        let _ = outline(&("- ".repeat(10_000) + "x\n"));
        let _ = outline(&("[".repeat(10_000) + &"]".repeat(10_000)));
    }
}
