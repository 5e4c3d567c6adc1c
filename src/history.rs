//! When each meeting's file last changed, read from the history of the git
//! repository the site is in.
//!
//! One `git log` walks the history once for all files, never once per file:
//! a file's date is the author date (in the author's own time zone, so the
//! same history always gives the same dates) of the newest commit that
//! touched it. The `git` command is used rather than a library: it is on
//! every machine that has a repository, costs nothing to build, and reads
//! the history as fast as git itself does.
//!
//! Nothing here can fail a build: without git, outside a repository, for a
//! file never committed, there is simply no date. It only reads the
//! repository, and asks git for nothing that would run another program (no
//! pager, no signature checks, no external diff).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use jiff::civil::Date;

/// The folder whose files' dates are read, relative to the site's folder.
const FOLDER: &str = "content/meetings";

/// The last change of every file of [`FOLDER`] that git has a commit for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct History {
    /// The commit the history was read from; `None` when there is none.
    head: Option<String>,
    /// Paths relative to the site's folder, `/`-separated, to dates.
    changed: HashMap<String, Date>,
}

impl History {
    /// The history of the site at `root`; empty outside a repository or
    /// without git.
    pub fn read(root: &Path) -> History {
        History::at(root, head(root))
    }

    /// `previous` again when the repository's `HEAD` has not moved since it
    /// was read (a save does not move it). When it moved on from there (a
    /// commit, a pull), only the commits since are read and their files'
    /// dates replace the old ones; anything else (a checkout of another
    /// branch, a rebase) reads the whole history again.
    pub fn read_since(root: &Path, previous: Option<&Arc<History>>) -> Arc<History> {
        let now = head(root);
        let Some(previous) = previous else {
            return Arc::new(History::at(root, now));
        };
        if previous.head == now {
            return previous.clone();
        }
        if let (Some(old), Some(new)) = (&previous.head, &now)
            && is_ancestor(root, old, new)
            && let Some(newer) = walk(root, &[new.as_str(), &format!("^{old}")])
        {
            let mut changed = previous.changed.clone();
            changed.extend(newer);
            return Arc::new(History { head: now, changed });
        }
        Arc::new(History::at(root, now))
    }

    /// The history from `head`, the commit `HEAD` names (none: no history).
    fn at(root: &Path, head: Option<String>) -> History {
        match head {
            Some(head) => History {
                changed: walk(root, &[head.as_str()]).unwrap_or_default(),
                head: Some(head),
            },
            None => History::default(),
        }
    }

    /// When the file at `path` (relative to the site's folder) last changed.
    pub fn changed(&self, path: &Path) -> Option<Date> {
        if self.changed.is_empty() {
            return None;
        }
        self.changed.get(&key(path)).copied()
    }

    /// How many files have a date.
    pub fn len(&self) -> usize {
        self.changed.len()
    }

    /// Whether no file has a date.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }
}

/// `path` as git writes it: `/` between its parts.
fn key(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// `git` run in `root`, with the settings that could make it run other
/// programs or change its output turned off.
fn git(root: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "log.showSignature=false",
            "-c",
            "core.quotePath=false",
            "--no-pager",
        ])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env_remove("GIT_EXTERNAL_DIFF")
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The commit `HEAD` names, if `root` is in a repository that has one.
fn head(root: &Path) -> Option<String> {
    let out = git(root)
        .args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .output()
        .ok()?;
    let id = String::from_utf8(out.stdout).ok()?;
    let id = id.trim();
    (out.status.success() && !id.is_empty()).then(|| id.to_owned())
}

/// Whether commit `old` is an ancestor of commit `new`.
fn is_ancestor(root: &Path, old: &str, new: &str) -> bool {
    git(root)
        .args(["merge-base", "--is-ancestor", old, new])
        .status()
        .is_ok_and(|s| s.success())
}

/// One walk of the history of `revisions` (`HEAD`'s commit, or the new
/// commits and `^` the old head), newest commit first: each file's date
/// is the first one it is seen with.
fn walk(root: &Path, revisions: &[&str]) -> Option<HashMap<String, Date>> {
    let mut child = git(root)
        .args([
            "log",
            "-z",
            "--no-color",
            "--no-renames",
            "--no-ext-diff",
            "--no-textconv",
            "--name-only",
            "--relative",
            "--format=date:%as",
        ])
        .args(revisions)
        .args(["--", FOLDER])
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let stdout = child.stdout.take()?;
    let mut changed = HashMap::new();
    let mut date = None;
    for token in BufReader::with_capacity(1 << 16, stdout).split(0) {
        let Ok(token) = token else { break };
        let token = token.strip_prefix(b"\n").unwrap_or(&token);
        if let Some(d) = token.strip_prefix(b"date:") {
            date = std::str::from_utf8(d).ok().and_then(|d| d.parse().ok());
        } else if let Some(d) = date
            && !token.is_empty()
        {
            let path = String::from_utf8_lossy(token).into_owned();
            changed.entry(path).or_insert(d);
        }
    }
    let status = child.wait().ok()?;
    status.success().then_some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_use_slashes() {
        assert_eq!(
            key(Path::new("content/meetings/2006/x.md")),
            "content/meetings/2006/x.md"
        );
    }

    #[test]
    fn outside_a_repository_there_is_no_history() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::read(dir.path());
        assert!(history.is_empty());
        assert_eq!(history.changed(Path::new("content/meetings/x.md")), None);
    }
}
