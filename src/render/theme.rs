//! Themes: the templates and static files a site is rendered with.
//!
//! The default theme is compiled into the binary. `themes/<name>/` on disk,
//! named by `theme:`, replaces it; the site's own `templates/` then overrides
//! templates one file at a time, and `static/` adds or replaces static files.
//! The theme's translation files (`i18n/<lang>.ftl`) come with it; the
//! site's own `i18n/<lang>.ftl` override their strings one by one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    /// Compiled into the binary.
    Builtin(&'static [u8]),
    /// A file on disk.
    File(PathBuf),
}

/// A template with where it came from.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// Shown in error messages.
    pub path: PathBuf,
    /// The template text.
    pub text: String,
}

/// A theme's files, with the site's overrides applied.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// By template name (`meeting.html`, `partials/nav.html`).
    pub templates: BTreeMap<String, TemplateSource>,
    /// By output path (`assets/quorum.css`).
    pub statics: BTreeMap<String, StaticSource>,
    /// The translation files, the theme's and the site's.
    pub i18n: crate::i18n::Sources,
}

/// Gathers the templates and static files of the theme `name` for the site at `root`.
pub fn gather(root: &Path, name: &str) -> Result<ThemeFiles, Vec<Diagnostic>> {
    let mut files = ThemeFiles::default();
    let mut diagnostics = Vec::new();
    let on_disk = root.join("themes").join(name);
    if on_disk.is_dir() {
        let rel = Path::new("themes").join(name);
        read_dir_templates(
            root,
            &on_disk.join("templates"),
            &mut files,
            &mut diagnostics,
        );
        read_dir_statics(
            &on_disk.join("static"),
            &mut files,
            &rel.join("static"),
            &mut diagnostics,
        );
        read_translations(
            root,
            &on_disk.join("i18n"),
            &mut files.i18n.theme,
            &mut diagnostics,
        );
    } else if name == "default" {
        builtin(&mut files);
    } else {
        return Err(vec![
            Diagnostic::error(
                crate::config::FILE,
                format!("there is no theme `{name}`: themes/{name}/ does not exist"),
            )
            .help(
                "remove `theme:` to use the built-in default theme, or create the theme's folder",
            ),
        ]);
    }
    read_dir_templates(root, &root.join("templates"), &mut files, &mut diagnostics);
    read_translations(
        root,
        &root.join("i18n"),
        &mut files.i18n.site,
        &mut diagnostics,
    );
    read_dir_statics(
        &root.join("static"),
        &mut files,
        Path::new("static"),
        &mut diagnostics,
    );
    if diagnostics.is_empty() {
        Ok(files)
    } else {
        Err(diagnostics)
    }
}

fn builtin(files: &mut ThemeFiles) {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<&'static include_dir::File<'static>>) {
        for f in dir.files() {
            out.push(f);
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut all = Vec::new();
    walk(&DEFAULT, &mut all);
    for f in all {
        let path = f.path();
        if let (Ok(rest), Some(text)) = (path.strip_prefix("i18n"), f.contents_utf8()) {
            if let Some(lang) = translation_language(rest) {
                files.i18n.theme.insert(
                    lang,
                    crate::i18n::Source {
                        path: Path::new("themes/default/i18n").join(rest),
                        text: text.to_owned(),
                    },
                );
            }
            continue;
        }
        let Ok(rest) = path.strip_prefix("templates") else {
            if let Ok(rest) = path.strip_prefix("static") {
                files
                    .statics
                    .insert(slash_path(rest), StaticSource::Builtin(f.contents()));
            }
            continue;
        };
        if let Some(text) = f.contents_utf8() {
            files.templates.insert(
                slash_path(rest),
                TemplateSource {
                    path: Path::new("themes/default/templates").join(rest),
                    text: text.to_owned(),
                },
            );
        }
    }
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_dir_templates(
    root: &Path,
    dir: &Path,
    files: &mut ThemeFiles,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    dir.strip_prefix(root).unwrap_or(dir),
                    format!("cannot read templates: {e}"),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || crate::source::is_ignored_name(&name) {
            continue;
        }
        let rel_display = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let key = slash_path(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
        match std::fs::read(entry.path()) {
            Ok(bytes) => match crate::source::decode(&rel_display, bytes) {
                Ok(text) => {
                    files.templates.insert(
                        key,
                        TemplateSource {
                            path: rel_display,
                            text,
                        },
                    );
                }
                Err(d) => diagnostics.push(d),
            },
            Err(e) => diagnostics.push(Diagnostic::error(
                rel_display,
                format!("cannot read this template: {e}"),
            )),
        }
    }
}

/// The language a translation file is for: its name without `.ftl`.
fn translation_language(file: &Path) -> Option<String> {
    let name = file.to_str()?;
    let lang = name.strip_suffix(".ftl")?;
    (!lang.is_empty() && !lang.contains(['/', '\\'])).then(|| lang.to_owned())
}

/// Reads the translation files of `dir` (`<lang>.ftl`), if it exists.
fn read_translations(
    root: &Path,
    dir: &Path,
    into: &mut BTreeMap<String, crate::i18n::Source>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Some(lang) = path
            .file_name()
            .and_then(|n| translation_language(Path::new(n)))
        else {
            continue;
        };
        let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        match std::fs::read(&path) {
            Ok(bytes) => match crate::source::decode(&shown, bytes) {
                Ok(text) => {
                    into.insert(lang, crate::i18n::Source { path: shown, text });
                }
                Err(d) => diagnostics.push(d),
            },
            Err(e) => diagnostics.push(Diagnostic::error(
                shown,
                format!("cannot read this translation file: {e}"),
            )),
        }
    }
}

/// Static files are published as they are, dotfiles such as `.htaccess`
/// included; editors' temporary files and version-control folders are not.
fn is_published_static(name: &str) -> bool {
    let dotfile_kept = name.starts_with('.')
        && !matches!(name, ".git" | ".svn" | ".hg" | ".DS_Store")
        && !name.ends_with(".swp")
        && !name.ends_with(".swx");
    dotfile_kept || !crate::source::is_ignored_name(name)
}

fn read_dir_statics(
    dir: &Path,
    files: &mut ThemeFiles,
    display: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    // Symbolic links are not followed: nothing outside the folder is published.
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    display,
                    format!("cannot read static files: {e}"),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && !is_published_static(&name) {
            continue;
        }
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            files.statics.insert(
                slash_path(rel),
                StaticSource::File(entry.path().to_path_buf()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_theme_has_every_page_template() {
        let dir = tempfile::tempdir().unwrap();
        let files = gather(dir.path(), "default").unwrap();
        for name in [
            "base.html",
            "meeting.html",
            "entity.html",
            "topic.html",
            "action.html",
            "page.html",
            "index.html",
            "meetings.html",
            "entities.html",
            "topics.html",
            "actions.html",
            "decisions.html",
            "404.html",
        ] {
            assert!(files.templates.contains_key(name), "{name}");
        }
        assert!(files.statics.contains_key("assets/quorum.css"));
    }

    #[test]
    fn site_templates_override_one_file_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/page.html"), "mine").unwrap();
        let files = gather(dir.path(), "default").unwrap();
        assert_eq!(files.templates["page.html"].text, "mine");
        assert!(files.templates["meeting.html"].text.len() > 10);
    }

    #[test]
    fn dotfiles_are_published_but_not_editor_files() {
        assert!(is_published_static(".htaccess"));
        assert!(is_published_static("logo.png"));
        for name in [".git", ".DS_Store", ".logo.png.swp", "logo.png~", "#logo#"] {
            assert!(!is_published_static(name), "{name}");
        }
    }

    #[test]
    fn an_unknown_theme_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = gather(dir.path(), "fancy").unwrap_err();
        assert!(e[0].message.contains("no theme `fancy`"));
    }
}
