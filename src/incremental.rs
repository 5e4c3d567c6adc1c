//! What a site keeps in memory between rebuilds ([`Kept`]), for `serve`.
//!
//! Only files that changed are read and parsed again (a save of files the
//! site already has does not even walk `content/`). When only the words of
//! some minutes changed, the graph as resolved before its walks is taken
//! again; otherwise it is resolved anew, which keeps every cross-reference
//! right. A body whose document did not change is not walked again for its
//! mentions and links while the names and pages around it stay the same
//! ([`Memo`]). What the render
//! does again is cut the same way: pages whose template input has the
//! fingerprint it had are not rendered, the search index reads again only
//! the runs of documents that read differently, an export that can tell
//! its data is unchanged is not written, and the sink writes only bytes
//! that changed. The result is the same as a full build. A save that leaves
//! every file's text as it was (an editor saving an unchanged buffer,
//! `touch`) changes nothing and is not rebuilt at all. A change to the
//! configuration, the templates or static files reloads them and
//! re-renders everything, as does a rescan (a folder of the site replaced
//! as a whole), which reads every file again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::{Memo, Site};
use crate::history::History;
use crate::model::{self, Parsed, ParsedFile};
use crate::render::{Fingerprints, RenderReport};
use crate::source;
use crate::stages::Error;

/// What changed on disk, as the watcher saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Absolute paths of changed, created or removed files and folders.
    pub paths: Vec<PathBuf>,
    /// Whether anything may have changed beyond `paths`: a folder of the
    /// site was replaced (moved, deleted and restored, swapped for a link),
    /// or the system lost track of events. Everything is read again.
    pub rescan: bool,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuild {
    /// Pages and files of the site; `rendered` counts the pages rendered again.
    pub report: RenderReport,
    /// Warnings of the content.
    pub warnings: Vec<Diagnostic>,
    /// Content files read and parsed again.
    pub parsed: usize,
    /// Whether the configuration or theme was reloaded.
    pub reloaded: bool,
    /// Wall time.
    pub elapsed: Duration,
    /// Wall time of each stage, in order (the render's parts are in
    /// `report.parts`), for `serve --timings`.
    pub stages: Vec<crate::timing::Lap>,
}

/// Everything a site keeps between rebuilds, beside its configuration and
/// theme (docs/architecture.md, "What `serve` keeps between rebuilds").
#[derive(Default)]
pub struct Kept {
    /// Every content file as last read.
    files: BTreeMap<PathBuf, Known>,
    /// The fingerprints of the last render; `None` renders every page.
    pub(crate) fingerprints: Option<Fingerprints>,
    /// What the last resolve keeps for the next: the walks of the bodies,
    /// the graph before them.
    graph: Memo,
    /// The problems of the last walk of `content/`.
    walked: Vec<Diagnostic>,
    /// Whether the last rebuild succeeded.
    pub(crate) good: bool,
    /// The git history last read, kept while `HEAD` does not move.
    history: Option<Arc<History>>,
}

/// A content file as last read: a digest of its text, and what it parsed to.
struct Known {
    digest: u64,
    parsed: ParsedFile,
}

/// What re-reading one content file found.
enum Read {
    /// The text is as it was.
    Same,
    /// New or changed text, parsed.
    Parsed(u64, ParsedFile),
    /// Not a content file any more.
    Gone,
}

impl Kept {
    /// Forgets every parsed file: the next rebuild parses them all again.
    pub(crate) fn forget_files(&mut self) {
        self.files.clear();
    }

    /// Whether the last rebuild took the graph again (see [`Memo`]).
    pub(crate) fn graph_taken(&self) -> bool {
        self.graph.taken()
    }

    /// Forgets the graph: the next rebuild resolves it whole.
    pub(crate) fn forget_graph(&mut self) {
        self.graph.forget_graph();
    }

    /// Gathers the kept parsed files and resolves them again, taking the
    /// kept walks of unchanged bodies, and brings the history up to date;
    /// the diagnostics (`walked`, those of resolving, the theme's) are
    /// settled as in a build.
    pub(crate) fn resolve(
        &mut self,
        root: &Path,
        config: &Config,
        walked: Vec<Diagnostic>,
        theme_errors: Vec<Diagnostic>,
    ) -> Result<(Site, Vec<Diagnostic>), Error> {
        let mut parsed = Parsed::gather(self.files.values().map(|k| &k.parsed));
        let mut diagnostics = walked;
        diagnostics.append(&mut parsed.diagnostics);
        let mut resolved = crate::graph::resolve_again(parsed, config, Some(&mut self.graph));
        diagnostics.extend(resolved.diagnostics);
        if config.git {
            let history = History::read_since(root, self.history.as_ref());
            self.history = Some(history.clone());
            resolved.site.history = history;
        }
        diagnostics.extend(theme_errors);
        crate::stages::finish(config, resolved.site, diagnostics)
    }

    /// Re-reads the content files that changed (all of them when `all`) and
    /// parses those whose text is new, drops those that are gone, and returns
    /// how many were parsed, whether any file's text changed (or a file came
    /// or went), and the problems of walking the folder.
    pub(crate) fn refresh(
        &mut self,
        root: &Path,
        changes: &Changes,
        all: bool,
        roll_call: &crate::markdown::Conventions,
    ) -> (usize, bool, Vec<Diagnostic>) {
        let saved: BTreeSet<&PathBuf> = changes.paths.iter().collect();
        let mut changed = false;
        let todo: Vec<PathBuf> = if !all && self.only_saved(changes) {
            // Only files the site has were saved, and each is still a file:
            // the folder holds what it held, no need to walk it again.
            saved.into_iter().cloned().collect()
        } else {
            let (listed, walked) = source::list(root);
            self.walked = walked;
            let listed: BTreeSet<PathBuf> = listed.into_iter().collect();
            let before = self.files.len();
            self.files.retain(|p, _| listed.contains(p));
            changed = self.files.len() != before;
            let files = &self.files;
            listed
                .into_iter()
                .filter(|p| all || !files.contains_key(p) || saved.contains(p))
                .collect()
        };
        let mut diagnostics = self.walked.clone();
        let files = &self.files;
        let read: Vec<(PathBuf, Result<Read, Diagnostic>)> = todo
            .into_par_iter()
            .map(|p| {
                let read = source::read(root, &p).map(|file| match file {
                    None => Read::Gone,
                    Some(file) => {
                        let d = crate::hash::digest(file.text.as_bytes());
                        match files.get(&p) {
                            Some(known) if known.digest == d => Read::Same,
                            _ => Read::Parsed(d, model::parse_file(file, roll_call)),
                        }
                    }
                });
                (p, read)
            })
            .collect();
        let mut count = 0;
        for (path, r) in read {
            match r {
                Ok(Read::Same) => {}
                Ok(Read::Parsed(digest, parsed)) => {
                    count += 1;
                    changed = true;
                    self.files.insert(path, Known { digest, parsed });
                }
                Ok(Read::Gone) => {
                    changed |= self.files.remove(&path).is_some();
                }
                Err(d) => {
                    changed = true;
                    self.files.remove(&path);
                    diagnostics.push(d);
                }
            }
        }
        (count, changed, diagnostics)
    }

    /// Whether every changed path is a content file the site already has,
    /// still a plain file (not a link, which the walk checks).
    fn only_saved(&self, changes: &Changes) -> bool {
        !self.files.is_empty()
            && changes.paths.iter().all(|p| {
                self.files.contains_key(p)
                    && std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_file())
            })
    }
}
