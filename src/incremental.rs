//! A site kept in memory between rebuilds, for `serve`.
//!
//! Only files that changed are read and parsed again (a save of files the
//! site already has does not even walk `content/`). The graph is resolved
//! anew, which keeps every cross-reference right, but a body whose document
//! did not change is not walked again for its mentions and links while the
//! names and pages around it stay the same ([`Walks`]). What the render
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
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::diagnostic::Diagnostic;
use crate::graph::Walks;
use crate::history::History;
use crate::model::{self, Parsed, ParsedFile};
use crate::pipeline::Error;
use crate::render::{self, Fingerprints, RenderReport, Renderer, Sink};
use crate::source;

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
}

/// Which part of a site a path belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Area {
    Content,
    Config,
    Theme,
    Other,
}

/// A site between rebuilds.
pub struct LiveSite {
    root: PathBuf,
    overrides: Overrides,
    config: Option<Config>,
    renderer: Option<Renderer>,
    files: BTreeMap<PathBuf, Known>,
    fingerprints: Option<Fingerprints>,
    /// The walks of the bodies of the last resolve.
    walks: Walks,
    /// The problems of the last walk of `content/`.
    walked: Vec<Diagnostic>,
    /// Whether the last rebuild succeeded.
    good: bool,
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

impl LiveSite {
    /// A site at `root`; nothing is read until the first [`LiveSite::rebuild`].
    pub fn new(root: &Path, overrides: Overrides) -> LiveSite {
        // Changes arrive as full paths with links resolved (see
        // `watch::Watcher::start`); the files of the site are known by the
        // same kind of path, whatever form `--root` was given in.
        let root = std::fs::canonicalize(root)
            .or_else(|_| std::path::absolute(root))
            .unwrap_or_else(|_| root.to_path_buf());
        LiveSite {
            root,
            overrides,
            config: None,
            renderer: None,
            files: BTreeMap::new(),
            fingerprints: None,
            walks: Walks::default(),
            walked: Vec::new(),
            good: false,
            history: None,
        }
    }

    /// The configuration of the last rebuild that could read it.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    fn area(&self, path: &Path) -> Area {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        match first.as_deref() {
            Some("content") => Area::Content,
            Some(config::FILE) => Area::Config,
            Some("templates" | "themes" | "static") => Area::Theme,
            _ => Area::Other,
        }
    }

    /// Brings the site up to date with `changes` and renders it into `sink`.
    /// On error the sink has received nothing it should keep. `Ok(None)`
    /// says that nothing changed since the last good rebuild: the sink has
    /// received nothing, and the site it holds is still right.
    pub fn rebuild(
        &mut self,
        changes: &Changes,
        sink: &dyn Sink,
    ) -> Result<Option<Rebuild>, Error> {
        let was_good = std::mem::replace(&mut self.good, false);
        let rebuilt = self.rebuild_after(changes, sink, was_good);
        self.good = rebuilt.is_ok();
        rebuilt
    }

    /// [`LiveSite::rebuild`], knowing whether the last rebuild succeeded.
    fn rebuild_after(
        &mut self,
        changes: &Changes,
        sink: &dyn Sink,
        was_good: bool,
    ) -> Result<Option<Rebuild>, Error> {
        let start = Instant::now();
        let areas: BTreeSet<Area> = changes.paths.iter().map(|p| self.area(p)).collect();
        let first = self.config.is_none();
        let reload_config = first || changes.rescan || areas.contains(&Area::Config);
        let reload_theme = reload_config || self.renderer.is_none() || areas.contains(&Area::Theme);
        if reload_config {
            let before = self.config.take();
            let config = crate::pipeline::load_config(&self.root, &self.overrides)?;
            // Files are parsed with the roll-call headings: new ones, new parses.
            if before.is_some_and(|b| b.conventions != config.conventions) {
                self.files.clear();
            }
            self.config = Some(config);
        }
        let config = self.config.clone().expect("loaded above");
        let mut theme_errors = Vec::new();
        if reload_theme {
            self.fingerprints = None;
            self.renderer = None;
            match Renderer::new(&config) {
                Ok(r) => self.renderer = Some(r),
                Err(ds) => theme_errors = ds,
            }
        }
        let (parsed_count, changed, walk_diagnostics) =
            self.refresh(changes, reload_config, &config.conventions);
        if was_good && !reload_theme && !changed && walk_diagnostics.is_empty() {
            return Ok(None);
        }
        let mut parsed = Parsed::gather(self.files.values().map(|k| &k.parsed));
        let mut diagnostics = walk_diagnostics;
        diagnostics.append(&mut parsed.diagnostics);
        let mut resolved = crate::graph::resolve_again(parsed, &config, Some(&mut self.walks));
        diagnostics.extend(resolved.diagnostics);
        if config.git {
            let history = History::read_since(&self.root, self.history.as_ref());
            self.history = Some(history.clone());
            resolved.site.history = history;
        }
        diagnostics.extend(theme_errors);
        let (site, warnings) = crate::pipeline::finish(&config, resolved.site, diagnostics)?;
        let renderer = self
            .renderer
            .as_ref()
            .expect("a theme without errors is loaded");
        let (report, fingerprints) = render::render_since(
            &site,
            &config,
            renderer,
            sink,
            Some(
                self.fingerprints
                    .as_ref()
                    .unwrap_or(&Fingerprints::default()),
            ),
        )
        .map_err(|errors| crate::pipeline::failed(&config, errors, warnings.clone()))?;
        self.fingerprints = Some(fingerprints);
        Ok(Some(Rebuild {
            report,
            warnings,
            parsed: parsed_count,
            reloaded: reload_theme,
            elapsed: start.elapsed(),
        }))
    }

    /// Re-reads the content files that changed (all of them when `all`) and
    /// parses those whose text is new, drops those that are gone, and returns
    /// how many were parsed, whether any file's text changed (or a file came
    /// or went), and the problems of walking the folder.
    fn refresh(
        &mut self,
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
            let (listed, walked) = source::list(&self.root);
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
        let root = &self.root;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Memory;

    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    fn overrides() -> Overrides {
        Overrides {
            today: Some("2024-06-01".into()),
            ..Overrides::default()
        }
    }

    /// The site at `root` built whole, in memory, the way `build` does.
    fn full(root: &Path) -> BTreeMap<String, Vec<u8>> {
        let memory = Memory::default();
        let config = crate::pipeline::load_config(root, &overrides()).unwrap();
        let (renderer, site, _) = crate::pipeline::prepare(&config).unwrap();
        render::render(&site, &config, &renderer, &memory).unwrap();
        memory.into_files()
    }

    /// A copy of the site in `fixture` (relative to the crate) kept live,
    /// checked against a full build after each of `edits`: a file, and what
    /// its text becomes (the first match of `.0` replaced by `.1`). Returns
    /// the site as served at the end.
    fn follow(fixture: &str, edits: &[(&str, &str, &str)]) -> BTreeMap<String, Vec<u8>> {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
        std::fs::copy(fixture.join("quorum.yaml"), dir.path().join("quorum.yaml")).unwrap();
        copy(&fixture.join("content"), &dir.path().join("content"));
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let memory = Memory::default();
        let mut live = LiveSite::new(&root, overrides());
        live.rebuild(&Changes::default(), &memory).unwrap();
        let mut served = memory.into_files();
        for &(file, from, to) in edits {
            let path = root.join(file);
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(text.contains(from), "{file} has no `{from}`");
            std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
            let memory = Memory::default();
            let changes = Changes {
                paths: vec![path],
                rescan: false,
            };
            let rebuilt = live.rebuild(&changes, &memory).unwrap();
            assert!(rebuilt.is_some(), "{file}: the edit is seen");
            served.extend(memory.into_files());
            let whole = full(&root);
            for (name, bytes) in &whole {
                assert!(
                    served.get(name) == Some(bytes),
                    "after the edit of {file} (`{from}` to `{to}`), {name} differs from a full build"
                );
            }
        }
        served
    }

    #[test]
    fn edits_of_bodies_give_what_a_full_build_gives() {
        follow(
            "tests/fixtures/tricky",
            &[
                // A mention more, of an entity not mentioned before in that section.
                (
                    "content/meetings/2023/2023-11-council.md",
                    "Mr. Li presented the budget.",
                    "Mr. Li presented the budget with the Øresund Council.",
                ),
                // A mention less.
                (
                    "content/meetings/2023/2023-11-council.md",
                    "The Nordic Network and Mr. Li attended.",
                    "All attended.",
                ),
                // A wiki-link to a name nothing has: a stub page is made.
                (
                    "content/meetings/2024-02-council.md",
                    "---\n\n",
                    "---\n\nSee [[Nobody Known]] and [[Budget]].\n\n",
                ),
                // A description that mentions others.
                (
                    "content/entities/li-wei.md",
                    "Treasurer.",
                    "Treasurer of the Nordic Network.",
                ),
                // A new alias: bodies that did not change mention it now.
                (
                    "content/entities/nordic-network.md",
                    "aliases: [",
                    "aliases: [second budget section, ",
                ),
                // A title: every link to the meeting changes.
                (
                    "content/meetings/2023/2023-11-council.md",
                    "title: \"First meeting",
                    "title: \"Opening meeting",
                ),
            ],
        );
    }

    #[test]
    fn meetings_moved_to_another_year_give_what_a_full_build_gives() {
        follow(
            "tests/fixtures/tricky",
            &[
                // From 2023 to 2024: both years' pages and the index change.
                (
                    "content/meetings/2023/2023-12-council.md",
                    "date: 2023-12-14",
                    "date: 2024-01-10",
                ),
                // The last meeting of 2023 leaves it: the year has no page.
                (
                    "content/meetings/2023/2023-11-council.md",
                    "date: 2023-11",
                    "date: 2024-01",
                ),
                // A year that had no meetings gets a page.
                (
                    "content/meetings/2024-02-council.md",
                    "date: 2024-02-20",
                    "date: 2025-02-20",
                ),
            ],
        );
    }

    #[test]
    fn edits_of_the_sample_site_give_what_a_full_build_gives() {
        follow(
            ".",
            &[
                (
                    "content/meetings/2006/ecesa-principals-2006-07.md",
                    "UNDP",
                    "UNDP and ESCWA",
                ),
                (
                    "content/meetings/2006/ecesa-principals-2006-07.md",
                    "UNDP would be asked",
                    "UNDP, with UNEP, would be asked",
                ),
                (
                    "content/entities/undp.md",
                    "aliases: [",
                    "aliases: [Development Programme, ",
                ),
                (
                    "content/meetings/2006/ecesa-principals-2006-07.md",
                    "date: 2006-07",
                    "date: 2006-07-05",
                ),
            ],
        );
    }

    #[test]
    fn edits_of_pattern_links_rebuild_the_bodies() {
        let served = follow(
            "tests/fixtures/steering",
            &[
                (
                    "quorum.yaml",
                    "today: 2025-06-30\n",
                    "today: 2025-06-30\nlinks:\n  - pattern: '(?P<repo>[\\w-]+/[\\w-]+)#(?P<n>\\d+)'\n    url: https://tracker.example/${repo}/issues/${n}\n",
                ),
                ("quorum.yaml", "/issues/", "/pull/"),
            ],
        );
        let page = |path: &str| String::from_utf8_lossy(&served[path]).into_owned();
        // In a decision's text.
        let link = "<a class=\"q-pattern\" href=\"https://tracker.example/example/tsc/pull/19\">example/tsc#19</a>";
        let meeting = page("meetings/tsc-2019-04-10/index.html");
        assert!(meeting.contains(link), "{meeting}");
        assert!(!meeting.contains("/issues/19"), "{meeting}");
        assert!(page("decisions/index.html").contains(link));
        // Never inside a link.
        assert!(!page("meetings/tsc-2019-01-16/index.html").contains("q-pattern"));
    }

    #[test]
    fn edits_of_real_minutes_give_what_a_full_build_gives() {
        follow(
            "tests/fixtures/steering",
            &[
                // A name in a decision: a passage of the entity's page.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "exactly the one-third cap.",
                    "exactly the one-third cap, as Nadia Farouk noted.",
                ),
                // A name in a roll-call: attendance, no passage.
                (
                    "content/meetings/tsc/2023/tsc-2023-04-19.md",
                    "## Apologies\n\n",
                    "## Apologies\n\n* Nadia Farouk @nfarouk\n",
                ),
                // The first words of the minutes: the meeting's summary.
                (
                    "content/meetings/tsc/2023/tsc-2023-04-19.md",
                    "## Apologies",
                    "The budget for the security audit was approved without objection today.\n\n## Apologies",
                ),
                // A phrase that is not a mention of the entity.
                (
                    "content/entities/organizations/google.md",
                    "Google Meet]",
                    "Google Meet, Google Workspace]",
                ),
            ],
        );
    }
}
