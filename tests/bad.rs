//! The bad-input corpus: every case under `tests/fixtures/bad/` is built by
//! the real binary, under a time and memory limit, and must end with the exit
//! status and the diagnostics (severity, file:line:column, message) its
//! `expect` file lists. Cases too big or too odd to keep as files (50 MB of
//! Markdown, 10,000 nested quotes, symbolic links, unreadable files) are made
//! here.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// A diagnostic as printed: severity, `path:line:column`, message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Printed {
    severity: String,
    location: String,
    message: String,
}

/// What the binary printed and how it ended.
struct Outcome {
    code: Option<i32>,
    printed: Vec<Printed>,
    stderr: String,
    elapsed: Duration,
}

const TIME_LIMIT: Duration = Duration::from_secs(120);
/// Virtual memory limit of the build, in KiB.
const MEMORY_LIMIT_KB: u64 = 4 * 1024 * 1024;

/// Builds the site at `root` with the binary, with limits on time and memory.
fn build(root: &Path) -> Outcome {
    let start = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KB}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--today", "2024-03-01", "--root"])
        .arg(root)
        .arg("--output")
        .arg(root.join("public"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("{} took longer than {TIME_LIMIT:?}", root.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = reader.join().unwrap();
    Outcome {
        code,
        printed: parse(&stderr),
        stderr,
        elapsed: start.elapsed(),
    }
}

fn parse(stderr: &str) -> Vec<Printed> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((severity, message)) = line
            .strip_prefix("error: ")
            .map(|m| ("error", m))
            .or_else(|| line.strip_prefix("warning: ").map(|m| ("warning", m)))
        else {
            continue;
        };
        if message.starts_with("the site was not built") {
            continue;
        }
        let location = lines[i + 1..]
            .iter()
            .take(4)
            .find_map(|l| {
                let l = l.trim_start();
                l.strip_prefix("--> ")
                    .or_else(|| l.strip_prefix("note: in "))
            })
            .unwrap_or("")
            .to_owned();
        out.push(Printed {
            severity: severity.to_owned(),
            location,
            message: message.to_owned(),
        });
    }
    out
}

/// Checks an outcome against an `expect` text: `exit N`, then one line per
/// diagnostic: `severity path:line:column message-start`.
fn assert_expected(case: &str, outcome: &Outcome, expect: &str) {
    let mut lines = expect.lines().filter(|l| !l.trim().is_empty());
    let code: i32 = lines
        .next()
        .and_then(|l| l.strip_prefix("exit "))
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or_else(|| panic!("{case}: expect starts with `exit N`"));
    assert_eq!(
        outcome.code,
        Some(code),
        "{case}: exit status\n{}",
        outcome.stderr
    );
    let wanted: Vec<&str> = lines.collect();
    for want in &wanted {
        let mut parts = want.splitn(3, ' ');
        let (severity, location, message) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
        );
        assert!(
            outcome.printed.iter().any(|p| p.severity == severity
                && p.location == location
                && p.message.starts_with(message)),
            "{case}: missing `{want}`; printed:\n{}",
            outcome.stderr
        );
    }
    assert_eq!(
        outcome.printed.len(),
        wanted.len(),
        "{case}: more diagnostics than expected:\n{}",
        outcome.stderr
    );
}

#[test]
fn every_case_of_the_corpus_gives_its_diagnostics() {
    let corpus = common::sample_root().join("tests/fixtures/bad");
    let mut cases: Vec<_> = fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus has {} cases", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let site = Site::fixture(&format!("bad/{name}"));
        let outcome = build(&site.root);
        let expect = fs::read_to_string(case.join("expect")).unwrap();
        assert_expected(&name, &outcome, &expect);
        // Nothing is ever written outside the output folder.
        let mut written: Vec<String> = fs::read_dir(&site.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        written.retain(|n| n != "content" && n != "expect" && n != "public");
        assert!(written.is_empty(), "{name}: wrote {written:?}");
    }
}

#[test]
fn odd_refs_stay_inside_the_output() {
    let site = Site::fixture("bad/odd-refs");
    let outcome = build(&site.root);
    assert_eq!(outcome.code, Some(0));
    let entities: Vec<String> = fs::read_dir(site.root.join("public/entities"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "index.html")
        .collect();
    assert_eq!(entities.len(), 5, "{entities:?}");
    for slug in &entities {
        assert!(
            slug.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{slug}"
        );
    }
    assert!(!site.root.join("etc").exists() && !site.root.join("public/../etc").exists());
}

fn meeting(body: &str) -> String {
    format!("---\ntitle: Board\ndate: 2024-01-01\n---\n{body}")
}

#[test]
fn a_50_mb_minutes_file_builds_in_bounded_time() {
    let paragraph =
        "The Nordic Network asked [[Ada]] about the budget, and Ada answered at length. ".repeat(8)
            + "\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    let site = Site::empty()
        .file("content/entities/ada.md", "---\nname: Ada\n---\n")
        .file("content/meetings/huge.md", &meeting(&body));
    let outcome = build(&site.root);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    assert!(outcome.elapsed < TIME_LIMIT);
    assert!(site.root.join("public/meetings/huge/index.html").is_file());
}

#[test]
fn deep_nesting_does_not_crash() {
    let quotes = ">".repeat(10_000) + " deep\n";
    let lists: String = "- ".repeat(10_000) + "deep\n";
    let indented: String = (0..2_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let brackets = "[".repeat(10_000) + &"]".repeat(10_000);
    let site = Site::empty()
        .file("content/meetings/quotes.md", &meeting(&quotes))
        .file("content/meetings/lists.md", &meeting(&lists))
        .file("content/meetings/indented.md", &meeting(&indented))
        .file("content/meetings/brackets.md", &meeting(&brackets));
    let outcome = build(&site.root);
    assert!(
        outcome.code == Some(0) || outcome.code == Some(1),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
}

#[test]
fn a_ref_of_10000_characters_gets_a_short_page() {
    let long = "A".repeat(10_000);
    let site = Site::empty().file(
        "content/meetings/m.md",
        &format!("---\ntitle: Board\ndate: 2024-01-01\nchair: {long}\n---\n"),
    );
    let outcome = build(&site.root);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    assert_eq!(outcome.printed.len(), 1);
    assert!(
        outcome.printed[0]
            .message
            .starts_with("no entity is called `AAAA")
    );
    let slug = fs::read_dir(site.root.join("public/entities"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n != "index.html")
        .unwrap();
    assert!(slug.len() <= 80, "{slug}");
}

#[cfg(unix)]
#[test]
fn symbolic_links_that_loop_or_leave_content_are_errors() {
    use std::os::unix::fs::symlink;
    let site = Site::empty().file("content/meetings/m.md", &meeting("Text.\n"));
    let secret = site.root.join("secret.md");
    fs::write(&secret, meeting("Secret minutes.\n")).unwrap();
    symlink(&secret, site.root.join("content/meetings/leak.md")).unwrap();
    symlink(
        site.root.join("content/meetings"),
        site.root.join("content/meetings/loop"),
    )
    .unwrap();
    symlink(
        site.root.join("nowhere.md"),
        site.root.join("content/meetings/dangling.md"),
    )
    .unwrap();
    let outcome = build(&site.root);
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    let find = |needle: &str| {
        outcome
            .printed
            .iter()
            .find(|p| p.message.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in:\n{}", outcome.stderr))
            .clone()
    };
    assert!(
        find("points outside content/")
            .location
            .starts_with("content/meetings/leak.md")
    );
    assert!(
        find("loops back")
            .location
            .starts_with("content/meetings/loop")
    );
    assert!(
        find("points to nothing")
            .location
            .starts_with("content/meetings/dangling.md")
    );
    assert!(
        !site.root.join("public").exists(),
        "a failed build writes no site"
    );
}

/// A linked folder is followed: what it holds is read when it is inside
/// `content/`, and an error when it is not, down to its sub-folders.
#[cfg(unix)]
#[test]
fn files_under_a_linked_folder_are_checked_like_linked_files() {
    use std::os::unix::fs::symlink;
    let site = Site::empty()
        .file("content/meetings/m.md", &meeting("Text.\n"))
        .file("shelf/2006/leak.md", &meeting("Secret minutes.\n"))
        .file("content/archive/2005/kept.md", &meeting("Kept minutes.\n"));
    symlink(
        site.root.join("shelf"),
        site.root.join("content/meetings/shelf"),
    )
    .unwrap();
    symlink(
        site.root.join("content/archive"),
        site.root.join("content/meetings/archive"),
    )
    .unwrap();
    let outcome = build(&site.root);
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    let outside: Vec<&str> = outcome
        .printed
        .iter()
        .filter(|p| p.message.contains("points outside content/"))
        .map(|p| p.location.as_str())
        .collect();
    assert_eq!(outside.len(), 1, "{}", outcome.stderr);
    assert!(
        outside[0].starts_with("content/meetings/shelf/2006/leak.md"),
        "{}",
        outcome.stderr
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_read_only_content() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::empty()
        .file("content/meetings/m.md", &meeting("Text.\n"))
        .file("content/meetings/locked.md", &meeting("Locked.\n"));
    let locked = site.root.join("content/meetings/locked.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let is_root = fs::read(&locked).is_ok();
    let outcome = build(&site.root);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    if is_root {
        eprintln!(
            "note: running as root, who can read any file: the unreadable case cannot be made here"
        );
        assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    } else {
        assert_eq!(outcome.code, Some(1));
        let p = outcome
            .printed
            .iter()
            .find(|p| p.message.contains("cannot read this file"))
            .expect("an error for the locked file");
        assert!(p.location.starts_with("content/meetings/locked.md"));
    }

    // A content folder nobody may write to builds, and stays as it was.
    let content = site.root.join("content");
    let before: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().display().to_string(), fs::read(e.path()).unwrap()))
        .collect();
    for e in walkdir::WalkDir::new(&content)
        .into_iter()
        .map(|e| e.unwrap())
    {
        let mode = if e.file_type().is_dir() { 0o555 } else { 0o444 };
        fs::set_permissions(e.path(), fs::Permissions::from_mode(mode)).unwrap();
    }
    let outcome = build(&site.root);
    let after: Vec<(String, Vec<u8>)> = before
        .iter()
        .map(|(p, _)| (p.clone(), fs::read(p).unwrap()))
        .collect();
    for e in walkdir::WalkDir::new(&content)
        .into_iter()
        .map(|e| e.unwrap())
    {
        fs::set_permissions(e.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    assert_eq!(before, after);
}

#[test]
fn markdown_files_are_read_whatever_the_case_of_their_extension() {
    let built = Site::fixture("bad/odd-file-names").build();
    for page in ["meetings/board/index.html", "meetings/b/index.html"] {
        assert!(built.exists(page), "{page} was left out");
    }
    assert!(!built.exists("meetings/d/index.html"));
}
