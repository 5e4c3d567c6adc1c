//! Building into an output folder that cannot itself be replaced: a mount
//! point (a Docker volume, an NFS web root), or a folder whose parent the
//! build may not write.
//!
//! The site is staged in a hidden folder inside the output, then put in
//! place entry by entry at the top of the output: each entry moves in one
//! step (folders are exchanged), so a reader sees, for the microseconds the
//! swap takes, some top-level folders of the new site beside others of the
//! old, never a half-written page. Names that need room in the output
//! folder go first, and are moved back if one fails (a full disk), so up to
//! there the previous site is whole. A journal kept in the staging folder
//! lets the next build finish a swap that was cut short by a kill.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{MARKER, STAGING_TAG, is_site_entry, swap};

/// The journal of a swap under way, in the staging folder.
const JOURNAL: &str = ".quorum-swap";
/// Where entries of the previous site go when they cannot be exchanged.
const OLD: &str = ".quorum-old";

/// This process's staging folder inside `output`.
pub(super) fn staging(output: &Path) -> PathBuf {
    output.join(format!("{STAGING_TAG}{}", std::process::id()))
}

/// Whether `dir` is a mount point: a folder that cannot be renamed, only
/// written into.
#[cfg(unix)]
pub(super) fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(meta), Some(parent)) = (fs::metadata(dir), dir.parent()) else {
        return false;
    };
    if fs::metadata(parent).is_ok_and(|p| p.dev() != meta.dev()) {
        return true;
    }
    // A bind mount of a folder of the same file system keeps its device.
    is_listed_as_mount(dir)
}

#[cfg(not(unix))]
pub(super) fn is_mount_point(_dir: &Path) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn is_listed_as_mount(dir: &Path) -> bool {
    let Ok(table) = fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    table
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .any(|point| Path::new(&unescape(point)) == dir)
}

#[cfg(all(unix, not(target_os = "linux")))]
fn is_listed_as_mount(_dir: &Path) -> bool {
    false
}

/// A mount point as the mount table writes it: space, tab, newline and
/// backslash as three octal digits after a backslash.
#[cfg(target_os = "linux")]
fn unescape(field: &str) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match (b[i], octal) {
            (b'\\', Some(d)) => {
                out.push(d.iter().fold(0u8, |n, c| n.wrapping_mul(8) + (c - b'0')));
                i += 4;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    OsString::from_vec(out)
}

/// An entry of the staged site and its inode, by which a swap cut short
/// tells what it already moved.
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    name: String,
    ino: u64,
}

/// Puts the site staged in `staged` (inside `output`, which has quorum's
/// marker) in place of the output's entries, then removes what only the previous site had. On an
/// error before any entry of the previous site was replaced, the output is
/// as it was and the journal is gone; after, the journal stays, and the next
/// build finishes the swap.
pub(super) fn swap(staged: &Path, output: &Path) -> io::Result<()> {
    let mut entries = Vec::new();
    for e in fs::read_dir(staged)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if [MARKER, JOURNAL, OLD].contains(&name.as_str()) {
            continue;
        }
        let ino = ino(&e.path()).unwrap_or_default();
        // Folders first: new pages are there before the pages linking to them.
        entries.push((!e.file_type()?.is_dir(), Entry { name, ino }));
    }
    entries.sort_by(|a, b| (a.0, &a.1.name).cmp(&(b.0, &b.1.name)));
    let entries: Vec<Entry> = entries.into_iter().map(|(_, e)| e).collect();
    let journal = staged.join(JOURNAL);
    let text = serde_json::to_vec(&entries).map_err(io::Error::other)?;
    let tmp = staged.join(format!("{JOURNAL}.tmp"));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, &journal)?;
    put_in_place(staged, output, &entries, true)
}

/// Whether the swap of `staged` began to replace the previous site and
/// was cut short: its journal is there.
pub(super) fn is_under_way(staged: &Path) -> bool {
    staged.join(JOURNAL).is_file()
}

/// Finishes the swap of a staging folder left by a build that is gone, if
/// it was cut short, then removes the folder.
pub(super) fn finish(staged: &Path, output: &Path) {
    if let Ok(text) = fs::read(staged.join(JOURNAL))
        && let Ok(entries) = serde_json::from_slice::<Vec<Entry>>(&text)
    {
        let _ = put_in_place(staged, output, &entries, false);
    }
    let _ = fs::remove_dir_all(staged);
}

fn put_in_place(staged: &Path, output: &Path, entries: &[Entry], undo: bool) -> io::Result<()> {
    let at = |name: &str| (staged.join(name), output.join(name));
    // Names the previous site lacks take room in the output folder: they go
    // first, and are moved back if one cannot be made.
    let mut added = Vec::new();
    for e in entries {
        let (new, dst) = at(&e.name);
        if fs::symlink_metadata(&dst).is_ok() || ino(&new) != Some(e.ino) {
            continue;
        }
        if let Err(err) = fs::rename(&new, &dst) {
            if undo {
                for (new, dst) in added.iter().rev() {
                    let _ = fs::rename(dst, new);
                }
                let _ = fs::remove_file(staged.join(JOURNAL));
            }
            return Err(err);
        }
        added.push((new, dst));
    }
    for e in entries {
        let (new, dst) = at(&e.name);
        if ino(&dst) == Some(e.ino) || ino(&new) != Some(e.ino) {
            continue;
        }
        replace(&new, &dst, &staged.join(OLD).join(&e.name))?;
    }
    let names: std::collections::HashSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    for e in fs::read_dir(output)?.flatten() {
        let name = e.file_name();
        if is_site_entry(&name) && !names.contains(name.to_string_lossy().as_ref()) {
            remove(&e.path())?;
        }
    }
    fs::remove_file(staged.join(JOURNAL))?;
    fs::remove_dir_all(staged)
}

/// Puts `new` in place of `dst` in one step; where the file system cannot
/// exchange two entries, a file is renamed over the old one, and a folder
/// takes the old one's place right after it is moved to `aside`.
fn replace(new: &Path, dst: &Path, aside: &Path) -> io::Result<()> {
    match swap::exchange(new, dst) {
        Ok(()) => Ok(()),
        Err(e) if !is_unsupported(&e) => Err(e),
        Err(_) if !new.is_dir() && !dst.is_dir() => fs::rename(new, dst),
        Err(_) => {
            if let Some(parent) = aside.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(dst, aside)?;
            fs::rename(new, dst)
        }
    }
}

/// Whether an exchange failed only because the file system cannot do it
/// (NFS, for one).
fn is_unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    ) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

fn remove(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn ino(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path).ok().map(|m| m.ino())
}

#[cfg(not(unix))]
fn ino(_path: &Path) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::super::MARKER_TEXT;
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (rel, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        out.sort();
        out
    }

    fn site(dir: &Path, version: &str, names: &[&str]) {
        for name in names {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, version).unwrap();
        }
    }

    #[test]
    fn the_entries_swap_in_and_the_old_ones_go() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        site(
            out,
            "old",
            &["index.html", "meetings/a/index.html", "gone/index.html"],
        );
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        let staged = staging(out);
        site(
            &staged,
            "new",
            &["index.html", "meetings/b/index.html", "added/index.html"],
        );
        swap(&staged, out).unwrap();
        let names: Vec<String> = tree(out).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                MARKER,
                "added/index.html",
                "index.html",
                "meetings/b/index.html"
            ]
        );
        assert!(tree(out).iter().all(|(n, v)| n == MARKER || v == "new"));
    }

    #[test]
    fn a_swap_cut_short_is_finished_by_the_next_build() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        site(
            out,
            "old",
            &["index.html", "a/x.html", "b/x.html", "gone.html"],
        );
        let staged = staging(out);
        site(
            &staged,
            "new",
            &["index.html", "a/x.html", "b/x.html", "c/x.html"],
        );
        // Killed after the journal, the new folder c/ and a/ were put in place.
        swap(&staged, out).unwrap();
        let done = tree(out);
        let out2 = tempfile::tempdir().unwrap();
        let out2 = out2.path();
        site(
            out2,
            "old",
            &["index.html", "a/x.html", "b/x.html", "gone.html"],
        );
        let staged = staging(out2);
        site(
            &staged,
            "new",
            &["index.html", "a/x.html", "b/x.html", "c/x.html"],
        );
        let entries: Vec<Entry> = ["a", "b", "c", "index.html"]
            .iter()
            .map(|n| Entry {
                name: n.to_string(),
                ino: ino(&staged.join(n)).unwrap(),
            })
            .collect();
        fs::write(staged.join(JOURNAL), serde_json::to_vec(&entries).unwrap()).unwrap();
        fs::rename(staged.join("c"), out2.join("c")).unwrap();
        swap::exchange(&staged.join("a"), &out2.join("a")).unwrap();
        finish(&staged, out2);
        assert!(!staged.exists());
        assert_eq!(tree(out2), done);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn mount_table_escapes_are_read() {
        assert_eq!(
            unescape(r"/srv/my\040site\134x"),
            OsString::from("/srv/my site\\x")
        );
        assert_eq!(unescape(r"/a\b"), OsString::from(r"/a\b"));
    }
}
