//! Finding plain mentions of entities in text.
//!
//! One Aho-Corasick automaton holds every name and alias of every entity,
//! searched leftmost-longest. A match counts only as a whole word
//! (case-sensitive); where matches overlap the one that starts first wins,
//! then the longest: "UN Secretariat" beats "UN".
//!
//! Words part where a word character (a letter, digit, combining mark, `_`
//! or joiner) meets one that is not, in every script, and around every
//! Chinese or Japanese character: their texts have no spaces, so there a
//! mention is the longest name at the first place one begins, with no
//! boundary to check. An Arabic name may follow the one or two letters
//! that attach to a word (و ف ب ل ك: "وبمصر" mentions "مصر").
//!
//! Every paragraph of every body is searched, twice in a build (for the
//! backlinks and for the page), so the search skips ahead: a name can only
//! begin where a word begins (or at a character that is not part of a
//! word), with a byte some name begins with. Only there is the automaton
//! run, anchored. Running it over every byte costs a lookup in a table of
//! megabytes per byte; the skip costs a lookup in a table of 256.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// The owner of a phrase that is not a mention ("Google Calendar" when an
/// entity is called "Google"): where it is the longest name at a place,
/// nothing there is a mention.
pub(crate) const NOT_A_MENTION: usize = usize::MAX;

/// Up to how many bytes of names the leftmost-longest automaton is a full DFA.
const DFA_BYTES: usize = 256 * 1024;

/// The longest name, in characters, that is looked for as a mention. A
/// search tries the names at every place a word begins, and a try costs up
/// to the length of the longest name: a name of thousands of characters (a
/// paragraph pasted into `chair:`) would make every paragraph cost that
/// much per word. No real name comes near.
pub(super) const LONGEST_NAME: usize = 200;

/// The automaton of all entity names and aliases.
#[derive(Debug, Clone)]
pub struct Mentions {
    /// Leftmost-longest and anchored: the longest name at a place.
    longest: AhoCorasick,
    /// Every match: for the rare place where the longest name is not a whole word.
    all: AhoCorasick,
    owners: Vec<usize>,
    /// The bytes names begin with: the places worth running `longest` at.
    starts: Box<[bool; 256]>,
}

/// One mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The index of the entity, as given to [`Mentions::new`].
    pub owner: usize,
}

impl Mentions {
    /// Builds the automaton from `(name, owner)` pairs; empty names and names
    /// longer than [`LONGEST_NAME`] are skipped, and a name given twice keeps
    /// its first owner. `None` when there is nothing to find.
    pub fn new(names: impl IntoIterator<Item = (String, usize)>) -> Option<Mentions> {
        let mut pairs: Vec<(String, usize)> = names
            .into_iter()
            .map(|(n, o)| (n.trim().to_owned(), o))
            .filter(|(n, _)| !n.is_empty() && n.chars().nth(LONGEST_NAME).is_none())
            .collect();
        // Keep the first owner of a repeated name; sort for a stable automaton.
        let mut seen = std::collections::HashSet::new();
        pairs.retain(|(n, _)| seen.insert(n.clone()));
        pairs.sort();
        if pairs.is_empty() {
            return None;
        }
        let names = || pairs.iter().map(|(n, _)| n.as_str());
        // A full DFA is the fastest search, which every paragraph of every
        // body goes through; it takes some megabytes for thousands of names,
        // so far more names are left to the automaton the crate picks.
        let bytes: usize = pairs.iter().map(|(n, _)| n.len()).sum();
        let kind = (bytes <= DFA_BYTES).then_some(AhoCorasickKind::DFA);
        let longest = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(kind)
            .build(names())
            .ok()?;
        let mut starts = Box::new([false; 256]);
        for (n, _) in &pairs {
            starts[usize::from(n.as_bytes()[0])] = true;
        }
        // Only asked where the longest name is not a whole word, so it is an
        // NFA, which costs as much to build as the names are long; a DFA
        // built from names that repeat themselves ("aaaa…") costs the
        // square of it.
        let all = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(names())
            .ok()?;
        Some(Mentions {
            longest,
            all,
            owners: pairs.into_iter().map(|(_, o)| o).collect(),
            starts,
        })
    }

    /// Every whole-word mention in `text`, in order, without overlaps.
    /// Line breaks inside `text` count as spaces, so a name broken over two
    /// lines is still found.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let spaced;
        let haystack = if text.contains('\n') {
            spaced = text.replace('\n', " ");
            spaced.as_str()
        } else {
            text
        };
        let mention = |start: usize, end: usize, pattern: usize| Mention {
            range: start..end,
            owner: self.owners[pattern],
        };
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(start) = self.next_start(haystack, pos) {
            let input = Input::new(haystack)
                .span(start..haystack.len())
                .anchored(Anchored::Yes);
            let Some(m) = self.longest.find(input) else {
                pos = start + 1;
                continue;
            };
            if is_whole_word(haystack, start, m.end()) {
                let found = mention(start, m.end(), m.pattern().as_usize());
                if found.owner != NOT_A_MENTION {
                    out.push(found);
                }
                pos = m.end();
                continue;
            }
            // The longest name here is not a whole word ("UN Secretariats"):
            // a shorter one starting at the same place may be ("UN").
            let window = &haystack[start..m.end()];
            let shorter = self
                .all
                .find_overlapping_iter(window)
                .filter(|s| s.start() == 0)
                .filter(|s| is_whole_word(haystack, start, start + s.end()))
                .max_by_key(|s| s.end());
            match shorter {
                Some(s) => {
                    let found = mention(start, start + s.end(), s.pattern().as_usize());
                    if found.owner != NOT_A_MENTION {
                        out.push(found);
                    }
                    pos = start + s.end();
                }
                None => pos = start + 1,
            }
        }
        out
    }

    /// The first place at or after `pos` where a whole-word name may begin:
    /// a byte some name begins with (so never inside a character), where
    /// words part (or after an Arabic proclitic).
    fn next_start(&self, text: &str, pos: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = pos;
        while i < bytes.len() {
            if self.starts[usize::from(bytes[i])] && (apart(text, i) || after_proclitic(text, i)) {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

/// Whether the match `start..end` (never empty) is a whole word. A boundary
/// is needed only where the name itself begins or ends with a word
/// character ("Mr." may be followed directly by a letter-less space). An
/// Arabic name may follow the letters that attach to the word after them
/// ([`after_proclitic`]).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    (apart(text, start) || after_proclitic(text, start)) && apart(text, end)
}

/// Whether the characters on either side of `i` (a character boundary) are
/// not both word characters: a name may begin or end there. Every Chinese
/// or Japanese character is a word of its own (their texts have no spaces),
/// so a name may begin or end next to one, whatever is on the other side.
fn apart(text: &str, i: usize) -> bool {
    if !(word_before(text, i) && word_at(text, i)) {
        return true;
    }
    let bytes = text.as_bytes();
    // Their characters are three bytes or more in UTF-8, from 0xE3.
    let at = bytes.get(i).is_some_and(|&b| b >= 0xE3);
    let before = i >= 3 && bytes[i - 1] >= 0x80;
    (at && text[i..].chars().next().is_some_and(is_cjk))
        || (before && text[..i].chars().next_back().is_some_and(is_cjk))
}

/// Chinese and Japanese characters: Han, Hiragana, Katakana.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3005 | 0x3007
        | 0x3040..=0x30FF
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF)
}

/// The Arabic letters that are written attached to the word after them:
/// و (and), ف (so), ب (with, in), ل (for), ك (as).
const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Whether an Arabic name at `i` follows one of the [`PROCLITICS`] (or two:
/// و or ف, then ب, ل or ك) that begins a word: "بمصر" (in Egypt) mentions
/// "مصر". The mention is the name, without the letters before it. The
/// article ال is not one of them: a name that takes it is written with it.
fn after_proclitic(text: &str, i: usize) -> bool {
    // Arabic letters are two bytes in UTF-8, from 0xD8.
    if !text
        .as_bytes()
        .get(i)
        .is_some_and(|b| (0xD8..=0xDB).contains(b))
    {
        return false;
    }
    let mut before = text[..i].char_indices().rev();
    let Some((j, p)) = before.next().filter(|(_, p)| PROCLITICS.contains(p)) else {
        return false;
    };
    if !word_before(text, j) {
        return true;
    }
    let first = matches!(p, 'ب' | 'ل' | 'ك');
    match before.next() {
        Some((k, 'و' | 'ف')) if first => !word_before(text, k),
        _ => false,
    }
}

/// A word character: a letter, digit, combining mark, connector (`_`) or
/// joiner, as Unicode regular expressions' `\w` has it: a mark or a
/// zero-width joiner (of Arabic, Persian, Indic scripts) continues the word
/// before it.
fn is_word(c: char) -> bool {
    static MARKS: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^[\p{M}\p{Pc}\p{Join_Control}]$").ok());
    if c.is_alphanumeric() || c == '_' {
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    let mut buf = [0; 4];
    MARKS
        .as_ref()
        .is_some_and(|m| m.is_match(c.encode_utf8(&mut buf)))
}

/// Whether the character at `i` (a character boundary) is a word character.
fn word_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || *b == b'_',
        Some(_) => text[i..].chars().next().is_some_and(is_word),
    }
}

/// Whether the character before `i` (a character boundary) is a word character.
fn word_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| text.as_bytes()[j]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => text[..i].chars().next_back().is_some_and(is_word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(names: &[(&str, usize)]) -> Mentions {
        Mentions::new(names.iter().map(|(n, o)| (n.to_string(), *o))).unwrap()
    }

    fn found(ms: &Mentions, text: &str) -> Vec<(String, usize)> {
        ms.find(text)
            .into_iter()
            .map(|x| (text[x.range].to_owned(), x.owner))
            .collect()
    }

    #[test]
    fn whole_words_only_and_case_sensitive() {
        let ms = m(&[("UN", 0), ("DESA", 1)]);
        assert_eq!(
            found(&ms, "The UN and DESA; UNDP, FUND, un, DESAs."),
            [("UN".into(), 0), ("DESA".into(), 1)]
        );
    }

    #[test]
    fn longest_match_wins() {
        let ms = m(&[("UN", 0), ("UN Secretariat", 1), ("Secretariat", 2)]);
        assert_eq!(
            found(&ms, "the UN Secretariat"),
            [("UN Secretariat".into(), 1)]
        );
        assert_eq!(found(&ms, "the Secretariat"), [("Secretariat".into(), 2)]);
    }

    #[test]
    fn phrases_that_are_not_mentions_hide_the_name_in_them() {
        let ms = m(&[
            ("Google", 0),
            ("Google Calendar", NOT_A_MENTION),
            ("Google Meet", NOT_A_MENTION),
        ]);
        assert_eq!(
            found(
                &ms,
                "Add it to Google Calendar; Google said so in Google Meet."
            ),
            [("Google".to_owned(), 0)]
        );
        assert_eq!(
            found(&ms, "Google Calendars"),
            [("Google".to_owned(), 0)],
            "a phrase counts only as a whole word"
        );
    }

    #[test]
    fn unicode_and_line_breaks() {
        let ms = m(&[("Kemal Derviş", 0), ("Mr. Dervis", 0)]);
        assert_eq!(
            found(&ms, "Kemal Derviş said"),
            [("Kemal Derviş".into(), 0)]
        );
        assert_eq!(found(&ms, "Mr.\nDervis said"), [("Mr.\nDervis".into(), 0)]);
        assert!(found(&ms, "Kemal Dervişa").is_empty());
    }

    #[test]
    fn a_failed_long_match_leaves_room_for_a_shorter_one() {
        let ms = m(&[("UN", 0), ("UN Sec", 1)]);
        assert_eq!(found(&ms, "UN Secretariat"), [("UN".into(), 0)]);
        let ms = m(&[("UN", 0), ("UN Secretariat", 1), ("Secretariats", 2)]);
        assert_eq!(
            found(&ms, "UN Secretariats"),
            [("UN".into(), 0), ("Secretariats".into(), 2)]
        );
        assert_eq!(found(&ms, "xUN UN"), [("UN".into(), 0)]);
    }

    /// The plain definition: every whole-word match, earliest first, then
    /// longest, without overlaps.
    fn reference(names: &[(&str, usize)], text: &str) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        for (name, owner) in names {
            for (i, _) in text.match_indices(name) {
                if is_whole_word(text, i, i + name.len()) {
                    all.push((i, i + name.len(), *owner));
                }
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for m in all {
            if out.last().is_none_or(|l| m.0 >= l.1) {
                out.push(m);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_automaton_finds_what_the_definition_says(text in "[UNSecsa -]{0,40}") {
            let names = [("UN", 0), ("UN Sec", 1), ("Sec", 2), ("a Se", 3), ("N S", 4)];
            let ms = m(&names);
            let got: Vec<(usize, usize, usize)> = ms.find(&text).into_iter().map(|x| (x.range.start, x.range.end, x.owner)).collect();
            proptest::prop_assert_eq!(got, reference(&names, &text));
        }

        /// Names in Arabic, Chinese and Cyrillic, with attached letters,
        /// harakat and Latin around them.
        #[test]
        fn the_definition_holds_in_other_scripts(text in "[مصروبلًا联合国开ООНa ,]{0,30}") {
            let names = [("مصر", 0), ("ل", 1), ("联合", 2), ("联合国", 3), ("国开", 4), ("ООН", 5), ("a联", 6)];
            let ms = m(&names);
            let got: Vec<(usize, usize, usize)> = ms.find(&text).into_iter().map(|x| (x.range.start, x.range.end, x.owner)).collect();
            proptest::prop_assert_eq!(got, reference(&names, &text));
        }

        /// Names that begin or end with a character outside words, or
        /// outside ASCII, and text with word characters of every kind.
        #[test]
        fn the_definition_holds_at_every_kind_of_boundary(text in "[UNSeéÉa _x(),-]{0,40}") {
            let names = [("UN", 0), ("(UN)", 1), ("Éa", 2), ("a É", 3), ("-N", 4), ("x,", 5), ("é", 6), ("a", 7)];
            let ms = m(&names);
            let got: Vec<(usize, usize, usize)> = ms.find(&text).into_iter().map(|x| (x.range.start, x.range.end, x.owner)).collect();
            proptest::prop_assert_eq!(got, reference(&names, &text));
        }
    }

    #[test]
    fn cyrillic_names_are_whole_words() {
        let ms = m(&[("ООН", 0), ("Совет Безопасности ООН", 1)]);
        assert_eq!(
            found(&ms, "ООН и Совет Безопасности ООН, но не ООНовский."),
            [("ООН".into(), 0), ("Совет Безопасности ООН".into(), 1)]
        );
        assert!(found(&ms, "ПРООН").is_empty(), "inside a word");
    }

    #[test]
    fn arabic_names_are_whole_words_after_attached_letters() {
        let ms = m(&[("مصر", 0), ("الأمم المتحدة", 1)]);
        assert_eq!(
            found(&ms, "مصر وبمصر لمصر فالأمم المتحدة"),
            [
                ("مصر".into(), 0),
                ("مصر".into(), 0),
                ("مصر".into(), 0),
                ("الأمم المتحدة".into(), 1)
            ],
            "one or two attached letters may come first; the mention is the name"
        );
        let text = "وبمصر";
        let at = ms.find(text)[0].range.clone();
        assert_eq!(&text[..at.start], "وب");
        // Not a name inside a longer word, nor after other letters.
        assert!(found(&ms, "مصرية تمصر ببمصر لومصر").is_empty());
        // Harakat continue a word: a name followed by one is still whole
        // only when written with it.
        assert!(found(&ms, "مصرٌ").is_empty());
        let ms = m(&[("مصرٌ", 0)]);
        assert_eq!(found(&ms, "في مصرٌ"), [("مصرٌ".into(), 0)]);
    }

    #[test]
    fn combining_marks_and_joiners_continue_a_word() {
        let ms = m(&[("Dervis", 0)]);
        assert!(
            found(&ms, "Dervis\u{0327}").is_empty(),
            "ş written as s and a cedilla"
        );
        assert!(found(&ms, "Dervis\u{200D}x").is_empty());
        assert_eq!(found(&ms, "Dervis’s"), [("Dervis".into(), 0)]);
    }

    #[test]
    fn chinese_and_japanese_names_are_the_longest_match_without_boundaries() {
        let ms = m(&[
            ("联合国", 0),
            ("联合国开发计划署", 1),
            ("开发", 2),
            ("UNDP", 1),
            ("ソニー", 3),
        ]);
        assert_eq!(
            found(&ms, "联合国开发计划署和联合国开发了UNDP项目"),
            [
                ("联合国开发计划署".into(), 1),
                ("联合国".into(), 0),
                ("开发".into(), 2),
                ("UNDP".into(), 1)
            ],
            "leftmost, then longest; Latin next to Han is a word of its own"
        );
        assert_eq!(found(&ms, "ソニーグループ"), [("ソニー".into(), 3)]);
        assert!(
            found(&ms, "UNDPs联合").is_empty(),
            "Latin keeps its boundaries"
        );
    }

    #[test]
    fn empty_names_give_no_automaton() {
        assert!(Mentions::new(vec![(" ".to_string(), 0)]).is_none());
    }
}
