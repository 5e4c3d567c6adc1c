//! Real web roots: an output folder that is a mount point (a Docker volume,
//! an NFS export), one whose mode, owner and group keep other users out,
//! and one on a disk that fills up. The tests that mount a file system run
//! where this process may mount (as root); elsewhere they say so and pass.

mod common;

use std::collections::BTreeMap;
use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::Site;

/// A file system mounted on a folder until dropped.
struct Mount {
    dir: PathBuf,
}

fn c(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).unwrap()
}

impl Mount {
    /// A tmpfs on `dir` with mount `options` (`size=64k`), or `None` with a
    /// note where this process may not mount.
    fn tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        let options = CString::new(options).unwrap();
        Mount::on(dir, c"tmpfs", Some(c"tmpfs"), 0, Some(&options))
    }

    /// `from` mounted again on `dir` (both on one file system).
    fn bind(from: &Path, dir: &Path) -> Option<Mount> {
        Mount::on(dir, &c(from), None, libc::MS_BIND, None)
    }

    fn on(
        dir: &Path,
        source: &std::ffi::CStr,
        kind: Option<&std::ffi::CStr>,
        flags: libc::c_ulong,
        options: Option<&CString>,
    ) -> Option<Mount> {
        let target = c(dir);
        // SAFETY: every pointer is a valid NUL-terminated string or null.
        let r = unsafe {
            libc::mount(
                source.as_ptr(),
                target.as_ptr(),
                kind.map_or(std::ptr::null(), |k| k.as_ptr()),
                flags,
                options.map_or(std::ptr::null(), |o| o.as_ptr().cast()),
            )
        };
        if r != 0 {
            eprintln!(
                "note: skipped, cannot mount on {} ({}); run as root to test mount points",
                dir.display(),
                std::io::Error::last_os_error()
            );
            return None;
        }
        Some(Mount {
            dir: dir.to_path_buf(),
        })
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let target = c(&self.dir);
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::umount2(target.as_ptr(), libc::MNT_DETACH) };
    }
}

fn is_mounted(dir: &Path) -> bool {
    fs::read_to_string("/proc/self/mountinfo")
        .unwrap()
        .lines()
        .any(|l| l.split(' ').nth(4) == Some(dir.to_str().unwrap()))
}

/// Every file under `dir` with its bytes, quorum's marker and lock left out.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            if rel != quorum::output::MARKER {
                out.insert(rel.into_owned(), fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn quorum(site: &Site, output: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(output)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The site as a build into a plain new folder writes it.
fn reference(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = quorum(site, &out);
    assert!(built.status.success(), "{}", stderr(&built));
    snapshot(&out)
}

/// Names anywhere in `dirs` that a build leaves only while it runs.
fn leftovers(dirs: &[&Path]) -> Vec<String> {
    dirs.iter()
        .flat_map(|d| fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains("quorum-staging") || n.contains(".quorum.lock") || n.contains("quorum-swap")
        })
        .collect()
}

#[test]
fn a_mount_point_is_built_into_and_stays_mounted() {
    for kind in ["tmpfs", "bind"] {
        let site = Site::fixture("tricky");
        let public = site.root.join("public");
        fs::create_dir(&public).unwrap();
        let volume = site.root.join("volume");
        fs::create_dir(&volume).unwrap();
        let mount = match kind {
            "tmpfs" => Mount::tmpfs(&public, "size=16m"),
            _ => Mount::bind(&volume, &public),
        };
        let Some(_mount) = mount else { return };

        let built = quorum(&site, &public);
        assert!(built.status.success(), "{kind}: {}", stderr(&built));
        assert!(
            snapshot(&public) == reference(&site),
            "{kind}: not the whole site"
        );
        assert!(is_mounted(&public), "{kind}");
        assert_eq!(
            leftovers(&[&site.root, &public]),
            Vec::<String>::new(),
            "{kind}"
        );

        // A meeting removed, a page changed: the old pages go.
        site.remove("content/meetings/2024-02-council.md");
        site.write(
            "content/pages/about.md",
            "---\ntitle: About\n---\n\nChanged.\n",
        );
        let built = quorum(&site, &public);
        assert!(built.status.success(), "{kind}: {}", stderr(&built));
        let now = snapshot(&public);
        assert!(now == reference(&site), "{kind}: not the new site");
        assert!(!public.join("meetings/2024-02-council").exists());
        assert!(is_mounted(&public), "{kind}");
        assert_eq!(
            leftovers(&[&site.root, &public]),
            Vec::<String>::new(),
            "{kind}"
        );

        // A failed build leaves it as it was.
        site.write("content/meetings/broken.md", "---\ntitle: [unclosed\n---\n");
        let failed = quorum(&site, &public);
        assert_eq!(failed.status.code(), Some(1), "{kind}: {}", stderr(&failed));
        assert!(
            snapshot(&public) == now,
            "{kind}: a failed build changed the site"
        );
        assert_eq!(
            leftovers(&[&site.root, &public]),
            Vec::<String>::new(),
            "{kind}"
        );
    }
}
