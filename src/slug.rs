//! Slugs: the only strings that ever become part of an output path.
//!
//! A [`Slug`] is always non-empty `[a-z0-9-]`, at most [`MAX_LEN`] bytes, with no
//! leading, trailing or doubled `-`. Nothing else may build a path in the output,
//! so no name, file name or ref can make quorum write outside its output folder.

use std::fmt;

use serde::Serialize;

/// The longest slug quorum makes; longer names are cut and get a hash suffix so
/// two long names that share a prefix still get different pages.
pub(crate) const MAX_LEN: usize = 80;

/// A validated URL and file-name segment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Makes a slug from any name: transliterated to ASCII, lower case, `-`
    /// between words. Never empty: a name with no letters or digits at all
    /// gets a slug derived from its hash.
    pub fn from_name(name: &str) -> Slug {
        let ascii = deunicode::deunicode(name.trim());
        let mut out = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        if out.is_empty() {
            return Slug(format!("x-{:08x}", hash(name.trim())));
        }
        if out.len() > MAX_LEN {
            out.truncate(MAX_LEN - 9);
            while out.ends_with('-') {
                out.pop();
            }
            out.push_str(&format!("-{:08x}", hash(name.trim())));
        }
        Slug(out)
    }

    /// Accepts `s` only if it is already a valid slug.
    pub fn parse(s: &str) -> Option<Slug> {
        let valid = !s.is_empty()
            && s.len() <= MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        valid.then(|| Slug(s.to_owned()))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Appends `-n`, for making a slug unique among its siblings.
    pub fn with_suffix(&self, n: usize) -> Slug {
        Slug(format!("{}-{n}", self.0))
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Slug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// FNV-1a: a small, stable hash (the same on every machine and release).
fn hash(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ascii_words() {
        assert_eq!(Slug::from_name("Kemal Derviş").as_str(), "kemal-dervis");
        assert_eq!(Slug::from_name("  UN reform ").as_str(), "un-reform");
        assert_eq!(
            Slug::from_name("ECOSOC's new functions").as_str(),
            "ecosoc-s-new-functions"
        );
        assert_eq!(Slug::from_name("../../etc/passwd").as_str(), "etc-passwd");
        assert_eq!(Slug::from_name("C:\\Windows").as_str(), "c-windows");
    }

    #[test]
    fn never_empty_and_always_valid() {
        for name in ["", "   ", "..", "/", "—", "!!!", "日本", "🙂"] {
            let slug = Slug::from_name(name);
            assert!(Slug::parse(slug.as_str()).is_some(), "{name:?} -> {slug}");
        }
        assert_ne!(
            Slug::from_name("..").as_str(),
            Slug::from_name("/").as_str()
        );
    }

    #[test]
    fn long_names_are_cut_but_stay_distinct() {
        let a = "a".repeat(10_000);
        let b = format!("{}b", "a".repeat(9_999));
        let (sa, sb) = (Slug::from_name(&a), Slug::from_name(&b));
        assert!(sa.as_str().len() <= MAX_LEN);
        assert!(Slug::parse(sa.as_str()).is_some());
        assert_ne!(sa, sb);
    }

    proptest::proptest! {
        #[test]
        fn any_name_gives_a_valid_slug(name in "\\PC*") {
            let slug = Slug::from_name(&name);
            proptest::prop_assert!(Slug::parse(slug.as_str()).is_some(), "{:?} -> {}", name, slug);
            proptest::prop_assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            proptest::prop_assert!(!slug.as_str().is_empty() && slug.as_str().len() <= MAX_LEN);
        }

        #[test]
        fn slugs_are_stable(name in "\\PC{0,40}") {
            proptest::prop_assert_eq!(Slug::from_name(&name), Slug::from_name(&name));
        }
    }

    #[test]
    fn parse_rejects_anything_outside_the_alphabet() {
        assert!(Slug::parse("un-reform").is_some());
        for bad in ["", "UN", "a/b", "..", "a--b", "-a", "a-", "a b", "é"] {
            assert!(Slug::parse(bad).is_none(), "{bad:?}");
        }
    }
}
