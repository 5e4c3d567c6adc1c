//! Builds fixture sites and looks at what came out.
//!
//! `Site` copies a fixture (or starts empty) into a temporary folder, so
//! tests may change files freely; `Built` reads the output back, parsing HTML
//! with scraper, and checks that every internal link and fragment resolves.

#![allow(dead_code)]

pub mod authoring;
pub mod browser;
pub mod corpus;
pub mod server;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;

use quorum::config::Overrides;
use quorum::diagnostic::Diagnostic;
use scraper::{Html, Selector};

/// A site in a temporary folder.
pub struct Site {
    dir: Rc<tempfile::TempDir>,
    pub root: PathBuf,
    pub overrides: Overrides,
}

/// The repository's own sample site.
pub fn sample_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` and all it holds to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl Site {
    /// An empty site.
    pub fn empty() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        Site {
            dir: Rc::new(dir),
            root,
            overrides: Overrides {
                today: Some("2024-03-01".into()),
                ..Overrides::default()
            },
        }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_tree(&sample_root().join("tests/fixtures").join(name), &site.root);
        site
    }

    /// A copy of the sample site (quorum.yaml and content/).
    pub fn sample() -> Site {
        let site = Site::empty();
        copy_tree(&sample_root().join("content"), &site.root.join("content"));
        fs::copy(
            sample_root().join("quorum.yaml"),
            site.root.join("quorum.yaml"),
        )
        .unwrap();
        site
    }

    /// Writes a file of the site (creating folders).
    pub fn file(self, rel: &str, text: &str) -> Site {
        self.write(rel, text);
        self
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.root.join(rel)).unwrap();
    }

    pub fn output(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn config(&self) -> quorum::config::Config {
        quorum::load_config(&self.root, &self.overrides).expect("configuration loads")
    }

    /// Builds into `public/`; panics with the diagnostics on failure.
    pub fn build(&self) -> Built {
        self.build_to(&self.output())
    }

    pub fn build_to(&self, out: &Path) -> Built {
        match quorum::build(&self.config(), out) {
            Ok(report) => Built {
                _site: Some(self.dir.clone()),
                out: out.to_path_buf(),
                warnings: report.warnings,
                base_path: self.config().base_url.path,
            },
            Err(quorum::Error::Content(ds)) => {
                let text: Vec<String> = ds.iter().map(|d| d.to_string()).collect();
                panic!("build failed:\n{}", text.join("\n"))
            }
            Err(e) => panic!("build failed: {e}"),
        }
    }

    /// Builds and expects content errors; returns every diagnostic.
    pub fn build_errors(&self) -> Vec<Diagnostic> {
        match quorum::build(&self.config(), &self.output()) {
            Ok(_) => panic!("the build succeeded but errors were expected"),
            Err(quorum::Error::Content(ds)) => ds,
            Err(e) => panic!("unexpected failure: {e}"),
        }
    }

    /// Runs the quorum binary in the site's folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_quorum"))
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }
}

/// Finds a diagnostic whose message contains `needle`.
pub fn find<'a>(ds: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    ds.iter()
        .find(|d| d.message.contains(needle))
        .unwrap_or_else(|| {
            let all: Vec<String> = ds.iter().map(|d| d.to_string()).collect();
            panic!(
                "no diagnostic contains {needle:?}; got:\n{}",
                all.join("\n")
            )
        })
}

/// A built site.
pub struct Built {
    /// Keeps the site's folder alive as long as the output is looked at.
    pub _site: Option<Rc<tempfile::TempDir>>,
    pub out: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub base_path: String,
}

impl Built {
    pub fn path(&self, rel: &str) -> PathBuf {
        self.out.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    pub fn text(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.text(rel))
    }

    /// Every file of the output, relative, sorted.
    /// Every HTML page, as a path from the site's root (`meetings/`).
    pub fn pages(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .map(|f| f.trim_end_matches("index.html").to_owned())
            .collect()
    }

    pub fn files(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(&self.out) {
            let e = e.unwrap();
            if e.file_type().is_file() {
                out.push(
                    e.path()
                        .strip_prefix(&self.out)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
        out.sort();
        out
    }

    /// Every file with its bytes.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        self.files()
            .into_iter()
            .map(|f| (f.clone(), fs::read(self.path(&f)).unwrap()))
            .collect()
    }

    /// Texts of the elements matching `selector` in page `rel`.
    pub fn texts(&self, rel: &str, selector: &str) -> Vec<String> {
        let doc = self.html(rel);
        let sel = Selector::parse(selector).unwrap();
        doc.select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// `href`s of the links matching `selector` in page `rel`.
    pub fn hrefs(&self, rel: &str, selector: &str) -> Vec<String> {
        let doc = self.html(rel);
        let sel = Selector::parse(selector).unwrap();
        doc.select(&sel)
            .filter_map(|e| e.value().attr("href").map(str::to_owned))
            .collect()
    }

    /// Resolves a link found in page `from` to a file of the output and a
    /// fragment; `None` for links that leave the site.
    pub fn resolve(&self, from: &str, href: &str) -> Option<(String, String)> {
        if href.starts_with("http:")
            || href.starts_with("https:")
            || href.starts_with("mailto:")
            || href.starts_with("//")
            || href.starts_with("javascript:")
        {
            return None;
        }
        let (path, fragment) = match href.split_once('#') {
            Some((p, f)) => (p, f.to_owned()),
            None => (href, String::new()),
        };
        let path = path.split('?').next().unwrap();
        let mut segments: Vec<String> = if let Some(abs) = path.strip_prefix('/') {
            let rest = format!("/{abs}");
            let inside = rest.strip_prefix(&self.base_path).unwrap_or_else(|| {
                panic!(
                    "{from}: link {href} is outside the base path {}",
                    self.base_path
                )
            });
            inside.split('/').map(str::to_owned).collect()
        } else if path.is_empty() {
            from.split('/').map(str::to_owned).collect()
        } else {
            let mut base: Vec<String> = from.split('/').map(str::to_owned).collect();
            base.pop();
            for seg in path.split('/') {
                match seg {
                    ".." => {
                        assert!(
                            base.pop().is_some(),
                            "{from}: link {href} climbs above the site root"
                        );
                    }
                    "." => {}
                    s => base.push(s.to_owned()),
                }
            }
            base
        };
        if path.is_empty() {
            return Some((from.to_owned(), fragment));
        }
        if segments.last().is_some_and(|s| s.is_empty()) {
            segments.pop();
            segments.push("index.html".into());
        }
        let mut file = segments.join("/");
        if file.is_empty() {
            file = "index.html".into();
        }
        if self.path(&file).is_dir() {
            file = format!("{file}/index.html");
        }
        Some((file, fragment))
    }

    /// Checks every internal `href` and `src` of every page: the file exists
    /// and the fragment names an element. Returns the number of links checked.
    pub fn check_links(&self) -> usize {
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let any_id = Selector::parse("[id]").unwrap();
        let linked = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
        let pages: Vec<String> = self
            .files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect();
        for p in &pages {
            let doc = self.html(p);
            ids.insert(
                p.clone(),
                doc.select(&any_id)
                    .filter_map(|e| e.value().attr("id").map(str::to_owned))
                    .collect(),
            );
        }
        let mut checked = 0;
        let mut broken = Vec::new();
        for p in &pages {
            let doc = self.html(p);
            for e in doc.select(&linked) {
                let href = e.value().attr("href").or(e.value().attr("src")).unwrap();
                let Some((file, fragment)) = self.resolve(p, href) else {
                    continue;
                };
                checked += 1;
                if !self.path(&file).is_file() {
                    broken.push(format!("{p}: {href} -> missing {file}"));
                } else if !fragment.is_empty()
                    && !ids.get(&file).is_some_and(|s| s.contains(&fragment))
                {
                    broken.push(format!("{p}: {href} -> no #{fragment} in {file}"));
                }
            }
        }
        assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
        checked
    }
}

/// `text` as a query string's value: a space as `+`, every byte outside
/// ASCII letters and digits as `%XX`.
#[allow(dead_code)]
pub fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b' ' => "+".to_owned(),
            b if b.is_ascii_alphanumeric() => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}
