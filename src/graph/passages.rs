//! Passages: the paragraphs, list items and other texts of a page that name
//! other pages, kept to show each mention in context.
//!
//! A body's passages are kept once, as one text, and shared by every page
//! they name: a paragraph that names five entities is held once, not five
//! times. A [`Backlink`] is what one page's passages say of one other page:
//! which passages name it, and where in each. Nothing here cuts or escapes
//! text for a page: [`window`] gives the part of a long passage to show,
//! and the render stage writes it.
//!
//! The texts of every passage of a large site weigh about as much as its
//! minutes, and are read only for the pages that show them: a build keeps
//! them in a temporary file ([`Store`]), which goes when the build does.
//! `serve` keeps them in memory, since it keeps them between rebuilds.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A temporary file that holds the texts of passages, written once and read
/// as pages need them. It has no name: it is gone once closed, whatever
/// ends the build.
#[derive(Debug)]
pub(crate) struct Store {
    file: File,
    /// Bytes written so far: where the next text goes.
    end: AtomicU64,
}

impl Store {
    /// A new, empty store in the system's temporary folder.
    pub(crate) fn new() -> io::Result<Store> {
        Ok(Store {
            file: tempfile::tempfile()?,
            end: AtomicU64::new(0),
        })
    }

    /// Writes `text`; returns where it is.
    fn put(&self, text: &str) -> io::Result<u64> {
        let at = self.end.fetch_add(text.len() as u64, Ordering::Relaxed);
        self.file.write_all_at(text.as_bytes(), at)?;
        Ok(at)
    }

    fn get(&self, at: u64, len: usize) -> io::Result<String> {
        let mut bytes = vec![0; len];
        self.file.read_exact_at(&mut bytes, at)?;
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// Where the texts of a page's passages are.
#[derive(Debug)]
enum Texts {
    Held(Box<str>),
    Stored {
        store: Arc<Store>,
        at: u64,
        len: u32,
    },
}

use super::{Place, Target};

/// The passages of one page that name other pages.
#[derive(Debug)]
pub(crate) struct Passages {
    /// A digest of the texts and where each is: what a page that shows
    /// them depends on.
    pub digest: u64,
    /// The texts, one after the other.
    texts: Texts,
    blocks: Box<[Meta]>,
    /// A digest of what each passage shows (its text, place and section),
    /// worked out the first time it is asked for: `serve` asks, and keeps
    /// the passages of the bodies that did not change from one rebuild to
    /// the next; a build does not.
    shown: std::sync::OnceLock<Box<[u64]>>,
}

impl Passages {
    /// [`Passages::shown`], worked out now if it was not.
    fn shown(&self) -> &[u64] {
        self.shown.get_or_init(|| {
            let end = self
                .blocks
                .iter()
                .map(|m| m.end as usize)
                .max()
                .unwrap_or(0);
            let texts = self.texts(0..end);
            self.blocks
                .iter()
                .map(|m| {
                    let mut h = crate::hash::Hash::default();
                    let text = texts
                        .as_ref()
                        .ok()
                        .and_then(|t| t.get(m.start as usize..m.end as usize));
                    match text {
                        Some(text) => h.write_delimited(text.as_bytes()),
                        // Texts that cannot be read: all of them stand for it.
                        None => h.write_u64(self.digest),
                    }
                    std::hash::Hash::hash(&m.place, &mut h);
                    h.write_u64(u64::from(m.section));
                    h.0
                })
                .collect()
        })
    }

    /// The texts in `range` (of the texts one after the other): held, or
    /// read from the store.
    fn texts(&self, range: Range<usize>) -> io::Result<Cow<'_, str>> {
        match &self.texts {
            Texts::Held(t) => Ok(Cow::Borrowed(t.get(range).unwrap_or(""))),
            Texts::Stored { store, at, len } => {
                let end = range.end.min(*len as usize);
                let start = range.start.min(end);
                store.get(at + start as u64, end - start).map(Cow::Owned)
            }
        }
    }
}

/// Where a passage is, and where its text is in [`Passages::text`].
#[derive(Debug, Clone, Copy)]
struct Meta {
    place: Place,
    /// The number of the heading of its section; `u32::MAX` for none.
    section: u32,
    start: u32,
    end: u32,
}

/// One passage that names a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage<'p> {
    /// Where on its page it is.
    pub place: Place,
    /// The section it is in: the number of its heading among the headings
    /// of its page (see [`super::Site::headings`]); none before the first.
    pub section: Option<u32>,
    /// The whole passage, as plain text.
    pub text: &'p str,
    /// Where in `text` the page is named.
    pub marks: Vec<Range<usize>>,
}

/// The passages of one page (`from`) that name one other page.
#[derive(Debug, Clone)]
pub struct Backlink {
    /// The page the passages are on.
    pub from: Target,
    passages: Arc<Passages>,
    /// For each passage naming the page, in the order of the page: its
    /// number in `passages`, its number of marks, then each mark's start
    /// and end in the passage's text.
    items: Arc<[u32]>,
    /// How many passages.
    count: u32,
}

impl Backlink {
    /// How many passages of `from` name the page.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether none does (never, for a backlink the graph holds).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The texts of the passages, read for [`Read::passages`]: from memory,
    /// or from the file a build keeps them in.
    pub fn read(&self) -> io::Result<Read<'_>> {
        // Only the stretch of text that holds this backlink's passages.
        let (mut start, mut end) = (usize::MAX, 0);
        let mut rest = &self.items[..];
        while let [block, n, tail @ ..] = rest {
            let meta = self.passages.blocks[*block as usize];
            start = start.min(meta.start as usize);
            end = end.max(meta.end as usize);
            rest = tail.get(2 * *n as usize..).unwrap_or(&[]);
        }
        let start = start.min(end);
        Ok(Read {
            backlink: self,
            texts: self.passages.texts(start..end)?,
            start,
        })
    }
}

/// A backlink with the texts of its passages at hand.
#[derive(Debug)]
pub struct Read<'b> {
    backlink: &'b Backlink,
    /// The texts from the first of its passages to the end of the last.
    texts: Cow<'b, str>,
    /// Where `texts` starts in the texts of all the page's passages.
    start: usize,
}

impl Read<'_> {
    /// The passages, in the order of their page.
    pub fn passages(&self) -> impl Iterator<Item = Passage<'_>> {
        let b = self.backlink;
        let mut rest = &b.items[..];
        std::iter::from_fn(move || {
            let (&block, tail) = rest.split_first()?;
            let (&n, tail) = tail.split_first()?;
            let n = n as usize;
            let (marks, tail) = tail.split_at(2 * n.min(tail.len() / 2));
            rest = tail;
            let meta = b.passages.blocks[block as usize];
            let range = (meta.start as usize).saturating_sub(self.start)
                ..(meta.end as usize).saturating_sub(self.start);
            let text = self.texts.get(range).unwrap_or("");
            Some(Passage {
                place: meta.place,
                section: (meta.section != u32::MAX).then_some(meta.section),
                text,
                marks: marks
                    .chunks_exact(2)
                    .map(|m| m[0] as usize..m[1] as usize)
                    .collect(),
            })
        })
    }
}

impl Backlink {
    /// A digest of what the passages show — their texts, places, sections
    /// and marks, not the other passages of their page — for a fingerprint
    /// of a page that shows them.
    pub fn digest(&self) -> u64 {
        let shown = self.passages.shown();
        let mut h = crate::hash::Hash::default();
        let mut rest = &self.items[..];
        while let [block, n, tail @ ..] = rest {
            h.write_u64(shown.get(*block as usize).copied().unwrap_or(0));
            let marks = tail.get(..2 * *n as usize).unwrap_or(tail);
            h.write_u64(u64::from(*n));
            for &v in marks {
                h.write_u64(u64::from(v));
            }
            rest = tail.get(2 * *n as usize..).unwrap_or(&[]);
        }
        h.0
    }
}

/// A passage that names a page: its number, and the marks.
type Named = (u32, Vec<Range<u32>>);

/// Gathers the passages of one page as its walk finds them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Gather {
    text: String,
    blocks: Vec<Meta>,
    /// For each page named, in the order first named: the passages naming
    /// it, each with its marks.
    named: Vec<(Target, Vec<Named>)>,
    at: HashMap<Target, usize>,
}

impl Gather {
    /// Adds a passage; returns its number.
    pub(crate) fn passage(&mut self, place: Place, section: Option<usize>, text: &str) -> u32 {
        let start = self.text.len();
        self.text.push_str(text);
        // Numbers are small by construction: a passage past 4 GiB of text
        // is held at the end, empty.
        let (start, end) = match (u32::try_from(start), u32::try_from(self.text.len())) {
            (Ok(s), Ok(e)) => (s, e),
            _ => (0, 0),
        };
        self.blocks.push(Meta {
            place,
            section: section
                .and_then(|s| u32::try_from(s).ok())
                .unwrap_or(u32::MAX),
            start,
            end,
        });
        (self.blocks.len() - 1) as u32
    }

    /// Passage `block` names `target` at `range` of its text (none: the
    /// passage is a heading, named as a whole).
    pub(crate) fn names(&mut self, target: Target, block: u32, range: Option<Range<usize>>) {
        let i = *self.at.entry(target).or_insert_with(|| {
            self.named.push((target, Vec::new()));
            self.named.len() - 1
        });
        let list = &mut self.named[i].1;
        if list.last().is_none_or(|(b, _)| *b != block) {
            list.push((block, Vec::new()));
        }
        let mark =
            range.and_then(|r| Some(u32::try_from(r.start).ok()?..u32::try_from(r.end).ok()?));
        // A walk names a page in the order of its text, so a mark given
        // twice comes twice in a row; any other repeat goes in `finish`.
        if let (Some((_, marks)), Some(mark)) = (list.last_mut(), mark)
            && marks.last() != Some(&mark)
        {
            marks.push(mark);
        }
    }

    /// The backlinks of `from`: one for each page its passages name. Their
    /// texts go to `store` when there is one.
    pub(crate) fn finish(
        self,
        from: Target,
        store: Option<&Arc<Store>>,
    ) -> io::Result<Vec<(Target, Backlink)>> {
        let mut h = crate::hash::Hash::default();
        h.write(self.text.as_bytes());
        for m in &self.blocks {
            let (kind, n) = match m.place {
                Place::Heading => (0, 0),
                Place::Block(n) => (1, n),
                Place::Action(n) => (2, n),
                Place::Decision(n) => (3, n),
            };
            for v in [kind, n, m.section, m.start, m.end] {
                h.write_u64(u64::from(v));
            }
        }
        let texts = match store {
            Some(store) if !self.text.is_empty() => Texts::Stored {
                store: store.clone(),
                at: store.put(&self.text)?,
                len: u32::try_from(self.text.len()).unwrap_or(u32::MAX),
            },
            _ => Texts::Held(self.text.into_boxed_str()),
        };
        let passages = Arc::new(Passages {
            digest: h.0,
            texts,
            blocks: self.blocks.into_boxed_slice(),
            shown: std::sync::OnceLock::new(),
        });
        Ok(self
            .named
            .into_iter()
            .map(|(target, list)| {
                let mut items = Vec::new();
                for (block, marks) in &list {
                    let marks = distinct(marks);
                    items.push(*block);
                    items.push(marks.len() as u32);
                    for m in marks.iter() {
                        items.extend([m.start, m.end]);
                    }
                }
                let backlink = Backlink {
                    from,
                    passages: passages.clone(),
                    items: items.into(),
                    count: list.len() as u32,
                };
                (target, backlink)
            })
            .collect())
    }
}

/// `marks` without repeats, in their order: a look at each, however many
/// marks a passage has (a paragraph of ten megabytes may have a million).
fn distinct(marks: &[Range<u32>]) -> Cow<'_, [Range<u32>]> {
    if marks
        .windows(2)
        .all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end))
    {
        return Cow::Borrowed(marks);
    }
    let mut seen = std::collections::HashSet::new();
    Cow::Owned(
        marks
            .iter()
            .filter(|m| seen.insert((m.start, m.end)))
            .cloned()
            .collect(),
    )
}

/// The most of a passage a mention shows, in bytes: a long paragraph is cut
/// to a window around its first mark (the link leads to the whole).
pub(crate) const CONTEXT: usize = 480;

/// The part of `text` to show for a mention at `marks`: all of it, or a
/// window around the first mark, cut at spaces, with `…` where text was
/// left out; and the marks that fall in it, moved with it.
pub(crate) fn window<'t>(
    text: &'t str,
    marks: &[Range<usize>],
) -> (Cow<'t, str>, Vec<Range<usize>>) {
    if text.len() <= CONTEXT {
        return (Cow::Borrowed(text), marks.to_vec());
    }
    let first = marks.first().map_or(0, |m| m.start.min(text.len()));
    let boundary = |mut i: usize, back: bool| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let found = if back {
            text[..i].rfind(' ').map(|j| j + 1)
        } else {
            text[i..].find(' ').map(|j| i + j + 1)
        };
        found.unwrap_or(i)
    };
    let start = if first > CONTEXT / 3 {
        boundary(first - CONTEXT / 3, false).min(first)
    } else {
        0
    };
    let end = boundary(start + CONTEXT, true)
        .max(first + 1)
        .min(text.len());
    let end = if text.is_char_boundary(end) {
        end
    } else {
        text.len()
    };
    let (lead, tail) = (
        if start > 0 { "…" } else { "" },
        if end < text.len() { "…" } else { "" },
    );
    let shift = lead.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start + shift..m.end - start + shift)
        .collect();
    (
        Cow::Owned(format!("{lead}{}{tail}", &text[start..end])),
        marks,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EntityId, Id, MeetingId};

    #[test]
    fn a_passage_is_kept_once_for_every_page_it_names() {
        let mut g = Gather::default();
        let a = g.passage(Place::Block(1), None, "Ann and Bo spoke.");
        let b = g.passage(Place::Block(4), Some(0), "Bo again, and Bo.");
        g.names(Target::Entity(EntityId::new(0)), a, Some(0..3));
        g.names(Target::Entity(EntityId::new(1)), a, Some(8..10));
        g.names(Target::Entity(EntityId::new(1)), b, Some(0..2));
        g.names(Target::Entity(EntityId::new(1)), b, Some(14..16));
        g.names(Target::Entity(EntityId::new(1)), b, Some(14..16));
        let store = Arc::new(Store::new().unwrap());
        for store in [None, Some(&store)] {
            let found = g
                .clone()
                .finish(Target::Meeting(MeetingId::new(3)), store)
                .unwrap();
            check(&found);
        }
    }

    fn check(found: &[(Target, Backlink)]) {
        assert_eq!(found.len(), 2);
        let (to, bo) = &found[1];
        assert_eq!(*to, Target::Entity(EntityId::new(1)));
        assert_eq!(bo.len(), 2);
        let read = bo.read().unwrap();
        let passages: Vec<Passage<'_>> = read.passages().collect();
        assert_eq!(passages[0].text, "Ann and Bo spoke.");
        assert_eq!(passages[0].marks, vec![8..10]);
        assert_eq!(passages[1].place, Place::Block(4));
        assert_eq!(passages[1].section, Some(0));
        assert_eq!(passages[1].marks, [0..2, 14..16]);
        assert!(Arc::ptr_eq(&found[0].1.passages, &bo.passages));
        assert_ne!(found[0].1.digest(), bo.digest());
    }

    #[test]
    fn a_mark_named_again_later_is_kept_once_in_its_place() {
        let mut g = Gather::default();
        let a = g.passage(Place::Block(1), None, "Bo, Ann and Bo.");
        for mark in [0..2, 12..14, 12..14, 0..2, 5..8] {
            g.names(Target::Entity(EntityId::new(0)), a, Some(mark));
        }
        let found = g.finish(Target::Meeting(MeetingId::new(0)), None).unwrap();
        let read = found[0].1.read().unwrap();
        let marks: Vec<Vec<Range<usize>>> = read.passages().map(|p| p.marks).collect();
        assert_eq!(marks, [vec![0..2, 12..14, 5..8]]);
    }

    #[test]
    fn short_passages_are_kept_whole() {
        let (text, marks) = window("DESA spoke.", std::slice::from_ref(&(0..4)));
        assert_eq!(text, "DESA spoke.");
        assert_eq!(marks, vec![0..4]);
    }

    #[test]
    fn long_passages_are_cut_around_the_mention() {
        let text = format!(
            "{} DESA spoke. {}",
            "word ".repeat(200),
            "more ".repeat(200)
        );
        let at = text.find("DESA").unwrap();
        let (cut, marks) = window(&text, std::slice::from_ref(&(at..at + 4)));
        assert!(cut.len() <= CONTEXT + 8, "{}", cut.len());
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert_eq!(&cut[marks[0].clone()], "DESA");
    }
}
