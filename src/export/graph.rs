//! `graph.json`: the whole knowledge graph, for other tools to draw or query.
//!
//! Nodes are the meetings, entities, topics, actions, decisions and free
//! pages; edges say how they are linked (attended, owns, mentions, …).
//! `docs/graph.md` is the schema. The output is deterministic: object keys
//! come in alphabetical order (the structs below declare their fields so),
//! nodes are sorted by id and edges by source, kind and target. Field order
//! in these structs is part of the format: never reorder them.

use std::io::Write;

use serde::Serialize;

use crate::graph::{PerTarget, Site, Target};
use crate::render::context::Ctx;

/// The version of the schema in `docs/graph.md`.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Graph<'a> {
    edges: Vec<Edge<'a>>,
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
    id: String,
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
    url: String,
}

/// A link between two nodes, by their ids.
#[derive(Serialize, PartialEq, Eq, Default)]
struct Edge<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    target: &'a str,
}

/// The id of every page and decision, made once: edges borrow them.
struct Ids {
    pages: PerTarget<String>,
    decisions: Vec<String>,
}

impl Ids {
    fn new(site: &Site) -> Ids {
        Ids {
            pages: PerTarget::new(site, |t| id(site, t)),
            decisions: (0..site.decisions.len())
                .map(|d| decision_id(site, d))
                .collect(),
        }
    }

    fn get(&self, t: Target) -> &str {
        self.pages.get(t)
    }

    fn decision(&self, d: usize) -> &str {
        &self.decisions[d]
    }
}

/// The id of a page: `<kind>:<slug>`.
fn id(site: &Site, t: Target) -> String {
    let slug = match t {
        Target::Meeting(i) => site.meetings[i].slug.as_str(),
        Target::Entity(i) => site.entities[i].slug.as_str(),
        Target::Topic(i) => site.topics[i].slug.as_str(),
        Target::Action(i) => site.actions[i].slug.as_str(),
        Target::Page(i) => site.pages[i].slug.as_str(),
    };
    format!("{}:{slug}", Site::kind_word(t))
}

/// The id of a decision: `decision:<meeting-slug>-<n>`.
fn decision_id(site: &Site, d: usize) -> String {
    let decision = &site.decisions[d];
    let meeting = &site.meetings[decision.meeting].slug;
    format!("decision:{meeting}-{}", decision.number)
}

/// Writes the graph.
pub fn write(ctx: &Ctx<'_>, out: &mut dyn Write) -> Result<(), String> {
    let mut nodes = nodes(ctx);
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let ids = Ids::new(ctx.site);
    let mut edges = edges(ctx.site, &ids);
    edges.sort_by(|a, b| {
        (&a.source, a.kind, &a.target, &a.role, a.status)
            .cmp(&(&b.source, b.kind, &b.target, &b.role, b.status))
    });
    edges.dedup();
    let graph = Graph {
        edges,
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

fn nodes<'a>(ctx: &Ctx<'a>) -> Vec<Node<'a>> {
    let site: &'a Site = ctx.site;
    let page = |t: Target, title: &'a str| Node {
        id: id(site, t),
        kind: Site::kind_word(t),
        title,
        url: ctx.path(t).to_owned(),
        ..Node::default()
    };
    let mut nodes = Vec::new();
    for (i, m) in site.meetings.iter().enumerate() {
        nodes.push(Node {
            date: Some(m.date.iso()),
            draft: m.doc.front.draft,
            location: m.doc.front.location.as_deref(),
            series: m.series.map(|s| site.series[s].name.as_str()),
            ..page(Target::Meeting(i), &m.doc.front.title)
        });
    }
    for (i, e) in site.entities.iter().enumerate() {
        nodes.push(Node {
            entity_kind: Some(e.kind.as_str()),
            short: e.short.as_deref(),
            stub: Some(e.doc.is_none()),
            ..page(Target::Entity(i), &e.name)
        });
    }
    for (i, t) in site.topics.iter().enumerate() {
        nodes.push(Node {
            stub: Some(t.doc.is_none()),
            ..page(Target::Topic(i), &t.name)
        });
    }
    for (i, a) in site.actions.iter().enumerate() {
        nodes.push(Node {
            due: a.due.map(|d| d.iso()),
            overdue: Some(a.overdue),
            status: Some(a.status.as_str()),
            ..page(Target::Action(i), &a.text)
        });
    }
    for (d, decision) in site.decisions.iter().enumerate() {
        let url = format!(
            "{}#q-decision-{}",
            ctx.path(Target::Meeting(decision.meeting)),
            decision.number
        );
        nodes.push(Node {
            id: decision_id(site, d),
            kind: "decision",
            title: &decision.text,
            url,
            ..Node::default()
        });
    }
    for (i, p) in site.pages.iter().enumerate() {
        nodes.push(page(Target::Page(i), &p.doc.front.title));
    }
    nodes
}

/// Edges as they are found.
#[derive(Default)]
struct Edges<'a>(Vec<Edge<'a>>);

impl<'a> Edges<'a> {
    fn add(&mut self, kind: &'static str, source: &'a str, target: &'a str) -> &mut Edge<'a> {
        self.0.push(Edge {
            kind,
            source,
            target,
            ..Edge::default()
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

fn edges<'a>(site: &'a Site, ids: &'a Ids) -> Vec<Edge<'a>> {
    let mut edges = Edges::default();
    for (i, m) in site.meetings.iter().enumerate() {
        let meeting = ids.get(Target::Meeting(i));
        if let Some(c) = m.chair {
            edges.add("chaired", ids.get(Target::Entity(c)), meeting);
        }
        for a in &m.attendees {
            edges
                .add("attended", ids.get(Target::Entity(a.entity)), meeting)
                .role = a.role.as_deref();
        }
        for &e in &m.entities {
            edges.add("involves", meeting, ids.get(Target::Entity(e)));
        }
        for &t in &m.topics {
            edges.add("topic", meeting, ids.get(Target::Topic(t)));
        }
        for &a in &m.actions {
            edges.add("decided", meeting, ids.get(Target::Action(a)));
        }
        for &d in &m.decisions {
            edges.add("decided", meeting, ids.decision(d));
        }
        for u in &m.updates {
            if let Some(a) = u.action {
                edges
                    .add("updates", meeting, ids.get(Target::Action(a)))
                    .status = u.status.map(|s| s.as_str());
            }
        }
        if let Some(n) = m.next {
            edges.add("series-next", meeting, ids.get(Target::Meeting(n)));
        }
    }
    for (i, e) in site.entities.iter().enumerate() {
        let entity = ids.get(Target::Entity(i));
        if let Some(p) = e.parent {
            edges.add("parent", entity, ids.get(Target::Entity(p)));
        }
        if let Some(a) = e.affiliation {
            edges.add("affiliation", entity, ids.get(Target::Entity(a)));
        }
        for &a in &e.actions {
            edges.add("owns", entity, ids.get(Target::Action(a)));
        }
        for b in &e.backlinks {
            edges.add("mentions", ids.get(b.from), entity);
        }
    }
    for (i, t) in site.topics.iter().enumerate() {
        let topic = ids.get(Target::Topic(i));
        if let Some(p) = t.parent {
            edges.add("parent", topic, ids.get(Target::Topic(p)));
        }
        for b in &t.backlinks {
            edges.add("mentions", ids.get(b.from), topic);
        }
    }
    for (i, a) in site.actions.iter().enumerate() {
        for &t in &a.topics {
            edges.add(
                "topic",
                ids.get(Target::Action(i)),
                ids.get(Target::Topic(t)),
            );
        }
    }
    for (d, decision) in site.decisions.iter().enumerate() {
        for &t in &decision.topics {
            edges.add("topic", ids.decision(d), ids.get(Target::Topic(t)));
        }
    }
    edges.0
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
        assert_sorted(&Graph {
            edges: vec![],
            nodes: vec![],
            site,
            version: VERSION,
        });
    }
}
