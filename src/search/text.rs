//! Words as search sees them: plain text out of Markdown, and the terms of a
//! text.
//!
//! A term is a run of Unicode letters and digits, lower-cased, with every
//! character outside ASCII folded to its closest ASCII spelling (deunicode:
//! "Derviş" is `dervis`, "Øresund" is `oresund`, "李伟" is `li` and `wei`).
//! Terms of one character and a short list of English stop words are left
//! out. `search.js` splits a query the same way, using the folding table the
//! index ships ([`Folds`]) so that the two can never disagree; keep the rules
//! here and there identical.

mod plain;

use std::collections::BTreeMap;

pub(super) use plain::{line_break, plain_text, short_text};

/// Words too common to mean anything in a query. Sorted (binary search).
pub const STOP_WORDS: [&str; 33] = [
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he",
    "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this", "to",
    "was", "were", "which", "will", "with",
];

/// The stop words as numbers: comparing them costs one instruction each,
/// and this test runs for every word of every document.
const STOP_KEYS: [u64; STOP_WORDS.len()] = {
    let mut keys = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack(STOP_WORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// Up to eight bytes as one number.
const fn pack(bytes: &[u8]) -> u64 {
    let mut v = 0;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        v |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// Whether `term` (already folded) is worth indexing.
pub(super) fn keep(term: &str) -> bool {
    match term.len() {
        0 | 1 => false,
        2..=5 => !STOP_KEYS.contains(&pack(term.as_bytes())),
        _ => true,
    }
}

/// The non-ASCII characters met while folding, with what each became: the
/// table `search.js` folds queries with.
#[derive(Debug, Default, Clone)]
pub(super) struct Folds(pub BTreeMap<char, String>);

impl Folds {
    /// Adds the characters of `other`.
    pub(super) fn merge(&mut self, other: Folds) {
        self.0.extend(other.0);
    }
}

/// Splits `text` into terms and calls `emit` with each one that is kept.
///
/// `scratch` is reused between calls so that tokenizing allocates nothing
/// per word; non-ASCII characters are recorded in `folds`.
pub(super) fn terms(
    text: &str,
    scratch: &mut String,
    folds: &mut Folds,
    mut emit: impl FnMut(&str),
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if CLASS[bytes[i] as usize] == SEP {
            i += 1;
            continue;
        }
        let (first, len) = char_at(text, i);
        if !first.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let (mut ascii, mut upper) = (true, false);
        while i < bytes.len() {
            match CLASS[bytes[i] as usize] {
                LOWER => i += 1,
                UPPER => {
                    upper = true;
                    i += 1;
                }
                SEP => break,
                _ => {
                    let (c, len) = char_at(text, i);
                    if !c.is_alphanumeric() {
                        break;
                    }
                    ascii = false;
                    i += len;
                }
            }
        }
        let run = &text[start..i];
        if ascii && !upper {
            if keep(run) {
                emit(run);
            }
        } else if ascii {
            scratch.clear();
            scratch.push_str(run);
            scratch.make_ascii_lowercase();
            if keep(scratch) {
                emit(scratch);
            }
        } else {
            scratch.clear();
            fold_into(run, scratch, folds);
            for part in scratch.split(|c: char| !c.is_ascii_alphanumeric()) {
                if keep(part) {
                    emit(part);
                }
            }
        }
    }
}

/// Byte classes for [`terms`]: ASCII separators, lower-case letters and
/// digits, upper-case letters, and bytes of other characters.
const SEP: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const OTHER: u8 = 3;
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_alphanumeric() {
            LOWER
        } else {
            SEP
        };
        b += 1;
    }
    t
};

/// The character at byte `i` (a character boundary) and its length.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Lower-cases `run` and folds it to ASCII into `out`.
fn fold_into(run: &str, out: &mut String, folds: &mut Folds) {
    for c in run.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let folded = folds.0.entry(c).or_insert_with(|| {
            deunicode::deunicode_char(c)
                .unwrap_or("")
                .to_ascii_lowercase()
        });
        out.push_str(folded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut folds = Folds::default();
        terms(text, &mut String::new(), &mut folds, |t| {
            out.push(t.to_owned())
        });
        out
    }

    #[test]
    fn terms_are_lowercase_runs_of_letters_and_digits() {
        assert_eq!(
            all("UN-reform: the Budget (2024), a b c; ECOSOC's"),
            ["un", "reform", "budget", "2024", "ecosoc"]
        );
        assert!(all("").is_empty());
        assert!(all(" ,.;- ").is_empty());
    }

    #[test]
    fn diacritics_and_other_scripts_fold_to_ascii() {
        assert_eq!(all("Kemal Derviş"), ["kemal", "dervis"]);
        assert_eq!(all("Øresund ZOË Müller"), ["oresund", "zoe", "muller"]);
        assert_eq!(all("李伟 said"), ["li", "wei", "said"]);
        assert_eq!(all("Straße"), ["strasse"]);
        let mut folds = Folds::default();
        terms("Derviş Ø", &mut String::new(), &mut folds, |_| {});
        assert_eq!(folds.0.get(&'ş').map(String::as_str), Some("s"));
        assert_eq!(folds.0.get(&'ø').map(String::as_str), Some("o"));
    }

    #[test]
    fn stop_words_and_single_characters_are_dropped() {
        assert_eq!(
            all("The minutes of the meeting, A to Z"),
            ["minutes", "meeting"]
        );
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS, "binary search needs a sorted list");
        assert!(STOP_WORDS.iter().all(|w| (2..=5).contains(&w.len())));
        assert!(keep("un") && !keep("x") && !keep("the") && !keep("which") && keep("whichever"));
    }
}
