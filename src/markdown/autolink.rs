//! Web addresses written as plain text: `https://…` and `www.…` become
//! links, as GitHub's Markdown makes them (its "extended autolinks").
//!
//! Minutes paste addresses everywhere, 120 characters long, and readers
//! expect to follow them. CommonMark links only `<https://…>`; the rules
//! here follow GitHub's: an address starts where a word starts, runs to the
//! next space or `<`, and leaves out the punctuation that ends a sentence
//! around it (`.`, `,`, a closing bracket it did not open). Nothing here
//! decides what is text to scan: the walk never gives it code or links.

use std::ops::Range;

/// A web address found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    /// Where it is in the text.
    pub range: Range<usize>,
    /// Where it leads: the address, with `http://` before a bare `www.`.
    pub href: String,
}

/// Every web address in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Url> {
    let mut out = Vec::new();
    // Most texts hold none: one quick look first.
    if !text.contains("://") && !text.contains("www.") {
        return out;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let lead = ["https://", "http://", "www."]
            .into_iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p));
        let starts_word = i == 0 || {
            let before = text[..i].chars().next_back().unwrap_or(' ');
            before.is_whitespace() || "*_~(\"'".contains(before)
        };
        match lead {
            Some(lead) if starts_word => {
                if let Some(end) = address_end(text, i, lead.len()) {
                    let address = &text[i..end];
                    let href = if lead.eq_ignore_ascii_case("www.") {
                        format!("http://{address}")
                    } else {
                        address.to_owned()
                    };
                    out.push(Url {
                        range: i..end,
                        href,
                    });
                    i = end;
                    continue;
                }
                i += lead.len();
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// Where the address starting at `start` (with a lead of `lead` bytes)
/// ends, if there is an address: a domain of at least one part after the
/// lead, two for `www.`.
fn address_end(text: &str, start: usize, lead: usize) -> Option<usize> {
    let rest = &text[start..];
    let mut end = rest
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(rest.len());
    // Punctuation that ends the sentence around the address is not part of it.
    while end > lead {
        let last = rest[..end].chars().next_back()?;
        let unopened =
            last == ')' && rest[..end].matches(')').count() > rest[..end].matches('(').count();
        if !("?!.,:*_~'\";".contains(last) || unopened) {
            break;
        }
        end -= last.len_utf8();
    }
    let domain_end = rest[lead..end]
        .find(['/', '?', '#'])
        .map_or(end, |k| lead + k);
    let domain = &rest[lead..domain_end];
    let valid = !domain.is_empty()
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.:".contains(c))
        && (lead > 4 || domain.contains('.'))
        && !domain.starts_with('.');
    valid.then_some(start + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|u| (text[u.range].to_owned(), u.href))
            .collect()
    }

    fn one(text: &str, found: &str) {
        assert_eq!(
            urls(text).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
            [found],
            "{text}"
        );
    }

    #[test]
    fn addresses_end_before_the_punctuation_around_them() {
        one("See https://example.org/a/b.", "https://example.org/a/b");
        one("(see https://example.org/x)", "https://example.org/x");
        one(
            "https://en.wikipedia.org/wiki/Rust_(programming_language), said Ann",
            "https://en.wikipedia.org/wiki/Rust_(programming_language)",
        );
        one("at https://x.org/?q=a&b=c; then", "https://x.org/?q=a&b=c");
    }

    #[test]
    fn www_gets_a_scheme_and_words_are_left_alone() {
        assert_eq!(
            urls("Go to www.example.org now"),
            [("www.example.org".into(), "http://www.example.org".into())]
        );
        assert!(urls("the www. is a prefix, and http:// alone").is_empty());
        assert!(urls("xhttps://example.org and awww.example.org").is_empty());
        assert!(urls("no addresses here at all").is_empty());
        assert_eq!(urls("two: https://a.org and https://b.org/x.").len(), 2);
    }

    #[test]
    fn any_text_is_safe_to_scan() {
        for text in [
            "https://",
            "www.é",
            "https://é.org/ü.",
            "http://)))",
            "www..",
            "https://a.b.)",
        ] {
            for u in find(text) {
                assert!(text.is_char_boundary(u.range.start) && text.is_char_boundary(u.range.end));
            }
        }
    }
}
