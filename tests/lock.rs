//! Two builds into one output folder (two terminals, or `build --watch` and
//! a build typed by hand): the second waits for the first, or says which
//! build holds the folder; neither ever swaps in a site that is not whole.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// Every file of the output with its bytes, quorum's own bookkeeping
/// (the marker, the lock) left out.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            if rel != quorum::output::MARKER && rel != ".quorum.lock" {
                out.insert(rel.into_owned(), fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// A site whose build takes a while: 200 long meetings.
fn big_site() -> Site {
    let site = Site::empty().file("content/entities/ada.md", "---\nname: Ada Lovelace\n---\n");
    for i in 0..200 {
        let body: String = (0..40)
            .map(|p| format!("Paragraph {p} of meeting {i}: the Nordic Network and [[Ada Lovelace]] discussed the budget.\n\n"))
            .collect();
        site.write(
            &format!("content/meetings/m{i:04}.md"),
            &format!("---\ntitle: Meeting {i}\ndate: 2024-{:02}-{:02}\nactions:\n  - text: Follow up {i}\n---\n\n## Notes\n\n{body}", 1 + i % 12, 1 + i % 28),
        );
    }
    site
}

fn quorum(site: &Site, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quorum"));
    cmd.args(["build", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .args(extra)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// The site built once, alone, into a folder of its own.
fn reference(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let dir = site.root.join("reference");
    let out = quorum(site, &["--output", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let files = snapshot(&dir);
    fs::remove_dir_all(&dir).unwrap();
    files
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Starts a build and returns once it is writing its staging folder, which
/// is made beside `public/` once the content is read.
fn start_writing(site: &Site) -> Child {
    let child = quorum(site, &[]).spawn().unwrap();
    let staging = site
        .root
        .join(format!(".public.quorum-staging-{}", child.id()));
    let start = Instant::now();
    while !staging.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the first build never began writing"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child
}

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("quorum-staging"))
        .collect()
}

#[test]
fn a_second_build_waits_for_the_first_and_both_leave_a_whole_site() {
    let site = big_site();
    let whole = reference(&site);
    let public = site.root.join("public");
    for round in 0..2 {
        let first = start_writing(&site);
        let first_pid = first.id();
        let second = quorum(&site, &[]).spawn().unwrap();
        // What the first build swapped in, looked at as soon as it is done,
        // before the second one can swap in its own.
        let first = first.wait_with_output().unwrap();
        let after_first = snapshot(&public);
        let second = second.wait_with_output().unwrap();
        let (a, b) = (stderr(&first), stderr(&second));
        assert!(first.status.success(), "round {round}, first build: {a}");
        assert!(second.status.success(), "round {round}, second build: {b}");
        for (who, files) in [("first", after_first), ("second", snapshot(&public))] {
            assert_eq!(
                files.len(),
                whole.len(),
                "round {round}: the {who} build said it built, but public/ is not the whole site\nfirst: {a}\nsecond: {b}"
            );
            assert!(files == whole, "round {round}, {who} build: files differ");
        }
        assert!(
            b.contains(&format!("another quorum build (pid {first_pid}")),
            "round {round}: the second build does not say what it waited for: {b}"
        );
        assert!(b.contains("waiting"), "{b}");
        assert!(leftovers(&site.root).is_empty());
        assert!(!public.join(".quorum.lock").exists());
    }
}

#[test]
fn a_build_that_may_not_wait_names_the_build_holding_the_folder() {
    let site = big_site();
    let whole = reference(&site);
    let public = site.root.join("public");
    let first = start_writing(&site);
    let first_pid = first.id();
    let second = quorum(&site, &["--wait", "0"]).output().unwrap();
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    let b = stderr(&second);
    assert_eq!(second.status.code(), Some(1), "{b}");
    let lock = public.join(".quorum.lock");
    assert!(
        b.contains(&format!(
            "another quorum build (pid {first_pid}, `quorum build --today 2024-03-01 --root {}`) is writing {}; it holds {}",
            site.root.display(),
            public.display(),
            lock.display()
        )),
        "{b}"
    );
    assert!(b.contains("try again once it has finished"), "{b}");
    assert!(snapshot(&public) == whole);
}

#[test]
fn a_staging_folder_is_removed_only_once_its_build_is_gone() {
    let site = big_site();
    let public = site.root.join("public");
    let built = quorum(&site, &[]).output().unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    // The leftover of a build that was killed: its process is gone.
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let dead_dir = site.root.join(format!(".public.quorum-staging-{dead}"));
    fs::create_dir(&dead_dir).unwrap();
    fs::write(dead_dir.join(quorum::output::MARKER), "").unwrap();
    // The staging folder of a build still running (of a quorum without the
    // lock, say): this very process stands in for it.
    let live_dir = site
        .root
        .join(format!(".public.quorum-staging-{}", std::process::id()));
    fs::create_dir(&live_dir).unwrap();
    fs::write(live_dir.join(quorum::output::MARKER), "").unwrap();
    fs::write(live_dir.join("index.html"), "half a site").unwrap();
    let again = quorum(&site, &[]).output().unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(!dead_dir.exists());
    assert_eq!(
        fs::read_to_string(live_dir.join("index.html")).unwrap(),
        "half a site"
    );
    assert!(public.join("index.html").is_file());
}

#[test]
fn a_watch_holds_the_folder_only_while_it_rebuilds() {
    use std::io::BufRead;
    let site = Site::fixture("tricky");
    let mut watch = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--watch", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(watch.stderr.take().unwrap()).lines();
    let watching = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.starts_with("watching "));
    // Between rebuilds, a build typed by hand goes ahead at once.
    let by_hand = quorum(&site, &["--wait", "0"]).output().unwrap();
    let _ = watch.kill();
    let _ = watch.wait();
    assert!(watching, "the watch never started");
    assert!(by_hand.status.success(), "{}", stderr(&by_hand));
    assert!(site.root.join("public/index.html").is_file());
}
