//! The words a reader sees in a Markdown body, as plain text: what the
//! index takes its terms from and what a result's snippet is cut from. It
//! never writes markup.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use crate::markdown::{display_label, options};

/// Appends the plain text of a Markdown body to `out`: the words a reader
/// sees, one line per block, without markup. A bare `[[entity:DESA]]` reads
/// "DESA", as on the page; raw HTML is left out.
pub fn plain_text(markdown: &str, out: &mut String) {
    let mut bare_wikilink = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            }) => {
                out.push_str(display_label(&dest_url));
                bare_wikilink = true;
            }
            Event::End(TagEnd::Link) => bare_wikilink = false,
            Event::Text(t) | Event::Code(t) if !bare_wikilink => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => line_break(out),
            _ => {}
        }
    }
    line_break(out);
}

/// Ends the current line, unless the text is empty or already ends one.
pub fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup_and_keeps_words() {
        let mut out = String::new();
        plain_text(
            "## Budget\n\nThe *new* [[Budget 2024|budget]] with [[entity:Nordic Network]] and \
             [a link](https://x.example).\nNext line.\n\n- one\n- `two`\n\n<div>raw</div>\n",
            &mut out,
        );
        assert_eq!(
            out,
            "Budget\nThe new budget with Nordic Network and a link. Next line.\none\ntwo\n"
        );
    }
}
