//! Loading: walking `content/` and reading every file, in parallel.
//!
//! Files are classified by their top folder (meetings, entities, topics,
//! pages) and normalised (BOM dropped, CRLF turned into LF) in memory; the
//! user's files are only ever read. Unreadable files, invalid UTF-8, NUL
//! bytes and symlinks that loop or lead outside `content/` become diagnostics.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// Which kind of content a file holds, from the folder it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/meetings/`
    Meeting,
    /// `content/entities/`
    Entity,
    /// `content/topics/`
    Topic,
    /// `content/pages/`
    Page,
}

impl Kind {
    /// The folder under `content/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Meeting => "meetings",
            Kind::Entity => "entities",
            Kind::Topic => "topics",
            Kind::Page => "pages",
        }
    }

    fn from_folder(name: &str) -> Option<Kind> {
        [Kind::Meeting, Kind::Entity, Kind::Topic, Kind::Page]
            .into_iter()
            .find(|k| k.folder() == name)
    }
}

/// One content file, read and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The kind, from its folder.
    pub kind: Kind,
    /// The path relative to the site root (`content/meetings/2006/x.md`), for messages.
    pub path: PathBuf,
    /// The text: UTF-8, no BOM, `\n` line endings.
    pub text: String,
}

/// The result of loading: every readable file, and what went wrong with the rest.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Files, sorted by path.
    pub files: Vec<SourceFile>,
    /// Problems met while walking and reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a file name is an editor's temporary or backup file, or hidden.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".kate-swp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || (name.starts_with('#') && name.ends_with('#'))
}

/// Every file under `root/content` (hidden and editor files left out), and
/// the problems met while walking.
pub fn list(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let (found, diagnostics) = walk(root);
    (found.into_iter().map(|f| f.path).collect(), diagnostics)
}

/// A file met by [`walk`].
struct Found {
    path: PathBuf,
    /// Whether the walk reached it through a symbolic link (the file's own
    /// or a folder's below `content/`): only then can its real place be
    /// outside `content/`.
    linked: bool,
}

/// [`list`], telling which files were reached through a symbolic link.
fn walk(root: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let content = root.join("content");
    if !content.is_dir() {
        let d = Diagnostic::error("content", "the site has no `content/` folder")
            .help("create content/meetings/ and write a meeting there, or run `quorum new DIR`");
        return (Vec::new(), vec![d]);
    }
    let mut found = Vec::new();
    let mut diagnostics = Vec::new();
    // Folders below `content/` that are links: what is under them is linked.
    let mut linked_folders: Vec<PathBuf> = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let linked =
                    e.path_is_symlink() || linked_folders.iter().any(|f| e.path().starts_with(f));
                found.push(Found {
                    path: e.into_path(),
                    linked,
                });
            }
            Ok(e) if e.depth() > 0 && e.path_is_symlink() => {
                linked_folders.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) => diagnostics.push(walk_error(root, &e)),
        }
    }
    (found, diagnostics)
}

/// Reads one file found by [`list`]: `None` for files that are not Markdown.
pub fn read(root: &Path, path: &Path) -> Result<Option<SourceFile>, Diagnostic> {
    let content = root.join("content");
    let content_real = fs::canonicalize(&content).unwrap_or_else(|_| content.clone());
    read_one(root, &content, &content_real, path, true)
}

/// Walks `root/content` and reads every Markdown file in it, in parallel.
pub fn load(root: &Path) -> Loaded {
    let (files, diagnostics) = load_each(root, |f| f);
    Loaded { files, diagnostics }
}

/// Walks `root/content` and hands every Markdown file to `each` as soon as
/// it is read, in parallel: what `each` makes, in the order of the files'
/// paths, and the problems met while walking and reading.
pub fn load_each<T: Send>(
    root: &Path,
    each: impl Fn(SourceFile) -> T + Sync,
) -> (Vec<T>, Vec<Diagnostic>) {
    let (mut found, mut diagnostics) = walk(root);
    // Paths sort as the files did: the walk sorts by name in each folder,
    // which is not the order of whole paths.
    found.sort_by(|a, b| a.path.cmp(&b.path));
    let content = root.join("content");
    let content_real = fs::canonicalize(&content).unwrap_or_else(|_| content.clone());
    let results: Vec<Result<Option<T>, Diagnostic>> = found
        .par_iter()
        .map(|f| read_one(root, &content, &content_real, &f.path, f.linked).map(|f| f.map(&each)))
        .collect();
    let mut made = Vec::new();
    for r in results {
        match r {
            Ok(Some(t)) => made.push(t),
            Ok(None) => {}
            Err(d) => diagnostics.push(d),
        }
    }
    (made, diagnostics)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().map(|p| relative(root, p)).unwrap_or_default();
    let dangling = e.path().is_some_and(|p| p.is_symlink() && !p.exists());
    if dangling {
        return Diagnostic::error(path, "this symbolic link points to nothing")
            .help("remove the link, or restore the file it points to");
    }
    if e.loop_ancestor().is_some() {
        return Diagnostic::error(
            path,
            "this symbolic link loops back to a folder that contains it",
        )
        .help("remove the link, or point it at a folder outside its own parents");
    }
    Diagnostic::error(path, format!("cannot read this folder: {e}"))
        .help("check that the folder exists and that you may read it")
}

/// Reads the file at `path`; one reached through a symbolic link (`linked`)
/// must really be inside `content/`.
fn read_one(
    root: &Path,
    content: &Path,
    content_real: &Path,
    path: &Path,
    linked: bool,
) -> Result<Option<SourceFile>, Diagnostic> {
    let rel = relative(root, path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match markdown_name(&name) {
        Name::Markdown => {}
        Name::Other => return Ok(None),
        Name::Odd => {
            return Err(Diagnostic::warning(
                rel,
                "this file's name ends in a space or a dot after `.md`, so it is not read as minutes",
            )
            .help(format!("rename it to `{}`", name.trim_end_matches([' ', '.', '\t']))));
        }
    }
    let top = path
        .strip_prefix(content)
        .ok()
        .and_then(|p| p.components().next())
        .and_then(|c| c.as_os_str().to_str());
    let kind = match top.and_then(Kind::from_folder) {
        Some(k) if path.parent() != Some(content) => k,
        _ => {
            return Err(Diagnostic::warning(
                rel,
                "this file is not in content/meetings/, entities/, topics/ or pages/, so it is not part of the site",
            )
            .help("move it into the folder of its kind"));
        }
    };
    if linked {
        inside(path, &rel, content_real)?;
    }
    let text = read_text(path, &rel)?;
    Ok(Some(SourceFile {
        kind,
        path: rel,
        text,
    }))
}

/// What a file's name says it is.
#[derive(Debug, PartialEq, Eq)]
enum Name {
    /// Markdown: `.md` or `.markdown`, in any case.
    Markdown,
    /// Something else: an attachment, a note.
    Other,
    /// Markdown by its name but for what follows the extension (`x.md `).
    Odd,
}

fn markdown_name(name: &str) -> Name {
    let is_markdown = |n: &str| {
        let lower = n.to_ascii_lowercase();
        lower.len() > 3 && (lower.ends_with(".md") || lower.ends_with(".markdown"))
    };
    if is_markdown(name) {
        Name::Markdown
    } else if is_markdown(name.trim_end_matches([' ', '.', '\t'])) {
        Name::Odd
    } else {
        Name::Other
    }
}

/// An error unless the real place of `path` is inside `content_real`.
fn inside(path: &Path, rel: &Path, content_real: &Path) -> Result<(), Diagnostic> {
    let real = fs::canonicalize(path).map_err(|e| read_error(rel, &e))?;
    if !real.starts_with(content_real) {
        return Err(Diagnostic::error(
            rel,
            format!(
                "this symbolic link points outside content/ (to {})",
                real.display()
            ),
        )
        .help("copy the file into content/ instead of linking to it"));
    }
    Ok(())
}

/// Reads and decodes the file at `path`: `rel` is its path relative to the
/// site root, for messages. A build reads a file this way again for a text
/// it let go of.
pub fn read_text(path: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path).map_err(|e| read_error(rel, &e))?;
    decode(rel, bytes)
}

fn read_error(rel: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(rel, format!("cannot read this file: {e}"))
        .help("check that the file exists and that you may read it")
}

/// Checks and normalises the bytes of a file: UTF-8, no NUL, no BOM, LF endings.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some("UTF-16 little-endian"),
        Some([0xFE, 0xFF]) => Some("UTF-16 big-endian"),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        return Err(Diagnostic::error(
            rel,
            format!("the file is {encoding} (it starts with a UTF-16 byte order mark), not UTF-8"),
        )
        .help("save the file as UTF-8 in your editor (in Notepad: Save as, Encoding: UTF-8)"));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let (line, column) = crate::diagnostic::line_col(&prefix, valid);
            let lossy = String::from_utf8_lossy(&bytes);
            return Err(Diagnostic::error(
                rel,
                format!("the file is not valid UTF-8 (byte {valid} is not part of a character)"),
            )
            .at(&lossy, line, column)
            .help("save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252)"));
        }
    };
    if let Some(i) = text.find('\0') {
        return Err(
            Diagnostic::error(rel, "the file contains a NUL byte; is it a binary file?")
                .at_offset(&text, i)
                .help("remove the NUL character, or move binary files to static/"),
        );
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_and_crlf() {
        let t = decode(
            Path::new("a.md"),
            b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n".to_vec(),
        );
        assert_eq!(t.unwrap(), "---\ntitle: x\n---\n");
    }

    #[test]
    fn decode_rejects_invalid_utf8_and_nul() {
        let e = decode(Path::new("a.md"), b"ok\n\xff".to_vec()).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{}", e.message);
        let e = decode(Path::new("a.md"), b"a\nb\0".to_vec()).unwrap_err();
        assert!(e.message.contains("NUL"));
        assert_eq!((e.line, e.column), (2, 2));
    }

    #[test]
    fn markdown_files_are_known_by_any_case_of_their_extension() {
        for name in ["a.md", "Board.MD", "b.markdown", "C.Markdown"] {
            assert_eq!(markdown_name(name), Name::Markdown, "{name}");
        }
        for name in ["d.md ", "e.md.", "f.markdown  "] {
            assert_eq!(markdown_name(name), Name::Odd, "{name}");
        }
        for name in ["logo.png", "notes.txt", ".md", "md"] {
            assert_eq!(markdown_name(name), Name::Other, "{name}");
        }
    }

    #[test]
    fn utf16_is_told_apart_from_latin1() {
        let e = decode(Path::new("a.md"), vec![0xFF, 0xFE, b'-', 0]).unwrap_err();
        assert!(e.message.contains("UTF-16"), "{}", e.message);
    }

    #[test]
    fn editor_temp_files_are_ignored() {
        for name in [
            ".x.md.swp",
            "x.md~",
            "#x.md#",
            "x.md.kate-swp",
            "x.md___jb_tmp___",
            ".hidden",
        ] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("x.md"));
    }
}
