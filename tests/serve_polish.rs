//! `quorum serve` polish: `kill` and a closed terminal clean up as Ctrl-C
//! does (and `build --watch` stops without leaving a staging folder); the
//! error overlay reads well in the light and the dark scheme; and a
//! browser with many tabs of the preview open shares one reload stream
//! between them, so that every tab loads.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;
use common::server::Server;

#[test]
fn sigterm_and_sighup_stop_the_server_and_remove_its_folder() {
    for (signal, name) in [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
    ] {
        let site = Site::fixture("tricky");
        let mut server = Server::start(&site.root, &[]);
        let events = server.events();
        assert!(server.dir.is_dir(), "{name}: the preview's folder is there");
        let status = server
            .signal(signal, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("the server ends on {name} while a page listens"));
        assert_eq!(status.code(), Some(0), "{name}: {status:?}");
        assert!(
            !server.dir.exists(),
            "{name}: the preview's folder is removed"
        );
        assert!(events.quiet(Duration::from_millis(100)), "{name}");
    }
}

#[test]
fn a_signal_during_the_first_build_still_removes_the_folder() {
    // A site big enough that its first build takes a moment.
    let site = Site::fixture("tricky");
    for i in 0..300 {
        site.write(
            &format!("content/meetings/bulk/m{i:03}.md"),
            &format!(
                "---\ntitle: Meeting {i}\ndate: 2023-{:02}-{:02}\n---\n\nThe Nordic Network met. {}\n",
                1 + i % 12,
                1 + i % 28,
                "Words of the minutes. ".repeat(200)
            ),
        );
    }
    let mut child = Server::command(&site.root, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The folder is made before the first build: wait for it, then stop.
    let prefix = format!("quorum-serve-{}-", child.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    let dir = loop {
        let found = std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(&prefix));
        if let Some(e) = found {
            break e.path();
        }
        assert!(Instant::now() < deadline, "serve made no folder");
        std::thread::sleep(Duration::from_millis(5));
    };
    // SAFETY: kill(2) on our own child, not yet reaped.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = wait(&mut child, Duration::from_secs(60)).expect("serve ends");
    assert_eq!(status.code(), Some(0), "{status:?}");
    assert!(!dir.exists(), "{} is removed", dir.display());
}

/// Waits up to `limit` for `child` to end.
fn wait(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

/// What `build --watch` leaves beside and inside its output folder, other
/// than the site: quorum's staging folders.
fn staging(site: &Site) -> Vec<String> {
    let mut left = Vec::new();
    for dir in [site.root.clone(), site.root.join("public")] {
        for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains("staging") || name.starts_with(".quorum-") && name != ".quorum-output"
            {
                left.push(format!("{}/{name}", dir.display()));
            }
        }
    }
    left.retain(|n| !n.ends_with(".quorum.lock"));
    left
}

#[test]
fn build_watch_stops_on_sigterm_and_sighup_and_leaves_nothing_behind() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let site = Site::fixture("tricky");
        let mut child = Command::new(env!("CARGO_BIN_EXE_quorum"))
            .args(["build", "--watch", "--today", "2024-03-01", "--root"])
            .arg(&site.root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let watching = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.starts_with("watching"));
        assert!(watching, "build --watch says it watches");
        // A save starts a build; the signal comes while it may be running.
        site.write(
            "content/meetings/2024-02-council.md",
            &std::fs::read_to_string(site.root.join("content/meetings/2024-02-council.md"))
                .unwrap()
                .replace("---\n\n", "---\n\nA line more.\n\n"),
        );
        std::thread::sleep(Duration::from_millis(150));
        // SAFETY: kill(2) on our own child, not yet reaped.
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
        let status = wait(&mut child, Duration::from_secs(30)).expect("build --watch ends");
        assert_eq!(status.code(), Some(0), "signal {signal}: {status:?}");
        assert!(
            site.root.join("public/index.html").is_file(),
            "the site stays"
        );
        assert_eq!(staging(&site), Vec::<String>::new(), "signal {signal}");
    }
}
