//! Full-text search that works offline: the index the search page reads.
//!
//! Every meeting, entity, topic, action and free page is a document; this
//! module writes, under `search/`, the files `themes/default/static/assets/search.js`
//! looks a query up in. It exists because a site of ten thousand meetings
//! must stay searchable from a plain web server, with one query downloading
//! a few hundred kilobytes at most, and the build must stay fast: the index
//! is sharded by term, what results show is stored in small chunks, and all
//! the ranking arithmetic (BM25) is done here, once.
//!
//! The files (`docs/search.md` is the full reference):
//! - `search/manifest.json`: shard keys, kind and year ranges, the folding
//!   table and stop words the query is split with, the index version;
//! - `search/t/<n>.json`: terms from one key to the next, each with its
//!   encoded postings (see `encode.rs`);
//! - `search/doc/<first>.json`: what results show of a few documents, in
//!   chunks of about 16 KB named by their first document;
//! - `search/filter/topic-<slug>.json`, `search/filter/entity-<slug>.json`:
//!   the documents of a topic or entity, for the filters.
//!
//! The index must never depend on the clock or on the order threads finish
//! in (the same input gives the same bytes), never write outside `search/`,
//! and never hold HTML: titles and texts are plain strings that the script
//! puts on the page as text, never as markup.

mod docs;
mod encode;
mod index;
mod shards;
mod text;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::graph::{ActionId, MeetingId, with_ids};
use crate::hash::Hash;
pub use docs::Kind;
pub use encode::{decode, dequantise};
pub use index::Kept;
pub use text::{STOP_WORDS, query_words};

use crate::diagnostic::Diagnostic;
use crate::graph::Target;
use crate::page::Ctx;
use crate::sink::Sink;
use docs::{KindRange, Layout};

/// The folder of the index, from the site root.
pub const DIR: &str = "search/";

/// About how many bytes a term shard holds.
const SHARD_BYTES: usize = 32 * 1024;

/// About how many bytes a chunk of records holds (a longer record has a
/// chunk of its own): what showing one result costs at most, give or take.
const CHUNK_BYTES: usize = 16 * 1024;

/// Version of the file formats, for `search.js`.
const FORMAT: u32 = 1;

/// The manifest: what the browser loads first.
#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    version: String,
    docs: u32,
    kinds: &'a [KindRange],
    /// The first document of each chunk of records ([`encode::ids`]).
    chunks: String,
    years: Vec<Year>,
    shards: Vec<&'a str>,
    weights: Weights,
    stop: &'a [String],
    fold: &'a BTreeMap<char, String>,
}

#[derive(Serialize)]
struct Year {
    year: i16,
    /// `[start, end)` document ranges: one for meetings, one for actions.
    ranges: Vec<[u32; 2]>,
}

#[derive(Serialize)]
struct Weights {
    min: f32,
    max: f32,
    levels: u8,
}

#[derive(Serialize)]
struct Filter {
    docs: String,
}

/// Writes the search index into `sink`; returns the number of files.
pub fn write(ctx: &Ctx<'_>, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
    write_since(ctx, sink, None).0
}

/// [`write`], taking from `earlier` the documents that read as they did
/// there (told by the versions of this render's graph and its shown
/// digest); returns what the next render can take from this one, when
/// there was an earlier one.
pub fn write_since(
    ctx: &Ctx<'_>,
    sink: &dyn Sink,
    earlier: Option<(&Kept, &crate::graph::Versions, u64)>,
) -> (Result<usize, Vec<Diagnostic>>, Option<Kept>) {
    let layout = Layout::of(ctx.site);
    let (parts, kept) = index::read_all(
        ctx,
        &layout,
        CHUNK_BYTES,
        &|path, bytes| sink.write(path, bytes).map_err(|e| e.to_string()),
        &|path| sink.keep(path),
        earlier,
    );
    (write_parts(ctx, sink, &layout, parts), kept)
}

/// Weighs the parts read and writes the rest of the index.
fn write_parts(
    ctx: &Ctx<'_>,
    sink: &dyn Sink,
    layout: &Layout,
    parts: Vec<std::sync::Arc<index::Part>>,
) -> Result<usize, Vec<Diagnostic>> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut unread: Vec<Diagnostic> = Vec::new();
    let mut hashes: Vec<(u32, u64)> = Vec::new();
    for p in &parts {
        errors.extend(p.errors.iter().cloned());
        unread.extend(p.unread.iter().cloned());
        hashes.extend(p.files.iter().copied());
    }
    hashes.sort_unstable();
    let postings = index::weigh(parts, layout);
    let shards = shards::pack(&postings.terms, SHARD_BYTES);
    // Each file is written as soon as it is made, not held with the others.
    let write = |path: String, bytes: Vec<u8>| {
        let mut h = Hash::default();
        h.write(path.as_bytes());
        h.write(&bytes);
        let error = sink
            .write(&path, &bytes)
            .err()
            .map(|e| (path, e.to_string()));
        (h.0, error)
    };
    let mut written: Vec<(u64, Option<(String, String)>)> = shards
        .par_iter()
        .enumerate()
        .map(|(i, (_, range))| {
            let bytes = shards::shard_json(&postings.terms[range.clone()]);
            write(format!("search/t/{i}.json"), bytes)
        })
        .collect();
    written.par_extend(
        filters(ctx, layout)
            .into_par_iter()
            .map(|(path, bytes)| write(path, bytes)),
    );
    let files = hashes.len() + written.len() + 1;
    let mut version = Hash::default();
    for (n, h) in &hashes {
        version.write(&n.to_le_bytes());
        version.write(&h.to_le_bytes());
    }
    for (h, error) in written {
        version.write(&h.to_le_bytes());
        errors.extend(error);
    }
    let stop = text::Stop::union(languages(ctx, layout));
    // A stop word is folded in a query as in a text, even where no text has its letters.
    let mut fold = postings.folds;
    fold.merge(stop.folds().clone());
    let manifest = Manifest {
        format: FORMAT,
        version: version.short(),
        docs: layout.docs(),
        kinds: &layout.kinds,
        chunks: encode::ids(hashes.iter().map(|(start, _)| *start)),
        years: years(ctx, layout),
        shards: shards.iter().map(|(k, _)| k.as_str()).collect(),
        weights: Weights {
            min: encode::WEIGHT_MIN,
            max: encode::WEIGHT_MAX,
            levels: encode::LEVELS,
        },
        stop: stop.words(),
        fold: &fold.0,
    };
    let path = "search/manifest.json";
    match serde_json::to_vec(&manifest) {
        Ok(bytes) => {
            if let Err(e) = sink.write(path, &bytes) {
                errors.push((path.to_owned(), e.to_string()));
            }
        }
        Err(e) => errors.push((path.to_owned(), e.to_string())),
    }
    if errors.is_empty() && unread.is_empty() {
        Ok(files)
    } else {
        unread.extend(errors.into_iter().map(|(path, e)| {
            Diagnostic::error(
                PathBuf::from(path),
                format!("cannot write the search index: {e}"),
            )
        }));
        Err(unread)
    }
}

/// The language of every document, once each: a query drops the stop
/// words of all of them, as its own language is not known.
fn languages<'a>(ctx: &Ctx<'a>, layout: &Layout) -> std::collections::BTreeSet<&'a str> {
    (0..layout.docs())
        .map(|doc| docs::language(ctx, layout.target(ctx.site, doc)))
        .chain([crate::page::site_language(ctx.config)])
        .map(|l| l.split('-').next().unwrap_or(""))
        .collect()
}

/// The document ranges of each year: meetings and actions, by their date.
fn years(ctx: &Ctx<'_>, layout: &Layout) -> Vec<Year> {
    let site = ctx.site;
    let mut by_year: BTreeMap<i16, Vec<[u32; 2]>> = BTreeMap::new();
    for k in &layout.kinds {
        for doc in k.start..k.end {
            let year = match layout.target(site, doc) {
                Target::Meeting(i) => site.meetings[i].date.year(),
                Target::Action(a) => site.meetings[site.actions[a].meeting].date.year(),
                _ => break,
            };
            let ranges = by_year.entry(year).or_default();
            match ranges.last_mut() {
                Some(r) if r[1] == doc => r[1] = doc + 1,
                _ => ranges.push([doc, doc + 1]),
            }
        }
    }
    by_year
        .into_iter()
        .rev()
        .map(|(year, ranges)| Year { year, ranges })
        .collect()
}

/// The filter files: the documents of each topic and each entity (itself,
/// its meetings and its actions).
fn filters(ctx: &Ctx<'_>, layout: &Layout) -> Vec<(String, Vec<u8>)> {
    let site = ctx.site;
    let file = |name: String, own: Target, meetings: &[MeetingId], actions: &[ActionId]| {
        let mut docs: Vec<u32> = meetings
            .iter()
            .map(|&m| Target::Meeting(m))
            .chain(actions.iter().map(|&a| Target::Action(a)))
            .chain([own])
            .map(|t| layout.doc(site, t))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let json = serde_json::to_vec(&Filter {
            docs: encode::ids(docs),
        })
        .unwrap_or_default();
        (format!("search/filter/{name}.json"), json)
    };
    let topics = with_ids(&site.topics).map(|(i, t)| {
        file(
            format!("topic-{}", t.slug),
            Target::Topic(i),
            &t.meetings,
            &t.actions,
        )
    });
    let entities = with_ids(&site.entities).map(|(i, e)| {
        file(
            format!("entity-{}", e.slug),
            Target::Entity(i),
            &e.meetings,
            &e.actions,
        )
    });
    topics.chain(entities).collect()
}
