//! Derived views of the graph: who attended and owns what, which meetings a
//! topic came up in, the hierarchies, series, and what goes together.

use std::collections::HashMap;

use super::index::fold;
use super::{Series, Site};
use crate::model::slug::Slug;

/// Fills every derived list of the site. Lists are sorted so the output is
/// the same on every run.
pub fn tally(site: &mut Site) {
    involve(site);
    hierarchy(site);
    series(site);
    meetings_of(site);
    together(site);
}

/// A meeting involves its chair, attendees, listed and mentioned entities and
/// the owners of its actions; its topics include those of its actions and decisions.
fn involve(site: &mut Site) {
    for m in &mut site.meetings {
        let mut entities = m.entities.clone();
        entities.extend(m.chair);
        entities.extend(m.attendees.iter().map(|a| a.entity));
        for &a in &m.actions {
            entities.extend(site.actions[a].owners.iter().copied());
            m.topics.extend(site.actions[a].topics.iter().copied());
        }
        for &d in &m.decisions {
            m.topics.extend(site.decisions[d].topics.iter().copied());
        }
        entities.sort_by(|a, b| site.entities[*a].slug.cmp(&site.entities[*b].slug));
        entities.dedup();
        m.entities = entities;
        let mut seen = std::collections::HashSet::new();
        m.topics.retain(|t| seen.insert(*t));
    }
}

fn hierarchy(site: &mut Site) {
    for i in 0..site.entities.len() {
        if let Some(p) = site.entities[i].parent {
            site.entities[p].children.push(i);
        }
        if let Some(a) = site.entities[i].affiliation {
            site.entities[a].members.push(i);
        }
    }
    for i in 0..site.topics.len() {
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
        e.children.sort_by(|a, b| names[*a].cmp(&names[*b]));
        e.members.sort_by(|a, b| names[*a].cmp(&names[*b]));
    }
    let names: Vec<String> = site.topics.iter().map(|t| t.name.to_lowercase()).collect();
    for t in &mut site.topics {
        t.children.sort_by(|a, b| names[*a].cmp(&names[*b]));
    }
}

fn series(site: &mut Site) {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for mi in 0..site.meetings.len() {
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
            site.series.len() - 1
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
    for (mi, m) in site.meetings.iter().enumerate() {
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
    for (ai, a) in site.actions.iter().enumerate() {
        for &o in &a.owners {
            site.entities[o].actions.push(ai);
        }
        for &t in &a.topics {
            site.topics[t].actions.push(ai);
        }
    }
    for (di, d) in site.decisions.iter().enumerate() {
        for &t in &d.topics {
            site.topics[t].decisions.push(di);
        }
    }
}

/// How many meetings each pair of entities, and each entity and topic, share.
/// Each entity counts over its own meetings, in parallel, into rows as long
/// as the lists of entities and topics.
fn together(site: &mut Site) {
    use rayon::prelude::*;
    const KEEP: usize = 10;
    let entity_names: Vec<String> = site
        .entities
        .iter()
        .map(|e| e.name.to_lowercase())
        .collect();
    let topic_names: Vec<String> = site.topics.iter().map(|t| t.name.to_lowercase()).collect();
    let top = |mut v: Counts, names: &[String]| {
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| names[a.0].cmp(&names[b.0])));
        v.truncate(KEEP);
        v
    };
    let (n_entities, n_topics) = (site.entities.len(), site.topics.len());
    let counted: Vec<(Counts, Counts)> = (0..n_entities)
        .into_par_iter()
        .with_max_len(1)
        .map_init(
            || (Row::new(n_entities), Row::new(n_topics)),
            |(with_entity, with_topic), a| {
                for &m in &site.entities[a].meetings {
                    let m = &site.meetings[m];
                    for &b in m.entities.iter().filter(|&&b| b != a) {
                        with_entity.add(b);
                    }
                    for &t in &m.topics {
                        with_topic.add(t);
                    }
                }
                (with_entity.drain(), with_topic.drain())
            },
        )
        .collect();
    let mut entities: Vec<Counts> = vec![Vec::new(); n_topics];
    for (a, (_, topics)) in counted.iter().enumerate() {
        for &(t, n) in topics {
            entities[t].push((a, n));
        }
    }
    for (e, (related, topics)) in site.entities.iter_mut().zip(counted) {
        e.related = top(related, &entity_names);
        e.topics = top(topics, &topic_names);
    }
    for (t, es) in site.topics.iter_mut().zip(entities) {
        t.entities = top(es, &entity_names);
    }
}

/// (index, count) pairs.
type Counts = Vec<(usize, usize)>;

/// Counts by index, reused from one entity to the next: only the indexes
/// counted are visited again, so a row costs what was put in it.
struct Row {
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Row {
    fn new(len: usize) -> Row {
        Row {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, i: usize) {
        if self.counts[i] == 0 {
            self.touched.push(i);
        }
        self.counts[i] += 1;
    }

    /// The counts as (index, count) by index; the row is left empty.
    fn drain(&mut self) -> Counts {
        self.touched.sort_unstable();
        self.touched
            .drain(..)
            .map(|i| (i, std::mem::take(&mut self.counts[i])))
            .collect()
    }
}
