//! Derived views of the graph: who attended and owns what, which meetings a
//! topic came up in, the hierarchies, series, and what goes together.

use std::collections::HashMap;

use rayon::prelude::*;

use super::index::fold;
use super::{EntityId, Id, MeetingId, Series, SeriesId, Site, TopicId, ids, with_ids};
use crate::model::slug::Slug;

/// Fills every derived list of the site. Lists are sorted so the output is
/// the same on every run.
pub(super) fn tally(site: &mut Site) {
    involve(site);
    hierarchy(site);
    series(site);
    meetings_of(site);
    together(site);
}

/// A meeting involves its chair, attendees, listed and mentioned entities and
/// the owners of its actions; its topics include those of its actions and decisions.
fn involve(site: &mut Site) {
    // Entities by slug: each slug is one entity's, so their ranks order
    // them as their slugs do.
    let mut by_slug: Vec<EntityId> = ids(&site.entities).collect();
    by_slug.sort_unstable_by(|a, b| site.entities[*a].slug.cmp(&site.entities[*b].slug));
    let mut rank = vec![0; by_slug.len()];
    for (r, e) in by_slug.into_iter().enumerate() {
        rank[e.index()] = r;
    }
    let (actions, decisions) = (&site.actions, &site.decisions);
    site.meetings.par_iter_mut().for_each(|m| {
        let mut entities = std::mem::take(&mut m.entities);
        entities.extend(m.chair);
        entities.extend(m.attendees.iter().map(|a| a.entity));
        for &a in &m.actions {
            entities.extend(actions[a].owners.iter().copied());
            m.topics.extend(actions[a].topics.iter().copied());
        }
        for &d in &m.decisions {
            m.topics.extend(decisions[d].topics.iter().copied());
        }
        entities.sort_by_key(|e| rank[e.index()]);
        entities.dedup();
        m.entities = entities;
        let mut seen = crate::hash::FastSet::default();
        m.topics.retain(|t| seen.insert(*t));
    });
}

fn hierarchy(site: &mut Site) {
    for i in ids(&site.entities) {
        if let Some(p) = site.entities[i].parent {
            site.entities[p].children.push(i);
        }
        if let Some(a) = site.entities[i].affiliation {
            site.entities[a].members.push(i);
        }
    }
    for i in ids(&site.topics) {
        if let Some(p) = site.topics[i].parent {
            site.topics[p].children.push(i);
        }
    }
    let names: Vec<String> = site
        .entities
        .iter()
        .map(|e| e.name.to_lowercase())
        .collect();
    for e in &mut site.entities {
        e.children
            .sort_by(|a, b| names[a.index()].cmp(&names[b.index()]));
        e.members
            .sort_by(|a, b| names[a.index()].cmp(&names[b.index()]));
    }
    let names: Vec<String> = site.topics.iter().map(|t| t.name.to_lowercase()).collect();
    for t in &mut site.topics {
        t.children
            .sort_by(|a, b| names[a.index()].cmp(&names[b.index()]));
    }
}

fn series(site: &mut Site) {
    let mut by_name: HashMap<String, SeriesId> = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for mi in ids(&site.meetings) {
        let Some(name) = site.meetings[mi].doc.front.series.as_deref().map(str::trim) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let s = *by_name.entry(fold(name)).or_insert_with(|| {
            let base = Slug::from_name(name);
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = base.with_suffix(n);
                n += 1;
            }
            site.series.push(Series {
                slug,
                name: name.to_owned(),
                meetings: Vec::new(),
            });
            SeriesId::new(site.series.len() - 1)
        });
        site.series[s].meetings.push(mi);
        site.meetings[mi].series = Some(s);
    }
    for s in &site.series {
        for pair in s.meetings.windows(2) {
            site.meetings[pair[0]].next = Some(pair[1]);
            site.meetings[pair[1]].prev = Some(pair[0]);
        }
    }
}

fn meetings_of(site: &mut Site) {
    for (mi, m) in with_ids(&site.meetings) {
        if let Some(c) = m.chair {
            site.entities[c].chaired.push(mi);
        }
        for a in &m.attendees {
            site.entities[a.entity].attended.push((mi, a.role.clone()));
        }
        for &e in &m.entities {
            site.entities[e].meetings.push(mi);
        }
        for &t in &m.topics {
            site.topics[t].meetings.push(mi);
        }
    }
    for (ai, a) in with_ids(&site.actions) {
        for &o in &a.owners {
            site.entities[o].actions.push(ai);
        }
        for &t in &a.topics {
            site.topics[t].actions.push(ai);
        }
    }
    for (di, d) in with_ids(&site.decisions) {
        for &t in &d.topics {
            site.topics[t].decisions.push(di);
        }
    }
}

/// How many meetings each pair of entities, and each entity and topic, share:
/// the ten most for each, ties by name.
///
/// Entities that attended the same meetings have the same counts (but for
/// themselves), so they are counted once, as a group: the 8,000 people of one
/// meeting cost what the meeting is long, not its square.
fn together(site: &mut Site) {
    const KEEP: usize = 10;
    let entity_rank = ranks(site.entities.iter().map(|e| e.name.to_lowercase()));
    let topic_rank = ranks(site.topics.iter().map(|t| t.name.to_lowercase()));
    let mut groups: Vec<Vec<EntityId>> = Vec::new();
    let mut by_meetings: HashMap<&[MeetingId], usize> = HashMap::new();
    for (a, e) in with_ids(&site.entities) {
        let g = *by_meetings.entry(&e.meetings).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(a);
    }
    drop(by_meetings);
    let (n_entities, n_topics) = (site.entities.len(), site.topics.len());
    // For each group: the entities and topics most met, one more entity
    // than kept (a member leaves itself out), and every topic with its count.
    let counted: Vec<(Counts<EntityId>, Counts<TopicId>, Counts<TopicId>)> = groups
        .par_iter()
        .with_max_len(1)
        .map_init(
            || (Row::new(n_entities), Row::new(n_topics)),
            |(with_entity, with_topic), members| {
                for &m in &site.entities[members[0]].meetings {
                    let m = &site.meetings[m];
                    for &b in &m.entities {
                        with_entity.add(b);
                    }
                    for &t in &m.topics {
                        with_topic.add(t);
                    }
                }
                let topics = with_topic.drain();
                (
                    top(with_entity.drain(), KEEP + 1, &entity_rank),
                    top(topics.clone(), KEEP, &topic_rank),
                    topics,
                )
            },
        )
        .collect();
    let mut entities: Vec<Counts<EntityId>> = vec![Vec::new(); n_topics];
    for (members, (related, topics, all_topics)) in groups.iter_mut().zip(counted) {
        for &a in members.iter() {
            let e = &mut site.entities[a];
            e.related = related.iter().copied().filter(|&(b, _)| b != a).collect();
            e.related.truncate(KEEP);
            e.topics = topics.clone();
        }
        // A topic's most involved entities: of a group, all count the
        // same, so only its first by name can be among them.
        members.sort_unstable_by_key(|&a| entity_rank[a.index()]);
        for &(t, n) in &all_topics {
            entities[t.index()].extend(members.iter().take(KEEP).map(|&a| (a, n)));
        }
    }
    for (t, es) in site.topics.iter_mut().zip(entities) {
        t.entities = top(es, KEEP, &entity_rank);
    }
}

/// The place of each name in the order of names (ties by index).
fn ranks(names: impl Iterator<Item = String>) -> Vec<usize> {
    let mut order: Vec<(String, usize)> = names.enumerate().map(|(i, n)| (n, i)).collect();
    order.sort_unstable();
    let mut rank = vec![0; order.len()];
    for (r, (_, i)) in order.into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// The `keep` highest counts, ties by rank, in that order: found in time
/// linear in the counts, then only those sorted.
fn top<I: Id>(mut v: Counts<I>, keep: usize, rank: &[usize]) -> Counts<I> {
    let order = |a: &(I, usize), b: &(I, usize)| {
        b.1.cmp(&a.1)
            .then(rank[a.0.index()].cmp(&rank[b.0.index()]))
    };
    if v.len() > keep {
        v.select_nth_unstable_by(keep, order);
        v.truncate(keep);
    }
    v.sort_unstable_by(order);
    v.shrink_to_fit();
    v
}

/// (id, count) pairs.
type Counts<I> = Vec<(I, usize)>;

/// Counts by id, reused from one entity to the next: only the ids
/// counted are visited again, so a row costs what was put in it.
struct Row<I> {
    counts: Vec<usize>,
    touched: Vec<I>,
}

impl<I: Id> Row<I> {
    fn new(len: usize) -> Row<I> {
        Row {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, i: I) {
        if self.counts[i.index()] == 0 {
            self.touched.push(i);
        }
        self.counts[i.index()] += 1;
    }

    /// The counts as (id, count); the row is left empty.
    fn drain(&mut self) -> Counts<I> {
        self.touched
            .drain(..)
            .map(|i| (i, std::mem::take(&mut self.counts[i.index()])))
            .collect()
    }
}
