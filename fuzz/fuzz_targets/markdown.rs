//! Any text as a Markdown body with wiki-links and mentions: outlined, walked
//! and rendered with every `autolink` and `raw_html` mode. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quorum::markdown::{
    Autolink, LinkTarget, Links, Mentions, RawHtml, Style, outline, to_html, walk,
};

struct Fake {
    mentions: Option<Mentions>,
}

impl Links for Fake {
    type Key = usize;
    fn wikilink(&self, target: &str) -> Option<LinkTarget<usize>> {
        (target.len() % 3 != 0).then(|| self.mentioned(target.len() % 3))
    }
    fn mentions(&self) -> Option<&Mentions> {
        self.mentions.as_ref()
    }
    fn mentioned(&self, owner: usize) -> LinkTarget<usize> {
        LinkTarget {
            key: owner,
            path: format!("entities/e{owner}/"),
            title: format!("E<{owner}>"),
            kind: "entity",
        }
    }
}

fuzz_target!(|body: &str| {
    let names = ["UN", "UN Secretariat", "Mr. Dervis", "Derviş", "a", "[["];
    let links = Fake {
        mentions: Mentions::new(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.to_string(), i % 3)),
        ),
    };
    let o = outline(body);
    for autolink in [Autolink::First, Autolink::All, Autolink::None] {
        for raw_html in [RawHtml::Allow, RawHtml::Sanitize, RawHtml::Escape] {
            let style = Style {
                root: "../../",
                base_path: "/m/",
                relative: true,
                autolink,
                raw_html,
                this: Some(1),
            };
            let html = to_html(body, &o.headings, &links, style);
            if raw_html == RawHtml::Escape {
                assert!(!html.contains("<script"), "escaped HTML came through");
            }
            let w = walk(body, &o.headings, &links, style, false);
            for r in &w.references {
                if let Some(b) = r.block {
                    let text = &w.blocks[b].text;
                    assert!(r.range.end <= text.len() && text.is_char_boundary(r.range.start));
                }
            }
        }
    }
});
