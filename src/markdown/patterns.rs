//! Pattern links: the `links:` of `quorum.yaml`, which make words the
//! minutes write in a form of their own — an issue `#123`, a document
//! symbol `A/RES/60/1` — links to where they are kept.
//!
//! Patterns are regular expressions of the `regex` crate, which finds
//! matches in time linear in the text whatever the pattern: one that would
//! backtrack for ever elsewhere (`(a+)+$`) cannot hang a build. They are
//! compiled once, when the configuration is read, and their addresses are
//! checked then, so a build never meets a broken one. Nothing here decides
//! which text is scanned (the walk never gives it code, links or
//! headings), and a link whose address could run code is never made.

use std::ops::Range;

use regex::{Regex, RegexSet};
use serde::Deserialize;

/// One entry of `links:` as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkPattern {
    /// A regular expression.
    pub pattern: String,
    /// The address of its links: `$0` is the whole match, `$1`… and
    /// `${name}` its groups.
    pub url: String,
}

/// A piece of an address: text as written, or a group of the match.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Group(usize),
}

#[derive(Debug, Clone)]
struct Compiled {
    regex: Regex,
    url: Vec<Part>,
    /// Whether the address takes a group other than the whole match.
    groups: bool,
}

/// The `links:` of a site, compiled.
#[derive(Debug, Clone, Default)]
pub struct LinkPatterns {
    written: Vec<LinkPattern>,
    compiled: Vec<Compiled>,
    /// Every pattern at once: one pass tells which match a text at all.
    set: Option<RegexSet>,
}

/// Why an entry of `links:` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The entry's position in the list.
    pub index: usize,
    /// Whether the problem is in its `url` (else in its `pattern`).
    pub in_url: bool,
    /// The character of the pattern the problem is at, where known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Where a pattern matched a text, and where its link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternLink {
    /// The match, in the text.
    pub range: Range<usize>,
    /// The address, with the match's groups put in.
    pub href: String,
}

const SYNTAX: &str = "patterns are regular expressions as the Rust `regex` crate reads them \
     (no look-around, no back-references); in quorum.yaml, write each in single quotes, \
     so that `\\` and `#` stay as written";

impl LinkPatterns {
    /// Compiles `written`; the first entry that cannot be used is an error.
    pub fn new(written: Vec<LinkPattern>) -> Result<LinkPatterns, PatternError> {
        let mut compiled = Vec::with_capacity(written.len());
        for (index, p) in written.iter().enumerate() {
            compiled.push(compile(p).map_err(|e| PatternError { index, ..e })?);
        }
        let set = if written.is_empty() {
            None
        } else {
            let set =
                RegexSet::new(written.iter().map(|p| &p.pattern)).map_err(|e| PatternError {
                    index: 0,
                    in_url: false,
                    column: None,
                    message: format!("the patterns together are too large: {e}"),
                    help: "use fewer or simpler patterns".into(),
                })?;
            Some(set)
        };
        Ok(LinkPatterns {
            written,
            compiled,
            set,
        })
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }

    /// The entries as written.
    pub fn written(&self) -> &[LinkPattern] {
        &self.written
    }

    /// The links to make in `text`, in order and apart. Where two matches
    /// overlap, the one that starts first wins; at one place, the pattern
    /// listed first. A match of no text, or whose address could run code,
    /// makes no link.
    pub fn find(&self, text: &str) -> Vec<PatternLink> {
        let Some(set) = &self.set else {
            return Vec::new();
        };
        let which = set.matches(text);
        if !which.matched_any() {
            return Vec::new();
        }
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for i in which.iter() {
            found.extend(
                self.compiled[i]
                    .regex
                    .find_iter(text)
                    .filter(|m| !m.is_empty())
                    .map(|m| (m.start(), i, m.end())),
            );
        }
        found.sort_unstable();
        let mut out = Vec::new();
        let mut end = 0;
        for (start, i, stop) in found {
            if start < end {
                continue;
            }
            let Some(href) = self.compiled[i].address(text, start..stop) else {
                continue;
            };
            if !super::safe_url(&href) {
                continue;
            }
            end = stop;
            out.push(PatternLink {
                range: start..stop,
                href,
            });
        }
        out
    }
}

impl Compiled {
    /// The address of the match at `range` of `text`.
    fn address(&self, text: &str, range: Range<usize>) -> Option<String> {
        let caps = if self.groups {
            // The search from the match's start finds the same match, with
            // the text before it seen for `\b`.
            let caps = self.regex.captures_at(text, range.start)?;
            if caps.get(0)?.range() != range {
                return None;
            }
            Some(caps)
        } else {
            None
        };
        let mut href = String::new();
        for part in &self.url {
            match part {
                Part::Text(t) => href.push_str(t),
                Part::Group(0) => put(&mut href, &text[range.clone()]),
                Part::Group(n) => {
                    if let Some(g) = caps.as_ref().and_then(|c| c.get(*n)) {
                        put(&mut href, g.as_str());
                    }
                }
            }
        }
        Some(href)
    }
}

/// Appends text of the match to an address: spaces and control characters,
/// which no address holds, percent-encoded; the rest as it is.
fn put(href: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                href.push_str(&format!("%{b:02X}"));
            }
        } else {
            href.push(c);
        }
    }
}

fn compile(p: &LinkPattern) -> Result<Compiled, PatternError> {
    let error = |in_url, column, message: String, help: &str| PatternError {
        index: 0,
        in_url,
        column,
        message,
        help: help.to_owned(),
    };
    if p.pattern.is_empty() {
        return Err(error(
            false,
            None,
            "a pattern is empty".into(),
            "write the regular expression whose matches become links",
        ));
    }
    let regex = Regex::new(&p.pattern).map_err(|e| {
        let (what, column) = explain(&e);
        error(
            false,
            column,
            format!("the pattern `{}` {what}", p.pattern),
            SYNTAX,
        )
    })?;
    let url = template(&p.url, &regex).map_err(|m| {
        error(
            true,
            None,
            format!("the url `{}` of the pattern `{}` {m}", p.url, p.pattern),
            "`$0` is the whole match, `$1`, `$2`… the pattern's groups in order and `${name}` \
             a group named `(?P<name>…)`; write `${1}` when a letter, digit or `_` follows, \
             and `$$` for a `$`",
        )
    })?;
    let groups = url.iter().any(|p| matches!(p, Part::Group(n) if *n > 0));
    Ok(Compiled { regex, url, groups })
}

/// What is wrong with a pattern the `regex` crate refused, and at which
/// of its characters.
fn explain(e: &regex::Error) -> (String, Option<usize>) {
    match e {
        regex::Error::Syntax(s) => {
            // The crate's message shows the pattern, a line of `^` under
            // the fault, and `error: …`.
            let lines: Vec<&str> = s.lines().collect();
            let why = lines
                .iter()
                .rev()
                .find_map(|l| l.strip_prefix("error: "))
                .unwrap_or(s.as_str());
            let column = match lines.as_slice() {
                [_, _pattern, carets, ..] if lines.len() == 4 => carets.find('^').map(|c| c - 4),
                _ => None,
            };
            (format!("is not a regular expression: {why}"), column)
        }
        regex::Error::CompiledTooBig(limit) => (
            format!("is too large: compiled, it would take more than {limit} bytes"),
            None,
        ),
        other => (format!("cannot be used: {other}"), None),
    }
}

/// Reads an address template, the `regex` crate's way: `$0`, `$1`, `$name`
/// and `${name}` are groups (the longest run of letters, digits and `_`
/// after `$`), `$$` is a `$`. A group the pattern does not have is an
/// error, where the crate would put nothing.
fn template(url: &str, regex: &Regex) -> Result<Vec<Part>, String> {
    if url.trim().is_empty() {
        return Err("is empty".into());
    }
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = url;
    while let Some(i) = rest.find('$') {
        text.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(next) = after.strip_prefix('$') {
            text.push('$');
            rest = next;
            continue;
        }
        let (name, skip) = if let Some(braced) = after.strip_prefix('{') {
            let close = braced
                .find('}')
                .ok_or_else(|| "opens `${` and never closes it".to_owned())?;
            if close == 0 {
                return Err("has `${}`, which names no group".into());
            }
            (&braced[..close], close + 2)
        } else {
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..len], len)
        };
        if name.is_empty() {
            // A `$` before no name is a `$`.
            text.push('$');
            rest = after;
            continue;
        }
        parts.push(Part::Text(std::mem::take(&mut text)));
        parts.push(Part::Group(group(name, regex)?));
        rest = &after[skip..];
    }
    text.push_str(rest);
    parts.push(Part::Text(text));
    parts.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
    Ok(parts)
}

/// The number of the group `name` names in `regex`.
fn group(name: &str, regex: &Regex) -> Result<usize, String> {
    let count = regex.captures_len() - 1;
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return match name.parse::<usize>() {
            Ok(n) if n <= count => Ok(n),
            _ => Err(format!(
                "uses `${name}`, but the pattern has {}",
                match count {
                    0 => "no group".to_owned(),
                    1 => "1 group".to_owned(),
                    n => format!("{n} groups"),
                }
            )),
        };
    }
    regex
        .capture_names()
        .position(|n| n == Some(name))
        .ok_or_else(|| format!("uses `${name}`, but the pattern has no group named `{name}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(list: &[(&str, &str)]) -> LinkPatterns {
        LinkPatterns::new(
            list.iter()
                .map(|(p, u)| LinkPattern {
                    pattern: (*p).into(),
                    url: (*u).into(),
                })
                .collect(),
        )
        .unwrap()
    }

    fn links(p: &LinkPatterns, text: &str) -> Vec<(String, String)> {
        p.find(text)
            .into_iter()
            .map(|l| (text[l.range].to_owned(), l.href))
            .collect()
    }

    fn error(pattern: &str, url: &str) -> PatternError {
        LinkPatterns::new(vec![LinkPattern {
            pattern: pattern.into(),
            url: url.into(),
        }])
        .unwrap_err()
    }

    #[test]
    fn groups_are_put_into_the_address() {
        let p = patterns(&[
            (r"#(\d+)", "https://tracker.example/issues/$1"),
            (
                r"\b[AE]/(?:RES/)?\d+/[\dA-Z]+(?:\.[\dA-Z]+)*",
                "https://undocs.org/$0",
            ),
            (
                r"RFC ?(?P<n>\d+)",
                "https://www.rfc-editor.org/rfc/rfc${n}.txt",
            ),
        ]);
        assert_eq!(
            links(&p, "See #12, A/RES/60/1 and E/2006/L.8. Also RFC 9110."),
            [
                ("#12".into(), "https://tracker.example/issues/12".into()),
                ("A/RES/60/1".into(), "https://undocs.org/A/RES/60/1".into()),
                ("E/2006/L.8".into(), "https://undocs.org/E/2006/L.8".into()),
                (
                    "RFC 9110".into(),
                    "https://www.rfc-editor.org/rfc/rfc9110.txt".into()
                ),
            ]
        );
        assert!(links(&p, "nothing here, not even A/B").is_empty());
    }

    #[test]
    fn templates_are_read_as_the_regex_crate_reads_them() {
        let re = Regex::new(r"(?P<a>x)(y)").unwrap();
        let t = |s: &str| template(s, &re);
        assert_eq!(
            t("u/$1/${2}z/$$/$a").unwrap(),
            [
                Part::Text("u/".into()),
                Part::Group(1),
                Part::Text("/".into()),
                Part::Group(2),
                Part::Text("z/$/".into()),
                Part::Group(1),
            ]
        );
        assert_eq!(t("cost $ 5").unwrap(), [Part::Text("cost $ 5".into())]);
        assert!(t("$3").unwrap_err().contains("has 2 groups"));
        assert!(t("$1z").unwrap_err().contains("no group named `1z`"));
        assert!(t("${1").unwrap_err().contains("never closes"));
        assert!(t("${}").is_err());
        assert!(t(" ").is_err());
    }

    #[test]
    fn the_first_match_wins_then_the_first_pattern() {
        let p = patterns(&[(r"b+", "/b"), (r"ab", "/ab"), (r"abc", "/abc")]);
        assert_eq!(
            links(&p, "abc bb"),
            [("ab".into(), "/ab".into()), ("bb".into(), "/b".into())]
        );
    }

    #[test]
    fn matched_text_is_kept_but_spaces_are_encoded() {
        let p = patterns(&[(r"doc (\w+ \w+)", "/docs?q=$1&x=\"y\"")]);
        assert_eq!(
            links(&p, "see doc annual report"),
            [(
                "doc annual report".into(),
                "/docs?q=annual%20report&x=\"y\"".into()
            )]
        );
    }

    #[test]
    fn addresses_that_run_code_and_empty_matches_make_no_link() {
        let p = patterns(&[(r"go:(\S+)", "$1"), (r"x*", "/x")]);
        assert!(links(&p, "go:javascript:alert(1)").is_empty());
        assert!(links(&p, "go:VBScript:run").is_empty());
        assert_eq!(
            links(&p, "go:https://a.example/ and x"),
            [
                ("go:https://a.example/".into(), "https://a.example/".into()),
                ("x".into(), "/x".into())
            ]
        );
    }

    #[test]
    fn bad_patterns_say_what_is_wrong_and_where() {
        let e = error(r"#(\d+", "/$1");
        assert!(e.message.contains("`#(\\d+`"), "{}", e.message);
        assert!(e.message.contains("unclosed group"), "{}", e.message);
        assert_eq!(e.column, Some(1));
        assert!(!e.in_url);
        let e = error(r"(?<=a)b", "/");
        assert!(e.message.contains("look-around"), "{}", e.message);
        let e = error(r"#(\d+)", "/$2");
        assert!(e.in_url);
        assert!(e.message.contains("uses `$2`, but the pattern has 1 group"));
        assert!(error("", "/").message.contains("empty"));
        let big = format!("\\w{{{}}}", 100_000);
        assert!(error(&big, "/").message.contains("too large"));
        let e = LinkPatterns::new(vec![
            LinkPattern {
                pattern: "a".into(),
                url: "/a".into(),
            },
            LinkPattern {
                pattern: "(".into(),
                url: "/b".into(),
            },
        ])
        .unwrap_err();
        assert_eq!(e.index, 1);
    }

    #[test]
    fn a_pattern_that_backtracks_elsewhere_finishes() {
        let p = patterns(&[(r"(a+)+$", "/a/$1"), (r"(x+x+)+y", "/x")]);
        let text = format!("{}b", "a".repeat(100_000));
        assert!(links(&p, &text).is_empty());
        let text = "a".repeat(100_000);
        assert_eq!(p.find(&text).len(), 1);
        let text = "x".repeat(50_000);
        assert!(links(&p, &text).is_empty());
    }
}
