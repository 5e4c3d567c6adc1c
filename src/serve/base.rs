//! The base path the preview is served under, matched against requests.
//!
//! `base_url`'s path is the user's text: it may hold `:` or `*`, which a
//! router reads as patterns, and letters beyond ASCII, which browsers send
//! percent-encoded. It is never made into a route. A request's path is
//! compared with it segment by segment, both percent-decoded, and what
//! follows is handed on exactly as the request wrote it: this module never
//! decodes the part of a path that names a file.

/// The base path, ready to be found at the start of a request's path.
#[derive(Debug, Clone)]
pub(super) struct BasePath {
    /// Its segments between the first and the last `/`, percent-decoded.
    segments: Vec<Vec<u8>>,
    /// The path written in ASCII only, for headers (`Location`).
    pub ascii: String,
}

/// Where a request's path is, seen from the base path.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Place<'a> {
    /// Below it: the rest of the path after the base's last `/`, as written.
    Below(&'a str),
    /// The base path itself without its final `/`.
    Bare,
    /// Elsewhere.
    Outside,
}

impl BasePath {
    /// `path` starts and ends with `/` (see `config::BaseUrl`).
    pub(super) fn new(path: &str) -> BasePath {
        let inner = path.trim_start_matches('/');
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        let segments: Vec<Vec<u8>> = if inner.is_empty() {
            Vec::new()
        } else {
            inner.split('/').map(decode).collect()
        };
        let mut ascii = String::from("/");
        for segment in &segments {
            ascii.push_str(&encode(segment));
            ascii.push('/');
        }
        BasePath { segments, ascii }
    }

    /// Where `path` (a request's path, percent-encoded or not) is.
    pub(super) fn locate<'a>(&self, path: &'a str) -> Place<'a> {
        let mut rest = path;
        for segment in &self.segments {
            let Some(after) = rest.strip_prefix('/') else {
                return Place::Outside;
            };
            let end = after.find('/').unwrap_or(after.len());
            if decode(&after[..end]) != *segment {
                return Place::Outside;
            }
            rest = &after[end..];
        }
        if rest.is_empty() && !self.segments.is_empty() {
            return Place::Bare;
        }
        match rest.strip_prefix('/') {
            Some(below) => Place::Below(below),
            None => Place::Outside,
        }
    }
}

/// `text` with every byte beyond ASCII, and every control, percent-encoded:
/// a path as a header can hold it.
pub(super) fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes `text` stands for: each `%XX` decoded, anything else as it is.
fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
        if bytes[i] == b'%'
            && let Some(hi) = bytes.get(i + 1).copied().and_then(hex)
            && let Some(lo) = bytes.get(i + 2).copied().and_then(hex)
        {
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// One path segment in ASCII: bytes a segment may hold as they are
/// (RFC 3986 `pchar`), the others percent-encoded.
fn encode(segment: &[u8]) -> String {
    let mut out = String::with_capacity(segment.len());
    for &b in segment {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_is_found_however_the_request_writes_it() {
        let base = BasePath::new("/procès-verbaux/");
        assert_eq!(base.ascii, "/proc%C3%A8s-verbaux/");
        for path in [
            "/procès-verbaux/x/",
            "/proc%C3%A8s-verbaux/x/",
            "/proc%c3%a8s-verbaux/x/",
        ] {
            assert_eq!(base.locate(path), Place::Below("x/"), "{path}");
        }
        assert_eq!(base.locate("/proc%C3%A8s-verbaux"), Place::Bare);
        assert_eq!(base.locate("/proc%C3%A8s-verbaux/"), Place::Below(""));
        for path in [
            "/",
            "/proces-verbaux/",
            "/procès-verbauxx/",
            "/x/procès-verbaux/",
        ] {
            assert_eq!(base.locate(path), Place::Outside, "{path}");
        }
    }

    #[test]
    fn what_follows_the_base_is_left_as_written() {
        let base = BasePath::new("/a/:b/*c/");
        assert_eq!(base.ascii, "/a/:b/*c/");
        assert_eq!(
            base.locate("/a/%3Ab/%2ac/x%20y/%2e%2e/"),
            Place::Below("x%20y/%2e%2e/")
        );
        assert_eq!(base.locate("/a/:b/*c"), Place::Bare);
        assert_eq!(base.locate("/a/:b/"), Place::Outside);
        assert_eq!(ascii("/été/a b/%2F"), "/%C3%A9t%C3%A9/a%20b/%2F");
    }

    #[test]
    fn the_root_and_odd_bases() {
        let root = BasePath::new("/");
        assert_eq!(root.ascii, "/");
        assert_eq!(root.locate("/"), Place::Below(""));
        assert_eq!(root.locate("/x/y"), Place::Below("x/y"));
        // An encoded slash is part of its segment, not a separator.
        let slash = BasePath::new("/a%2Fb/");
        assert_eq!(slash.ascii, "/a%2Fb/");
        assert_eq!(slash.locate("/a%2fb/x"), Place::Below("x"));
        assert_eq!(slash.locate("/a/b/x"), Place::Outside);
        // A `%` that starts no escape stands for itself.
        let percent = BasePath::new("/100%/");
        assert_eq!(percent.ascii, "/100%25/");
        assert_eq!(percent.locate("/100%25/x"), Place::Below("x"));
        assert_eq!(percent.locate("/100%/x"), Place::Below("x"));
    }
}
