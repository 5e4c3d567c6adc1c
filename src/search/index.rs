//! Building the inverted index: terms of every document, gathered in
//! parallel and weighted with BM25 ([`super::shards`] cuts them into files).
//!
//! Each worker takes blocks of documents, writes their records (the files
//! results are shown from) and counts their terms into a map of its own;
//! the maps are then joined in document order, so every posting list comes
//! out sorted without sorting it. Weights are computed once here, so the
//! browser needs neither document lengths nor term counts.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::docs::{Kind, Layout, Record, gather, language};
use super::encode;
use super::text::{Folds, Stop, plain_text, terms};
use crate::diagnostic::Diagnostic;
use crate::graph::{Target, Versions};
use crate::hash::{FastMap, Hash};
use crate::page::Ctx;

/// Characters of a document's text kept for its snippet; the whole text is
/// indexed, but a result never downloads more than this of it.
pub(super) const TEXT_CAP: usize = 32 * 1024;

/// BM25's term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A posting before weighing: document and weighted term frequency.
type Count = (u32, f32);

/// The terms of a run of documents, and what was written for them.
#[derive(Default)]
pub(super) struct Part {
    first: Option<u32>,
    /// The terms met, numbered.
    vocab: Vocab,
    /// By term number: (document, weighted term frequency), by document.
    postings: Vec<Vec<Count>>,
    /// Weighted length of each document of the run.
    lengths: Vec<(u32, f32)>,
    folds: Folds,
    /// (first document, hash of its bytes) of each chunk of records.
    pub files: Vec<(u32, u64)>,
    pub errors: Vec<(String, String)>,
    /// Bodies that could not be read.
    pub unread: Vec<Diagnostic>,
    /// Buffers reused from document to document.
    scratch: Scratch,
}

#[derive(Default)]
struct Scratch {
    word: String,
    /// Frequency of each term number in the document being read.
    tf: Vec<f32>,
    /// Term numbers met in the document being read.
    touched: Vec<u32>,
    record: Record,
    /// The record of the document being read, as JSON.
    one: Vec<u8>,
    /// The chunk being filled, and the document it starts with.
    chunk: Vec<u8>,
    chunk_start: u32,
}

/// The writer of index files, shared by the workers.
pub(super) type Write<'w> = &'w (dyn Fn(&str, &[u8]) -> Result<(), String> + Sync);

/// Says that an index file is as the previous render wrote it.
pub(super) type Keep<'k> = &'k (dyn Fn(&str) + Sync);

/// Documents are read in blocks of this many: the unit of parallel work,
/// and chunks of records never cross a block, so how records are chunked
/// does not depend on how the work was shared out.
const BLOCK: u32 = 64;

/// Blocks are read in runs of this many, a part each: the unit an index
/// kept between renders takes again.
const RUN: u32 = 4;

/// The parts of an earlier index, each with a digest of what its documents
/// were read from: a run whose documents read the same is not read again.
#[derive(Default)]
pub struct Kept {
    runs: HashMap<u32, (u64, Arc<Part>)>,
}

/// Reads every document, writes their records in chunks of about `chunk`
/// bytes through `write`, and returns the parts, in document order. With
/// `earlier`, a run of documents that reads as it did there is taken from
/// it (its files are kept, through `keep`), and what this read can keep for
/// the next is returned.
pub(super) fn read_all(
    ctx: &Ctx<'_>,
    layout: &Layout,
    chunk: usize,
    write: Write<'_>,
    keep: Keep<'_>,
    earlier: Option<(&Kept, &Versions, u64)>,
) -> (Vec<Arc<Part>>, Option<Kept>) {
    let n = layout.docs();
    let run = BLOCK * RUN;
    let runs: Vec<Range<u32>> = (0..n.div_ceil(run))
        .map(|r| r * run..((r + 1) * run).min(n))
        .collect();
    let read: Vec<(u32, Option<u64>, Arc<Part>)> = runs
        .par_iter()
        .with_max_len(1)
        .map(|docs| {
            let digest = earlier
                .map(|(_, versions, shown)| digest(ctx, layout, versions, shown, docs.clone()));
            let known = earlier
                .and_then(|(e, _, _)| e.runs.get(&docs.start))
                .filter(|(was, _)| Some(*was) == digest);
            if let Some((_, part)) = known {
                for (start, _) in &part.files {
                    keep(&chunk_path(*start));
                }
                return (docs.start, digest, part.clone());
            }
            let blocks = (docs.start..docs.end)
                .step_by(BLOCK as usize)
                .map(|b| b..(b + BLOCK).min(docs.end));
            let mut part = Part::default();
            if earlier.is_some() {
                // A rebuild reads again a run or two: its blocks side by
                // side, each a part of its own, joined in their order.
                let read: Vec<Part> = blocks
                    .collect::<Vec<_>>()
                    .into_par_iter()
                    .map(|block| {
                        let mut part = Part::default();
                        read_block(ctx, layout, block, chunk, &mut part, write);
                        part
                    })
                    .collect();
                read.into_iter().for_each(|p| part.append(p));
            } else {
                for block in blocks {
                    read_block(ctx, layout, block, chunk, &mut part, write);
                }
            }
            // What only reading needed.
            part.scratch = Scratch::default();
            part.vocab.ids = FastMap::default();
            (docs.start, digest, Arc::new(part))
        })
        .collect();
    let kept = earlier.map(|_| Kept {
        runs: read
            .iter()
            .filter(|(_, _, p)| p.errors.is_empty() && p.unread.is_empty())
            .filter_map(|(start, digest, p)| Some((*start, ((*digest)?, p.clone()))))
            .collect(),
    });
    let mut parts: Vec<Arc<Part>> = read
        .into_iter()
        .map(|(_, _, p)| p)
        .filter(|p| p.first.is_some())
        .collect();
    parts.sort_by_key(|p| p.first);
    (parts, kept)
}

/// A digest of what the documents `docs` are read from, made of the
/// versions of their pages (docs/architecture.md, "Tracked dependencies"):
/// a meeting's whole version and its series', what an entity's or a
/// topic's file says, an action's version, a free page's; the names and
/// paths of other pages they show are in the site's shown digest `shown`.
/// The headings under which task items are actions decide which braces
/// are text.
fn digest(
    ctx: &Ctx<'_>,
    layout: &Layout,
    versions: &Versions,
    shown: u64,
    docs: Range<u32>,
) -> u64 {
    let site = ctx.site;
    let mut h = Hash::default();
    std::hash::Hash::hash(&ctx.config.conventions.action_items, &mut h);
    h.write_u64(shown);
    for doc in docs {
        h.write_u64(u64::from(doc));
        let t = layout.target(site, doc);
        // The stop words left out: the site's language, or an action's meeting's.
        h.write(language(ctx, t).as_bytes());
        match t {
            Target::Meeting(i) => {
                h.write_u64(versions.meetings[i]);
                if let Some(s) = site.meetings[i].series {
                    h.write_u64(versions.series[s]);
                }
            }
            Target::Entity(i) => h.write_u64(versions.entities_own[i]),
            Target::Topic(i) => h.write_u64(versions.topics_own[i]),
            Target::Action(i) => h.write_u64(versions.actions[i]),
            Target::FreePage(i) => h.write_u64(versions.free_pages[i]),
        }
    }
    h.0
}

/// The file of the chunk of records that starts with document `first`.
fn chunk_path(first: u32) -> String {
    format!("search/doc/{first}.json")
}

fn read_block(
    ctx: &Ctx<'_>,
    layout: &Layout,
    docs: Range<u32>,
    target: usize,
    part: &mut Part,
    write: Write<'_>,
) {
    part.first.get_or_insert(docs.start);
    for doc in docs {
        let mut rec = std::mem::take(&mut part.scratch.record);
        let length = read_doc(ctx, layout, doc, &mut rec, part);
        part.lengths.push((doc, length));
        cap(&mut rec.text, TEXT_CAP);
        let s = &mut part.scratch;
        s.one.clear();
        rec.write_json(&mut s.one);
        part.scratch.record = rec;
        let s = &mut part.scratch;
        if !s.chunk.is_empty() && s.chunk.len() + s.one.len() > target {
            flush(part, write);
        }
        let s = &mut part.scratch;
        if s.chunk.is_empty() {
            s.chunk_start = doc;
            s.chunk.push(b'[');
        } else {
            s.chunk.push(b',');
        }
        s.chunk.extend_from_slice(&s.one);
    }
    flush(part, write);
}

/// Writes the chunk being filled, if any: `search/doc/<first document>.json`.
fn flush(part: &mut Part, write: Write<'_>) {
    let s = &mut part.scratch;
    if s.chunk.is_empty() {
        return;
    }
    s.chunk.push(b']');
    let mut h = Hash::default();
    h.write(&s.chunk);
    part.files.push((s.chunk_start, h.0));
    let path = chunk_path(s.chunk_start);
    if let Err(e) = write(&path, &s.chunk) {
        part.errors.push((path, e));
    }
    s.chunk.clear();
}

/// Gathers one document into `rec` and counts its terms; returns its
/// weighted length.
fn read_doc(ctx: &Ctx<'_>, layout: &Layout, doc: u32, rec: &mut Record, part: &mut Part) -> f32 {
    let Part {
        vocab,
        postings,
        folds,
        scratch,
        unread,
        ..
    } = part;
    let Scratch {
        word, tf, touched, ..
    } = scratch;
    let mut length = 0.0;
    let stop = Stop::of_language(language(ctx, layout.target(ctx.site, doc)));
    let gathered = gather(ctx, layout, doc, rec, plain_text, &mut |text, w| {
        terms(text, stop, word, folds, |t| {
            let id = vocab.id(t);
            if id == postings.len() {
                postings.push(Vec::new());
                tf.push(0.0);
            }
            if tf[id] == 0.0 {
                touched.push(id as u32);
            }
            tf[id] += w;
            length += w;
        });
    });
    unread.extend(gathered.err());
    for &id in touched.iter() {
        postings[id as usize].push((doc, tf[id as usize]));
        tf[id as usize] = 0.0;
    }
    touched.clear();
    length
}

impl Part {
    /// Adds the part read from the documents after this one's: its terms
    /// are numbered after this one's as if read here.
    fn append(&mut self, next: Part) {
        self.first = self.first.or(next.first);
        for (term, list) in next.vocab.terms.iter().zip(next.postings) {
            let id = self.vocab.id(term);
            if id == self.postings.len() {
                self.postings.push(list);
            } else {
                self.postings[id].extend(list);
            }
        }
        self.lengths.extend(next.lengths);
        self.folds.merge(next.folds);
        self.files.extend(next.files);
        self.errors.extend(next.errors);
        self.unread.extend(next.unread);
    }
}

/// The terms of a part, numbered in the order they are met.
#[derive(Default)]
struct Vocab {
    ids: FastMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
}

impl Vocab {
    /// The number of `term`; a new term gets the next one.
    fn id(&mut self, term: &str) -> usize {
        if let Some(&id) = self.ids.get(term) {
            return id as usize;
        }
        let id = self.terms.len();
        self.ids.insert(term.into(), id as u32);
        self.terms.push(term.into());
        id
    }
}

/// Cuts `text` to at most `max` bytes, at a character boundary.
fn cap(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
}

/// Every term with its encoded postings, sorted by term.
pub(super) struct Postings {
    pub terms: Vec<(Box<str>, String)>,
    pub folds: Folds,
}

/// Joins the parts and weighs every posting.
pub(super) fn weigh(parts: Vec<Arc<Part>>, layout: &Layout) -> Postings {
    let n = layout.docs() as usize;
    let mut lengths = vec![0.0f32; n];
    let mut folds = Folds::default();
    // Each term's postings are read where they are, part after part (in
    // the order of their documents), not copied together first.
    let mut all: FastMap<&str, Vec<&[Count]>> = FastMap::default();
    for part in &parts {
        for &(doc, l) in &part.lengths {
            lengths[doc as usize] = l;
        }
        folds.merge_from(&part.folds);
        for (term, list) in part.vocab.terms.iter().zip(&part.postings) {
            all.entry(term).or_default().push(list);
        }
    }
    let kinds: Vec<(Kind, Range<u32>, f32)> = layout
        .kinds
        .iter()
        .map(|k| {
            let r = k.start as usize..k.end as usize;
            let avg = lengths[r.clone()].iter().sum::<f32>() / r.len().max(1) as f32;
            (k.kind, k.start..k.end, avg.max(1.0))
        })
        .collect();
    let mut terms: Vec<(&str, Vec<&[Count]>)> = all.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let terms = terms
        .into_par_iter()
        .map(|(term, lists)| {
            let df = lists.iter().map(|l| l.len()).sum::<usize>() as f32;
            let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
            let mut out = String::with_capacity(df as usize * 2);
            let mut k = 0;
            encode::postings(
                &mut out,
                lists.iter().flat_map(|l| l.iter()).map(|&(doc, tf)| {
                    while !kinds[k].1.contains(&doc) {
                        k += 1;
                    }
                    let (kind, _, avg) = kinds[k];
                    let norm = K1 * (1.0 - B + B * lengths[doc as usize] / avg);
                    let w = idf * tf * (K1 + 1.0) / (tf + norm) * kind.boost();
                    (doc, encode::quantise(w))
                }),
            );
            (Box::from(term), out)
        })
        .collect();
    Postings { terms, folds }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_numbered_once_short_or_long() {
        let mut v = Vocab::default();
        let long = "a".repeat(17);
        assert_eq!(v.id("budget"), 0);
        assert_eq!(v.id(&long), 1);
        assert_eq!(v.id("budgets"), 2);
        assert_eq!(v.id("budget"), 0);
        assert_eq!(v.id(&long), 1);
        assert_eq!(v.id("sixteen-letters!"), 3);
        assert_eq!(v.terms.len(), 4);
        // Past the first growth, every term keeps its number.
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let ids: Vec<usize> = words.iter().map(|w| v.id(w)).collect();
        assert_eq!(ids, (4..5004).collect::<Vec<_>>());
        assert!(words.iter().zip(&ids).all(|(w, &id)| v.id(w) == id));
        assert_eq!(&*v.terms[4], "w0");
    }

    #[test]
    fn long_texts_are_cut_at_a_character_boundary() {
        let mut s = "é".repeat(10);
        cap(&mut s, 5);
        assert_eq!(s, "éé…");
        let mut short = "abc".to_owned();
        cap(&mut short, 5);
        assert_eq!(short, "abc");
    }
}
