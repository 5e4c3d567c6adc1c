//! Writing values into YAML: a name, title or id becomes a scalar that reads
//! back as exactly the same string, wherever it is written (a block value,
//! an item of a list, a value inside `{ … }`).
//!
//! It must never write text that reads as something else: a name with `: `,
//! `#`, quotes, a leading `-` or `@`, or one that YAML would take for a
//! number, a date, a boolean or null is written in double quotes.

use std::borrow::Cow;

/// `s` as a YAML scalar: as it is when that is unambiguous, else in double
/// quotes with `\` escapes.
pub(super) fn scalar(s: &str) -> Cow<'_, str> {
    if is_plain(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(quoted(s))
    }
}

/// Whether `s` reads back as itself without quotes, in block and flow
/// context alike. Deliberately narrow: letters first, then letters, digits,
/// single spaces and a few punctuation marks that mean nothing to YAML
/// inside a word.
fn is_plain(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_alphabetic() || s.ends_with(' ') || s.contains("  ") {
        return false;
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || " -.'’()/&_+".contains(c))
    {
        return false;
    }
    // What YAML 1.1 readers take for a boolean or null.
    let reserved = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"];
    !reserved.contains(&s.to_lowercase().as_str())
}

/// `s` in double quotes: `"` and `\` escaped, and every character YAML
/// would not keep as it is (controls, line and paragraph separators, the
/// byte order mark, non-characters) written as an escape.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Doc {
        block: String,
        list: Vec<String>,
        flow: Flow,
    }

    #[derive(Debug, Deserialize)]
    struct Flow {
        name: String,
        role: String,
    }

    /// `s` written in each place a value can go, read back.
    fn round_trip(s: &str) -> Result<Doc, String> {
        let v = scalar(s);
        let yaml = format!("block: {v}\nlist:\n  - {v}\nflow: {{ name: {v}, role: {v} }}\n");
        crate::frontmatter::parse_yaml::<Doc>(&yaml, 0, &[]).map_err(|e| e.message)
    }

    fn assert_round_trips(s: &str) {
        let doc = round_trip(s).unwrap_or_else(|e| panic!("{s:?} as {}: {e}", scalar(s)));
        assert_eq!(doc.block, s);
        assert_eq!(doc.list, [s]);
        assert_eq!((doc.flow.name.as_str(), doc.flow.role.as_str()), (s, s));
    }

    #[test]
    fn plain_names_stay_plain() {
        for s in [
            "Kemal Derviş",
            "Hak-Su Kim",
            "Mr. Dervis",
            "ECOSOC's new functions",
            "Coordinator of the Regional Commissions",
            "Board 2024-01-15",
        ] {
            assert_eq!(scalar(s), s);
            assert_round_trips(s);
        }
    }

    #[test]
    fn names_yaml_would_misread_are_quoted() {
        for s in [
            "Smith: \"The Boss\"",
            "a # b",
            "- item",
            "@handle",
            "[x]",
            "{x}",
            "a, b",
            "yes",
            "No",
            "null",
            "~",
            "2024",
            "2024-01-15",
            "1e3",
            ".inf",
            "",
            " padded ",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "it's \"quoted\"",
            "*alias",
            "&anchor",
            "!tag",
            "%directive",
            "|",
            ">",
            "'single'",
            "Tessera TSC — minutes",
            "\u{2028}",
            "\u{7f}",
        ] {
            assert_round_trips(s);
        }
        assert_eq!(scalar("Smith: \"The Boss\""), "\"Smith: \\\"The Boss\\\"\"");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_as_itself(s in "\\PC*") {
            let doc = round_trip(&s);
            proptest::prop_assert!(doc.is_ok(), "{:?} as {}: {:?}", s, scalar(&s), doc);
            let doc = doc.unwrap();
            proptest::prop_assert_eq!(&doc.block, &s);
            proptest::prop_assert_eq!(&doc.flow.role, &s);
        }

        #[test]
        fn any_characters_read_back_as_themselves(s in ".*") {
            let doc = round_trip(&s);
            proptest::prop_assert!(doc.is_ok(), "{:?} as {}: {:?}", s, scalar(&s), doc);
            proptest::prop_assert_eq!(&doc.unwrap().list, std::slice::from_ref(&s));
        }
    }
}
