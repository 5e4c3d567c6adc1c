//! A small layer over quick-xml's writer for the XML exports.
//!
//! quick-xml escapes `<`, `&` and quotes; this adds what it leaves to the
//! caller: characters that XML 1.0 cannot hold at all (most control
//! characters) are dropped, so no front-matter string can make a document
//! that parsers reject. It must never write markup from a string it is given.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written, indented by two spaces.
pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
}

fn io(e: std::io::Error) -> String {
    e.to_string()
}

impl Xml {
    /// A document with its `<?xml …?>` declaration.
    pub(super) fn new() -> Result<Xml, String> {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
            .map_err(io)?;
        Ok(Xml { writer })
    }

    /// `<name attrs…>`.
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), String> {
        let start = start(name, attrs);
        self.writer.write_event(Event::Start(start)).map_err(io)
    }

    /// `</name>`.
    pub(super) fn close(&mut self, name: &str) -> Result<(), String> {
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(io)
    }

    /// `<name attrs…>text</name>`, the text escaped.
    pub(super) fn text(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<(), String> {
        let text = clean(text);
        self.writer
            .write_event(Event::Start(start(name, attrs)))
            .and_then(|()| self.writer.write_event(Event::Text(BytesText::new(&text))))
            .and_then(|()| self.writer.write_event(Event::End(BytesEnd::new(name))))
            .map_err(io)
    }

    /// `<name attrs…/>`.
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), String> {
        self.writer
            .write_event(Event::Empty(start(name, attrs)))
            .map_err(io)
    }

    /// The document's bytes, ending in a newline.
    pub(super) fn finish(self) -> Vec<u8> {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attrs {
        // Escaped by quick-xml, quotes included.
        start.push_attribute((*key, clean(value).as_ref()));
    }
    start
}

/// `s` without the characters XML 1.0 does not allow (controls other than
/// tab, line feed and carriage return; U+FFFE and U+FFFF).
pub(super) fn clean(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut x = Xml::new().unwrap();
        x.open("a", &[("title", "\"<&>'")]).unwrap();
        x.text("b", &[], "x < y & \"z\"").unwrap();
        x.empty("c", &[("href", "a&b")]).unwrap();
        x.close("a").unwrap();
        let out = String::from_utf8(x.finish()).unwrap();
        assert!(
            out.contains(r#"<a title="&quot;&lt;&amp;&gt;&apos;">"#),
            "{out}"
        );
        assert!(out.contains("<b>x &lt; y &amp; &quot;z&quot;</b>"), "{out}");
        assert!(out.contains(r#"<c href="a&amp;b"/>"#), "{out}");
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    }

    #[test]
    fn characters_xml_cannot_hold_are_dropped() {
        assert_eq!(clean("a\u{1}b\u{FFFF}\tc"), "ab\tc");
        assert!(matches!(clean("plain é 李"), Cow::Borrowed(_)));
    }
}
