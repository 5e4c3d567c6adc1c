//! The render stage: every page of the site through its tera template.
//!
//! Templates are compiled once; pages are rendered in parallel and handed to
//! a [`Sink`] as soon as each is done, so memory does not grow with the site.
//! This is the only module that knows tera. It never writes files itself.

pub mod context;
pub mod pages;
pub mod theme;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::{Site, SiteLinks};
use context::{Ctx, NavItem, Urls};
use pages::{Data, Page};
use theme::{StaticSource, TemplateSource, ThemeFiles};

/// Where rendered pages and static files go.
pub trait Sink: Sync {
    /// Receives the bytes of the file at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// Receives a static file to copy from disk.
    fn copy(&self, path: &str, from: &Path) -> Result<(), String> {
        let bytes =
            std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        self.write(path, &bytes)
    }
}

/// The compiled templates and the static files of the theme.
pub struct Renderer {
    tera: Tera,
    templates: Vec<(String, TemplateSource)>,
    statics: Vec<(String, StaticSource)>,
}

/// What the render stage produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderReport {
    pub meetings: usize,
    pub entities: usize,
    pub topics: usize,
    pub actions: usize,
    pub pages: usize,
    /// Every file written, pages and static files.
    pub files: usize,
}

impl Renderer {
    /// Loads and compiles the theme the configuration names.
    pub fn new(config: &Config) -> Result<Renderer, Vec<Diagnostic>> {
        let files = theme::gather(&config.root, &config.theme)?;
        Renderer::from_files(files)
    }

    /// Compiles gathered theme files.
    pub fn from_files(files: ThemeFiles) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        let templates: Vec<(String, TemplateSource)> = files.templates.into_iter().collect();
        let raw: Vec<(&str, &str)> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.text.as_str()))
            .collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            return Err(vec![template_error(&e, &templates)]);
        }
        Ok(Renderer {
            tera,
            templates,
            statics: files.statics.into_iter().collect(),
        })
    }

    /// Whether the theme has a template of that name.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders a template with `context`; for extra outputs of other stages.
    pub fn render_template(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(&e, &self.templates))
    }
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
}

#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    title: String,
    path: String,
    permalink: String,
}

const GENERATOR: &str = concat!("quorum ", env!("CARGO_PKG_VERSION"));

/// Renders every page of `site` and copies the theme's static files into `sink`.
pub fn render(
    site: &Site,
    config: &Config,
    renderer: &Renderer,
    sink: &dyn Sink,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let urls = Urls::new(config);
    let ctx = Ctx {
        site,
        config,
        urls: &urls,
        links: SiteLinks::new(site, urls.relative),
    };
    let pages = Page::all(&ctx);
    let results: Vec<Result<(), Diagnostic>> = pages
        .par_iter()
        .map(|&page| {
            let html = render_page(&ctx, renderer, page)?;
            let file = page.file(&ctx);
            sink.write(&file, html.as_bytes()).map_err(|e| {
                Diagnostic::error(PathBuf::from(&file), format!("cannot write the page: {e}"))
            })
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).collect();
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
    if !diagnostics.is_empty() {
        crate::diagnostic::sort(&mut diagnostics);
        diagnostics.truncate(50);
        return Err(diagnostics);
    }
    Ok(RenderReport {
        meetings: site.meetings.len(),
        entities: site.entities.len(),
        topics: site.topics.len(),
        actions: site.actions.len(),
        pages: site.pages.len(),
        files: pages.len() + renderer.statics.len(),
    })
}

/// The context every template receives, for the page at `dir`.
pub fn base_context(ctx: &Ctx<'_>, kind: &'static str, title: String, dir: &str) -> Context {
    let urls = ctx.urls;
    let mut c = Context::new();
    c.insert(
        "site",
        &SiteView {
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
            },
            generator: GENERATOR,
        },
    );
    c.insert("root", &urls.root(dir));
    c.insert(
        "page",
        &PageView {
            kind,
            title,
            path: urls.path(dir),
            permalink: urls.permalink(dir),
        },
    );
    c.insert("nav", &nav(ctx, dir));
    c.insert(
        "today",
        &crate::model::date::PartialDate::from_date(ctx.site.today),
    );
    c
}

fn nav(ctx: &Ctx<'_>, dir: &str) -> Vec<NavItem> {
    let mut items: Vec<(String, String)> = [
        ("Meetings", "meetings/"),
        ("Entities", "entities/"),
        ("Topics", "topics/"),
        ("Actions", "actions/"),
        ("Decisions", "decisions/"),
    ]
    .iter()
    .map(|(t, p)| (t.to_string(), p.to_string()))
    .collect();
    for (i, p) in ctx.site.pages.iter().enumerate() {
        items.push((
            p.doc.front.title.clone(),
            ctx.site.path(crate::graph::Target::Page(i)),
        ));
    }
    items
        .into_iter()
        .map(|(title, path)| NavItem {
            current: !dir.is_empty() && dir.starts_with(&path),
            path: ctx.urls.path(&path),
            title,
        })
        .collect()
}

fn render_page(ctx: &Ctx<'_>, renderer: &Renderer, page: Page) -> Result<String, Diagnostic> {
    let dir = page.dir(ctx);
    let mut c = base_context(ctx, page.kind(), page.title(ctx), &dir);
    match pages::data(ctx, page) {
        Data::Home(d) => c.insert("home", &d),
        Data::Meetings(d) => c.insert("years", &d),
        Data::Meeting(d) => c.insert("meeting", &d),
        Data::Entities(d) => c.insert("groups", &d),
        Data::Entity(d) => c.insert("entity", &d),
        Data::Topics(d) => c.insert("tree", &d),
        Data::Topic(d) => c.insert("topic", &d),
        Data::Actions(d) => c.insert("register", &d),
        Data::Action(d) => c.insert("action", &d),
        Data::Decisions(d) => c.insert("log", &d),
        Data::Free(d) => c.insert("content", &d),
        Data::None => {}
    }
    renderer.render_template(page.template(), &c)
}
