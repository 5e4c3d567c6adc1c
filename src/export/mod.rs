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

use std::io::Write;
use std::path::PathBuf;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::page::Ctx;
use crate::sink::{Sink, Written};

/// Writes one export into the writer it is given.
type Export = fn(&Ctx<'_>, &mut dyn Write, &mut Prior) -> Result<(), String>;

/// What an export was in the last render: an export that can tell from
/// its data, before writing it, that it is as it was there, need not write
/// it again ([`Prior::unchanged`]).
#[derive(Debug, Default)]
pub struct Prior {
    /// Whether fingerprints are taken (there is a last render).
    active: bool,
    earlier: Option<u64>,
    now: Option<u64>,
}

impl Prior {
    /// Whether `data`, all the export is written from, is as it was in
    /// the last render. When it is, the export writes nothing: its file
    /// is kept.
    pub fn unchanged<T: serde::Serialize>(&mut self, data: &T) -> bool {
        if !self.active {
            return false;
        }
        let mut fingerprinter = crate::hash::fingerprint::Fingerprinter::default();
        self.now = fingerprinter
            .add(data)
            .ok()
            .map(|()| fingerprinter.finish());
        self.same()
    }

    /// Whether the export said its data is as it was.
    fn same(&self) -> bool {
        self.now.is_some() && self.now == self.earlier
    }
}

/// The fingerprints of the exports that take them, by path.
pub type Fingerprints = std::collections::HashMap<&'static str, u64>;

/// Every export, by the path it is written to.
pub const EXPORTS: [(&str, Export); 6] = [
    ("feed.xml", feed::write),
    ("calendar.ics", calendar::write),
    ("actions.csv", register::write),
    ("graph.json", graph::write),
    ("sitemap.xml", sitemap::write),
    ("robots.txt", sitemap::robots),
];

/// Writes every export into `sink` and returns how many files it wrote.
///
/// An export whose path is in `provided` (a static file of the site or theme
/// with the same path, such as a hand-written `robots.txt`) is left out: the
/// site's own file wins.
pub fn write_all(
    ctx: &Ctx<'_>,
    sink: &dyn Sink,
    provided: &[&str],
) -> Result<usize, Vec<Diagnostic>> {
    write_since(ctx, sink, provided, None).0
}

/// [`write_all`], keeping the exports that say their data is as in
/// `earlier`; returns the fingerprints of this render when there was an
/// earlier one.
pub fn write_since(
    ctx: &Ctx<'_>,
    sink: &dyn Sink,
    provided: &[&str],
    earlier: Option<&Fingerprints>,
) -> (Result<usize, Vec<Diagnostic>>, Fingerprints) {
    use rayon::prelude::*;
    /// An export written or kept, and its fingerprint if it took one.
    type Done = (Result<(), Diagnostic>, Option<(&'static str, u64)>);
    let results: Vec<Done> = EXPORTS
        .par_iter()
        .with_max_len(1)
        .filter(|(path, _)| !provided.contains(path))
        .map(|&(path, export)| {
            let mut prior = Prior {
                active: earlier.is_some(),
                earlier: earlier.and_then(|e| e.get(path).copied()),
                ..Prior::default()
            };
            let written = sink.write_from(path, &mut |out| {
                export(ctx, out, &mut prior)?;
                // An export as it was writes nothing: its file stays as it is.
                Ok(if prior.same() {
                    Written::Unchanged
                } else {
                    Written::Written
                })
            });
            let written = match written {
                Ok(Written::Unchanged) => {
                    sink.keep(path);
                    Ok(())
                }
                Ok(Written::Written) => Ok(()),
                Err(e) => Err(Diagnostic::error(
                    PathBuf::from(path),
                    format!("cannot write the export: {e}"),
                )),
            };
            (written, prior.now.map(|p| (path, p)))
        })
        .collect();
    let fingerprints: Fingerprints = results.iter().filter_map(|(_, p)| *p).collect();
    let written = results.iter().filter(|(r, _)| r.is_ok()).count();
    let errors: Vec<Diagnostic> = results.into_iter().filter_map(|(r, _)| r.err()).collect();
    if errors.is_empty() {
        (Ok(written), fingerprints)
    } else {
        (Err(errors), fingerprints)
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
