//! The write stage: the only code that touches the output folder.
//!
//! A build writes into a staging folder beside the output and swaps it into
//! place in one step when everything succeeded, so a failed or interrupted
//! build leaves the previous site exactly as it was. Every path is checked:
//! nothing is written outside the staging folder, and a folder quorum did not
//! make is never replaced.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::render::{Fill, Sink};

/// The file that marks a folder as quorum's output.
pub const MARKER: &str = ".quorum-output";
const MARKER_TEXT: &str = "This folder is written by `quorum build` and replaced on every build.\n";
const STAGING_TAG: &str = ".quorum-staging-";

/// Why the output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder is not one quorum may replace.
    #[error("refusing to use {path} as the output folder: {reason}")]
    Refused { path: PathBuf, reason: String },
    /// The file system failed.
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An absolute, normalised version of `p` (without touching the file system
/// for the parts that do not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symbolic links in the part that exists.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_owned()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut real = fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        real.push(name);
    }
    real
}

/// Checks that `output` is a folder a build of the site at `root` may replace.
pub fn check_output(root: &Path, output: &Path) -> Result<(), OutputError> {
    let out = absolute(output);
    let root = absolute(root);
    let refuse = |reason: &str| {
        Err(OutputError::Refused {
            path: output.to_path_buf(),
            reason: reason.to_owned(),
        })
    };
    if out.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if out == root {
        return refuse("it is the site itself");
    }
    if root.starts_with(&out) {
        return refuse("it contains the site");
    }
    for protected in ["content", "templates", "static", "themes"] {
        if out.starts_with(root.join(protected)) {
            return refuse(&format!("it is inside the site's {protected}/ folder"));
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && out == absolute(&home)
    {
        return refuse("it is your home folder");
    }
    if out.is_file() {
        return refuse("it is a file");
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return refuse(&format!(
                "it holds files quorum did not write (there is no {MARKER} in it); empty it or choose another --output"
            ));
        }
    }
    Ok(())
}

/// A build's output under construction.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
}

impl Staging {
    /// Prepares a staging folder beside `output`, after checking that the
    /// output may be replaced. Leftovers of interrupted builds are removed.
    pub fn begin(root: &Path, output: &Path) -> Result<Staging, OutputError> {
        check_output(root, output)?;
        let output = absolute(output);
        let parent = output.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let prefix = format!(".{name}{STAGING_TAG}");
        if let Ok(entries) = fs::read_dir(&parent) {
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&prefix) && e.path().join(MARKER).is_file() {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_err(&dir))?;
        }
        fs::create_dir(&dir).map_err(io_err(&dir))?;
        fs::write(dir.join(MARKER), MARKER_TEXT).map_err(io_err(&dir))?;
        Ok(Staging { output, dir })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Puts the staged site in place of the output, in one step where the
    /// system allows it, and removes the previous site.
    pub fn commit(self) -> Result<(), OutputError> {
        if !self.output.exists() {
            return fs::rename(&self.dir, &self.output).map_err(io_err(&self.output));
        }
        if exchange(&self.dir, &self.output).is_ok() {
            // The staging path now holds the previous site.
            return fs::remove_dir_all(&self.dir).map_err(io_err(&self.dir));
        }
        let old = self.dir.with_extension("old");
        fs::rename(&self.output, &old).map_err(io_err(&self.output))?;
        if let Err(e) = fs::rename(&self.dir, &self.output) {
            let _ = fs::rename(&old, &self.output);
            return Err(io_err(&self.output)(e));
        }
        fs::remove_dir_all(&old).map_err(io_err(&old))
    }

    /// Drops the staged files; the output is left as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }

    /// Where the file at `rel` goes in the staging folder, its folder made.
    fn target(&self, rel: &str) -> Result<PathBuf, String> {
        let target = safe_join(&self.dir, rel)?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        Ok(target)
    }
}

/// Joins a `/`-separated relative path to `base`, refusing anything that
/// could lead outside it.
pub fn safe_join(base: &Path, rel: &str) -> Result<PathBuf, String> {
    if rel.is_empty() || rel.starts_with('/') || rel.contains('\\') || rel.contains('\0') {
        return Err(format!("`{rel}` is not a relative path"));
    }
    let mut out = base.to_path_buf();
    for seg in rel.split('/') {
        if seg.is_empty() || seg == "." || seg == ".." || seg.contains(':') {
            return Err(format!("`{rel}` has a segment that is not allowed"));
        }
        out.push(seg);
    }
    Ok(out)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let target = self.target(path)?;
        fs::write(&target, bytes).map_err(|e| e.to_string())
    }

    fn write_from(&self, path: &str, fill: Fill<'_>) -> Result<(), String> {
        use std::io::Write;
        let target = self.target(path)?;
        let file = fs::File::create(&target).map_err(|e| e.to_string())?;
        let mut out = io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut out)?;
        out.flush().map_err(|e| e.to_string())
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), String> {
        let target = self.target(path)?;
        fs::copy(from, &target)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// A folder kept equal to the latest good render, for the dev server: only
/// files whose bytes changed are written, and files no longer produced are
/// removed. A render's files are held back until [`Mirror::commit`], so a
/// failed render leaves the folder as it was.
#[derive(Debug)]
pub struct Mirror {
    dir: PathBuf,
    /// Inserted before `</body>` of every HTML file (the live-reload script).
    inject: Option<String>,
    /// Hash of each file now in the folder.
    current: Mutex<BTreeMap<String, u64>>,
    /// This render's changed files, and the unchanged ones it keeps.
    pending: Mutex<Pending>,
}

/// A render's changed files, and the unchanged ones it keeps.
#[derive(Debug, Default)]
struct Pending {
    changed: BTreeMap<String, Vec<u8>>,
    kept: std::collections::BTreeSet<String>,
}

/// Creates the folder `dir`, which must not exist yet, readable by its owner only.
fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// What a commit of a [`Mirror`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MirrorReport {
    /// Files written.
    pub written: usize,
    /// Files removed.
    pub removed: usize,
}

impl Mirror {
    /// A mirror in `dir`, made anew (whatever was there is removed). It holds
    /// drafts: only its owner may open it (mode 0700 on Unix), and it is
    /// created here, never taken over from whoever made the name first.
    pub fn new(dir: &Path, inject: Option<String>) -> Result<Mirror, OutputError> {
        if fs::symlink_metadata(dir).is_ok() {
            fs::remove_dir_all(dir).map_err(io_err(dir))?;
        }
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        private_dir(dir).map_err(io_err(dir))?;
        Ok(Mirror {
            dir: dir.to_path_buf(),
            inject,
            current: Mutex::default(),
            pending: Mutex::default(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A hash of the file now at `path` (as rendered), for HTTP validators.
    pub fn hash_of(&self, path: &str) -> Option<u64> {
        lock(&self.current).get(path).copied()
    }

    /// Drops what the last render produced; the folder stays as it was.
    pub fn discard(&self) {
        *lock(&self.pending) = Pending::default();
    }

    /// Writes the changed files of the last render and removes the files it
    /// did not produce.
    pub fn commit(&self) -> Result<MirrorReport, OutputError> {
        let Pending { changed, kept } = std::mem::take(&mut *lock(&self.pending));
        let mut current = lock(&self.current);
        let mut report = MirrorReport::default();
        let stale: Vec<String> = current
            .keys()
            .filter(|k| !changed.contains_key(*k) && !kept.contains(*k))
            .cloned()
            .collect();
        for path in stale {
            let target = safe_join(&self.dir, &path).map_err(|reason| OutputError::Refused {
                path: PathBuf::from(&path),
                reason,
            })?;
            match fs::remove_file(&target) {
                Ok(()) => report.removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(&target)(e)),
            }
            current.remove(&path);
            remove_empty_parents(&self.dir, &target);
        }
        for (path, bytes) in changed {
            let target = safe_join(&self.dir, &path).map_err(|reason| OutputError::Refused {
                path: PathBuf::from(&path),
                reason,
            })?;
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io_err(parent))?;
            }
            let rendered = hash(&bytes);
            let bytes = match (&self.inject, path.ends_with(".html")) {
                (Some(snippet), true) => inject(&bytes, snippet),
                _ => bytes,
            };
            // Write beside the file and rename, so a reader never sees half a page.
            let tmp = target.with_file_name(format!(
                ".{}.quorum-tmp",
                target
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            fs::write(&tmp, &bytes).map_err(io_err(&tmp))?;
            fs::rename(&tmp, &target).map_err(io_err(&target))?;
            current.insert(path, rendered);
            report.written += 1;
        }
        Ok(report)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A hash of `bytes`, to tell whether they changed. Every text is hashed
/// when it is parsed and again each time it is read back, so this is the
/// search index's hash, which takes eight bytes at a step.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = crate::search::Hash::default();
    h.write(bytes);
    h.0
}

/// `bytes` with `snippet` inserted before the last `</body>` (or appended).
fn inject(bytes: &[u8], snippet: &str) -> Vec<u8> {
    let at = bytes
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + snippet.len());
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&bytes[at..]);
    out
}

fn remove_empty_parents(base: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == base || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

impl Sink for Mirror {
    fn keep(&self, path: &str) {
        lock(&self.pending).kept.insert(path.to_owned());
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        safe_join(&self.dir, path)?;
        let unchanged = lock(&self.current).get(path) == Some(&hash(bytes));
        let mut pending = lock(&self.pending);
        if unchanged {
            pending.kept.insert(path.to_owned());
        } else {
            pending.changed.insert(path.to_owned(), bytes.to_vec());
        }
        Ok(())
    }
}

/// Keeps every file in memory: for `check`, and for tests.
#[derive(Debug, Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    /// The files, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        safe_join(Path::new("/"), path)?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let base = Path::new("/out");
        assert!(safe_join(base, "meetings/x/index.html").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a\\b",
            "C:/x",
            "a/./b",
        ] {
            assert!(safe_join(base, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content")).unwrap();
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("content/x"),
            root.parent().unwrap().to_path_buf(),
            PathBuf::from("/"),
        ] {
            assert!(check_output(root, &bad).is_err(), "{}", bad.display());
        }
        assert!(check_output(root, &root.join("public")).is_ok());
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("docs/mine.txt"), "x").unwrap();
        let e = check_output(root, &root.join("docs")).unwrap_err();
        assert!(e.to_string().contains("did not write"), "{e}");
    }

    #[test]
    fn staging_swaps_in_whole_and_abort_keeps_the_old_site() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let s = Staging::begin(site.path(), &out).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = Staging::begin(site.path(), &out).unwrap();
        s.write("index.html", b"two").unwrap();
        s.abort();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = Staging::begin(site.path(), &out).unwrap();
        s.write("other.html", b"three").unwrap();
        s.commit().unwrap();
        assert!(!out.join("index.html").exists());
        assert!(out.join(MARKER).is_file());
        let leftovers: Vec<_> = fs::read_dir(site.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, ["public"]);
    }
}
