//! Watching a site for changes, for `serve` and `build --watch`.
//!
//! Folders are watched, not files, so editors that save by renaming a
//! temporary file over the original (vim, JetBrains) are seen. Events are
//! debounced into batches: one batch is one rebuild. Reads (`Access` events)
//! and editor temporary files are ignored, as is anything under the folders
//! the caller names (the output). Where the system cannot watch (no inotify,
//! or its limit reached), the watcher falls back to polling and says so.
//!
//! A watch follows a folder, not its name: `content/` moved away and back,
//! deleted and restored, or replaced by a link to another folder would
//! leave the new one unwatched. So the site's own folder is watched too, and
//! after every batch each watched folder is checked against the one now at
//! its place (device and inode); one that was replaced, or that an event
//! named, is watched anew and the batch asks for everything to be read
//! again. The watcher must never go quiet while the site still changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

use crate::incremental::Changes;
use crate::source::is_ignored_name;

/// The folders of a site whose changes matter, watched with all their contents.
pub const FOLDERS: [&str; 5] = ["content", "templates", "themes", "static", "i18n"];

/// How long a batch waits for quiet before it is handed over.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// How often the polling fallback looks at the files.
const POLL: Duration = Duration::from_millis(500);

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

impl Inner {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.watch(path, mode),
            Inner::Polling(d) => d.watch(path, mode),
        }
    }

    /// Stops watching `path`; a watch the system already dropped (its
    /// folder deleted or moved) is no error.
    fn unwatch(&mut self, path: &Path) {
        let _ = match self {
            Inner::Native(d) => d.unwatch(path),
            Inner::Polling(d) => d.unwatch(path),
        };
    }
}

/// Which folder a path leads to, links followed: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity(u64, u64);

/// The folder at `path` now, if there is one.
fn identity(path: &Path) -> Option<Identity> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(Identity(meta.dev(), meta.ino()))
    }
    // Elsewhere only the events that name the folder tell it was replaced.
    #[cfg(not(unix))]
    Some(Identity(0, 0))
}

/// What the debouncers hand their batches to (kept to start polling later).
type Handle = Arc<dyn Fn(DebounceEventResult) + Send + Sync>;

/// A debouncer's handler that hands every batch to `handle`.
fn forward(handle: &Handle) -> impl Fn(DebounceEventResult) + Send + 'static {
    let handle = handle.clone();
    move |result| handle(result)
}

/// A running watch of one site.
pub struct Watcher {
    inner: Inner,
    handle: Handle,
    root: PathBuf,
    /// The site's folders watched now, and which folder each was then.
    watched: BTreeMap<PathBuf, Identity>,
    rx: Receiver<Changes>,
    /// Why the watcher polls, when it does.
    pub polling: Option<String>,
}

/// Whether an event is worth a rebuild, and which of its paths are.
fn relevant(root: &Path, ignore: &[PathBuf], kind: &EventKind, paths: &[PathBuf]) -> Vec<PathBuf> {
    if matches!(kind, EventKind::Access(_)) {
        return Vec::new();
    }
    paths
        .iter()
        .filter(|p| !ignore.iter().any(|i| p.starts_with(i)))
        .filter(|p| {
            !p.file_name()
                .map(|n| is_ignored_name(&n.to_string_lossy()))
                .unwrap_or(false)
        })
        .filter(|p| {
            // In the site's own folder only the configuration and the watched
            // folders matter (not README.md, not target/).
            match p
                .strip_prefix(root)
                .ok()
                .and_then(|r| r.components().next())
            {
                Some(first) => {
                    let first = first.as_os_str().to_string_lossy();
                    first == crate::config::FILE || FOLDERS.contains(&first.as_ref())
                }
                None => false,
            }
        })
        .cloned()
        .collect()
}

/// The debouncer's handler: relevant paths of each batch go down `tx`; a
/// batch the system could not follow (its queue overflowed) asks for a rescan.
fn handler(
    root: PathBuf,
    ignore: Vec<PathBuf>,
    tx: Sender<Changes>,
) -> impl Fn(DebounceEventResult) + Send + Sync + 'static {
    move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let rescan = events.iter().any(|e| e.event.need_rescan());
        let mut paths: Vec<PathBuf> = events
            .iter()
            .flat_map(|e| relevant(&root, &ignore, &e.event.kind, &e.event.paths))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() || rescan {
            let _ = tx.send(Changes { paths, rescan });
        }
    }
}

impl Watcher {
    /// Starts watching the site at `root`, ignoring everything under `ignore`.
    pub fn start(root: &Path, ignore: Vec<PathBuf>) -> Result<Watcher, String> {
        let root = std::fs::canonicalize(root)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let ignore: Vec<PathBuf> = ignore
            .into_iter()
            .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
            .collect();
        let (tx, rx) = channel();
        let handle: Handle = Arc::new(handler(root.clone(), ignore, tx));
        let (inner, polling) = match new_debouncer(DEBOUNCE, None, forward(&handle)) {
            Ok(d) => (Inner::Native(d), None),
            Err(e) => (
                Self::poller(&handle)?,
                Some(format!("file events are unavailable ({e})")),
            ),
        };
        let mut w = Watcher {
            inner,
            handle,
            root,
            watched: BTreeMap::new(),
            rx,
            polling,
        };
        if let Err(e) = w.watch_all() {
            w.poll_instead(&e)?;
        }
        Ok(w)
    }

    fn poller(handle: &Handle) -> Result<Inner, String> {
        let config = notify::Config::default().with_poll_interval(POLL);
        new_debouncer_opt::<_, PollWatcher, NoCache>(
            DEBOUNCE,
            None,
            forward(handle),
            NoCache,
            config,
        )
        .map(Inner::Polling)
        .map_err(|e| format!("cannot watch the site: {e}"))
    }

    /// Polls the site from now on: the system cannot watch it (typically,
    /// its limit of watches is reached).
    fn poll_instead(&mut self, e: &notify::Error) -> Result<(), String> {
        self.inner = Self::poller(&self.handle)?;
        self.watched.clear();
        self.polling = Some(format!("the system cannot watch more files ({e})"));
        self.watch_all()
            .map_err(|e| format!("cannot watch the site: {e}"))
    }

    /// Watches the site's folder, not its contents, and each of the site's
    /// folders that is there.
    fn watch_all(&mut self) -> notify::Result<()> {
        self.inner
            .watch(&self.root.clone(), RecursiveMode::NonRecursive)?;
        self.rewatch(&[], true).map(|_| ())
    }

    /// Brings the watches of the site's folders up to date: a folder that
    /// appeared is watched, one that went is let go, and one replaced by
    /// another (a different device and inode at its place), named in
    /// `named`, or any when `all`, is watched anew. Returns whether any
    /// folder appeared, went or was watched anew.
    fn rewatch(&mut self, named: &[PathBuf], all: bool) -> notify::Result<bool> {
        let mut changed = false;
        for folder in FOLDERS {
            let path = self.root.join(folder);
            let now = identity(&path);
            let before = self.watched.get(&path).copied();
            if now == before && !all && !named.contains(&path) {
                continue;
            }
            changed |= now.is_some() || before.is_some();
            if before.is_some() {
                self.inner.unwatch(&path);
                self.watched.remove(&path);
            }
            if let Some(id) = now {
                self.inner.watch(&path, RecursiveMode::Recursive)?;
                self.watched.insert(path, id);
            }
        }
        Ok(changed)
    }

    /// Waits for the next batch of changes; `None` when the watcher stopped.
    /// Batches that arrive while one is handled are merged into it.
    pub fn next_batch(&mut self) -> Option<Changes> {
        let first = self.rx.recv().ok()?;
        self.complete(first)
    }

    /// The batch that starts with `changes`, with those that follow at once,
    /// and the watches brought up to date with what it changed.
    fn complete(&mut self, mut changes: Changes) -> Option<Changes> {
        loop {
            match self.rx.recv_timeout(Duration::from_millis(10)) {
                Ok(more) => {
                    changes.paths.extend(more.paths);
                    changes.rescan |= more.rescan;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        changes.paths.sort();
        changes.paths.dedup();
        // A folder replaced may hold anything: its files are read again,
        // whatever the events said.
        let named: Vec<PathBuf> = changes
            .paths
            .iter()
            .filter(|p| p.parent() == Some(self.root.as_path()))
            .cloned()
            .collect();
        match self.rewatch(&named, changes.rescan) {
            Ok(changed) => changes.rescan |= changed,
            Err(e) => {
                // Polling starts from what is there now: read it all.
                changes.rescan = true;
                if self.poll_instead(&e).is_err() {
                    return None;
                }
            }
        }
        Some(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};

    #[test]
    fn reads_temp_files_and_other_folders_are_ignored() {
        let root = Path::new("/site");
        let out = vec![root.join("content/.serve")];
        let p = |s: &str| vec![root.join(s)];
        let modify = EventKind::Modify(ModifyKind::Any);
        assert_eq!(
            relevant(root, &out, &modify, &p("content/m.md")),
            p("content/m.md")
        );
        assert!(
            relevant(
                root,
                &out,
                &EventKind::Access(AccessKind::Any),
                &p("content/m.md")
            )
            .is_empty()
        );
        for name in [
            "content/.m.md.swp",
            "content/m.md~",
            "content/#m.md#",
            "content/m.md.kate-swp",
            "content/m.md___jb_tmp___",
            "README.md",
            "target/x",
            "public/index.html",
            "content/.serve/x",
        ] {
            assert!(relevant(root, &out, &modify, &p(name)).is_empty(), "{name}");
        }
        assert_eq!(
            relevant(
                root,
                &out,
                &EventKind::Create(CreateKind::Any),
                &p("quorum.yaml")
            ),
            p("quorum.yaml")
        );
    }

    /// Batches of `w` until one holds `path` (at most 10 s): whether any
    /// of them asked for a rescan.
    fn until(w: &mut Watcher, path: &Path) -> bool {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut rescan = false;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let Ok(first) = w.rx.recv_timeout(left) else {
                panic!("no change to {} was seen", path.display());
            };
            let changes = w.complete(first).expect("the watcher runs");
            rescan |= changes.rescan;
            if changes.paths.iter().any(|p| p == path) {
                return rescan;
            }
        }
    }

    #[test]
    fn folders_replaced_while_watched_are_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let templates = root.join("templates");
        let page = templates.join("page.html");
        std::fs::create_dir(&templates).unwrap();
        let mut w = Watcher::start(&root, Vec::new()).unwrap();

        // Deleted, then restored: the restored folder's files are followed.
        std::fs::remove_dir(&templates).unwrap();
        assert!(until(&mut w, &templates), "a folder gone asks for a rescan");
        std::fs::create_dir(&templates).unwrap();
        until(&mut w, &templates);
        std::fs::write(&page, "restored").unwrap();
        until(&mut w, &page);

        // Moved away and back at once: the same folder, watched again.
        let away = dir.path().join("away");
        std::fs::rename(&templates, &away).unwrap();
        std::fs::rename(&away, &templates).unwrap();
        assert!(until(&mut w, &templates));
        std::fs::write(&page, "moved").unwrap();
        until(&mut w, &page);

        // Replaced by a link to another folder: that folder is followed.
        #[cfg(unix)]
        {
            let other = dir.path().join("other");
            std::fs::create_dir(&other).unwrap();
            std::fs::remove_dir_all(&templates).unwrap();
            std::os::unix::fs::symlink(&other, &templates).unwrap();
            assert!(until(&mut w, &templates));
            std::fs::write(other.join("page.html"), "linked").unwrap();
            until(&mut w, &page);
        }
    }
}
