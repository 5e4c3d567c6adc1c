//! The lock that lets one build at a time write an output folder.
//!
//! Two builds into one folder (two terminals, or `build --watch` and a build
//! typed by hand) would each tidy away the other's staging folder and swap in
//! a site missing the files written there. A build holds an advisory lock on
//! `<output>/.quorum.lock` from before it reads the content until its site is
//! in place, and writes into the file which process it is, so that a build
//! kept waiting can name it. The lock must never outlive one build:
//! `build --watch` takes it anew for each rebuild, so a build typed by hand
//! waits at most for the rebuild under way.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::{FileExt, TryLockError};

use super::OutputError;

/// The lock file, inside the output folder while a build runs.
pub const LOCK: &str = ".quorum.lock";

/// Which process holds an output folder, as its lock file says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    /// Its process id; `None` when the file does not say (a program other
    /// than quorum holds the lock, or it has only just taken it).
    pub pid: Option<u32>,
    /// The machine it runs on (a folder on a network share can be written
    /// from several).
    pub host: String,
    /// Its command line.
    pub command: String,
}

impl Holder {
    /// This process.
    fn me() -> Holder {
        let mut args = std::env::args_os();
        let program = args
            .next()
            .map(|p| {
                Path::new(&p)
                    .file_name()
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned()
            })
            .unwrap_or_default();
        let command = std::iter::once(program)
            .chain(args.map(|a| a.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(" ");
        Holder {
            pid: Some(std::process::id()),
            host: host_name(),
            command,
        }
    }

    /// What the lock file at `path` says.
    fn read(path: &Path) -> Holder {
        let text = fs::read_to_string(path).unwrap_or_default();
        let mut holder = Holder::default();
        for line in text.lines() {
            match line.split_once(": ") {
                Some(("pid", v)) => holder.pid = v.trim().parse().ok(),
                Some(("host", v)) => holder.host = v.to_owned(),
                Some(("command", v)) => holder.command = v.to_owned(),
                _ => {}
            }
        }
        holder
    }

    fn text(&self) -> String {
        format!(
            "This folder is being written by a quorum build.\npid: {}\nhost: {}\ncommand: {}\n",
            self.pid.map(|p| p.to_string()).unwrap_or_default(),
            self.host,
            self.command
        )
    }
}

impl fmt::Display for Holder {
    /// "another quorum build (pid 1234, `quorum build --watch`)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(pid) = self.pid else {
            return f.write_str("another program");
        };
        write!(f, "another quorum build (pid {pid}")?;
        if !self.command.is_empty() {
            write!(f, ", `{}`", self.command)?;
        }
        f.write_str(")")?;
        if !self.host.is_empty() && self.host != host_name() {
            write!(f, " on {}", self.host)?;
        }
        Ok(())
    }
}

/// An output folder that another build is writing.
#[derive(Debug, Clone)]
pub struct Busy {
    /// The output folder, as it was given.
    pub output: PathBuf,
    /// Its lock file.
    pub lock: PathBuf,
    /// Who holds it.
    pub holder: Holder,
}

/// How long a build waits for another one writing the same output folder,
/// and whom it tells that it waits.
#[derive(Clone, Copy)]
pub struct Wait<'a> {
    pub timeout: Duration,
    /// Called once, when the build starts to wait.
    pub on_wait: Option<&'a dyn Fn(&Busy)>,
}

impl Wait<'_> {
    /// Five minutes: longer than a rebuild of any site, shorter than a
    /// build that hangs on a dead network share.
    pub const DEFAULT: Duration = Duration::from_secs(300);
}

impl Default for Wait<'_> {
    fn default() -> Self {
        Wait {
            timeout: Wait::DEFAULT,
            on_wait: None,
        }
    }
}

impl fmt::Debug for Wait<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wait")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// The lock on an output folder, held until dropped. The folder is made if
/// it is missing, and removed again on drop if it is still empty then.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
    path: PathBuf,
    dir: PathBuf,
    made_dir: bool,
}

impl OutputLock {
    /// Takes the lock on the folder `dir` (absolute), waiting as `wait` says;
    /// `shown` is the folder as the user named it, for messages.
    pub fn take(dir: &Path, shown: &Path, wait: &Wait<'_>) -> Result<OutputLock, OutputError> {
        let path = dir.join(LOCK);
        let start = Instant::now();
        let mut told = false;
        let mut made_dir = false;
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent).map_err(super::write_err(shown, parent))?;
        }
        loop {
            match fs::create_dir(dir) {
                Ok(()) => made_dir = true,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(super::write_err(shown, dir)(e)),
            }
            let file = open(&path).map_err(super::write_err(shown, &path))?;
            match FileExt::try_lock(&file) {
                // The file may have been removed or replaced by the build
                // that held it, as it finished: then try again on the new one.
                Ok(()) if is_at(&file, &path) => {
                    let mut lock = OutputLock {
                        file,
                        path,
                        dir: dir.to_path_buf(),
                        made_dir,
                    };
                    lock.write_holder();
                    return Ok(lock);
                }
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(super::io_err(&path)(e)),
            }
            let busy = Busy {
                output: shown.to_path_buf(),
                lock: shown.join(LOCK),
                holder: Holder::read(&path),
            };
            let waited = start.elapsed();
            if waited >= wait.timeout {
                return Err(OutputError::Busy {
                    busy,
                    waited: wait.timeout,
                });
            }
            // A build that has only just taken the lock may not have said
            // who it is yet: give it a moment before telling.
            if !told && (busy.holder.pid.is_some() || waited >= Duration::from_millis(200)) {
                told = true;
                if let Some(tell) = wait.on_wait {
                    tell(&busy);
                }
            }
            std::thread::sleep((wait.timeout - waited).min(Duration::from_millis(50)));
        }
    }

    /// The output folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_holder(&mut self) {
        // Best effort: a lock file another user made may be read-only to us.
        let _ = self.file.set_len(0).and_then(|()| {
            self.file
                .write_all(Holder::me().text().as_bytes())
                .and_then(|()| self.file.flush())
        });
    }
}

impl Drop for OutputLock {
    /// Removes the lock file (a build kept waiting on it notices and opens
    /// the next one), then the folder if it was made for the lock and holds
    /// nothing; the lock itself goes with the file handle.
    fn drop(&mut self) {
        if is_at(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
        if self.made_dir {
            let _ = fs::remove_dir(&self.dir);
        }
    }
}

/// Opens (or makes) the lock file; read-only where it is not ours to write.
fn open(path: &Path) -> io::Result<File> {
    let rw = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path);
    match rw {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => File::open(path),
        other => other,
    }
}

/// Whether `file` is still the file at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at(_file: &File, path: &Path) -> bool {
    path.is_file()
}

/// This machine's name, as the system gives it.
#[cfg(unix)]
fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its whole length, and one byte is kept
    // for the terminating NUL that a truncated name may lack.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) };
    if r != 0 {
        return String::new();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

#[cfg(not(unix))]
fn host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_names_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build/public");
        let first = OutputLock::take(&out, &out, &Wait::default()).unwrap();
        let told = std::cell::Cell::new(false);
        let tell = |busy: &Busy| {
            assert_eq!(busy.holder.pid, Some(std::process::id()));
            told.set(true);
        };
        let wait = Wait {
            timeout: Duration::from_millis(120),
            on_wait: Some(&tell),
        };
        let e = OutputLock::take(&out, &out, &wait).unwrap_err();
        assert!(told.get());
        let text = e.to_string();
        assert!(
            text.starts_with(&format!(
                "another quorum build (pid {}, `",
                std::process::id()
            )),
            "{text}"
        );
        assert!(text.contains(&format!("it holds {}", out.join(LOCK).display())));
        drop(first);
        assert!(!out.exists(), "the folder made for the lock is removed");
        let again = OutputLock::take(&out, &out, &wait).unwrap();
        assert!(out.join(LOCK).is_file());
        drop(again);
    }
}
