//! The exports (feed, calendar, action register, graph, sitemap, robots.txt),
//! read back with real parsers of each format, field by field.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Built, Site};
use scraper::Selector;

const BASE: &str = "https://intranet.example/minutes/";

/// A meeting whose front matter holds everything the formats must escape.
const HOSTILE: &str = r#"---
title: "Review; budget, \"part\\2\" <i>and</i> a title long enough to be folded: 李伟 Zoë Müller 李伟 Øresund"
date: 2024-01
location: "Room 1, Building <A>; floor 2"
chair: Zoë Müller
topics: [Budget]
actions:
  - id: formula
    owner: Nordic Network
    text: "=HYPERLINK(\"http://evil.example\",\"click\")"
    due: 2024-05
  - owner: [Mr. Li]
    text: "-1 from the budget, then +2; see @treasurer"
    status: dropped
    due: 2024-04-10
---

Line one; with, punctuation \ backslash & 1 < 2.
"#;

fn tricky() -> Built {
    Site::fixture("tricky")
        .file("content/meetings/2024-01-review.md", HOSTILE)
        .build()
}

/// The output file an absolute URL of the site names.
fn file_of(url: &str) -> String {
    let rest = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    let path = rest.split('#').next().unwrap();
    local_file(path)
}

/// The output file a path relative to the site root names.
fn local_file(path: &str) -> String {
    let path = path.split('#').next().unwrap();
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

fn assert_file(built: &Built, file: &str) {
    assert!(built.path(file).is_file(), "{file} is not in the output");
}

#[test]
fn the_feed_is_atom_with_the_latest_meetings_newest_first() {
    let built = tricky();
    let feed: atom_syndication::Feed = built.text("feed.xml").parse().expect("valid Atom");
    assert_eq!(feed.title().value, "Tricky <Committee> & Co");
    assert_eq!(
        feed.subtitle().map(|s| s.value.as_str()),
        Some(r#"A fixture with "quotes" & <angle brackets>"#)
    );
    assert_eq!(feed.id(), BASE);
    assert_eq!(feed.updated().to_rfc3339(), "2024-02-20T00:00:00+00:00");
    let this = feed
        .links()
        .iter()
        .find(|l| l.rel() == "self")
        .expect("a self link");
    assert_eq!(this.href(), format!("{BASE}feed.xml"));
    assert_eq!(this.mime_type(), Some("application/atom+xml"));
    assert!(!feed.authors().is_empty(), "Atom needs an author");

    let titles: Vec<&str> = feed
        .entries()
        .iter()
        .map(|e| e.title().value.as_str())
        .collect();
    assert_eq!(titles.len(), 4);
    assert_eq!(titles[0], "Third meeting");
    assert!(titles[1].starts_with("Review; budget, \"part\\2\" <i>and</i>"));
    assert_eq!(titles[2], "Second meeting");
    assert_eq!(titles[3], "First meeting <b>bold</b>");

    for entry in feed.entries() {
        assert!(entry.id().starts_with(BASE), "{}", entry.id());
        let link = entry
            .links()
            .iter()
            .find(|l| l.rel() == "alternate")
            .unwrap();
        assert_eq!(link.href(), entry.id(), "the id is the permalink");
        assert_file(&built, &file_of(link.href()));
    }
    let first = &feed.entries()[3];
    assert_eq!(first.id(), format!("{BASE}meetings/2023-11-council/"));
    // A month-only date is dated the first of its month.
    assert_eq!(first.updated().to_rfc3339(), "2023-11-01T00:00:00+00:00");
    assert_eq!(
        first.summary().map(|s| s.value.as_str()),
        Some("Ms. Müller opened the meeting. The Nordic Network and Mr. Li attended.")
    );
    let terms: Vec<&str> = first.categories().iter().map(|c| c.term()).collect();
    assert!(terms.contains(&"budget"), "{terms:?}");
    let review = &feed.entries()[1];
    assert!(
        review
            .summary()
            .unwrap()
            .value
            .contains("backslash & 1 < 2."),
        "{:?}",
        review.summary()
    );
}

/// Raw lines of an iCalendar file, checked as RFC 5545 §3.1 says.
fn check_ics_lines(bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"), "the file ends in CRLF");
    let body = &bytes[..bytes.len() - 1];
    for (n, line) in body.split(|&b| b == b'\n').enumerate() {
        let line = line
            .strip_suffix(b"\r")
            .unwrap_or_else(|| panic!("line {} does not end in CRLF", n + 1));
        assert!(!line.contains(&b'\r'), "bare CR on line {}", n + 1);
        assert!(
            line.len() <= 75,
            "line {} has {} octets: {:?}",
            n + 1,
            line.len(),
            String::from_utf8_lossy(line)
        );
        // Folding never splits a character: each physical line is UTF-8.
        std::str::from_utf8(line)
            .unwrap_or_else(|_| panic!("line {} is cut inside a character", n + 1));
        assert!(!line.is_empty(), "empty line {}", n + 1);
    }
}

fn prop<'a>(c: &'a icalendar::parser::Component<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{} has no {name}", c.name))
        .val
        .as_str()
}

fn param<'a>(c: &'a icalendar::parser::Component<'a>, name: &str, key: &str) -> Option<&'a str> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key == key)
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str())
}

#[test]
fn the_calendar_is_icalendar_with_folded_crlf_lines() {
    let built = tricky();
    let bytes = std::fs::read(built.path("calendar.ics")).unwrap();
    check_ics_lines(&bytes);
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with(' ')),
        "the long title is folded"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let head: BTreeMap<&str, &str> = cal
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.val.as_str()))
        .collect();
    assert_eq!(head["VERSION"], "2.0");
    assert_eq!(head["CALSCALE"], "GREGORIAN");
    assert!(head["PRODID"].contains("quorum"));

    let by_uid: BTreeMap<&str, &icalendar::parser::Component> =
        cal.components.iter().map(|c| (prop(c, "UID"), c)).collect();
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let todos: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VTODO")
        .collect();
    assert_eq!(events.len(), 4, "one event per meeting");
    assert_eq!(todos.len(), 4, "one to-do per action with a due date");
    for c in &cal.components {
        assert_eq!(prop(c, "DTSTAMP"), "20240301T000000Z", "from `today`");
    }

    let first = by_uid["meeting-2023-11-council@intranet.example"];
    assert_eq!(prop(first, "SUMMARY"), "First meeting <b>bold</b>");
    assert_eq!(prop(first, "DTSTART"), "20231101");
    assert_eq!(param(first, "DTSTART", "VALUE"), Some("DATE"));
    assert_eq!(prop(first, "DTEND"), "20231201", "a month spans the month");
    assert!(prop(first, "DESCRIPTION").contains("only the month: November 2023"));
    assert_eq!(
        prop(first, "URL"),
        format!("{BASE}meetings/2023-11-council/")
    );

    let third = by_uid["meeting-2024-02-council@intranet.example"];
    assert_eq!(
        (prop(third, "DTSTART"), prop(third, "DTEND")),
        ("20240220", "20240221")
    );

    let review = by_uid["meeting-2024-01-review@intranet.example"];
    assert!(
        prop(review, "SUMMARY")
            .starts_with("Review; budget, \"part\\2\" <i>and</i> a title long enough"),
        "{}",
        prop(review, "SUMMARY")
    );
    assert!(prop(review, "SUMMARY").ends_with("李伟 Zoë Müller 李伟 Øresund"));
    assert_eq!(prop(review, "LOCATION"), "Room 1, Building <A>; floor 2");
    let description = prop(review, "DESCRIPTION");
    assert!(
        description.starts_with("Line one; with, punctuation \\ backslash & 1 < 2.\n\n"),
        "{description:?}"
    );

    let done = by_uid["action-2023-11-council-1@intranet.example"];
    assert_eq!(done.name, "VTODO");
    assert_eq!(prop(done, "STATUS"), "COMPLETED");
    assert_eq!(prop(done, "DUE"), "20231215");
    assert_eq!(
        prop(done, "SUMMARY"),
        "Prepare the <draft> budget & circulate it"
    );
    assert!(prop(done, "DESCRIPTION").contains("Owners: 李伟; Nordic Network\n"));
    assert!(
        prop(done, "DESCRIPTION").contains(&format!("Minutes: {BASE}meetings/2023-11-council/"))
    );
    assert_eq!(
        prop(done, "URL"),
        format!("{BASE}actions/2023-11-council-1/")
    );
    assert_eq!(
        prop(done, "RELATED-TO"),
        "meeting-2023-11-council@intranet.example"
    );
    let audit = by_uid["action-audit@intranet.example"];
    assert_eq!(prop(audit, "STATUS"), "NEEDS-ACTION");
    assert_eq!(
        prop(audit, "DUE"),
        "20240131",
        "the due date after the update"
    );
    let formula = by_uid["action-formula@intranet.example"];
    assert_eq!(
        prop(formula, "DUE"),
        "20240531",
        "a month is due on its last day"
    );
    let dropped = by_uid["action-2024-01-review-2@intranet.example"];
    assert_eq!(prop(dropped, "STATUS"), "CANCELLED");
    assert_eq!(
        prop(dropped, "SUMMARY"),
        "-1 from the budget, then +2; see @treasurer"
    );
    for t in &todos {
        assert_file(&built, &file_of(prop(t, "URL")));
    }
}

#[test]
fn the_register_is_csv_with_a_row_per_action() {
    let built = tricky();
    let bytes = std::fs::read(built.path("actions.csv")).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a BOM for Excel");
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "text",
            "owners",
            "meeting title",
            "meeting date",
            "due",
            "status",
            "overdue",
            "topics",
            "url"
        ]
    );
    let rows: Vec<BTreeMap<String, String>> = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 4);
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        rows.iter().map(|r| (r["id"].as_str(), r)).collect();

    let first = by_id["2023-11-council-1"];
    assert_eq!(first["text"], "Prepare the <draft> budget & circulate it");
    assert_eq!(first["owners"], "李伟; Nordic Network");
    assert_eq!(first["meeting title"], "First meeting <b>bold</b>");
    assert_eq!(first["meeting date"], "2023-11");
    assert_eq!(first["due"], "2023-12-15");
    assert_eq!(first["status"], "done");
    assert_eq!(first["overdue"], "no");
    assert_eq!(first["url"], format!("{BASE}actions/2023-11-council-1/"));

    let audit = by_id["audit"];
    assert_eq!(
        (audit["status"].as_str(), audit["overdue"].as_str()),
        ("open", "yes")
    );
    assert_eq!(audit["topics"], "Budget 2024");
    assert_eq!(audit["owners"], "Øresund Council");

    // Cells a spreadsheet would run as formulas are made text.
    let formula = by_id["formula"];
    assert_eq!(
        formula["text"],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(formula["due"], "2024-05");
    let dropped = by_id["2024-01-review-2"];
    assert_eq!(
        dropped["text"],
        "'-1 from the budget, then +2; see @treasurer"
    );
    assert!(
        dropped["meeting title"].starts_with("Review; budget, \"part\\2\""),
        "quotes and commas survive quoting"
    );
    for row in &rows {
        for (column, cell) in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "{column} = {cell:?}"
            );
        }
        assert_file(&built, &file_of(&row["url"]));
    }
}

fn graph(built: &Built) -> serde_json::Value {
    serde_json::from_str(&built.text("graph.json")).expect("valid JSON")
}

fn str_of<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key} in {v}"))
}

#[test]
fn the_graph_links_only_nodes_that_exist() {
    let built = tricky();
    let g = graph(&built);
    assert_eq!(g["version"], 1);
    assert_eq!(g["site"]["base_url"], BASE);
    let nodes = g["nodes"].as_array().unwrap();
    let edges = g["edges"].as_array().unwrap();
    let ids: Vec<&str> = nodes.iter().map(|n| str_of(n, "id")).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "nodes are sorted by id, ids unique");
    let by_id: BTreeMap<&str, &serde_json::Value> =
        nodes.iter().map(|n| (str_of(n, "id"), n)).collect();

    for n in nodes {
        let id = str_of(n, "id");
        let kind = str_of(n, "kind");
        assert!(id.starts_with(&format!("{kind}:")), "{id} is a {kind}");
        let url = str_of(n, "url");
        assert!(!url.starts_with('/') && !url.contains("://"), "{url}");
        assert_file(&built, &local_file(url));
    }
    for e in edges {
        for end in ["source", "target"] {
            let id = str_of(e, end);
            assert!(by_id.contains_key(id), "edge {e} names no node {id}");
        }
    }
    let keys: Vec<(&str, &str, &str)> = edges
        .iter()
        .map(|e| (str_of(e, "source"), str_of(e, "kind"), str_of(e, "target")))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted, "edges are sorted");

    let has = |source: &str, kind: &str, target: &str| keys.contains(&(source, kind, target));
    assert!(has(
        "entity:zoe-muller",
        "chaired",
        "meeting:2023-11-council"
    ));
    assert!(has("entity:li-wei", "attended", "meeting:2023-11-council"));
    assert!(has("entity:li-wei", "owns", "action:2023-11-council-1"));
    assert!(has(
        "entity:oresund-council",
        "parent",
        "entity:nordic-network"
    ));
    assert!(has(
        "entity:zoe-muller",
        "affiliation",
        "entity:oresund-council"
    ));
    assert!(has("topic:budget-2024", "parent", "topic:budget"));
    assert!(has("meeting:2023-11-council", "decided", "action:audit"));
    assert!(has(
        "meeting:2023-11-council",
        "decided",
        "decision:2023-11-council-1"
    ));
    assert!(has("decision:2023-11-council-1", "topic", "topic:budget"));
    assert!(has(
        "meeting:2023-11-council",
        "series-next",
        "meeting:2023-12-council"
    ));
    assert!(has("meeting:2023-11-council", "mentions", "entity:li-wei"));
    assert!(has(
        "meeting:2024-02-council",
        "updates",
        "action:2023-11-council-1"
    ));

    let observer = edges
        .iter()
        .find(|e| e["kind"] == "attended" && e["source"] == "entity:nordic-network")
        .unwrap();
    assert_eq!(observer["role"], "Observer & <guest>");
    let update = edges
        .iter()
        .find(|e| {
            e["kind"] == "updates"
                && e["source"] == "meeting:2024-02-council"
                && e["target"] == "action:2023-11-council-1"
        })
        .unwrap();
    assert_eq!(update["status"], "done");

    let xss = by_id["entity:xss"];
    assert_eq!(xss["title"], "<script>alert('name')</script>");
    assert_eq!(xss["entity_kind"], "other");
    let first = by_id["meeting:2023-11-council"];
    assert_eq!(first["title"], "First meeting <b>bold</b>");
    assert_eq!(first["date"], "2023-11");
    assert_eq!(first["series"], "Council");
    assert_eq!(first["url"], "meetings/2023-11-council/");
    let audit = by_id["action:audit"];
    assert_eq!(
        (&audit["status"], &audit["due"], &audit["overdue"]),
        (&"open".into(), &"2024-01-31".into(), &true.into())
    );
    assert_eq!(
        by_id["decision:2023-11-council-1"]["url"],
        "meetings/2023-11-council/#q-decision-1"
    );
}

/// `(loc, lastmod)` of every URL of a sitemap, read with quick-xml.
fn sitemap_urls(xml: &str) -> Vec<(String, Option<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut urls = Vec::new();
    let mut open: Option<String> = None;
    let mut text = String::new();
    let mut current: (Option<String>, Option<String>) = (None, None);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                open = Some(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => text.push_str(&format!("&{};", r.decode().unwrap())),
            Event::End(e) => {
                let text = quick_xml::escape::unescape(&text).unwrap().into_owned();
                match e.name().as_ref() {
                    b"loc" => current.0 = Some(text),
                    b"lastmod" => current.1 = Some(text),
                    b"url" => {
                        let (loc, lastmod) = std::mem::take(&mut current);
                        urls.push((loc.expect("a url has a loc"), lastmod));
                    }
                    _ => {}
                }
                open = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_none());
    urls
}

#[test]
fn the_sitemap_lists_every_page_and_robots_names_it() {
    let built = tricky();
    let urls = sitemap_urls(&built.text("sitemap.xml"));
    let files: BTreeSet<String> = urls.iter().map(|(loc, _)| file_of(loc)).collect();
    assert_eq!(files.len(), urls.len(), "no page twice");
    let pages: BTreeSet<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html") && f != "404.html")
        .collect();
    assert_eq!(files, pages, "the sitemap is exactly the pages");
    for (loc, _) in &urls {
        assert!(!loc.ends_with("index.html"), "directory form: {loc}");
    }
    let lastmod: BTreeMap<&str, Option<&str>> = urls
        .iter()
        .map(|(l, m)| (l.as_str(), m.as_deref()))
        .collect();
    assert_eq!(
        lastmod[format!("{BASE}meetings/2023-11-council/").as_str()],
        Some("2023-11-01")
    );
    assert_eq!(
        lastmod[format!("{BASE}meetings/2023-12-council/").as_str()],
        Some("2023-12-14")
    );
    assert_eq!(lastmod[format!("{BASE}entities/xss/").as_str()], None);

    let robots = built.text("robots.txt");
    let lines: Vec<&str> = robots.lines().collect();
    assert!(lines.contains(&"User-agent: *"));
    assert!(lines.contains(&"Allow: /"));
    assert!(lines.contains(&format!("Sitemap: {BASE}sitemap.xml").as_str()));
}

#[test]
fn pages_link_the_feed_and_the_calendar() {
    let built = tricky();
    let doc = built.html("entities/xss/index.html");
    let head = |t: &str| {
        let sel = Selector::parse(&format!("head link[rel=alternate][type=\"{t}\"]")).unwrap();
        doc.select(&sel)
            .map(|e| e.value().attr("href").unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(head("application/atom+xml"), ["/minutes/feed.xml"]);
    assert_eq!(head("text/calendar"), ["/minutes/calendar.ics"]);
    let footer = built.hrefs("entities/xss/index.html", "footer a");
    assert!(
        footer.contains(&"/minutes/feed.xml".to_owned()),
        "{footer:?}"
    );
    assert!(
        footer.contains(&"/minutes/calendar.ics".to_owned()),
        "{footer:?}"
    );
    built.check_links();
}

#[test]
fn relative_urls_keep_exports_absolute_and_graph_paths_openable() {
    let site = Site::fixture("tricky");
    let config = std::fs::read_to_string(site.root.join("quorum.yaml")).unwrap();
    site.write("quorum.yaml", &format!("{config}relative_urls: true\n"));
    let built = site.build();
    let doc = built.html("entities/xss/index.html");
    let sel = Selector::parse("head link[type=\"application/atom+xml\"]").unwrap();
    let href = doc
        .select(&sel)
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(href, "../../feed.xml");
    built.check_links();
    let g = graph(&built);
    for n in g["nodes"].as_array().unwrap() {
        let url = str_of(n, "url");
        let path = url.split('#').next().unwrap();
        assert!(path.ends_with(".html"), "{url} names its file");
        assert_file(&built, path);
    }
    for (loc, _) in sitemap_urls(&built.text("sitemap.xml")) {
        assert!(loc.starts_with(BASE) && !loc.ends_with(".html"), "{loc}");
    }
}

#[test]
fn exports_are_byte_identical_from_build_to_build() {
    let site = Site::fixture("tricky").file("content/meetings/2024-01-review.md", HOSTILE);
    let a = site.build_to(&site.root.join("out-a"));
    let b = site.build_to(&site.root.join("out-b"));
    for path in [
        "feed.xml",
        "calendar.ics",
        "actions.csv",
        "graph.json",
        "sitemap.xml",
        "robots.txt",
    ] {
        let (x, y) = (
            std::fs::read(a.path(path)).unwrap(),
            std::fs::read(b.path(path)).unwrap(),
        );
        assert!(x == y, "{path} differs between two builds");
    }
}

#[test]
fn an_empty_site_still_has_valid_exports() {
    let built = Site::empty().build();
    let feed: atom_syndication::Feed = built.text("feed.xml").parse().expect("valid Atom");
    assert!(feed.entries().is_empty());
    assert_eq!(feed.updated().to_rfc3339(), "1970-01-01T00:00:00+00:00");
    let bytes = std::fs::read(built.path("calendar.ics")).unwrap();
    check_ics_lines(&bytes);
    let text = String::from_utf8(bytes).unwrap();
    let cal = icalendar::parser::read_calendar(&text).expect("valid iCalendar");
    assert!(cal.components.is_empty());
    let csv_bytes = std::fs::read(built.path("actions.csv")).unwrap();
    // The csv crate, like spreadsheets, skips the byte order mark.
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "id");
    assert_eq!(reader.headers().unwrap().len(), 10);
    assert_eq!(reader.records().count(), 0);
    let g = graph(&built);
    assert!(g["nodes"].as_array().unwrap().is_empty());
}

#[test]
fn a_static_file_of_the_site_replaces_the_export() {
    let built = Site::fixture("tricky")
        .file("static/robots.txt", "User-agent: *\nDisallow: /\n")
        .build();
    assert_eq!(built.text("robots.txt"), "User-agent: *\nDisallow: /\n");
    assert!(built.exists("sitemap.xml"));
}
