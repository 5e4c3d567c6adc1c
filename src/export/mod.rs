//! The exports: the site's data in formats other programs read.
//!
//! Beside the HTML pages, a build writes an Atom feed of the meetings
//! (`feed.xml`), an iCalendar file of meetings and action due dates
//! (`calendar.ics`), the action register for spreadsheets (`actions.csv`), the
//! whole knowledge graph as JSON (`graph.json`), a sitemap (`sitemap.xml`) and
//! `robots.txt`. Each format has its own file here; this one only hands their
//! bytes to the [`Sink`].
//!
//! Exports must never read the clock, the file system or anything but the
//! resolved [`Site`](crate::graph::Site) and the configuration: the same input
//! and `today` give the same bytes. Every string from front matter is escaped
//! for the format it goes into; nothing here writes files itself.

mod calendar;
mod feed;
mod graph;
mod register;
mod sitemap;
mod xml;

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::graph::{Made, Reuse, Site, Versions};
use crate::hash::Hash;
use crate::page::Ctx;
use crate::sink::Sink;

/// Writes one export into the writer it is given.
/// The calendar takes its entries from an earlier render ([`Reuse`]).
type Export = fn(&Ctx<'_>, &mut dyn Write, &mut Reuse<'_>) -> Result<(), String>;

/// What the exports keep from one render to the next (for `serve`).
#[derive(Debug, Default)]
pub(crate) struct Kept {
    /// The fingerprint of what each export read of the graph, by path
    /// (see [`reads`]).
    fingerprints: HashMap<&'static str, u64>,
    /// The text of each entry of the calendar, by the fingerprint of what
    /// it read.
    pieces: Made,
}

/// The fingerprint of what the export at `path` reads of the graph, made
/// of the versions of the nodes it reads and the site's shown digest
/// (docs/architecture.md, "Tracked dependencies"): an export whose
/// fingerprint is as it was is not written again.
fn reads(path: &str, site: &Site, versions: &Versions, shown: u64) -> u64 {
    let mut h = Hash::default();
    h.write_delimited(path.as_bytes());
    h.write_u64(shown);
    let mut all = |list: &[u64]| {
        h.write_u64(list.len() as u64);
        for &v in list {
            h.write_u64(v);
        }
    };
    match path {
        // The newest meetings, as lists show them.
        "feed.xml" => {
            let n = site.meetings.len();
            all(&versions.listed.as_slice()[n.saturating_sub(feed::LIMIT)..]);
        }
        // Every meeting as lists show it, every action.
        "calendar.ics" => {
            all(versions.listed.as_slice());
            all(versions.actions.as_slice());
        }
        "actions.csv" => all(versions.actions.as_slice()),
        // Every node and every link between two: no text but titles.
        "graph.json" => {
            all(versions.drawn.as_slice());
            all(versions.entities_shape.as_slice());
            all(versions.topics_shape.as_slice());
            all(versions.actions.as_slice());
            all(versions.decisions.as_slice());
            all(versions.series.as_slice());
            all(versions.free_pages.as_slice());
        }
        // Every page: the shown digest has the paths of all but the series'.
        "sitemap.xml" => all(versions.series.as_slice()),
        // Nothing but the configuration.
        _ => {}
    }
    h.0
}

/// Every export, by the path it is written to.
pub(crate) const EXPORTS: [(&str, Export); 6] = [
    ("feed.xml", feed::write),
    ("calendar.ics", calendar::write),
    ("actions.csv", register::write),
    ("graph.json", graph::write),
    ("sitemap.xml", sitemap::write),
    ("robots.txt", sitemap::robots),
];

/// Writes every export into `sink` and returns how many files it wrote.
/// An export whose path is in `provided` (a static file of the site or
/// theme with the same path, such as a hand-written `robots.txt`) is left
/// out: the site's own file wins. Exports that read of the graph what they
/// read in the last render (`earlier`, with the versions of this render's
/// graph and its shown digest) are kept; returns what the next render can
/// take from this one.
pub(crate) fn write_since(
    ctx: &Ctx<'_>,
    sink: &dyn Sink,
    provided: &[&str],
    earlier: Option<(&Kept, &Versions, u64)>,
) -> (Result<usize, Vec<Diagnostic>>, Kept) {
    use rayon::prelude::*;
    /// An export written or kept, its fingerprint if it took one, and
    /// the entries it made.
    type Done = (Result<(), Diagnostic>, Option<(&'static str, u64)>, Made);
    let results: Vec<Done> = EXPORTS
        .par_iter()
        .with_max_len(1)
        .filter(|(path, _)| !provided.contains(path))
        .map(|&(path, export)| {
            let now = earlier.map(|(_, versions, shown)| reads(path, ctx.site, versions, shown));
            let kept = earlier.map(|(kept, _, _)| kept);
            if now.is_some() && now == kept.and_then(|k| k.fingerprints.get(path).copied()) {
                sink.keep(path);
                // The calendar's entries are as they were, to be found again.
                let pieces = match (path, kept) {
                    ("calendar.ics", Some(k)) => k.pieces.clone(),
                    _ => Made::default(),
                };
                return (Ok(()), now.map(|p| (path, p)), pieces);
            }
            let mut pieces =
                Reuse::new(earlier.map(|(kept, versions, shown)| (&kept.pieces, versions, shown)));
            let written = sink.write_from(path, &mut |out| export(ctx, out, &mut pieces));
            let written = written.map_err(|e| {
                Diagnostic::error(PathBuf::from(path), format!("cannot write the export: {e}"))
            });
            (written, now.map(|p| (path, p)), pieces.into_made())
        })
        .collect();
    let mut kept = Kept::default();
    let mut errors = Vec::new();
    let mut written = 0;
    for (result, fingerprint, pieces) in results {
        match result {
            Ok(()) => written += 1,
            Err(e) => errors.push(e),
        }
        kept.fingerprints.extend(fingerprint);
        kept.pieces.extend(pieces);
    }
    if errors.is_empty() {
        (Ok(written), kept)
    } else {
        (Err(errors), kept)
    }
}

/// The host name of the base URL, without user, port or path: the domain
/// part of calendar UIDs (`meeting-<slug>@<host>`).
fn host(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or_default();
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if authority.starts_with('[') {
        // An IPv6 literal: its colons are not a port.
        authority
            .find(']')
            .map_or(authority, |end| &authority[..=end])
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host.to_ascii_lowercase()
}

/// How an export says that its file could not be written.
fn io(e: std::io::Error) -> String {
    e.to_string()
}

/// Moves what `buffer` holds into `out` once it holds `at_least` bytes:
/// large exports are written in pieces, never held whole.
fn drain(buffer: &mut String, out: &mut dyn Write, at_least: usize) -> Result<(), String> {
    if buffer.len() >= at_least {
        out.write_all(buffer.as_bytes()).map_err(io)?;
        buffer.clear();
    }
    Ok(())
}

/// The size of the pieces [`drain`] writes.
const PIECE: usize = 1 << 16;

/// `2006-07-12`.
fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_drops_user_port_and_path() {
        assert_eq!(
            host("https://intranet.example/minutes/"),
            "intranet.example"
        );
        assert_eq!(host("http://127.0.0.1:1111/"), "127.0.0.1");
        assert_eq!(host("http://me@Wiki.Example:8080/a/b/"), "wiki.example");
        assert_eq!(host("http://[::1]:1111/"), "[::1]");
    }

    #[test]
    fn days_are_zero_padded() {
        let d = Date::new(806, 7, 2).unwrap();
        assert_eq!(iso_day(d), "0806-07-02");
    }

    #[test]
    fn every_export_has_its_own_path() {
        let mut paths: Vec<&str> = EXPORTS.iter().map(|(p, _)| *p).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), EXPORTS.len());
    }
}
