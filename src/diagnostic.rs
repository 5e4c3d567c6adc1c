//! Diagnostics: what is wrong in a user's file, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s instead of failing on the
//! first one, so a build can show all of them at once. This module never
//! prints: the binary (or the dev server) decides how to show them.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

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
    /// The text of the offending line, when there is one: all of it, or
    /// for a line longer than [`LINE_EXCERPT`] characters, a stretch around
    /// the column with `…` where text is left out.
    pub source_line: Option<String>,
    /// How many characters of the line come before `source_line` (its `…`
    /// counting as one): 0 unless the line was cut.
    pub source_skip: usize,
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
            source_skip: 0,
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
    pub fn at(self, text: &str, line: usize, column: usize) -> Self {
        match text.lines().nth(line.saturating_sub(1)) {
            Some(source_line) => self.at_line(line, column, source_line),
            None => Diagnostic {
                line,
                column,
                source_line: None,
                source_skip: 0,
                ..self
            },
        }
    }

    /// Points the diagnostic at `line:column`, whose text is `source_line`.
    pub fn at_line(self, line: usize, column: usize, source_line: &str) -> Self {
        let byte = if source_line.len() <= LINE_EXCERPT {
            0
        } else {
            char_to_byte(source_line, column.saturating_sub(1))
        };
        self.at_byte(line, column, source_line, byte)
    }

    /// [`Diagnostic::at_line`], for a caller that knows the column's byte
    /// offset in the line: a long line is cut around it without counting
    /// its characters again.
    pub fn at_byte(mut self, line: usize, column: usize, source_line: &str, byte: usize) -> Self {
        self.line = line;
        self.column = column;
        let (excerpt, skip) = excerpt(source_line, column, byte);
        self.source_line = Some(excerpt);
        self.source_skip = skip;
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
                let column = self.column.saturating_sub(1 + self.source_skip);
                let start = char_to_byte(line, column);
                let end = char_to_byte(line, column + self.width);
                let end = end.max(start);
                let snippet = Snippet::source(line.as_str())
                    .line_start(self.line)
                    .annotation(AnnotationKind::Primary.span(start..end));
                // A cut line would give the column in the cut: say where it is.
                let group = if self.source_skip > 0 {
                    title
                        .element(
                            Origin::path(self.path.display().to_string())
                                .line(self.line)
                                .char_column(self.column),
                        )
                        .element(snippet)
                } else {
                    title.element(snippet.path(self.path.display().to_string()))
                };
                groups.push(group);
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

/// The longest line, in characters, a diagnostic keeps whole. Every
/// diagnostic about a list of 8,000 names written on one line would
/// otherwise hold, and show, the whole line.
pub const LINE_EXCERPT: usize = 200;

/// The part of `line` a diagnostic at `column` (byte `byte` of the line)
/// keeps, and how many characters come before it: the whole line when it
/// is short, else [`LINE_EXCERPT`] characters from a third of that before
/// the column, with `…` for what is left out. Costs the excerpt's length.
fn excerpt(line: &str, column: usize, byte: usize) -> (String, usize) {
    if line.len() <= LINE_EXCERPT || line.chars().nth(LINE_EXCERPT).is_none() {
        return (line.to_owned(), 0);
    }
    let mut byte = byte.min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    let back = line[..byte]
        .char_indices()
        .rev()
        .take(LINE_EXCERPT / 3)
        .last()
        .map_or(byte, |(i, _)| i);
    let end = line[back..]
        .char_indices()
        .nth(LINE_EXCERPT)
        .map_or(line.len(), |(i, _)| back + i);
    let before = line[back..byte].chars().count();
    let mut out = String::with_capacity(end - back + 8);
    let skip = if back > 0 {
        out.push('…');
        column.saturating_sub(1 + before + 1)
    } else {
        0
    };
    out.push_str(&line[back..end]);
    if end < line.len() {
        out.push('…');
    }
    (out, skip)
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
    fn a_long_line_is_kept_around_the_column() {
        let line = format!("attendees: [{}Zed]", "Ann, ".repeat(2_000));
        let column = line.find("Zed").unwrap() + 1;
        let d = Diagnostic::warning("m.md", "no entity is called `Zed`")
            .at_line(2, column, &line)
            .width(3);
        let kept = d.source_line.as_deref().unwrap();
        assert!(kept.chars().count() <= LINE_EXCERPT + 2, "{kept}");
        assert!(kept.starts_with('…') && kept.ends_with("Zed]"), "{kept}");
        let shown = d.render(false);
        let at = shown.lines().position(|l| l.contains("Zed]")).unwrap();
        let under = shown.lines().nth(at + 1).unwrap();
        let char_at = |l: &str, i: usize| l[..i].chars().count();
        let shown_line = shown.lines().nth(at).unwrap();
        let pointer = char_at(shown_line, shown_line.find("Zed").unwrap());
        assert_eq!(under.find('^'), Some(pointer), "{shown}");
        assert!(shown.contains(&format!("m.md:2:{column}")), "{shown}");
        // A short line is kept whole.
        let d = Diagnostic::warning("m.md", "x").at_line(1, 3, "a: b");
        assert_eq!((d.source_line.as_deref(), d.source_skip), (Some("a: b"), 0));
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
