//! `fmt --write`: replacing a file's content without ever losing data.
//!
//! What it guarantees (also in the README):
//!
//! - **Atomic.** The new content goes to a temporary file next to the target,
//!   written in full, checked for length and synced; only then is it renamed
//!   over the target. A full disk, a file size limit or any other failure
//!   leaves the original byte for byte and no temporary file behind.
//! - **Links.** A symbolic link is written through: its target gets the new
//!   content and the link stays a link.
//! - **Ownership and attributes.** The mode (setgid and sticky bits included),
//!   the owner and group (when the process may set them) and the `user.*`
//!   extended attributes are carried to the new file. When one of them cannot
//!   be kept, nothing is written and the command says which.
//! - **Concurrent writers.** The file must still hold what was formatted just
//!   before the rename (content, size and modification time); otherwise
//!   nothing is written ("changed while formatting"). A file another run has
//!   already formatted to the same text counts as done. A write that lands
//!   between that check and the rename cannot be prevented by a rename (no
//!   lock is honoured by every editor); it is detected afterwards from the
//!   replaced file's size and time, and reported.

use std::fs::{self, File, Metadata};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The outcome of a write.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Replaced,
    /// The file already holds the new content (another run formatted it).
    AlreadyThere,
}

/// What identifies a version of a file for the change checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

fn stamp(m: &Metadata) -> Stamp {
    Stamp {
        len: m.len(),
        modified: m.modified().ok(),
        ino: m.ino(),
    }
}

/// Replaces `path`'s content with `new` (see the module doc). `expected` is
/// the content that was formatted.
pub fn write_atomic(path: &Path, expected: &str, new: &str) -> Result<Written, String> {
    let shown = path.display();
    // Write through links: the target is what changes.
    let target: PathBuf =
        fs::canonicalize(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let file = File::open(&target).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    if !meta.is_file() {
        return Err(format!("`{shown}` is not a regular file; not writing it"));
    }
    if meta.permissions().readonly() {
        return Err(format!("`{shown}` is read-only; not writing it"));
    }
    let before = stamp(&meta);
    let dir = folder_of(&target);
    let mut tmp = temp_in(dir, None)
        .map_err(|e| format!("cannot create a temporary file next to `{shown}`: {e}"))?;
    tmp.write_all(new.as_bytes())
        .and_then(|()| tmp.flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    let written = tmp
        .as_file()
        .metadata()
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?
        .len();
    if written != new.len() as u64 {
        return Err(format!(
            "cannot write `{shown}`: wrote {written} of {} bytes",
            new.len()
        ));
    }
    keep_attributes(&file, &meta, tmp.as_file(), &shown.to_string())?;
    // The file must still be what was formatted.
    let now_meta = fs::metadata(&target).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let now = fs::read(&target).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    if now == new.as_bytes() {
        // Another run formatted it meanwhile; the temporary file goes away.
        return Ok(Written::AlreadyThere);
    }
    if now != expected.as_bytes() || stamp(&now_meta) != before {
        return Err(format!(
            "`{shown}` changed while it was being formatted; not writing it"
        ));
    }
    tmp.persist(&target)
        .map_err(|e| format!("cannot replace `{shown}`: {}", e.error))?;
    // Make the rename durable, then look for a write that slipped in between
    // the check and the rename: it went to the replaced file, still open here.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    if let Ok(m) = file.metadata() {
        if stamp(&m) != before {
            return Err(format!(
                "`{shown}` was written to while it was being replaced; that write went to the old file and is not in `{shown}` now"
            ));
        }
    }
    Ok(Written::Replaced)
}

/// Writes a new file (`init --output`): never half a file, and never over a
/// file it was not asked to replace. The text goes to a temporary file next
/// to `path` (mode 0666 less the umask, like any new file), written in full
/// and synced; then it takes `path`'s name: with `force` by a rename over
/// whatever is there, without it by a rename that fails when `path` exists,
/// even when it appeared after the caller's check. A file replaced with
/// `force` keeps its mode, owner and `user.*` attributes, and a symbolic link
/// is written through, as with `fmt --write`. On any failure
/// the temporary file is removed and `path` is as it was.
pub fn write_new(path: &Path, text: &str, force: bool) -> Result<(), String> {
    let shown = path.display();
    let target = match force {
        true => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let mut tmp = temp_in(folder_of(&target), Some(0o666))
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    if force {
        // A file replaced keeps its mode, owner and attributes, as with `fmt --write`.
        if let Ok(old) = File::open(&target) {
            let meta = old
                .metadata()
                .map_err(|e| format!("cannot read `{shown}`: {e}"))?;
            if !meta.is_file() {
                return Err(format!("`{shown}` is not a regular file; not writing it"));
            }
            keep_attributes(&old, &meta, tmp.as_file(), &shown.to_string())?;
        }
    }
    let placed = if force {
        tmp.persist(&target)
    } else {
        tmp.persist_noclobber(&target)
    };
    placed.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!("`{shown}` exists; pass --force to overwrite it")
        }
        _ => format!("cannot write `{shown}`: {}", e.error),
    })?;
    // Make the new name durable.
    if let Ok(d) = File::open(folder_of(&target)) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A temporary file (`.speclint-XXXXXX.tmp`) in `dir`, removed when
/// dropped; with `mode`, created with it (less the umask).
fn temp_in(dir: &Path, mode: Option<u32>) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".speclint-").suffix(".tmp");
    if let Some(m) = mode {
        b.permissions(fs::Permissions::from_mode(m));
    }
    b.tempfile_in(dir)
}

/// Carries mode, owner, group and `user.*` attributes from `from` to `to`.
fn keep_attributes(from: &File, meta: &Metadata, to: &File, shown: &str) -> Result<(), String> {
    let (uid, gid) = (meta.uid(), meta.gid());
    let tmp_meta = to
        .metadata()
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    if (tmp_meta.uid(), tmp_meta.gid()) != (uid, gid) {
        std::os::unix::fs::fchown(to, Some(uid), Some(gid)).map_err(|e| {
            format!(
                "cannot keep the owner and group of `{shown}` ({uid}:{gid}): {e}; not writing it"
            )
        })?;
    }
    // After chown, which may clear setuid/setgid: the full mode.
    to.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777))
        .map_err(|e| format!("cannot keep the permissions of `{shown}`: {e}; not writing it"))?;
    copy_user_xattrs(from, to).map_err(|e| {
        format!("cannot keep the extended attributes of `{shown}`: {e}; not writing it")
    })
}

/// Copies the `user.*` extended attributes. A file system without extended
/// attributes has none to copy.
fn copy_user_xattrs(from: &File, to: &File) -> std::io::Result<()> {
    use rustix::fs::{XattrFlags, fgetxattr, flistxattr, fsetxattr};
    let mut names = vec![0u8; 4096];
    let n = match flistxattr(from, &mut names[..]) {
        Ok(n) => n,
        Err(e) if e == rustix::io::Errno::NOTSUP || e == rustix::io::Errno::NOSYS => return Ok(()),
        Err(e) if e == rustix::io::Errno::RANGE => {
            // More than 4 KiB of names: ask for the size.
            let size = rustix::fs::flistxattr_query(from)?;
            names = vec![0u8; size];
            flistxattr(from, &mut names[..])?
        }
        Err(e) => return Err(e.into()),
    };
    for name in names[..n.min(names.len())].split(|&b| b == 0) {
        if !name.starts_with(b"user.") {
            continue;
        }
        let size = rustix::fs::fgetxattr_query(from, name)?;
        let mut value = vec![0u8; size];
        let got = fgetxattr(from, name, &mut value[..])?;
        fsetxattr(
            to,
            name,
            &value[..got.min(value.len())],
            XattrFlags::empty(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_file_changed_meanwhile() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.md");
        fs::write(&p, "changed by someone else").unwrap();
        let e = write_atomic(&p, "what was formatted", "new").unwrap_err();
        assert!(e.contains("changed while it was being formatted"));
        assert_eq!(fs::read_to_string(&p).unwrap(), "changed by someone else");
        assert_eq!(
            fs::read_dir(d.path()).unwrap().count(),
            1,
            "temporary file left behind"
        );
    }

    #[test]
    fn replaces_content_and_accepts_a_file_already_formatted() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.md");
        fs::write(&p, "old").unwrap();
        assert_eq!(write_atomic(&p, "old", "new").unwrap(), Written::Replaced);
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            write_atomic(&p, "old", "new").unwrap(),
            Written::AlreadyThere
        );
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn writes_through_links_and_keeps_mode_and_xattrs() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.md");
        let link = d.path().join("link.md");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o2640)).unwrap();
        let xattr = rustix::fs::setxattr(
            &real,
            "user.speclint.test",
            b"kept",
            rustix::fs::XattrFlags::empty(),
        )
        .is_ok();
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        assert_eq!(
            write_atomic(&link, "old", "new").unwrap(),
            Written::Replaced
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().mode() & 0o7777;
        assert_eq!(mode, 0o2640, "{mode:o}");
        if xattr {
            let mut v = [0u8; 16];
            let n = rustix::fs::getxattr(&real, "user.speclint.test", &mut v[..]).unwrap();
            assert_eq!(&v[..n], b"kept");
        }
    }

    #[test]
    fn write_new_with_force_keeps_the_replaced_files_mode() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("type.yaml");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        let e = write_new(&p, "new", false).unwrap_err();
        assert!(e.contains("pass --force"), "{e}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        write_new(&p, "new", true).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        let mode = fs::metadata(&p).unwrap().mode() & 0o7777;
        assert_eq!(mode, 0o640, "{mode:o}");
        assert_eq!(
            fs::read_dir(d.path()).unwrap().count(),
            1,
            "temporary file left behind"
        );
        let folder = d.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let e = write_new(&folder, "x", true).unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
    }
}
