//! Words as search sees them: plain text out of Markdown, and the terms of a
//! text.
//!
//! A term is a run of Unicode letters and digits, lower-cased, and what
//! becomes of it depends on its script:
//! - Latin, Greek, Cyrillic and every other script not named below: every
//!   character outside ASCII is folded to its closest ASCII spelling
//!   (deunicode: "Derviş" is `dervis`, "Øresund" is `oresund`, "Путин" is
//!   `putin`);
//! - Arabic: kept as Arabic letters, normalised ([`arabic_into`]: no
//!   harakat, no tatweel, one alef, ى as ي, ة as ه);
//! - Chinese and Japanese (Han, Hiragana, Katakana): overlapping pairs of
//!   characters ("联合国" is `联合` and `合国`), a lone character on its own.
//!
//! A run that changes script is cut there. Terms of one character (but a
//! lone Chinese or Japanese one) and the stop words of the document's
//! language ([`Stop`]) are left out. `search.js` splits a query the same
//! way, using the folding table the index ships ([`Folds`]) and the stop
//! words of every language of the site, so that the two can never
//! disagree; keep the rules here and there identical.

mod plain;
mod stop;

use std::collections::BTreeMap;

pub(super) use plain::{line_break, plain_text, short_text};
#[cfg(test)]
use stop::NO_STOP_WORDS;
pub use stop::STOP_WORDS;
pub(super) use stop::Stop;

/// The non-ASCII characters met while folding, with what each became: the
/// table `search.js` folds queries with.
#[derive(Debug, Default, Clone)]
pub(super) struct Folds(pub BTreeMap<char, String>);

impl Folds {
    /// Adds the characters of `other`.
    pub(super) fn merge(&mut self, other: Folds) {
        self.0.extend(other.0);
    }

    /// [`Folds::merge`], from folds that are kept.
    pub(super) fn merge_from(&mut self, other: &Folds) {
        self.0.extend(other.0.iter().map(|(k, v)| (*k, v.clone())));
    }
}

/// The words of a query as `search.js` makes them: the terms of `query`,
/// each once, in order, without the stop words of any of `languages`.
pub fn query_words<'l>(query: &str, languages: impl IntoIterator<Item = &'l str>) -> Vec<String> {
    let stop = Stop::union(languages);
    let mut out: Vec<String> = Vec::new();
    terms(
        query,
        &stop,
        &mut String::new(),
        &mut Folds::default(),
        |t| {
            if !out.iter().any(|o| o == t) {
                out.push(t.to_owned());
            }
        },
    );
    out
}

/// Splits `text` into terms and calls `emit` with each one that is kept
/// (not a stop word of `stop`).
///
/// `scratch` is reused between calls so that tokenizing allocates nothing
/// per word; non-ASCII characters folded are recorded in `folds`.
pub(super) fn terms(
    text: &str,
    stop: &Stop,
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
            if stop.keep(run) {
                emit(run);
            }
        } else if ascii {
            scratch.clear();
            scratch.push_str(run);
            scratch.make_ascii_lowercase();
            if stop.keep(scratch) {
                emit(scratch);
            }
        } else {
            scripts(run, stop, scratch, folds, &mut emit);
        }
    }
}

/// The terms of a run of letters and digits with characters outside
/// ASCII: cut where its script changes, each part made into terms by the
/// rules of its script.
fn scripts(
    run: &str,
    stop: &Stop,
    scratch: &mut String,
    folds: &mut Folds,
    emit: &mut impl FnMut(&str),
) {
    let mut rest = run;
    while let Some(first) = rest.chars().next() {
        let script = Script::of(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| Script::of(c) != script)
            .map_or(rest.len(), |(i, _)| i);
        let (part, after) = rest.split_at(end);
        rest = after;
        scratch.clear();
        match script {
            Script::Folded => {
                fold_into(part, scratch, folds);
                for t in scratch.split(|c: char| !c.is_ascii_alphanumeric()) {
                    if stop.keep(t) {
                        emit(t);
                    }
                }
            }
            Script::Arabic => {
                arabic_into(part, scratch);
                if scratch.chars().nth(1).is_some() && stop.keep(scratch) {
                    emit(scratch);
                }
            }
            Script::Cjk => {
                let mut chars = part.char_indices().peekable();
                if part.chars().nth(1).is_none() {
                    if stop.keep(part) {
                        emit(part);
                    }
                    continue;
                }
                while let Some((i, _)) = chars.next() {
                    let Some(&(j, c)) = chars.peek() else { break };
                    let pair = &part[i..j + c.len_utf8()];
                    if stop.keep(pair) {
                        emit(pair);
                    }
                }
            }
        }
    }
}

/// How the characters of a script become terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Folded to ASCII.
    Folded,
    /// Kept as Arabic letters, normalised.
    Arabic,
    /// Chinese and Japanese: pairs of characters.
    Cjk,
}

impl Script {
    /// The script of `c`, a letter or digit. Only characters of the Basic
    /// Multilingual Plane are Chinese or Japanese here: the browser orders
    /// strings by UTF-16 code units, which agree with the build's order
    /// (UTF-8 bytes) only there.
    fn of(c: char) -> Script {
        match u32::from(c) {
            0x0621..=0x063A
            | 0x0640..=0x065F
            | 0x066E..=0x06D3
            | 0x06D5..=0x06EF
            | 0x06FA..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF => Script::Arabic,
            0x3005
            | 0x3007
            | 0x3040..=0x30FF
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xFF66..=0xFF9F => Script::Cjk,
            _ => Script::Folded,
        }
    }
}

/// Arabic letters normalised into `out`: harakat (U+064B–U+065F, U+0670)
/// and tatweel (U+0640) left out, أ إ آ ٱ written ا, ى written ي and ة
/// written ه, as a reader searching would type them.
fn arabic_into(part: &str, out: &mut String) {
    for c in part.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            c => out.push(c),
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

    /// The terms of `text` in a document in `language`.
    fn in_lang(language: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut folds = Folds::default();
        let stop = Stop::of_language(language);
        terms(text, stop, &mut String::new(), &mut folds, |t| {
            out.push(t.to_owned())
        });
        out
    }

    fn all(text: &str) -> Vec<String> {
        in_lang("en", text)
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
    fn diacritics_and_latin_greek_cyrillic_fold_to_ascii() {
        assert_eq!(all("Kemal Derviş"), ["kemal", "dervis"]);
        assert_eq!(all("Øresund ZOË Müller"), ["oresund", "zoe", "muller"]);
        assert_eq!(all("Straße"), ["strasse"]);
        assert_eq!(all("Путин Ἀθῆναι"), ["putin", "athenai"]);
        assert_eq!(
            all("한국"),
            ["hangug"],
            "scripts without rules of their own fold"
        );
        let mut folds = Folds::default();
        terms(
            "Derviş Ø",
            &NO_STOP_WORDS,
            &mut String::new(),
            &mut folds,
            |_| {},
        );
        assert_eq!(folds.0.get(&'ş').map(String::as_str), Some("s"));
        assert_eq!(folds.0.get(&'ø').map(String::as_str), Some("o"));
    }

    #[test]
    fn arabic_stays_arabic_normalised() {
        // Harakat and tatweel go; alef forms, alef maqsura and taa marbuta
        // are written as a reader types them.
        assert_eq!(all("مُنَظَّمَة"), ["منظمه"]);
        assert_eq!(all("الأمم المتحدة"), ["الامم", "المتحده"]);
        assert_eq!(all("إعلان آخر ٱلقرار"), ["اعلان", "اخر", "القرار"]);
        assert_eq!(all("مستشفى"), ["مستشفي"]);
        assert_eq!(all("جـــديد"), ["جديد"]);
        assert_eq!(all("قرآن"), all("قران"));
        // One letter is no term; Arabic-Indic digits are digits.
        assert_eq!(all("و ب ٢٠٢٤"), ["2024"]);
        // A run that changes script is cut there.
        assert_eq!(all("UNDPبرنامج"), ["undp", "برنامج"]);
        let mut folds = Folds::default();
        terms(
            "الأمم",
            &NO_STOP_WORDS,
            &mut String::new(),
            &mut folds,
            |_| {},
        );
        assert!(folds.0.is_empty(), "Arabic letters are not folded");
    }

    #[test]
    fn chinese_and_japanese_are_pairs_of_characters() {
        assert_eq!(all("联合国"), ["联合", "合国"]);
        assert_eq!(all("李伟 said"), ["李伟", "said"]);
        assert_eq!(all("国"), ["国"], "a lone character is a term");
        assert_eq!(
            all("安理会2024年决议"),
            ["安理", "理会", "2024", "年决", "决议"]
        );
        assert_eq!(all("東京タワー"), ["東京", "京タ", "タワ", "ワー"]);
        assert_eq!(all("UN安理会"), ["un", "安理", "理会"]);
        // Outside the Basic Multilingual Plane, Han folds as before.
        let far = in_lang("de", "𠀀");
        assert!(
            !far.is_empty() && far.iter().all(|t| t.is_ascii()),
            "{far:?}"
        );
    }

    #[test]
    fn a_query_is_split_as_documents_are() {
        assert_eq!(
            query_words("Le budget, le BUDGET, 联合国 الأمم", ["en", "fr"]),
            ["budget", "联合", "合国", "الامم"]
        );
        assert_eq!(query_words("the le", ["en"]), ["le"]);
    }
}
