//! Who may read the output: the folder's mode, owner, group, POSIX ACLs
//! and SELinux label, kept across builds.
//!
//! A web root is often shut to other local users (`drwxrws--- root:www`).
//! A build that swaps a new folder in its place gives that folder the same
//! mode, owner, group, ACLs and label, or, where the system does not let it,
//! builds inside the folder instead, which then stays as it is. Files and
//! folders of the site are never made more open than the folder: a class of
//! users (group, others) that may not enter the folder gets no permission on
//! what is inside either, and the site's files take the folder's group, so
//! that the group can still read them. This module must never widen access.

use std::fs::{self, File};
use std::io;
use std::path::Path;

/// Extended attributes that say who may read a folder: its POSIX ACLs
/// (the default one is inherited by what is made inside) and its SELinux
/// label (a web server may only read what is labelled for it).
#[cfg(unix)]
const KEPT: [&str; 3] = [ACCESS_ACL, "system.posix_acl_default", "security.selinux"];

/// The ACL that says who may do what in the folder itself (its mode's
/// group bits are its mask).
#[cfg(unix)]
const ACCESS_ACL: &str = "system.posix_acl_access";

/// What a folder lets others do.
#[derive(Debug, Clone)]
pub(super) struct Access {
    mode: u32,
    uid: u32,
    gid: u32,
    xattrs: Vec<(&'static str, Vec<u8>)>,
}

impl Access {
    /// The access of the folder `dir`.
    #[cfg(unix)]
    pub(super) fn of(dir: &Path) -> io::Result<Access> {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(dir)?;
        let mut xattrs = Vec::new();
        for name in KEPT {
            // A file system without extended attributes has none to keep.
            if let Ok(Some(value)) = xattr::get(dir, name) {
                xattrs.push((name, value));
            }
        }
        Ok(Access {
            mode: meta.mode() & 0o7777,
            uid: meta.uid(),
            gid: meta.gid(),
            xattrs,
        })
    }

    #[cfg(not(unix))]
    pub(super) fn of(_dir: &Path) -> io::Result<Access> {
        Ok(Access {
            mode: 0o777,
            uid: 0,
            gid: 0,
            xattrs: Vec::new(),
        })
    }

    /// Gives the new folder `dir` this folder's owner, group, default ACL
    /// and label, and its mode but with the owner's permissions whole while
    /// the site is written into it; an error where the system does not let
    /// this process (the folder is another user's, say).
    #[cfg(unix)]
    pub(super) fn begin_on(&self, dir: &Path) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        // The owner first: changing it clears the set-group-id bit.
        std::os::unix::fs::chown(dir, Some(self.uid), Some(self.gid))?;
        fs::set_permissions(dir, fs::Permissions::from_mode(self.mode | 0o700))?;
        for (name, value) in &self.xattrs {
            if *name != ACCESS_ACL {
                xattr::set(dir, name, value)?;
            }
        }
        self.check(dir, self.mode | 0o700)
    }

    /// Gives `dir`, made by [`Access::begin_on`], the folder's mode and
    /// access ACL as they are.
    #[cfg(unix)]
    pub(super) fn finish_on(&self, dir: &Path) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        for (name, value) in &self.xattrs {
            if *name == ACCESS_ACL {
                xattr::set(dir, name, value)?;
            }
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(self.mode))?;
        self.check(dir, self.mode)
    }

    /// Checks that `dir` has the folder's owner and group, and `mode`: the
    /// system may have dropped the set-group-id bit without a word.
    #[cfg(unix)]
    fn check(&self, dir: &Path, mode: u32) -> io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(dir)?;
        if (meta.mode() & 0o7777, meta.uid(), meta.gid()) == (mode, self.uid, self.gid) {
            Ok(())
        } else {
            Err(io::Error::other(
                "the system did not keep the folder's mode, owner and group",
            ))
        }
    }

    #[cfg(not(unix))]
    pub(super) fn begin_on(&self, _dir: &Path) -> io::Result<()> {
        Ok(())
    }

    #[cfg(not(unix))]
    pub(super) fn finish_on(&self, _dir: &Path) -> io::Result<()> {
        Ok(())
    }

    /// How to make the site's files and folders in `staged`, a folder of
    /// this build inside which they are made.
    #[cfg(unix)]
    pub(super) fn for_entries(&self, staged: &Path) -> Entries {
        use std::os::unix::fs::MetadataExt;
        let mut mask = 0o777;
        // A class of users that may not enter the folder gets nothing inside.
        if self.mode & 0o001 == 0 {
            mask &= !0o007;
        }
        if self.mode & 0o010 == 0 {
            mask &= !0o070;
        }
        // New entries take the folder's group by themselves where the folder
        // is set-group-id or it is this process's group; otherwise each is
        // given it. Where that is not allowed either, nothing is taken away
        // from others: they may be how the group's members read the site.
        let inherited =
            fs::metadata(staged).is_ok_and(|m| m.mode() & 0o2000 != 0 && m.gid() == self.gid);
        // SAFETY: getegid cannot fail.
        let own = unsafe { libc::getegid() } == self.gid;
        let group = if inherited || own {
            None
        } else if std::os::unix::fs::chown(staged, None, Some(self.gid)).is_ok() {
            Some(self.gid)
        } else {
            mask = 0o777;
            None
        };
        Entries { mask, group }
    }

    #[cfg(not(unix))]
    pub(super) fn for_entries(&self, _staged: &Path) -> Entries {
        Entries {
            mask: 0o777,
            group: None,
        }
    }
}

/// How the site's files and folders are made: their permissions masked,
/// and given a group.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entries {
    mask: u32,
    group: Option<u32>,
}

impl Entries {
    /// Makes (or empties) the file at `path`.
    pub(super) fn create_file(&self, path: &Path) -> io::Result<File> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666 & self.mask);
        let file = options.open(path)?;
        #[cfg(unix)]
        if let Some(gid) = self.group {
            std::os::unix::fs::fchown(&file, None, Some(gid))?;
        }
        Ok(file)
    }

    /// Makes the folder `path` (its parent exists).
    pub(super) fn create_dir(&self, path: &Path) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o777 & self.mask);
        builder.create(path)?;
        #[cfg(unix)]
        if let Some(gid) = self.group {
            std::os::unix::fs::chown(path, None, Some(gid))?;
        }
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn entries_are_no_more_open_than_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(0o750)).unwrap();
        let access = Access::of(&out).unwrap();
        let staged = dir.path().join("staged");
        fs::create_dir(&staged).unwrap();
        access.begin_on(&staged).unwrap();
        let entries = access.for_entries(&staged);
        entries.create_dir(&staged.join("d")).unwrap();
        drop(entries.create_file(&staged.join("d/f")).unwrap());
        access.finish_on(&staged).unwrap();
        assert_eq!(fs::metadata(&staged).unwrap().mode() & 0o7777, 0o750);
        assert_eq!(fs::metadata(staged.join("d")).unwrap().mode() & 0o007, 0);
        assert_eq!(fs::metadata(staged.join("d/f")).unwrap().mode() & 0o007, 0);
    }
}
