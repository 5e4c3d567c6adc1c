//! Where the files of a site go: the sink that rendered pages, the search
//! index, the exports and static files are handed to. The output folder,
//! the staging of a build and the memory of `serve` are sinks.

use std::path::Path;

/// Writes a file's bytes into the writer it is given.
pub type Fill<'f> = &'f mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), String>;

/// Where rendered pages and static files go.
pub trait Sink: Sync {
    /// Says that the file at `path` is part of the site but unchanged since the
    /// previous render, so it was not rendered again.
    fn keep(&self, _path: &str) {}
    /// Receives the bytes of the file at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// Writes the file at `path` from what `fill` writes into it, for files
    /// too large to hold whole. By default the bytes are collected and
    /// handed to [`Sink::write`].
    fn write_from(&self, path: &str, fill: Fill<'_>) -> Result<(), String> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }
    /// Receives a static file to copy from disk.
    fn copy(&self, path: &str, from: &Path) -> Result<(), String> {
        let bytes =
            std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        self.write(path, &bytes)
    }
}
