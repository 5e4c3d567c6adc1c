//! Real web roots: an output folder that is a mount point (a Docker volume,
//! an NFS export), one whose mode, owner and group keep other users out,
//! and one on a disk that fills up. The tests that mount a file system or
//! act as another user run where this process may (as root); elsewhere they
//! say so and pass, unless `QUORUM_REQUIRE_ROOT=1` (set by `.ci/run` when it
//! runs as root), which makes them fail.

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
            skip(&format!(
                "cannot mount on {} ({}); run as root to test mount points",
                dir.display(),
                std::io::Error::last_os_error()
            ));
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

/// Says why a test is skipped; fails it where it must run.
fn skip(why: &str) {
    assert!(
        std::env::var("QUORUM_REQUIRE_ROOT").as_deref() != Ok("1"),
        "QUORUM_REQUIRE_ROOT=1, but {why}"
    );
    eprintln!("note: skipped, {why}");
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

fn command(site: &Site, output: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quorum"));
    cmd.args(["build", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(output)
        .env("NO_COLOR", "1");
    cmd
}

fn quorum(site: &Site, output: &Path) -> Output {
    command(site, output).output().unwrap()
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

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A group the web server reads the site as.
const WWW: u32 = 4242;
/// A user who edits and builds the minutes, a member of `WWW`.
const EDITOR: u32 = 4243;
const ACCESS_ACL: &str = "system.posix_acl_access";
const DEFAULT_ACL: &str = "system.posix_acl_default";

/// `quorum build` run by `EDITOR`.
fn quorum_as_editor(site: &Site, output: &Path) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = command(site, output);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let groups = [WWW as libc::gid_t];
            if libc::setgroups(1, groups.as_ptr()) != 0
                || libc::setgid(EDITOR) != 0
                || libc::setuid(EDITOR) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

fn chown_all(dir: &Path, uid: u32, gid: u32) {
    for e in walkdir::WalkDir::new(dir) {
        std::os::unix::fs::lchown(e.unwrap().path(), Some(uid), Some(gid)).unwrap();
    }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Mode (in octal), owner and group.
fn owner(path: &Path) -> (String, u32, u32) {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(path).unwrap();
    (format!("{:04o}", m.mode() & 0o7777), m.uid(), m.gid())
}

/// A POSIX ACL as the kernel stores it: `(tag, permissions, id)`, sorted.
fn acl(entries: &[(u16, u16, u32)]) -> Vec<u8> {
    let mut out = 2u32.to_le_bytes().to_vec();
    for (tag, perm, id) in entries {
        out.extend(tag.to_le_bytes());
        out.extend(perm.to_le_bytes());
        out.extend(id.to_le_bytes());
    }
    out
}

/// Checks that nothing under `dir` is open to others or of another group.
fn assert_shut(dir: &Path, gid: u32) {
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let path = e.unwrap().into_path();
        let (mode, _, group) = owner(&path);
        assert!(
            mode.ends_with('0'),
            "{} is open to others: {mode}",
            path.display()
        );
        assert_eq!(group, gid, "{} has group {group}", path.display());
    }
}

#[test]
fn a_folder_shut_to_others_keeps_its_mode_owner_group_and_acls() {
    if !is_root() {
        skip("needs root to give the output folder another group");
        return;
    }
    let site = Site::fixture("tricky");
    let public = site.root.join("public");
    let built = quorum(&site, &public);
    assert!(built.status.success(), "{}", stderr(&built));
    // drwxrws--- root:www, and the editor may read it by name.
    const ANY: u32 = u32::MAX;
    let rules = acl(&[
        (0x01, 7, ANY),
        (0x02, 5, EDITOR),
        (0x04, 7, ANY),
        (0x10, 7, ANY),
        (0x20, 0, ANY),
    ]);
    std::os::unix::fs::chown(&public, Some(0), Some(WWW)).unwrap();
    chmod(&public, 0o2770);
    xattr::set(&public, ACCESS_ACL, &rules).unwrap();
    xattr::set(&public, DEFAULT_ACL, &rules).unwrap();
    let before = owner(&public);
    assert_eq!(before, ("2770".into(), 0, WWW));

    site.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\n\nChanged.\n",
    );
    let built = quorum(&site, &public);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        fs::read_to_string(public.join("pages/about/index.html"))
            .unwrap()
            .contains("Changed.")
    );
    assert_eq!(
        owner(&public),
        before,
        "the folder's mode, owner or group changed"
    );
    assert_eq!(
        xattr::get(&public, ACCESS_ACL).unwrap(),
        Some(rules.clone())
    );
    assert_eq!(xattr::get(&public, DEFAULT_ACL).unwrap(), Some(rules));
    assert_shut(&public, WWW);
    // What is made in the folder inherits its default ACL, as anywhere.
    assert!(
        xattr::get(public.join("index.html"), ACCESS_ACL)
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_folder_the_build_may_not_replace_is_built_into_and_kept() {
    if !is_root() {
        skip("needs root to build as another user");
        return;
    }
    // The editor owns the site; the web root is root's, open to www.
    let site = Site::fixture("tricky");
    chmod(site.root.parent().unwrap(), 0o755);
    chown_all(&site.root, EDITOR, EDITOR);
    let public = site.root.join("public");
    fs::create_dir(&public).unwrap();
    std::os::unix::fs::chown(&public, Some(0), Some(WWW)).unwrap();
    chmod(&public, 0o2770);
    for round in ["first", "second"] {
        site.write(
            "content/pages/about.md",
            &format!("---\ntitle: About\n---\n\n{round}\n"),
        );
        let built = quorum_as_editor(&site, &public);
        assert!(built.status.success(), "{round}: {}", stderr(&built));
        let page = fs::read_to_string(public.join("pages/about/index.html")).unwrap();
        assert!(page.contains(round), "{round}");
        assert_eq!(owner(&public), ("2770".into(), 0, WWW), "{round}");
        assert_shut(&public, WWW);
        assert_eq!(
            leftovers(&[&site.root, &public]),
            Vec::<String>::new(),
            "{round}"
        );
    }

    // A web root the editor owns, in a folder the editor may not write.
    let site = Site::fixture("tricky");
    chmod(site.root.parent().unwrap(), 0o755);
    let public = site.root.join("public");
    fs::create_dir(&public).unwrap();
    std::os::unix::fs::chown(&public, Some(EDITOR), Some(EDITOR)).unwrap();
    chmod(&public, 0o750);
    for round in ["first", "second"] {
        site.write(
            "content/pages/about.md",
            &format!("---\ntitle: About\n---\n\n{round}\n"),
        );
        let built = quorum_as_editor(&site, &public);
        assert!(built.status.success(), "{round}: {}", stderr(&built));
        assert_eq!(owner(&public), ("0750".into(), EDITOR, EDITOR), "{round}");
        assert_shut(&public, EDITOR);
        assert_eq!(
            leftovers(&[&site.root, &public]),
            Vec::<String>::new(),
            "{round}"
        );
    }
}

/// The room the files under `dir` take on a tmpfs: whole pages of 4 kB.
fn room_taken(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().len().div_ceil(4096) * 4096)
        .sum()
}

#[test]
fn a_full_disk_is_one_error_naming_the_output_and_the_old_site_stays() {
    // The output in a small file system (staged beside it), then the output
    // being the small file system itself (staged inside it).
    for kind in ["in a full disk", "a full disk"] {
        let site = Site::fixture("tricky");
        let disk = site.root.join("disk");
        fs::create_dir(&disk).unwrap();
        let public = if kind == "a full disk" {
            disk.clone()
        } else {
            disk.join("public")
        };
        let whole = tempfile::tempdir().unwrap();
        let built = quorum(&site, &whole.path().join("public"));
        assert!(built.status.success(), "{}", stderr(&built));
        // Room for one site and a half: a second one does not fit beside it.
        let site_room = room_taken(&whole.path().join("public"));
        let size = format!("size={}k", site_room * 3 / 2 / 1024);
        let Some(_mount) = Mount::tmpfs(&disk, &size) else {
            return;
        };
        let built = quorum(&site, &public);
        assert!(built.status.success(), "{kind}: {}", stderr(&built));
        let before = snapshot(&public);

        site.write(
            "content/pages/about.md",
            "---\ntitle: About\n---\n\nChanged.\n",
        );
        let failed = quorum(&site, &public);
        let text = stderr(&failed);
        assert_eq!(failed.status.code(), Some(1), "{kind}: {text}");
        let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error")).collect();
        assert_eq!(
            errors.len(),
            1,
            "{kind}: one error, not one per file:\n{text}"
        );
        assert!(
            errors[0].starts_with(&format!(
                "error: no room left on the disk that holds {}: the new site needs about ",
                public.display()
            )),
            "{kind}: {text}"
        );
        assert!(
            errors[0].contains(" was free when the build began"),
            "{kind}: {text}"
        );
        assert!(
            snapshot(&public) == before,
            "{kind}: the previous site was damaged"
        );
        assert_eq!(leftovers(&[&disk, &public]), Vec::<String>::new(), "{kind}");
    }
}
