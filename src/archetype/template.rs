//! Archetypes: the text a new file starts from, with `{{placeholders}}`.
//!
//! A site's own `archetypes/<kind>.md` replaces the built-in one. Filling
//! one in is plain substitution — no expressions, loops or conditions — so
//! an archetype cannot run anything or read anything. In the front matter a
//! placeholder stands for a YAML value and is written as one (quoted when
//! needed); in the Markdown body it is the plain text.

use std::fs;
use std::path::{Path, PathBuf};

use super::yaml;
use crate::diagnostic::Diagnostic;
use crate::frontmatter;

/// A placeholder's value, in the two forms it can be written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Value {
    /// What follows `key: ` in the front matter: a scalar, nothing (null),
    /// or lines of a block list, each starting with a line break.
    yaml: String,
    /// What stands in the Markdown body.
    text: String,
}

impl Value {
    /// A string, quoted in YAML when it needs to be; `None` is null (an
    /// empty value in the front matter, nothing in the body).
    pub(super) fn scalar(s: Option<&str>) -> Value {
        Value {
            yaml: s.map(|s| yaml::scalar(s).into_owned()).unwrap_or_default(),
            text: s.unwrap_or_default().to_owned(),
        }
    }

    /// A value that is valid YAML as it stands (a date, a slug, a kind).
    pub(super) fn plain(s: &str) -> Value {
        Value {
            yaml: s.to_owned(),
            text: s.to_owned(),
        }
    }

    /// A block list: `items` are its YAML lines (`- x`, or comments), each
    /// indented by two spaces under its key; `[]` when there are none.
    /// `lines` are its Markdown lines in the body.
    pub(super) fn block(items: &[String], lines: &[String]) -> Value {
        let yaml = if items.is_empty() {
            "[]".to_owned()
        } else {
            items.iter().map(|i| format!("\n  {i}")).collect()
        };
        Value {
            yaml,
            text: lines.join("\n"),
        }
    }
}

/// An archetype, read from the site or built in.
#[derive(Debug, Clone)]
pub(super) struct Template {
    /// Where it comes from, for messages: `archetypes/meeting.md`, or
    /// `(built-in archetype for meetings)`.
    pub path: PathBuf,
    /// Whether it is the site's own.
    pub own: bool,
    text: String,
}

impl Template {
    /// The site's `archetypes/<word>.md` when there is one, else `builtin`.
    pub(super) fn load(root: &Path, word: &str, builtin: &str) -> Result<Template, Diagnostic> {
        let rel = PathBuf::from("archetypes").join(format!("{word}.md"));
        let full = root.join(&rel);
        match fs::read(&full) {
            Ok(bytes) => Ok(Template {
                text: crate::source::decode(&rel, bytes)?,
                path: rel,
                own: true,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Template {
                path: PathBuf::from(format!("(built-in archetype for {word}s)")),
                own: false,
                text: builtin.to_owned(),
            }),
            Err(e) => Err(Diagnostic::error(&rel, format!("cannot read it: {e}"))),
        }
    }

    /// Whether its Markdown holds an HTML comment (`<!-- … -->`), which a
    /// site that escapes HTML would show.
    pub(super) fn uses_comments(&self) -> bool {
        let body = frontmatter::split(&self.text).map_or(0, |s| s.body_offset);
        self.text[body..].contains("<!--")
    }

    /// The archetype with every placeholder replaced by its value among
    /// `values` (name, value). A placeholder not among them, or a `{{` that
    /// is never closed, is an error at its place in the archetype.
    pub(super) fn fill(&self, values: &[(&str, Value)]) -> Result<String, Diagnostic> {
        let body_at = frontmatter::split(&self.text)
            .map_err(|e| {
                self.error(
                    e.offset,
                    1,
                    &format!("the archetype has no front matter: {}", e.message),
                )
                .help(e.help)
            })?
            .body_offset;
        let front = self.substitute(0, body_at, values, |v| &v.yaml)?;
        let body = self.substitute(body_at, self.text.len(), values, |v| &v.text)?;
        // A value left empty, or a list that starts on the next line, leaves
        // spaces at the end of its key's line: YAML does not mind, editors do.
        let mut filled: String = front
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        filled.push_str(&body);
        Ok(filled)
    }

    /// The text from byte `from` to `to`, its placeholders replaced by the
    /// `form` of their values.
    fn substitute(
        &self,
        from: usize,
        to: usize,
        values: &[(&str, Value)],
        form: fn(&Value) -> &str,
    ) -> Result<String, Diagnostic> {
        let part = &self.text[from..to];
        let mut out = String::with_capacity(part.len());
        let mut rest = 0;
        while let Some(open) = part[rest..].find("{{").map(|i| rest + i) {
            let Some(close) = part[open..].find("}}").map(|i| open + i) else {
                return Err(self.error(from + open, 2, "this `{{` is never closed with `}}`"));
            };
            let name = part[open + 2..close].trim();
            let Some((_, value)) = values.iter().find(|(n, _)| *n == name) else {
                let known: Vec<String> = values
                    .iter()
                    .map(|(n, _)| format!("`{{{{{n}}}}}`"))
                    .collect();
                return Err(self
                    .error(
                        from + open,
                        close + 2 - open,
                        &format!("unknown placeholder `{{{{{name}}}}}`"),
                    )
                    .help(format!(
                        "the placeholders of this archetype are {}",
                        known.join(", ")
                    )));
            };
            out.push_str(&part[rest..open]);
            out.push_str(form(value));
            rest = close + 2;
        }
        out.push_str(&part[rest..]);
        Ok(out)
    }

    fn error(&self, offset: usize, width: usize, message: &str) -> Diagnostic {
        Diagnostic::error(&self.path, message)
            .at_offset(&self.text, offset)
            .width(width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(text: &str) -> Template {
        Template {
            path: PathBuf::from("archetypes/meeting.md"),
            own: true,
            text: text.to_owned(),
        }
    }

    #[test]
    fn values_are_yaml_in_the_front_matter_and_text_in_the_body() {
        let t = template(
            "---\ntitle: {{title}}\nchair: {{ chair }}\nattendees: {{attendees}}\n---\n# {{title}}\n\n{{attendees}}\n",
        );
        let values = [
            ("title", Value::scalar(Some("Board: special"))),
            ("chair", Value::scalar(None)),
            (
                "attendees",
                Value::block(
                    &["- Ada".into(), "- \"@bob\"".into()],
                    &["* Ada".into(), "* @bob".into()],
                ),
            ),
        ];
        assert_eq!(
            t.fill(&values).unwrap(),
            "---\ntitle: \"Board: special\"\nchair:\nattendees:\n  - Ada\n  - \"@bob\"\n---\n# Board: special\n\n* Ada\n* @bob\n"
        );
        let empty = [
            ("title", Value::plain("x")),
            ("chair", Value::plain("y")),
            ("attendees", Value::block(&[], &[])),
        ];
        assert!(t.fill(&empty).unwrap().contains("attendees: []\n"));
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_errors_at_their_place() {
        let e = template("---\ntitle: x\nchair: {{chiar}}\n---\n")
            .fill(&[("chair", Value::plain("y"))])
            .unwrap_err();
        assert_eq!((e.line, e.column, e.width), (3, 8, 9));
        assert_eq!(e.message, "unknown placeholder `{{chiar}}`");
        assert_eq!(
            e.help.as_deref(),
            Some("the placeholders of this archetype are `{{chair}}`")
        );
        let e = template("---\ntitle: x\n---\nBody {{chair\n")
            .fill(&[])
            .unwrap_err();
        assert_eq!((e.line, e.column), (4, 6));
        let e = template("title: x\n").fill(&[]).unwrap_err();
        assert!(
            e.message.starts_with("the archetype has no front matter"),
            "{}",
            e.message
        );
    }
}
