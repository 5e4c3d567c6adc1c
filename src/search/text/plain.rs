//! The words a reader sees in a Markdown body, as plain text: what the
//! index takes its terms from and what a result's snippet is cut from.
//!
//! It must never run two words together that the page shows apart (the
//! index would hold neither), nor split one that the page shows whole; it
//! never writes markup.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use std::ops::Range;

use crate::markdown::{RollCall, attrs, display_label, escape_unknown, options};

/// Appends the plain text of a Markdown body to `out`: the words a reader
/// sees, without markup, one line per block. A bare `[[entity:DESA]]` reads
/// "DESA", as on the page; an image reads as its alt text; raw HTML is left
/// out, but for text that only looks like a tag (`<TBD>`), which the page
/// shows.
///
/// Words never run together where a reader sees them apart: every block
/// (paragraph, heading, list item, table cell, quote, code block, footnote)
/// starts a line as well as ending one, so an item's last word and the
/// first word of the list nested in it are two words; breaks read as a
/// space; an image, a footnote mark, a task box and most HTML tags keep the
/// words either side apart. Emphasis, links and code spans add nothing, so
/// `un*believ*able` stays one word.
///
/// The attribute blocks of the actions and decisions the body holds
/// (`{.action due=…}`, or `{due=…}` on a task item under one of the
/// `action_items` headings) are left out, as the page leaves them out;
/// braces that mark no item are text.
pub(crate) fn plain_text(markdown: &str, action_items: &RollCall, out: &mut String) {
    words(markdown, &item_blocks(markdown, action_items), out);
}

/// [`plain_text`] of a short text that marks no item (an action's or a
/// decision's own text, a note): its braces are all text, as its page
/// shows them.
pub(crate) fn short_text(markdown: &str, out: &mut String) {
    words(markdown, &[], out);
}

/// [`plain_text`], leaving out the attribute blocks at `blocks`.
fn words(markdown: &str, blocks: &[Range<usize>], out: &mut String) {
    let mut plain = Plain {
        out,
        gap: false,
        bare_wikilink: false,
    };
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Text(t) if !blocks.is_empty() => {
                let kept = attrs::outside_blocks(&t, &range, blocks);
                plain.event(Event::Text(kept.into()));
            }
            event => plain.event(event),
        }
    }
    line_break(plain.out);
}

/// Where the attribute blocks of the items in `markdown` are, in order.
fn item_blocks(markdown: &str, action_items: &RollCall) -> Vec<Range<usize>> {
    if !attrs::may_hold_items(markdown) {
        return Vec::new();
    }
    let mut blocks: Vec<Range<usize>> = attrs::items(markdown, action_items)
        .0
        .into_iter()
        .filter_map(|i| i.attrs)
        .collect();
    blocks.sort_by_key(|b| b.start);
    blocks
}

/// The state of [`plain_text`]'s walk over a body's events.
struct Plain<'o> {
    out: &'o mut String,
    /// Something a reader sees between two words (an image, a footnote
    /// mark, a tag such as `<img>`) was passed: the next text starts a new
    /// word. Written only when it is needed, so that `mark[^1].` reads
    /// "mark." and not "mark .".
    gap: bool,
    /// Inside `[[ref]]`, whose label was written when it opened.
    bare_wikilink: bool,
}

impl Plain<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => {
                if !self.bare_wikilink {
                    self.text(&t);
                }
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => self.space(),
            Event::InlineHtml(html) => match inline_html(&html) {
                InlineHtml::Break => self.space(),
                InlineHtml::Apart => self.gap = true,
                InlineHtml::Within => {}
                InlineHtml::Shown => self.text(&html),
            },
            // Only inside an HTML block, which is a block of its own.
            Event::Html(html) => self.placeholders(&html),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => self.gap = true,
            Event::Rule => self.block(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            } => {
                self.text(display_label(&dest_url));
                self.bare_wikilink = true;
            }
            Tag::Image { .. } => self.gap = true,
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. } => {}
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_) => self.block(),
            // A list ends the text of the item it is nested in.
            Tag::List(_) => self.block(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Link => self.bare_wikilink = false,
            TagEnd::Image => self.gap = true,
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::MetadataBlock(_) => self.block(),
        }
    }

    /// Appends `t`, a word apart from the text before it if a gap is open.
    fn text(&mut self, t: &str) {
        let Some(first) = t.chars().next() else {
            return;
        };
        if std::mem::take(&mut self.gap)
            && first.is_alphanumeric()
            && self
                .out
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            self.out.push(' ');
        }
        self.out.push_str(t);
    }

    /// Appends the tags of a line of an HTML block that name no element
    /// (`<Not recorded>`), each a word apart: the page shows them as text
    /// and nothing else of the block.
    fn placeholders(&mut self, html: &str) {
        if escape_unknown(html).is_none() {
            return;
        }
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            let end = rest[at..].find('>').map_or(rest.len(), |k| at + k + 1);
            let tag = &rest[at..end];
            if escape_unknown(tag).is_some() {
                if !self.out.is_empty() && !self.out.ends_with(char::is_whitespace) {
                    self.out.push(' ');
                }
                self.text(tag);
            }
            rest = &rest[end..];
        }
    }

    fn space(&mut self) {
        self.out.push(' ');
        self.gap = false;
    }

    fn block(&mut self) {
        line_break(self.out);
        self.gap = false;
    }
}

/// What a piece of inline HTML is to the words either side of it.
#[derive(Debug, PartialEq, Eq)]
enum InlineHtml {
    /// `<br>`: read as a space, like a hard break.
    Break,
    /// Keeps the words either side apart.
    Apart,
    /// Can sit inside a word.
    Within,
    /// Names no element: text as written, as the page shows it.
    Shown,
}

/// Tags that only style the text they hold and can sit inside a word, as
/// `*…*` can: `un<b>believ</b>able` is one word on the page.
const WITHIN_WORDS: [&str; 32] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];

/// Raw HTML is never text, but a reader sees most elements as a boundary
/// (`a<img src=x>b`, `a<input type=checkbox>b`, `a</td><td>b` are two words
/// each), and `<br>` as a line break: every tag is a boundary unless it is
/// one of [`WITHIN_WORDS`]. A comment, declaration or processing
/// instruction shows nothing, so it is no boundary either: `a<!-- x -->b`
/// reads "ab", as the page does. A tag of an element this does not list is
/// a boundary: splitting a rare word costs less than gluing two. A tag that
/// names no element at all (`<TBD>`, `<as amended>`) is no HTML but text
/// the minutes mean to show, and the page shows it.
fn inline_html(html: &str) -> InlineHtml {
    if escape_unknown(html).is_some() {
        return InlineHtml::Shown;
    }
    let rest = html.strip_prefix('<').unwrap_or(html);
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(rest.len());
    let name = &rest[..end];
    if name.is_empty() {
        InlineHtml::Within
    } else if name.eq_ignore_ascii_case("br") {
        InlineHtml::Break
    } else if WITHIN_WORDS.iter().any(|w| w.eq_ignore_ascii_case(name)) {
        InlineHtml::Within
    } else {
        InlineHtml::Apart
    }
}

/// Ends the current line, unless the text is empty or already ends one.
pub(crate) fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Conventions;
    use crate::search::text::{Folds, Stop, terms};

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let stop = Stop::of_language("en");
        terms(text, stop, &mut String::new(), &mut Folds::default(), |t| {
            out.push(t.to_owned())
        });
        out
    }

    /// The plain text of `markdown`.
    fn plain(markdown: &str) -> String {
        let mut out = String::new();
        plain_text(markdown, &Conventions::default().action_items, &mut out);
        out
    }

    #[test]
    fn paragraphs_are_lines_and_soft_breaks_spaces() {
        assert_eq!(
            plain("One para\nwith a soft break.\n\nTwo &amp; \\*three\\*."),
            "One para with a soft break.\nTwo & *three*.\n"
        );
        assert_eq!(plain(""), "");
        assert_eq!(plain("\n\n"), "");
    }

    #[test]
    fn headings_are_lines_without_their_attributes() {
        assert_eq!(
            plain("# Budget {#budget .wide}\nText\n\nSub\n---\nmore\n###### Six ###"),
            "Budget\nText\nSub\nmore\nSix\n"
        );
    }

    #[test]
    fn list_items_are_lines_tight_or_loose() {
        assert_eq!(plain("- one\n- two\n+ three"), "one\ntwo\nthree\n");
        assert_eq!(
            plain("- one\n\n- two\n\n  second paragraph\n"),
            "one\ntwo\nsecond paragraph\n"
        );
        assert_eq!(plain("3. first\n4. second\n"), "first\nsecond\n");
    }

    #[test]
    fn a_nested_tight_list_starts_a_line() {
        let text = plain(
            "* Updated tender for care strategy [#602](https://tracker.example.org/x/issues/602)\n  \
             * Karin: deferred to next week\n  * no objections, will land\n",
        );
        assert_eq!(
            text,
            "Updated tender for care strategy #602\nKarin: deferred to next week\n\
             no objections, will land\n"
        );
        assert_eq!(
            all(&text)[..8],
            [
                "updated", "tender", "care", "strategy", "602", "karin", "deferred", "next"
            ]
        );
        assert_eq!(
            plain("1. a1\n   1. b2\n      - c3\n        - d4\n   2. e5\n2. f6"),
            "a1\nb2\nc3\nd4\ne5\nf6\n"
        );
        assert_eq!(
            plain("- item\n  ```\n  code\n  ```\n- next\n  > quoted"),
            "item\ncode\nnext\nquoted\n"
        );
    }

    #[test]
    fn block_quotes_are_blocks() {
        assert_eq!(
            plain("text\n> quote\ngoes on\n>\n> - item\n> > inner\n\nafter"),
            "text\nquote goes on\nitem\ninner\nafter\n"
        );
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        assert_eq!(
            plain("before\n```rust\nlet x = 1;\nlet y;\n```\nafter"),
            "before\nlet x = 1;\nlet y;\nafter\n"
        );
        assert_eq!(
            plain("para\n\n    code line\n    second\n\nafter"),
            "para\ncode line\nsecond\nafter\n"
        );
        assert_eq!(plain("~~~\n~~~\nafter"), "after\n");
    }

    #[test]
    fn code_spans_and_emphasis_sit_inside_words() {
        assert_eq!(
            plain("Run `quorum build` and `cfg`'s keys; x`y`z"),
            "Run quorum build and cfg's keys; xyz\n"
        );
        assert_eq!(
            plain("un*believ*able **DESA**'s ~~old~~ _new_ ***both*** a~~b~~c"),
            "unbelievable DESA's old new both abc\n"
        );
    }

    #[test]
    fn links_read_as_their_text() {
        assert_eq!(
            plain(
                "[a *link*](https://x.example \"t\")'s [ref][r], [r] and [[r]]x\n\n[r]: https://r.example"
            ),
            "a link's ref, r and rx\n"
        );
        assert_eq!(
            plain("<https://a.example/x> and <me@x.example>."),
            "https://a.example/x and me@x.example.\n"
        );
    }

    #[test]
    fn images_read_as_their_alt_text_apart_from_the_words_beside() {
        assert_eq!(
            plain("See ![the *chart*](c.png \"t\")below, a![b](x)c and ![](e.png)word."),
            "See the chart below, a b c and word.\n"
        );
        assert_eq!(plain("x![](e.png)."), "x.\n");
    }

    #[test]
    fn wikilinks_read_as_their_labels() {
        assert_eq!(
            plain(
                "[[DESA]]'s [[entity:Nordic Network]] [[Budget 2024|the *budget*]] \
                 [[topic: UN reform ]] and [[action:notes-1]]."
            ),
            "DESA's Nordic Network the budget UN reform and notes-1.\n"
        );
    }

    #[test]
    fn table_cells_are_lines() {
        assert_eq!(
            plain("| h1 | h2 |\n|---|---|\n| c1 | **c2** |\n| 602 | Karin |\n| | x |"),
            "h1\nh2\nc1\nc2\n602\nKarin\nx\n"
        );
        assert_eq!(
            plain("Intro\n| a | b |\n|---|---|\n| c | d |\nafter"),
            "Intro\na\nb\nc\nd\nafter\n"
        );
    }

    #[test]
    fn footnotes_are_left_out_as_marks_and_kept_as_text() {
        assert_eq!(
            plain(
                "Agreed[^1]. Noted[^n]and more\n\n[^1]: Karin *said* so.\n[^n]: Second.\n  More."
            ),
            "Agreed. Noted and more\nKarin said so.\nSecond. More.\n"
        );
    }

    #[test]
    fn attribute_blocks_of_actions_and_decisions_are_left_out() {
        assert_eq!(
            plain(
                "1. DESA will circulate the notes. {.action due=2006-09-30}\n   - UNDP agreed {.decision}\n\nA set {a, b}\n"
            ),
            "DESA will circulate the notes.\nUNDP agreed\nA set {a, b}\n"
        );
    }

    #[test]
    fn a_task_item_s_block_is_left_out_under_an_action_heading_only() {
        assert_eq!(
            plain(
                "## Action items\n\n- [x] DESA sent the invitations {due=2006-08-01}\n\
                 - [ ] UNDP to send \\*figures\\* &amp; notes {owner=UNDP due=2006-09}\n\n\
                 ## Notes\n\n- [ ] keep {due=2006-08-01}\n\nA set {a=b}\n\n\
                 `{.action}` in code {x}\n"
            ),
            "Action items\nDESA sent the invitations\nUNDP to send *figures* & notes\n\
             Notes\nkeep {due=2006-08-01}\nA set {a=b}\n{.action} in code {x}\n"
        );
        let mut out = String::new();
        plain_text(
            "## Follow-up\n\n- [ ] UNDP to send the figures {due=2006-08-01}\n",
            &RollCall::new(["Follow-up"]),
            &mut out,
        );
        assert_eq!(out, "Follow-up\nUNDP to send the figures\n");
    }

    #[test]
    fn task_boxes_are_left_out() {
        assert_eq!(
            plain("- [ ] open task\n- [x] done task\n  - [X] nested\n"),
            "open task\ndone task\nnested\n"
        );
    }

    #[test]
    fn soft_and_hard_breaks_are_spaces() {
        assert_eq!(plain("one\ntwo  \nthree\\\nfour"), "one two three four\n");
    }

    #[test]
    fn inline_html_is_left_out_but_keeps_words_apart() {
        assert_eq!(
            plain(
                "word<br>word a<br/>b c<BR />d un<b>believ</b>able a<span>b</span> \
                 c<!-- x -->d e<img src=\"x.png\">f g<kbd>h</kbd> i<input type=checkbox>j."
            ),
            "word word a b c d unbelievable ab cd e f gh i j.\n"
        );
        assert_eq!(plain("<span>a</span> b<br>"), "a b \n");
    }

    #[test]
    fn text_that_only_looks_like_a_tag_is_kept() {
        assert_eq!(
            plain("Apologies <Not recorded>, minutes by <TBD>.\na<as amended>b"),
            "Apologies <Not recorded>, minutes by <TBD>. a<as amended>b\n"
        );
        assert_eq!(
            plain("Apologies:\n\n<None received>\n\nNext"),
            "Apologies:\n<None received>\nNext\n"
        );
        assert_eq!(
            plain("<div>\n<TBD> & <em>x</em><Later>\n</div>\n"),
            "<TBD> <Later>\n"
        );
    }

    #[test]
    fn html_blocks_are_left_out_as_blocks() {
        assert_eq!(
            plain("before\n<div>\nraw text\n</div>\n\nafter\n\n<!-- comment -->\nlast"),
            "before\nafter\nlast\n"
        );
        assert_eq!(plain("- item\n  <div>x</div>\n- next"), "item\nnext\n");
    }

    #[test]
    fn horizontal_rules_end_a_line() {
        assert_eq!(
            plain("above\n***\nbelow\n\n___\n* * *\nend"),
            "above\nbelow\nend\n"
        );
    }

    #[test]
    fn html_tags_are_boundaries_unless_they_format_or_name_nothing() {
        for (html, kind) in [
            ("<br>", InlineHtml::Break),
            ("<BR/>", InlineHtml::Break),
            ("<img src=x>", InlineHtml::Apart),
            ("</td>", InlineHtml::Apart),
            ("<my-widget>", InlineHtml::Apart),
            ("<span class=x>", InlineHtml::Within),
            ("</STRONG>", InlineHtml::Within),
            ("<wbr>", InlineHtml::Within),
            ("<!-- note -->", InlineHtml::Within),
            ("<?php ?>", InlineHtml::Within),
            ("<!DOCTYPE html>", InlineHtml::Within),
            ("<TBD>", InlineHtml::Shown),
            ("</as>", InlineHtml::Shown),
        ] {
            assert_eq!(inline_html(html), kind, "{html}");
        }
    }

    #[test]
    fn plain_text_drops_markup_and_keeps_words() {
        let mut out = String::new();
        plain_text(
            "## Budget\n\nThe *new* [[Budget 2024|budget]] with [[entity:Nordic Network]] and \
             [a link](https://x.example).\nNext line.\n\n- one\n- `two`\n\n<div>raw</div>\n",
            &Conventions::default().action_items,
            &mut out,
        );
        assert_eq!(
            out,
            "Budget\nThe new budget with Nordic Network and a link. Next line.\none\ntwo\n"
        );
    }
}
