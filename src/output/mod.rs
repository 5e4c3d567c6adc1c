//! The write stage: the only code that touches the output folder.
//!
//! A build writes into a staging folder beside the output and swaps it into
//! place in one step when everything succeeded, so a failed or interrupted
//! build leaves the previous site exactly as it was. One build at a time
//! writes a folder: it holds the folder's lock from before it reads the
//! content until its site is in place. Every path is checked: nothing is
//! written outside the staging folder, and a folder quorum did not make is
//! never replaced.

mod access;
mod inside;
mod lock;
mod mirror;
mod room;
mod stage;
mod swap;

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

pub use lock::{Busy, Holder, LOCK, OutputLock, Wait};
pub use mirror::{Memory, Mirror, MirrorReport};
pub use stage::Staging;

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
    /// Another build is writing the folder, and went on for as long as
    /// this one would wait (`waited`).
    #[error("{} is writing {}; it holds {}{}", .busy.holder, .busy.output.display(), .busy.lock.display(), gave_up(*.waited))]
    Busy { busy: Busy, waited: Duration },
    /// The disk that holds the folder is full, or the user's quota used up:
    /// one error for the whole build, with the room the site needed (its
    /// files in whole blocks of the disk) and what was free when it began.
    #[error("{} {}{}", if *.quota { "your disk quota is used up on the disk that holds" } else { "no room left on the disk that holds" }, .path.display(), room_detail(*.needed, *.free))]
    Full {
        path: PathBuf,
        quota: bool,
        needed: Option<u64>,
        free: Option<u64>,
    },
    /// Files written into the staging folder went missing or shrank before
    /// the swap (another program removed them, or a network share lost
    /// them): the site is not whole, so it is not swapped in.
    #[error(
        "{missing} file(s) written for {path} went missing before the site was put in place (the first: {first}); was another program writing there? The previous site is left as it was"
    )]
    Incomplete {
        path: PathBuf,
        missing: usize,
        first: String,
    },
}

fn gave_up(waited: Duration) -> String {
    if waited.is_zero() {
        "; try again once it has finished, or let this build wait for it (--wait SECONDS)".into()
    } else {
        let waited = match waited.as_secs() {
            0 => format!("{} ms", waited.as_millis()),
            s => format!("{s} s"),
        };
        format!("; gave up after waiting {waited} for it to finish (--wait SECONDS waits longer)")
    }
}

fn room_detail(needed: Option<u64>, free: Option<u64>) -> String {
    let needed = needed.map(|n| format!("the new site needs about {}", room::size(n)));
    let free = free.map(|f| format!("{} was free when the build began", room::size(f)));
    let said = match (needed, free) {
        (Some(n), Some(f)) => format!(": {n}, and {f}"),
        (Some(one), None) | (None, Some(one)) => format!(": {one}"),
        (None, None) => String::new(),
    };
    format!(
        "{said} (the previous site stays in place until the new one is whole, so both must fit)"
    )
}

/// An I/O error on `path` while writing the output folder `shown`: a full
/// disk is said as such, naming the output folder.
fn write_err<'p>(shown: &'p Path, path: &'p Path) -> impl FnOnce(io::Error) -> OutputError + 'p {
    move |source| match source.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => OutputError::Full {
            path: shown.to_path_buf(),
            quota: source.kind() == io::ErrorKind::QuotaExceeded,
            needed: None,
            free: None,
        },
        _ => io_err(path)(source),
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An output folder this build may write: checked, locked, and cleared of
/// what interrupted builds left. Dropping it releases the lock.
#[derive(Debug)]
pub struct Claim {
    /// Held, not read: the lock goes when the claim does.
    _lock: OutputLock,
    /// The folder, absolute with links resolved.
    output: PathBuf,
    /// The folder as the user named it, for messages.
    shown: PathBuf,
}

impl Claim {
    /// Checks that `output` may be used by a build of the site at `root`,
    /// takes its lock (waiting as `wait` says for a build that holds it) and
    /// removes the staging folders of builds that are gone.
    pub fn take(root: &Path, output: &Path, wait: &Wait<'_>) -> Result<Claim, OutputError> {
        check_output(root, output)?;
        let abs = absolute(output);
        let lock = OutputLock::take(&abs, output, wait)?;
        // The build that held the lock may have been the one that made the
        // folder: check it again now that it is ours.
        check_output(root, output)?;
        swap::clear_leftovers(&abs);
        Ok(Claim {
            _lock: lock,
            output: abs,
            shown: output.to_path_buf(),
        })
    }

    /// The output folder, absolute.
    pub fn output(&self) -> &Path {
        &self.output
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
        // What a build left while it held the lock does not count.
        let empty = fs::read_dir(&out)
            .map(|d| d.flatten().all(|e| !is_site_entry(&e.file_name())))
            .unwrap_or(false);
        if !empty {
            return refuse(&format!(
                "it holds files quorum did not write (there is no {MARKER} in it); empty it or choose another --output"
            ));
        }
    }
    Ok(())
}

/// Whether a name at the top of the output folder can be a part of a site,
/// rather than quorum's bookkeeping (the marker, the lock, a staging folder)
/// or the file system's own `lost+found` at the root of a mounted volume.
fn is_site_entry(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    !(name == MARKER || name == LOCK || name.starts_with(STAGING_TAG) || name == "lost+found")
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
}
