//! An SVG writer that cannot produce broken or unsafe markup.
//!
//! Every drawing of [`views`](super) goes through [`Svg`]: element and
//! attribute names are `&'static str` from this crate's own code, and every
//! value that may come from front matter — texts, titles, attribute values,
//! links — is escaped as it is written, with the characters XML 1.0 cannot
//! hold at all dropped. Elements are closed from a stack, so the output is
//! always well-formed XML, whether it is inlined into a page or parsed alone.
//!
//! It must never write a caller's string unescaped, and never format numbers
//! with more precision than a picture needs (one decimal): output size and
//! byte-identical rebuilds both depend on it.

use std::fmt::Write as _;

/// The SVG namespace.
pub(crate) const NS: &str = "http://www.w3.org/2000/svg";

/// An attribute value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum V<'a> {
    /// Text, escaped when written.
    S(&'a str),
    /// A coordinate or length, written with at most one decimal.
    N(f64),
}

impl<'a> From<&'a str> for V<'a> {
    fn from(s: &'a str) -> V<'a> {
        V::S(s)
    }
}

impl<'a> From<&'a String> for V<'a> {
    fn from(s: &'a String) -> V<'a> {
        V::S(s)
    }
}

impl From<f64> for V<'_> {
    fn from(n: f64) -> Self {
        V::N(n)
    }
}

/// An SVG document being written.
#[derive(Debug)]
pub(crate) struct Svg {
    out: String,
    open: Vec<&'static str>,
}

impl Svg {
    /// `<svg>` of `width`×`height` user units (its intrinsic size, scaled
    /// down by CSS on narrow screens), with `class` and the accessible name
    /// `label` as its first `<title>`.
    pub(crate) fn new(width: f64, height: f64, class: &str, label: &str) -> Svg {
        Svg::begin(width, (width, height), class, label, "group")
    }

    /// A picture without links (one image to assistive technologies, named
    /// by `label`), drawn on a grid `view_width` units wide and stretched to
    /// `width` (bars on whole units write shorter).
    pub(crate) fn stretched(
        view_width: f64,
        width: f64,
        height: f64,
        class: &str,
        label: &str,
    ) -> Svg {
        Svg::begin(view_width, (width, height), class, label, "img")
    }

    fn begin(
        view_width: f64,
        (width, height): (f64, f64),
        class: &str,
        label: &str,
        role: &str,
    ) -> Svg {
        let mut svg = Svg {
            out: String::with_capacity(1024),
            open: Vec::new(),
        };
        let view_box = format!("0 0 {} {}", num(view_width), num(height));
        let mut attrs = vec![
            ("xmlns", V::S(NS)),
            ("class", V::S(class)),
            ("viewBox", V::S(&view_box)),
            ("width", V::N(width)),
            ("height", V::N(height)),
        ];
        if view_width != width {
            attrs.push(("preserveAspectRatio", V::S("none")));
        }
        attrs.push(("role", V::S(role)));
        svg.open("svg", &attrs);
        svg.title(label);
        svg
    }

    /// `<name attrs…>`; closed by [`close`](Self::close) or [`finish`](Self::finish).
    pub(crate) fn open(&mut self, name: &'static str, attrs: &[(&'static str, V<'_>)]) {
        self.start(name, attrs);
        self.out.push('>');
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// `<name attrs…/>`.
    pub(crate) fn empty(&mut self, name: &'static str, attrs: &[(&'static str, V<'_>)]) {
        self.start(name, attrs);
        self.out.push_str("/>");
    }

    /// `<name attrs…>text</name>`.
    pub(crate) fn text(&mut self, name: &'static str, attrs: &[(&'static str, V<'_>)], text: &str) {
        self.start(name, attrs);
        self.out.push('>');
        escape_into(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<title>text</title>`: the tooltip and accessible name of its parent.
    pub(crate) fn title(&mut self, text: &str) {
        self.text("title", &[], text);
    }

    /// `<a href>` around what follows, with its `<title>`; close it with
    /// [`close`](Self::close).
    pub(crate) fn link(&mut self, href: &str, class: &str, title: &str) {
        self.open("a", &[("href", V::S(href)), ("class", V::S(class))]);
        self.title(title);
    }

    /// The markup, every open element closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }

    fn start(&mut self, name: &'static str, attrs: &[(&'static str, V<'_>)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            match value {
                V::S(s) => escape_into(&mut self.out, s, true),
                V::N(n) => self.out.push_str(&num(*n)),
            }
            self.out.push('"');
        }
    }
}

/// A number with at most one decimal, no trailing `.0`, never `-0`.
pub(crate) fn num(n: f64) -> String {
    if !n.is_finite() {
        return "0".into();
    }
    let tenths = (n * 10.0).round() as i64;
    let mut s = String::new();
    if tenths < 0 {
        s.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = write!(s, "{}", t / 10);
    if !t.is_multiple_of(10) {
        let _ = write!(s, ".{}", t % 10);
    }
    s
}

/// Appends `text` escaped for XML text (and, with `attr`, for a quoted
/// attribute value, where line breaks and tabs become spaces).
pub(crate) fn escape_into(out: &mut String, text: &str, attr: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' if attr => out.push(' '),
            '\t' | '\n' | '\r' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Whether XML 1.0 can hold `c` (controls other than tab and line breaks,
/// and the two non-characters U+FFFE and U+FFFF, cannot).
fn allowed(c: char) -> bool {
    !(c < ' ' || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}')
}

/// `text` cut to `max` characters, with `…` when cut.
pub(crate) fn ellipsize(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// Parses `xml` and returns every element name in document order;
    /// panics when it is not well-formed.
    pub(crate) fn elements(xml: &str) -> Vec<String> {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().check_end_names = true;
        let mut names = Vec::new();
        let mut depth = 0i32;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    depth += 1;
                    names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                Ok(Event::Empty(e)) => {
                    names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::Text(t)) => {
                    t.decode().expect("text decodes");
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}\n{xml}"),
            }
        }
        assert_eq!(depth, 0, "unclosed elements in {xml}");
        names
    }

    #[test]
    fn texts_and_attributes_are_escaped() {
        let mut s = Svg::new(10.0, 10.0, "c\"x", "<b>&'\"");
        s.link("/a?b=1&c=\"2\"", "k", "Tom & <Jerry>\u{1}\u{fffe}");
        s.text("text", &[("x", V::N(1.25))], "a < b\n> c");
        let out = s.finish();
        assert!(
            out.contains("<title>&lt;b&gt;&amp;&#39;&quot;</title>"),
            "{out}"
        );
        assert!(out.contains("href=\"/a?b=1&amp;c=&quot;2&quot;\""), "{out}");
        assert!(out.contains("class=\"c&quot;x\""), "{out}");
        assert!(
            out.contains("<title>Tom &amp; &lt;Jerry&gt;</title>"),
            "{out}"
        );
        assert!(!out.contains("<b>") && !out.contains('\u{1}'));
        assert_eq!(
            elements(&out),
            ["svg", "title", "a", "title", "text"],
            "{out}"
        );
        assert!(out.ends_with("</a></svg>"), "{out}");
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.26), "1.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-2.55), "-2.6");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1234.95), "1235");
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("  Short  ", 10), "Short");
        assert_eq!(ellipsize("Économie et société", 8), "Économi…");
        assert_eq!(ellipsize("ab cd ef", 4), "ab…");
    }
}
