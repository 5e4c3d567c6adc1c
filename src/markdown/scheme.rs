//! Which addresses may become links.
//!
//! A link whose address runs code when followed (`javascript:`,
//! `vbscript:`, a `data:` document) must never be live on a page, whatever
//! `raw_html` says: HTML written as HTML is the author's business, but a
//! Markdown link or an address in front matter is quorum's to write. The
//! schemes allowed are the ones the HTML cleaner allows (those of web,
//! mail, telephone, chat and file addresses); an address without a scheme
//! is a path. The address is read as a browser reads it: tabs and line
//! breaks inside it and control characters before it do not count.

/// Schemes a link may have, lower case, sorted (binary search).
const SCHEMES: &[&str] = &[
    "bitcoin",
    "file",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "wtai",
    "xmpp",
];

/// Whether `url` may be the address of a live link.
pub(crate) fn safe_url(url: &str) -> bool {
    // What a browser ignores: leading controls and spaces, tabs and line
    // breaks anywhere.
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    let Some(colon) = cleaned.find(':') else {
        return true;
    };
    let scheme = &cleaned[..colon];
    // A ':' after a path, query or fragment starts no scheme.
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    let lower = scheme.to_ascii_lowercase();
    let is_scheme = lower.starts_with(|c: char| c.is_ascii_alphabetic())
        && lower
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    !is_scheme || SCHEMES.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted() {
        let mut sorted = SCHEMES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, SCHEMES);
    }

    #[test]
    fn scripts_are_never_addresses() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "livescript:x",
        ] {
            assert!(!safe_url(bad), "{bad:?}");
        }
        for good in [
            "https://example.org/a:b",
            "http://x",
            "mailto:a@b.org",
            "tel:+41",
            "/meetings/x/",
            "../a/b",
            "#top",
            "files/a:b.pdf",
            "?q=a:b",
            "",
            "1:2",
        ] {
            assert!(safe_url(good), "{good:?}");
        }
    }
}
