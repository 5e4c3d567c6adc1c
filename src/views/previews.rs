//! The data link previews are shown from: a short card per meeting, entity,
//! topic and action, in small JSON files under `previews/`.
//!
//! `assets/preview.js` (in the default theme) shows a card when a link to
//! one of those pages is hovered or focused. It first reads
//! `previews/index.json` (the number of chunks of each kind, a few dozen
//! bytes), then the one chunk that holds the page: `previews/<kind>-<n>.json`,
//! where `n` is the FNV-1a hash (32 bits) of the page's slug modulo the
//! number of chunks. Chunks hold about [`CHUNK_BYTES`] each, so a hover
//! costs a few kilobytes however large the site, and the script needs no
//! list of slugs. A card is a kind line, a title, a one-line summary and a
//! few labelled facts; all plain text, which the script writes as text,
//! never as markup.
//!
//! It must never depend on anything but the graph (same site, same bytes:
//! records are sorted by slug) and never hold paths or HTML: the script
//! builds links from the page it runs on, so previews work under any
//! sub-path and with relative links.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::graph::{ActionId, Id, Node, Reuse, Site, Versions};
use crate::hash::Hash;
use crate::i18n::Strings;
use crate::markdown::truncate_words;
use crate::model::front::Status;

/// The folder of the preview data, from the site root.
pub(crate) const DIR: &str = "previews/";

/// About how many bytes of records a chunk holds.
pub(crate) const CHUNK_BYTES: usize = 12 * 1024;

/// Longest summary, in characters.
const SUMMARY: usize = 180;

/// One card.
#[derive(Debug, Serialize)]
struct Card<'a> {
    /// The kind line (`Meeting · Council`, `Person`, `Action · Overdue`).
    k: String,
    /// The title.
    t: Cow<'a, str>,
    /// A one-line summary.
    #[serde(skip_serializing_if = "String::is_empty")]
    s: String,
    /// Labelled facts.
    f: Vec<(&'a str, String)>,
}

/// The 32-bit FNV-1a hash of `s`, as `preview.js` computes it.
pub(crate) fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The cards of an earlier render, as JSON, by a fingerprint of what each
/// read (for `serve`): a card whose reads are as they were is not made
/// again.
pub(crate) type Cards = crate::graph::Made;

/// Every file of the preview data: `(path, bytes)`, sorted by path,
/// taking from `earlier` the cards whose reads are as they were
/// (told by the versions of this render's graph and its shown digest),
/// and giving the cards of this render when there was an earlier one.
///
/// A card reads, beside the names every page shows: what lists show of
/// its meeting and the meeting's series; the shape and the file of its
/// entity or topic, with the actions it counts; its action.
pub(crate) fn files_since(
    site: &Site,
    t: &Strings,
    earlier: Option<(&Cards, &Versions, u64)>,
) -> (Vec<(String, Vec<u8>)>, Cards) {
    let cache = Cache(Reuse::new(earlier));
    let actions_of = |v: &Versions, h: &mut Hash, list: &[ActionId]| {
        for &a in list {
            h.write_u64(v.actions[a]);
        }
    };
    let kinds: [(&str, Vec<Encoded>); 4] = [
        (
            "meeting",
            cache.encode(
                &site.meetings,
                |m| m.slug.as_str(),
                |i, m, v, h| {
                    h.write_u64(v.listed[i]);
                    if let Some(s) = m.series {
                        h.write_u64(v.series[s]);
                    }
                },
                |m| meeting_card(site, m, t),
            ),
        ),
        (
            "entity",
            cache.encode(
                &site.entities,
                |e| e.slug.as_str(),
                |i, e, v, h| {
                    h.write_u64(v.entities_shape[i]);
                    h.write_u64(v.entities_own[i]);
                    actions_of(v, h, &e.actions);
                },
                |e| entity_card(site, e, t),
            ),
        ),
        (
            "topic",
            cache.encode(
                &site.topics,
                |t| t.slug.as_str(),
                |i, t, v, h| {
                    h.write_u64(v.topics_shape[i]);
                    h.write_u64(v.topics_own[i]);
                    actions_of(v, h, &t.actions);
                },
                |topic| topic_card(site, topic, t),
            ),
        ),
        (
            "action",
            cache.encode(
                &site.actions,
                |a| a.slug.as_str(),
                |i, _, v, h| h.write_u64(v.actions[i]),
                |a| action_card(site, a, t),
            ),
        ),
    ];
    let mut out = Vec::new();
    let mut index = BTreeMap::new();
    for (kind, encoded) in kinds {
        let bytes: usize = encoded.iter().map(|(s, j)| s.len() + j.len() + 4).sum();
        let chunks = bytes.div_ceil(CHUNK_BYTES).max(1);
        let mut parts: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); chunks];
        for (slug, json) in &encoded {
            parts[fnv1a(slug) as usize % chunks].insert(slug, json);
        }
        for (n, part) in parts.iter().enumerate() {
            let mut text = String::from("{");
            for (i, (slug, json)) in part.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                // Slugs are [a-z0-9-]: nothing to escape.
                text.push('"');
                text.push_str(slug);
                text.push_str("\":");
                text.push_str(json);
            }
            text.push('}');
            out.push((format!("{DIR}{kind}-{n}.json"), text.into_bytes()));
        }
        index.insert(kind, chunks);
    }
    let manifest = serde_json::json!({ "format": 1, "chunks": index });
    out.push((
        format!("{DIR}index.json"),
        manifest.to_string().into_bytes(),
    ));
    out.sort();
    (out, cache.0.into_made())
}

/// The cards of an earlier render, and those of this one as they are made.
/// The cards of an earlier render, and those of this one.
struct Cache<'e>(Reuse<'e>);

impl Cache<'_> {
    /// The cards of the nodes of one kind, as JSON: each taken from the
    /// earlier render when what it reads (`key`, of the node's position,
    /// the node and the versions) is as it was there, else made by `make`.
    fn encode<'s, T: Node + Sync>(
        &self,
        list: &'s [T],
        slug: impl Fn(&'s T) -> &'s str + Sync,
        key: impl Fn(T::Id, &T, &Versions, &mut Hash) + Sync,
        make: impl Fn(&'s T) -> Card<'s> + Sync,
    ) -> Vec<Encoded<'s>> {
        list.par_iter()
            .enumerate()
            .map(|(i, node)| {
                let card = self.0.text(
                    |versions, h| {
                        h.write_delimited(std::any::type_name::<T>().as_bytes());
                        key(T::Id::new(i), node, versions, h);
                    },
                    || json(&make(node)),
                );
                (slug(node), card)
            })
            .collect()
    }
}

/// A page's slug and its card as JSON.
type Encoded<'s> = (&'s str, Arc<str>);

/// A card as JSON.
fn json(card: &Card<'_>) -> String {
    serde_json::to_string(card).unwrap_or_else(|_| "{}".into())
}

fn summary(text: &str) -> String {
    truncate_words(
        text.split_whitespace().collect::<Vec<_>>().join(" ").trim(),
        SUMMARY,
    )
}

/// `2 overdue · 3 open · 5 done` for a list of actions.
fn action_counts(site: &Site, list: &[ActionId], t: &Strings) -> String {
    let mut n = [0usize; 4];
    for &a in list {
        let action = &site.actions[a];
        let slot = match action.status {
            _ if action.overdue => 0,
            Status::Open | Status::InProgress => 1,
            Status::Done => 2,
            Status::Dropped => 3,
        };
        n[slot] += 1;
    }
    let parts: Vec<String> = n
        .iter()
        .zip(["n_overdue", "n_open", "n_done", "n_dropped"])
        .filter(|(c, _)| **c > 0)
        .map(|(c, w)| t.count(w, *c))
        .collect();
    parts.join(" · ")
}

fn meeting_card<'s>(site: &'s Site, m: &'s crate::graph::Meeting, t: &'s Strings) -> Card<'s> {
    {
        {
            let mut k = String::from(t.get("meeting"));
            if let Some(s) = m.series {
                k.push_str(" · ");
                k.push_str(&site.series[s].name);
            }
            let mut f = vec![(t.get("date"), m.date.display(t.dates()))];
            if let Some(c) = m.chair {
                f.push((t.get("chair"), site.entities[c].name.clone()));
            }
            if let Some(l) = &m.doc.front.location {
                f.push((t.get("location"), l.clone()));
            }
            f.push((
                t.get("outcome"),
                format!(
                    "{} · {}",
                    t.count("n_actions", m.actions.len()),
                    t.count("n_decisions", m.decisions.len())
                ),
            ));
            Card {
                k,
                t: Cow::Borrowed(&m.doc.front.title),
                s: summary(m.summary()),
                f,
            }
        }
    }
}

fn entity_card<'s>(site: &'s Site, e: &'s crate::graph::Entity, t: &'s Strings) -> Card<'s> {
    {
        {
            let kind = t.kind(e.kind);
            let mut chars = kind.chars();
            let mut k: String = chars
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            k.push_str(chars.as_str());
            if let Some(short) = e.short.as_deref().filter(|s| *s != e.name) {
                k.push_str(" · ");
                k.push_str(short);
            }
            let mut f = Vec::new();
            let role = match (&e.title, e.affiliation) {
                (Some(t), Some(a)) => Some(format!("{t}, {}", site.entities[a].display_name())),
                (Some(t), None) => Some(t.clone()),
                (None, Some(a)) => Some(site.entities[a].name.clone()),
                (None, None) => None,
            };
            f.extend(role.map(|r| (t.get("role"), r)));
            if let Some(p) = e.parent {
                f.push((t.get("part_of"), site.entities[p].name.clone()));
            }
            let mut meetings = e.meetings.len().to_string();
            if !e.chaired.is_empty() {
                meetings.push_str(&format!(" ({})", t.count("chaired_n", e.chaired.len())));
            }
            f.push((t.get("meetings"), meetings));
            if !e.actions.is_empty() {
                f.push((t.get("actions"), action_counts(site, &e.actions, t)));
            }
            let s = match e.doc.file() {
                Some(d) => summary(d.outline.summary()),
                None => t.get("no_page_describes_it").into(),
            };
            Card {
                k,
                t: Cow::Borrowed(&e.name),
                s,
                f,
            }
        }
    }
}

fn topic_card<'s>(site: &'s Site, topic: &'s crate::graph::Topic, t: &'s Strings) -> Card<'s> {
    {
        {
            let mut f = Vec::new();
            if let Some(p) = topic.parent {
                f.push((t.get("part_of"), site.topics[p].name.clone()));
            }
            f.push((t.get("meetings"), topic.meetings.len().to_string()));
            f.push((t.get("decisions"), topic.decisions.len().to_string()));
            if !topic.actions.is_empty() {
                f.push((t.get("actions"), action_counts(site, &topic.actions, t)));
            }
            let s = match topic.doc.file() {
                Some(d) => summary(d.outline.summary()),
                None => t.get("no_page_describes_it").into(),
            };
            Card {
                k: t.get("topic").into(),
                t: Cow::Borrowed(&topic.name),
                s,
                f,
            }
        }
    }
}

fn action_card<'s>(site: &'s Site, a: &'s crate::graph::Action, t: &'s Strings) -> Card<'s> {
    {
        {
            let dates = t.dates();
            let state = if a.overdue {
                t.get("overdue")
            } else {
                t.status(a.status)
            };
            let owners: Vec<&str> = a
                .owners
                .iter()
                .map(|&o| site.entities[o].display_name())
                .collect();
            let meeting = &site.meetings[a.meeting];
            let mut f = vec![
                (
                    t.get(if owners.len() == 1 {
                        "owner_one"
                    } else {
                        "owner_many"
                    }),
                    if owners.is_empty() {
                        "—".into()
                    } else {
                        owners.join(t.get("list_sep"))
                    },
                ),
                (
                    t.get("due"),
                    a.due
                        .map_or_else(|| t.get("no_date").into(), |d| d.display(dates)),
                ),
                (
                    t.get("decided"),
                    format!(
                        "{}, {}",
                        meeting.doc.front.title,
                        meeting.date.display(dates)
                    ),
                ),
            ];
            if let Some(last) = a.history.last() {
                let at = &site.meetings[last.meeting];
                let mut text = at.date.display(dates);
                if let Some(s) = last.status {
                    text = format!("{} ({text})", t.status(s));
                }
                if let Some(n) = &last.note {
                    text.push_str(": ");
                    text.push_str(n);
                }
                f.push((t.get("last_update"), truncate_words(&text, 120)));
            }
            f.push((t.get("id"), a.id.clone()));
            // An action is titled by its text, as its page is; the id is a fact.
            Card {
                k: format!("{} · {state}", t.get("action")),
                t: Cow::Owned(summary(&a.text)),
                s: String::new(),
                f,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::site;

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn every_page_is_in_the_chunk_its_slug_names() {
        let s = site(&[
            (
                "entities/ann.md",
                "---\nname: Ann \"<b>\"\nkind: person\ntitle: Chair\n---\nAnn chairs the \"board\" & more.\n",
            ),
            ("topics/roads.md", "---\nname: Roads\n---\n"),
            (
                "meetings/m1.md",
                "---\ntitle: M1\ndate: 2024-01-10\nseries: S\nchair: Ann \"<b>\"\ntopics: [Roads]\nactions:\n  - { id: fix, owner: Ann \"<b>\", text: Fix the roads, due: 2024-02-01 }\n---\nWe met.\n",
            ),
        ]);
        let files = files_since(&s, &Strings::english(), None).0;
        assert_eq!(
            files,
            files_since(&s, &Strings::english(), None).0,
            "the same bytes every time"
        );
        let get = |p: &str| -> serde_json::Value {
            let (_, b) = files
                .iter()
                .find(|(f, _)| f == p)
                .unwrap_or_else(|| panic!("{p}"));
            serde_json::from_slice(b).unwrap()
        };
        let index = get("previews/index.json");
        for (kind, slug) in [
            ("meeting", "m1"),
            ("entity", "ann"),
            ("topic", "roads"),
            ("action", "fix"),
        ] {
            let n = index["chunks"][kind].as_u64().unwrap() as u32;
            let chunk = get(&format!("previews/{kind}-{}.json", fnv1a(slug) % n));
            assert!(chunk[slug].is_object(), "{kind} {slug}");
        }
        let ann = &get("previews/entity-0.json")["ann"];
        assert_eq!(ann["t"], "Ann \"<b>\"");
        assert_eq!(ann["k"], "Person");
        assert_eq!(ann["s"], "Ann chairs the \"board\" & more.");
        let fix = &get("previews/action-0.json")["fix"];
        assert_eq!(fix["k"], "Action · Overdue");
        assert_eq!(fix["f"][0], serde_json::json!(["Owner", "Ann \"<b>\""]));
        assert_eq!(fix["t"], "Fix the roads");
        assert_eq!(fix["f"][3], serde_json::json!(["Id", "fix"]));
    }
}
