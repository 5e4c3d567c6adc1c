//! The parse stage: content files become typed documents.
//!
//! Each file is split into front matter and body, the front matter is read
//! into the struct of its kind, and the body is outlined (headings, wiki-links,
//! summary). Files are parsed in parallel; every problem becomes a diagnostic
//! pointing at the line of the file, and a file with errors is left out so
//! later stages only see well-formed documents.

pub mod date;
pub mod front;
mod items;
pub(crate) mod lang;
pub(crate) use crate::slug;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::frontmatter;
use crate::markdown::{self, Conventions, Outline};
use crate::source::{Kind, SourceFile};
use front::{EntityFront, MeetingFront, PageFront, TopicFront};
use slug::Slug;

/// A parsed content file of one kind.
#[derive(Debug, Clone)]
pub struct Doc<F> {
    /// The file, as read.
    pub source: SourceFile,
    /// From the file name.
    pub slug: Slug,
    /// The typed front matter.
    pub front: F,
    /// Byte offset of the front matter's YAML in the file.
    pub yaml_offset: usize,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// Headings, wiki-links and summary of the body.
    pub outline: Outline,
    /// Where each line of the file starts, computed the first time a
    /// diagnostic needs it (so many diagnostics in a long file stay cheap).
    lines: OnceLock<Lines>,
    /// Where the keys and values of the front matter are, found the first
    /// time a diagnostic points at a value.
    places: OnceLock<Places>,
    /// Set once the file's text has been let go of: see [`Doc::release_text`].
    released: Option<Released>,
    /// A digest of the file's whole text, worked out the first time it is asked for.
    digest: OnceLock<u64>,
}

/// Where a text let go of is read from again, and what it must be.
#[derive(Debug, Clone)]
struct Released {
    /// The file's absolute path.
    from: PathBuf,
    /// A digest of the file's whole text, as it was parsed.
    digest: u64,
}

impl<F> Doc<F> {
    /// The Markdown body: the text held in memory, or once it has been let
    /// go of, the file read again. A file that changed since it was parsed
    /// is an error: what was worked out from it no longer holds.
    pub fn body(&self) -> Result<Cow<'_, str>, Diagnostic> {
        let Some(released) = &self.released else {
            return Ok(Cow::Borrowed(&self.source.text[self.body_offset..]));
        };
        let mut text = self.read_checked(released)?;
        text.drain(..self.body_offset);
        Ok(Cow::Owned(text))
    }

    /// The whole text of a released document's file, read again and checked
    /// against the digest of the text first parsed.
    fn read_checked(&self, released: &Released) -> Result<String, Diagnostic> {
        let text = crate::source::read_text(&released.from, self.path())?;
        if crate::hash::digest(text.as_bytes()) != released.digest {
            return Err(Diagnostic::error(
                self.path(),
                "this file changed while the site was being built from it",
            )
            .help("build again once the file is saved"));
        }
        Ok(text)
    }

    /// A digest of the file's whole text as it was parsed: two documents
    /// with the same digest were made from the same text.
    pub fn digest(&self) -> u64 {
        *self.digest.get_or_init(|| match &self.released {
            Some(released) => released.digest,
            None => crate::hash::digest(self.source.text.as_bytes()),
        })
    }

    /// Lets go of the file's text, which [`Doc::body`] then reads again from
    /// the file under `root` whenever it is asked for, as do messages about
    /// the file. A build does this as soon as a file is parsed, so the
    /// minutes are never all held at once: what is worked out from the front
    /// matter is kept, its text is not.
    pub fn release_text(&mut self, root: &Path) {
        if self.released.is_some() {
            return;
        }
        self.released = Some(Released {
            from: root.join(self.path()),
            digest: self.digest(),
        });
        self.source.text = String::new();
    }

    /// The file's whole text: held, or read again once let go of. A file
    /// that cannot be read again, or has changed, gives no text: what is
    /// asked for is only a place for a message, and the build stops at the
    /// body with its own message about the file.
    fn text(&self) -> Text<'_> {
        match &self.released {
            None => Text::Held(&self.source.text),
            Some(released) => Text::Read(recent(released, || {
                self.read_checked(released).unwrap_or_default()
            })),
        }
    }

    /// Lets go of a released document's wiki-links: the resolve stage calls
    /// this once it has resolved them, as nothing after it needs them. A
    /// document that keeps its body keeps them too.
    pub fn release_wikilinks(&mut self) {
        if self.released.is_some() {
            self.outline.wikilinks = Vec::new();
        }
    }

    /// The file's path relative to the site root.
    pub fn path(&self) -> &Path {
        &self.source.path
    }

    /// Byte offset in the file of `needle` as a value of `key` in the front
    /// matter: the best place to point a diagnostic about that value.
    pub fn locate(&self, key: &str, needle: &str) -> usize {
        self.locate_in(&self.text(), key, needle)
    }

    /// A diagnostic at `needle` as a value of `key` in the front matter (see
    /// [`Doc::locate`]). A file let go of is read again once, not once to
    /// find the place and once more for its line.
    pub fn at_value(
        &self,
        severity: Severity,
        key: &str,
        needle: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let text = self.text();
        let at = self.locate_in(&text, key, needle);
        self.diagnostic_in(&text, severity, at, message)
    }

    /// The first value `needle` after the line of `key` (the first line
    /// that names it); else the text `needle` after it; else the key. The
    /// front matter's keys and values are gathered once, so each of the
    /// 8,000 names of a list is found without reading the list again.
    fn locate_in(&self, text: &str, key: &str, needle: &str) -> usize {
        let Some(yaml) = text.get(self.yaml_offset..self.body_offset) else {
            return self.yaml_offset;
        };
        let places = self.places.get_or_init(|| Places::of(yaml));
        let key_at = places.keys.get(key).copied();
        let from = key_at.unwrap_or(0);
        let needle = needle.trim();
        let found = (!needle.is_empty())
            .then(|| {
                places
                    .values
                    .get(needle)
                    .and_then(|at| at.get(at.partition_point(|&a| a < from)).copied())
                    .or_else(|| yaml.get(from..)?.find(needle).map(|i| from + i))
            })
            .flatten();
        self.yaml_offset + found.or(key_at).unwrap_or(0)
    }

    /// A diagnostic at byte `offset` of this file.
    pub fn diagnostic(
        &self,
        severity: Severity,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        // A file let go of is read again for its line.
        self.diagnostic_in(&self.text(), severity, offset, message)
    }

    fn diagnostic_in(
        &self,
        text: &str,
        severity: Severity,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let d = match severity {
            Severity::Error => Diagnostic::error(self.path(), message),
            Severity::Warning => Diagnostic::warning(self.path(), message),
        };
        // The lines are those of the text parsed, whether held or read
        // again (a text read again is checked against it): kept once known.
        // A file that could not be read again gives no text to keep.
        let unread;
        let lines = if text.is_empty() && self.released.is_some() {
            unread = Lines::of(text);
            &unread
        } else {
            self.lines.get_or_init(|| Lines::of(text))
        };
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = &lines.starts;
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1];
        let end = starts.get(line).map_or(text.len(), |&e| e - 1).max(start);
        let column = lines.chars_before(text, offset) - lines.chars_before(text, start) + 1;
        d.at_byte(line, column, &text[start..end], offset - start)
    }
}

/// A file's text: the one held, or the one read again.
enum Text<'a> {
    Held(&'a str),
    Read(Arc<str>),
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Held(t) => t,
            Text::Read(t) => t,
        }
    }
}

thread_local! {
    /// The text of the file last read again, by its path and digest: the
    /// messages about one file come one after another, and 8,000 of them
    /// read it once.
    static RECENT: RefCell<Option<(PathBuf, u64, Arc<str>)>> = const { RefCell::new(None) };
}

/// The text of a released file: the one last read again if it is that
/// file, else read by `read` (and kept, unless it could not be read).
fn recent(released: &Released, read: impl FnOnce() -> String) -> Arc<str> {
    let kept = RECENT.with_borrow(|r| match r {
        Some((from, digest, text)) if *from == released.from && *digest == released.digest => {
            Some(text.clone())
        }
        _ => None,
    });
    if let Some(text) = kept {
        return text;
    }
    let text: Arc<str> = read().into();
    if !text.is_empty() {
        RECENT.set(Some((released.from.clone(), released.digest, text.clone())));
    }
    text
}

/// Where each line of a file starts, and how many characters come before
/// each block of [`BLOCK`] bytes, so a column is counted from its block,
/// not from the start of a line that may be a megabyte long.
#[derive(Debug, Clone)]
struct Lines {
    starts: Vec<usize>,
    chars: Vec<usize>,
}

const BLOCK: usize = 4096;

/// Whether a byte begins a character (is not the continuation of one).
fn begins_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl Lines {
    fn of(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = vec![0];
        for block in text.as_bytes().chunks(BLOCK) {
            let before = chars.last().copied().unwrap_or(0);
            chars.push(before + block.iter().filter(|&&b| begins_char(b)).count());
        }
        Lines { starts, chars }
    }

    /// How many characters `text` has before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let from = block * BLOCK;
        let rest = text.as_bytes().get(from..offset).unwrap_or_default();
        self.chars.get(block).copied().unwrap_or(0)
            + rest.iter().filter(|&&b| begins_char(b)).count()
    }
}

/// Where the keys and values of a front matter are, in bytes of its YAML.
#[derive(Debug, Clone)]
struct Places {
    /// The first line of each key (`key:` at any indentation, after `- `).
    keys: std::collections::HashMap<String, usize>,
    /// Every place of each value, in order.
    values: std::collections::HashMap<String, Vec<usize>>,
}

impl Places {
    fn of(yaml: &str) -> Places {
        let mut keys = std::collections::HashMap::new();
        let mut pos = 0;
        for line in yaml.split_inclusive('\n') {
            let trimmed = line.trim_start().trim_start_matches("- ");
            if let Some(colon) = trimmed.find(':') {
                keys.entry(trimmed[..colon].trim_end().to_owned())
                    .or_insert(pos + (line.len() - line.trim_start().len()));
            }
            pos += line.len();
        }
        let mut values: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (value, at) in frontmatter::scalars(yaml) {
            values.entry(value.trim().to_owned()).or_default().push(at);
        }
        Places { keys, values }
    }
}

/// Whether a URL from front matter may become a link: web, mail, FTP and file
/// addresses, and paths without a scheme; `javascript:`, `data:` and the like
/// never may (see [`markdown::safe_url`]).
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    !url.is_empty() && !url.chars().any(char::is_control) && markdown::safe_url(url)
}

/// A meeting file.
pub type MeetingDoc = Doc<MeetingFront>;

impl MeetingDoc {
    /// Whether `other` reads as this meeting does to everything the graph
    /// is made of before its bodies are walked: the same file, the same
    /// front matter (its text and values), the same wiki-links and the
    /// same actions and decisions written in the minutes. Where in the
    /// minutes these are may differ (messages read their places; the graph
    /// only which block each is, set again when a meeting is swapped in),
    /// and the rest of the minutes' words. Both texts must be held.
    pub(crate) fn same_but_words(&self, other: &MeetingDoc) -> bool {
        let (a, b) = (self.front.placeless(), other.front.placeless());
        self.makes_same_pages(other, &a, &b)
            && self.yaml_offset == other.yaml_offset
            && self.body_offset == other.body_offset
            && self.source.text.get(..self.body_offset)
                == other.source.text.get(..other.body_offset)
            && a == b
    }

    /// Whether `other` makes the same pages and names as this meeting: the
    /// same file and slug, title and date, a draft or not, the same
    /// actions and decisions (as written, wherever they are) and the same
    /// wiki-links. What else its front matter lists (chair, attendees,
    /// entities, topics, updates, documents, series, place, summary,
    /// language) and the rest of its words may differ. Both texts must be
    /// held.
    pub(crate) fn same_pages(&self, other: &MeetingDoc) -> bool {
        self.makes_same_pages(other, &self.front.placeless(), &other.front.placeless())
    }

    /// [`Self::same_pages`], given both front matters without places.
    fn makes_same_pages(&self, other: &MeetingDoc, a: &MeetingFront, b: &MeetingFront) -> bool {
        let held = |d: &MeetingDoc| d.released.is_none();
        fn targets(d: &MeetingDoc) -> impl Iterator<Item = &str> {
            d.outline.wikilinks.iter().map(|w| w.target.as_str())
        }
        held(self)
            && held(other)
            && self.source.path == other.source.path
            && self.slug == other.slug
            && a.title == b.title
            && a.date == b.date
            && a.draft == b.draft
            && a.actions == b.actions
            && a.decisions == b.decisions
            && targets(self).eq(targets(other))
    }
}
/// An entity file.
pub type EntityDoc = Doc<EntityFront>;
/// A topic file.
pub type TopicDoc = Doc<TopicFront>;
/// A free page.
pub type FreePageDoc = Doc<PageFront>;

/// Every document of the site, by kind. Documents are shared, so a site kept
/// between rebuilds re-parses only the files that changed.
#[derive(Debug, Default, Clone)]
pub struct Parsed {
    pub meetings: Vec<Arc<MeetingDoc>>,
    pub entities: Vec<Arc<EntityDoc>>,
    pub topics: Vec<Arc<TopicDoc>>,
    pub free_pages: Vec<Arc<FreePageDoc>>,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// A parsed document of any kind.
#[derive(Debug, Clone)]
pub enum Any {
    Meeting(Arc<MeetingDoc>),
    Entity(Arc<EntityDoc>),
    Topic(Arc<TopicDoc>),
    FreePage(Arc<FreePageDoc>),
}

/// What parsing one file gave: the document (unless it has errors) and its diagnostics.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub doc: Option<Any>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Gathers parsed files into documents by kind.
    pub fn gather<'a>(files: impl IntoIterator<Item = &'a ParsedFile>) -> Parsed {
        let mut parsed = Parsed::default();
        for f in files {
            parsed.diagnostics.extend(f.diagnostics.iter().cloned());
            match &f.doc {
                Some(Any::Meeting(d)) => parsed.meetings.push(d.clone()),
                Some(Any::Entity(d)) => parsed.entities.push(d.clone()),
                Some(Any::Topic(d)) => parsed.topics.push(d.clone()),
                Some(Any::FreePage(d)) => parsed.free_pages.push(d.clone()),
                None => {}
            }
        }
        parsed
    }
}

impl ParsedFile {
    /// Lets go of the document's text (see [`Doc::release_text`]) unless the
    /// document is shared.
    pub fn release_text(&mut self, root: &Path) {
        fn release<F>(doc: &mut Arc<Doc<F>>, root: &Path) {
            if let Some(d) = Arc::get_mut(doc) {
                d.release_text(root);
            }
        }
        match &mut self.doc {
            Some(Any::Meeting(d)) => release(d, root),
            Some(Any::Entity(d)) => release(d, root),
            Some(Any::Topic(d)) => release(d, root),
            Some(Any::FreePage(d)) => release(d, root),
            None => {}
        }
    }
}

/// Parses every file, in parallel, with the default roll-call headings.
pub fn parse(files: Vec<SourceFile>) -> Parsed {
    let conventions = Conventions::default();
    let results: Vec<ParsedFile> = files
        .into_par_iter()
        .map(|f| parse_file(f, &conventions))
        .collect();
    Parsed::gather(&results)
}

/// Parses one file; a file with errors yields no document. `conventions`
/// tell which headings open a roll-call or list action items
/// (`roll_call:` and `action_items:` in `quorum.yaml`).
pub fn parse_file(file: SourceFile, conventions: &Conventions) -> ParsedFile {
    let (doc, diagnostics) = parse_typed(file, conventions);
    ParsedFile { doc, diagnostics }
}

fn parse_typed(file: SourceFile, roll_call: &Conventions) -> (Option<Any>, Vec<Diagnostic>) {
    let (doc, mut diagnostics) = match file.kind {
        Kind::Meeting => {
            let (doc, mut diagnostics) = typed(
                file,
                MeetingFront::KEYS,
                roll_call,
                meeting_texts,
                Any::Meeting,
            );
            let doc = doc.map(|d| match d {
                Any::Meeting(mut m) => {
                    if let Some(m) = Arc::get_mut(&mut m) {
                        diagnostics.extend(items::take(m));
                    }
                    Any::Meeting(m)
                }
                other => other,
            });
            (doc, diagnostics)
        }
        Kind::Entity => typed(file, EntityFront::KEYS, roll_call, no_texts, Any::Entity),
        Kind::Topic => typed(file, TopicFront::KEYS, roll_call, no_texts, Any::Topic),
        Kind::Page => typed(file, PageFront::KEYS, roll_call, no_texts, Any::FreePage),
    };
    let blank = match &doc {
        Some(Any::Meeting(d)) => required(d, "title", &d.front.title).or_else(|| year_slug(d)),
        Some(Any::Entity(d)) => required(d, "name", &d.front.name),
        Some(Any::Topic(d)) => required(d, "name", &d.front.name),
        Some(Any::FreePage(d)) => required(d, "title", &d.front.title),
        None => None,
    };
    match blank {
        Some(d) => {
            diagnostics.push(d);
            (None, diagnostics)
        }
        None => (doc, diagnostics),
    }
}

/// An error when a required text is blank, or YAML's null (`~`, `null`),
/// which the YAML reader hands over as text.
fn required<F>(doc: &Doc<F>, key: &str, value: &str) -> Option<Diagnostic> {
    let null = matches!(value.trim(), "~" | "null" | "Null" | "NULL") && written_bare(doc, key);
    (value.trim().is_empty() || null).then(|| {
        let message = if null {
            format!("`{key}` is null (`{}`): it has no value", value.trim())
        } else {
            format!("`{key}` is empty")
        };
        doc.diagnostic(Severity::Error, doc.locate(key, ""), message)
            .width(key.len())
            .help(format!(
                "write the {key} after `{key}:` (in quotes if it really is \"{}\")",
                value.trim()
            ))
    })
}

/// An error when a meeting's slug is four digits alone: its page would take
/// the address of the page of that year's meetings (`meetings/2006/`).
fn year_slug(doc: &Doc<MeetingFront>) -> Option<Diagnostic> {
    let slug = doc.slug.as_str();
    let year = slug.len() == 4 && slug.bytes().all(|b| b.is_ascii_digit());
    year.then(|| {
        let name = doc.source.path.file_name().map_or_else(
            || format!("{slug}.md"),
            |n| n.to_string_lossy().into_owned(),
        );
        doc.diagnostic(
            Severity::Error,
            0,
            format!(
                "the meeting's slug `{slug}` is a year: its page would take the address of the page of {slug}'s meetings, meetings/{slug}/"
            ),
        )
        .width(3)
        .help(format!(
            "a meeting's slug is its file name: rename `{name}`, for example to `{}.md`",
            doc.front.date.iso()
        ))
    })
}

/// Whether the value of `key` is written without quotes in the front matter.
fn written_bare<F>(doc: &Doc<F>, key: &str) -> bool {
    let text = doc.text();
    let Some(yaml) = text.get(doc.yaml_offset..doc.body_offset) else {
        return false;
    };
    let places = doc.places.get_or_init(|| Places::of(yaml));
    places.keys.get(key).copied().is_some_and(|at| {
        let line = yaml[at..].lines().next().unwrap_or("");
        let value = line.split_once(':').map_or("", |(_, v)| v).trim();
        !value.starts_with(['"', '\''])
    })
}

/// The Markdown texts of a meeting's front matter: its actions' and
/// decisions' `text`.
fn meeting_texts(front: &MeetingFront) -> Vec<&str> {
    let actions = front.actions.iter().map(|a| a.text.as_str());
    actions
        .chain(front.decisions.iter().map(|d| d.text.as_str()))
        .collect()
}

fn no_texts<F>(_: &F) -> Vec<&str> {
    Vec::new()
}

/// The wiki-links of the Markdown texts of a front matter (`texts`), each
/// at the place in the file where it is written.
fn text_wikilinks(yaml: &str, yaml_offset: usize, texts: Vec<&str>) -> Vec<markdown::WikiLink> {
    let mut out = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for text in texts.into_iter().filter(|t| t.contains("[[")) {
        for link in markdown::wikilinks(text) {
            // The n-th link to a name is at the n-th place it is written.
            let n = seen.entry(link.clone()).or_default();
            let written = format!("[[{link}");
            let at = yaml.match_indices(&written).nth(*n).map_or(0, |(i, _)| i);
            *n += 1;
            out.push(markdown::WikiLink {
                target: link,
                offset: yaml_offset + at,
            });
        }
    }
    out
}

fn typed<F: serde::de::DeserializeOwned>(
    source: SourceFile,
    keys: &[&str],
    roll_call: &Conventions,
    texts: for<'f> fn(&'f F) -> Vec<&'f str>,
    wrap: fn(Arc<Doc<F>>) -> Any,
) -> (Option<Any>, Vec<Diagnostic>) {
    let split = match frontmatter::split(&source.text) {
        Ok(s) => s,
        Err(e) => {
            let d = Diagnostic::error(&source.path, e.message)
                .at_offset(&source.text, e.offset)
                .width(3)
                .help(e.help);
            return (None, vec![d]);
        }
    };
    let front: F = match frontmatter::parse(&split, keys) {
        Ok(f) => f,
        Err(e) => {
            let mut d =
                Diagnostic::error(&source.path, e.message).at_offset(&source.text, e.offset);
            if let Some(h) = e.help {
                d = d.help(h);
            }
            return (None, vec![d]);
        }
    };
    let (yaml_offset, body_offset) = (split.yaml_offset, split.body_offset);
    let mut outline = markdown::outline(split.body, roll_call);
    // Wiki-links are known by their place in the file.
    for link in &mut outline.wikilinks {
        link.offset += body_offset;
    }
    let yaml = source.text.get(yaml_offset..body_offset).unwrap_or("");
    outline
        .wikilinks
        .extend(text_wikilinks(yaml, yaml_offset, texts(&front)));
    let stem = source
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = Slug::parse(&stem).unwrap_or_else(|| Slug::from_name(&stem));
    let doc = Doc {
        source,
        slug,
        front,
        yaml_offset,
        body_offset,
        outline,
        lines: OnceLock::new(),
        places: OnceLock::new(),
        released: None,
        digest: OnceLock::new(),
    };
    let diagnostics = doc
        .outline
        .problems
        .iter()
        .map(|p| {
            let (severity, kind) = if p.error {
                (Severity::Error, diagnostic::Kind::Other)
            } else {
                (Severity::Warning, diagnostic::Kind::WikiLinkSyntax)
            };
            doc.diagnostic(severity, body_offset + p.offset, p.message.clone())
                .kind(kind)
                .width(2)
                .help(p.help.clone())
        })
        .collect();
    (Some(wrap(Arc::new(doc))), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(kind: Kind, path: &str, text: &str) -> SourceFile {
        SourceFile {
            kind,
            path: PathBuf::from(path),
            text: text.to_owned(),
        }
    }

    #[test]
    fn parses_each_kind_and_keeps_the_slug() {
        let p = parse(vec![
            file(
                Kind::Meeting,
                "content/meetings/2006/m-1.md",
                "---\ntitle: M\ndate: 2006-07\nattendees:\n  - A\n  - { ref: B, role: Chair }\nactions:\n  - owner: [A, B]\n    text: Do it\n---\nBody\n",
            ),
            file(
                Kind::Entity,
                "content/entities/Kemal Derviş.md",
                "---\nname: Kemal Derviş\nkind: person\n---\n",
            ),
        ]);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let m = &p.meetings[0];
        assert_eq!(m.slug.as_str(), "m-1");
        assert_eq!(m.front.attendees[1].role.as_deref(), Some("Chair"));
        assert_eq!(m.front.actions[0].owner.0, ["A", "B"]);
        assert_eq!(m.body().unwrap(), "Body\n");
        assert_eq!(p.entities[0].slug.as_str(), "kemal-dervis");
    }

    #[test]
    fn messages_about_a_released_file_read_it_once() {
        let root = tempfile::tempdir().unwrap();
        let rel = "content/meetings/m.md";
        let names: Vec<String> = (0..50).map(|i| format!("Person {i}")).collect();
        let text = format!(
            "---\ntitle: M\ndate: 2006-07\nattendees: [{}]\n---\nBody\n",
            names.join(", ")
        );
        std::fs::create_dir_all(root.path().join("content/meetings")).unwrap();
        std::fs::write(root.path().join(rel), &text).unwrap();
        let mut p = parse(vec![file(Kind::Meeting, rel, &text)]);
        let doc = Arc::get_mut(&mut p.meetings[0]).unwrap();
        doc.release_text(root.path());
        let first = doc.at_value(Severity::Warning, "attendees", "Person 0", "x");
        assert_eq!((first.line, first.column), (4, 13));
        // Gone from the disk, the file is still at hand for the next messages.
        std::fs::remove_file(root.path().join(rel)).unwrap();
        for name in &names {
            let d = doc.at_value(Severity::Warning, "attendees", name, "x");
            let line = d.source_line.as_deref().unwrap_or_else(|| panic!("{name}"));
            let column = d.column - 1 - d.source_skip;
            let at: String = line.chars().skip(column).take(name.len()).collect();
            // The value itself, not the first text that starts like it
            // ("Person 1" in "Person 10").
            assert_eq!(&at, name);
        }
    }

    #[test]
    fn a_released_text_is_read_again_and_must_not_have_changed() {
        let root = tempfile::tempdir().unwrap();
        let rel = "content/meetings/m.md";
        let text = "\u{feff}---\r\ntitle: M\r\ndate: 2006-07\r\n---\r\nBody\r\n";
        std::fs::create_dir_all(root.path().join("content/meetings")).unwrap();
        std::fs::write(root.path().join(rel), text).unwrap();
        let read = crate::source::read_text(&root.path().join(rel), Path::new(rel)).unwrap();
        let mut p = parse(vec![file(Kind::Meeting, rel, &read)]);
        let doc = Arc::get_mut(&mut p.meetings[0]).unwrap();
        doc.release_text(root.path());
        assert!(doc.source.text.is_empty(), "nothing of the text is held");
        assert_eq!(doc.body().unwrap(), "Body\n");
        assert_eq!(doc.front.title, "M");
        // Messages about the front matter and the body find their lines.
        let at = doc.locate("date", "2006-07");
        let d = doc.diagnostic(Severity::Warning, at, "date");
        assert_eq!((d.line, d.column), (3, 7));
        let d = doc.at_value(Severity::Warning, "date", "2006-07", "date");
        assert_eq!((d.line, d.column), (3, 7));
        let d = doc.diagnostic(Severity::Warning, doc.body_offset, "body");
        assert_eq!(
            (d.line, d.column, d.source_line.as_deref()),
            (5, 1, Some("Body"))
        );

        std::fs::write(root.path().join(rel), text.replace("Body", "Edited")).unwrap();
        let e = doc.body().unwrap_err();
        assert_eq!(e.path, Path::new(rel));
        assert!(
            e.message.contains("changed while the site was being built"),
            "{}",
            e.message
        );

        std::fs::remove_file(root.path().join(rel)).unwrap();
        let e = doc.body().unwrap_err();
        assert!(e.message.contains("cannot read this file"), "{}", e.message);
    }

    #[test]
    fn errors_point_at_the_line_of_the_file() {
        let p = parse(vec![file(
            Kind::Meeting,
            "content/meetings/m.md",
            "---\ntitle: M\ndate: 2006-02-30\n---\n",
        )]);
        assert!(p.meetings.is_empty());
        let d = &p.diagnostics[0];
        assert_eq!(d.line, 3);
        assert!(
            d.message.contains("February 2006 has 28 days"),
            "{}",
            d.message
        );
    }

    #[test]
    fn nested_unknown_keys_get_a_suggestion() {
        let p = parse(vec![file(
            Kind::Meeting,
            "content/meetings/m.md",
            "---\ntitle: M\ndate: 2006-07\nactions:\n  - text: x\n    owners: DESA\n---\n",
        )]);
        let d = &p.diagnostics[0];
        assert_eq!(d.line, 6, "{d:?}");
        assert!(d.message.contains("unknown key `owners`"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("did you mean `owner`?"));
    }

    #[test]
    fn only_harmless_urls_are_links() {
        for ok in [
            "https://undp.org",
            "http://x",
            "mailto:a@b",
            "/static/x.pdf",
            "docs/a.pdf",
            "file:///share/x",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
            "",
            "a\u{0}b",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn locate_finds_a_value_after_its_key() {
        let p = parse(vec![file(
            Kind::Meeting,
            "content/meetings/m.md",
            "---\ntitle: DESA\ndate: 2006-07\nchair: DESA\n---\n",
        )]);
        let m = &p.meetings[0];
        let at = m.locate("chair", "DESA");
        assert_eq!(crate::diagnostic::line_col(&m.source.text, at), (4, 8));
    }
}
