//! Finding plain mentions of entities in text.
//!
//! One Aho-Corasick automaton holds every name and alias of every entity. A
//! match counts only as a whole word (case-sensitive), and where matches
//! overlap the one that starts first wins, then the longest: "UN Secretariat"
//! beats "UN".

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

/// The automaton of all entity names and aliases.
#[derive(Debug, Clone)]
pub struct Mentions {
    automaton: AhoCorasick,
    owners: Vec<usize>,
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
    /// Builds the automaton from `(name, owner)` pairs; empty names are skipped
    /// and a name given twice keeps its first owner. `None` when there is
    /// nothing to find.
    pub fn new(names: impl IntoIterator<Item = (String, usize)>) -> Option<Mentions> {
        let mut pairs: Vec<(String, usize)> = names
            .into_iter()
            .map(|(n, o)| (n.trim().to_owned(), o))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        // Keep the first owner of a repeated name; sort for a stable automaton.
        let mut seen = std::collections::HashSet::new();
        pairs.retain(|(n, _)| seen.insert(n.clone()));
        pairs.sort();
        if pairs.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(pairs.iter().map(|(n, _)| n.as_str()))
            .ok()?;
        Some(Mentions {
            automaton,
            owners: pairs.into_iter().map(|(_, o)| o).collect(),
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
        let mut candidates: Vec<Mention> = self
            .automaton
            .find_overlapping_iter(haystack)
            .filter(|m| is_whole_word(haystack, m.start(), m.end()))
            .map(|m| Mention {
                range: m.start()..m.end(),
                owner: self.owners[m.pattern().as_usize()],
            })
            .collect();
        candidates.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut out: Vec<Mention> = Vec::new();
        for m in candidates {
            if out
                .last()
                .is_none_or(|last| m.range.start >= last.range.end)
            {
                out.push(m);
            }
        }
        out
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    // A boundary is needed only where the name itself begins or ends with a
    // word character ("Mr." may be followed directly by a letter-less space).
    let ok_before = !first.is_some_and(is_word) || !before.is_some_and(is_word);
    let ok_after = !last.is_some_and(is_word) || !after.is_some_and(is_word);
    ok_before && ok_after
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
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
    }

    #[test]
    fn empty_names_give_no_automaton() {
        assert!(Mentions::new(vec![(" ".to_string(), 0)]).is_none());
    }
}
