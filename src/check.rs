//! `check`: the whole build in memory, then every link of every page
//! followed.
//!
//! Besides the build's own errors and warnings (unresolved refs, names used
//! twice), it reports internal links and `#fragments` that lead nowhere — in
//! the Markdown and in what templates produce — and overdue actions no meeting
//! has reported on. External links are only fetched when asked, with a
//! timeout per request and a cap on how many are fetched at once. Nothing is
//! written.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use scraper::{Html, Selector};

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Kind, Severity};
use crate::graph::with_ids;
use crate::graph::{Site, Target};
use crate::output;
use crate::render::{self, RenderReport};
use crate::stages::{BuildReport, Error};

/// How `check` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Fetch external links too.
    pub external: bool,
    /// Time allowed for each external request.
    pub timeout: Duration,
    /// External requests under way at once.
    pub concurrency: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            external: false,
            timeout: Duration::from_secs(10),
            concurrency: 8,
        }
    }
}

/// What `check` found.
#[derive(Debug)]
pub struct Report {
    /// The in-memory build.
    pub build: BuildReport,
    /// Every problem: the build's warnings, broken links, silent overdue actions.
    pub problems: Vec<Diagnostic>,
    /// HTML pages read.
    pub pages: usize,
    /// Internal links followed.
    pub internal: usize,
    /// External links fetched (0 unless asked).
    pub external: usize,
}

impl Report {
    /// How many problems of each kind were found, in the order of [`Kind`].
    pub fn by_kind(&self) -> BTreeMap<Kind, usize> {
        let mut counts = BTreeMap::new();
        for p in &self.problems {
            *counts.entry(p.kind).or_insert(0) += 1;
        }
        counts
    }
}

/// Builds in memory and checks every link. `Err` only when the site cannot
/// be built at all (its errors are in the error).
pub fn check(config: &Config, options: &Options) -> Result<Report, Error> {
    let start = Instant::now();
    let (renderer, site, warnings) = crate::stages::prepare(config)?;
    let memory = output::Memory::default();
    let rendered: RenderReport = render::render(&site, config, &renderer, &memory)
        .map_err(|errors| crate::stages::failed(config, errors, warnings.clone()))?;
    let files = memory.into_files();
    let sources = sources(&site);
    let pages = read_pages(&files);
    let mut problems = warnings.clone();
    let mut internal = 0;
    let mut external = BTreeMap::new();
    for (path, page) in &pages {
        for link in &page.links {
            match classify(link, path, &config.base_url) {
                Link::Internal(file, fragment) => {
                    internal += 1;
                    if let Some(problem) = missing(&files, &pages, &file, &fragment) {
                        problems.push(
                            locate(config, &sources, path, link, &problem).kind(Kind::BrokenLink),
                        );
                    }
                }
                Link::External(url) => {
                    external.entry(url).or_insert_with(|| path.clone());
                }
                Link::Outside => {
                    let why = format!("leads outside the site's path {}", config.base_url.path);
                    problems
                        .push(locate(config, &sources, path, link, &why).kind(Kind::OutsideLink));
                }
                Link::Ignored => {}
            }
        }
    }
    problems.extend(silent_overdue(&site));
    let fetched = if options.external {
        let n = external.len();
        problems.extend(fetch(&external, options));
        n
    } else {
        0
    };
    diagnostic::sort(&mut problems);
    Ok(Report {
        build: BuildReport {
            rendered,
            warnings,
            elapsed: start.elapsed(),
            output: PathBuf::new(),
            stages: Vec::new(),
        },
        problems,
        pages: pages.len(),
        internal,
        external: fetched,
    })
}

/// The links and ids of one page.
#[derive(Debug, Default)]
struct PageLinks {
    links: Vec<String>,
    ids: BTreeSet<String>,
}

fn read_pages(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, PageLinks> {
    let linked =
        Selector::parse("a[href], link[href], img[src], script[src], iframe[src], source[src]")
            .expect("a valid selector");
    let named = Selector::parse("[id], a[name]").expect("a valid selector");
    files
        .par_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            let doc = Html::parse_document(&String::from_utf8_lossy(bytes));
            let links = doc
                .select(&linked)
                .filter_map(|e| e.value().attr("href").or(e.value().attr("src")))
                .map(str::to_owned)
                .collect();
            let ids = doc
                .select(&named)
                .filter_map(|e| e.value().attr("id").or(e.value().attr("name")))
                .map(str::to_owned)
                .collect();
            (path.clone(), PageLinks { links, ids })
        })
        .collect()
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
enum Link {
    /// A file of the site and a fragment (maybe empty).
    Internal(String, String),
    /// Another site.
    External(String),
    /// A path on the same host but outside the site's sub-path.
    Outside,
    /// Mail, telephone and other schemes.
    Ignored,
}

fn classify(href: &str, page: &str, base: &crate::config::BaseUrl) -> Link {
    let href = href.trim();
    let (before, fragment) = match href.split_once('#') {
        Some((b, f)) => (b, f.to_owned()),
        None => (href, String::new()),
    };
    let before = before.split('?').next().unwrap_or("");
    let lower = before.to_ascii_lowercase();
    let from_root = if let Some(rest) = before.strip_prefix(base.url.as_str()) {
        Some(rest.to_owned())
    } else if lower.starts_with("http://")
        || lower.starts_with("https://")
        || before.starts_with("//")
    {
        return Link::External(href.to_owned());
    } else if lower.split('/').next().is_some_and(|s| s.contains(':')) {
        // mailto:, tel: and other schemes.
        return Link::Ignored;
    } else if let Some(abs) = before.strip_prefix('/') {
        match format!("/{abs}").strip_prefix(base.path.as_str()) {
            Some(rest) => Some(rest.to_owned()),
            None => return Link::Outside,
        }
    } else {
        None
    };
    let mut segments: Vec<String> = match from_root {
        Some(rest) => rest.split('/').map(str::to_owned).collect(),
        None if before.is_empty() => return Link::Internal(page.to_owned(), fragment),
        None => {
            let mut base: Vec<String> = page.split('/').map(str::to_owned).collect();
            base.pop();
            for seg in before.split('/') {
                match seg {
                    ".." => {
                        if base.pop().is_none() {
                            return Link::Outside;
                        }
                    }
                    "." => {}
                    s => base.push(s.to_owned()),
                }
            }
            base
        }
    };
    if segments.last().is_some_and(String::is_empty) {
        segments.pop();
        segments.push("index.html".to_owned());
    }
    Link::Internal(segments.join("/"), fragment)
}

fn missing(
    files: &BTreeMap<String, Vec<u8>>,
    pages: &BTreeMap<String, PageLinks>,
    file: &str,
    fragment: &str,
) -> Option<String> {
    let file = if files.contains_key(file) || file.is_empty() {
        file.to_owned()
    } else if files.contains_key(&format!("{file}/index.html")) {
        format!("{file}/index.html")
    } else {
        return Some(format!("leads to `{file}`, which the site does not have"));
    };
    if fragment.is_empty() {
        return None;
    }
    match pages.get(&file) {
        Some(p) if p.ids.contains(fragment) => None,
        Some(_) => Some(format!(
            "leads to `#{fragment}`, which `{file}` does not have"
        )),
        None => None,
    }
}

/// Which source file each page comes from: the content file, or the template.
fn sources(site: &Site) -> HashMap<String, (PathBuf, String)> {
    let mut map = HashMap::new();
    let mut add = |t: Target, path: &std::path::Path, text: &str| {
        map.insert(
            format!("{}index.html", site.path(t)),
            (path.to_path_buf(), text.to_owned()),
        );
    };
    for (i, m) in with_ids(&site.meetings) {
        add(Target::Meeting(i), m.doc.path(), &m.doc.source.text);
    }
    for (i, e) in with_ids(&site.entities) {
        if let Some(d) = e.doc.file() {
            add(Target::Entity(i), d.path(), &d.source.text);
        }
    }
    for (i, t) in with_ids(&site.topics) {
        if let Some(d) = t.doc.file() {
            add(Target::Topic(i), d.path(), &d.source.text);
        }
    }
    for (i, p) in with_ids(&site.free_pages) {
        add(Target::FreePage(i), p.doc.path(), &p.doc.source.text);
    }
    map
}

/// A broken-link diagnostic, pointed at the link in the content file when it
/// is written there, else at the page.
fn locate(
    config: &Config,
    sources: &HashMap<String, (PathBuf, String)>,
    page: &str,
    link: &str,
    problem: &str,
) -> Diagnostic {
    let message = format!("the link `{link}` on /{page} {problem}");
    if let Some((path, text)) = sources.get(page) {
        let needle = link
            .strip_prefix(config.base_url.path.as_str())
            .unwrap_or(link);
        let at = [link, needle, needle.trim_end_matches('/')]
            .iter()
            .filter(|n| !n.is_empty())
            .find_map(|n| text.find(n));
        if let Some(at) = at {
            return Diagnostic::error(path, message)
                .at_offset(text, at)
                .width(link.chars().count())
                .help("correct the link, or create the page it should lead to");
        }
    }
    Diagnostic::error(PathBuf::from(format!("public/{page}")), message)
        .help("the link comes from a template: correct the template, or the data it links")
}

/// Actions past their due date that no later meeting has reported on.
fn silent_overdue(site: &Site) -> Vec<Diagnostic> {
    site.actions
        .iter()
        .filter(|a| a.overdue && a.history.is_empty())
        .map(|a| {
            let doc = &site.meetings[a.meeting].doc;
            let at = doc.locate("id", &a.id);
            let at = if at == doc.yaml_offset {
                doc.locate("text", &a.text)
            } else {
                at
            };
            let due = a.due.map(|d| d.display_en()).unwrap_or_default();
            doc.diagnostic(
                Severity::Warning,
                at,
                format!(
                    "the action `{}` was due {due} and no meeting has reported on it",
                    a.id
                ),
            )
            .kind(Kind::SilentOverdue)
            .help("add an `updates:` entry in a later meeting, or change its due date")
        })
        .collect()
}

/// Fetches external links, a few at a time; answers of 400 and above, and
/// failures, become warnings.
fn fetch(urls: &BTreeMap<String, String>, options: &Options) -> Vec<Diagnostic> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.concurrency.max(1))
        .build();
    let Ok(pool) = pool else { return Vec::new() };
    let list: Vec<(&String, &String)> = urls.iter().collect();
    pool.install(|| {
        list.par_iter()
            .filter_map(|(url, page)| {
                let status = agent
                    .head(url.as_str())
                    .call()
                    .map(|r| r.status().as_u16())
                    .and_then(|s| match s {
                        405 | 501 => agent.get(url.as_str()).call().map(|r| r.status().as_u16()),
                        s => Ok(s),
                    });
                let problem = match status {
                    Ok(s) if s < 400 => return None,
                    Ok(s) => format!("answered HTTP {s}"),
                    Err(e) => format!("could not be fetched ({e})"),
                };
                Some(
                    Diagnostic::warning(
                        PathBuf::from(format!("public/{page}")),
                        format!("the external link `{url}` on /{page} {problem}"),
                    )
                    .kind(Kind::ExternalLink)
                    .help("correct or remove the link; it may also be down for a while"),
                )
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;

    #[test]
    fn links_are_classified_against_the_base_url() {
        let base = BaseUrl::parse("https://intranet.example/minutes/").unwrap();
        let page = "meetings/x/index.html";
        let int = |f: &str, frag: &str| Link::Internal(f.into(), frag.into());
        assert_eq!(
            classify("/minutes/entities/desa/", page, &base),
            int("entities/desa/index.html", "")
        );
        assert_eq!(classify("/minutes/", page, &base), int("index.html", ""));
        assert_eq!(
            classify("../../topics/t/#a", page, &base),
            int("topics/t/index.html", "a")
        );
        assert_eq!(classify("#q-toc", page, &base), int(page, "q-toc"));
        assert_eq!(
            classify("https://intranet.example/minutes/feed.xml", page, &base),
            int("feed.xml", "")
        );
        assert_eq!(classify("/elsewhere/", page, &base), Link::Outside);
        assert_eq!(classify("../../../../x", page, &base), Link::Outside);
        assert_eq!(
            classify("https://undp.org", page, &base),
            Link::External("https://undp.org".into())
        );
        assert_eq!(classify("mailto:a@b.org", page, &base), Link::Ignored);
    }
}
