//! How much room a build's site takes, and the disk running out of it.
//!
//! On a full disk every file of the site fails to be written. The build
//! says so once, naming the output folder, with how much room the site
//! needed and how much the disk had, rather than once per file: once the
//! disk is full nothing more is written, the rest of the site is only
//! counted.

use std::io::{self, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::OutputError;

/// The room a site takes on the disk of its staging folder.
#[derive(Debug)]
pub(super) struct Room {
    /// The disk's unit of allocation: a file takes whole ones.
    block: u64,
    /// What was free when the build began.
    free: Option<u64>,
    /// What the site's files and folders take, written or only counted.
    taken: AtomicU64,
    /// The disk is full (`false`) or the user's quota used up (`true`).
    full: OnceLock<bool>,
}

impl Room {
    /// The room on the disk that holds `dir`.
    pub(super) fn on(dir: &Path) -> Room {
        let stats = fs4::statvfs(dir).ok();
        Room {
            block: stats
                .as_ref()
                .map_or(4096, |s| s.allocation_granularity())
                .max(1),
            free: stats.map(|s| s.available_space()),
            taken: AtomicU64::new(0),
            full: OnceLock::new(),
        }
    }

    /// Whether the disk is full: nothing more is to be written.
    pub(super) fn is_full(&self) -> bool {
        self.full.get().is_some()
    }

    /// Counts a file of `len` bytes (a folder: `None`) as taking room.
    pub(super) fn take(&self, len: Option<u64>) {
        let blocks = len.map_or(1, |len| len.div_ceil(self.block));
        self.taken.fetch_add(blocks * self.block, Ordering::Relaxed);
    }

    /// Notes a failed write; true if it failed for want of room.
    pub(super) fn note(&self, e: &io::Error) -> bool {
        let quota = match e.kind() {
            io::ErrorKind::StorageFull => false,
            io::ErrorKind::QuotaExceeded => true,
            _ => return false,
        };
        let _ = self.full.set(quota);
        true
    }

    /// The build's one error for a full disk, if the disk filled up.
    pub(super) fn error(&self, output: &Path) -> Option<OutputError> {
        self.full.get().map(|&quota| OutputError::Full {
            path: output.to_path_buf(),
            quota,
            needed: Some(self.taken.load(Ordering::Relaxed)),
            free: self.free,
        })
    }
}

/// Writes a file of the site and counts its bytes; once the disk is full,
/// only counts them.
pub(super) struct Counted<'r, W: Write> {
    out: Option<W>,
    room: &'r Room,
    bytes: u64,
}

impl<'r, W: Write> Counted<'r, W> {
    /// Writes into `out`, or only counts where there is none.
    pub(super) fn new(out: Option<W>, room: &'r Room) -> Self {
        Counted {
            out,
            room,
            bytes: 0,
        }
    }

    /// Finishes the file, counts the room it takes and returns its length;
    /// the error is `None` once the disk is full (the build's error says more).
    pub(super) fn finish(mut self) -> Result<u64, Option<io::Error>> {
        if let Some(out) = &mut self.out
            && let Err(e) = out.flush()
        {
            if !self.room.note(&e) {
                return Err(Some(e));
            }
            self.out = None;
        }
        self.room.take(Some(self.bytes));
        match self.out {
            Some(_) => Ok(self.bytes),
            None => Err(None),
        }
    }
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.bytes += buf.len() as u64;
        if let Some(out) = &mut self.out
            && let Err(e) = out.write_all(buf)
        {
            if !self.room.note(&e) {
                return Err(e);
            }
            self.out = None;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A size as people read it: "850 bytes", "12.4 kB", "3.1 MB".
pub(super) fn size(bytes: u64) -> String {
    let units = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < units.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(850), "850 bytes");
        assert_eq!(size(12_400), "12.4 kB");
        assert_eq!(size(3_140_000), "3.1 MB");
    }

    #[test]
    fn a_full_disk_stops_the_writing_but_not_the_counting() {
        let room = Room::on(Path::new("."));
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let mut out = Counted::new(Some(FailAfter(4)), &room);
        out.write_all(b"abcd").unwrap();
        out.write_all(b"efgh").unwrap();
        assert!(room.is_full());
        assert!(out.finish().unwrap_err().is_none(), "no room left");
        assert!(room.note(&full));
        let Some(OutputError::Full { needed, .. }) = room.error(Path::new("public")) else {
            panic!("no error");
        };
        assert_eq!(needed, Some(room.block));
    }

    /// A writer that takes `n` bytes, then finds the disk full.
    struct FailAfter(usize);

    impl Write for FailAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
}
