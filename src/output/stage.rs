//! A build's output under construction: the staging folder the render writes
//! into, and its swap into place once every file is there.
//!
//! The staging folder is only ever this build's: it is made under the
//! output's lock, never made again if something removes it meanwhile, and
//! checked to hold every file written into it before it is swapped in, so a
//! site that is not whole is never put in place.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::access::{Access, Entries};
use super::room::{Counted, Room};
use super::{Claim, MARKER, MARKER_TEXT, OutputError, inside, io_err, safe_join, swap, write_err};
use crate::sink::{Fill, Sink, SinkError};

/// Where the staging folder is, and so how it is put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Beside the output, which it replaces in one step.
    Beside,
    /// Inside the output, whose entries it replaces (see [`inside`]).
    Inside,
}

/// A build's output under construction; dropped without
/// [`Staging::commit`], it is removed and the output is left as it was.
#[derive(Debug)]
pub struct Staging {
    /// Holds the output's lock until the staging folder is gone.
    claim: Claim,
    dir: PathBuf,
    place: Place,
    /// Who may read the output folder, for the folder swapped in its place.
    access: Access,
    /// How the site's files and folders are made.
    entries: Entries,
    /// The room the site takes, and whether the disk filled up.
    room: Room,
    /// Every file written and its length, to check that all are there,
    /// whole, before the swap.
    written: Mutex<HashMap<String, u64>>,
    /// The staging folder is in place (or must be kept): not to be removed.
    done: bool,
}

impl Staging {
    /// Makes a staging folder for the claimed output folder.
    pub fn begin(claim: Claim) -> Result<Staging, OutputError> {
        let output = claim.output();
        let access = Access::of(output).map_err(io_err(output))?;
        let (dir, place) = make_staging(output, &claim.shown, &access)?;
        let staging = Staging {
            room: Room::on(&dir),
            entries: access.for_entries(&dir),
            claim,
            dir,
            place,
            access,
            written: Mutex::default(),
            done: false,
        };
        staging.mark(&staging.dir)?;
        Ok(staging)
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Puts the staged site in place of the output, in one step where the
    /// system allows it, and removes the previous site.
    pub fn commit(mut self) -> Result<(), OutputError> {
        self.check_whole()?;
        let swapped = match self.place {
            Place::Beside => (self.access.finish_on(&self.dir))
                .and_then(|()| swap::folder(&self.dir, self.claim.output())),
            Place::Inside => {
                if !self.claim.output().join(MARKER).is_file() {
                    self.mark(self.claim.output())?;
                }
                inside::swap(&self.dir, self.claim.output())
            }
        };
        // A swap into the folder cut short after it began to replace the
        // previous site keeps its staging folder, for the next build to finish.
        self.done = swapped.is_ok() || inside::is_under_way(&self.dir);
        let shown = &self.claim.shown;
        swapped.map_err(write_err(shown, shown))
    }

    /// Marks `dir` as quorum's output.
    fn mark(&self, dir: &Path) -> Result<(), OutputError> {
        let marker = dir.join(MARKER);
        (self.entries.create_file(&marker))
            .and_then(|mut f| io::Write::write_all(&mut f, MARKER_TEXT.as_bytes()))
            .map_err(write_err(&self.claim.shown, &marker))
    }

    /// Drops the staged files; the output is left as it was.
    pub fn abort(self) {}

    /// The one error of a build that failed because the disk filled up, in
    /// place of an error for each file; the output is left as it was.
    pub fn out_of_room(self) -> Option<OutputError> {
        self.room.error(&self.claim.shown)
    }

    /// Checks that every file written is still in the staging folder, as
    /// long as it was written (a network share may report a full disk only
    /// as a file is closed, and not to the program that closes it).
    fn check_whole(&self) -> Result<(), OutputError> {
        let written = super::mirror::lock(&self.written);
        let mut missing = written
            .iter()
            .filter(|&(rel, &len)| {
                fs::metadata(self.dir.join(rel)).map_or(true, |m| !m.is_file() || m.len() != len)
            })
            .map(|(rel, _)| rel)
            .collect::<Vec<_>>();
        missing.sort();
        match missing.first() {
            None => Ok(()),
            Some(first) => Err(OutputError::Incomplete {
                path: self.claim.shown.clone(),
                missing: missing.len(),
                first: (*first).clone(),
            }),
        }
    }

    /// Where the file at `rel` goes in the staging folder, its folder made;
    /// `None` once the disk is full, for a file that is only counted.
    fn target(&self, rel: &str) -> Result<Option<PathBuf>, SinkError> {
        let target = safe_join(&self.dir, rel).map_err(|reason| SinkError::Path {
            path: rel.to_owned(),
            reason,
        })?;
        if let Some(parent) = target.parent()
            && let Err(e) = self.make_dir(parent)
        {
            return if self.room.note(&e) {
                Ok(None)
            } else {
                Err(write_error(rel)(e))
            };
        }
        Ok((!self.room.is_full()).then_some(target))
    }

    /// Makes `dir` and the folders above it up to the staging folder, which
    /// is never made again: if it went, the build fails.
    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if dir.is_dir() {
            return Ok(());
        }
        if dir == self.dir {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "the staging folder {} was removed while the site was written into it",
                    self.dir.display()
                ),
            ));
        }
        if let Some(parent) = dir.parent() {
            self.make_dir(parent)?;
        }
        self.room.take(None);
        match self.entries.create_dir(dir) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            other => other,
        }
    }

    /// The file at `target`, made; `None` once the disk is full.
    fn create(&self, rel: &str, target: Option<PathBuf>) -> Result<Option<fs::File>, SinkError> {
        let Some(target) = target else {
            return Ok(None);
        };
        match self.entries.create_file(&target) {
            Ok(file) => Ok(Some(file)),
            Err(e) if self.room.note(&e) => Ok(None),
            Err(e) => Err(write_error(rel)(e)),
        }
    }
}

/// A failed write of the file at `path` in the site.
fn write_error(path: &str) -> impl FnOnce(io::Error) -> SinkError + '_ {
    move |source| SinkError::Write {
        path: path.to_owned(),
        source,
    }
}

/// Makes the staging folder for `output`: beside it, or inside it where it
/// cannot be replaced (a mount point, a folder whose parent the build may
/// not write, or one whose access a new folder cannot be given).
fn make_staging(
    output: &Path,
    shown: &Path,
    access: &Access,
) -> Result<(PathBuf, Place), OutputError> {
    let beside = swap::beside(output);
    if !inside::is_mount_point(output) {
        match make_dir_anew(&beside) {
            Ok(()) if access.begin_on(&beside).is_ok() => return Ok((beside, Place::Beside)),
            Ok(()) => {
                let _ = fs::remove_dir_all(&beside);
            }
            // A web root whose parent the build may not write
            // (/var/www/html under a /var/www of root's, say).
            Err(e) if cfg!(unix) && e.kind() == io::ErrorKind::PermissionDenied => {}
            Err(e) => return Err(write_err(shown, &beside)(e)),
        }
    }
    let dir = inside::staging(output);
    make_dir_anew(&dir).map_err(write_err(shown, &dir))?;
    Ok((dir, Place::Inside))
}

/// Makes the folder `dir`, removing a leftover of this same process (a
/// watch whose swap failed).
fn make_dir_anew(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir(dir)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SinkError> {
        self.write_from(path, &mut |out| {
            out.write_all(bytes).map_err(|e| e.to_string())
        })
    }

    fn write_from(&self, path: &str, fill: Fill<'_>) -> Result<(), SinkError> {
        let file = self.create(path, self.target(path)?)?;
        let file = file.map(|f| io::BufWriter::with_capacity(1 << 16, f));
        let mut out = Counted::new(file, &self.room);
        fill(&mut out).map_err(|reason| SinkError::Fill {
            path: path.to_owned(),
            reason,
        })?;
        let len = out.finish().map_err(|e| match e {
            Some(source) => write_error(path)(source),
            None => SinkError::NoRoom {
                path: path.to_owned(),
            },
        })?;
        super::mirror::lock(&self.written).insert(path.to_owned(), len);
        Ok(())
    }

    /// Copies the bytes only: the file gets the site's permissions, not
    /// those of its source.
    fn copy(&self, path: &str, from: &Path) -> Result<(), SinkError> {
        let file = self.create(path, self.target(path)?)?;
        let mut source = fs::File::open(from).map_err(|source| SinkError::Read {
            path: path.to_owned(),
            from: from.to_path_buf(),
            source,
        })?;
        let no_room = || SinkError::NoRoom {
            path: path.to_owned(),
        };
        let Some(mut file) = file else {
            self.room.take(source.metadata().ok().map(|m| m.len()));
            return Err(no_room());
        };
        match io::copy(&mut source, &mut file) {
            Ok(n) => {
                self.room.take(Some(n));
                super::mirror::lock(&self.written).insert(path.to_owned(), n);
                Ok(())
            }
            Err(e) if self.room.note(&e) => {
                self.room.take(source.metadata().ok().map(|m| m.len()));
                Err(no_room())
            }
            Err(e) => Err(write_error(path)(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Wait;
    use super::*;

    fn begin(site: &Path, out: &Path) -> Staging {
        Staging::begin(Claim::take(site, out, &Wait::default()).unwrap()).unwrap()
    }

    #[test]
    fn staging_swaps_in_whole_and_abort_keeps_the_old_site() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let s = begin(site.path(), &out);
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = begin(site.path(), &out);
        s.write("index.html", b"two").unwrap();
        s.abort();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = begin(site.path(), &out);
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
        let inside: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(inside.len(), 2, "{inside:?}");
    }

    #[test]
    fn a_site_whose_files_went_missing_is_not_swapped_in() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let s = begin(site.path(), &out);
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();

        let s = begin(site.path(), &out);
        s.write("meetings/a/index.html", b"a").unwrap();
        fs::remove_dir_all(s.dir().join("meetings")).unwrap();
        s.write("meetings/b/index.html", b"b").unwrap();
        s.write("search.json", b"[1, 2, 3]").unwrap();
        fs::write(s.dir().join("search.json"), "[1").unwrap();
        let e = s.commit().unwrap_err();
        assert!(e.to_string().starts_with("2 file(s) written for "));
        assert!(e.to_string().contains("meetings/a/index.html"), "{e}");
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = begin(site.path(), &out);
        fs::remove_dir_all(s.dir()).unwrap();
        let e = s.write("index.html", b"two").unwrap_err();
        assert!(e.to_string().contains("was removed while"), "{e}");
        assert!(matches!(e, SinkError::Write { .. }), "{e:?}");
        assert_eq!(e.path(), "index.html");
        assert!(!s.dir().exists());
    }
}
