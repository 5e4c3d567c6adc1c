//! A build's output under construction: the staging folder the render writes
//! into, and its swap into place once every file is there.
//!
//! The staging folder is only ever this build's: it is made under the
//! output's lock, never made again if something removes it meanwhile, and
//! checked to hold every file written into it before it is swapped in, so a
//! site that is not whole is never put in place.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::access::{Access, Entries};
use super::{Claim, MARKER, MARKER_TEXT, OutputError, inside, io_err, safe_join, swap};
use crate::render::{Fill, Sink};

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
    /// Every file written, to check that all are there before the swap.
    written: Mutex<HashSet<String>>,
    /// The staging folder is in place (or must be kept): not to be removed.
    done: bool,
}

impl Staging {
    /// Makes a staging folder for the claimed output folder.
    pub fn begin(claim: Claim) -> Result<Staging, OutputError> {
        let output = claim.output();
        let access = Access::of(output).map_err(io_err(output))?;
        let beside = swap::beside(output);
        let place = if inside::is_mount_point(output) {
            Place::Inside
        } else {
            match make_staging(&beside) {
                // A folder whose owner, group or ACLs this process cannot
                // give a new folder is built into, and so kept as it is.
                Ok(()) if access.begin_on(&beside).is_err() => {
                    let _ = fs::remove_dir_all(&beside);
                    Place::Inside
                }
                Ok(()) => Place::Beside,
                // A web root whose parent the build may not write
                // (/var/www/html under a /var/www of root's, say).
                Err(e) if cfg!(unix) && e.kind() == io::ErrorKind::PermissionDenied => {
                    Place::Inside
                }
                Err(e) => return Err(io_err(&beside)(e)),
            }
        };
        let dir = match place {
            Place::Beside => beside,
            Place::Inside => {
                let dir = inside::staging(output);
                make_staging(&dir).map_err(io_err(&dir))?;
                dir
            }
        };
        let entries = access.for_entries(&dir);
        let staging = Staging {
            claim,
            dir,
            place,
            access,
            entries,
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
        swapped.map_err(io_err(&self.claim.shown))
    }

    /// Marks `dir` as quorum's output.
    fn mark(&self, dir: &Path) -> Result<(), OutputError> {
        let marker = dir.join(MARKER);
        (self.entries.create_file(&marker))
            .and_then(|mut f| io::Write::write_all(&mut f, MARKER_TEXT.as_bytes()))
            .map_err(io_err(&marker))
    }

    /// Drops the staged files; the output is left as it was.
    pub fn abort(self) {}

    /// Checks that every file written is still in the staging folder.
    fn check_whole(&self) -> Result<(), OutputError> {
        let written = super::mirror::lock(&self.written);
        let mut missing = written
            .iter()
            .filter(|rel| !self.dir.join(rel).is_file())
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

    /// Where the file at `rel` goes in the staging folder, its folder made.
    fn target(&self, rel: &str) -> Result<PathBuf, String> {
        let target = safe_join(&self.dir, rel)?;
        if let Some(parent) = target.parent() {
            self.make_dir(parent).map_err(|e| e.to_string())?;
        }
        super::mirror::lock(&self.written).insert(rel.to_owned());
        Ok(target)
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
        match self.entries.create_dir(dir) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            other => other,
        }
    }
}

/// Makes the staging folder `dir`, removing a leftover of this same
/// process (a watch whose swap failed).
fn make_staging(dir: &Path) -> io::Result<()> {
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
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        use std::io::Write;
        let target = self.target(path)?;
        (self.entries.create_file(&target))
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| e.to_string())
    }

    fn write_from(&self, path: &str, fill: Fill<'_>) -> Result<(), String> {
        use std::io::Write;
        let target = self.target(path)?;
        let file = (self.entries.create_file(&target)).map_err(|e| e.to_string())?;
        let mut out = io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut out)?;
        out.flush().map_err(|e| e.to_string())
    }

    /// Copies the bytes only: the file gets the site's permissions, not
    /// those of its source.
    fn copy(&self, path: &str, from: &Path) -> Result<(), String> {
        let target = self.target(path)?;
        let mut source =
            fs::File::open(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        (self.entries.create_file(&target))
            .and_then(|mut f| io::copy(&mut source, &mut f))
            .map(|_| ())
            .map_err(|e| e.to_string())
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
        let e = s.commit().unwrap_err();
        assert!(e.to_string().starts_with("1 file(s) written for "));
        assert!(e.to_string().contains("meetings/a/index.html"), "{e}");
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");

        let s = begin(site.path(), &out);
        fs::remove_dir_all(s.dir()).unwrap();
        let e = s.write("index.html", b"two").unwrap_err();
        assert!(e.contains("was removed while"), "{e}");
        assert!(!s.dir().exists());
    }
}
