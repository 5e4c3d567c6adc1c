//! The graphs relationship maps draw: what is around an entity or a topic,
//! and the main entities and topics of the whole site.
//!
//! An entity's neighbours are the entities it meets most often
//! (`Entity::related`), the topics of its meetings (`Entity::topics`) and
//! the co-owners of its actions; a topic's are the entities most involved
//! (`Topic::entities`), the owners of its actions, and the topics that come
//! up in the same meetings. Neighbours are ranked by how much they share,
//! then by name, and links between two neighbours are drawn too. The work
//! is bounded by the lists the graph keeps (ten per kind) and by the
//! meetings and actions of the one page: never the whole site per page.
//!
//! Each map is drawn for a wide screen and for a phone ([`Picture`]): a
//! page's map shows the same neighbours at both sizes; the site map shows
//! half as many topics and entities on a phone.
//!
//! It must never depend on anything but the graph, and must rank with a
//! total order (weight, name, index) so that ties cannot flip between builds.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::map::{self, Edge, Graph, Labels, Node};
use super::{Href, Picture};
use crate::graph::{EntityId, Site, Target, TopicId, with_ids};
use crate::i18n::{Arg, Strings};

/// The most neighbours a page's map shows: six on the inner ring, twelve
/// on the outer one.
pub(crate) const NEIGHBOURS: usize = 18;
/// Neighbours on the inner ring; the next ring holds twice as many.
const FIRST_RING: usize = 6;
/// The site map: this many topics (inner ring) and entities (outer ring),
/// those with the most meetings.
pub(crate) const SITE_TOPICS: usize = 12;
pub(crate) const SITE_ENTITIES: usize = 24;
/// Links drawn from each entity on the site map.
const SITE_LINKS: usize = 3;

/// The size of a page's map, and the room of its labels: for a wide
/// screen, and for a phone (shown at about its own size).
const WIDE: (f64, f64, Labels) = (720.0, 490.0, labels(20, 3));
const SMALL: (f64, f64, Labels) = (360.0, 530.0, labels(12, 3));
/// The same for the site map.
const SITE_WIDE: (f64, f64, Labels) = (960.0, 670.0, labels(16, 3));
const SITE_SMALL: (f64, f64, Labels) = (360.0, 570.0, labels(12, 3));

const fn labels(chars: usize, lines: usize) -> Labels {
    Labels { chars, lines }
}

/// What a neighbour shares with the centre.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Ties {
    meetings: usize,
    actions: usize,
}

impl Ties {
    fn weight(self) -> usize {
        self.meetings + self.actions
    }
}

/// A node for page `t` (entity or topic).
fn node(site: &Site, t: Target, note: &str, weight: usize, href: &Href, s: &Strings) -> Node {
    let (label, name, kind, kind_label) = match t {
        Target::Entity(i) => {
            let e = &site.entities[i];
            (e.display_name(), &e.name, e.kind.as_str(), s.kind(e.kind))
        }
        Target::Topic(i) => {
            let topic = &site.topics[i];
            (
                topic.name.as_str(),
                &topic.name,
                "topic",
                s.get("key_topic"),
            )
        }
        other => (site.title(other), &String::new(), "other", s.get("pages")),
    };
    let title = if note.is_empty() {
        format!("{name} ({kind_label})")
    } else {
        format!("{name} ({kind_label}) — {note}")
    };
    Node {
        label: label.to_owned(),
        title,
        kind,
        href: href(t),
        weight: weight as f64,
    }
}

/// The relationship map of entity `e`.
pub(crate) fn of_entity(site: &Site, e: EntityId, href: &Href, s: &Strings) -> Picture {
    let ent = &site.entities[e];
    let mut ties: BTreeMap<Target, Ties> = BTreeMap::new();
    for &(r, n) in &ent.related {
        ties.entry(Target::Entity(r)).or_default().meetings += n;
    }
    for &(t, n) in &ent.topics {
        ties.entry(Target::Topic(t)).or_default().meetings += n;
    }
    for &a in &ent.actions {
        for &o in &site.actions[a].owners {
            ties.entry(Target::Entity(o)).or_default().actions += 1;
        }
    }
    let label = s.format("map_of", &[("name", Arg::Text(&ent.name))]);
    let words = Words {
        actions: "n_shared_actions",
        strings: s,
    };
    around(site, Target::Entity(e), ties, &words, href, &label)
}

/// The relationship map of topic `t`.
pub(crate) fn of_topic(site: &Site, t: TopicId, href: &Href, s: &Strings) -> Picture {
    let topic = &site.topics[t];
    let mut ties: BTreeMap<Target, Ties> = BTreeMap::new();
    for &(e, n) in &topic.entities {
        ties.entry(Target::Entity(e)).or_default().meetings += n;
    }
    for &a in &topic.actions {
        for &o in &site.actions[a].owners {
            ties.entry(Target::Entity(o)).or_default().actions += 1;
        }
    }
    let mut together: HashMap<TopicId, usize> = HashMap::new();
    for &m in &topic.meetings {
        for &other in &site.meetings[m].topics {
            if other != t {
                *together.entry(other).or_default() += 1;
            }
        }
    }
    let mut together: Vec<(TopicId, usize)> = together.into_iter().collect();
    together.sort_by_key(|&(o, n)| (Reverse(n), o));
    for (o, n) in together.into_iter().take(FIRST_RING) {
        ties.entry(Target::Topic(o)).or_default().meetings += n;
    }
    let label = s.format("map_of", &[("name", Arg::Text(&topic.name))]);
    let words = Words {
        actions: "n_actions_owned",
        strings: s,
    };
    around(site, Target::Topic(t), ties, &words, href, &label)
}

/// The words a relationship map writes: the strings, and the id of the
/// count of actions its centre shares with a neighbour.
struct Words<'s> {
    actions: &'static str,
    strings: &'s Strings,
}

/// Ranks `ties` and draws them around `centre`.
fn around(
    site: &Site,
    centre: Target,
    ties: BTreeMap<Target, Ties>,
    words: &Words<'_>,
    href: &Href,
    label: &str,
) -> Picture {
    let s = words.strings;
    let mut list: Vec<(Target, Ties)> = ties.into_iter().filter(|(t, _)| *t != centre).collect();
    if list.is_empty() {
        return Picture::default();
    }
    list.sort_by_cached_key(|(t, w)| (Reverse(w.weight()), site.title(*t).to_lowercase(), *t));
    list.truncate(NEIGHBOURS);
    let mut graph = Graph::default();
    graph
        .nodes
        .push(node(site, centre, s.get("this_page"), 0, href, s));
    let mut index: HashMap<Target, usize> = HashMap::new();
    for (t, w) in &list {
        let mut notes = Vec::new();
        if w.meetings > 0 {
            notes.push(s.count("n_meetings_together", w.meetings));
        }
        if w.actions > 0 {
            notes.push(s.count(words.actions, w.actions));
        }
        index.insert(*t, graph.nodes.len());
        graph.edges.push(Edge {
            a: 0,
            b: graph.nodes.len(),
            weight: w.weight() as f64,
            weak: false,
        });
        graph
            .nodes
            .push(node(site, *t, &notes.join(" · "), w.weight(), href, s));
    }
    let mut weak = between(site, &list, &index);
    weak.truncate(list.len() / 2);
    graph.edges.extend(weak);
    let rings = map::rings_around(graph.nodes.len(), FIRST_RING);
    let label = s.format(
        "map_label",
        &[
            ("map", Arg::Text(label)),
            ("pages", Arg::Text(&s.count("n_pages", list.len()))),
        ],
    );
    let draw = |(width, height, labels): (f64, f64, Labels), class: &str| {
        let layout = map::layout(graph.nodes.len(), Some(0), &rings, width, height, labels);
        map::draw(&graph, &layout, class, &label)
    };
    Picture {
        wide: draw(WIDE, "q-viz q-map"),
        small: draw(SMALL, "q-viz q-map q-viz--small"),
        key: map::key(&graph),
    }
}

/// Links between neighbours (entities that meet, entities and their
/// topics), strongest first.
fn between(site: &Site, list: &[(Target, Ties)], index: &HashMap<Target, usize>) -> Vec<Edge> {
    let mut seen = BTreeSet::new();
    let mut edges = Vec::new();
    for (t, _) in list {
        let Target::Entity(e) = *t else { continue };
        let ent = &site.entities[e];
        let others = ent
            .related
            .iter()
            .map(|&(r, n)| (Target::Entity(r), n))
            .chain(ent.topics.iter().map(|&(o, n)| (Target::Topic(o), n)));
        for (other, n) in others {
            let (Some(&a), Some(&b)) = (index.get(t), index.get(&other)) else {
                continue;
            };
            if a != b && seen.insert((a.min(b), a.max(b))) {
                edges.push(Edge {
                    a: a.min(b),
                    b: a.max(b),
                    weight: n as f64,
                    weak: true,
                });
            }
        }
    }
    edges.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    edges
}

/// The topics and entities of the site map: those with the most meetings
/// (at least one), then by name.
pub(crate) fn main_pages(site: &Site) -> (Vec<TopicId>, Vec<EntityId>) {
    let mut topics = busiest(
        &site.topics,
        |t| t.meetings.len(),
        |t| t.name.to_lowercase(),
    );
    topics.truncate(SITE_TOPICS);
    let mut entities = busiest(
        &site.entities,
        |e| e.meetings.len(),
        |e| e.name.to_lowercase(),
    );
    entities.truncate(SITE_ENTITIES);
    (topics, entities)
}

/// The nodes of `list` with at least one meeting: the most meetings first,
/// then by name.
fn busiest<T: crate::graph::Node>(
    list: &[T],
    meetings: impl Fn(&T) -> usize,
    name: impl Fn(&T) -> String,
) -> Vec<T::Id> {
    let mut found: Vec<(T::Id, &T)> = with_ids(list).filter(|(_, n)| meetings(n) > 0).collect();
    found.sort_by_cached_key(|&(i, n)| (Reverse(meetings(n)), name(n), i));
    found.into_iter().map(|(i, _)| i).collect()
}

/// The map of the whole site: the [`SITE_TOPICS`] topics and
/// [`SITE_ENTITIES`] entities with the most meetings, each entity linked to
/// its strongest ties among them; on a phone, half as many. Empty when
/// there is nothing to draw.
pub(crate) fn of_site(site: &Site, href: &Href, s: &Strings) -> Picture {
    let (topics, entities) = main_pages(site);
    if topics.is_empty() && entities.is_empty() {
        return Picture::default();
    }
    let graph = site_graph(site, &topics, &entities, href, s);
    let small = site_graph(
        site,
        &topics[..topics.len().min(SITE_TOPICS / 2)],
        &entities[..entities.len().min(SITE_ENTITIES / 2)],
        href,
        s,
    );
    Picture {
        wide: draw_site(&graph, SITE_WIDE, "q-viz q-map q-map--site", s),
        small: draw_site(
            &small,
            SITE_SMALL,
            "q-viz q-map q-map--site q-viz--small",
            s,
        ),
        key: map::key(&graph.0),
    }
}

/// The site map's graph of `topics` and `entities`, with how many of each.
fn site_graph(
    site: &Site,
    topics: &[TopicId],
    entities: &[EntityId],
    href: &Href,
    s: &Strings,
) -> (Graph, usize, usize) {
    let targets: Vec<Target> = topics
        .iter()
        .map(|&t| Target::Topic(t))
        .chain(entities.iter().map(|&e| Target::Entity(e)))
        .collect();
    let index: HashMap<Target, usize> = targets.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let mut graph = Graph::default();
    for t in &targets {
        let meetings = match *t {
            Target::Topic(i) => site.topics[i].meetings.len(),
            Target::Entity(i) => site.entities[i].meetings.len(),
            _ => 0,
        };
        let note = s.count("n_meetings", meetings);
        graph.nodes.push(node(site, *t, &note, meetings, href, s));
    }
    let mut seen = BTreeSet::new();
    for &e in entities {
        let ent = &site.entities[e];
        let mut ties: Vec<(usize, usize)> = ent
            .topics
            .iter()
            .map(|&(t, n)| (Target::Topic(t), n))
            .chain(ent.related.iter().map(|&(r, n)| (Target::Entity(r), n)))
            .filter_map(|(t, n)| index.get(&t).map(|&i| (i, n)))
            .collect();
        ties.sort_by_key(|&(i, n)| (Reverse(n), i));
        let a = index[&Target::Entity(e)];
        for (b, n) in ties.into_iter().take(SITE_LINKS) {
            if seen.insert((a.min(b), a.max(b))) {
                graph.edges.push(Edge {
                    a,
                    b,
                    weight: n as f64,
                    weak: false,
                });
            }
        }
    }
    (graph, topics.len(), entities.len())
}

/// Draws the site map's graph: topics on the inner ring, entities on the
/// outer one, each near the topics it meets most.
fn draw_site(
    (graph, topics, entities): &(Graph, usize, usize),
    (width, height, labels): (f64, f64, Labels),
    class: &str,
    s: &Strings,
) -> String {
    let inner: Vec<usize> = (0..*topics).collect();
    let mut outer: Vec<usize> = (*topics..topics + entities).collect();
    map::order_by_inner(graph, &inner, &mut outer);
    let rings: Vec<Vec<usize>> = [inner, outer]
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    let layout = map::layout(graph.nodes.len(), None, &rings, width, height, labels);
    let label = s.format(
        "site_map_label",
        &[
            ("topics", Arg::Number(*topics as f64)),
            ("entities", Arg::Number(*entities as f64)),
        ],
    );
    map::draw(graph, &layout, class, &label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Id;
    use crate::views::svg::tests::elements;
    use crate::views::tests::{entity, site, topic};

    fn fixture() -> Site {
        site(&[
            ("entities/ann.md", "---\nname: Ann <A>\nkind: person\n---\n"),
            ("entities/bob.md", "---\nname: Bob\nkind: person\n---\n"),
            (
                "entities/org.md",
                "---\nname: The Org\nkind: organization\n---\n",
            ),
            ("topics/budget.md", "---\nname: Budget\n---\n"),
            ("topics/roads.md", "---\nname: Roads\n---\n"),
            (
                "meetings/m1.md",
                "---\ntitle: M1\ndate: 2024-01-10\nattendees: [Ann <A>, Bob]\ntopics: [Budget]\nactions:\n  - { owner: [Ann <A>, The Org], text: Do it }\n---\n",
            ),
            (
                "meetings/m2.md",
                "---\ntitle: M2\ndate: 2024-02-10\nattendees: [Ann <A>]\ntopics: [Budget, Roads]\n---\n",
            ),
        ])
    }

    fn href(t: Target) -> String {
        format!("/{t:?}/")
    }

    #[test]
    fn an_entity_is_drawn_with_what_it_shares() {
        let s = fixture();
        let ann = entity(&s, "Ann <A>");
        let picture = of_entity(&s, ann, &href, &Strings::english());
        assert_eq!(
            picture,
            of_entity(&s, ann, &href, &Strings::english()),
            "the same picture every time"
        );
        let svg = picture.wide;
        let names = elements(&svg);
        // Ann in the middle; Budget (2 meetings), then Bob, The Org, Roads.
        assert_eq!(names.iter().filter(|n| *n == "a").count(), 5, "{svg}");
        assert!(
            svg.contains("Budget (topic) — 2 meetings together"),
            "{svg}"
        );
        assert!(
            svg.contains("The Org (organization) — 1 meeting together · 1 shared action"),
            "{svg}"
        );
        assert!(svg.contains("Ann &lt;A&gt; (person) — this page"), "{svg}");
        assert!(!svg.contains("<A>"));
        // Bob and Budget meet too: a weak edge between neighbours.
        assert!(svg.contains("q-map__edge--weak"), "{svg}");
        // The key: the kinds on the map, no body, country or other.
        assert_eq!(
            picture.key.iter().map(|k| k.label).collect::<Vec<_>>(),
            ["topic", "organisation", "person"]
        );
        // On a phone: the same nodes and links, on a narrower picture.
        let small = elements(&picture.small);
        assert_eq!(small.iter().filter(|n| *n == "a").count(), 5);
        assert!(picture.small.contains("viewBox=\"0 0 360 530\""));
    }

    #[test]
    fn a_topic_shows_its_owners_and_companion_topics() {
        let s = fixture();
        let roads = topic(&s, "Roads");
        let svg = of_topic(&s, roads, &href, &Strings::english()).wide;
        assert!(svg.contains("Budget (topic) — 1 meeting together"), "{svg}");
        assert!(svg.contains("Ann &lt;A&gt; (person)"), "{svg}");
        let lonely = site(&[("topics/x.md", "---\nname: X\n---\n")]);
        assert_eq!(
            of_topic(&lonely, TopicId::new(0), &href, &Strings::english()),
            Picture::default()
        );
    }

    #[test]
    fn the_site_map_rings_topics_inside_entities() {
        let s = fixture();
        let picture = of_site(&s, &href, &Strings::english());
        assert_eq!(picture, of_site(&s, &href, &Strings::english()));
        let svg = picture.wide;
        assert!(svg.contains("the 2 topics and 3 entities"), "{svg}");
        assert_eq!(elements(&svg).iter().filter(|n| *n == "a").count(), 5);
        // Up to half as many on a phone: here, as many.
        assert!(
            picture.small.contains("the 2 topics and 3 entities"),
            "{}",
            picture.small
        );
        assert_eq!(
            picture.key.iter().map(|k| k.label).collect::<Vec<_>>(),
            ["topic", "organisation", "person"]
        );
    }
}
