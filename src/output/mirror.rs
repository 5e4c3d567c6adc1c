//! The dev server's output: a folder kept equal to the latest good render,
//! written file by file, and a sink that keeps everything in memory for
//! `check`. Neither ever touches a build's output folder.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{OutputError, io_err, safe_join};
use crate::sink::{Sink, SinkError};

/// A folder kept equal to the latest good render, for the dev server: only
/// files whose bytes changed are written, and files no longer produced are
/// removed. A render's files are held back until [`Mirror::commit`], so a
/// failed render leaves the folder as it was.
#[derive(Debug)]
pub struct Mirror {
    dir: PathBuf,
    /// Inserted before `</body>` of every HTML file (the live-reload script).
    inject: Option<String>,
    /// Each file now in the folder: its hash, and the last render that
    /// produced it (kept or written).
    current: Mutex<crate::hash::FastMap<String, Held>>,
    /// This render's changed files, held back until the commit, with the
    /// hash of each as rendered.
    pending: Mutex<BTreeMap<String, (Vec<u8>, u64)>>,
    /// The number of the render under way: a file of the folder that it
    /// neither keeps nor writes is gone at the commit.
    render: AtomicU64,
}

/// A file of the folder.
#[derive(Debug, Clone, Copy)]
struct Held {
    hash: u64,
    /// The last render that kept or wrote it.
    seen: u64,
    /// Its length as rendered: the room the next render of it starts with.
    len: usize,
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
    /// Wall time of writing and removing them.
    pub elapsed: std::time::Duration,
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
            render: AtomicU64::new(1),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A hash of the file now at `path` (as rendered), for HTTP validators.
    pub fn hash_of(&self, path: &str) -> Option<u64> {
        lock(&self.current).get(path).map(|h| h.hash)
    }

    /// Drops what the last render produced; the folder stays as it was.
    pub fn discard(&self) {
        lock(&self.pending).clear();
        self.render.fetch_add(1, Ordering::Relaxed);
    }

    /// Writes the changed files of the last render and removes the files it
    /// did not produce.
    pub fn commit(&self) -> Result<MirrorReport, OutputError> {
        let changed = std::mem::take(&mut *lock(&self.pending));
        let render = self.render.fetch_add(1, Ordering::Relaxed);
        let mut current = lock(&self.current);
        let start = std::time::Instant::now();
        let mut report = MirrorReport::default();
        let stale: Vec<String> = current
            .iter()
            .filter(|(k, held)| held.seen != render && !changed.contains_key(*k))
            .map(|(k, _)| k.clone())
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
        for (path, (bytes, rendered)) in changed {
            let rendered_len = bytes.len();
            let target = safe_join(&self.dir, &path).map_err(|reason| OutputError::Refused {
                path: PathBuf::from(&path),
                reason,
            })?;
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io_err(parent))?;
            }
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
            current.insert(
                path,
                Held {
                    hash: rendered,
                    seen: render,
                    len: rendered_len,
                },
            );
            report.written += 1;
        }
        report.elapsed = start.elapsed();
        Ok(report)
    }
}

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
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
    /// A file kept from the last render is marked as this render's; one the
    /// folder does not have (its render failed) stays missing until written.
    fn keep(&self, path: &str) {
        self.keep_all(&mut std::iter::once(path));
    }

    fn keep_all(&self, paths: &mut dyn Iterator<Item = &str>) {
        let render = self.render.load(Ordering::Relaxed);
        let mut current = lock(&self.current);
        for path in paths {
            if let Some(held) = current.get_mut(path) {
                held.seen = render;
            }
        }
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SinkError> {
        self.hold(path, std::borrow::Cow::Borrowed(bytes))
    }

    /// Fills a buffer as long as the file was last time (a large export is
    /// not copied as it grows), and holds it without copying it again.
    fn write_from(&self, path: &str, fill: crate::sink::Fill<'_>) -> Result<(), SinkError> {
        let room = lock(&self.current).get(path).map_or(0, |held| held.len);
        let bytes = crate::sink::filled(path, fill, room)?;
        // Held until the commit with no room to spare: a buffer that grew
        // by doubling (a file new to the folder, or longer than it was) is
        // copied to its length.
        if bytes.capacity() > room {
            return self.write(path, &bytes);
        }
        self.hold(path, std::borrow::Cow::Owned(bytes))
    }
}

impl Mirror {
    /// Holds `bytes` back for the commit unless the folder has them at `path`.
    fn hold(&self, path: &str, bytes: std::borrow::Cow<'_, [u8]>) -> Result<(), SinkError> {
        safe_join(&self.dir, path).map_err(refused(path))?;
        let hash = crate::hash::digest(&bytes);
        let render = self.render.load(Ordering::Relaxed);
        if let Some(held) = lock(&self.current).get_mut(path)
            && held.hash == hash
        {
            held.seen = render;
            return Ok(());
        }
        lock(&self.pending).insert(path.to_owned(), (bytes.into_owned(), hash));
        Ok(())
    }
}

/// A path a file of the site may not have.
fn refused(path: &str) -> impl FnOnce(String) -> SinkError + '_ {
    move |reason| SinkError::Path {
        path: path.to_owned(),
        reason,
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
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SinkError> {
        safe_join(Path::new("/"), path).map_err(refused(path))?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = walk(dir)
            .into_iter()
            .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
            .collect();
        out.sort();
        out
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn the_folder_follows_the_renders_that_succeed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("site");
        let mirror = Mirror::new(&dir, None).unwrap();
        mirror.write("a/index.html", b"<p>a</p>").unwrap();
        mirror.write("b/index.html", b"<p>b</p>").unwrap();
        mirror.write("c.json", b"{}").unwrap();
        let first = mirror.commit().unwrap();
        assert_eq!((first.written, first.removed), (3, 0));
        assert_eq!(files(&dir), ["a/index.html", "b/index.html", "c.json"]);

        // Kept, written with the same bytes, written anew; one not produced.
        mirror.keep("a/index.html");
        mirror.write("c.json", b"{}").unwrap();
        mirror.write("d.json", b"[]").unwrap();
        let second = mirror.commit().unwrap();
        assert_eq!((second.written, second.removed), (1, 1));
        assert_eq!(files(&dir), ["a/index.html", "c.json", "d.json"]);

        // A render that fails leaves the folder as it was, and the next
        // one is measured against the last that succeeded.
        mirror.write("e.json", b"1").unwrap();
        mirror.discard();
        assert_eq!(files(&dir), ["a/index.html", "c.json", "d.json"]);
        mirror.keep("a/index.html");
        mirror.keep("c.json");
        let third = mirror.commit().unwrap();
        assert_eq!((third.written, third.removed), (0, 1));
        assert_eq!(files(&dir), ["a/index.html", "c.json"]);
        assert_eq!(fs::read(dir.join("c.json")).unwrap(), b"{}");
    }
}
