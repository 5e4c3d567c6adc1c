//! Roll-call sections: the parts of minutes that list who was there.
//!
//! Minutes list their attendance under headings such as "Present",
//! "Apologies" or "Observers", or on lines such as "Present: Ann, Bo".
//! Names there are attendance, not discussion: they are not mentions, and
//! such a section never gives a meeting its summary. The headings are the
//! site's choice (`roll_call:` in `quorum.yaml`); this module only decides
//! whether a heading or a line is one of them. It never looks at names.

use serde::Deserialize;

/// The headings that open a roll-call when a site names none.
pub(crate) const DEFAULT_ROLL_CALL: [&str; 10] = [
    "Present",
    "Attendees",
    "Attendance",
    "Participants",
    "Apologies",
    "Regrets",
    "Absent",
    "Observers",
    "Invited",
    "Guests",
];

/// The words that open a roll-call, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct RollCall {
    words: Vec<String>,
    /// The first word of each, for a quick look at every heading.
    firsts: Vec<String>,
}

impl Default for RollCall {
    fn default() -> RollCall {
        RollCall::new(DEFAULT_ROLL_CALL)
    }
}

impl From<Vec<String>> for RollCall {
    fn from(words: Vec<String>) -> RollCall {
        RollCall::new(words)
    }
}

/// What a block's text says about the roll-call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// An ordinary block.
    None,
    /// The block is only a label ("Present:"): the list right after it is
    /// the roll-call.
    Opens,
    /// The block starts with a label and names people ("Present: Ann, Bo").
    Lists,
}

impl RollCall {
    /// From the headings as a site writes them; blank ones are left out.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> RollCall {
        let mut words: Vec<String> = words
            .into_iter()
            .map(|w| normalise(w.as_ref()))
            .filter(|w| !w.is_empty())
            .collect();
        words.sort();
        words.dedup();
        let mut firsts: Vec<String> = words
            .iter()
            .filter_map(|w| w.split(|c: char| !c.is_alphanumeric()).next())
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        firsts.sort();
        firsts.dedup();
        RollCall { words, firsts }
    }

    /// The words, lower-cased, in alphabetical order.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    fn is_word(&self, w: &str) -> bool {
        self.words.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
    }

    /// Whether a heading opens a roll-call section: it is one of the words
    /// ("Present", "Attendees:"), or several joined by "and", "/", "&" or
    /// commas ("Attendees and apologies"). A note in brackets is left out
    /// ("Present (voting members)").
    pub fn heading(&self, text: &str) -> bool {
        // Every heading of every body comes here: a roll-call's is short,
        // and starts with one of the words.
        if text.len() > 80 || !self.starts_a_word(text) {
            return false;
        }
        let text = normalise(&without_brackets(text));
        if text.is_empty() {
            return false;
        }
        if self.is_word(&text) {
            return true;
        }
        let mut parts = text
            .split([',', '/', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .peekable();
        parts.peek().is_some() && parts.all(|p| self.is_word(p))
    }

    /// Whether `text`, past the marks around a label, starts with one of
    /// the words (read without making a string, as every heading is).
    fn starts_a_word(&self, text: &str) -> bool {
        let text = text.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
        let end = text
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len());
        let first = &text[..end];
        if first.is_empty() || first.len() > 32 {
            return false;
        }
        if first.is_ascii() {
            let mut lower = [0u8; 32];
            lower[..first.len()].copy_from_slice(first.as_bytes());
            lower[..first.len()].make_ascii_lowercase();
            let lower = std::str::from_utf8(&lower[..first.len()]).unwrap_or("");
            return self
                .firsts
                .binary_search_by(|f| f.as_str().cmp(lower))
                .is_ok();
        }
        let lower = first.to_lowercase();
        self.firsts.binary_search(&lower).is_ok()
    }

    /// Whether a paragraph or list item is a roll-call label: alone
    /// ("Present:", "**Apologies**"), or followed by the names.
    pub fn label(&self, text: &str) -> Label {
        let text = text.trim();
        // Every block of every body comes here: a label is short.
        let head = text.find(':').map_or(text, |i| &text[..i]);
        if head.len() > 48 || self.words.is_empty() {
            return Label::None;
        }
        if let Some((head, rest)) = text.split_once(':') {
            if self.heading(head) {
                return if rest.trim().is_empty() {
                    Label::Opens
                } else {
                    Label::Lists
                };
            }
            return Label::None;
        }
        // A label without a colon is only a label if it is all there is.
        if text.len() <= 40 && self.heading(text) {
            Label::Opens
        } else {
            Label::None
        }
    }
}

/// Lower case, without the marks around and after a label (`**`, `:`).
fn normalise(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_lowercase()
}

fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Which headings' sections are roll-calls: the section of a roll-call
/// heading lasts until a heading of its level or above, sub-sections
/// included.
#[derive(Debug, Default)]
pub(crate) struct Sections {
    /// The level of the roll-call heading whose section is being read.
    open: Option<u8>,
}

impl Sections {
    /// A heading of `level`; `roll_call` says whether it opens a roll-call
    /// itself. Returns whether its section is a roll-call.
    pub(crate) fn heading(&mut self, level: u8, roll_call: bool) -> bool {
        if self.open.is_some_and(|l| level <= l) {
            self.open = None;
        }
        if roll_call && self.open.is_none() {
            self.open = Some(level);
        }
        self.open.is_some()
    }
}

/// Follows a body's events to tell whether the block being read is part of
/// a roll-call: a roll-call section, or the list right after a label.
/// [`crate::markdown::outline`] and the walk feed it the same events, so the
/// two always agree.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    /// The section being read is a roll-call.
    section: bool,
    /// A label was the last block: the next list is the roll-call.
    pending: bool,
    /// Lists open inside a roll-call list (0: none).
    lists: usize,
}

impl Tracker {
    /// A heading starts a section, a roll-call or not.
    pub(crate) fn section(&mut self, roll_call: bool) {
        *self = Tracker {
            section: roll_call,
            ..Tracker::default()
        };
    }

    /// A list starts; `label` is what the text of the item it is nested in
    /// says so far (a list under "- Present:" is the roll-call).
    pub(crate) fn list_start(&mut self, label: Label) {
        if self.lists > 0 || std::mem::take(&mut self.pending) || label == Label::Opens {
            self.lists += 1;
        }
    }

    /// A list ends.
    pub(crate) fn list_end(&mut self) {
        self.lists = self.lists.saturating_sub(1);
    }

    /// A block other than a list starts (a paragraph, a table, a quote):
    /// a label before it opened nothing.
    pub(crate) fn other_block(&mut self) {
        self.pending = false;
    }

    /// A paragraph outside lists ended with `label`: a label alone opens
    /// the next list.
    pub(crate) fn paragraph_end(&mut self, label: Label) {
        if label == Label::Opens && self.lists == 0 {
            self.pending = true;
        }
    }

    /// Whether what is being read now is part of a roll-call (a block's own
    /// label aside, which only its text tells).
    pub(crate) fn active(&self) -> bool {
        self.section || self.lists > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_matched_whole_without_case_marks_or_notes() {
        let r = RollCall::default();
        for yes in [
            "Present",
            "present:",
            "**Attendees**",
            "Present (voting members)",
            "Attendees and Apologies",
            "Apologies / Regrets",
            "Observers, Guests",
        ] {
            assert!(r.heading(yes), "{yes}");
        }
        for no in [
            "Presentations",
            "Participants' feedback",
            "Present and future work",
            "",
            "()",
            "Agenda",
        ] {
            assert!(!r.heading(no), "{no}");
        }
    }

    #[test]
    fn a_site_chooses_its_own_headings() {
        let r = RollCall::new(["Anwesend", " Entschuldigt ", ""]);
        assert!(r.heading("Anwesend") && r.heading("entschuldigt:"));
        assert!(!r.heading("Present"));
        assert!(!RollCall::new(Vec::<String>::new()).heading("Present"));
    }

    #[test]
    fn labels_open_a_list_or_list_names_themselves() {
        let r = RollCall::default();
        assert_eq!(r.label("Present:"), Label::Opens);
        assert_eq!(r.label("Apologies"), Label::Opens);
        assert_eq!(r.label("Present: Ann Lee, Bo Chen"), Label::Lists);
        assert_eq!(r.label("Regrets: none"), Label::Lists);
        assert_eq!(r.label("Ann: present at the launch"), Label::None);
        assert_eq!(r.label("Present the budget to the board"), Label::None);
        assert_eq!(r.label("Agreed: the budget"), Label::None);
    }

    #[test]
    fn sections_last_until_a_heading_of_their_level() {
        let mut s = Sections::default();
        assert!(!s.heading(2, false));
        assert!(s.heading(2, true));
        assert!(s.heading(3, false), "a sub-section of the roll-call");
        assert!(!s.heading(2, false));
        assert!(s.heading(3, true));
        assert!(!s.heading(1, false));
    }

    #[test]
    fn a_label_opens_the_next_list_only() {
        let mut t = Tracker::default();
        t.other_block();
        t.paragraph_end(Label::Opens);
        t.list_start(Label::None);
        assert!(t.active());
        t.list_start(Label::None);
        assert!(t.active(), "nested lists stay in the roll-call");
        t.list_end();
        t.list_end();
        assert!(!t.active());
        t.paragraph_end(Label::Opens);
        t.other_block();
        t.list_start(Label::None);
        assert!(!t.active(), "a paragraph came between");
        t.list_start(Label::Opens);
        assert!(t.active(), "a list under an item that is a label");
        t.list_end();
        assert!(!t.active());
        t.section(true);
        assert!(t.active());
        t.section(false);
        assert!(!t.active());
    }
}
