//! Where the files of a site go: the sink that rendered pages, the search
//! index, the exports and static files are handed to. The output folder,
//! the staging of a build and the memory of `serve` are sinks.

use std::io;
use std::path::{Path, PathBuf};

/// What writes a file's bytes into the writer it is given; its error is a
/// message. (A file as it was in the previous render is not handed to the
/// sink at all: it is kept, [`Sink::keep`].)
pub type Fill<'f> = &'f mut dyn FnMut(&mut dyn io::Write) -> Result<(), String>;

/// Why a file of the site could not be handed to a sink; each names the
/// file (its path in the site, relative and `/`-separated).
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The path is not one a file of the site may have.
    #[error("{reason}")]
    Path { path: String, reason: String },
    /// Writing the file failed.
    #[error("{source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// The file to copy could not be read.
    #[error("cannot read {}: {source}", from.display())]
    Read {
        path: String,
        from: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The disk holds no more.
    #[error("no room left on the disk")]
    NoRoom { path: String },
    /// What writes the file's bytes failed, for the reason given.
    #[error("{reason}")]
    Fill { path: String, reason: String },
}

impl SinkError {
    /// The file that could not be written.
    pub fn path(&self) -> &str {
        match self {
            SinkError::Path { path, .. }
            | SinkError::Write { path, .. }
            | SinkError::Read { path, .. }
            | SinkError::NoRoom { path }
            | SinkError::Fill { path, .. } => path,
        }
    }
}

/// What `fill` writes for the file at `path`, into a buffer with `room`
/// bytes to start with.
pub(crate) fn filled(path: &str, fill: Fill<'_>, room: usize) -> Result<Vec<u8>, SinkError> {
    let mut bytes = Vec::with_capacity(room);
    fill(&mut bytes).map_err(|reason| SinkError::Fill {
        path: path.to_owned(),
        reason,
    })?;
    Ok(bytes)
}

/// Where rendered pages and static files go.
pub trait Sink: Sync {
    /// Says that the file at `path` is part of the site but unchanged since the
    /// previous render, so it was not rendered again.
    fn keep(&self, _path: &str) {}
    /// [`Sink::keep`] for each of `paths`: a render says at once which of
    /// its pages it kept.
    fn keep_all(&self, paths: &mut dyn Iterator<Item = &str>) {
        paths.for_each(|p| self.keep(p));
    }
    /// Receives the bytes of the file at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SinkError>;
    /// Writes the file at `path` from what `fill` writes into it, for files
    /// too large to hold whole. By default the bytes are collected and
    /// handed to [`Sink::write`].
    fn write_from(&self, path: &str, fill: Fill<'_>) -> Result<(), SinkError> {
        self.write(path, &filled(path, fill, 0)?)
    }
    /// Receives a static file to copy from disk.
    fn copy(&self, path: &str, from: &Path) -> Result<(), SinkError> {
        let bytes = std::fs::read(from).map_err(|source| SinkError::Read {
            path: path.to_owned(),
            from: from.to_path_buf(),
            source,
        })?;
        self.write(path, &bytes)
    }
}
