//! The dev server under load, on loopback: a thousand connections at once,
//! hundreds of pages listening for reloads, absurd URLs and traversal
//! attempts. It answers them all, stays up, and its memory stays bounded.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::Site;
use common::server::Server;

/// Lets this process hold a few thousand sockets.
fn raise_file_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max.min(65_536);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn address(server: &Server) -> (String, String) {
    let rest = server.url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    (host.to_owned(), format!("/{path}"))
}

#[test]
fn the_dev_server_holds_a_thousand_connections_and_hundreds_of_listeners() {
    raise_file_limit();
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let (host, base) = address(&server);
    let before = rss_kb(server.pid());

    // A thousand connections open at once, each asking for a page.
    let mut streams: Vec<TcpStream> = (0..1000)
        .map(|_| TcpStream::connect(&host).expect("the server accepts the connection"))
        .collect();
    for (i, s) in streams.iter_mut().enumerate() {
        let page = if i % 2 == 0 {
            ""
        } else {
            "entities/nordic-network/"
        };
        write!(
            s,
            "GET {base}{page} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
    }
    let mut ok = 0;
    for s in &mut streams {
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        if answer.starts_with("HTTP/1.1 200") {
            ok += 1;
        }
    }
    assert_eq!(ok, 1000, "every connection is answered");
    drop(streams);

    // Three hundred pages listening for reloads all hear the next rebuild.
    let mut listeners: Vec<BufReader<TcpStream>> = (0..300)
        .map(|_| {
            let mut s = TcpStream::connect(&host).unwrap();
            write!(
                s,
                "GET {base}__quorum/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
            )
            .unwrap();
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
            BufReader::new(s)
        })
        .collect();
    for l in &mut listeners {
        let mut line = String::new();
        while !line.starts_with("event: hello") {
            line.clear();
            assert!(
                l.read_line(&mut line).unwrap() > 0,
                "the event stream closed"
            );
        }
    }
    site.write(
        "content/topics/budget.md",
        "---\nname: Budget\n---\n\nMoney matters, under load.\n",
    );
    for l in &mut listeners {
        let mut line = String::new();
        while !line.starts_with("event: reload") {
            line.clear();
            assert!(
                l.read_line(&mut line).unwrap() > 0,
                "the event stream closed before the reload"
            );
        }
    }
    drop(listeners);

    // Absurd requests get an answer, never a crash or a file from outside.
    let long = "a".repeat(100_000);
    for path in [
        long.as_str(),
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "..\\..\\..\\etc\\passwd",
        "%00",
        "%ff%fe",
    ] {
        let mut s = TcpStream::connect(&host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let _ = write!(
            s,
            "GET {base}{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        );
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(!answer.contains("root:x:"), "{path} leaked a file");
        assert!(
            !answer.starts_with("HTTP/1.1 200"),
            "{path} was answered with a page"
        );
    }

    // Still up, still right, and its memory did not run away.
    let page = server.get("topics/budget/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("under load"));
    let after = rss_kb(server.pid());
    eprintln!("server memory: {before} KiB before, {after} KiB after the load");
    assert!(after < 400 * 1024, "the server grew to {after} KiB");
}
