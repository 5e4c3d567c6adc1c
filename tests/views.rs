//! The knowledge views, read back from built sites: timelines, maps and
//! sparklines are well-formed SVG whose every mark links to a page that
//! exists; layouts do not change between builds; the attendance matrix, the
//! changes page, the commitments and the print register say the right
//! things; link previews can be found for every page and stay small.

mod common;

use std::collections::BTreeMap;

use common::{Built, Site};
use quick_xml::Reader;
use quick_xml::events::Event;
use scraper::{ElementRef, Html, Selector};

const SVG_START: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"q-viz";

/// The knowledge views' SVGs of a page, as written.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(SVG_START) {
        let tail = &rest[i..];
        let end = tail.find("</svg>").expect("every svg is closed") + "</svg>".len();
        out.push(&tail[..end]);
        rest = &tail[end..];
    }
    out
}

/// Parses `svg` as XML (panics when it is not well-formed) and returns the
/// `href` of every link, checking that each starts with its `<title>`.
fn links_of(svg: &str) -> Vec<String> {
    let mut reader = Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut links = Vec::new();
    let mut depth = 0;
    let mut awaiting_title = false;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"));
        let (name, attrs) = match &event {
            Event::Start(e) | Event::Empty(e) => (
                String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                e.attributes()
                    .map(|a| {
                        let a = a.expect("attributes parse");
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.decoded_and_normalized_value(
                                quick_xml::XmlVersion::Implicit1_0,
                                reader.decoder(),
                            )
                            .expect("values unescape")
                            .into_owned(),
                        )
                    })
                    .collect::<BTreeMap<_, _>>(),
            ),
            Event::End(_) => {
                depth -= 1;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if awaiting_title {
            assert_eq!(name, "title", "a mark without a <title> first: {svg}");
            awaiting_title = false;
        }
        if name == "a" {
            links.push(attrs.get("href").cloned().expect("every <a> has an href"));
            awaiting_title = true;
        }
        if matches!(event, Event::Start(_)) {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "unbalanced: {svg}");
    links
}

/// Checks every view of every page of `built`; returns how many marks link.
fn check_views(built: &Built) -> usize {
    let mut marks = 0;
    let mut pictures = 0;
    let id = Selector::parse("[id]").unwrap();
    for page in built.files().into_iter().filter(|f| f.ends_with(".html")) {
        let text = built.text(&page);
        for svg in svgs(&text) {
            pictures += 1;
            assert!(svg.len() < 40_000, "{page}: an SVG of {} bytes", svg.len());
            for href in links_of(svg) {
                let (file, fragment) = built
                    .resolve(&page, &href)
                    .unwrap_or_else(|| panic!("{page}: {href} leaves the site"));
                assert!(built.path(&file).is_file(), "{page}: {href} -> no {file}");
                if !fragment.is_empty() {
                    let target = built.html(&file);
                    assert!(
                        target
                            .select(&id)
                            .any(|e| e.value().attr("id") == Some(&fragment)),
                        "{page}: {href} -> no #{fragment} in {file}"
                    );
                }
                marks += 1;
            }
        }
    }
    assert!(pictures > 0, "no picture at all");
    marks
}

#[test]
fn every_picture_is_well_formed_and_every_mark_leads_to_a_page() {
    for site in [Site::fixture("tricky"), Site::sample()] {
        let built = site.build();
        let marks = check_views(&built);
        assert!(marks > 20, "only {marks} marks");
        built.check_links();
    }
}

#[test]
fn pictures_are_on_entity_topic_and_index_pages_and_escape_names() {
    let built = Site::fixture("tricky").build();
    for (page, kinds) in [
        (
            "entities/zoe-muller/index.html",
            &["q-timeline", "q-map"][..],
        ),
        ("topics/budget/index.html", &["q-timeline", "q-map"][..]),
        ("entities/index.html", &["q-spark"][..]),
        ("topics/index.html", &["q-spark"][..]),
        ("map/index.html", &["q-map q-map--site"][..]),
    ] {
        let text = built.text(page);
        let found = svgs(&text);
        for kind in kinds {
            assert!(
                found
                    .iter()
                    .any(|s| s.contains(&format!("class=\"q-viz {kind}"))),
                "{page} has no {kind}"
            );
        }
    }
    // The hostile entity is named in pictures escaped, never as markup.
    let xss = built.text("entities/xss/index.html");
    for svg in svgs(&xss) {
        assert!(!svg.contains("<script"), "{svg}");
    }
    let map = built.text("map/index.html");
    let site_map = svgs(&map)[0];
    assert!(site_map.contains("Budget (topic)"), "{site_map}");
    assert!(
        site_map.contains("Zoë Müller (person) — 3 meetings"),
        "{site_map}"
    );
}

#[test]
fn layouts_are_the_same_on_every_build() {
    let site = Site::fixture("tricky");
    let dir = tempfile::tempdir().unwrap();
    let a = site.build_to(&dir.path().join("a"));
    let b = site.build_to(&dir.path().join("b"));
    let mut compared = 0;
    for file in a.files() {
        let viewed = [
            "entities/",
            "topics/",
            "map/",
            "series/",
            "previews/",
            "changes/",
        ];
        if viewed.iter().any(|p| file.starts_with(p)) {
            assert_eq!(a.text(&file), b.text(&file), "{file} differs");
            compared += 1;
        }
    }
    assert!(compared > 15);
}

/// The text of `e` as a screen reader reads it: what is `aria-hidden` left
/// out, whitespace collapsed.
fn text_of(e: ElementRef) -> String {
    fn gather(e: ElementRef, out: &mut String) {
        for child in e.children() {
            if let Some(text) = child.value().as_text() {
                out.push_str(text);
            } else if let Some(el) = ElementRef::wrap(child)
                && el.value().attr("aria-hidden") != Some("true")
            {
                gather(el, out);
            }
        }
    }
    let mut text = String::new();
    gather(e, &mut text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_attendance_matrix_shows_chair_roles_and_presence() {
    let built = Site::fixture("tricky").build();
    let page = "series/council/index.html";
    let doc = built.html(page);
    let heads = Selector::parse("table.q-attendance thead th.q-attendance__meeting a").unwrap();
    let columns: Vec<String> = doc
        .select(&heads)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        columns,
        [
            "/minutes/meetings/2023-11-council/",
            "/minutes/meetings/2023-12-council/",
            "/minutes/meetings/2024-02-council/"
        ]
    );
    let rows = Selector::parse("table.q-attendance tbody tr").unwrap();
    let who = Selector::parse("th[scope=row]").unwrap();
    let cell = Selector::parse("td.q-att").unwrap();
    let mut matrix: Vec<(String, Vec<String>)> = Vec::new();
    for row in doc.select(&rows) {
        let Some(name) = row.select(&who).next() else {
            continue; // a kind's heading row
        };
        let cells = row
            .select(&cell)
            .map(|c| {
                let kind = c
                    .value()
                    .classes()
                    .find_map(|k| k.strip_prefix("q-att--"))
                    .unwrap()
                    .to_owned();
                format!("{kind}:{}", text_of(c))
            })
            .collect();
        matrix.push((text_of(name), cells));
    }
    assert_eq!(
        matrix,
        [
            (
                // Its only role is its usual one: said once, by the name.
                "Nordic Network Observer & <guest>".to_owned(),
                vec![
                    "present:present".to_owned(),
                    "absent:absent".to_owned(),
                    "absent:absent".to_owned()
                ]
            ),
            ("Zoë Müller".to_owned(), vec!["chair:Chair".to_owned(); 3]),
            ("李伟".to_owned(), vec!["present:present".to_owned(); 3]),
        ]
    );
    // Totals are the ranking's, above the matrix.
    let ranking = built.texts(page, "table.q-ranking tbody tr");
    assert_eq!(
        ranking,
        [
            "1 Zoë Müller 3 of 3 chair 3 100% Nov 2023 – 20 Feb 2024",
            "1 李伟 3 of 3 100% Nov 2023 – 20 Feb 2024",
            "3 Nordic Network Observer & <guest> 1 of 3 33% Nov 2023",
        ]
    );
    // Linked from its meetings and from /meetings/.
    let from_meeting = built.hrefs("meetings/2023-12-council/index.html", ".q-infobox__facts a");
    assert!(from_meeting.contains(&"/minutes/series/council/".to_owned()));
    let from_index = built.hrefs("meetings/index.html", ".q-series-nav a");
    assert_eq!(from_index, ["/minutes/series/council/"]);
    // Its pending actions and decisions.
    let ids = built.texts(
        page,
        "section[aria-labelledby=q-series-actions] .q-action-id",
    );
    assert_eq!(
        ids,
        ["audit"],
        "the budget action is done, the audit overdue"
    );
    let decisions = built.texts(
        page,
        "section[aria-labelledby=q-series-decisions] .q-decision__text",
    );
    assert_eq!(decisions, ["Adopt the agenda <as amended>"]);
}

/// A board of six meetings and a panel of two, with known attendance:
/// Ann chairs twice (once without being listed) and is once a guest
/// speaker; Di joins at the fourth meeting; Cy comes once.
fn attendance_site() -> Site {
    let site = Site::empty();
    for name in ["Ann", "Bo", "Cy", "Di"] {
        site.write(
            &format!("content/entities/{}.md", name.to_lowercase()),
            &format!("---\nname: {name}\nkind: person\n---\n"),
        );
    }
    let board = [
        ("Ann", "[{ ref: Ann, role: Director }, Bo]"),
        ("Ann", "[Bo, Cy]"),
        ("", "[{ ref: Ann, role: Director }, Bo]"),
        ("Bo", "[{ ref: Ann, role: Guest speaker }, Di]"),
        ("", "[{ ref: Ann, role: Director }, Di]"),
        ("", "[Bo, Di]"),
    ];
    for (i, (chair, attendees)) in board.iter().enumerate() {
        let chair = match *chair {
            "" => String::new(),
            c => format!("chair: {c}\n"),
        };
        site.write(
            &format!("content/meetings/board-{}.md", i + 1),
            &format!(
                "---\ntitle: Board {}\ndate: 2023-{:02}-10\nseries: Board\n{chair}attendees: {attendees}\n---\n",
                i + 1,
                i + 1
            ),
        );
    }
    for (i, who) in ["Ann", "Bo"].iter().enumerate() {
        site.write(
            &format!("content/meetings/panel-{}.md", i + 1),
            &format!(
                "---\ntitle: Panel {}\ndate: 2023-{:02}-20\nseries: Panel\nattendees: [{who}]\n---\n",
                i + 1,
                i + 1
            ),
        );
    }
    site
}

#[test]
fn a_series_ranks_who_attended_most_and_a_person_sees_each_series() {
    let built = attendance_site().build();
    let page = "series/board/index.html";
    let doc = built.html(page);
    let rows = Selector::parse("table.q-ranking tbody tr").unwrap();
    let cell = |row: ElementRef, class: &str| {
        let sel = Selector::parse(&format!(".q-ranking__{class}")).unwrap();
        text_of(row.select(&sel).next().unwrap())
    };
    let ranking: Vec<[String; 4]> = doc
        .select(&rows)
        .map(|r| {
            [
                cell(r, "rank"),
                cell(r, "who"),
                cell(r, "count"),
                cell(r, "percent"),
            ]
        })
        .collect();
    // Ann and Bo tie on five (a chair is present), by name; Di joined at
    // the fourth of six meetings and missed none since; Cy came once, to
    // the second, of five since.
    assert_eq!(
        ranking,
        [
            ["1", "Ann Director", "5 of 6 chair 2", "83%"],
            ["1", "Bo", "5 of 6 chair 1", "83%"],
            ["3", "Di", "3 of 3", "100%"],
            ["4", "Cy", "1 of 5", "20%"],
        ]
    );
    // First and last meetings attended, linked.
    let spans = built.hrefs(page, "table.q-ranking td.q-ranking__span a");
    assert_eq!(
        spans,
        [
            "/meetings/board-1/",
            "/meetings/board-5/",
            "/meetings/board-1/",
            "/meetings/board-6/",
            "/meetings/board-4/",
            "/meetings/board-6/",
            "/meetings/board-2/",
        ]
    );
    let widths: Vec<&str> = doc
        .select(&Selector::parse("table.q-ranking .q-share rect").unwrap())
        .filter_map(|r| r.value().attr("width"))
        .collect();
    assert_eq!(widths, ["83", "83", "100", "20"]);

    // The matrix: the usual role once by the name, another role in a tooltip.
    let matrix_rows = Selector::parse("table.q-attendance tbody tr").unwrap();
    let who = Selector::parse("th[scope=row]").unwrap();
    let td = Selector::parse("td.q-att").unwrap();
    let ann = doc
        .select(&matrix_rows)
        .find(|r| {
            r.select(&who)
                .next()
                .is_some_and(|h| text_of(h).starts_with("Ann"))
        })
        .unwrap();
    assert_eq!(text_of(ann.select(&who).next().unwrap()), "Ann Director");
    let cells: Vec<(String, Option<&str>)> = ann
        .select(&td)
        .map(|c| (text_of(c), c.value().attr("title")))
        .collect();
    assert_eq!(
        cells,
        [
            ("Chair".to_owned(), None),
            ("Chair".to_owned(), None),
            ("present".to_owned(), None),
            (
                "present as Guest speaker".to_owned(),
                Some("As Guest speaker")
            ),
            ("present".to_owned(), None),
            ("absent".to_owned(), None),
        ]
    );
    assert!(
        built.texts(page, "td.q-attendance__total").is_empty(),
        "totals are in the ranking"
    );

    // A person's page: each series, most attended first, linked.
    let entity = |slug: &str| {
        built.texts(
            &format!("entities/{slug}/index.html"),
            ".q-series-attendance > li",
        )
    };
    assert_eq!(
        entity("ann"),
        [
            "Board 5 of 6 meetings (83%) · chaired 2 · 2023",
            "Panel 1 of 2 meetings (50%) · 2023",
        ]
    );
    assert_eq!(entity("di"), ["Board 3 of 3 meetings (100%) · 2023"]);
    assert_eq!(
        built.hrefs("entities/ann/index.html", ".q-series-attendance a"),
        ["/series/board/", "/series/panel/"]
    );
}

#[test]
fn the_changes_page_lists_new_actions_progress_and_decisions_newest_first() {
    let built = Site::fixture("tricky").build();
    let page = "changes/index.html";
    let doc = built.html(page);
    let sections = Selector::parse("section.q-change").unwrap();
    let title = Selector::parse("h2 a").unwrap();
    let update = Selector::parse(".q-change-item--update").unwrap();
    let new = Selector::parse(".q-change-item--new .q-action-id").unwrap();
    let decision = Selector::parse(".q-decision__text").unwrap();
    type Change = (String, Vec<String>, Vec<String>, Vec<String>);
    let found: Vec<Change> = doc
        .select(&sections)
        .map(|s| {
            (
                text_of(s.select(&title).next().unwrap()),
                s.select(&new).map(text_of).collect(),
                s.select(&update).map(text_of).collect(),
                s.select(&decision).map(text_of).collect(),
            )
        })
        .collect();
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].0, "Third meeting");
    assert!(found[0].1.is_empty() && found[0].3.is_empty());
    assert_eq!(found[0].2.len(), 2);
    assert!(
        found[0].2[0].starts_with(
            "Prepare the <draft> budget & circulate it 2023-11-council-1 In progress to Done Budget adopted."
        ),
        "{:?}",
        found[0].2
    );
    assert!(
        found[0].2[1].starts_with(
            "Commission an audit. audit status unchanged due June 2024 → 31 January 2024"
        ),
        "{:?}",
        found[0].2
    );
    assert_eq!(found[1].0, "Second meeting");
    assert!(
        found[1].2[0].starts_with(
            "Prepare the <draft> budget & circulate it 2023-11-council-1 Open to In progress Draft <v1> shared"
        ),
        "{:?}",
        found[1].2
    );
    assert_eq!(found[2].0, "First meeting <b>bold</b>");
    assert_eq!(found[2].1, ["2023-11-council-1", "audit"]);
    assert_eq!(found[2].3, ["Adopt the agenda <as amended>"]);
    // Linked from the home page.
    let home = built.hrefs("index.html", ".q-hero__views a");
    assert_eq!(home, ["/minutes/changes/", "/minutes/map/"]);
}

#[test]
fn the_print_register_groups_by_owner_one_page_each() {
    let built = Site::fixture("tricky").build();
    let page = "actions/print/index.html";
    let doc = built.html(page);
    let owners = Selector::parse("section.q-print-owner").unwrap();
    let name = Selector::parse("h2 a").unwrap();
    let group = Selector::parse("table.q-table--register > tbody").unwrap();
    let id = Selector::parse(".q-action-id").unwrap();
    let head = Selector::parse("th[scope=rowgroup]").unwrap();
    let mut found = Vec::new();
    for o in doc.select(&owners) {
        let mut groups = Vec::new();
        for g in o.select(&group) {
            let state = g
                .select(&head)
                .next()
                .unwrap()
                .value()
                .attr("id")
                .unwrap()
                .rsplit('-')
                .next()
                .unwrap()
                .to_owned();
            let ids: Vec<String> = g.select(&id).map(text_of).collect();
            groups.push(format!("{state}:{}", ids.join(",")));
        }
        found.push((text_of(o.select(&name).next().unwrap()), groups));
    }
    // One table per owner; a state without actions has no group.
    assert_eq!(
        found,
        [
            (
                "Nordic Network".to_owned(),
                vec!["done:2023-11-council-1".to_owned()]
            ),
            ("ØC".to_owned(), vec!["overdue:audit".to_owned()]),
            ("李伟".to_owned(), vec!["done:2023-11-council-1".to_owned()]),
        ]
    );
    for o in doc.select(&owners) {
        assert_eq!(o.select(&Selector::parse("table").unwrap()).count(), 1);
    }
    assert!(built.texts(page, ".q-empty").is_empty());
    let css = built.text("assets/quorum.css");
    assert!(css.contains(".q-print-owner + .q-print-owner { break-before: page;"));
    assert_eq!(
        built.hrefs("actions/index.html", "a[href$='actions/print/']"),
        ["/minutes/actions/print/"]
    );
}

#[test]
fn an_entitys_commitments_show_every_group_and_the_last_update() {
    let built = Site::fixture("tricky").build();
    let page = "entities/li-wei/index.html";
    let heads = built.texts(page, "section[aria-labelledby=q-entity-actions] h3");
    assert_eq!(heads, ["Overdue 0", "Open 0", "Done 1", "Dropped 0"]);
    let last = built.texts(
        page,
        "#q-entity-actions-done ~ .q-table-wrap td.q-last-update",
    );
    assert_eq!(last.len(), 1);
    assert!(
        last[0].contains("20 February 2024") && last[0].contains("Done"),
        "{last:?}"
    );
    assert!(last[0].contains("Budget adopted."), "{last:?}");
    let link = built.hrefs(
        page,
        "#q-entity-actions-done ~ .q-table-wrap td.q-last-update a",
    );
    assert_eq!(link, ["/minutes/meetings/2024-02-council/"]);
    // Without actions, the section says so.
    let none = built.texts(
        "entities/zoe-muller/index.html",
        "section[aria-labelledby=q-entity-actions] p.q-empty",
    );
    assert_eq!(none, ["No action is assigned to Zoë Müller."]);
}

/// FNV-1a, 32 bits, as `preview.js` computes it.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn card(built: &Built, kind: &str, slug: &str) -> serde_json::Value {
    let index: serde_json::Value =
        serde_json::from_str(&built.text("previews/index.json")).unwrap();
    let n = index["chunks"][kind].as_u64().unwrap() as u32;
    let chunk: serde_json::Value =
        serde_json::from_str(&built.text(&format!("previews/{kind}-{}.json", fnv1a(slug) % n)))
            .unwrap();
    chunk[slug].clone()
}

#[test]
fn every_page_has_a_preview_where_the_script_looks() {
    let built = Site::fixture("tricky").build();
    for (dir, kind) in [
        ("meetings", "meeting"),
        ("entities", "entity"),
        ("topics", "topic"),
        ("actions", "action"),
    ] {
        for file in built.files() {
            let Some(rest) = file.strip_prefix(&format!("{dir}/")) else {
                continue;
            };
            let Some(slug) = rest.strip_suffix("/index.html") else {
                continue;
            };
            // The printable register; a year's meetings.
            if slug == "print"
                || (dir == "meetings" && slug.len() == 4 && slug.parse::<u16>().is_ok())
            {
                continue;
            }
            let c = card(&built, kind, slug);
            assert!(
                c["t"].is_string() && c["k"].is_string(),
                "{kind} {slug}: {c}"
            );
        }
    }
    let xss = card(&built, "entity", "xss");
    assert_eq!(xss["t"], "<script>alert('name')</script>");
    let audit = card(&built, "action", "audit");
    assert_eq!(audit["k"], "Action · Overdue");
    assert!(
        audit["f"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f[0] == "Due" && f[1] == "31 January 2024")
    );
    // Every page loads the script, deferred, from the site itself.
    let scripts = built.hrefs("index.html", "script[defer]");
    assert!(scripts.is_empty(), "scripts have src, not href");
    let doc = built.html("topics/budget/index.html");
    let script = Selector::parse("script[defer][src]").unwrap();
    let src: Vec<&str> = doc
        .select(&script)
        .filter_map(|s| s.value().attr("src"))
        .collect();
    assert_eq!(src, ["/minutes/assets/preview.js"]);
    assert!(built.exists("assets/preview.js"));
}

/// A site of `n` meetings of two series, with actions, updates and
/// decisions, for what only shows at scale.
fn generated(n: usize) -> Site {
    let mut site = Site::empty().file(
        "quorum.yaml",
        "title: Big\nbase_url: https://example.org/big/\nrelative_urls: true\n",
    );
    let people = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];
    let topics = ["Roads", "Rail", "Budget", "Water", "Schools"];
    for i in 0..n {
        let year = 2000 + i / 40;
        let month = (i / 4) % 10 + 1;
        let day = i % 4 * 7 + 1;
        let who: Vec<&str> = (0..4).map(|k| people[(i + k * 3) % people.len()]).collect();
        let mut text = format!(
            "---\ntitle: Meeting {i}\ndate: {year}-{month:02}-{day:02}\nseries: {}\nchair: {}\nattendees: [{}]\ntopics: [{}, {}]\nactions:\n  - {{ owner: {}, text: Do thing {i}, due: {year}-12-01 }}\ndecisions:\n  - text: Decided {i}\n",
            if i % 2 == 0 { "Board" } else { "Panel" },
            who[0],
            who[1..].join(", "),
            topics[i % 5],
            topics[(i / 5) % 5],
            who[1],
        );
        if i > 0 {
            text.push_str(&format!(
                "updates:\n  - {{ action: m{:04}-1, status: done, note: Done at {i} }}\n",
                i - 1
            ));
        }
        text.push_str("---\nMinutes.\n");
        site.write(&format!("content/meetings/m{i:04}.md"), &text);
    }
    site.overrides.today = Some("2030-01-01".into());
    site
}

#[test]
fn at_scale_pictures_and_previews_stay_small_and_relative_links_hold() {
    let built = generated(400).build();
    // Relative links everywhere: marks resolve from the file system layout.
    check_views(&built);
    let mut largest = 0;
    for file in built.files() {
        if file.starts_with("previews/") {
            largest = largest.max(std::fs::metadata(built.path(&file)).unwrap().len());
        }
    }
    assert!(largest < 32 * 1024, "a preview chunk of {largest} bytes");
    let ann = built.text("entities/ann/index.html");
    let timeline = svgs(&ann)
        .into_iter()
        .find(|s| s.contains("q-timeline"))
        .unwrap();
    assert!(
        timeline.contains("q-viz__bar"),
        "many meetings are counted in bars"
    );
    assert!(timeline.len() < 20_000, "{} bytes", timeline.len());
    let matrix = built.html("series/board/index.html");
    let columns = Selector::parse("th.q-attendance__meeting").unwrap();
    assert_eq!(
        matrix.select(&columns).count(),
        24,
        "the latest 24 meetings"
    );
    let changes = Html::parse_document(&built.text("changes/index.html"));
    let listed = Selector::parse("section.q-change").unwrap();
    assert_eq!(changes.select(&listed).count(), 40);
}

/// The classes of the elements `selector` finds in `scope` that start with
/// `prefix`, the prefix cut off.
fn classes_of(
    scope: ElementRef,
    selector: &str,
    prefix: &str,
) -> std::collections::BTreeSet<String> {
    let selector = Selector::parse(selector).unwrap();
    scope
        .select(&selector)
        .flat_map(|e| e.value().classes())
        .filter_map(|c| c.strip_prefix(prefix).map(str::to_owned))
        .collect()
}

#[test]
fn a_key_lists_the_kinds_its_picture_shows_and_no_other() {
    let figure = Selector::parse("figure.q-viz-figure").unwrap();
    let wide = Selector::parse(".q-viz-wide > svg").unwrap();
    let small = Selector::parse(".q-viz-small > svg").unwrap();
    let mut seen = 0;
    for site in [Site::fixture("tricky"), Site::sample()] {
        let built = site.build();
        for page in built.files().into_iter().filter(|f| f.ends_with(".html")) {
            let html = built.html(&page);
            for f in html.select(&figure) {
                let key = classes_of(f, "figcaption .q-key > *", "");
                let wide = f.select(&wide).next().expect("a wide drawing");
                let small = f.select(&small).next().expect("a phone's drawing");
                let map = wide
                    .value()
                    .has_class("q-map", scraper::CaseSensitivity::CaseSensitive);
                let (shown, on_phone) = if map {
                    let kinds = |svg| {
                        classes_of(svg, "a.q-map__node", "q-map__node--")
                            .into_iter()
                            .filter(|k| k != "centre")
                            .map(|k| format!("q-map__key--{k}"))
                            .collect::<std::collections::BTreeSet<_>>()
                    };
                    (kinds(wide), kinds(small))
                } else {
                    let marks = |svg| {
                        classes_of(svg, "a", "q-viz__mark--")
                            .into_iter()
                            .map(|k| format!("q-viz__mark--{k}"))
                            .collect::<std::collections::BTreeSet<_>>()
                    };
                    (marks(wide), marks(small))
                };
                assert!(!shown.is_empty(), "{page}: an empty picture");
                assert_eq!(key, shown, "{page}: the key is not what the picture shows");
                assert!(
                    on_phone.is_subset(&key),
                    "{page}: {on_phone:?} not in {key:?}"
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 10, "only {seen} pictures");
}
