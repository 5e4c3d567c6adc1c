//! Site configuration: `quorum.yaml`, overridden by the command line.
//!
//! Every key is optional and unknown keys are errors, as in front matter. A
//! problem here is a configuration error (exit status 2), not a content error.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::i18n::Language;
use crate::markdown::patterns::PatternError;
use crate::markdown::{Autolink, Conventions, LinkPattern, LinkPatterns, RawHtml, RollCall};
use crate::model::date::PartialDate;

/// `quorum.yaml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    autolink: Option<Autolink>,
    #[serde(default)]
    relative_urls: Option<bool>,
    #[serde(default)]
    today: Option<PartialDate>,
    #[serde(default)]
    raw_html: Option<RawHtml>,
    #[serde(default)]
    roll_call: Option<RollCall>,
    #[serde(default)]
    action_items: Option<RollCall>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    edit_url: Option<String>,
    links: Option<Vec<LinkPattern>>,
    #[serde(default)]
    language: Option<String>,
}

const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "theme",
    "autolink",
    "relative_urls",
    "today",
    "raw_html",
    "roll_call",
    "action_items",
    "source_url",
    "edit_url",
    "links",
    "language",
];

/// What the command line may override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`
    pub base_url: Option<String>,
    /// `--today`
    pub today: Option<String>,
    /// `--strict`: warnings are errors.
    pub strict: bool,
    /// `--drafts`: build draft meetings too.
    pub drafts: bool,
    /// `--no-git`: do not read when files last changed from git history.
    pub no_git: bool,
}

/// The site's base URL, split into what links need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// The whole URL, ending in `/`.
    pub url: String,
    /// Its path, starting and ending in `/` (`/minutes/`).
    pub path: String,
}

impl BaseUrl {
    /// Parses an `http://` or `https://` URL; a missing trailing `/` is added.
    pub fn parse(s: &str) -> Result<BaseUrl, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("`{s}` is not an http:// or https:// URL"))?;
        if rest.is_empty() || rest.starts_with('/') {
            return Err(format!("`{s}` has no host name"));
        }
        if let Some(bad) = s
            .chars()
            .find(|c| c.is_whitespace() || "\"'<>\\`{}|^".contains(*c))
        {
            return Err(format!(
                "`{s}` contains the character {bad:?}, which a URL may not hold"
            ));
        }
        if s.contains(['?', '#']) {
            return Err(format!(
                "`{s}` has a query or fragment; give only the site's address"
            ));
        }
        let path = match rest.find('/') {
            Some(i) => rest[i..].to_owned(),
            None => "/".to_owned(),
        };
        if path.split('/').any(|seg| seg == "." || seg == "..") {
            return Err(format!("`{s}` has `.` or `..` in its path"));
        }
        let mut url = s.to_owned();
        let mut path = path;
        if !url.ends_with('/') {
            url.push('/');
        }
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl { url, path })
    }
}

/// The configuration a build runs with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's folder.
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// Site description, for the home page and feeds.
    pub description: Option<String>,
    /// Where the site is published.
    pub base_url: BaseUrl,
    /// The theme's name.
    pub theme: String,
    /// Which mentions become links.
    pub autolink: Autolink,
    /// Whether every link is relative, so the site opens from the file system.
    pub relative_urls: bool,
    /// What counts as today, for overdue actions.
    pub today: Date,
    /// Whether warnings are errors.
    pub strict: bool,
    /// Whether draft meetings are built.
    pub drafts: bool,
    /// What happens to HTML written in Markdown.
    pub raw_html: RawHtml,
    /// How the minutes are written: the headings of roll-call sections,
    /// whose names are attendance, and of action items.
    pub conventions: Conventions,
    /// Where each content file can be read (`source_url:`), if anywhere.
    pub source_url: Option<SourceUrl>,
    /// Where each content file can be edited (`edit_url:`), if anywhere.
    pub edit_url: Option<SourceUrl>,
    /// Whether meeting pages show when their file last changed, from git.
    pub git: bool,
    /// Words of a form of their own that become links (`links:`).
    pub link_patterns: LinkPatterns,
    /// The language everything quorum writes for readers is in (`language:`).
    pub language: Language,
}

/// The name of the configuration file.
pub const FILE: &str = "quorum.yaml";

impl Config {
    /// Reads `root/quorum.yaml` (if present) and applies the overrides.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Box<Diagnostic>> {
        let path = root.join(FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => crate::source::decode(Path::new(FILE), bytes)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(
                    Diagnostic::error(FILE, format!("cannot read the configuration: {e}")).into(),
                );
            }
        };
        let file: ConfigFile = frontmatter::parse_yaml(&text, 0, KEYS).map_err(|e| {
            let d = Diagnostic::error(FILE, e.message).at_offset(&text, e.offset);
            match e.help {
                Some(h) => d.help(h),
                None => d,
            }
        })?;
        let base_url_text = overrides
            .base_url
            .clone()
            .or(file.base_url.clone())
            .unwrap_or_else(|| "http://127.0.0.1:1111/".to_owned());
        let base_url = BaseUrl::parse(&base_url_text).map_err(|m| {
            let d = Diagnostic::error(FILE, format!("base_url: {m}"))
                .help("write it like https://intranet.example/minutes/");
            locate(d, &text, "base_url")
        })?;
        let today = match &overrides.today {
            Some(t) => parse_day(t).map_err(|m| {
                Diagnostic::error("", format!("--today: {m}")).help("write --today YYYY-MM-DD")
            })?,
            None => match file.today {
                Some(d) if d.has_day() => d.start(),
                Some(_) => {
                    let d = Diagnostic::error(FILE, "today: give a full date YYYY-MM-DD");
                    return Err(locate(d, &text, "today").into());
                }
                None => jiff::ZonedDateTime::now().date(),
            },
        };
        let source_url = source_template(file.source_url.as_deref(), &text, "source_url")?;
        let edit_url = source_template(file.edit_url.as_deref(), &text, "edit_url")?;
        let language = match file.language.as_deref() {
            None => Language::default(),
            Some(tag) => Language::parse(tag).map_err(|m| {
                let d = Diagnostic::error(FILE, format!("language: {m}"))
                    .help("write a BCP 47 tag such as `en`, `fr`, `ar`, `zh` or `pt-BR` (see docs/i18n.md)");
                locate(d, &text, "language")
            })?,
        };
        let written = file.links.unwrap_or_default();
        let link_patterns =
            LinkPatterns::new(written.clone()).map_err(|e| pattern_error(e, &written, &text))?;
        Ok(Config {
            root: root.to_path_buf(),
            title: file
                .title
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| "Minutes".to_owned()),
            description: file.description.filter(|d| !d.trim().is_empty()),
            base_url,
            theme: file.theme.unwrap_or_else(|| "default".to_owned()),
            autolink: file.autolink.unwrap_or_default(),
            relative_urls: file.relative_urls.unwrap_or(false),
            today,
            strict: overrides.strict,
            drafts: overrides.drafts,
            raw_html: file.raw_html.unwrap_or_default(),
            conventions: {
                let default = Conventions::default();
                Conventions {
                    roll_call: file.roll_call.unwrap_or(default.roll_call),
                    action_items: file.action_items.unwrap_or(default.action_items),
                }
            },
            source_url,
            edit_url,
            git: !overrides.no_git,
            link_patterns,
            language,
        })
    }
}

/// Reads the URL template of `key`, an error at its line when it is not one.
fn source_template(
    value: Option<&str>,
    text: &str,
    key: &str,
) -> Result<Option<SourceUrl>, Box<Diagnostic>> {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
        return Ok(None);
    };
    SourceUrl::parse(value).map(Some).map_err(|m| {
        let d = Diagnostic::error(FILE, format!("{key}: {m}")).help(
            "write an http:// or https:// address with {path} where the file's path goes, like https://git.example/minutes/edit/main/{path}",
        );
        locate(d, text, key).into()
    })
}

/// A URL template with `{path}` where a content file's path goes: where
/// the file can be read or edited (a forge's view or edit page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUrl {
    /// The template as written, trimmed.
    template: String,
}

impl SourceUrl {
    /// The placeholder a template must hold.
    pub const PLACEHOLDER: &'static str = "{path}";

    /// Parses a template: an `http://` or `https://` URL with a host, no
    /// character a URL may not hold, and `{path}` (the only placeholder).
    pub fn parse(s: &str) -> Result<SourceUrl, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("`{s}` is not an http:// or https:// URL"))?;
        if rest.is_empty() || rest.starts_with(['/', '{', '?', '#']) {
            return Err(format!("`{s}` has no host name"));
        }
        if !s.contains(Self::PLACEHOLDER) {
            return Err(format!(
                "`{s}` has no {{path}}: every page would link to the same address"
            ));
        }
        let without = s.replace(Self::PLACEHOLDER, "");
        if let Some(bad) = without
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`{}|^".contains(*c))
        {
            let what = if matches!(bad, '{' | '}') {
                " (only {path} is replaced)".to_owned()
            } else {
                String::new()
            };
            return Err(format!(
                "`{s}` contains the character {bad:?}, which a URL may not hold{what}"
            ));
        }
        Ok(SourceUrl {
            template: s.to_owned(),
        })
    }

    /// The address of the file at `path` (relative to the site's folder):
    /// each segment percent-encoded, joined by `/`.
    pub fn of(&self, path: &std::path::Path) -> String {
        let segments: Vec<String> = path
            .components()
            .map(|c| encode_segment(&c.as_os_str().to_string_lossy()))
            .collect();
        self.template
            .replace(Self::PLACEHOLDER, &segments.join("/"))
    }
}

/// Percent-encodes every byte of `segment` but the unreserved characters
/// of RFC 3986 (letters, digits, `-`, `.`, `_`, `~`).
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The diagnostic of an entry of `links:` that cannot be used, at its
/// pattern or address in the file (at the fault, where the pattern is
/// written there as it reads).
fn pattern_error(e: PatternError, written: &[LinkPattern], text: &str) -> Box<Diagnostic> {
    let d = Diagnostic::error(FILE, format!("links: {}", e.message)).help(e.help);
    let Some(entry) = written.get(e.index) else {
        return locate(d, text, "links").into();
    };
    let (key, value) = if e.in_url {
        ("url", &entry.url)
    } else {
        ("pattern", &entry.pattern)
    };
    let scalars = frontmatter::scalars(text);
    let after_links = scalars
        .iter()
        .position(|(s, _)| s == "links")
        .map_or(0, |i| i + 1);
    let at = scalars[after_links.min(scalars.len())..]
        .windows(2)
        .find(|w| w[0].0 == key && w[1].0 == *value)
        .map(|w| w[1].1);
    let Some(at) = at else {
        return locate(d, text, "links").into();
    };
    let as_written = text
        .get(at..)
        .is_some_and(|t| t.starts_with(value.as_str()));
    let fault = e
        .column
        .filter(|_| as_written)
        .and_then(|c| value.char_indices().nth(c))
        .map(|(i, _)| i);
    match fault {
        Some(i) => d.at_offset(text, at + i).into(),
        None => d
            .at_offset(text, at)
            .width(if as_written { value.chars().count() } else { 1 })
            .into(),
    }
}

fn locate(d: Diagnostic, text: &str, key: &str) -> Diagnostic {
    match text.lines().position(|l| l.trim_start().starts_with(key)) {
        Some(i) => d.at(text, i + 1, 1).width(key.len()),
        None => d,
    }
}

/// Parses a full `YYYY-MM-DD` date.
pub fn parse_day(s: &str) -> Result<Date, String> {
    let d = PartialDate::parse(s)?;
    if !d.has_day() {
        return Err(format!("`{s}` names a month; give a day, YYYY-MM-DD"));
    }
    Ok(d.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_keep_their_sub_path() {
        let b = BaseUrl::parse("https://intranet.example/minutes").unwrap();
        assert_eq!(b.url, "https://intranet.example/minutes/");
        assert_eq!(b.path, "/minutes/");
        assert_eq!(BaseUrl::parse("http://127.0.0.1:1111").unwrap().path, "/");
    }

    #[test]
    fn bad_base_urls_are_refused() {
        for bad in [
            "intranet.example",
            "https://",
            "https:///x",
            "https://a b/",
            "https://a/../x",
            "https://a/?q=1",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn config_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "title: x\nautolinks: all\n").unwrap();
        let e = Config::load(dir.path(), &Overrides::default()).unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.help.as_deref(), Some("did you mean `autolink`?"));
    }

    #[test]
    fn source_urls_encode_each_segment() {
        let u = SourceUrl::parse("https://git.example/m/edit/main/{path}?plain=1").unwrap();
        assert_eq!(
            u.of(Path::new("content/meetings/2006/Kemal Derviş #1.md")),
            "https://git.example/m/edit/main/content/meetings/2006/Kemal%20Dervi%C5%9F%20%231.md?plain=1"
        );
        for bad in [
            "git.example/{path}",
            "ftp://git.example/{path}",
            "https://git.example/",
            "https:///{path}",
            "https://git.example/{branch}/{path}",
            "https://git example/{path}",
            "javascript:alert(1)//{path}",
        ] {
            assert!(SourceUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_link_patterns_are_shown_where_they_are_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let load = |yaml: &str| {
            std::fs::write(dir.path().join(FILE), yaml).unwrap();
            Config::load(dir.path(), &Overrides::default())
        };
        let links = "title: x\nlinks:\n  - pattern: '#(\\d+)'\n    url: https://t.example/$1\n";
        let c = load(links).unwrap();
        assert_eq!(c.link_patterns.written().len(), 1);
        let e = load(&format!(
            "{links}  - pattern: 'A/(RES/\\d+'\n    url: https://undocs.org/$0\n"
        ))
        .unwrap_err();
        assert_eq!((e.line, e.column), (5, 17), "{e:?}");
        assert!(e.message.contains("`A/(RES/\\d+`"), "{}", e.message);
        assert!(e.message.contains("unclosed group"), "{}", e.message);
        assert_eq!(e.source_line.as_deref(), Some("  - pattern: 'A/(RES/\\d+'"));
        let e = load("links:\n  - { pattern: \"#(\\\\d+)\", url: \"https://t.example/$1$2\" }\n")
            .unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.column, 33, "{e:?}");
        assert!(e.message.contains("uses `$2`, but the pattern has 1 group"));
        let e = load("links:\n  - pattern: x\n    link: y\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = load("links:\n  - pattern: '('\n    url: /a\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 15), "{e:?}");
    }

    #[test]
    fn overrides_win() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "base_url: https://a.example/\ntoday: 2006-12-31\n",
        )
        .unwrap();
        let o = Overrides {
            base_url: Some("https://b.example/x/".into()),
            today: Some("2007-01-02".into()),
            ..Overrides::default()
        };
        let c = Config::load(dir.path(), &o).unwrap();
        assert_eq!(c.base_url.path, "/x/");
        assert_eq!(c.today.to_string(), "2007-01-02");
    }
}
