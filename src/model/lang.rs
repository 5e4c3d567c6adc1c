//! Language tags (BCP 47) as front matter gives them: `language: fr`.
//!
//! A [`Language`] is checked for the shape RFC 5646 gives tags (language,
//! then script, region, variants, extensions, private use), not against the
//! registry of subtags (but the language is two or three letters, the only
//! lengths the registry uses): `fr`, `zh-Hans`, `es-419` and `sr-Latn-RS` are tags,
//! `french`, `fr_FR` and `zh--Hans` are not, and the error says how to write
//! one. A tag is kept in its usual case (`zh-hans-cn` reads as `zh-Hans-CN`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A well-formed BCP 47 language tag, in its usual case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(String);

/// Languages written right to left, by their primary subtag, when the tag
/// names no script.
const RTL_LANGUAGES: [&str; 10] = ["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

/// Scripts written right to left.
const RTL_SCRIPTS: [&str; 7] = ["Adlm", "Arab", "Hebr", "Nkoo", "Rohg", "Syrc", "Thaa"];

impl Language {
    /// Parses `tag`; the error says what is wrong and how to write it.
    pub fn parse(tag: &str) -> Result<Language, String> {
        let tag = tag.trim();
        let hint = "a language tag is a code such as `en`, `fr`, `zh-Hans` or `es-419` (BCP 47)";
        if tag.is_empty() {
            return Err(format!("the language is empty: {hint}"));
        }
        if tag.contains('_') {
            return Err(format!(
                "`{tag}` is not a language tag: its parts are joined by hyphens, `{}`",
                tag.replace('_', "-")
            ));
        }
        let subtags: Vec<&str> = tag.split('-').collect();
        match canonical(&subtags) {
            Some(s) => Ok(Language(s)),
            None if subtags[0].len() > 3 && subtags[0].bytes().all(|b| b.is_ascii_alphabetic()) => {
                Err(format!(
                    "`{tag}` is not a language tag: write the language's code, not its name ({hint})"
                ))
            }
            None => Err(format!("`{tag}` is not a language tag: {hint}")),
        }
    }

    /// The tag, as written in `lang` attributes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower case: `zh` of `zh-Hans-CN`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }

    /// The script subtag, when the tag has one: `Hans` of `zh-Hans-CN`.
    pub fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .take_while(|s| s.len() != 1)
            .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    }

    /// Whether text in this language is written right to left: by its
    /// script when the tag names one (`az-Arab`), else by its language.
    pub fn is_rtl(&self) -> bool {
        match self.script() {
            Some(script) => RTL_SCRIPTS.contains(&script),
            None => RTL_LANGUAGES.contains(&self.primary()),
        }
    }
}

/// The tag made of `subtags` in its usual case, when it is well formed.
fn canonical(subtags: &[&str]) -> Option<String> {
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    let mut out: Vec<String> = Vec::with_capacity(subtags.len());
    let mut rest = subtags.iter().copied().peekable();
    // A private-use tag alone: `x-whatever`.
    let first = rest.next()?;
    if first.eq_ignore_ascii_case("x") {
        return private_use(subtags).map(|p| p.to_ascii_lowercase());
    }
    // RFC 5646 also reserves four to eight letters here, but the registry
    // has no such language: a word of that shape is a language's name.
    if !(alpha(first) && matches!(first.len(), 2..=3)) {
        return None;
    }
    out.push(first.to_ascii_lowercase());
    // Extended language subtags, only after a two- or three-letter language.
    let mut extlangs = 0;
    while extlangs < 3 && rest.peek().is_some_and(|s| s.len() == 3 && alpha(s)) {
        out.push(rest.next()?.to_ascii_lowercase());
        extlangs += 1;
    }
    if let Some(s) = rest.next_if(|s| s.len() == 4 && alpha(s)) {
        let mut script = s.to_ascii_lowercase();
        script[..1].make_ascii_uppercase();
        out.push(script);
    }
    if let Some(s) = rest.next_if(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digit(s))) {
        out.push(s.to_ascii_uppercase());
    }
    while let Some(s) = rest.next_if(|s| {
        alnum(s)
            && ((5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()))
    }) {
        out.push(s.to_ascii_lowercase());
    }
    // Extensions: a singleton, then subtags of two to eight characters.
    while let Some(single) =
        rest.next_if(|s| s.len() == 1 && alnum(s) && !s.eq_ignore_ascii_case("x"))
    {
        out.push(single.to_ascii_lowercase());
        let mut any = false;
        while let Some(s) = rest.next_if(|s| (2..=8).contains(&s.len()) && alnum(s)) {
            out.push(s.to_ascii_lowercase());
            any = true;
        }
        if !any {
            return None;
        }
    }
    let done = out.len();
    if rest.peek().is_some() {
        let tail = &subtags[done..];
        out.push(private_use(tail)?.to_ascii_lowercase());
    }
    Some(out.join("-"))
}

/// `x-…` with subtags of one to eight letters or digits.
fn private_use(subtags: &[&str]) -> Option<String> {
    let (x, rest) = subtags.split_first()?;
    let ok = x.eq_ignore_ascii_case("x")
        && !rest.is_empty()
        && rest
            .iter()
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    ok.then(|| subtags.join("-"))
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Language;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a language tag such as `en`, `fr` or `zh-Hans`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Language, E> {
                Language::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(tag: &str) -> String {
        Language::parse(tag)
            .unwrap_or_else(|e| panic!("{tag}: {e}"))
            .0
    }

    #[test]
    fn well_formed_tags_are_kept_in_their_usual_case() {
        assert_eq!(ok("en"), "en");
        assert_eq!(ok("FR"), "fr");
        assert_eq!(ok("zh-hans-cn"), "zh-Hans-CN");
        assert_eq!(ok("es-419"), "es-419");
        assert_eq!(ok("sr-Latn-RS"), "sr-Latn-RS");
        assert_eq!(ok("de-CH-1996"), "de-CH-1996");
        assert_eq!(ok("zh-yue-HK"), "zh-yue-HK");
        assert_eq!(ok("en-US-u-ca-gregory"), "en-US-u-ca-gregory");
        assert_eq!(ok("en-x-un"), "en-x-un");
        assert_eq!(ok("x-klingon"), "x-klingon");
        assert_eq!(ok(" ar "), "ar");
    }

    #[test]
    fn malformed_tags_say_how_to_write_one() {
        let err = |tag: &str| Language::parse(tag).unwrap_err();
        assert!(err("fr_FR").contains("`fr-FR`"), "{}", err("fr_FR"));
        assert!(
            err("french").contains("code, not its name"),
            "{}",
            err("french")
        );
        for bad in [
            "", "e", "zh--Hans", "en-", "en-u", "1en", "en-US-x", "fr FR", "عربي",
        ] {
            assert!(Language::parse(bad).is_err(), "{bad:?} is not a tag");
        }
    }

    #[test]
    fn direction_comes_from_the_script_or_else_the_language() {
        let dir = |t: &str| Language::parse(t).unwrap().is_rtl();
        assert!(dir("ar") && dir("he") && dir("fa-IR") && dir("ur") && dir("az-Arab"));
        assert!(!dir("en") && !dir("zh-Hans") && !dir("ru") && !dir("ar-Latn"));
        assert_eq!(Language::parse("zh-Hans-CN").unwrap().primary(), "zh");
        assert_eq!(
            Language::parse("zh-Hans-CN").unwrap().script(),
            Some("Hans")
        );
        assert_eq!(Language::parse("de-CH-1996").unwrap().script(), None);
    }
}
