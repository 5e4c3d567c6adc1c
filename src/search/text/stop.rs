//! Stop words: the commonest words of a language, left out of its texts'
//! terms and out of queries.
//!
//! Each list is short, and written as its words are, then folded (or
//! normalised) by the same rules as every text ([`super::terms`]), so that
//! a list cannot disagree with the terms it is compared with.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::{Folds, terms};

/// English words too common to mean anything in a query. Sorted.
pub const STOP_WORDS: [&str; 33] = [
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he",
    "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this", "to",
    "was", "were", "which", "will", "with",
];

/// The stop words of the other languages with a list, as written; each is
/// folded (or normalised) the way the terms of a text are. Short lists of
/// the commonest words only, leaving out any that is also a term worth
/// finding in these minutes (French and Spanish `un`, the United Nations;
/// Russian `ли`, folded as the surname `li`; `son`, `no`, `do`; Arabic
/// على, normalised as the name علي).
const OTHER_STOP_WORDS: [(&str, &[&str]); 5] = [
    (
        "fr",
        &[
            "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et",
            "été", "il", "ils", "la", "le", "les", "leur", "mais", "ne", "nous", "où", "ou", "pas",
            "pour", "qui", "que", "sa", "se", "ses", "sur", "une", "vous",
        ],
    ),
    (
        "es",
        &[
            "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "fue", "ha", "la",
            "las", "lo", "los", "más", "para", "pero", "por", "que", "se", "sin", "su", "sus",
            "una",
        ],
    ),
    (
        "ru",
        &[
            "был",
            "была",
            "были",
            "все",
            "для",
            "его",
            "же",
            "за",
            "из",
            "как",
            "на",
            "не",
            "она",
            "они",
            "от",
            "по",
            "так",
            "также",
            "то",
            "что",
            "это",
        ],
    ),
    (
        "ar",
        &[
            "أن", "إلى", "أو", "إن", "التي", "الذي", "بين", "ثم", "عن", "عند", "في", "قد", "كان",
            "كما", "لا", "ما", "مع", "من", "هذا", "هذه", "هو", "هي",
        ],
    ),
    (
        "zh",
        &[
            "的", "了", "和", "是", "在", "与", "及", "或", "也", "而", "之", "以及", "我们",
            "他们", "这个", "一个",
        ],
    ),
];

/// The stop words of a language, as terms: packed into numbers, so that
/// comparing them costs one instruction each (this test runs for every
/// word of every document).
#[derive(Debug, Clone, Default)]
pub(in crate::search) struct Stop {
    /// The words, folded as terms are, sorted.
    words: Vec<String>,
    keys: Vec<u64>,
    /// The longest word, in bytes (at most 8): longer terms are never stop words.
    longest: usize,
    /// The characters folded in the words as written: `search.js` must
    /// fold them in a query, even on a site whose texts have none of them.
    folds: Folds,
}

impl Stop {
    fn of(words: impl IntoIterator<Item = String>, folds: Folds) -> Stop {
        let mut words: Vec<String> = words.into_iter().filter(|w| w.len() > 1).collect();
        words.sort_unstable();
        words.dedup();
        let keys = words.iter().map(|w| pack(w.as_bytes())).collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        Stop {
            words,
            keys,
            longest,
            folds,
        }
    }

    /// The stop words of `language` (by its primary subtag: `fr` of
    /// `fr-CA`); none for a language without a list.
    pub(in crate::search) fn of_language(language: &str) -> &'static Stop {
        static ALL: LazyLock<Vec<(&str, Stop)>> = LazyLock::new(|| {
            let english = STOP_WORDS.map(str::to_owned);
            let mut all = vec![("en", Stop::of(english, Folds::default()))];
            for (lang, words) in OTHER_STOP_WORDS {
                let mut folds = Folds::default();
                let mut folded = Vec::new();
                for w in words {
                    let mut scratch = String::new();
                    terms(w, &NO_STOP_WORDS, &mut scratch, &mut folds, |t| {
                        folded.push(t.to_owned())
                    });
                }
                all.push((lang, Stop::of(folded, folds)));
            }
            all
        });
        let primary = language.split('-').next().unwrap_or("");
        ALL.iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(primary))
            .map_or(&NO_STOP_WORDS, |(_, s)| s)
    }

    /// The stop words of every language of `languages`, together: what a
    /// query drops, since its language is not known.
    pub(in crate::search) fn union<'l>(languages: impl IntoIterator<Item = &'l str>) -> Stop {
        let mut folds = Folds::default();
        let mut words = Vec::new();
        for l in languages {
            let stop = Stop::of_language(l);
            words.extend(stop.words.iter().cloned());
            folds.merge(stop.folds.clone());
        }
        Stop::of(words, folds)
    }

    /// The characters folded in the words as written.
    pub(in crate::search) fn folds(&self) -> &Folds {
        &self.folds
    }

    /// The words, sorted: what `search.js` drops from a query.
    pub(in crate::search) fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether `term` (already folded) is worth indexing.
    pub(in crate::search) fn keep(&self, term: &str) -> bool {
        match term.len() {
            0 | 1 => false,
            n if n <= self.longest => !self.keys.contains(&pack(term.as_bytes())),
            _ => true,
        }
    }
}

/// No stop words.
pub(super) static NO_STOP_WORDS: Stop = Stop {
    words: Vec::new(),
    keys: Vec::new(),
    longest: 0,
    folds: Folds(BTreeMap::new()),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The terms of `text` in a document in `language`.
    fn in_lang(language: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let stop = Stop::of_language(language);
        terms(text, stop, &mut String::new(), &mut Folds::default(), |t| {
            out.push(t.to_owned())
        });
        out
    }

    fn all(text: &str) -> Vec<String> {
        in_lang("en", text)
    }

    #[test]
    fn stop_words_and_single_characters_are_dropped() {
        assert_eq!(
            all("The minutes of the meeting, A to Z"),
            ["minutes", "meeting"]
        );
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS, "the manifest lists them sorted");
        assert!(STOP_WORDS.iter().all(|w| (2..=5).contains(&w.len())));
        let en = Stop::of_language("en");
        assert_eq!(en.words(), STOP_WORDS);
        assert!(
            en.keep("un")
                && !en.keep("x")
                && !en.keep("the")
                && !en.keep("which")
                && en.keep("whichever")
        );
    }

    #[test]
    fn each_language_drops_its_own_stop_words() {
        assert_eq!(
            in_lang("fr", "Le budget des Nations Unies a été adopté"),
            ["budget", "nations", "unies", "adopte"]
        );
        assert_eq!(
            in_lang("fr-CA", "le budget"),
            ["budget"],
            "the primary subtag chooses"
        );
        assert_eq!(
            in_lang("en", "le budget"),
            ["le", "budget"],
            "French words are words in English"
        );
        assert_eq!(
            in_lang("es", "El presupuesto de las Naciones Unidas"),
            ["presupuesto", "naciones", "unidas"]
        );
        assert_eq!(
            in_lang("ru", "Бюджет для ООН и также это"),
            ["biudzhet", "oon"]
        );
        assert_eq!(
            in_lang("ar", "قرار في الأمم المتحدة إلى"),
            ["قرار", "الامم", "المتحده"]
        );
        assert_eq!(in_lang("zh", "我们的 联合国"), ["们的", "联合", "合国"]);
        assert_eq!(in_lang("zh", "的 以及"), Vec::<String>::new());
        assert_eq!(
            in_lang("de", "die the"),
            ["die", "the"],
            "no list: nothing dropped"
        );
        assert_eq!(in_lang("fr", "UN un"), ["un", "un"], "`un` is the UN");
    }

    #[test]
    fn every_stop_word_is_one_short_term() {
        for (lang, words) in OTHER_STOP_WORDS {
            for w in words {
                let t = in_lang("de", w);
                assert_eq!(t.len(), 1, "{lang}: `{w}` is {t:?}");
                assert!(t[0].len() <= 8, "{lang}: `{w}` is {} bytes", t[0].len());
                assert!(!Stop::of_language(lang).keep(&t[0]), "{lang}: {w}");
            }
        }
        let all = Stop::union(["en", "fr", "es", "ru", "ar", "zh"]);
        assert!(all.words().windows(2).all(|w| w[0] < w[1]));
        assert!(all.keep("un") && all.keep("li") && all.keep("budget") && all.keep("علي"));
        assert_eq!(Stop::union(["en"]).words(), STOP_WORDS);
    }
}
