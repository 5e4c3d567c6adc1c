//! Diagnostics: what is wrong in a user's file, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s instead of failing on the
//! first one, so a build can show all of them at once. This module never
//! prints: the binary (or the dev server) decides how to show them.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// The site is built, but something is probably not what the author meant.
    Warning,
}

/// What sort of problem a diagnostic reports, so that a summary can count
/// them by kind ("3 unknown refs, 0 broken links").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A ref that names no entity, topic, meeting or action.
    UnknownRef,
    /// An internal link or `#fragment` that leads to nothing the site has.
    BrokenLink,
    /// A link to the same host, outside the site's sub-path.
    OutsideLink,
    /// An overdue action that no later meeting has reported on.
    SilentOverdue,
    /// An external link that answered with an error or did not answer.
    ExternalLink,
    /// A `[[` that is never closed, or a wiki-link that names nothing.
    WikiLinkSyntax,
    /// Anything else.
    #[default]
    Other,
}

/// One problem in one place of the site's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What sort of problem it is.
    pub kind: Kind,
    /// The file, relative to the site root; empty when the problem has no file.
    pub path: PathBuf,
    /// 1-based line in the file; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// Length in characters of the offending text, for the underline (at least 1).
    pub width: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The text of the offending line, when there is one.
    pub source_line: Option<String>,
    /// Further places involved (for example the other file of a collision).
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error about a whole file (or about no file when `path` is empty).
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Other,
            path: path.into(),
            line: 0,
            column: 0,
            width: 1,
            message: message.into(),
            help: None,
            source_line: None,
            notes: Vec::new(),
        }
    }

    /// A warning about a whole file.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Points the diagnostic at `line:column` of `text` (the whole file), keeping
    /// the offending line for display.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        self
    }

    /// Points the diagnostic at `line:column`, whose text is `source_line`.
    pub fn at_line(mut self, line: usize, column: usize, source_line: &str) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = Some(source_line.to_owned());
        self
    }

    /// Points the diagnostic at a byte offset of `text` (the whole file).
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.at(text, line, column)
    }

    /// Sets how many characters the underline covers.
    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// Says what sort of problem this is.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note naming another place involved.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order diagnostics are shown in: by file, line, column, then message.
    pub fn sort_key(&self) -> (&Path, usize, usize, Severity, &str) {
        (
            &self.path,
            self.line,
            self.column,
            self.severity,
            &self.message,
        )
    }

    /// `path:line:column`, as far as it is known.
    pub fn location(&self) -> String {
        let mut out = self.path.display().to_string();
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        out
    }

    /// Renders the diagnostic with the offending source line underlined, the
    /// way compilers do; `color` adds ANSI colours for a terminal.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let location = self.location();
        let title = level.primary_title(self.message.as_str());
        let mut groups = Vec::new();
        match &self.source_line {
            Some(line) if self.line > 0 => {
                let start = char_to_byte(line, self.column.saturating_sub(1));
                let end = char_to_byte(line, self.column.saturating_sub(1) + self.width);
                let end = end.max(start);
                groups.push(
                    title.element(
                        Snippet::source(line.as_str())
                            .line_start(self.line)
                            .path(self.path.display().to_string())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    ),
                );
            }
            _ => {
                groups.push(Group::with_title(title));
                if !location.is_empty() {
                    groups.push(Group::with_title(
                        Level::NOTE.secondary_title(format!("in {location}")),
                    ));
                }
            }
        }
        for note in &self.notes {
            groups.push(Group::with_title(
                Level::NOTE.secondary_title(note.as_str()),
            ));
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&groups)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = self.location();
        if location.is_empty() {
            write!(f, "{what}: {}", self.message)?;
        } else {
            write!(f, "{location}: {what}: {}", self.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics into the order they are shown in and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// The diagnostics of a build next to those of the build before it.
#[derive(Debug)]
pub struct Difference<'a> {
    /// Those the earlier build did not have, in their order.
    pub new: Vec<&'a Diagnostic>,
    /// How many of the earlier build's are gone.
    pub gone: usize,
}

/// Compares the diagnostics of two builds, so a rebuild can show only what
/// changed. Two diagnostics are the same when their file, severity, message,
/// help and the text of the line they point at are: line and column numbers
/// are left out, so a warning whose line only moved (lines added or removed
/// above it) is not new, while one whose own line was edited is shown again.
/// Repeats count: of two equal warnings, fixing one leaves one, none new.
pub fn difference<'a>(before: &[Diagnostic], after: &'a [Diagnostic]) -> Difference<'a> {
    type Key<'k> = (
        &'k Path,
        Severity,
        &'k str,
        Option<&'k str>,
        Option<&'k str>,
    );
    fn key(d: &Diagnostic) -> Key<'_> {
        (
            &d.path,
            d.severity,
            &d.message,
            d.help.as_deref(),
            d.source_line.as_deref().map(str::trim),
        )
    }
    let mut left: HashMap<Key<'_>, usize> = HashMap::new();
    for d in before {
        *left.entry(key(d)).or_insert(0) += 1;
    }
    let mut new = Vec::new();
    for d in after {
        match left.get_mut(&key(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push(d),
        }
    }
    Difference {
        new,
        gone: left.values().sum(),
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The byte offset of the `n`th character of `line` (or its end).
fn char_to_byte(line: &str, n: usize) -> usize {
    line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'x' is after two two-byte characters and a space.
        assert_eq!(line_col(text, 3 + 5), (2, 4));
        assert_eq!(line_col(text, 1000), (3, 1));
    }

    #[test]
    fn render_shows_file_line_and_help() {
        let text = "---\ntitel: x\n---\n";
        let d = Diagnostic::error("content/meetings/a.md", "unknown key `titel`")
            .at(text, 2, 1)
            .width(5)
            .help("did you mean `title`?");
        let out = d.render(false);
        assert!(out.contains("content/meetings/a.md:2:1"), "{out}");
        assert!(out.contains("titel: x"), "{out}");
        assert!(out.contains("did you mean `title`?"), "{out}");
        assert_eq!(
            d.to_string(),
            "content/meetings/a.md:2:1: error: unknown key `titel` (help: did you mean `title`?)"
        );
    }

    #[test]
    fn a_warning_whose_line_moved_is_not_new() {
        let text = "---\ntitle: M\nattendees:\n  - Somebody\n  - Nobody\n---\n";
        let moved = format!("---\nlocation: X\n{}", &text[4..]);
        let w = |text: &str, line: usize, name: &str| {
            Diagnostic::warning("m.md", format!("no entity is called `{name}`")).at(text, line, 5)
        };
        let before = [w(text, 4, "Somebody"), w(text, 5, "Nobody")];
        let after = [w(&moved, 5, "Somebody"), w(&moved, 6, "Nobody")];
        let d = difference(&before, &after);
        assert!(d.new.is_empty() && d.gone == 0, "{d:?}");

        let more = format!("{}  - Ghost\n---\n", &moved[..moved.len() - 4]);
        let after = [
            w(&more, 5, "Somebody"),
            w(&more, 7, "Ghost"),
            w(&more, 6, "Nobody"),
        ];
        let d = difference(&before, &after);
        assert_eq!(d.new.len(), 1);
        assert!(d.new[0].message.contains("Ghost"));
        assert_eq!(d.gone, 0);

        let d = difference(&after, &before[..1]);
        assert_eq!((d.new.len(), d.gone), (0, 2));
    }

    #[test]
    fn repeated_warnings_are_counted() {
        let one = [Diagnostic::warning("m.md", "same")];
        let two = [one[0].clone(), one[0].clone()];
        let d = difference(&two, &one);
        assert_eq!((d.new.len(), d.gone), (0, 1));
        let d = difference(&one, &two);
        assert_eq!((d.new.len(), d.gone), (1, 0));
    }

    #[test]
    fn sort_orders_by_file_then_line() {
        let mut v = vec![
            Diagnostic::error("b.md", "x").at("a\nb\n", 2, 1),
            Diagnostic::error("a.md", "y").at("a\nb\n", 2, 1),
            Diagnostic::error("a.md", "z").at("a\nb\n", 1, 1),
            Diagnostic::error("a.md", "z").at("a\nb\n", 1, 1),
        ];
        sort(&mut v);
        let got: Vec<_> = v.iter().map(|d| d.location()).collect();
        assert_eq!(got, ["a.md:1:1", "a.md:2:1", "b.md:2:1"]);
    }
}
