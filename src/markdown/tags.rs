//! Telling HTML that minutes mean from text that only looks like it.
//!
//! Minutes write placeholders in angle brackets: `<TBD>`, `<Not recorded>`.
//! CommonMark reads them as HTML tags, and a browser shows nothing of a tag
//! it does not know, so the words would vanish. A tag whose name is no
//! element of HTML, SVG or MathML (and no custom element, which has a `-`)
//! is shown as text instead, whatever `raw_html` says; real HTML is left to
//! `raw_html`. This never decides whether HTML is safe: that is
//! [`crate::markdown::sanitize`]'s job.

/// Element names of HTML (current and obsolete ones browsers still know),
/// and those of SVG and MathML that are written inside HTML. Lower case,
/// sorted (binary search).
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "animate",
    "annotation",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "circle",
    "cite",
    "clippath",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "defs",
    "del",
    "desc",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "ellipse",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "foreignobject",
    "form",
    "frame",
    "frameset",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "line",
    "lineargradient",
    "link",
    "main",
    "map",
    "mark",
    "marker",
    "marquee",
    "mask",
    "math",
    "menu",
    "meta",
    "meter",
    "mfrac",
    "mi",
    "mn",
    "mo",
    "mrow",
    "msqrt",
    "msub",
    "msup",
    "mtext",
    "nav",
    "nobr",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "path",
    "pattern",
    "picture",
    "polygon",
    "polyline",
    "pre",
    "progress",
    "q",
    "radialgradient",
    "rect",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "semantics",
    "slot",
    "small",
    "source",
    "span",
    "stop",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "symbol",
    "table",
    "tbody",
    "td",
    "template",
    "text",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tspan",
    "tt",
    "u",
    "ul",
    "use",
    "var",
    "video",
    "wbr",
];

/// Whether `name` is an element a browser knows, or a custom element.
fn known(name: &str) -> bool {
    if name.contains('-') {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    ELEMENTS.binary_search(&lower.as_str()).is_ok()
}

/// `html` with every tag that names no element escaped, so it shows as
/// text; `None` when every tag in it is known (or it holds no tag).
pub(crate) fn escape_unknown(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = html[i..].find('<').map(|k| i + k) {
        let name_start = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'/'));
        let name_end = html[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(html.len(), |k| name_start + k);
        let name = &html[name_start..name_end];
        let is_tag = name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
        if is_tag && !known(name) {
            let end = html[at..].find('>').map_or(html.len(), |k| at + k + 1);
            let o = out.get_or_insert_with(|| String::with_capacity(html.len() + 16));
            o.push_str(&html[copied..at]);
            super::escape_html_into(o, &html[at..end]);
            copied = end;
            i = end;
        } else {
            i = at + 1;
        }
    }
    out.map(|mut o| {
        o.push_str(&html[copied..]);
        o
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_lower_case() {
        let mut sorted = ELEMENTS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ELEMENTS);
        assert!(ELEMENTS.iter().all(|e| *e == e.to_ascii_lowercase()));
    }

    #[test]
    fn placeholders_become_text_and_html_stays() {
        assert_eq!(
            escape_unknown("<Not recorded>").as_deref(),
            Some("&lt;Not recorded&gt;")
        );
        assert_eq!(escape_unknown("<TBD>").as_deref(), Some("&lt;TBD&gt;"));
        assert_eq!(escape_unknown("</TBD>").as_deref(), Some("&lt;/TBD&gt;"));
        for html in [
            "<br>",
            "<B>bold</B>",
            "<span class=\"x\">a</span>",
            "<my-widget></my-widget>",
            "<!-- note -->",
            "<svg><path d=\"M0 0\"/></svg>",
            "a < b",
        ] {
            assert_eq!(escape_unknown(html), None, "{html}");
        }
        assert_eq!(
            escape_unknown("<div>\n<TBD> & <em>x</em>\n</div>").as_deref(),
            Some("<div>\n&lt;TBD&gt; & <em>x</em>\n</div>")
        );
        assert_eq!(escape_unknown("<Nope").as_deref(), Some("&lt;Nope"));
    }
}
