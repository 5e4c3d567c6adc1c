//! Watching a site for changes, for `serve` and `build --watch`.
//!
//! Folders are watched, not files, so editors that save by renaming a
//! temporary file over the original (vim, JetBrains) are seen. Events are
//! debounced into batches: one batch is one rebuild. Reads (`Access` events)
//! and editor temporary files are ignored, as is anything under the folders
//! the caller names (the output). Where the system cannot watch (no inotify,
//! or its limit reached), the watcher falls back to polling and says so.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

use crate::incremental::Changes;
use crate::source::is_ignored_name;

/// The folders of a site whose changes matter, watched with all their contents.
pub const FOLDERS: [&str; 4] = ["content", "templates", "themes", "static"];

/// How long a batch waits for quiet before it is handed over.
const DEBOUNCE: Duration = Duration::from_millis(80);
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
}

/// A running watch of one site.
pub struct Watcher {
    inner: Inner,
    root: PathBuf,
    watched: Vec<PathBuf>,
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

/// The debouncer's handler: relevant paths of each batch go down `tx`.
fn handler(
    root: PathBuf,
    ignore: Vec<PathBuf>,
    tx: Sender<Changes>,
) -> impl Fn(DebounceEventResult) + Clone + Send + 'static {
    move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut paths: Vec<PathBuf> = events
            .iter()
            .flat_map(|e| relevant(&root, &ignore, &e.event.kind, &e.event.paths))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            let _ = tx.send(Changes { paths });
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
        let handle = handler(root.clone(), ignore.clone(), tx);
        let (inner, polling) = match new_debouncer(DEBOUNCE, None, handle.clone()) {
            Ok(d) => (Inner::Native(d), None),
            Err(e) => (
                Self::poller(handle.clone())?,
                Some(format!("file events are unavailable ({e})")),
            ),
        };
        let mut w = Watcher {
            inner,
            root,
            watched: Vec::new(),
            rx,
            polling,
        };
        if let Err(e) = w.watch_all() {
            // Typically the inotify watch limit: poll instead.
            w.inner = Self::poller(handle)?;
            w.watched.clear();
            w.polling = Some(format!("the system cannot watch more files ({e})"));
            w.watch_all()
                .map_err(|e| format!("cannot watch the site: {e}"))?;
        }
        Ok(w)
    }

    fn poller(handler: impl notify_debouncer_full::DebounceEventHandler) -> Result<Inner, String> {
        let config = notify::Config::default().with_poll_interval(POLL);
        new_debouncer_opt::<_, PollWatcher, NoCache>(DEBOUNCE, None, handler, NoCache, config)
            .map(Inner::Polling)
            .map_err(|e| format!("cannot watch the site: {e}"))
    }

    /// Watches the site's folder and every watched folder that exists and is
    /// not watched yet (a folder created after the start is picked up here).
    fn watch_all(&mut self) -> notify::Result<()> {
        if !self.watched.contains(&self.root) {
            self.inner
                .watch(&self.root.clone(), RecursiveMode::NonRecursive)?;
            self.watched.push(self.root.clone());
        }
        for folder in FOLDERS {
            let path = self.root.join(folder);
            if path.is_dir() && !self.watched.contains(&path) {
                self.inner.watch(&path, RecursiveMode::Recursive)?;
                self.watched.push(path);
            }
        }
        Ok(())
    }

    /// Waits for the next batch of changes; `None` when the watcher stopped.
    /// Batches that arrive while one is handled are merged into it.
    pub fn next_batch(&mut self) -> Option<Changes> {
        let mut changes = self.rx.recv().ok()?;
        loop {
            match self.rx.recv_timeout(Duration::from_millis(10)) {
                Ok(more) => changes.paths.extend(more.paths),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        changes.paths.sort();
        changes.paths.dedup();
        let _ = self.watch_all();
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
}
