//! `quorum serve` end to end, over HTTP: edits, errors, new, deleted and
//! renamed files, and the served tree compared with a fresh full build after
//! every step.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

use common::Site;
use common::server::Server;

const SNIPPET_START: &str = "<script src=\"";

/// Every file under `dir`, without the live-reload script and quorum's marker.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == quorum::output::MARKER {
            continue;
        }
        let mut bytes = fs::read(e.path()).unwrap();
        if rel.ends_with(".html") {
            let text = String::from_utf8(bytes).unwrap();
            let cut = match text.rfind(SNIPPET_START) {
                Some(i) if text[i..].contains("__quorum/live.js") => {
                    let end = i + text[i..].find("</script>").unwrap() + "</script>".len();
                    format!("{}{}", &text[..i], &text[end..])
                }
                _ => text,
            };
            bytes = cut.into_bytes();
        }
        out.insert(rel, bytes);
    }
    out
}

/// The served tree equals a fresh `quorum build` of the same site.
fn assert_same_as_full_build(site: &Site, server: &Server) {
    let out = site.root.join("full-build");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args([
            "build",
            "--drafts",
            "--today",
            "2024-03-01",
            "--base-url",
            &server.url,
            "--output",
        ])
        .arg(&out)
        .arg("--root")
        .arg(&site.root)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let served = tree(&server.dir);
    let built = tree(&out);
    let only_served: Vec<_> = served.keys().filter(|k| !built.contains_key(*k)).collect();
    let only_built: Vec<_> = built.keys().filter(|k| !served.contains_key(*k)).collect();
    assert!(
        only_served.is_empty() && only_built.is_empty(),
        "served only: {only_served:?}; built only: {only_built:?}"
    );
    for (k, v) in &served {
        assert!(
            v == &built[k],
            "{k} differs between the served site and a full build"
        );
    }
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn serve_follows_every_edit_and_equals_a_full_build() {
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    assert!(server.url.ends_with("/minutes/"), "{}", server.url);
    let page = server.get("entities/nordic-network/");
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("The umbrella organisation."));
    assert!(
        page.body.contains("__quorum/live.js"),
        "served pages carry the live-reload script"
    );
    assert_same_as_full_build(&site, &server);
    let events = server.events();

    // An edit: the new text is served and a reload event arrives.
    events.settle();
    let renamed = "---\nname: Nordic Network\nkind: organization\naliases: [NN]\n---\n\nThe umbrella organisation, renamed in 2024.\n";
    site.write("content/entities/nordic-network.md", renamed);
    events.wait("reload");
    assert!(
        server
            .get("entities/nordic-network/")
            .body
            .contains("renamed in 2024")
    );
    assert_same_as_full_build(&site, &server);

    // The same text saved again: nothing is rebuilt and no page reloads.
    events.settle();
    server.printed();
    site.write("content/entities/nordic-network.md", renamed);
    server.wait_printed("saved without changes");
    assert!(
        events.quiet(Duration::from_millis(800)),
        "a save that changes nothing reloads no page"
    );
    assert_same_as_full_build(&site, &server);

    // A new alias: a meeting whose file did not change now links it in its
    // minutes (the page is rendered again although its own data is the same).
    events.settle();
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: Nordic Network\nkind: organization\naliases: [NN, second budget section]\n---\n\nThe umbrella organisation, renamed in 2024.\n",
    );
    events.wait("reload");
    assert!(
        server
            .get("meetings/2023-11-council/")
            .body
            .contains(">second budget section</a>")
    );
    assert_same_as_full_build(&site, &server);

    // Broken YAML: the old page stays, the error names the file and line.
    let good = fs::read_to_string(site.root.join("content/meetings/2024-02-council.md")).unwrap();
    events.settle();
    site.write(
        "content/meetings/2024-02-council.md",
        &good.replace("title: Third meeting", "title: [Third meeting"),
    );
    let failed = events.wait("failed");
    assert!(
        failed.contains("content/meetings/2024-02-council.md:2"),
        "{failed}"
    );
    let still = server.get("meetings/2024-02-council/");
    assert_eq!(still.status, 200);
    assert!(still.body.contains("Third meeting"));

    // Fixed: recovered.
    events.settle();
    site.write(
        "content/meetings/2024-02-council.md",
        &good.replace("Z. Müller closed", "Zoë Müller closed"),
    );
    events.wait("reload");
    assert!(
        server
            .get("meetings/2024-02-council/")
            .body
            .contains("Zoë Müller closed")
    );
    assert_same_as_full_build(&site, &server);

    // A new meeting: its page and the index listing appear.
    events.settle();
    site.write(
        "content/meetings/2024/2024-04-council.md",
        "---\ntitle: Fourth meeting\ndate: 2024-04-02\nseries: Council\n---\nMr. Li spoke.\n",
    );
    events.wait("reload");
    assert_eq!(server.get("meetings/2024-04-council/").status, 200);
    assert!(
        server
            .get("meetings/")
            .body
            .contains("meetings/2024-04-council/")
    );
    assert_same_as_full_build(&site, &server);

    // Deleted: 404, and no page links to it any more.
    events.settle();
    site.remove("content/meetings/2024/2024-04-council.md");
    events.wait("reload");
    let gone = server.get("meetings/2024-04-council/");
    assert_eq!(gone.status, 404);
    assert!(
        gone.body.contains("Page not found"),
        "the 404 page is served"
    );
    for (path, bytes) in tree(&server.dir) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("2024-04-council"),
            "{path} still mentions the deleted meeting"
        );
    }
    assert_same_as_full_build(&site, &server);

    // Saved the way vim does: the original renamed away, a new file written.
    let about = site.root.join("content/pages/about.md");
    events.settle();
    fs::rename(&about, site.root.join("content/pages/about.md~")).unwrap();
    fs::write(
        &about,
        "---\ntitle: About us\norder: 1\n---\n\nWritten by vim.\n",
    )
    .unwrap();
    fs::remove_file(site.root.join("content/pages/about.md~")).unwrap();
    events.wait("reload");
    assert!(server.get("pages/about/").body.contains("Written by vim."));

    // Saved the way JetBrains does: a temporary file renamed over the original.
    let tmp = site.root.join("content/pages/about.md___jb_tmp___");
    fs::write(
        &tmp,
        "---\ntitle: About us\norder: 1\n---\n\nWritten by an IDE.\n",
    )
    .unwrap();
    events.settle();
    fs::rename(&about, site.root.join("content/pages/about.md___jb_old___")).unwrap();
    fs::rename(&tmp, &about).unwrap();
    fs::remove_file(site.root.join("content/pages/about.md___jb_old___")).unwrap();
    events.wait("reload");
    assert!(
        server
            .get("pages/about/")
            .body
            .contains("Written by an IDE.")
    );

    // A renamed file: the old page goes, the new one comes.
    events.settle();
    fs::create_dir_all(site.root.join("content/pages/more")).unwrap();
    events.settle();
    fs::rename(&about, site.root.join("content/pages/more/about-us.md")).unwrap();
    events.wait("reload");
    assert_eq!(server.get("pages/about/").status, 404);
    assert_eq!(server.get("pages/about-us/").status, 200);
    assert_same_as_full_build(&site, &server);

    // A template change re-renders everything.
    events.settle();
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ content.title }}</h1><p>Custom page template</p>{% endblock content %}");
    events.wait("reload");
    assert!(
        server
            .get("pages/about-us/")
            .body
            .contains("Custom page template")
    );
    assert_same_as_full_build(&site, &server);
}

#[test]
fn ctrl_c_stops_the_server_while_pages_listen_for_reloads() {
    let site = Site::fixture("tricky");
    let mut server = Server::start(&site.root, &[]);
    let events = server.events();
    let _second = server.events();
    let status = server
        .interrupt(Duration::from_secs(10))
        .expect("the server ends on Ctrl-C although two pages are open");
    assert!(status.success(), "{status:?}");
    assert!(!server.dir.exists(), "the served copy is removed");
    assert!(events.quiet(Duration::from_millis(100)));
}

#[test]
fn serve_started_in_the_site_folder_follows_edits() {
    // `quorum serve` with no `--root`: the site is `.`, while the watcher
    // reports full paths.
    let site = Site::fixture("tricky");
    let server = Server::start_inside(&site.root);
    let events = server.events();
    events.settle();
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: Nordic Network\nkind: organization\naliases: [NN]\n---\n\nEdited from inside the folder.\n",
    );
    events.wait("reload");
    assert!(
        server
            .get("entities/nordic-network/")
            .body
            .contains("Edited from inside the folder.")
    );
    assert_same_as_full_build(&site, &server);
    // A template change is seen as one too.
    events.settle();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ content.title }}</h1><p>Inside template</p>{% endblock content %}",
    );
    events.wait("reload");
    assert!(server.get("pages/about/").body.contains("Inside template"));
    assert_same_as_full_build(&site, &server);
}

#[test]
fn serve_answers_like_a_web_server() {
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let base = server.url.trim_end_matches('/');
    // The sub-path without its slash redirects; outside it, nothing.
    let redirect = server.request("GET", base);
    assert_eq!(redirect.status, 308);
    let root = base.trim_end_matches("/minutes");
    assert_eq!(
        server.request("GET", &format!("{root}/index.html")).status,
        404
    );
    // HEAD, content types, a directory without its slash.
    assert_eq!(server.request("HEAD", &format!("{base}/")).status, 200);
    assert!(
        server
            .get("assets/quorum.css")
            .content_type
            .starts_with("text/css")
    );
    let dir = server.get("meetings");
    assert!(
        dir.status == 307 || dir.status == 308 || dir.status == 301,
        "{}",
        dir.status
    );
    // No way out of the served folder.
    for evil in [
        "../../../../etc/passwd",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "..%2f..%2f..%2fetc%2fpasswd",
        "..\\..\\etc\\passwd",
    ] {
        let a = server.request("GET", &format!("{base}/{evil}"));
        assert!(!a.body.contains("root:"), "{evil} escaped the site");
        assert_ne!(a.status, 200, "{evil}");
    }
    // Conditional requests: the validator follows the page's content.
    let page = server.get("topics/budget/");
    let tag = page.etag.expect("pages carry an ETag");
    let again = server.request_with(
        "GET",
        &format!("{base}/topics/budget/"),
        &[("If-None-Match", &tag)],
    );
    assert_eq!(again.status, 304);
    let other = server.request_with(
        "GET",
        &format!("{base}/topics/budget/"),
        &[("If-None-Match", "\"0\"")],
    );
    assert_eq!(other.status, 200);
    let js = server.get("__quorum/live.js");
    assert_eq!(js.status, 200);
    assert!(
        js.body.contains("EventSource(base + \"__quorum/events\")")
            && js.body.contains("\"/minutes/\"")
    );
}

#[test]
fn a_site_that_starts_broken_is_served_when_fixed() {
    let site = Site::fixture("tricky");
    site.write("content/meetings/bad.md", "---\ntitle: [\n---\n");
    let server = Server::start(&site.root, &[]);
    let first = server.get("");
    assert_eq!(first.status, 503);
    assert!(first.body.contains("__quorum/live.js"));
    let events = server.events();
    events.settle();
    site.remove("content/meetings/bad.md");
    events.wait("reload");
    assert_eq!(server.get("").status, 200);
    let _ = server.printed();
}

#[test]
fn build_watch_rebuilds_the_output_on_every_change() {
    let site = Site::fixture("tricky");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--watch", "--today", "2024-03-01", "--root"])
        .arg(&site.root)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let page = site.root.join("public/topics/budget/index.html");
    let wait_for = |needle: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            if fs::read_to_string(&page).is_ok_and(|t| t.contains(needle)) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    assert!(wait_for("Money matters."));
    site.write(
        "content/topics/budget.md",
        "---\nname: Budget\n---\n\nMoney matters, watched.\n",
    );
    let seen = wait_for("Money matters, watched.");
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen, "the output was not rebuilt");
    assert!(!site.root.join("public/__quorum").exists());
    assert!(
        !fs::read_to_string(&page)
            .unwrap()
            .contains("__quorum/live.js"),
        "build output never carries the live-reload script"
    );
}

#[test]
fn a_rebuild_prints_only_the_warnings_that_are_new() {
    let meeting = |above: &str, attendees: &[&str]| {
        let list: String = attendees.iter().map(|a| format!("  - {a}\n")).collect();
        format!("---\ntitle: M\n{above}date: 2024-01-01\nattendees:\n{list}---\n\nMinutes.\n")
    };
    let file = "content/meetings/m.md";
    let site = Site::empty().file(file, &meeting("", &["Somebody", "Nobody"]));
    let server = Server::start(&site.root, &[]);
    let start = server.startup.join("\n");
    for name in ["Somebody", "Nobody"] {
        assert!(
            start.contains(&format!("no entity is called `{name}`"))
                && start.contains(&format!("  - {name}")),
            "the first build shows each warning with its line:\n{start}"
        );
    }
    assert!(start.ends_with("; 2 warnings"), "{start}");
    let rebuilt = |text: &str| {
        site.write(file, text);
        let lines = server.printed_until(" rendered, ");
        (lines.last().unwrap().clone(), lines.join("\n"))
    };

    // A line added above both warnings moves them: they are the same warnings.
    let (last, all) = rebuilt(&meeting("location: Geneva\n", &["Somebody", "Nobody"]));
    assert!(last.ends_with("; 2 warnings, as before"), "{all}");
    assert!(!all.contains("no entity is called"), "{all}");

    // A third: only it is shown.
    let (last, all) = rebuilt(&meeting(
        "location: Geneva\n",
        &["Somebody", "Nobody", "Ghost"],
    ));
    assert!(last.ends_with("; 3 warnings, 1 new (above)"), "{all}");
    assert!(all.contains("no entity is called `Ghost`"), "{all}");
    assert!(all.contains("content/meetings/m.md:8"), "{all}");
    assert!(
        !all.contains("`Somebody`") && !all.contains("`Nobody`"),
        "{all}"
    );

    // Two fixed: nothing to show, and the count says so.
    let (last, all) = rebuilt(&meeting("location: Geneva\n", &["Ghost"]));
    assert!(last.ends_with("; 1 warning (2 gone)"), "{all}");
    assert!(!all.contains("no entity is called"), "{all}");
}

#[test]
fn serve_with_timings_says_where_each_rebuild_spent_its_time() {
    let site = Site::fixture("steering");
    let server = Server::start(&site.root, &["--timings"]);
    let file = "content/meetings/tsc/2023/tsc-2023-04-19.md";
    let text = std::fs::read_to_string(site.root.join(file)).unwrap();
    site.write(
        file,
        &text.replacen("## Apologies", "A word more.\n\n## Apologies", 1),
    );
    let lines = server.printed_until("write the preview");
    let all = lines.join("\n");
    let rebuilt = lines
        .iter()
        .find(|l| l.starts_with("rebuilt after a change to"))
        .unwrap_or_else(|| panic!("no rebuild line:\n{all}"));
    for stage in [
        "read and parse",
        "resolve",
        "render",
        "pages",
        "search index",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.trim_start().starts_with(stage) && l.contains(" ms")),
            "no time for `{stage}`:\n{all}"
        );
    }
    // One meeting's minutes changed: its page and the few that show its
    // words are rendered again, not the site.
    let rendered: usize = rebuilt
        .split(": ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in `{rebuilt}`"));
    let pages = Site::fixture("steering").build().pages().len();
    assert!(
        rendered >= 1 && rendered * 4 < pages,
        "{rendered} of {pages} pages rendered again:\n{all}"
    );
}
