//! `quorum serve` keeps the preview to whoever it was started for: it answers
//! only the host names it serves under (no page of another site can read it
//! through DNS rebinding), serves any base path `base_url` can hold, and
//! keeps its copy of the site (drafts included) in a private folder.

mod common;

use std::fs;
use std::time::Duration;

use common::Site;
use common::server::{Raw, Server};

/// A GET of `target` with `host` as its Host header (none when `None`).
fn get(server: &Server, target: &str, host: Option<&str>) -> Raw {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    server.raw(format!("GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").as_bytes())
}

#[test]
fn serve_answers_only_the_host_names_it_serves_under() {
    // The fixture's base_url is https://intranet.example/minutes/.
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let port = server.port();
    let with_port = |h: &str| format!("{h}:{port}");
    let mut good: Vec<String> = [
        "127.0.0.1",
        "localhost",
        "LocalHost",
        "[::1]",
        "preview.localhost",
        "intranet.example",
        "INTRANET.example",
        "127.0.0.2",
    ]
    .iter()
    .flat_map(|h| [h.to_string(), with_port(h)])
    .collect();
    good.push("intranet.example:8443".into());
    for host in &good {
        let page = get(&server, "/minutes/topics/budget/", Some(host));
        assert_eq!(page.status, 200, "Host: {host}\n{}", page.head);
        assert!(page.body.contains("Money matters."), "Host: {host}");
    }

    let evil: Vec<String> = [
        "evil.example",
        "localhost.evil.example",
        "127.0.0.1.nip.io",
        "intranet.example.evil.example",
        "evillocalhost",
        "[::2]",
        "10.0.0.1",
    ]
    .iter()
    .flat_map(|h| [h.to_string(), with_port(h)])
    .collect();
    // Every route: pages, assets, the live-reload script and its events, the
    // base path without its slash, a page that is not there, outside the base.
    let routes = [
        "/minutes/",
        "/minutes/topics/budget/",
        "/minutes/assets/quorum.css",
        "/minutes/__quorum/live.js",
        "/minutes/__quorum/events",
        "/minutes",
        "/minutes/no-such-page/",
        "/elsewhere",
    ];
    for host in &evil {
        for route in routes {
            let answer = get(&server, route, Some(host));
            assert_eq!(answer.status, 421, "Host: {host} {route}\n{}", answer.head);
            assert!(
                !answer.body.contains("Money matters") && !answer.body.contains("EventSource"),
                "Host: {host} {route}: {}",
                answer.body
            );
            let lines: Vec<&str> = answer.body.lines().collect();
            assert_eq!(lines.len(), 1, "a one-line answer: {}", answer.body);
            assert!(
                lines[0].contains(host.as_str())
                    && lines[0].contains("base_url")
                    && lines[0].contains("127.0.0.1"),
                "the answer says why and how to allow the name: {}",
                lines[0]
            );
        }
    }

    // No Host at all, an empty one, two of them, or an absolute request
    // naming another host.
    for route in routes {
        for request in [
            format!("GET {route} HTTP/1.1\r\nConnection: close\r\n\r\n"),
            format!("GET {route} HTTP/1.0\r\n\r\n"),
            format!("GET {route} HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n"),
            format!(
                "GET {route} HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
            ),
            format!(
                "GET http://evil.example{route} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            ),
        ] {
            let answer = server.raw(request.as_bytes());
            assert!(
                answer.status == 400 || answer.status == 421,
                "{request:?}\n{}",
                answer.head
            );
            assert!(
                !answer.body.contains("Money matters") && !answer.body.contains("EventSource"),
                "{request:?}"
            );
        }
    }
}

#[test]
fn serve_refuses_other_host_names_before_the_first_good_build_too() {
    let site = Site::fixture("tricky");
    site.write("content/meetings/bad.md", "---\ntitle: [\n---\n");
    let server = Server::start(&site.root, &[]);
    let page = get(&server, "/minutes/", Some("evil.example"));
    assert_eq!(page.status, 421, "{}", page.head);
    assert!(!page.body.contains("__quorum"), "{}", page.body);
    let events = get(&server, "/minutes/__quorum/events", Some("evil.example"));
    assert_eq!(events.status, 421, "{}", events.head);
    assert!(!events.body.contains("content/meetings/bad.md"));
    // The errors are still shown to the preview's own address.
    let own = get(&server, "/minutes/", Some("127.0.0.1"));
    assert_eq!(own.status, 503);
}

#[test]
fn serve_answers_the_host_of_base_url_and_of_bind() {
    let site = Site::fixture("tricky");
    let server = Server::start(
        &site.root,
        &[
            "--bind",
            "127.0.0.1",
            "--base-url",
            "http://preview.example:8080/minutes/",
        ],
    );
    for host in ["preview.example", "preview.example:8080", "127.0.0.1"] {
        assert_eq!(
            get(&server, "/minutes/", Some(host)).status,
            200,
            "Host: {host}"
        );
    }
    // The fixture's own base_url was overridden: its host is no longer one.
    assert_eq!(
        get(&server, "/minutes/", Some("intranet.example")).status,
        421
    );
}

/// The value of the header `name` of an answer.
fn header(answer: &Raw, name: &str) -> Option<String> {
    answer.head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

/// A page, the live-reload script and its events, and the base path without
/// its slash, all reached under `base` as a request target (raw bytes, as
/// they go over the wire).
fn assert_served_under(server: &Server, base: &str) {
    let host = Some("127.0.0.1");
    let page = get(server, &format!("{base}topics/budget/"), host);
    assert_eq!(page.status, 200, "{base}\n{}", page.head);
    assert!(page.body.contains("Money matters."), "{base}");
    let js = get(server, &format!("{base}__quorum/live.js"), host);
    assert_eq!(js.status, 200, "{base}\n{}", js.head);
    assert!(js.body.contains("EventSource"), "{base}");
    let events = get(server, &format!("{base}__quorum/events"), host);
    assert_eq!(events.status, 200, "{base}\n{}", events.head);
    assert!(events.body.contains("event: hello"), "{base}");
    // Redirects lead back under the base path, in an address a header can hold.
    let folder = get(server, &format!("{base}topics/budget"), host);
    assert!(
        matches!(folder.status, 301 | 307 | 308),
        "{base}\n{}",
        folder.head
    );
    let location = header(&folder, "location").expect("a redirect says where");
    assert!(
        location.is_ascii()
            && location.ends_with("topics/budget/")
            && location != "/topics/budget/",
        "{base}: {location}"
    );
    assert_eq!(get(server, &location, host).status, 200, "{location}");
    let bare = get(server, base.trim_end_matches('/'), host);
    assert_eq!(bare.status, 308, "{base}\n{}", bare.head);
    let location = header(&bare, "location").expect("a redirect says where");
    assert!(
        location.is_ascii() && location.ends_with('/'),
        "{base}: {location}"
    );
    assert_eq!(get(server, &location, host).status, 200, "{location}");
    let missing = get(server, &format!("{base}no-such-page/"), host);
    assert_eq!(missing.status, 404, "{base}");
    assert!(missing.body.contains("Page not found"), "{base}");
}

#[test]
fn serve_answers_under_base_paths_that_look_like_route_patterns() {
    for (base_url, forms) in [
        ("http://h.example/:minutes/", ["/:minutes/", "/%3Aminutes/"]),
        ("http://h.example/*x/", ["/*x/", "/%2Ax/"]),
        ("http://h.example/a/:b/*c/", ["/a/:b/*c/", "/a/%3ab/%2ac/"]),
    ] {
        let site = Site::fixture("tricky");
        let mut server = Server::start(&site.root, &["--base-url", base_url]);
        for base in forms {
            assert_served_under(&server, base);
        }
        // Pages reload through the event stream at the address it printed.
        let events = server.events();
        assert!(events.quiet(Duration::from_millis(100)));
        let status = server
            .interrupt(Duration::from_secs(10))
            .expect("the server stops on Ctrl-C");
        assert!(status.success(), "{base_url}: {status:?}");
        assert!(!server.dir.exists(), "{base_url}: the copy is removed");
    }
}

#[test]
fn serve_answers_under_a_base_path_that_is_not_ascii() {
    for base_url in [
        "http://h.example/procès-verbaux/",
        "http://h.example/proc%C3%A8s-verbaux/",
    ] {
        let site = Site::fixture("tricky");
        let server = Server::start(&site.root, &["--base-url", base_url]);
        for base in [
            "/proc%C3%A8s-verbaux/",
            "/proc%c3%a8s-verbaux/",
            "/procès-verbaux/",
        ] {
            assert_served_under(&server, base);
        }
        // Not the same path, however it is written.
        for other in ["/proces-verbaux/", "/proc%C3%A9s-verbaux/"] {
            let answer = get(&server, other, Some("127.0.0.1"));
            assert_eq!(answer.status, 404, "{base_url}: {other}");
        }
        // The links of the pages lead back under the base path.
        let page = get(&server, "/proc%C3%A8s-verbaux/", Some("127.0.0.1"));
        assert!(
            page.body.contains("verbaux/topics/budget/"),
            "{base_url}: {}",
            page.body
        );
    }
}

#[cfg(unix)]
#[test]
fn the_preview_copy_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let site = Site::fixture("tricky");
    let mut command = Server::command(&site.root, &[]);
    // SAFETY: umask(2) only sets the mask of the child about to run.
    unsafe {
        command.pre_exec(|| {
            libc::umask(0o022);
            Ok(())
        });
    }
    let server = Server::spawn(command);
    let mode = fs::metadata(&server.dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "the preview copy has mode {mode:o}");
    assert!(server.dir.join("index.html").exists());
}
