//! A build killed at any moment leaves the previous site whole: `public/` is
//! always exactly the output of one complete build, never a mix.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// Every file of the output (quorum's marker left out) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

const MEETINGS: usize = 80;

/// A site big enough that a build takes a while: `n` meetings.
fn write_meetings(site: &Site, n: usize, version: &str) {
    for i in 0..n {
        let body: String = (0..40)
            .map(|p| format!("Paragraph {p} of meeting {i} ({version}): the Nordic Network and [[Ada Lovelace]] discussed the budget.\n\n"))
            .collect();
        site.write(
            &format!("content/meetings/m{i:04}.md"),
            &format!("---\ntitle: Meeting {i} {version}\ndate: 2024-{:02}-{:02}\nactions:\n  - text: Follow up {i}\n---\n\n## Notes\n\n{body}", 1 + i % 12, 1 + i % 28),
        );
    }
}

/// A small deterministic random sequence (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn build(site: &Site) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let site = Site::empty().file("content/entities/ada.md", "---\nname: Ada Lovelace\n---\n");
    let out = site.root.join("public");
    // The two sites the output may hold: version A, and version B.
    write_meetings(&site, MEETINGS, "A");
    let start = Instant::now();
    assert!(build(&site).wait().unwrap().success());
    let full = start.elapsed();
    let a = snapshot(&out);
    write_meetings(&site, MEETINGS, "B");
    let b_dir = site.root.join("reference-b");
    let status = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&b_dir)
        .status()
        .unwrap();
    assert!(status.success());
    let b = snapshot(&b_dir);
    fs::remove_dir_all(&b_dir).unwrap();
    assert_ne!(a, b);

    let mut rng = Lcg(0x5eed);
    // Up to twice a full build: some kills land mid-build, some after the swap.
    let window = full.as_millis() as u64 * 2 + 5;
    // quorum's bookkeeping: the marker, and the lock a killed build held.
    let strip = |mut m: BTreeMap<String, Vec<u8>>| {
        m.remove(quorum::output::MARKER);
        m.remove(quorum::output::LOCK);
        m
    };
    let (a, b) = (strip(a), strip(b));
    let mut current = &a;
    let mut outcomes = (0, 0);
    for round in 0..8 {
        // Each round builds the other version than the one in place.
        let (target, version) = if std::ptr::eq(current, &a) {
            (&b, "B")
        } else {
            (&a, "A")
        };
        write_meetings(&site, MEETINGS, version);
        let mut child = build(&site);
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        let _ = child.kill();
        let _ = child.wait();
        let now = strip(snapshot(&out));
        if &now == current {
            outcomes.0 += 1;
        } else if &now == target {
            outcomes.1 += 1;
            current = target;
        } else {
            panic!(
                "round {round}: after a kill, public/ is neither the old site nor the new one ({} files)",
                now.len()
            );
        }
    }
    eprintln!(
        "kills that left the old site: {}, that came after the swap: {}",
        outcomes.0, outcomes.1
    );
    // A build that runs to the end removes the leftovers of the killed ones.
    assert!(build(&site).wait().unwrap().success());
    let leftovers: Vec<String> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("quorum-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
