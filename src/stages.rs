//! The stages of a build, as docs/architecture.md describes them:
//! [`source::load`] → [`model::parse`] → [`graph::resolve`](crate::graph::resolve)
//! → [`render`] → [`output`]. Each stage takes typed input and returns typed
//! output; the library never prints, it returns reports and diagnostics.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{Config, Overrides};
use crate::diagnostic::{self, Diagnostic};
use crate::graph::Site;
use crate::render::{self, RenderReport, Renderer};
use crate::timing::{Lap, Stopwatch};
use crate::{archetype, graph, history, model, output, source};

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration or the command line is wrong (exit status 2).
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// The content has errors (exit status 1); warnings are included.
    #[error("the site has {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Content(Vec<Diagnostic>),
    /// The output folder cannot be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// `check` found problems (already reported; exit status 1).
    #[error("check found {0} problem(s)")]
    Found(usize),
}

impl Error {
    /// The exit status README.md (Commands) gives this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Config(_) | Error::Output(output::OutputError::Refused { .. }) => 2,
            Error::Content(_) | Error::Output(_) | Error::Found(_) => 1,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Pages of each kind and files written.
    pub rendered: RenderReport,
    /// Warnings, sorted.
    pub warnings: Vec<Diagnostic>,
    /// Wall time of the whole build.
    pub elapsed: Duration,
    /// Where the site was written (empty for `check`).
    pub output: PathBuf,
    /// Wall time of each stage, in order.
    pub stages: Vec<Lap>,
}

/// Reads the configuration of the site at `root`.
pub fn load_config(root: &Path, overrides: &Overrides) -> Result<Config, Error> {
    Config::load(root, overrides).map_err(Error::Config)
}

/// Load, parse and resolve: the knowledge graph of the site, and its warnings.
/// Errors (and, with `strict`, warnings) stop here.
pub fn analyse(config: &Config) -> Result<(Site, Vec<Diagnostic>), Error> {
    analyse_timed(config, &mut Stopwatch::default(), false)
}

/// Loads, parses and resolves the site. With `release`, each file's text is
/// let go of as soon as it is parsed: later stages read it again from the
/// file (see [`model::Doc::release_text`]).
fn analyse_timed(
    config: &Config,
    watch: &mut Stopwatch,
    release: bool,
) -> Result<(Site, Vec<Diagnostic>), Error> {
    // The history is read by git beside the content, on a thread of its own.
    let history = config.git.then(|| {
        let root = config.root.clone();
        std::thread::Builder::new()
            .name("history".into())
            .spawn(move || history::History::read(&root))
    });
    let (files, mut diagnostics) = if release {
        let loaded = source::load_each(&config.root, |file| {
            let mut parsed = model::parse_file(file, &config.conventions);
            parsed.release_text(&config.root);
            parsed
        });
        watch.lap("load and parse");
        loaded
    } else {
        let loaded = source::load(&config.root);
        watch.lap("load");
        let files: Vec<model::ParsedFile> = loaded
            .files
            .into_par_iter()
            .map(|f| model::parse_file(f, &config.conventions))
            .collect();
        watch.lap("parse");
        (files, loaded.diagnostics)
    };
    let mut parsed = model::Parsed::gather(&files);
    drop(files);
    diagnostics.append(&mut parsed.diagnostics);
    let mut resolved = graph::resolve(parsed, config);
    diagnostics.extend(resolved.diagnostics);
    watch.lap("resolve");
    if let Some(Ok(reading)) = history {
        // A thread that failed leaves the meetings without dates.
        resolved.site.history = std::sync::Arc::new(reading.join().unwrap_or_default());
        watch.lap("history");
    }
    finish(config, resolved.site, diagnostics)
}

/// Applies `strict` to the warnings, sorts them, and stops at errors.
pub(crate) fn finish(
    config: &Config,
    site: Site,
    diagnostics: Vec<Diagnostic>,
) -> Result<(Site, Vec<Diagnostic>), Error> {
    settle(config, [diagnostics]).map(|warnings| (site, warnings))
}

/// The one place the diagnostics of the stages run so far are collected:
/// with `strict`, warnings become errors; they are sorted, and any error
/// stops the build here, with every diagnostic in the error.
pub(crate) fn settle(
    config: &Config,
    parts: impl IntoIterator<Item = Vec<Diagnostic>>,
) -> Result<Vec<Diagnostic>, Error> {
    let diagnostics = collect(config, parts);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diagnostics));
    }
    Ok(diagnostics)
}

/// A stage that failed with `errors`: they stop the build, reported with
/// the warnings of the stages before it, collected as [`settle`] does.
pub(crate) fn failed(config: &Config, errors: Vec<Diagnostic>, warnings: Vec<Diagnostic>) -> Error {
    Error::Content(collect(config, [errors, warnings]))
}

/// Every diagnostic of `parts`, `strict` applied, sorted.
fn collect(config: &Config, parts: impl IntoIterator<Item = Vec<Diagnostic>>) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = parts.into_iter().flatten().collect();
    if config.strict {
        for d in &mut diagnostics {
            d.severity = diagnostic::Severity::Error;
        }
    }
    diagnostic::sort(&mut diagnostics);
    diagnostics
}

/// Prepares a new meeting, entity or topic file (see [`archetype`]) from the
/// site, drafts included. Nothing is written: the caller writes the draft.
/// A site with errors prepares nothing; a refusal (a file of that name
/// already there, a slug that is a year) is a configuration error.
pub fn prepare_new(
    config: &Config,
    request: &archetype::Request,
) -> Result<archetype::Draft, Error> {
    let config = Config {
        drafts: true,
        strict: false,
        ..config.clone()
    };
    let (site, _) = analyse(&config)?;
    archetype::draft(&site, &config, request).map_err(|d| Error::Config(Box::new(d)))
}

/// Compiles the theme and analyses the content, reporting the errors of both.
pub(crate) fn prepare(config: &Config) -> Result<(Renderer, Site, Vec<Diagnostic>), Error> {
    prepare_timed(config, &mut Stopwatch::default(), false)
}

/// [`prepare`], timed; with `release`, texts are let go of once parsed.
fn prepare_timed(
    config: &Config,
    watch: &mut Stopwatch,
    release: bool,
) -> Result<(Renderer, Site, Vec<Diagnostic>), Error> {
    let renderer = Renderer::new(config);
    watch.lap("theme");
    match (renderer, analyse_timed(config, watch, release)) {
        (Ok(renderer), Ok((site, warnings))) => {
            let warnings = settle(config, [warnings, renderer.warnings().to_vec()])?;
            Ok((renderer, site, warnings))
        }
        (Err(theme), Ok((_, warnings))) => Err(failed(config, theme, warnings)),
        (Err(theme), Err(Error::Content(content))) => Err(failed(config, theme, content)),
        (_, Err(e)) => Err(e),
    }
}

/// Builds the site into `output`; the previous output stays untouched unless
/// the whole build succeeds. A build already writing `output` is waited for
/// as long as [`output::Wait::DEFAULT`].
pub fn build(config: &Config, output: &Path) -> Result<BuildReport, Error> {
    build_waiting(config, output, &output::Wait::default())
}

/// [`build`], waiting for a build already writing `output` as `wait` says.
pub fn build_waiting(
    config: &Config,
    output: &Path,
    wait: &output::Wait<'_>,
) -> Result<BuildReport, Error> {
    let start = Instant::now();
    let mut watch = Stopwatch::start();
    // The output is held from before the content is read, so two builds
    // swap in their sites in the order they read the content.
    let claim = output::Claim::take(&config.root, output, wait)?;
    watch.lap("lock");
    let (renderer, site, warnings) = prepare_timed(config, &mut watch, true)?;
    let staging = output::Staging::begin(claim)?;
    match render::render(&site, config, &renderer, &staging) {
        Ok(rendered) => {
            watch.lap("render and write");
            staging.commit()?;
            drop_aside(site);
            watch.lap("swap");
            Ok(BuildReport {
                rendered,
                warnings,
                elapsed: start.elapsed(),
                output: output.to_path_buf(),
                stages: watch.stages,
            })
        }
        Err(errors) => {
            // A full disk fails every file: said once, for the output folder.
            if let Some(full) = staging.out_of_room() {
                return Err(Error::Output(full));
            }
            Err(failed(config, errors, warnings))
        }
    }
}

/// Lets go of `value` on a thread of its own: freeing a large site takes
/// a tenth of a second at ten thousand meetings, and nothing waits for it
/// (a process that ends meanwhile just ends).
fn drop_aside<T: Send + 'static>(value: T) {
    // Where no thread can be started, the value is dropped at once.
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}
