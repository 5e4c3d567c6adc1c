//! What is searchable: every meeting, entity, topic, action and free page as
//! a document with a number, the weighted fields its terms come from, and
//! the record a result shows (title, date, path, text for the snippet).
//!
//! Documents are numbered kind by kind — meetings newest first, entities and
//! topics by slug, actions newest first, pages in navigation order — so that
//! each kind, and the meetings and actions of each year, are ranges of
//! numbers: the browser filters by kind and year without any file.

use serde::Serialize;

use super::encode::json_str;
use super::text::{line_break, short_text};
use crate::diagnostic::Diagnostic;
use crate::graph::{ActionId, EntityId, FreePageId, Id, MeetingId, Site, Target, TopicId};
use crate::markdown::RollCall;
use crate::page::{Ctx, site_language};

/// The kinds of documents, in numbering order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Meeting,
    Entity,
    Topic,
    Action,
    Page,
}

impl Kind {
    /// Every kind, in numbering order.
    pub const ALL: [Kind; 5] = [
        Kind::Meeting,
        Kind::Entity,
        Kind::Topic,
        Kind::Action,
        Kind::Page,
    ];

    /// The name in the index, the URL (`?kind=`) and the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Entity => "entity",
            Kind::Topic => "topic",
            Kind::Action => "action",
            Kind::Page => "page",
        }
    }

    /// How much a match in this kind of document counts: a name matched on
    /// an entity or topic page is usually what the reader is after.
    pub fn boost(self) -> f32 {
        match self {
            Kind::Meeting => 1.0,
            Kind::Entity | Kind::Topic => 1.4,
            Kind::Action => 0.9,
            Kind::Page => 1.1,
        }
    }

    fn count(self, site: &Site) -> usize {
        match self {
            Kind::Meeting => site.meetings.len(),
            Kind::Entity => site.entities.len(),
            Kind::Topic => site.topics.len(),
            Kind::Action => site.actions.len(),
            Kind::Page => site.free_pages.len(),
        }
    }

    /// The graph's page for the `n`-th document of this kind.
    fn target(self, site: &Site, n: usize) -> Target {
        match self {
            Kind::Meeting => Target::Meeting(MeetingId::new(site.meetings.len() - 1 - n)),
            Kind::Entity => Target::Entity(EntityId::new(n)),
            Kind::Topic => Target::Topic(TopicId::new(n)),
            Kind::Action => Target::Action(ActionId::new(site.actions.len() - 1 - n)),
            Kind::Page => Target::FreePage(FreePageId::new(n)),
        }
    }
}

/// The documents of one kind: a range of numbers.
#[derive(Debug, Clone, Serialize)]
pub(super) struct KindRange {
    #[serde(serialize_with = "kind_name")]
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
}

fn kind_name<S: serde::Serializer>(k: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

/// How documents are numbered and stored.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub kinds: Vec<KindRange>,
}

impl Layout {
    /// The layout of `site`'s documents.
    pub(super) fn of(site: &Site) -> Layout {
        let mut start = 0;
        let kinds = Kind::ALL
            .iter()
            .map(|&kind| {
                let n = kind.count(site) as u32;
                let r = KindRange {
                    kind,
                    start,
                    end: start + n,
                };
                start += n;
                r
            })
            .collect();
        Layout { kinds }
    }

    /// Number of documents.
    pub(super) fn docs(&self) -> u32 {
        self.kinds.last().map_or(0, |k| k.end)
    }

    /// The kind of document `doc`.
    pub(super) fn kind_of(&self, doc: u32) -> &KindRange {
        let i = self.kinds.partition_point(|k| k.end <= doc);
        &self.kinds[i.min(self.kinds.len() - 1)]
    }

    /// The graph's page for document `doc`.
    pub(super) fn target(&self, site: &Site, doc: u32) -> Target {
        let k = self.kind_of(doc);
        k.kind.target(site, (doc - k.start) as usize)
    }

    /// The number of the document for a page of the graph.
    pub(super) fn doc(&self, site: &Site, t: Target) -> u32 {
        let (kind, n) = match t {
            Target::Meeting(i) => (Kind::Meeting, site.meetings.len() - 1 - i.index()),
            Target::Entity(i) => (Kind::Entity, i.index()),
            Target::Topic(i) => (Kind::Topic, i.index()),
            Target::Action(i) => (Kind::Action, site.actions.len() - 1 - i.index()),
            Target::FreePage(i) => (Kind::Page, i.index()),
        };
        self.kinds[kind as usize].start + n as u32
    }
}

/// The language of the text of page `t`: its own `language:` (an
/// action's: its meeting's), or else the site's. Its stop words are left
/// out of its terms.
pub(super) fn language<'a>(ctx: &Ctx<'a>, t: Target) -> &'a str {
    let site = ctx.site;
    let own = match t {
        Target::Meeting(i) => site.meetings[i].doc.front.language.as_ref(),
        Target::Action(a) => site.meetings[site.actions[a].meeting]
            .doc
            .front
            .language
            .as_ref(),
        Target::Entity(i) => site.entities[i]
            .doc
            .file()
            .and_then(|d| d.front.language.as_ref()),
        Target::Topic(i) => site.topics[i]
            .doc
            .file()
            .and_then(|d| d.front.language.as_ref()),
        Target::FreePage(i) => site.free_pages[i].doc.front.language.as_ref(),
    };
    own.map_or_else(|| site_language(ctx.config), |l| l.as_str())
}

/// What a result shows of a document.
#[derive(Debug, Default)]
pub(super) struct Record {
    pub title: String,
    /// A line of context: series and place, kind of entity, status and owners.
    pub sub: String,
    /// From the site root, as links write it.
    pub path: String,
    /// `12 July 2006` or `July 2006`.
    pub date: Option<String>,
    /// `2006-07-12` or `2006-07`.
    pub iso: Option<String>,
    /// Plain text the snippet is cut from.
    pub text: String,
}

impl Record {
    /// Appends the record as a JSON object; `sub`, `date` and `iso` only
    /// when there are any.
    pub(super) fn write_json(&self, out: &mut Vec<u8>) {
        let fields = [
            ("title", Some(&self.title)),
            ("sub", Some(&self.sub).filter(|s| !s.is_empty())),
            ("path", Some(&self.path)),
            ("date", self.date.as_ref()),
            ("iso", self.iso.as_ref()),
            ("text", Some(&self.text)),
        ];
        out.push(b'{');
        for (name, value) in fields {
            if let Some(v) = value {
                if out.last() != Some(&b'{') {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\":");
                json_str(out, v);
            }
        }
        out.push(b'}');
    }
}

/// How much a term counts in each field.
pub(super) mod weight {
    pub(crate) const TITLE: f32 = 5.0;
    pub(crate) const NAME: f32 = 4.0;
    pub(crate) const FIELD: f32 = 2.0;
    pub(crate) const TEXT: f32 = 1.0;
}

/// Turns a body's Markdown into the text of its record, knowing under which
/// headings task items are actions (their attribute blocks are not text).
pub(super) type Body = fn(&str, &RollCall, &mut String);

/// Fills `rec` with document `doc` and hands every field to `index` with
/// its weight; fails when the document's body cannot be read. A body's
/// Markdown goes into the text through `body` ([`super::text::plain_text`]
/// for the index).
pub(super) fn gather(
    ctx: &Ctx<'_>,
    layout: &Layout,
    doc: u32,
    rec: &mut Record,
    body: Body,
    index: &mut dyn FnMut(&str, f32),
) -> Result<(), Diagnostic> {
    let site = ctx.site;
    let items = &ctx.config.conventions.action_items;
    let t = layout.target(site, doc);
    rec.path = ctx.path(t).to_owned();
    rec.title.clear();
    rec.sub.clear();
    rec.text.clear();
    rec.date = None;
    rec.iso = None;
    match t {
        Target::Meeting(i) => {
            let m = &site.meetings[i];
            let front = &m.doc.front;
            rec.title.push_str(&front.title);
            rec.date = Some(m.date.display(ctx.strings.dates()));
            rec.iso = Some(m.date.iso());
            let series = m.series.map(|s| site.series[s].name.as_str());
            join(&mut rec.sub, [series, front.location.as_deref()]);
            if let Some(s) = &front.summary {
                inline(s, &mut rec.text);
                line_break(&mut rec.text);
            }
            body(&m.doc.body()?, items, &mut rec.text);
            for &d in &m.decisions {
                markdown_line(&site.decisions[d].source, &mut rec.text);
                line_break(&mut rec.text);
            }
            for u in &m.updates {
                if let Some(n) = &u.note {
                    inline(n, &mut rec.text);
                    line_break(&mut rec.text);
                }
            }
            index(&rec.title, weight::TITLE);
            index(&rec.sub, weight::FIELD);
            index(&rec.text, weight::TEXT);
        }
        Target::Entity(i) => {
            let e = &site.entities[i];
            rec.title.push_str(&e.name);
            join(
                &mut rec.sub,
                [
                    Some(e.kind.as_str()),
                    e.title.as_deref(),
                    e.short.as_deref(),
                ],
            );
            if !e.aliases.is_empty() {
                rec.text.push_str("Also: ");
                rec.text.push_str(&e.aliases.join(", "));
                line_break(&mut rec.text);
            }
            if let Some(d) = e.doc.file() {
                body(&d.body()?, items, &mut rec.text);
            }
            index(&e.name, weight::TITLE);
            index(e.short.as_deref().unwrap_or_default(), weight::NAME);
            for a in &e.aliases {
                index(a, weight::NAME - weight::TEXT);
            }
            index(e.title.as_deref().unwrap_or_default(), weight::TEXT);
            index(&rec.text, weight::TEXT);
        }
        Target::Topic(i) => {
            let tp = &site.topics[i];
            rec.title.push_str(&tp.name);
            if let Some(p) = tp.parent {
                rec.sub.push_str("in ");
                rec.sub.push_str(&site.topics[p].name);
            }
            if !tp.aliases.is_empty() {
                rec.text.push_str("Also: ");
                rec.text.push_str(&tp.aliases.join(", "));
                line_break(&mut rec.text);
            }
            if let Some(d) = tp.doc.file() {
                body(&d.body()?, items, &mut rec.text);
            }
            index(&tp.name, weight::TITLE);
            for a in &tp.aliases {
                index(a, weight::NAME - weight::TEXT);
            }
            index(&rec.text, weight::TEXT);
        }
        Target::Action(i) => action(ctx, i, rec, index),
        Target::FreePage(i) => {
            let p = &site.free_pages[i];
            rec.title.push_str(&p.doc.front.title);
            body(&p.doc.body()?, items, &mut rec.text);
            index(&rec.title, weight::TITLE);
            index(&rec.text, weight::TEXT);
        }
    }
    Ok(())
}

fn action(ctx: &Ctx<'_>, i: ActionId, rec: &mut Record, index: &mut dyn FnMut(&str, f32)) {
    let site = ctx.site;
    let a = &site.actions[i];
    let m = &site.meetings[a.meeting];
    markdown_line(&a.source, &mut rec.title);
    rec.date = Some(m.date.display(ctx.strings.dates()));
    rec.iso = Some(m.date.iso());
    rec.sub.push_str(ctx.strings.status(a.status));
    if a.overdue {
        rec.sub.push_str(", ");
        rec.sub.push_str(ctx.strings.get("overdue"));
    }
    let owners: Vec<&str> = a
        .owners
        .iter()
        .map(|&o| site.entities[o].name.as_str())
        .collect();
    if !owners.is_empty() {
        rec.sub.push_str(" · ");
        rec.sub.push_str(&owners.join(", "));
    }
    rec.text.push_str("Decided at ");
    rec.text.push_str(&m.doc.front.title);
    line_break(&mut rec.text);
    for c in &a.history {
        if let Some(n) = &c.note {
            inline(n, &mut rec.text);
            line_break(&mut rec.text);
        }
    }
    index(&rec.title, weight::NAME - weight::TEXT);
    // An id of its own says something; `<meeting-slug>-<n>` does not.
    if a.id != format!("{}-{}", m.slug, a.number) {
        index(&a.id, weight::TEXT);
    }
    for o in owners {
        index(o, weight::TEXT);
    }
    // The meeting's title is shown, not indexed: it would match every action of a series.
    let notes = rec.text.find('\n').map_or("", |n| &rec.text[n..]);
    index(notes, weight::TEXT);
}

/// Appends a one-line front-matter text; wiki-links read as their labels.
fn inline(text: &str, out: &mut String) {
    if text.contains("[[") {
        markdown_line(text, out);
    } else {
        out.push_str(text.trim());
    }
}

/// Appends a short Markdown text (an action's, a decision's) as one line of
/// the words its page shows: read as a body is, so that a word split by
/// emphasis (`un*believ*able`) stays one word and two words a reader sees
/// apart stay two.
fn markdown_line(markdown: &str, out: &mut String) {
    let start = out.len();
    short_text(markdown, out);
    let flat = out[start..].trim().replace('\n', " ");
    out.truncate(start);
    out.push_str(&flat);
}

/// `a · b` of the parts that are given.
fn join<'a>(out: &mut String, parts: impl IntoIterator<Item = Option<&'a str>>) {
    for p in parts.into_iter().flatten().filter(|p| !p.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(p.trim());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_json_objects() {
        let mut rec = Record {
            title: "A \"title\"".into(),
            path: "meetings/x/".into(),
            text: "Line\nnext".into(),
            ..Record::default()
        };
        let mut out = Vec::new();
        rec.write_json(&mut out);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"title": "A \"title\"", "path": "meetings/x/", "text": "Line\nnext"})
        );
        rec.sub = "Council".into();
        rec.date = Some("July 2006".into());
        rec.iso = Some("2006-07".into());
        out.clear();
        rec.write_json(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"title":"A \"title\"","sub":"Council","path":"meetings/x/","date":"July 2006","iso":"2006-07","text":"Line\nnext"}"#
        );
    }

    #[test]
    fn join_skips_missing_parts() {
        let mut s = String::new();
        join(&mut s, [None, Some("Council"), Some(" "), Some("Oslo")]);
        assert_eq!(s, "Council · Oslo");
    }

    #[test]
    fn inline_text_shows_wikilink_labels() {
        let mut s = String::from("x ");
        inline(
            "Adopt [[Budget 2024|the budget]] and [[topic:Budget]]",
            &mut s,
        );
        assert_eq!(s, "x Adopt the budget and Budget");
    }

    #[test]
    fn markdown_texts_are_one_line_of_words() {
        let mut s = String::from("x ");
        markdown_line(
            "Make **DESA**'s case un*believ*able, by <TBD>:\n- one\n  - two",
            &mut s,
        );
        assert_eq!(s, "x Make DESA's case unbelievable, by <TBD>: one two");
    }
}
