//! `graph.json`: the whole knowledge graph, for other tools to draw or query.
//!
//! Nodes are the meetings, entities, topics, actions, decisions and free
//! pages; edges say how they are linked (attended, owns, mentions, …).
//! `docs/graph.md` is the schema. The output is deterministic: object keys
//! come in alphabetical order (the structs below declare their fields so),
//! nodes are sorted by id and edges by source, kind and target. Field order
//! in these structs is part of the format: never reorder them.

use std::borrow::Cow;
use std::io::Write;

use serde::Serialize;

use crate::graph::{DecisionId, Id, Site, Target, ids, with_ids};
use crate::model::front::Status;
use crate::page::Ctx;

/// The version of the schema in `docs/graph.md`.
pub(super) const VERSION: u32 = 1;

#[derive(Serialize)]
struct Graph<'a> {
    edges: Edges<'a>,
    nodes: Vec<Node<'a>>,
    site: SiteInfo<'a>,
    version: u32,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    base_url: &'a str,
    title: &'a str,
}

/// A page of the graph; the optional fields depend on its kind.
#[derive(Serialize, Default)]
struct Node<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity_kind: Option<&'static str>,
    id: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overdue: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stub: Option<bool>,
    title: &'a str,
    url: Cow<'a, str>,
}

/// A link between two nodes, by their ids, as written.
#[derive(Serialize, Default)]
struct Edge<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    target: &'a str,
}

/// How two nodes are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Affiliation,
    Attended,
    Chaired,
    Decided,
    Involves,
    Mentions,
    Owns,
    Parent,
    SeriesNext,
    Topic,
    Updates,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Affiliation => "affiliation",
            Kind::Attended => "attended",
            Kind::Chaired => "chaired",
            Kind::Decided => "decided",
            Kind::Involves => "involves",
            Kind::Mentions => "mentions",
            Kind::Owns => "owns",
            Kind::Parent => "parent",
            Kind::SeriesNext => "series-next",
            Kind::Topic => "topic",
            Kind::Updates => "updates",
        }
    }
}

/// An edge as held until it is written: nodes by number. A large site has
/// hundreds of thousands of edges; this is a third of an [`Edge`]'s size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link<'a> {
    source: u32,
    target: u32,
    kind: Kind,
    status: Option<Status>,
    role: Option<&'a str>,
}

impl<'a> Link<'a> {
    /// What edges are sorted by: source, kind, target, role and status; ids
    /// by their place in the order of ids.
    fn key(
        &self,
        ids: &Ids,
    ) -> (
        u32,
        &'static str,
        u32,
        Option<&'a str>,
        Option<&'static str>,
    ) {
        (
            ids.rank(self.source),
            self.kind.as_str(),
            ids.rank(self.target),
            self.role,
            self.status.map(Status::as_str),
        )
    }
}

/// Links as they are found.
struct Found<'a>(Vec<Link<'a>>);

impl<'a> Found<'a> {
    fn add(&mut self, kind: Kind, source: u32, target: u32) -> &mut Link<'a> {
        self.0.push(Link {
            source,
            target,
            kind,
            status: None,
            role: None,
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

/// The edges, sorted, written as [`Edge`]s one at a time.
struct Edges<'a> {
    links: Vec<Link<'a>>,
    ids: &'a Ids,
}

impl Serialize for Edges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.links.iter().map(|l| Edge {
            kind: l.kind.as_str(),
            role: l.role,
            source: self.ids.name(l.source),
            status: l.status.map(Status::as_str),
            target: self.ids.name(l.target),
        }))
    }
}

/// The id of every page and decision, made once and numbered: pages,
/// meetings first, then decisions.
struct Ids {
    names: Vec<String>,
    /// The place of each id in the order of all ids.
    ranks: Vec<u32>,
    /// The number of each kind's first page, in [`Target`] order.
    starts: [u32; 5],
    decisions: u32,
}

impl Ids {
    fn new(site: &Site) -> Ids {
        let lens = [
            site.meetings.len(),
            site.entities.len(),
            site.topics.len(),
            site.actions.len(),
            site.free_pages.len(),
        ];
        let mut starts = [0; 5];
        for k in 1..starts.len() {
            starts[k] = starts[k - 1] + lens[k - 1] as u32;
        }
        let mut names = Vec::with_capacity(lens.iter().sum::<usize>() + site.decisions.len());
        names.extend(site.targets().map(|t| id(site, t)));
        let decisions = names.len() as u32;
        names.extend(ids(&site.decisions).map(|d| decision_id(site, d)));
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut ranks = vec![0; names.len()];
        for (rank, n) in (0..).zip(order) {
            ranks[n as usize] = rank;
        }
        Ids {
            names,
            ranks,
            starts,
            decisions,
        }
    }

    /// The place of id `n` in the order of all ids: ids are never the same,
    /// so this orders them as their text does.
    fn rank(&self, n: u32) -> u32 {
        self.ranks[n as usize]
    }

    /// The number of a page.
    fn page(&self, t: Target) -> u32 {
        let kind = match t {
            Target::Meeting(_) => 0,
            Target::Entity(_) => 1,
            Target::Topic(_) => 2,
            Target::Action(_) => 3,
            Target::FreePage(_) => 4,
        };
        self.starts[kind] + t.index() as u32
    }

    /// The number of a decision.
    fn decision(&self, d: DecisionId) -> u32 {
        self.decisions + d.index() as u32
    }

    /// The id numbered `n`.
    fn name(&self, n: u32) -> &str {
        &self.names[n as usize]
    }
}

/// The id of a page: `<kind>:<slug>`.
fn id(site: &Site, t: Target) -> String {
    let slug = match t {
        Target::Meeting(i) => site.meetings[i].slug.as_str(),
        Target::Entity(i) => site.entities[i].slug.as_str(),
        Target::Topic(i) => site.topics[i].slug.as_str(),
        Target::Action(i) => site.actions[i].slug.as_str(),
        Target::FreePage(i) => site.free_pages[i].slug.as_str(),
    };
    format!("{}:{slug}", Site::kind_word(t))
}

/// The id of a decision: `decision:<meeting-slug>-<n>`.
fn decision_id(site: &Site, d: DecisionId) -> String {
    let decision = &site.decisions[d];
    let meeting = &site.meetings[decision.meeting].slug;
    format!("decision:{meeting}-{}", decision.number)
}

/// Writes the graph.
pub(super) fn write(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    _: &mut super::Reuse<'_>,
) -> Result<(), String> {
    let ids = Ids::new(ctx.site);
    let mut nodes = nodes(ctx, &ids);
    nodes.sort_by(|a, b| a.id.cmp(b.id));
    let mut links = links(ctx.site, &ids);
    // Equal links are equal in every field: an unstable sort leaves them
    // next to each other all the same, for `dedup`.
    links.sort_unstable_by(|a, b| a.key(&ids).cmp(&b.key(&ids)));
    links.dedup();
    let graph = Graph {
        edges: Edges { links, ids: &ids },
        nodes,
        site: SiteInfo {
            base_url: &ctx.urls.base_url,
            title: &ctx.config.title,
        },
        version: VERSION,
    };
    serde_json::to_writer_pretty(&mut *out, &graph).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| e.to_string())
}

fn nodes<'a>(ctx: &Ctx<'a>, ids: &'a Ids) -> Vec<Node<'a>> {
    let site: &'a Site = ctx.site;
    let page = |t: Target, title: &'a str| Node {
        id: ids.name(ids.page(t)),
        kind: Site::kind_word(t),
        title,
        url: Cow::Borrowed(ctx.path(t)),
        ..Node::default()
    };
    let mut nodes = Vec::with_capacity(ids.names.len());
    for (i, m) in with_ids(&site.meetings) {
        nodes.push(Node {
            date: Some(m.date.iso()),
            draft: m.doc.front.draft,
            location: m.doc.front.location.as_deref(),
            series: m.series.map(|s| site.series[s].name.as_str()),
            ..page(Target::Meeting(i), &m.doc.front.title)
        });
    }
    for (i, e) in with_ids(&site.entities) {
        nodes.push(Node {
            entity_kind: Some(e.kind.as_str()),
            short: e.short.as_deref(),
            stub: Some(e.doc.is_stub()),
            ..page(Target::Entity(i), &e.name)
        });
    }
    for (i, t) in with_ids(&site.topics) {
        nodes.push(Node {
            stub: Some(t.doc.is_stub()),
            ..page(Target::Topic(i), &t.name)
        });
    }
    for (i, a) in with_ids(&site.actions) {
        nodes.push(Node {
            due: a.due.map(|d| d.iso()),
            overdue: Some(a.overdue),
            status: Some(a.status.as_str()),
            ..page(Target::Action(i), &a.text)
        });
    }
    for (d, decision) in with_ids(&site.decisions) {
        let url = format!(
            "{}#q-decision-{}",
            ctx.path(Target::Meeting(decision.meeting)),
            decision.number
        );
        nodes.push(Node {
            id: ids.name(ids.decision(d)),
            kind: "decision",
            title: &decision.text,
            url: Cow::Owned(url),
            ..Node::default()
        });
    }
    for (i, p) in with_ids(&site.free_pages) {
        nodes.push(page(Target::FreePage(i), &p.doc.front.title));
    }
    nodes
}

/// Every link of the site, as found (some twice).
fn links<'a>(site: &'a Site, ids: &Ids) -> Vec<Link<'a>> {
    // Room for every link at once: growing a list this long by doubling
    // would hold up to twice its size.
    let meetings: usize = site
        .meetings
        .iter()
        .map(|m| {
            2 + m.attendees.len()
                + m.entities.len()
                + m.topics.len()
                + m.actions.len()
                + m.decisions.len()
                + m.updates.len()
        })
        .sum();
    let entities: usize = site
        .entities
        .iter()
        .map(|e| 2 + e.actions.len() + e.backlinks.len())
        .sum();
    let topics: usize = site.topics.iter().map(|t| 1 + t.backlinks.len()).sum();
    let actions: usize = site.actions.iter().map(|a| a.topics.len()).sum();
    let decisions: usize = site.decisions.iter().map(|d| d.topics.len()).sum();
    let mut found = Found(Vec::with_capacity(
        meetings + entities + topics + actions + decisions,
    ));
    for (i, m) in with_ids(&site.meetings) {
        let meeting = ids.page(Target::Meeting(i));
        if let Some(c) = m.chair {
            found.add(Kind::Chaired, ids.page(Target::Entity(c)), meeting);
        }
        for a in &m.attendees {
            found
                .add(Kind::Attended, ids.page(Target::Entity(a.entity)), meeting)
                .role = a.role.as_deref();
        }
        for &e in &m.entities {
            found.add(Kind::Involves, meeting, ids.page(Target::Entity(e)));
        }
        for &t in &m.topics {
            found.add(Kind::Topic, meeting, ids.page(Target::Topic(t)));
        }
        for &a in &m.actions {
            found.add(Kind::Decided, meeting, ids.page(Target::Action(a)));
        }
        for &d in &m.decisions {
            found.add(Kind::Decided, meeting, ids.decision(d));
        }
        for u in &m.updates {
            if let Some(a) = u.action {
                found
                    .add(Kind::Updates, meeting, ids.page(Target::Action(a)))
                    .status = u.status;
            }
        }
        if let Some(n) = m.next {
            found.add(Kind::SeriesNext, meeting, ids.page(Target::Meeting(n)));
        }
    }
    for (i, e) in with_ids(&site.entities) {
        let entity = ids.page(Target::Entity(i));
        if let Some(p) = e.parent {
            found.add(Kind::Parent, entity, ids.page(Target::Entity(p)));
        }
        if let Some(a) = e.affiliation {
            found.add(Kind::Affiliation, entity, ids.page(Target::Entity(a)));
        }
        for &a in &e.actions {
            found.add(Kind::Owns, entity, ids.page(Target::Action(a)));
        }
        for from in pages_of(&e.backlinks) {
            found.add(Kind::Mentions, ids.page(from), entity);
        }
    }
    for (i, t) in with_ids(&site.topics) {
        let topic = ids.page(Target::Topic(i));
        if let Some(p) = t.parent {
            found.add(Kind::Parent, topic, ids.page(Target::Topic(p)));
        }
        for from in pages_of(&t.backlinks) {
            found.add(Kind::Mentions, ids.page(from), topic);
        }
    }
    for (i, a) in with_ids(&site.actions) {
        for &t in &a.topics {
            found.add(
                Kind::Topic,
                ids.page(Target::Action(i)),
                ids.page(Target::Topic(t)),
            );
        }
    }
    for (d, decision) in with_ids(&site.decisions) {
        for &t in &decision.topics {
            found.add(Kind::Topic, ids.decision(d), ids.page(Target::Topic(t)));
        }
    }
    found.0
}

/// The pages backlinks are on, each once: a page's backlinks are together.
fn pages_of(backlinks: &[crate::graph::Backlink]) -> impl Iterator<Item = Target> + '_ {
    backlinks
        .iter()
        .enumerate()
        .filter(|&(i, b)| i == 0 || backlinks[i - 1].from != b.from)
        .map(|(_, b)| b.from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails unless the keys of the JSON object `json` are written in order.
    fn assert_sorted<T: Serialize>(value: &T) {
        let json = serde_json::to_string(value).unwrap();
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
        // A serde_json map may iterate sorted whatever the text says: read
        // the order from the text.
        let mut found: Vec<(usize, &String)> = map
            .keys()
            .map(|k| (json.find(&format!("\"{k}\":")).unwrap(), k))
            .collect();
        found.sort();
        let written: Vec<&String> = found.into_iter().map(|(_, k)| k).collect();
        let mut sorted = written.clone();
        sorted.sort();
        assert_eq!(written, sorted, "{json}");
    }

    #[test]
    fn every_object_writes_its_keys_in_order() {
        assert_sorted(&Node {
            date: Some("2006-07".into()),
            draft: true,
            due: Some("2006-09-30".into()),
            entity_kind: Some("person"),
            location: Some("x"),
            overdue: Some(true),
            series: Some("s"),
            short: Some("s"),
            status: Some("open"),
            stub: Some(false),
            ..Node::default()
        });
        assert_sorted(&Edge {
            role: Some("r"),
            status: Some("done"),
            ..Edge::default()
        });
        let site = SiteInfo {
            base_url: "https://x.example/",
            title: "t",
        };
        assert_sorted(&site);
        let ids = Ids {
            names: Vec::new(),
            ranks: Vec::new(),
            starts: [0; 5],
            decisions: 0,
        };
        assert_sorted(&Graph {
            edges: Edges {
                links: Vec::new(),
                ids: &ids,
            },
            nodes: vec![],
            site,
            version: VERSION,
        });
    }
}
