//! Front matter: splitting a file into YAML and Markdown, and reading the YAML.
//!
//! This is the only module that knows the YAML library, so it can be swapped
//! for another implementation in one place. It turns the library's errors into
//! messages a secretariat can act on, with line numbers of the *file* (not of
//! the front matter) and a "did you mean" for misspelt keys. It never panics
//! on any input.

use serde::de::DeserializeOwned;

/// A file cut into its front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Byte offset of the YAML in the file.
    pub yaml_offset: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Why a file could not be cut into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitError {
    /// Byte offset the problem is at.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// A YAML error, located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// Byte offset in the file (YAML offset already added).
    pub offset: usize,
    /// What is wrong, in the project's words.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

/// Cuts `text` (BOM and CRLF already normalised) at its `---` lines.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError {
            offset: 0,
            message: "the file is empty".into(),
            help: "start the file with a line `---`, the YAML front matter, and another `---`"
                .into(),
        });
    }
    let first_line = text.split('\n').next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Err(SplitError {
            offset: 0,
            message: "the file has no front matter".into(),
            help: "the first line must be `---`, followed by the YAML front matter and a closing `---` line".into(),
        });
    }
    let yaml_offset = first_line.len() + 1;
    if yaml_offset > text.len() {
        return Err(unterminated());
    }
    let mut pos = yaml_offset;
    for line in text[yaml_offset..].split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim_end() == "---" || content.trim_end() == "..." {
            let body_offset = (pos + line.len()).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_offset..pos],
                yaml_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos += line.len();
    }
    Err(unterminated())
}

fn unterminated() -> SplitError {
    SplitError {
        offset: 0,
        message: "the front matter opened here is never closed".into(),
        help: "add a line `---` after the last line of YAML".into(),
    }
}

/// Reads the YAML of a split file into `T`. `keys` lists the keys `T` accepts,
/// for the "did you mean" of an unknown key.
pub(crate) fn parse<T: DeserializeOwned>(split: &Split<'_>, keys: &[&str]) -> Result<T, YamlError> {
    parse_yaml(split.yaml, split.yaml_offset, keys)
}

/// Reads a YAML document that starts at byte `offset` of its file.
pub(crate) fn parse_yaml<T: DeserializeOwned>(
    yaml: &str,
    offset: usize,
    keys: &[&str],
) -> Result<T, YamlError> {
    // Only comments or blanks: read as an empty mapping, so the error is about
    // the missing keys rather than about YAML.
    let has_content = yaml
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let source = if has_content { yaml } else { "{}" };
    // The YAML reader names a control character by its place among the
    // characters only: find it first, to point at its line and column.
    if let Some((at, c)) = yaml
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(YamlError {
            offset: offset + at,
            message: format!(
                "a control character (U+{:04X}) is not allowed in front matter",
                c as u32
            ),
            help: Some(
                "delete it: it is invisible in most editors, so retype the text around it".into(),
            ),
        });
    }
    if let Some(over) = aliases_past(source, ALIAS_LIMIT) {
        return Err(YamlError {
            offset: offset + over.offset,
            message: format!(
                "`*{}` makes the aliases of this YAML repeat more than 1 MiB of text",
                over.anchor
            ),
            help: Some(
                "an alias (`*name`) stands for all that its anchor (`&name`) holds: write the values out, or use fewer aliases"
                    .into(),
            ),
        });
    }
    serde_yaml::from_str(source).map_err(|e| convert(&e, yaml, offset, keys))
}

/// The most text, in bytes, that the aliases of one YAML document may
/// repeat. The YAML library copies an anchor's value for every alias, so a
/// few lines of aliases of aliases can stand for gigabytes.
pub(crate) const ALIAS_LIMIT: usize = 1024 * 1024;

/// Every scalar of `yaml` with the byte offset its text starts at (inside
/// the quotes of a quoted one), in order: where messages about values
/// point. Stops at what cannot be read.
pub(crate) fn scalars(yaml: &str) -> Vec<(String, usize)> {
    use libyaml_safer::{EventData, Parser, ScalarStyle};
    let mut input = yaml.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    let mut out = Vec::new();
    for event in parser {
        let Ok(event) = event else { break };
        if let EventData::Scalar { value, style, .. } = event.data {
            let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
            let at = usize::try_from(event.start_mark.index).unwrap_or(0) + usize::from(quoted);
            out.push((value, at.min(yaml.len())));
        }
    }
    out
}

/// The alias at which the aliases of a document go past their limit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Over {
    /// Byte offset of the alias in the YAML.
    offset: usize,
    /// The anchor it names.
    anchor: String,
}

/// Reads the events of `yaml` (no value is built) and adds up what its
/// aliases repeat: the text of the scalars of each alias's anchor, with the
/// aliases inside it, and a byte for every scalar, list and mapping so that
/// empty ones count too. Returns the first alias that takes the total past
/// `limit`. YAML that cannot be read is left to the YAML library's message.
fn aliases_past(yaml: &str, limit: usize) -> Option<Over> {
    use libyaml_safer::{EventData, Parser};
    if !yaml.contains('*') {
        return None;
    }
    let mut input = yaml.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    // What each anchor holds, and the nodes open around the event: their
    // anchors and what they hold so far.
    let mut sizes: std::collections::HashMap<String, usize> = Default::default();
    let mut open: Vec<(Option<String>, usize)> = Vec::new();
    let mut repeated = 0usize;
    for event in parser {
        let event = event.ok()?;
        let (anchor, size) = match event.data {
            EventData::Scalar { anchor, value, .. } => (anchor, 1 + value.len()),
            EventData::SequenceStart { anchor, .. } | EventData::MappingStart { anchor, .. } => {
                open.push((anchor, 1));
                continue;
            }
            EventData::SequenceEnd | EventData::MappingEnd => match open.pop() {
                Some(node) => node,
                None => continue,
            },
            EventData::Alias { anchor } => {
                let size = sizes.get(&anchor).copied().unwrap_or(0);
                repeated = repeated.saturating_add(size);
                if repeated > limit {
                    let offset = usize::try_from(event.start_mark.index).unwrap_or(0);
                    return Some(Over {
                        offset: offset.min(yaml.len()),
                        anchor,
                    });
                }
                (None, size)
            }
            _ => continue,
        };
        if let Some(anchor) = anchor {
            sizes.insert(anchor, size);
        }
        if let Some((_, held)) = open.last_mut() {
            *held = held.saturating_add(size);
        }
    }
    None
}

fn convert(e: &serde_yaml::Error, yaml: &str, offset: usize, keys: &[&str]) -> YamlError {
    let at = e.location().map_or(0, |loc| loc.index().min(yaml.len()));
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the diagnostic shows the location
    // itself. A syntax error may add where the list or mapping began, in lines of
    // the YAML: front matter starts on the file's second line, a configuration
    // file on its first.
    let first_line = if offset == 0 { 1 } else { 2 };
    let message = match raw.find(" at line ") {
        Some(i) => {
            let opened = raw[i..]
                .split_once(", while parsing ")
                .and_then(|(_, what)| what.split_once(" at line "))
                .and_then(|(what, at)| {
                    let line: usize = at.split_whitespace().next()?.parse().ok()?;
                    let what = match what {
                        "a flow sequence" => "the list `[…]`",
                        "a flow mapping" => "the mapping `{…}`",
                        "a block mapping" | "a block collection" => "the block",
                        "a quoted scalar" => "the quoted text",
                        other => other,
                    };
                    Some(format!(
                        " in {what} that starts on line {}",
                        line + first_line - 1
                    ))
                })
                .unwrap_or_default();
            format!("{}{opened}", &raw[..i])
        }
        None => raw,
    };
    // serde reports a duplicate key at the start of its mapping: point at the repeat.
    let at = match message.split("duplicate field `").nth(1) {
        Some(rest) => second_key_line(yaml, rest.split('`').next().unwrap_or("")).unwrap_or(at),
        None => at,
    };
    let (message, help) = reword(&message, keys);
    YamlError {
        offset: offset + at,
        message,
        help,
    }
}

/// The offset of the second line that starts with `key:` in `yaml`.
fn second_key_line(yaml: &str, key: &str) -> Option<usize> {
    let mut pos = 0;
    let mut seen = 0;
    for line in yaml.split_inclusive('\n') {
        let t = line.trim_start().trim_start_matches("- ");
        if t.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            seen += 1;
            if seen == 2 {
                return Some(pos + line.len() - line.trim_start().len());
            }
        }
        pos += line.len();
    }
    None
}

/// Rewords serde's messages into the project's vocabulary.
fn reword(message: &str, keys: &[&str]) -> (String, Option<String>) {
    // A nested struct's error comes prefixed with its path: "actions[0]: unknown field …".
    let (prefix, rest) = match message.find(": ") {
        Some(i) if !message[..i].contains(' ') => (&message[..i + 2], &message[i + 2..]),
        _ => ("", message),
    };
    if let Some(tail) = rest.strip_prefix("unknown field `") {
        let key = tail.split('`').next().unwrap_or("");
        let expected = expected_keys(tail);
        let candidates: Vec<&str> = if expected.is_empty() {
            keys.to_vec()
        } else {
            expected.iter().map(String::as_str).collect()
        };
        let help = match did_you_mean(key, &candidates) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "the keys allowed here are {}",
                candidates
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return (format!("{prefix}unknown key `{key}`"), Some(help));
    }
    if let Some(tail) = rest.strip_prefix("missing field `") {
        let key = tail.split('`').next().unwrap_or("");
        return (
            format!("{prefix}the required key `{key}` is missing"),
            Some(format!("add a line `{key}: …`")),
        );
    }
    if let Some(tail) = rest.strip_prefix("duplicate field `") {
        let key = tail.split('`').next().unwrap_or("");
        return (
            format!("{prefix}the key `{key}` appears twice"),
            Some("keep one of the two lines".into()),
        );
    }
    if rest.starts_with("duplicate entry") {
        return (
            format!("{prefix}{rest}"),
            Some("a key may appear only once in a mapping".into()),
        );
    }
    if let Some(tail) = rest.strip_prefix("invalid type: ") {
        return (
            format!("{prefix}wrong type: found {tail}"),
            Some("quote text with \"…\", write lists as [a, b] or one `- item` per line".into()),
        );
    }
    if let Some(tail) = rest.strip_prefix("unknown variant `") {
        let value = tail.split('`').next().unwrap_or("");
        let expected = expected_keys(tail);
        let names: Vec<&str> = expected.iter().map(String::as_str).collect();
        let help = did_you_mean(value, &names)
            .map(|b| format!("did you mean `{b}`?"))
            .unwrap_or_else(|| format!("use one of {}", quoted_list(&names)));
        return (format!("{prefix}`{value}` is not allowed here"), Some(help));
    }
    if rest.contains("recursion limit exceeded") || rest.contains("repetition limit exceeded") {
        return (
            format!("{prefix}the YAML is nested or repeated too deeply ({rest})"),
            Some(
                "front matter holds plain keys and lists; remove the anchors and aliases (&, *)"
                    .into(),
            ),
        );
    }
    let syntax = [
        "did not find expected",
        "mapping values are not allowed",
        "found unexpected",
        "while scanning",
        "could not find expected",
        "found character",
        "found a tab",
        "block sequence entries are not allowed",
    ];
    if syntax.iter().any(|s| rest.starts_with(s)) {
        return (
            format!("{prefix}the YAML cannot be read: {rest}"),
            Some("check the brackets and quotes here and on the lines before; quote a value that contains `: ` or starts with [ { & * ! | > ' \" % @".into()),
        );
    }
    (format!("{prefix}{rest}"), None)
}

/// The names listed after "expected one of" / "expected" in a serde message.
fn expected_keys(tail: &str) -> Vec<String> {
    let Some(i) = tail.find("expected") else {
        return Vec::new();
    };
    tail[i..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
/// A word longer than [`LONGEST_TYPO`] characters is no typo of a name, and
/// gets no suggestion.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    if len > LONGEST_TYPO {
        return None;
    }
    candidates
        .iter()
        .filter(|c| may_be_close(len, c.chars().count()))
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// The longest word, in characters, that [`did_you_mean`] looks for: the
/// comparison costs the product of the two lengths.
pub(crate) const LONGEST_TYPO: usize = 200;

/// Whether words of `a` and `b` characters can score above 0.8: the
/// Jaro-Winkler score is the Jaro score, raised only when that is above
/// 0.7, and a Jaro score counts at most `shorter / longer` for the longer
/// word and 1 for each of its other two thirds. Above 0.7 takes a shorter
/// word of more than a tenth of the longer, so no other pair is compared.
fn may_be_close(a: usize, b: usize) -> bool {
    let (short, long) = (a.min(b), a.max(b));
    short * 10 > long
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Fm {
        title: String,
        #[serde(default)]
        attendees: Vec<String>,
    }
    const KEYS: &[&str] = &["title", "attendees"];

    #[test]
    fn reads_typed_front_matter() {
        let s = split("---\ntitle: x\nattendees: [a, b]\n---\n").unwrap();
        let fm: Fm = parse(&s, KEYS).unwrap();
        assert_eq!((fm.title.as_str(), fm.attendees.len()), ("x", 2));
    }

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntitle: x\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(&text[s.body_offset..], "# Body\n");
    }

    #[test]
    fn a_file_that_is_only_front_matter_has_an_empty_body() {
        let s = split("---\ntitle: x\n---").unwrap();
        assert_eq!(s.body, "");
        assert_eq!(split("---\n---\n").unwrap().yaml, "");
    }

    #[test]
    fn reports_missing_and_unterminated_front_matter() {
        assert!(split("").unwrap_err().message.contains("empty"));
        assert!(
            split("# Title\n")
                .unwrap_err()
                .message
                .contains("no front matter")
        );
        assert!(
            split("---\ntitle: x\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(split("---").unwrap_err().message.contains("never closed"));
    }

    #[test]
    fn yaml_errors_are_located_in_the_file() {
        let text = "---\ntitle: x\nattendess: [a]\n---\n";
        let s = split(text).unwrap();
        let e = parse::<Fm>(&s, KEYS).unwrap_err();
        assert_eq!(e.message, "unknown key `attendess`");
        assert_eq!(e.help.as_deref(), Some("did you mean `attendees`?"));
        assert_eq!(crate::diagnostic::line_col(text, e.offset).0, 3);
    }

    #[test]
    fn syntax_errors_and_missing_keys_are_explained() {
        let text = "---\ntitle: [unclosed\n---\n";
        let e = parse::<Fm>(&split(text).unwrap(), KEYS).unwrap_err();
        assert!(crate::diagnostic::line_col(text, e.offset).0 >= 2, "{e:?}");
        let e = parse::<Fm>(&split("---\n# only a comment\n---\n").unwrap(), KEYS).unwrap_err();
        assert_eq!(e.message, "the required key `title` is missing");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let text = "---\ntitle: a\ntitle: b\n---\n";
        let e = parse::<Fm>(&split(text).unwrap(), KEYS).unwrap_err();
        assert!(e.message.contains("title"), "{e:?}");
        assert_eq!(crate::diagnostic::line_col(text, e.offset).0, 3);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            yaml.push_str(&format!("{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        let text = format!("---\n{yaml}title: x\n---\n");
        let e = parse::<serde_yaml::Value>(&split(&text).unwrap(), KEYS);
        assert!(e.is_err());
    }

    #[test]
    fn what_aliases_repeat_is_added_up_to_the_alias_that_goes_over() {
        let big = "x".repeat(1000);
        let yaml = format!("a: &a \"{big}\"\nb: [*a, *a, *a]\n");
        assert_eq!(aliases_past(&yaml, 3 * 1001), None);
        let third = yaml.rfind("*a").unwrap();
        let over = aliases_past(&yaml, 2 * 1001 + 1000).unwrap();
        assert_eq!((over.offset, over.anchor.as_str()), (third, "a"));
        // Aliases of aliases count all that they stand for.
        let nested = format!("a: &a [\"{big}\", \"{big}\"]\nb: &b [*a, *a]\nc: [*b]\n");
        let over = aliases_past(&nested, 5000).unwrap();
        assert_eq!(over.offset, nested.rfind("*b").unwrap());
        assert_eq!(aliases_past("a: [\"*x\", '*y', *z]\n", 0), None);
    }

    #[test]
    fn an_alias_past_the_limit_is_an_error_at_the_alias() {
        let big = "x".repeat(ALIAS_LIMIT / 4);
        let aliases = ["*a"; 8].join(", ");
        let text = format!("---\ntitle: &a \"{big}\"\nattendees: [{aliases}]\n---\n");
        let e = parse::<Fm>(&split(&text).unwrap(), KEYS).unwrap_err();
        assert_eq!(
            e.message,
            "`*a` makes the aliases of this YAML repeat more than 1 MiB of text"
        );
        let (line, column) = crate::diagnostic::line_col(&text, e.offset);
        assert_eq!(line, 3);
        // Four quarters of the limit, and a byte each for the scalars: the
        // fourth alias goes over.
        let fourth = text.match_indices("*a").nth(3).unwrap().0;
        assert_eq!(e.offset, fourth);
        assert!(column > 1);
        // Below the limit, aliases work as YAML says.
        let text = "---\ntitle: &t Board\nattendees: [*t, *t]\n---\n";
        let fm: Fm = parse(&split(text).unwrap(), KEYS).unwrap();
        assert_eq!(fm.attendees, ["Board", "Board"]);
    }

    #[test]
    fn did_you_mean_only_suggests_close_words() {
        assert_eq!(did_you_mean("atendees", KEYS), Some("attendees"));
        assert_eq!(did_you_mean("zzz", KEYS), None);
        assert_eq!(did_you_mean(&"a".repeat(LONGEST_TYPO + 1), KEYS), None);
    }

    proptest::proptest! {
        /// The words left out for their lengths are words that could not
        /// have been suggested.
        #[test]
        fn words_left_out_by_length_score_too_low(a in "[a-e]{1,4}", b in "[a-e]{1,60}") {
            let (la, lb) = (a.chars().count(), b.chars().count());
            if !may_be_close(la, lb) {
                proptest::prop_assert!(strsim::jaro_winkler(&a, &b) <= 0.8);
            }
        }
    }
}
