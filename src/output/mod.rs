//! The write stage: the only code that touches the output folder.
//!
//! A build writes into a staging folder beside the output and swaps it into
//! place in one step when everything succeeded, so a failed or interrupted
//! build leaves the previous site exactly as it was. Every path is checked:
//! nothing is written outside the staging folder, and a folder quorum did not
//! make is never replaced.

mod mirror;

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::{Fill, Sink};

pub(crate) use mirror::hash;
pub use mirror::{Memory, Mirror, MirrorReport};

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
