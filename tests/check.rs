//! `quorum check`: every broken link, silent overdue action and unresolved
//! ref, with exit status 1; the sample site is clean.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;

use common::Site;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_sample_site_checks_clean() {
    let site = Site::sample();
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        last_line(&out).starts_with("0 unknown refs, 0 broken links (0 problems); followed "),
        "{}",
        stderr(&out)
    );
    assert!(!site.root.join("public").exists(), "check writes nothing");
}

fn last_line(out: &std::process::Output) -> String {
    stderr(out).lines().last().unwrap_or_default().to_owned()
}

#[test]
fn the_last_line_counts_the_problems_by_kind() {
    let site = Site::empty()
        .file(
            "content/meetings/m.md",
            "---\ntitle: M\ndate: 2024-01-01\nattendees: [Somebody, Nobody]\nactions:\n  - id: late\n    text: Do it\n    due: 2024-02-01\n---\n\nSee [nothing](/meetings/nope/) and [[Ghost]]; an open [[bracket.\n",
        )
        .file("content/pages/p.md", "---\ntitle: P\n---\nSee [here](#nowhere).\n");
    let out = site.run(&["check", "--today", "2024-03-01"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = last_line(&out);
    assert!(
        line.starts_with(
            "3 unknown refs, 2 broken links, 1 overdue action without update, 1 malformed wiki-link (7 problems); followed "
        ),
        "{line}"
    );
    assert!(line.contains(" internal links on "), "{line}");
}

#[test]
fn the_steering_fixture_has_only_its_two_silent_actions() {
    let out = Site::fixture("steering").run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = last_line(&out);
    assert!(
        line.starts_with(
            "0 unknown refs, 0 broken links, 2 overdue actions without update (2 problems)"
        ),
        "{line}"
    );
}

#[test]
fn broken_links_and_fragments_are_reported_where_they_are_written() {
    let site = Site::empty()
        .file("quorum.yaml", "base_url: https://intranet.example/minutes/\ntoday: 2024-03-01\n")
        .file(
            "content/meetings/m.md",
            "---\ntitle: M\ndate: 2024-01-01\n---\n\n## Part\n\nSee [the list](/minutes/meetings/) and [nothing](/minutes/meetings/nope/).\n\nAlso [a section](#nowhere), [a good one](#part) and [away](/other/).\n",
        )
        .file("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ content.title }}</h1><a href=\"{{ root }}missing-page/\">x</a>{% endblock content %}")
        .file("content/pages/p.md", "---\ntitle: P\n---\nText.\n");
    let out = site.run(&["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`/minutes/meetings/nope/`") && err.contains("content/meetings/m.md:8"),
        "{err}"
    );
    assert!(
        err.contains("`#nowhere`") && err.contains("content/meetings/m.md:10"),
        "{err}"
    );
    // `/other/` is a path from the site root, so it leads to /minutes/other/.
    assert!(
        err.contains("`/minutes/other/`") && err.contains("content/meetings/m.md:10:61"),
        "{err}"
    );
    assert!(
        err.contains("missing-page/"),
        "links made by templates are checked: {err}"
    );
    assert!(
        !err.contains("`/minutes/meetings/`"),
        "a good link is not reported: {err}"
    );
    assert!(!err.contains("`#part`"), "{err}");
}

#[test]
fn silent_overdue_actions_and_unknown_refs_are_reported() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        "---\ntitle: M\ndate: 2024-01-01\nattendees: [Somebody]\nactions:\n  - id: late\n    text: Do it\n    due: 2024-02-01\n  - id: fine\n    text: Later\n    due: 2025-01-01\n---\n",
    );
    let out = site.run(&["check", "--today", "2024-03-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`late` was due 1 February 2024 and no meeting has reported on it"),
        "{err}"
    );
    assert!(err.contains("content/meetings/m.md:6"), "{err}");
    assert!(!err.contains("`fine`"), "{err}");
    assert!(err.contains("no entity is called `Somebody`"), "{err}");
}

/// A web server on loopback that answers 200 for /ok and 404 for the rest.
fn tiny_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 2048];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let ok = request.split_whitespace().nth(1) == Some("/ok");
            let status = if ok { "200 OK" } else { "404 Not Found" };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    port
}

#[test]
fn external_links_are_fetched_only_when_asked() {
    let port = tiny_server();
    let site = Site::empty().file(
        "content/meetings/m.md",
        &format!("---\ntitle: M\ndate: 2024-01-01\n---\n\n[up](http://127.0.0.1:{port}/ok) and [down](http://127.0.0.1:{port}/gone)\n"),
    );
    let quiet = site.run(&["check"]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stderr(&quiet));
    let out = site.run(&[
        "check",
        "--external",
        "--timeout",
        "5",
        "--concurrency",
        "2",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/gone` on /meetings/m/index.html answered HTTP 404"),
        "{err}"
    );
    assert!(!err.contains("/ok`"), "{err}");
}
