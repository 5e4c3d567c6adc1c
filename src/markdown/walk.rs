//! The walk over a body's events that resolves wiki-links, finds mentions and
//! decides which mentions become links.
//!
//! The graph runs it to collect references (with the paragraph around each),
//! the renderer runs it to write HTML; both get the same decisions because
//! they run the same code. Text inside code, links, images and headings is
//! never scanned for mentions, web addresses or pattern links.
//!
//! Web addresses are found first: no mention or pattern link is made inside
//! one. In the text between them, a pattern link wins over a mention it
//! overlaps: the mention still counts (for backlinks) but is not made a
//! link, and the next mention of its entity may be. A link is never made
//! inside another.

use std::collections::HashSet;
use std::hash::Hash;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::patterns::{LinkPatterns, PatternLink};
use super::rollcall::{self, RollCall};
use super::{Heading, Mention, Mentions, escape_html, escape_html_into, options};

/// Which plain mentions become links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Autolink {
    /// The first mention of each entity in each section.
    #[default]
    First,
    /// Every mention.
    All,
    /// None: mentions only feed the backlinks.
    None,
}

/// What happens to HTML written inside Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept as written: for sites whose authors are trusted.
    #[default]
    Allow,
    /// Cleaned of scripts, event handlers and dangerous URLs (ammonia).
    Sanitize,
    /// Shown as text.
    Escape,
}

/// Where a reference leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkTarget<K> {
    /// The graph's identity of the target.
    pub key: K,
    /// The target's path from the site root, as links should write it.
    pub path: String,
    /// The target's name, for the link's tooltip.
    pub title: String,
    /// `entity`, `topic`, `meeting` or `action`, for the link's class.
    pub kind: &'static str,
}

/// What the walk needs to know about the knowledge graph.
pub(crate) trait Links {
    /// The graph's identity of a page.
    type Key: Copy + Eq + Hash;
    /// Resolves the target of `[[target]]`; `None` when it leads nowhere.
    fn wikilink(&self, target: &str) -> Option<Self::Key>;
    /// The automaton of entity names, if there are entities.
    fn mentions(&self) -> Option<&Mentions>;
    /// The entity an automaton match belongs to.
    fn mentioned(&self, owner: usize) -> Self::Key;
    /// Where a link to `key` leads, for writing it: asked only for links
    /// that are written, so a walk that only collects references builds none.
    fn target(&self, key: Self::Key) -> LinkTarget<Self::Key>;
}

/// How links are written on the page being rendered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style<'s, K> {
    /// Prefix of every internal link on this page (`/minutes/` or `../../`).
    pub root: &'s str,
    /// The base URL's path (`/minutes/`), which links may already start with.
    pub base_path: &'s str,
    /// Whether links must name `index.html` (site opened from the file system).
    pub relative: bool,
    /// Which mentions become links.
    pub autolink: Autolink,
    /// What happens to HTML in the Markdown.
    pub raw_html: RawHtml,
    /// The page itself: references to it are ignored.
    pub this: Option<K>,
    /// What opens a roll-call: references there are attendance, and are
    /// marked so ([`Block::roll_call`]).
    pub roll_call: &'s RollCall,
    /// Whether paragraphs, list items and table cells get their anchors
    /// ([`block_anchor`]): a page's body does, a text shown within a page
    /// (an action's) does not.
    pub anchors: bool,
    /// The actions and decisions written in the body, by the number of
    /// their block: their attribute blocks are not shown, their marks are.
    pub items: &'s [ItemMark],
    /// The site's pattern links (`links:`), made where mentions are found.
    pub patterns: &'s LinkPatterns,
}

/// How a page marks an action or decision written in its minutes: after
/// its text, a small link to its page with its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemMark {
    /// The number of its paragraph or list item ([`Block::ordinal`]).
    pub ordinal: u32,
    /// The link, `root` included; none for a walk that writes no HTML.
    pub href: String,
    /// What the mark says ("Action · Open").
    pub label: String,
    /// Its classes.
    pub class: String,
}

/// A reference from a body to a page of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference<K> {
    /// The page referred to.
    pub key: K,
    /// The block (paragraph, list item, table cell) it is in, if any.
    pub block: Option<usize>,
    /// The index of the heading whose section it is in; `None` before the first heading.
    pub section: Option<usize>,
    /// Byte range of the mention in the block's text.
    pub range: Range<usize>,
    /// A wiki-link (true) or a plain mention (false).
    pub explicit: bool,
}

/// The plain text of a block that holds at least one reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The block's text.
    pub text: String,
    /// The index of the heading whose section it is in.
    pub section: Option<usize>,
    /// Its number among the body's paragraphs, list items and table cells,
    /// from 1: the page gives it the anchor [`block_anchor`].
    pub ordinal: u32,
    /// Whether it is part of a roll-call (see [`RollCall`]): its names are
    /// attendance, not mentions.
    pub roll_call: bool,
}

/// The anchor of a body's paragraph, list item or table cell by its number
/// ([`Block::ordinal`]). Headings never have ids that start with `q-`.
pub(crate) fn block_anchor(ordinal: u32) -> String {
    format!("q-p{ordinal}")
}

/// The opening tag of a paragraph or list item with its anchor, made
/// without a heap allocation where it fits: every block of every page
/// gets one.
fn opening(tag: &str, ordinal: u32) -> CowStr<'static> {
    use std::io::Write;
    let mut buf = [0u8; 32];
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    let written = write!(cursor, "<{tag} id=\"q-p{ordinal}\">").is_ok();
    let len = cursor.position() as usize;
    let inline = std::str::from_utf8(&buf[..len])
        .ok()
        .filter(|_| written)
        .and_then(|s| pulldown_cmark::InlineStr::try_from(s).ok());
    match inline {
        Some(s) => CowStr::Inlined(s),
        None => CowStr::from(format!("<{tag} id=\"{}\">", block_anchor(ordinal))),
    }
}

/// What a walk found, and the events to render.
#[derive(Debug)]
pub(crate) struct Walk<'a, K> {
    /// Events for the HTML writer (empty unless asked for).
    pub events: Vec<Event<'a>>,
    /// Every reference, in order.
    pub references: Vec<Reference<K>>,
    /// The blocks the references point into.
    pub blocks: Vec<Block>,
    /// The mentions found in each text searched.
    pub searched: Searched,
}

/// The mentions a walk found in each text it searched, in order. A later
/// walk of the same body with the same names (the page's, after the
/// graph's) takes them instead of searching every text again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Searched {
    /// The length of the body walked.
    body: usize,
    /// How many texts were searched.
    count: u32,
    /// For each text with mentions: its number among the texts searched,
    /// its length, and where its mentions end in `mentions`.
    texts: Vec<[u32; 3]>,
    /// Start, end and owner of each mention.
    mentions: Vec<[u32; 3]>,
}

impl Searched {
    fn push(&mut self, text: &str, found: &[Mention]) {
        if !found.is_empty() {
            self.mentions.extend(
                found
                    .iter()
                    .map(|m| [m.range.start as u32, m.range.end as u32, m.owner as u32]),
            );
            let end = self.mentions.len() as u32;
            self.texts.push([self.count, text.len() as u32, end]);
        }
        self.count += 1;
    }

    /// The record of a walk of `body`, once it is over; numbers are kept
    /// small, so the record of a body too long for them is left empty.
    fn finish(mut self, body: &str) -> Searched {
        if u32::try_from(body.len()).is_err() || self.mentions.len() >= u32::MAX as usize {
            return Searched::default();
        }
        self.body = body.len();
        self.texts.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self
    }
}

/// A [`Searched`] being read back, text by text.
struct Replay<'l> {
    searched: &'l Searched,
    /// Texts read back so far, and the next of them with mentions.
    count: u32,
    next: usize,
}

impl Replay<'_> {
    /// The mentions of the next text searched, if that was `text`: the
    /// same length, where it had mentions, which fall on character bounds.
    fn next(&mut self, text: &str) -> Option<Vec<Mention>> {
        if self.count >= self.searched.count {
            return None;
        }
        let this = self.count;
        self.count += 1;
        let [_, len, end] = match self.searched.texts.get(self.next) {
            Some(&t) if t[0] == this => t,
            _ => return Some(Vec::new()),
        };
        let start = match self.next {
            0 => 0,
            i => self.searched.texts[i - 1][2],
        };
        let found = self.searched.mentions.get(start as usize..end as usize)?;
        let fits = |m: &[u32; 3]| {
            m[0] < m[1]
                && text.is_char_boundary(m[0] as usize)
                && text.is_char_boundary(m[1] as usize)
        };
        if len as usize != text.len() || !found.iter().all(fits) {
            return None;
        }
        self.next += 1;
        Some(
            found
                .iter()
                .map(|m| Mention {
                    range: m[0] as usize..m[1] as usize,
                    owner: m[2] as usize,
                })
                .collect(),
        )
    }
}

struct OpenBlock {
    text: String,
    index: Option<usize>,
    ordinal: u32,
    roll_call: bool,
    /// The action or decision written in it, until its mark is written.
    item: Option<usize>,
}

/// A link made in text: to a mentioned page, or by a pattern.
enum Made<K> {
    Mention(K),
    Pattern(String),
}

enum OpenLink<K> {
    Plain,
    /// A link whose address could run code: its text is shown, unlinked.
    Inert,
    Wiki {
        target: Option<K>,
        label_start: usize,
        swallow: bool,
    },
}

struct Walker<'a, 'l, L: Links> {
    links: &'l L,
    style: Style<'l, L::Key>,
    headings: &'l [Heading],
    html: bool,
    /// Whether references and their blocks are collected (rendering alone
    /// does not need them), and the mentions of every text searched.
    collect: bool,
    /// The mentions an earlier walk of this body found, while they agree
    /// with this walk.
    replay: Option<Replay<'l>>,
    out: Walk<'a, L::Key>,
    /// Events processed but not yet handed to the writer.
    queue: std::collections::VecDeque<Event<'a>>,
    blocks: Vec<OpenBlock>,
    open_links: Vec<OpenLink<L::Key>>,
    code: usize,
    heading: usize,
    /// Images open, each with whether it is shown as an image.
    images: Vec<bool>,
    next_heading: usize,
    section: Option<usize>,
    linked: HashSet<L::Key>,
    /// Paragraphs, list items and table cells met so far.
    ordinals: u32,
    roll_call: rollcall::Tracker,
}

/// Walks `body`: resolves wiki-links, finds mentions, and (when `html` is
/// set) produces the events to render. `headings` is the body's outline.
pub(crate) fn walk<'a, L: Links>(
    body: &'a str,
    headings: &[Heading],
    links: &L,
    style: Style<'_, L::Key>,
    html: bool,
) -> Walk<'a, L::Key> {
    let mut events = Events::new(body, headings, links, style, html, true);
    let kept: Vec<Event<'a>> = events.by_ref().collect();
    let mut out = events.walker.out;
    out.events = kept;
    out.searched = std::mem::take(&mut out.searched).finish(body);
    out
}

/// The walk as a stream of events to render, so a long body is written out
/// as it is read rather than held in memory whole.
struct Events<'a, 'l, L: Links> {
    walker: Walker<'a, 'l, L>,
    parser: Parser<'a>,
    run: Option<Run<'a>>,
    done: bool,
}

impl<'a, 'l, L: Links> Events<'a, 'l, L> {
    fn new(
        body: &'a str,
        headings: &'l [Heading],
        links: &'l L,
        style: Style<'l, L::Key>,
        html: bool,
        collect: bool,
    ) -> Self {
        Events {
            walker: Walker {
                links,
                style,
                headings,
                html,
                collect,
                replay: None,
                out: Walk {
                    events: Vec::new(),
                    references: Vec::new(),
                    blocks: Vec::new(),
                    searched: Searched::default(),
                },
                queue: std::collections::VecDeque::new(),
                blocks: Vec::new(),
                open_links: Vec::new(),
                code: 0,
                heading: 0,
                images: Vec::new(),
                next_heading: 0,
                section: None,
                linked: HashSet::new(),
                ordinals: 0,
                roll_call: rollcall::Tracker::default(),
            },
            parser: Parser::new_ext(body, options()),
            run: None,
            done: false,
        }
    }
}

impl<'a, L: Links> Iterator for Events<'a, '_, L> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(e) = self.walker.queue.pop_front() {
                return Some(e);
            }
            if self.done {
                return None;
            }
            // Consecutive text is merged, so a name split by the parser is still found.
            match self.parser.next() {
                Some(Event::Text(t)) => self.run = Some(Run::push(self.run.take(), t)),
                Some(Event::SoftBreak) if self.run.is_some() => {
                    self.run = Some(Run::push(self.run.take(), "\n".into()));
                }
                Some(other) => {
                    if let Some(t) = self.run.take() {
                        self.walker.text(t.text());
                    }
                    self.walker.event(other);
                }
                None => {
                    if let Some(t) = self.run.take() {
                        self.walker.text(t.text());
                    }
                    self.done = true;
                }
            }
        }
    }
}

/// Renders `body` to HTML with its links resolved. `searched` holds the
/// mentions a [`walk`] of the same body found, if there was one.
pub(crate) fn to_html<L: Links>(
    body: &str,
    headings: &[Heading],
    links: &L,
    style: Style<'_, L::Key>,
    searched: Option<&Searched>,
) -> String {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let mut events = Events::new(body, headings, links, style, true, false);
    events.walker.replay = searched
        .filter(|s| s.body == body.len())
        .map(|searched| Replay {
            searched,
            count: 0,
            next: 0,
        });
    pulldown_cmark::html::push_html(&mut html, events);
    match style.raw_html {
        RawHtml::Sanitize => super::sanitize(&html),
        RawHtml::Allow | RawHtml::Escape => html,
    }
}

/// The box of a task list item. Minutes record whether a task was done;
/// nobody ticks it on the page, so it is no form control (a checkbox would
/// need a label it cannot have): the state is said in words, which the
/// theme hides and draws as a box.
fn task_marker(done: bool) -> &'static str {
    if done {
        "<span class=\"q-task q-task--done\"><span class=\"q-task__state\">Done: </span></span>"
    } else {
        "<span class=\"q-task\"><span class=\"q-task__state\">To do: </span></span>"
    }
}

/// Consecutive texts, joined. The first is kept as the parser gave it; a
/// second makes a string that the rest are added to, so a paragraph the
/// parser hands over in a million pieces costs its length, not the square.
enum Run<'a> {
    One(CowStr<'a>),
    Joined(String),
}

impl<'a> Run<'a> {
    fn push(run: Option<Run<'a>>, t: CowStr<'a>) -> Run<'a> {
        match run {
            None => Run::One(t),
            Some(Run::One(prev)) => {
                let mut s = String::with_capacity(2 * (prev.len() + t.len()));
                s.push_str(&prev);
                s.push_str(&t);
                Run::Joined(s)
            }
            Some(Run::Joined(mut s)) => {
                s.push_str(&t);
                Run::Joined(s)
            }
        }
    }

    fn text(self) -> CowStr<'a> {
        match self {
            Run::One(t) => t,
            Run::Joined(s) => CowStr::from(s),
        }
    }
}

impl<'a, L: Links> Walker<'a, '_, L> {
    fn emit(&mut self, e: Event<'a>) {
        if self.html {
            self.queue.push_back(e);
        }
    }

    fn scanning(&self) -> bool {
        self.code == 0 && self.heading == 0 && self.images.is_empty() && self.open_links.is_empty()
    }

    fn swallowing(&self) -> bool {
        matches!(
            self.open_links.last(),
            Some(OpenLink::Wiki { swallow: true, .. })
        )
    }

    fn block_len(&self) -> usize {
        self.blocks.last().map_or(0, |b| b.text.len())
    }

    fn push_block_text(&mut self, t: &str) {
        if self.collect
            && self.code == 0
            && let Some(b) = self.blocks.last_mut()
        {
            b.text.push_str(t);
        }
    }

    fn reference(&mut self, key: L::Key, range: Range<usize>, explicit: bool) {
        if !self.collect {
            return;
        }
        let section = self.section;
        let block = match self.blocks.last_mut() {
            Some(b) if self.heading == 0 => Some(*b.index.get_or_insert_with(|| {
                self.out.blocks.push(Block {
                    text: String::new(),
                    section,
                    ordinal: b.ordinal,
                    roll_call: b.roll_call,
                });
                self.out.blocks.len() - 1
            })),
            _ => None,
        };
        self.out.references.push(Reference {
            key,
            block,
            section,
            range,
            explicit,
        });
    }

    fn text(&mut self, t: CowStr<'a>) {
        if self.swallowing() {
            return;
        }
        // An action's or decision's attribute block is not shown.
        let t = match self.blocks.last().filter(|b| b.item.is_some()) {
            Some(_) => match super::attrs::trailing_in_item(&t) {
                Some((range, _)) => CowStr::from(t[..range.start].to_owned()),
                None => t,
            },
            None => t,
        };
        let base = self.block_len();
        self.push_block_text(&t);
        let urls = if self.scanning() {
            super::autolink::find(&t)
        } else {
            Vec::new()
        };
        if urls.is_empty() {
            self.words(t, base);
            return;
        }
        // Web addresses become links; the words between are read as ever.
        let mut pos = 0;
        for url in urls {
            if url.range.start > pos {
                self.words(t[pos..url.range.start].to_owned().into(), base + pos);
            }
            self.emit(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: url.href.into(),
                title: "".into(),
                id: "".into(),
            }));
            self.emit(Event::Text(t[url.range.clone()].to_owned().into()));
            self.emit(Event::End(TagEnd::Link));
            pos = url.range.end;
        }
        if pos < t.len() {
            self.words(t[pos..].to_owned().into(), base + pos);
        }
    }

    /// Text outside links at `base` in its block: mentions are found in it,
    /// and those [`Autolink`] says become links; so do the matches of the
    /// site's patterns, which win over the mentions they overlap.
    fn words(&mut self, t: CowStr<'a>, base: usize) {
        let found = match self.links.mentions() {
            Some(m) if self.scanning() => self.search(m, &t),
            _ => Vec::new(),
        };
        let patterns = if self.html && self.scanning() {
            self.style.patterns.find(&t)
        } else {
            Vec::new()
        };
        if found.is_empty() && patterns.is_empty() {
            self.emit(Event::Text(t));
            return;
        }
        let mut made: Vec<(Range<usize>, Made<L::Key>)> = Vec::new();
        // The first pattern link that does not end before the mention.
        let mut next = 0;
        for m in found {
            let key = self.links.mentioned(m.owner);
            if Some(key) == self.style.this {
                continue;
            }
            self.reference(key, base + m.range.start..base + m.range.end, false);
            while patterns
                .get(next)
                .is_some_and(|p| p.range.end <= m.range.start)
            {
                next += 1;
            }
            if patterns
                .get(next)
                .is_some_and(|p| p.range.start < m.range.end)
            {
                continue;
            }
            let link = match self.style.autolink {
                Autolink::All => true,
                Autolink::First => !self.linked.contains(&key),
                Autolink::None => false,
            };
            self.linked.insert(key);
            if link && self.html {
                made.push((m.range, Made::Mention(key)));
            }
        }
        if !self.html {
            return;
        }
        made.extend(
            patterns
                .into_iter()
                .map(|PatternLink { range, href }| (range, Made::Pattern(href))),
        );
        made.sort_by_key(|(r, _)| r.start);
        let mut pos = 0;
        for (range, link) in made {
            if range.start > pos {
                self.emit(Event::Text(t[pos..range.start].to_owned().into()));
            }
            let open = match link {
                Made::Mention(key) => self.anchor("mention", &self.links.target(key)),
                Made::Pattern(href) => self.pattern_anchor(&href),
            };
            self.emit(Event::InlineHtml(open.into()));
            self.emit(Event::Text(t[range.clone()].to_owned().into()));
            self.emit(Event::InlineHtml("</a>".into()));
            pos = range.end;
        }
        if pos < t.len() {
            self.emit(Event::Text(t[pos..].to_owned().into()));
        }
    }

    /// The opening tag of a pattern link: an address that starts with `/`
    /// is a path on the site, as in a Markdown link.
    fn pattern_anchor(&self, href: &str) -> String {
        let site = self.site_url(href);
        let href = site.as_deref().unwrap_or(href);
        let mut a = String::with_capacity(32 + href.len());
        a.push_str("<a class=\"q-pattern\" href=\"");
        escape_html_into(&mut a, href);
        a.push_str("\">");
        a
    }

    /// The mentions in `t`: as an earlier walk found them, or searched for.
    fn search(&mut self, mentions: &Mentions, t: &str) -> Vec<Mention> {
        if let Some(replay) = &mut self.replay {
            match replay.next(t) {
                Some(found) => return found,
                // This walk went another way: the rest is searched.
                None => self.replay = None,
            }
        }
        let found = mentions.find(t);
        if self.collect {
            self.out.searched.push(t, &found);
        }
        found
    }

    fn anchor(&self, class: &str, target: &LinkTarget<L::Key>) -> String {
        let (root, path, title) = (self.style.root, &target.path, &target.title);
        let mut a = String::with_capacity(40 + root.len() + path.len() + title.len());
        for part in ["<a class=\"", class, " ", target.kind, "\" href=\""] {
            a.push_str(part);
        }
        escape_html_into(&mut a, root);
        escape_html_into(&mut a, path);
        a.push_str("\" title=\"");
        escape_html_into(&mut a, title);
        a.push_str("\">");
        a
    }

    fn site_url(&self, url: &str) -> Option<String> {
        // `/minutes/x/` already names the site's sub-path; `/x/` is from the site root.
        let rest = url
            .strip_prefix(self.style.base_path)
            .filter(|_| self.style.base_path.len() > 1)
            .or_else(|| url.strip_prefix('/'))?;
        if rest.starts_with('/') {
            return None;
        }
        let (path, fragment) = match rest.find(['#', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let index = if self.style.relative && (path.is_empty() || path.ends_with('/')) {
            "index.html"
        } else {
            ""
        };
        Some(format!("{}{path}{index}{fragment}", self.style.root))
    }

    fn event(&mut self, event: Event<'a>) {
        if self.swallowing() && !matches!(event, Event::End(TagEnd::Link)) {
            return;
        }
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => self.open_wikilink(&dest_url, has_pothole),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if !super::safe_url(&dest_url) {
                    self.open_links.push(OpenLink::Inert);
                    return;
                }
                self.open_links.push(OpenLink::Plain);
                let dest_url = self.site_url(&dest_url).map_or(dest_url, CowStr::from);
                self.emit(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => self.close_link(),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // An image whose address could run code is shown as its text.
                let safe = super::safe_url(&dest_url);
                self.images.push(safe);
                if !safe {
                    return;
                }
                let dest_url = self.site_url(&dest_url).map_or(dest_url, CowStr::from);
                self.emit(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if self.images.pop().unwrap_or(true) {
                    self.emit(Event::End(TagEnd::Image));
                }
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                self.heading += 1;
                let index = self.next_heading;
                self.next_heading += 1;
                self.section = Some(index);
                self.linked.clear();
                self.roll_call
                    .section(self.headings.get(index).is_some_and(|h| h.roll_call));
                let id = self.headings.get(index).map(|h| CowStr::from(h.id.clone()));
                // The page's title is its only h1: the body's headings start at h2.
                let level = level.max(pulldown_cmark::HeadingLevel::H2);
                self.emit(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                self.heading = self.heading.saturating_sub(1);
                let level = level.max(pulldown_cmark::HeadingLevel::H2);
                self.emit(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(tag @ (Tag::Paragraph | Tag::Item | Tag::TableCell)) => {
                self.open_block(tag)
            }
            Event::Start(tag) => {
                match &tag {
                    Tag::CodeBlock(_) | Tag::Table(_) | Tag::BlockQuote(_) => {
                        if let Tag::CodeBlock(_) = tag {
                            self.code += 1;
                        }
                        if self.blocks.is_empty() {
                            self.roll_call.other_block();
                        }
                    }
                    Tag::List(_) => {
                        // An item's mark goes after its own text, before a list in it.
                        self.mark_item();
                        let label = match self.blocks.last() {
                            Some(b) => self.style.roll_call.label(&b.text),
                            None => rollcall::Label::None,
                        };
                        self.roll_call.list_start(label);
                    }
                    _ => {}
                }
                self.emit(Event::Start(tag));
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::CodeBlock => self.code = self.code.saturating_sub(1),
                    TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell => {
                        self.close_block(tag == TagEnd::Paragraph)
                    }
                    TagEnd::List(_) => self.roll_call.list_end(),
                    _ => {}
                }
                self.emit(Event::End(tag));
            }
            Event::Code(t) => {
                self.push_block_text(&t);
                self.emit(Event::Code(t));
            }
            Event::Html(h) | Event::InlineHtml(h) if self.style.raw_html == RawHtml::Escape => {
                self.emit(Event::Text(h));
            }
            // Text that looks like a tag but names no element (`<TBD>`,
            // `<Not recorded>`) is text the minutes mean to show.
            Event::Html(h) | Event::InlineHtml(h) => match super::tags::escape_unknown(&h) {
                None => self.emit(Event::Html(h)),
                Some(shown) => self.emit(Event::Html(shown.into())),
            },
            Event::SoftBreak | Event::HardBreak => {
                self.push_block_text(" ");
                self.emit(event);
            }
            Event::TaskListMarker(done) => self.emit(Event::InlineHtml(task_marker(done).into())),
            other => self.emit(other),
        }
    }

    /// A paragraph, list item or table cell starts: it gets its number,
    /// and on the page, the anchor made from it.
    fn open_block(&mut self, tag: Tag<'a>) {
        if self.collect && matches!(tag, Tag::Paragraph) && self.blocks.is_empty() {
            self.roll_call.other_block();
        }
        self.ordinals += 1;
        let ordinal = self.ordinals;
        let item = self.style.items.iter().position(|m| m.ordinal == ordinal);
        self.blocks.push(OpenBlock {
            text: String::new(),
            index: None,
            ordinal,
            roll_call: self.roll_call.active(),
            item,
        });
        if !self.html || !self.style.anchors {
            self.emit(Event::Start(tag));
            return;
        }
        match tag {
            Tag::Paragraph => self.emit(Event::Html(opening("p", ordinal))),
            Tag::Item => self.emit(Event::Html(opening("li", ordinal))),
            tag => {
                self.emit(Event::Start(tag));
                let anchor = format!(
                    "<span class=\"q-anchor\" id=\"{}\"></span>",
                    block_anchor(ordinal)
                );
                self.emit(Event::InlineHtml(anchor.into()));
            }
        }
    }

    /// Writes the mark of the action or decision of the block being read,
    /// once.
    fn mark_item(&mut self) {
        let Some(i) = self.blocks.last_mut().and_then(|b| b.item.take()) else {
            return;
        };
        if !self.html {
            return;
        }
        let mark = &self.style.items[i];
        let mut html = String::with_capacity(64 + mark.href.len() + mark.label.len());
        html.push_str(" <a class=\"");
        escape_html_into(&mut html, &mark.class);
        html.push_str("\" href=\"");
        escape_html_into(&mut html, &mark.href);
        html.push_str("\">");
        escape_html_into(&mut html, &mark.label);
        html.push_str("</a>");
        self.emit(Event::InlineHtml(html.into()));
    }

    fn close_block(&mut self, paragraph: bool) {
        self.mark_item();
        let Some(b) = self.blocks.pop() else { return };
        if !self.collect {
            return;
        }
        let label = self.style.roll_call.label(&b.text);
        if paragraph && self.blocks.is_empty() {
            self.roll_call.paragraph_end(label);
        }
        if let Some(i) = b.index {
            let block = &mut self.out.blocks[i];
            block.roll_call |= label != rollcall::Label::None;
            block.text = b.text;
        }
    }

    fn open_wikilink(&mut self, dest: &str, has_pothole: bool) {
        let target = self.links.wikilink(dest);
        let label_start = self.block_len();
        if self.html {
            let open = match target {
                Some(key) => self.anchor("wikilink", &self.links.target(key)),
                None => format!(
                    "<span class=\"unresolved\" title=\"{}\">",
                    escape_html(&format!("Nothing is called “{}”", dest.trim()))
                ),
            };
            self.emit(Event::InlineHtml(open.into()));
        }
        if !has_pothole {
            let label = display_label(dest).to_owned();
            self.push_block_text(&label);
            self.emit(Event::Text(label.into()));
        }
        self.open_links.push(OpenLink::Wiki {
            target,
            label_start,
            swallow: !has_pothole,
        });
    }

    fn close_link(&mut self) {
        match self.open_links.pop() {
            Some(OpenLink::Wiki {
                target,
                label_start,
                ..
            }) => {
                if self.html {
                    let close = if target.is_some() { "</a>" } else { "</span>" };
                    self.emit(Event::InlineHtml(close.into()));
                }
                if let Some(key) = target {
                    if Some(key) != self.style.this {
                        let end = self.block_len();
                        self.reference(key, label_start..end, true);
                    }
                    self.linked.insert(key);
                }
            }
            Some(OpenLink::Plain) | None => self.emit(Event::End(TagEnd::Link)),
            Some(OpenLink::Inert) => {}
        }
    }
}

/// What `[[target]]` shows when it has no `|label`: the name without its kind prefix.
pub(crate) fn display_label(target: &str) -> &str {
    let target = target.trim();
    for kind in ["entity:", "topic:", "meeting:", "action:"] {
        if let Some(rest) = target.strip_prefix(kind) {
            return rest.trim();
        }
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake {
        mentions: Option<Mentions>,
    }

    impl Links for Fake {
        type Key = usize;
        fn wikilink(&self, target: &str) -> Option<usize> {
            match display_label(target) {
                "DESA" => Some(0),
                "UNDP" => Some(1),
                _ => None,
            }
        }
        fn mentions(&self) -> Option<&Mentions> {
            self.mentions.as_ref()
        }
        fn mentioned(&self, owner: usize) -> usize {
            owner
        }
        fn target(&self, owner: usize) -> LinkTarget<usize> {
            let name = ["DESA", "UNDP"][owner];
            LinkTarget {
                key: owner,
                path: format!("entities/{}/", name.to_lowercase()),
                title: name.to_owned(),
                kind: "entity",
            }
        }
    }

    fn fake() -> Fake {
        Fake {
            mentions: Mentions::new(vec![("DESA".into(), 0), ("UNDP".into(), 1)]),
        }
    }

    static ROLL_CALL: std::sync::LazyLock<RollCall> = std::sync::LazyLock::new(RollCall::default);
    static NO_PATTERNS: std::sync::LazyLock<LinkPatterns> =
        std::sync::LazyLock::new(LinkPatterns::default);

    fn style(autolink: Autolink) -> Style<'static, usize> {
        Style {
            root: "/m/",
            base_path: "/m/",
            relative: false,
            autolink,
            raw_html: RawHtml::Allow,
            this: None,
            roll_call: &ROLL_CALL,
            anchors: true,
            items: &[],
            patterns: &NO_PATTERNS,
        }
    }

    fn html(body: &str, autolink: Autolink) -> String {
        let o = super::super::outline(body, &super::super::Conventions::default());
        to_html(body, &o.headings, &fake(), style(autolink), None)
    }

    static PATTERNS: std::sync::LazyLock<LinkPatterns> = std::sync::LazyLock::new(|| {
        let entry = |pattern: &str, url: &str| super::super::LinkPattern {
            pattern: pattern.into(),
            url: url.into(),
        };
        LinkPatterns::new(vec![
            entry(r"#(\d+)", "https://tracker.example/issues/$1?a=1&b=\"2\""),
            entry(r"\bUNDP/DP/\d+", "/docs/$0"),
            entry(r"\bDESA-\d+", "https://desa.example/$0"),
        ])
        .unwrap()
    });

    fn patterned(body: &str, autolink: Autolink) -> String {
        let o = super::super::outline(body, &super::super::Conventions::default());
        let mut s = style(autolink);
        s.patterns = &PATTERNS;
        to_html(body, &o.headings, &fake(), s, None)
    }

    const ISSUE: &str = "href=\"https://tracker.example/issues/12?a=1&amp;b=&quot;2&quot;\"";

    #[test]
    fn patterns_link_text_in_paragraphs_items_and_tables() {
        let out = patterned(
            "See #12.\n\n- item #12\n\n| a |\n| - |\n| *#12* |\n",
            Autolink::None,
        );
        assert_eq!(out.matches(ISSUE).count(), 3, "{out}");
        assert!(
            out.contains(&format!("<a class=\"q-pattern\" {ISSUE}>#12</a>.")),
            "{out}"
        );
        // A path on the site follows the base path, as a Markdown link does.
        let out = patterned("See UNDP/DP/2006/1.\n", Autolink::None);
        assert!(
            out.contains(
                "<a class=\"q-pattern\" href=\"/m/docs/UNDP/DP/2006\">UNDP/DP/2006</a>/1."
            ),
            "{out}"
        );
    }

    #[test]
    fn patterns_leave_code_links_and_headings_alone() {
        let out = patterned(
            "# Issue #12\n\n`#12` [see #12](http://x) <https://x.example/#12> \
             https://x.example/#12 [[DESA|#12]] ![#12](a.png)\n\n```\n#12\n```\n\n    #12 indented\n",
            Autolink::None,
        );
        assert!(!out.contains("q-pattern"), "{out}");
        assert!(out.contains("<h2 id=\"issue-12\">Issue #12</h2>"), "{out}");
    }

    #[test]
    fn a_pattern_link_wins_over_the_mention_in_it() {
        // UNDP in a pattern link is not linked; the next UNDP is, as the first
        // linked mention of the section.
        let body = "UNDP/DP/7 by UNDP, and DESA-4 of DESA.\n";
        let out = patterned(body, Autolink::First);
        assert!(
            out.contains("<a class=\"q-pattern\" href=\"/m/docs/UNDP/DP/7\">UNDP/DP/7</a> by <a class=\"mention entity\" href=\"/m/entities/undp/\""),
            "{out}"
        );
        assert!(
            out.contains("<a class=\"q-pattern\" href=\"https://desa.example/DESA-4\">DESA-4</a> of <a class=\"mention entity\" href=\"/m/entities/desa/\""),
            "{out}"
        );
        assert_eq!(out.matches("<a ").count(), 4, "{out}");
        // Both mentions in links still count, for the backlinks.
        let o = super::super::outline(body, &super::super::Conventions::default());
        let mut s = style(Autolink::First);
        s.patterns = &PATTERNS;
        let w = walk(body, &o.headings, &fake(), s, true);
        assert_eq!(w.references.len(), 4);
    }

    #[test]
    fn task_list_boxes_are_words_not_controls() {
        let out = html(
            "- [x] Circulate the notes\n- [ ] Ask UNDP\n",
            Autolink::None,
        );
        assert!(!out.contains("<input"), "{out}");
        assert!(
            out.contains("<span class=\"q-task q-task--done\"><span class=\"q-task__state\">Done: </span></span>Circulate the notes"),
            "{out}"
        );
        assert!(
            out.contains(
                "<span class=\"q-task\"><span class=\"q-task__state\">To do: </span></span>Ask"
            ),
            "{out}"
        );
        for raw_html in [RawHtml::Sanitize, RawHtml::Escape] {
            let body = "- [x] Done\n";
            let o = super::super::outline(body, &super::super::Conventions::default());
            let out = to_html(
                body,
                &o.headings,
                &fake(),
                Style {
                    raw_html,
                    ..style(Autolink::None)
                },
                None,
            );
            assert!(
                out.contains("<span class=\"q-task q-task--done\">"),
                "{raw_html:?}: {out}"
            );
        }
    }

    #[test]
    fn first_mention_per_section_is_linked() {
        let out = html(
            "DESA and DESA.\n\n## Next\n\nDESA again.\n",
            Autolink::First,
        );
        assert_eq!(
            out.matches("href=\"/m/entities/desa/\"").count(),
            2,
            "{out}"
        );
        assert!(out.contains("<h2 id=\"next\">Next</h2>"), "{out}");
        assert_eq!(
            html("DESA and DESA.\n", Autolink::All)
                .matches("<a ")
                .count(),
            2
        );
        assert_eq!(
            html("DESA and DESA.\n", Autolink::None)
                .matches("<a ")
                .count(),
            0
        );
    }

    #[test]
    fn code_links_and_headings_are_left_alone() {
        let out = html(
            "# DESA\n\n`DESA` [DESA](http://x)\n\n```\nDESA\n```\n",
            Autolink::All,
        );
        assert_eq!(out.matches("entities/desa").count(), 0, "{out}");
    }

    #[test]
    fn wikilinks_resolve_or_stay_marked() {
        let out = html(
            "[[entity:DESA]], [[UNDP|the programme]] and [[Nobody]].\n",
            Autolink::First,
        );
        assert!(out.contains(">DESA</a>"), "{out}");
        assert!(
            out.contains("href=\"/m/entities/undp/\" title=\"UNDP\">the programme</a>"),
            "{out}"
        );
        assert!(out.contains("<span class=\"unresolved\""), "{out}");
    }

    #[test]
    fn references_keep_their_paragraph_and_section() {
        let body = "Intro DESA.\n\n## Two\n\n- UNDP said [[DESA|the department]] will act.\n";
        let o = super::super::outline(body, &super::super::Conventions::default());
        let w = walk(body, &o.headings, &fake(), style(Autolink::First), false);
        assert_eq!(w.references.len(), 3);
        let r = &w.references[2];
        assert!(r.explicit);
        assert_eq!(r.section, Some(0));
        let block = &w.blocks[r.block.unwrap()];
        assert_eq!(&block.text[r.range.clone()], "the department");
        assert_eq!(block.text, "UNDP said the department will act.");
    }

    #[test]
    fn root_links_follow_the_base_path() {
        let out = html(
            "[home](/) [m](/meetings/x/#a) [ext](//cdn.example/x)\n",
            Autolink::None,
        );
        assert!(out.contains("href=\"/m/\""), "{out}");
        assert!(out.contains("href=\"/m/meetings/x/#a\""), "{out}");
        assert!(out.contains("href=\"//cdn.example/x\""), "{out}");
        let out = html("[base](/m/topics/)\n", Autolink::None);
        assert!(out.contains("href=\"/m/topics/\""), "{out}");
    }

    #[test]
    fn the_page_itself_is_not_linked() {
        let o = super::super::outline("DESA does things.\n", &super::super::Conventions::default());
        let mut s = style(Autolink::All);
        s.this = Some(0);
        let w = walk("DESA does things.\n", &o.headings, &fake(), s, true);
        assert!(w.references.is_empty());
    }

    #[test]
    fn the_page_takes_the_mentions_the_graph_found() {
        let body =
            "DESA and UNDP.\n\n- UNDP, *DESA*\n\n`DESA` [[entity:DESA|the department]] UNDP\n";
        let o = super::super::outline(body, &super::super::Conventions::default());
        let walked = walk(body, &o.headings, &fake(), style(Autolink::All), false);
        assert_eq!(walked.searched.count, 5, "{:?}", walked.searched);
        assert_eq!(walked.searched.mentions.len(), 5, "{:?}", walked.searched);
        let searched = html(body, Autolink::All);
        let render = |record: &Searched| {
            to_html(
                body,
                &o.headings,
                &fake(),
                style(Autolink::All),
                Some(record),
            )
        };
        assert_eq!(render(&walked.searched), searched);
        // A record that does not fit the body is not taken.
        let mut lost = walked.searched.clone();
        lost.texts.clear();
        assert_ne!(render(&lost), searched, "a record is taken as it is");
        lost.body += 1;
        assert_eq!(render(&lost), searched, "a record of another body");
        // A walk that goes another way searches from where it differs.
        let mut other = walked.searched.clone();
        other.texts[1][1] += 1;
        assert_eq!(render(&other), searched);
        let mut other = walked.searched.clone();
        other.count -= 1;
        assert_eq!(render(&other), searched);
    }
}
