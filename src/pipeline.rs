//! The site's pipeline as one object, as docs/architecture.md describes
//! it: a [`Pipeline`] owns the configuration, the theme and everything kept
//! between rebuilds ([`Kept`]), and runs the stages of [`stages`] for a
//! build, a rebuild after changes, or a check. The `quorum` command,
//! `serve` and `build --watch` all hold one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::check::{self, Options};
use crate::config::{self, Config, Overrides};
use crate::incremental::{Changes, Kept, Rebuild};
use crate::output;
use crate::render::{self, Fingerprints, Renderer, Sink};
use crate::stages::{self, BuildReport, Error};
use crate::timing::Stopwatch;

/// Which part of a site a path belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Area {
    Content,
    Config,
    Theme,
    Other,
}

/// A site's pipeline: its configuration, its theme, and what is kept
/// between rebuilds. Nothing is read until it is first asked to work.
pub struct Pipeline {
    /// The site's folder as given, for a build and a check.
    root: PathBuf,
    /// The same folder as changes name it: a full path, links resolved.
    canonical: PathBuf,
    overrides: Overrides,
    config: Option<Config>,
    renderer: Option<Renderer>,
    kept: Kept,
}

impl Pipeline {
    /// The pipeline of the site at `root`, with the command line's `overrides`.
    pub fn new(root: &Path, overrides: Overrides) -> Pipeline {
        // Changes arrive as full paths with links resolved (see
        // `watch::Watcher::start`); the files of the site are known by the
        // same kind of path, whatever form `--root` was given in.
        let canonical = std::fs::canonicalize(root)
            .or_else(|_| std::path::absolute(root))
            .unwrap_or_else(|_| root.to_path_buf());
        Pipeline {
            root: root.to_path_buf(),
            canonical,
            overrides,
            config: None,
            renderer: None,
            kept: Kept::default(),
        }
    }

    /// The configuration last read.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// Reads the configuration again, keeping it for the stages that follow.
    pub fn load_config(&mut self) -> Result<&Config, Error> {
        let config = stages::load_config(&self.root, &self.overrides)?;
        Ok(self.config.insert(config))
    }

    /// The configuration last read, read now if none was.
    fn held_config(&mut self) -> Result<&Config, Error> {
        match self.config {
            Some(ref config) => Ok(config),
            None => self.load_config(),
        }
    }

    /// Builds the whole site into `output` from its files (see
    /// [`stages::build_waiting`]) with the configuration last read.
    pub fn build(&mut self, output: &Path, wait: &output::Wait<'_>) -> Result<BuildReport, Error> {
        let config = self.held_config()?;
        stages::build_waiting(config, output, wait)
    }

    /// Builds the site in memory and follows every link (see [`check::check`]).
    pub fn check(&mut self, options: &Options) -> Result<check::Report, Error> {
        let config = self.held_config()?;
        check::check(config, options)
    }

    fn area(&self, path: &Path) -> Area {
        let rel = path.strip_prefix(&self.canonical).unwrap_or(path);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        match first.as_deref() {
            Some("content") => Area::Content,
            Some(config::FILE) => Area::Config,
            Some("templates" | "themes" | "static" | "i18n") => Area::Theme,
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
        let was_good = std::mem::replace(&mut self.kept.good, false);
        let rebuilt = self.rebuild_after(changes, sink, was_good);
        self.kept.good = rebuilt.is_ok();
        rebuilt
    }

    /// [`Pipeline::rebuild`], knowing whether the last rebuild succeeded.
    fn rebuild_after(
        &mut self,
        changes: &Changes,
        sink: &dyn Sink,
        was_good: bool,
    ) -> Result<Option<Rebuild>, Error> {
        let start = Instant::now();
        let mut watch = Stopwatch::start();
        let areas: BTreeSet<Area> = changes.paths.iter().map(|p| self.area(p)).collect();
        let first = self.config.is_none();
        let reload_config = first || changes.rescan || areas.contains(&Area::Config);
        let reload_theme = reload_config || self.renderer.is_none() || areas.contains(&Area::Theme);
        if reload_config {
            let before = self.config.take();
            let config = stages::load_config(&self.canonical, &self.overrides)?;
            // Files are parsed with the roll-call headings: new ones, new parses.
            if before.is_some_and(|b| b.conventions != config.conventions) {
                self.kept.forget_files();
            }
            // Resolving reads the configuration throughout.
            self.kept.forget_graph();
            self.config = Some(config);
        }
        let config = self.config.clone().expect("loaded above");
        let mut theme_errors = Vec::new();
        if reload_theme {
            self.kept.fingerprints = None;
            self.renderer = None;
            match Renderer::new(&config) {
                Ok(r) => self.renderer = Some(r),
                Err(ds) => theme_errors = ds,
            }
        }
        // Strings missing in the site's language are warned of on every rebuild.
        if let Some(r) = &self.renderer {
            theme_errors.extend(r.warnings().iter().cloned());
        }
        watch.lap("configuration and theme");
        let (parsed_count, changed, walk_diagnostics) =
            self.kept
                .refresh(&self.canonical, changes, reload_config, &config.conventions);
        watch.lap("read and parse");
        if was_good && !reload_theme && !changed && walk_diagnostics.is_empty() {
            return Ok(None);
        }
        let (site, warnings) =
            self.kept
                .resolve(&self.canonical, &config, walk_diagnostics, theme_errors)?;
        watch.lap(if self.kept.graph_taken() {
            "resolve (graph kept)"
        } else {
            "resolve"
        });
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
                self.kept
                    .fingerprints
                    .as_ref()
                    .unwrap_or(&Fingerprints::default()),
            ),
        )
        .map_err(|errors| stages::failed(&config, errors, warnings.clone()))?;
        self.kept.fingerprints = Some(fingerprints);
        watch.lap("render");
        Ok(Some(Rebuild {
            report,
            warnings,
            parsed: parsed_count,
            reloaded: reload_theme,
            elapsed: start.elapsed(),
            stages: watch.stages,
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

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

    /// The site at `root` built whole, in memory, the way `build` does,
    /// and its warnings.
    fn full(
        root: &Path,
    ) -> (
        BTreeMap<String, Vec<u8>>,
        Vec<crate::diagnostic::Diagnostic>,
    ) {
        let memory = Memory::default();
        let config = crate::stages::load_config(root, &overrides()).unwrap();
        let (renderer, site, warnings) = crate::stages::prepare(&config).unwrap();
        render::render(&site, &config, &renderer, &memory).unwrap();
        (memory.into_files(), warnings)
    }

    /// A copy of the site in `fixture` (relative to the crate) in a
    /// temporary folder, its canonical path, its pipeline after a first
    /// build, and that build.
    fn live(
        fixture: &str,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        Pipeline,
        BTreeMap<String, Vec<u8>>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
        std::fs::copy(fixture.join("quorum.yaml"), dir.path().join("quorum.yaml")).unwrap();
        copy(&fixture.join("content"), &dir.path().join("content"));
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let memory = Memory::default();
        let mut live = Pipeline::new(&root, overrides());
        live.rebuild(&Changes::default(), &memory).unwrap();
        (dir, root, live, memory.into_files())
    }

    /// Saves `file` under `root` with the first `from` of its text made
    /// `to`, and rebuilds `live` into `sink`: the rebuild, which must see it.
    fn save(
        live: &mut Pipeline,
        root: &Path,
        (file, from, to): (&str, &str, &str),
        sink: &Memory,
    ) -> Rebuild {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(text.contains(from), "{file} has no `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let changes = Changes {
            paths: vec![path],
            rescan: false,
        };
        let rebuilt = live.rebuild(&changes, sink).unwrap();
        let Some(rebuilt) = rebuilt else {
            panic!("{file}: the edit is not seen");
        };
        rebuilt
    }

    /// A copy of the site in `fixture` (relative to the crate) kept live,
    /// checked against a full build after each of `edits`: a file, and what
    /// its text becomes (the first match of `.0` replaced by `.1`). Returns
    /// the site as served at the end.
    fn follow(fixture: &str, edits: &[(&str, &str, &str)]) -> BTreeMap<String, Vec<u8>> {
        let (_dir, root, mut live, mut served) = live(fixture);
        for &(file, from, to) in edits {
            let memory = Memory::default();
            let rebuilt = save(&mut live, &root, (file, from, to), &memory);
            served.extend(memory.into_files());
            let (whole, warnings) = full(&root);
            assert_eq!(
                rebuilt.warnings, warnings,
                "after the edit of {file} (`{from}` to `{to}`), the warnings differ from a full build's"
            );
            for (name, bytes) in &whole {
                assert!(
                    served.get(name) == Some(bytes),
                    "after the edit of {file} (`{from}` to `{to}`), {name} differs from a full build"
                );
            }
        }
        served
    }

    /// Edits a copy of the site in `fixture` kept live, and checks how
    /// each rebuild resolved the graph: `edits` are a file, what its text
    /// becomes (as in [`follow`]) and the name of the resolve stage.
    fn resolves(fixture: &str, edits: &[(&str, &str, &str, &str)]) {
        let (_dir, root, mut live, _) = live(fixture);
        for &(file, from, to, stage) in edits {
            let rebuilt = save(&mut live, &root, (file, from, to), &Memory::default());
            let stages: Vec<&str> = rebuilt.stages.iter().map(|s| s.name).collect();
            assert!(
                stages.contains(&stage),
                "`{from}` to `{to}` in {file}: {stages:?}"
            );
        }
    }

    const KEPT: &str = "resolve (graph kept)";
    const WHOLE: &str = "resolve";

    #[test]
    fn a_change_of_words_only_takes_the_graph_again() {
        let meeting = "content/meetings/2023/2023-11-council.md";
        resolves(
            "tests/fixtures/tricky",
            &[
                (
                    meeting,
                    "Mr. Li presented the budget.",
                    "Mr. Li presented the budget with the Øresund Council.",
                    KEPT,
                ),
                // A wiki-link more: stubs and refs may change.
                (
                    meeting,
                    "Mr. Li presented",
                    "[[Nobody Known]] and Mr. Li presented",
                    WHOLE,
                ),
                // On the line of the warning about that link: the warning's line changes.
                (meeting, "the budget with", "the budget, with", WHOLE),
                // Below it: the warning reads as it did.
                (meeting, "in a link.", "in a link, as before.", KEPT),
                // Words above a warning's line: the warning moves.
                (
                    meeting,
                    "Ms. Müller opened",
                    "A word first.\r\n\r\nMs. Müller opened",
                    WHOLE,
                ),
                (
                    meeting,
                    "title: \"First meeting",
                    "title: \"Opening meeting",
                    WHOLE,
                ),
                (
                    "content/entities/li-wei.md",
                    "Treasurer.",
                    "Treasurer of the Nordic Network.",
                    WHOLE,
                ),
            ],
        );
    }

    #[test]
    fn words_that_move_an_item_in_minutes_without_warnings_take_the_graph_again() {
        let meeting = "content/meetings/tsc/2023/tsc-2023-01-25.md";
        resolves(
            "tests/fixtures/steering",
            &[
                // An action more, written in the minutes.
                (meeting, "## Upcoming Meetings", ITEM, WHOLE),
                // Words above it: it moves down the file, and is the same action.
                (meeting, "## Links", WORDS, KEPT),
            ],
        );
    }

    #[test]
    fn a_change_of_what_front_matter_lists_takes_the_graph_again() {
        let meeting = "content/meetings/tsc/2023/tsc-2023-01-25.md";
        let update = "content/meetings/community-committee/commcomm-2024-10-16.md";
        resolves(
            "tests/fixtures/steering",
            &[
                // An attendee less, a topic less, another chair: pages with files.
                (meeting, "  - Yusuf Demir\n", "", KEPT),
                (
                    meeting,
                    "topics: [Charter and membership, Governance, CI infrastructure]",
                    "topics: [Charter and membership, Governance]",
                    KEPT,
                ),
                (
                    meeting,
                    "chair: Marta Kowalczyk",
                    "chair: Daniel Okafor",
                    KEPT,
                ),
                (meeting, "location: Zoom", "location: Jitsi", KEPT),
                // A name no page has: a stub is made.
                (
                    meeting,
                    "  - Ravi Menon\n",
                    "  - Ravi Menon\n  - Nobody Known\n",
                    WHOLE,
                ),
                // Its warning points into the file: whole until it is gone.
                (meeting, "  - Nobody Known\n", "", WHOLE),
                (meeting, "  - Ravi Menon\n", "", KEPT),
                // An update's status, then an action no meeting decided.
                (update, "status: done", "status: in-progress", KEPT),
                (
                    update,
                    "action: summit-2024-lisbon",
                    "action: summit-2099",
                    WHOLE,
                ),
                // The meetings' order, an action, a title: resolved whole.
                (meeting, "date: 2023-01-25", "date: 2023-01-26", WHOLE),
                (meeting, "due: 2023-06-30", "due: 2023-07-31", WHOLE),
                (
                    meeting,
                    "title: Tessera TSC meeting",
                    "title: Tessera TSC call",
                    WHOLE,
                ),
            ],
        );
    }

    #[test]
    fn edits_of_what_front_matter_lists_give_what_a_full_build_gives() {
        let meeting = "content/meetings/tsc/2023/tsc-2023-01-25.md";
        let update = "content/meetings/community-committee/commcomm-2024-10-16.md";
        follow(
            "tests/fixtures/steering",
            &[
                // Attendance: the chair's and attendees' pages, the series'
                // attendance table, the rankings and the relationship maps.
                (meeting, "  - Yusuf Demir\n", ""),
                (meeting, "chair: Marta Kowalczyk", "chair: Daniel Okafor"),
                (
                    meeting,
                    "  - { ref: Marta Kowalczyk, role: TSC chair }",
                    "  - { ref: Marta Kowalczyk, role: Past chair }",
                ),
                // Topics: the topics' pages, timelines and filters.
                (
                    meeting,
                    "topics: [Charter and membership, Governance, CI infrastructure]",
                    "topics: [Charter and membership, Governance]",
                ),
                // An update: the action's status, the register, the changes page.
                (update, "status: done", "status: in-progress"),
                // A place and a summary: what lists and the calendar show.
                (meeting, "location: Zoom", "location: Jitsi"),
                (
                    meeting,
                    "series: Tessera TSC\n",
                    "series: Tessera TSC\nsummary: Votes move to the issue tracker.\n",
                ),
                // Another series: both series' pages.
                (meeting, "series: Tessera TSC\n", "series: Tessera Board\n"),
            ],
        );
    }

    /// An action written in the minutes of `tsc-2023-01-25`.
    const ITEM: &str = "## Action items\n\n- [ ] Hannah Lindqvist to circulate the revised charter {due=2023-03-01}\n\n## Upcoming Meetings";
    /// Words at the head of the minutes of `tsc-2023-01-25`.
    const WORDS: &str =
        "The charter vote was announced a week in advance, as the rules ask.\n\n## Links";

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
                // The alias leaves its entity, then names another: the
                // mentions of it in bodies that did not change follow it.
                (
                    "content/entities/nordic-network.md",
                    "aliases: [second budget section, ",
                    "aliases: [",
                ),
                (
                    "content/entities/li-wei.md",
                    "aliases: [Mr. Li]",
                    "aliases: [Mr. Li, second budget section]",
                ),
                // An action's text, in Markdown: its plain text changes.
                (
                    "content/meetings/2023/2023-11-council.md",
                    "Prepare the <draft> budget & circulate it",
                    "Prepare the *draft* budget with [[NN]]",
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
    fn edits_that_other_pages_read_give_what_a_full_build_gives() {
        follow(
            "tests/fixtures/steering",
            &[
                // An action's update at a later meeting: the action's page,
                // its meeting's, its owner's and its topic's.
                (
                    "content/meetings/tsc/2023/tsc-2023-06-28.md",
                    "status: in-progress, due: 2023-12-31",
                    "status: dropped, due: 2023-12-31",
                ),
                // A heading over passages that name entities.
                (
                    "content/meetings/tsc/2023/tsc-2023-06-28.md",
                    "### tessera/core",
                    "### tessera/core and plugins",
                ),
                // A decision's text.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "exactly the one-third cap.",
                    "exactly the one-third cap allowed.",
                ),
                // A new parent: the ancestors of every page below.
                (
                    "content/topics/release-signing.md",
                    "parent: Releases",
                    "parent: Governance",
                ),
                // An entity's parent and affiliation.
                (
                    "content/entities/bodies/tessera-tsc.md",
                    "parent: Open Tooling Foundation",
                    "parent: Google",
                ),
                (
                    "content/entities/people/yusuf-demir.md",
                    "affiliation: Red Kite Software",
                    "affiliation: Northwind Labs",
                ),
                // A meeting leaves its series: the series' size and every
                // attendance table of its people.
                (
                    "content/meetings/tsc/2023/tsc-2023-06-28.md",
                    "series: Tessera TSC",
                    "series: Tessera TSC working group",
                ),
                // A new attendee: ties between people change, and so do
                // the relationship maps of those they are tied to.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "  - Yusuf Demir\n",
                    "  - Yusuf Demir\n  - Nadia Farouk\n",
                ),
                // An entity's description and name.
                (
                    "content/entities/people/yusuf-demir.md",
                    "name: Yusuf Demir",
                    "name: Yusuf K. Demir",
                ),
            ],
        );
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
                // The same words in another meeting of the series: in
                // neither are they its own, and both summaries change.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "## Links",
                    "The budget for the security audit was approved without objection today.\n\n## Links",
                ),
                // An action written in the minutes, then words above it.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "## Upcoming Meetings",
                    ITEM,
                ),
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "## Links",
                    WORDS,
                ),
                // And out of it again.
                (
                    "content/meetings/tsc/2023/tsc-2023-01-25.md",
                    "The budget for the security audit was approved without objection today.",
                    "The release schedule for the spring was agreed in principle by everyone present.",
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
