//! The render stage: every page of the site through its tera template.
//!
//! Templates are compiled once; pages are rendered in parallel and handed to
//! a [`Sink`] as soon as each is done, so memory does not grow with the site.
//! This is the only module that knows tera. It never writes files itself.

pub(crate) mod attendance;
mod inputs;
pub use crate::page as context;
pub(crate) mod knowledge;
pub(crate) mod pages;
pub mod theme;
pub(crate) mod years;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::with_ids;
use crate::graph::{Site, SiteLinks};
use crate::hash::fingerprint::Fingerprinter;
use crate::i18n::{Arg, Language, Strings};
use crate::page::{Ctx, NavItem, Urls};
pub use crate::sink::{Fill, Sink, SinkError};
use pages::{Data, Page};
use theme::{StaticSource, TemplateSource, ThemeFiles};

/// The compiled templates and the static files of the theme, and the
/// strings of the site's language.
pub struct Renderer {
    tera: Tera,
    templates: Vec<(String, TemplateSource)>,
    statics: Vec<(String, StaticSource)>,
    strings: Arc<Strings>,
    warnings: Vec<Diagnostic>,
}

/// What the render stage produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderReport {
    pub meetings: usize,
    pub entities: usize,
    pub topics: usize,
    pub actions: usize,
    pub free_pages: usize,
    /// Every file of the site, pages and static files.
    pub files: usize,
    /// Pages rendered (the others were unchanged since the previous render).
    pub rendered: usize,
    /// What each template cost, by template name (for `--timings`).
    pub templates: Vec<TemplateCost>,
    /// Wall time of each part of the render: pages, static files, exports, search.
    pub parts: Vec<crate::timing::Lap>,
}

/// The pages one template rendered, and what they cost (summed over threads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateCost {
    pub template: &'static str,
    pub pages: usize,
    /// Building the pages' data.
    pub data: std::time::Duration,
    /// Rendering them with tera.
    pub render: std::time::Duration,
    /// Handing them to the sink.
    pub write: std::time::Duration,
    /// Bytes produced.
    pub bytes: usize,
}

/// What one render keeps for the next: a fingerprint of what every page
/// read, the parts of the search index with what their documents read,
/// what the exports read (and the calendar's entries), and the link
/// previews' cards by what each read.
#[derive(Default)]
pub struct Fingerprints {
    pages: crate::hash::FastMap<String, u64>,
    search: crate::search::Kept,
    exports: crate::export::Kept,
    previews: crate::views::previews::Cards,
}

impl Renderer {
    /// Loads and compiles the theme the configuration names.
    pub fn new(config: &Config) -> Result<Renderer, Vec<Diagnostic>> {
        let files = theme::gather(&config.root, &config.theme)?;
        Renderer::from_files(files, &config.language)
    }

    /// Compiles gathered theme files, with the strings of `language`.
    pub fn from_files(files: ThemeFiles, language: &Language) -> Result<Renderer, Vec<Diagnostic>> {
        let (strings, warnings) = Strings::load(language, &files.i18n)?;
        let strings = Arc::new(strings);
        let mut tera = Tera::new();
        translations(&mut tera, &strings);
        let templates: Vec<(String, TemplateSource)> = files.templates.into_iter().collect();
        let filled: Vec<Option<String>> = templates
            .iter()
            .map(|(n, t)| fill_strings(n, &t.text, &strings))
            .collect();
        let raw: Vec<(&str, &str)> = templates
            .iter()
            .zip(&filled)
            .map(|((n, t), f)| (n.as_str(), f.as_deref().unwrap_or(&t.text)))
            .collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            return Err(vec![template_error(&e, &templates)]);
        }
        Ok(Renderer {
            tera,
            templates,
            statics: files.statics.into_iter().collect(),
            strings,
            warnings,
        })
    }

    /// The strings of the site's language.
    pub fn strings(&self) -> &Arc<Strings> {
        &self.strings
    }

    /// What loading the theme warns of: strings missing in the site's
    /// language, one warning each.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Whether the theme has a template of that name.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders template `name` into `out`. An error of `out` is told apart
    /// from an error of the template.
    fn render_to(
        &self,
        name: &str,
        context: &Context,
        out: &mut CountingWriter<'_>,
    ) -> Result<(), Rendering> {
        self.tera
            .render_to(name, context, &mut *out)
            .map_err(|e| match out.failed.take() {
                Some(io) => Rendering::Write(io),
                None => Rendering::Template(template_error(&e, &self.templates)),
            })
    }
}

/// Gives templates the strings: `t` (every plain message, resolved once),
/// `lang` and `dir`, and the functions `tr` (a message with arguments, as
/// text) and `tr_html` (the same as HTML, each text argument a name isolated
/// in `<bdi>`).
fn translations(tera: &mut Tera, strings: &Arc<Strings>) {
    let global = tera.global_context();
    global.insert("t", strings.plain());
    global.insert("lang", strings.language().tag());
    global.insert("dir", strings.language().dir());
    global.insert("script_strings", &strings.script_json());
    let s = Arc::clone(strings);
    tera.register_function("tr", move |kwargs: tera::Kwargs, _: &tera::State| {
        format_message(&s, &kwargs, false)
    });
    let s = Arc::clone(strings);
    tera.register_function("tr_html", move |kwargs: tera::Kwargs, _: &tera::State| {
        format_message(&s, &kwargs, true).map(|h| tera::Value::safe_string(&h))
    });
}

/// `text` of template `name` with each `{{ t.key }}` of an HTML template
/// replaced by the string, escaped as tera escapes it: the same page, with
/// none of the 300 lookups a page makes at every render. `None` when there
/// is nothing to replace. A string with a line break is left to the lookup,
/// so a template error's line is still the line in the file.
fn fill_strings(name: &str, text: &str, strings: &Strings) -> Option<String> {
    static PLAIN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    if !name.ends_with(".html") || !text.contains("{{") {
        return None;
    }
    let pattern = PLAIN.get_or_init(|| {
        regex::Regex::new(r"\{\{ *t\.([A-Za-z_][A-Za-z0-9_]*) *\}\}")
            .unwrap_or_else(|e| unreachable!("a valid pattern: {e}"))
    });
    let mut replaced = false;
    let out = pattern.replace_all(text, |c: &regex::Captures<'_>| {
        match strings.plain().get(&c[1]).filter(|s| !s.contains('\n')) {
            Some(s) => {
                replaced = true;
                escape(s)
            }
            None => c[0].to_owned(),
        }
    });
    replaced.then(|| out.into_owned())
}

/// Marks where the text arguments of a message go when it is made into
/// HTML: a character of Unicode's private use area per argument, which no
/// translation holds.
const PLACE: u32 = 0xF0000;

/// Formats the message `key` of `kwargs` with its other arguments. As HTML
/// (`html`), the message's own text is escaped, a text argument is escaped
/// and isolated in `<bdi>` (a name inside a sentence), and markup the
/// template made (a safe value, such as a `<time>`) is kept as it is.
fn format_message(
    strings: &Strings,
    kwargs: &tera::Kwargs,
    html: bool,
) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let mut texts: Vec<(&str, String, String)> = Vec::new();
    let mut args = Vec::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if name == "key" {
            continue;
        }
        if let Some(n) = value.as_f64().or_else(|| value.as_i64().map(|n| n as f64)) {
            args.push((name, Arg::Number(n)));
            continue;
        }
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_owned);
        let (place, shown) = if html {
            let place =
                char::from_u32(PLACE + texts.len() as u32).map_or_else(String::new, String::from);
            let shown = if value.is_safe() {
                text
            } else {
                format!("<bdi>{}</bdi>", escape(&text))
            };
            (place, shown)
        } else {
            (text, String::new())
        };
        texts.push((name, place, shown));
    }
    for (name, place, _) in &texts {
        args.push((name, Arg::Text(place)));
    }
    let out = strings.format(key, &args);
    if !html {
        return Ok(out);
    }
    let mut escaped = escape(&out);
    for (_, place, shown) in &texts {
        escaped = escaped.replace(place.as_str(), shown);
    }
    Ok(escaped)
}

fn escape(text: &str) -> String {
    let mut buf = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// A tera error as a diagnostic on the template's file.
fn template_error(e: &tera::Error, templates: &[(String, TemplateSource)]) -> Diagnostic {
    let source_of = |name: &str| templates.iter().find(|(n, _)| n == name).map(|(_, t)| t);
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let (path, text) = match source_of(r.filename()) {
                Some(t) => (t.path.clone(), t.text.as_str()),
                None => (PathBuf::from(r.filename()), ""),
            };
            let span = r.span();
            let d = Diagnostic::error(path, format!("template: {}", r.message()));
            if text.is_empty() {
                d
            } else {
                let width = if span.start_line == span.end_line {
                    span.end_col.saturating_sub(span.start_col)
                } else {
                    1
                };
                d.at(text, span.start_line, span.start_col + 1).width(width)
            }
        }
        other => Diagnostic::error("templates", format!("template: {other}")),
    }
    .help("fix the template, or delete it to fall back to the theme's own")
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    home: String,
    sections: Sections,
    generator: &'static str,
}

#[derive(Serialize)]
struct Sections {
    meetings: String,
    entities: String,
    topics: String,
    actions: String,
    decisions: String,
    search: String,
    /// The knowledge views' pages: the site map, what changed, the
    /// printable register.
    map: String,
    changes: String,
    actions_print: String,
}

#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    title: String,
    path: String,
    permalink: String,
    /// Where the page's own file can be read and edited (`source_url:` and
    /// `edit_url:`); none on pages made from no file of their own.
    source_url: Option<String>,
    edit_url: Option<String>,
}

const GENERATOR: &str = concat!("quorum ", env!("CARGO_PKG_VERSION"));

/// Renders every page of `site` and copies the theme's static files into `sink`.
pub fn render(
    site: &Site,
    config: &Config,
    renderer: &Renderer,
    sink: &dyn Sink,
) -> Result<RenderReport, Vec<Diagnostic>> {
    render_since(site, config, renderer, sink, None).map(|(report, _)| report)
}

/// Like [`render`], but a page whose template input has the same fingerprint
/// as in `previous` is not rendered again: the sink is told to keep it.
/// Returns the fingerprints of this render, for the next one.
pub fn render_since(
    site: &Site,
    config: &Config,
    renderer: &Renderer,
    sink: &dyn Sink,
    previous: Option<&Fingerprints>,
) -> Result<(RenderReport, Fingerprints), Vec<Diagnostic>> {
    let urls = Urls::new(config);
    let paths = context::Paths::new(site, &urls);
    let unshared = context::Values::default();
    let ctx = Ctx {
        site,
        config,
        urls: &urls,
        links: SiteLinks::new(site, urls.relative),
        paths: &paths,
        values: &unshared,
        strings: renderer.strings(),
        root: urls.root("").into(),
    };
    let mut parts = Vec::new();
    let mut clock = std::time::Instant::now();
    // A stage's time is the time since the last lap unless it is given
    // (for work done alongside another stage).
    let mut lap = |name: &'static str, took: Option<std::time::Duration>| {
        let now = std::time::Instant::now();
        parts.push(crate::timing::Lap {
            name,
            time: took.unwrap_or(now - clock),
            peak: crate::timing::peak_memory(),
        });
        clock = now;
    };
    let mut diagnostics = Vec::new();
    for (path, source) in &renderer.statics {
        let r = match source {
            StaticSource::Builtin(bytes) => sink.write(path, bytes),
            StaticSource::File(from) => sink.copy(path, from),
        };
        if let Err(e) = r {
            diagnostics.push(Diagnostic::error(
                PathBuf::from(path),
                format!("cannot copy the static file: {e}"),
            ));
        }
    }
    let statics: Vec<&str> = renderer.statics.iter().map(|(p, _)| p.as_str()).collect();
    lap("static files", None);
    let pages = Page::all(&ctx);
    // The pages that list the whole site go first. Each holds every item it
    // lists at once (the printable register took 470 MB at 100,000
    // meetings); at the head of the list one thread renders them one after
    // the other while the others take the pages further on, so no two of
    // them are held together.
    let order: Vec<Page> = pages
        .iter()
        .filter(|p| p.lists_site())
        .chain(pages.iter().filter(|p| !p.lists_site()))
        .copied()
        .collect();
    // Fingerprints are only worked out when there is a previous render to
    // compare with; they start from what every body's links and every shared view show.
    let links = previous.map(|_| context::shown_digest(site));
    // The pages of nodes are fingerprinted from the versions of what they
    // read, without their data being built (see [`inputs`]).
    let versions = previous.map(|_| crate::graph::Versions::of(site));
    let tracked = versions
        .as_ref()
        .zip(links)
        .map(|(v, shown)| (v, inputs::Whole::of(v, shown)));
    if previous.is_some() {
        lap("versions", None);
    }
    // The pages first, then the rest: none of the rest runs alongside the
    // pages, which hold the most memory (their shared views are let go of
    // before the search index is made). In a rebuild, where few pages are
    // rendered, running them together gained nothing: each is spread over
    // every core already.
    let (outcomes, pages_time) = {
        let start = std::time::Instant::now();
        // Views shown on many pages are made once, for the pages only.
        let values = context::Values::new(site, renderer.strings.dates().clone());
        let paged = Ctx {
            values: &values,
            ..ctx.clone()
        };
        // Pages differ in cost a hundredfold (an entity page against an
        // action's): split down to single pages, or a thread left with a
        // long run of costly ones works on alone at the end. Outcomes are
        // summed as they come rather than kept, one per page, to the end.
        let outcomes = order
            .par_iter()
            .with_max_len(1)
            .fold(Outcomes::default, |mut sum, &page| {
                sum.add(render_one(
                    &paged, renderer, sink, page, previous, links, tracked,
                ));
                sum
            })
            .reduce(Outcomes::default, Outcomes::merge);
        // Every page kept has its fingerprint (as has every page rendered,
        // which the sink has already).
        sink.keep_all(&mut outcomes.fingerprints.pages.keys().map(String::as_str));
        (outcomes, start.elapsed())
    };
    // The exports and the link previews are written alongside the search
    // index: they need nothing it makes, and the largest export is one long
    // task that would otherwise keep a single core busy on its own.
    let (((searched, kept), search_time), ((exported, exports_time), (previews, previews_time))) =
        rayon::join(
            || {
                let start = std::time::Instant::now();
                let earlier = previous
                    .zip(tracked)
                    .map(|(p, (versions, whole))| (&p.search, versions, whole.shown()));
                let (written, kept) = crate::search::write_since(&ctx, sink, earlier);
                ((written, kept), start.elapsed())
            },
            || {
                let start = std::time::Instant::now();
                let earlier = previous
                    .zip(tracked)
                    .map(|(p, (versions, whole))| (&p.exports, versions, whole.shown()));
                let exported = crate::export::write_since(&ctx, sink, &statics, earlier);
                let exports_time = start.elapsed();
                let start = std::time::Instant::now();
                let earlier = previous
                    .zip(tracked)
                    .map(|(p, (versions, whole))| (&p.previews, versions, whole.shown()));
                let previews = write_previews(site, renderer.strings(), sink, earlier);
                ((exported, exports_time), (previews, start.elapsed()))
            },
        );
    let Outcomes {
        rendered,
        costs,
        mut fingerprints,
        diagnostics: mut failed,
    } = outcomes;
    diagnostics.append(&mut failed);
    lap("pages", Some(pages_time));
    lap("search index", Some(search_time));
    lap("exports alongside", Some(exports_time));
    lap("previews alongside", Some(previews_time));
    let mut count = |r: Result<usize, Vec<Diagnostic>>| {
        r.unwrap_or_else(|mut e| {
            diagnostics.append(&mut e);
            0
        })
    };
    let (exported, export_fingerprints) = exported;
    let exported = count(exported);
    let searched = count(searched);
    let (previews, cards) = previews;
    let previews = count(previews);
    if !diagnostics.is_empty() {
        crate::diagnostic::sort(&mut diagnostics);
        diagnostics.truncate(50);
        return Err(diagnostics);
    }
    let report = RenderReport {
        meetings: site.meetings.len(),
        entities: site.entities.len(),
        topics: site.topics.len(),
        actions: site.actions.len(),
        free_pages: site.free_pages.len(),
        files: pages.len() + renderer.statics.len() + exported + searched + previews,
        rendered,
        templates: costs.into_values().collect(),
        parts,
    };
    fingerprints.search = kept.unwrap_or_default();
    fingerprints.exports = export_fingerprints;
    fingerprints.previews = cards;
    Ok((report, fingerprints))
}

/// What became of one page.
struct Outcome {
    file: String,
    /// Its fingerprint, when fingerprinting.
    fingerprint: Option<u64>,
    /// Whether it was rendered (not kept as it was).
    rendered: bool,
    /// What it cost.
    cost: TemplateCost,
}

/// What became of the pages, summed.
#[derive(Default)]
struct Outcomes {
    rendered: usize,
    costs: std::collections::BTreeMap<&'static str, TemplateCost>,
    fingerprints: Fingerprints,
    diagnostics: Vec<Diagnostic>,
}

impl Outcomes {
    fn add(&mut self, outcome: Result<Outcome, Diagnostic>) {
        let o = match outcome {
            Ok(o) => o,
            Err(d) => return self.diagnostics.push(d),
        };
        self.rendered += usize::from(o.rendered);
        self.count(o.cost);
        if let Some(p) = o.fingerprint {
            self.fingerprints.pages.insert(o.file, p);
        }
    }

    fn count(&mut self, cost: TemplateCost) {
        let c = self
            .costs
            .entry(cost.template)
            .or_insert_with(|| TemplateCost {
                template: cost.template,
                ..TemplateCost::default()
            });
        c.pages += cost.pages;
        c.data += cost.data;
        c.render += cost.render;
        c.write += cost.write;
        c.bytes += cost.bytes;
    }

    fn merge(mut self, other: Outcomes) -> Outcomes {
        self.rendered += other.rendered;
        for cost in other.costs.into_values() {
            self.count(cost);
        }
        // The smaller table goes into the larger: summing a site's pages
        // moves each fingerprint a few times, not once per merge above it.
        let mut pages = other.fingerprints.pages;
        if pages.len() > self.fingerprints.pages.len() {
            std::mem::swap(&mut pages, &mut self.fingerprints.pages);
        }
        self.fingerprints.pages.extend(pages);
        self.diagnostics.extend(other.diagnostics);
        self
    }
}

/// Renders one page unless its fingerprint is unchanged.
fn render_one(
    ctx: &Ctx<'_>,
    renderer: &Renderer,
    sink: &dyn Sink,
    page: Page,
    previous: Option<&Fingerprints>,
    links: Option<u64>,
    tracked: Option<(&crate::graph::Versions, inputs::Whole)>,
) -> Result<Outcome, Diagnostic> {
    let file = page.file(ctx);
    let start = std::time::Instant::now();
    let cost = || TemplateCost {
        template: page.template(),
        pages: 1,
        data: start.elapsed(),
        ..TemplateCost::default()
    };
    // A page with the fingerprint it had is kept as it is.
    let unchanged = |fingerprint: Option<u64>| match (fingerprint, previous) {
        (Some(p), Some(prev)) => prev.pages.get(&file) == Some(&p),
        _ => false,
    };
    // The sink hears of the pages kept once they are all known.
    let kept = |file: String, fingerprint: Option<u64>, cost: TemplateCost| {
        Ok(Outcome {
            file,
            fingerprint,
            rendered: false,
            cost,
        })
    };
    let read =
        tracked.and_then(|(versions, whole)| inputs::fingerprint(ctx.site, versions, whole, page));
    if unchanged(read) {
        return kept(file, read, cost());
    }
    // A tracked page that read something new is rendered: its data need
    // not be fingerprinted.
    let vars = page_context(ctx, page, if read.is_some() { None } else { links })?;
    let fingerprint = read.or(vars.fingerprint);
    let mut cost = cost();
    if unchanged(fingerprint) {
        return kept(file, fingerprint, cost);
    }
    let start = std::time::Instant::now();
    let context = vars.into_context();
    // The page goes straight into the sink as it is rendered: a long list
    // page is never held whole. Time spent filling counts as rendering, the
    // rest (the file's last bytes and closing it) as writing.
    let mut filled = std::time::Duration::ZERO;
    let mut failed = None;
    let sent = std::time::Instant::now();
    let written = sink.write_from(&file, &mut |out| {
        let fill = std::time::Instant::now();
        let mut counted = CountingWriter {
            out,
            bytes: 0,
            failed: None,
        };
        let r = renderer.render_to(page.template(), &context, &mut counted);
        cost.bytes = counted.bytes;
        filled = fill.elapsed();
        r.map_err(|e| {
            failed = Some(e);
            String::new()
        })
    });
    let writing = sent.elapsed().saturating_sub(filled);
    drop(context);
    cost.render = start.elapsed().saturating_sub(writing);
    cost.write = writing;
    let cannot_write = |e: &dyn std::fmt::Display| {
        Diagnostic::error(PathBuf::from(&file), format!("cannot write the page: {e}"))
    };
    match (written, failed) {
        (Ok(_), _) => {}
        (Err(_), Some(Rendering::Template(d))) => return Err(d),
        (Err(_), Some(Rendering::Write(e))) => return Err(cannot_write(&e)),
        (Err(e), None) => return Err(cannot_write(&e)),
    }
    Ok(Outcome {
        file,
        fingerprint,
        rendered: true,
        cost,
    })
}

/// Puts a page's data into its context.
type Later<'v> = Box<dyn FnOnce(&mut Context) + 'v>;

/// A template context under construction; when fingerprinting, every value
/// is also hashed as it is inserted (from the typed value, whose field order
/// is fixed, not from tera's maps, whose order is not). The page's own data
/// is inserted only once the page is known to need rendering, so an
/// unchanged page never has its Markdown turned into HTML.
struct Vars<'v> {
    context: Context,
    hasher: Option<Fingerprinter>,
    later: Option<Later<'v>>,
}

/// Why a page could not be rendered into its file.
enum Rendering {
    Template(Diagnostic),
    Write(std::io::Error),
}

/// A writer that counts the bytes through it and keeps its first error, so
/// that a failed write is not reported as a fault of the template.
struct CountingWriter<'w> {
    out: &'w mut dyn std::io::Write,
    bytes: usize,
    failed: Option<std::io::Error>,
}

impl std::io::Write for CountingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.write_all(buf).map_err(|e| {
            let again = std::io::Error::new(e.kind(), e.to_string());
            self.failed.get_or_insert(e);
            again
        })?;
        self.bytes += buf.len();
        Ok(())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl<'v> Vars<'v> {
    fn new(fingerprint: Option<u64>) -> Vars<'v> {
        Vars {
            context: Context::new(),
            hasher: fingerprint.map(|links| {
                let mut h = Fingerprinter::default();
                h.write_u64(links);
                h
            }),
            later: None,
        }
    }

    fn hash<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(h) = self.hasher.as_mut() {
            h.write(key.as_bytes());
            // A value that cannot be hashed leaves the page without a
            // fingerprint: it is rendered every time.
            if h.add(value).is_err() {
                self.hasher = None;
            }
        }
    }

    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hash(key, value);
        self.context.insert(key, value);
    }

    /// Inserts the page's data: hashed now, put in the context only when
    /// the context is asked for.
    fn insert_later<T: Serialize + 'v>(&mut self, key: &'static str, value: T) {
        if self.hasher.is_none() {
            self.context.insert(key, &value);
            return;
        }
        self.hash(key, &value);
        self.later = Some(Box::new(move |c: &mut Context| c.insert(key, &value)));
    }

    fn finish(self, template: &str) -> PageVars<'v> {
        let fingerprint = self.hasher.map(|mut h| {
            h.write(template.as_bytes());
            h.finish()
        });
        PageVars {
            context: self.context,
            later: self.later,
            fingerprint,
        }
    }
}

/// A page's template context, and its fingerprint when fingerprinting.
struct PageVars<'v> {
    context: Context,
    later: Option<Later<'v>>,
    fingerprint: Option<u64>,
}

impl PageVars<'_> {
    fn into_context(self) -> Context {
        let mut context = self.context;
        if let Some(insert) = self.later {
            insert(&mut context);
        }
        context
    }
}

/// The context every template receives, for the page at `dir`.
pub fn base_context(ctx: &Ctx<'_>, kind: &'static str, title: String, dir: &str) -> Context {
    let mut vars = Vars::new(None);
    base_vars(&mut vars, ctx, kind, title, dir, None);
    vars.context
}

/// Inserts what every template receives; `source` is the page's own file,
/// relative to the site's folder, when it has one.
fn base_vars(
    c: &mut Vars,
    ctx: &Ctx<'_>,
    kind: &'static str,
    title: String,
    dir: &str,
    source: Option<&Path>,
) {
    let urls = ctx.urls;
    let values = ctx.values;
    // What every page shows alike is made into a template value once.
    let site = values.site.get_or_init(|| {
        tera::Value::from_serializable(&SiteView {
            title: &ctx.config.title,
            description: ctx.config.description.as_deref(),
            base_url: &urls.base_url,
            home: urls.path(""),
            sections: Sections {
                meetings: urls.path("meetings/"),
                entities: urls.path("entities/"),
                topics: urls.path("topics/"),
                actions: urls.path("actions/"),
                decisions: urls.path("decisions/"),
                search: urls.path("search/"),
                map: urls.path("map/"),
                changes: urls.path("changes/"),
                actions_print: urls.path(&knowledge::print_dir(ctx.site)),
            },
            generator: GENERATOR,
        })
    });
    c.insert("site", site);
    c.insert("root", &urls.root(dir));
    c.insert(
        "page",
        &PageView {
            kind,
            title,
            path: urls.path(dir),
            permalink: urls.permalink(dir),
            source_url: source
                .zip(ctx.config.source_url.as_ref())
                .map(|(p, u)| u.of(p)),
            edit_url: source
                .zip(ctx.config.edit_url.as_ref())
                .map(|(p, u)| u.of(p)),
        },
    );
    c.insert("nav", &nav(ctx, dir));
    let today = values.today.get_or_init(|| {
        tera::Value::from_serializable(
            &ctx.date(crate::model::date::PartialDate::from_date(ctx.site.today)),
        )
    });
    c.insert("today", today);
}

/// The navigation of the page at `dir`: its entries, the one the page is
/// in marked as current.
fn nav(ctx: &Ctx<'_>, dir: &str) -> tera::Value {
    let entries = ctx.values.nav.get_or_init(|| {
        let sections = [
            ("meetings", "meetings/"),
            ("entities", "entities/"),
            ("topics", "topics/"),
            ("actions", "actions/"),
            ("decisions", "decisions/"),
        ];
        let sections = sections
            .iter()
            .map(|(t, p)| (ctx.strings.get(t).to_owned(), p.to_string(), "section"));
        let pages = with_ids(&ctx.site.free_pages).map(|(i, p)| {
            (
                p.doc.front.title.clone(),
                ctx.site.path(crate::graph::Target::FreePage(i)),
                "page",
            )
        });
        sections.chain(pages).collect()
    });
    let current: Vec<bool> = entries
        .iter()
        .map(|(_, path, _)| !dir.is_empty() && dir.starts_with(path))
        .collect();
    ctx.values.nav_value(current.clone(), || {
        let items: Vec<NavItem> = entries
            .iter()
            .zip(current)
            .map(|((title, path, kind), current)| NavItem {
                title: title.clone(),
                path: ctx.urls.path(path),
                current,
                kind,
            })
            .collect();
        tera::Value::from_serializable(&items)
    })
}

/// The context of `page`, and its fingerprint when asked for.
fn page_context<'a>(
    ctx: &Ctx<'a>,
    page: Page,
    fingerprint: Option<u64>,
) -> Result<PageVars<'a>, Diagnostic> {
    let dir = page.dir(ctx);
    let ctx = &ctx.on_page(&dir);
    let mut c = Vars::new(fingerprint);
    base_vars(
        &mut c,
        ctx,
        page.kind(),
        page.title(ctx),
        &dir,
        page.source(ctx),
    );
    match pages::data(ctx, page)? {
        Data::Home(d) => c.insert_later("home", d),
        Data::Meetings(d) => c.insert_later("index", d),
        Data::Year(d) => c.insert_later("year", d),
        Data::Meeting(d) => c.insert_later("meeting", d),
        Data::Entities(d) => c.insert_later("groups", d),
        Data::Entity(d) => c.insert_later("entity", d),
        Data::Topics(d) => c.insert_later("tree", d),
        Data::Topic(d) => c.insert_later("topic", d),
        Data::Actions(d) => c.insert_later("register", d),
        Data::Action(d) => c.insert_later("action", d),
        Data::Decisions(d) => c.insert_later("log", d),
        Data::Search(d) => c.insert_later("search", d),
        Data::Free(d) => c.insert_later("content", d),
        Data::None => {}
        Data::Series(d) => c.insert_later("series", d),
        Data::Map(d) => c.insert_later("map", d),
        Data::Changes(d) => c.insert_later("changes", d),
        Data::ActionsPrint(d) => c.insert_later("register", d),
    }
    if page == Page::Meetings {
        c.insert("series", &knowledge::series_list(ctx));
    }
    Ok(c.finish(page.template()))
}

/// Writes the data of link previews ([`crate::views::previews`]); returns
/// the number of files.
fn write_previews(
    site: &Site,
    strings: &Strings,
    sink: &dyn Sink,
    earlier: Option<(&crate::views::previews::Cards, &crate::graph::Versions, u64)>,
) -> (
    Result<usize, Vec<Diagnostic>>,
    crate::views::previews::Cards,
) {
    let (files, cards) = crate::views::previews::files_since(site, strings, earlier);
    let errors: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|(path, bytes)| {
            sink.write(path, bytes).err().map(|e| {
                Diagnostic::error(
                    PathBuf::from(path),
                    format!("cannot write link previews: {e}"),
                )
            })
        })
        .collect();
    if errors.is_empty() {
        (Ok(files.len()), cards)
    } else {
        (Err(errors), cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value that refuses to be serialised.
    struct Refuses;

    impl Serialize for Refuses {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("refused"))
        }
    }

    #[test]
    fn a_page_whose_input_cannot_be_hashed_has_no_fingerprint() {
        let fingerprint = |refuse: bool| {
            let mut vars = Vars::new(Some(7));
            vars.insert("title", "A page");
            if refuse {
                vars.hash("data", &Refuses);
            }
            vars.finish("page.html").fingerprint
        };
        assert!(fingerprint(false).is_some());
        assert_eq!(fingerprint(false), fingerprint(false));
        assert_eq!(
            fingerprint(true),
            None,
            "such a page is rendered every time"
        );
    }
}
