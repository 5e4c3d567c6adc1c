//! Putting a staged site in place of the output folder, and clearing what
//! interrupted builds left.
//!
//! A staging folder is named for the process that made it; one is removed
//! only once that process is gone (or is this one), never while a build
//! may still be writing into it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{MARKER, STAGING_TAG};

/// The staging folder of this process for `output`, beside it.
pub(super) fn beside(output: &Path) -> PathBuf {
    let parent = output.parent().unwrap_or(Path::new("/"));
    parent.join(format!("{}{}", beside_prefix(output), std::process::id()))
}

/// The start of the names of staging folders beside `output`.
fn beside_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}{STAGING_TAG}")
}

/// Removes the staging folders that builds into `output` left when they were
/// killed, beside it and inside it; a swap into the folder that was cut
/// short is finished first. Called with the output's lock held.
pub(super) fn clear_leftovers(output: &Path) {
    if let Ok(entries) = fs::read_dir(output) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix(STAGING_TAG)
                && is_gone(pid)
                && e.path().join(MARKER).is_file()
            {
                super::inside::finish(&e.path(), output);
            }
        }
    }
    let Some(parent) = output.parent() else {
        return;
    };
    let prefix = beside_prefix(output);
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&prefix) else {
            continue;
        };
        // `<staging>.old` holds a previous site put aside where folders
        // cannot be exchanged in one step.
        let pid = pid.strip_suffix(".old").unwrap_or(pid);
        if is_gone(pid) && e.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Whether the build of process `pid` (as a staging folder's name gives it)
/// can no longer be writing: it is this process, or no process has the id.
fn is_gone(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    pid == std::process::id() || !is_running(pid)
}

#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    // Without a way to ask, a staging folder is taken to be in use.
    true
}

/// Puts the folder `staged` in place of `output`, in one step where the
/// system allows it, and removes the previous site.
pub(super) fn folder(staged: &Path, output: &Path) -> io::Result<()> {
    if !output.exists() {
        return fs::rename(staged, output);
    }
    if exchange(staged, output).is_ok() {
        // The staging path now holds the previous site.
        return fs::remove_dir_all(staged);
    }
    let old = staged.with_extension("old");
    fs::rename(output, &old)?;
    if let Err(e) = fs::rename(staged, output) {
        let _ = fs::rename(&old, output);
        return Err(e);
    }
    fs::remove_dir_all(&old)
}

/// Exchanges the entries at `a` and `b` in one step.
#[cfg(target_os = "linux")]
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
