//! Pages a reader can use at real size: `/meetings/` is an index of the
//! years with the latest year's meetings, each year has a page of its own
//! with a row per meeting, and actions are titled by their text. The browser
//! test builds a site of 400 real-shaped meetings, measures the pages and
//! photographs them.

mod common;

use common::Site;
use common::browser::{Browser, Tab};
use common::server::Server;
use scraper::{Html, Selector};

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

#[test]
fn a_meeting_slug_of_four_digits_is_an_error_that_says_so() {
    let site = Site::empty()
        .file(
            "content/meetings/2019.md",
            "---\ntitle: Board\ndate: 2019-06-12\n---\nThe board met.\n",
        )
        .file(
            "content/meetings/board-2019.md",
            "---\ntitle: Board again\ndate: 2019-07-10\n---\nIt met again.\n",
        );
    let errors = site.build_errors();
    let d = common::find(&errors, "is a year");
    assert_eq!(d.path, std::path::Path::new("content/meetings/2019.md"));
    assert_eq!((d.line, d.column), (1, 1));
    assert_eq!(
        d.message,
        "the meeting's slug `2019` is a year: its page would take the address of the page of 2019's meetings, meetings/2019/"
    );
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("rename `2019.md`") && help.contains("`2019-06-12.md`"),
        "{help}"
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    // Slugs that only start with a year, or have more digits, are meetings.
    let fine = Site::empty()
        .file(
            "content/meetings/2019-06.md",
            "---\ntitle: June\ndate: 2019-06-12\n---\n",
        )
        .file(
            "content/meetings/20190.md",
            "---\ntitle: Odd\ndate: 2019-07-10\n---\n",
        )
        .build();
    assert!(fine.exists("meetings/2019-06/index.html"));
    assert!(fine.exists("meetings/20190/index.html"));
    assert!(fine.exists("meetings/2019/index.html"));
}

#[test]
fn meetings_are_indexed_by_year_with_a_page_for_each() {
    let built = Site::fixture("tricky").build();
    let index = built.html("meetings/index.html");
    // The years, newest first, each keeping the anchor old links use.
    assert_eq!(
        attrs(&index, ".q-years__item", "id"),
        ["q-year-2024", "q-year-2023"]
    );
    assert_eq!(
        attrs(&index, "#q-year-2023 a", "href"),
        ["/minutes/meetings/2023/"]
    );
    assert_eq!(
        texts(&index, ".q-years__item .q-years__count"),
        ["1 meeting", "2 meetings"]
    );
    assert_eq!(
        texts(&index, ".q-years__item .q-years__outcome"),
        ["0 actions · 0 decisions", "2 actions · 1 decision"]
    );
    // The latest year's meetings are listed; the others are a link away.
    assert_eq!(texts(&index, ".q-year-list__title"), ["Third meeting"]);
    assert_eq!(
        attrs(&index, ".q-series-nav a", "href"),
        ["/minutes/series/council/"]
    );

    let year = built.html("meetings/2023/index.html");
    assert_eq!(texts(&year, "h1"), ["Meetings in 2023"]);
    assert_eq!(
        texts(&year, ".q-year-list__title"),
        ["Second meeting", "First meeting <b>bold</b>"],
        "newest first, titles escaped"
    );
    assert_eq!(
        texts(&year, ".q-year-list__date"),
        ["14 Dec", "Nov"],
        "a month-only date shows its month"
    );
    assert_eq!(
        texts(&year, ".q-year-list__meta"),
        ["Council", "Council 2 actions · 1 decision"]
    );
    assert_eq!(texts(&year, ".q-year-list__summary").len(), 2);
    assert_eq!(
        texts(&year, ".q-years-nav a[aria-current=page]"),
        ["2023 2"]
    );
    assert_eq!(
        attrs(&year, ".q-pager a", "href"),
        ["/minutes/meetings/2024/"]
    );
    assert_eq!(texts(&year, ".q-nav a[aria-current]"), ["Meetings"]);
    // Back to the index lands on the year's own tile.
    assert_eq!(
        attrs(&year, ".q-breadcrumb a", "href"),
        ["/minutes/meetings/#q-year-2023"]
    );
    assert!(built.exists("meetings/2024/index.html"));
    assert!(!built.exists("meetings/2022/index.html"));

    // The sitemap has every year's page.
    let sitemap = built.text("sitemap.xml");
    for y in ["2023", "2024"] {
        assert!(
            sitemap.contains(&format!(
                "<loc>https://intranet.example/minutes/meetings/{y}/</loc>"
            )),
            "{sitemap}"
        );
    }
    assert!(built.check_links() > 100);
}

#[test]
fn year_pages_link_at_the_root_and_relatively() {
    let mut root = Site::fixture("tricky");
    root.overrides.base_url = Some("http://127.0.0.1:1111/".into());
    let built = root.build();
    assert_eq!(
        built.hrefs("meetings/index.html", "#q-year-2023 a"),
        ["/meetings/2023/"]
    );
    built.check_links();

    let rel = Site::fixture("tricky");
    rel.write(
        "quorum.yaml",
        "title: Tricky\nbase_url: https://intranet.example/minutes/\nrelative_urls: true\n",
    );
    let built = rel.build();
    assert_eq!(
        built.hrefs("meetings/index.html", "#q-year-2023 a"),
        ["../meetings/2023/index.html"]
    );
    let from_year = built.hrefs("meetings/2023/index.html", ".q-year-list__title a");
    assert_eq!(
        from_year,
        [
            "../../meetings/2023-12-council/index.html",
            "../../meetings/2023-11-council/index.html"
        ]
    );
    assert_eq!(
        built.hrefs("meetings/2023/index.html", ".q-breadcrumb a"),
        ["../../meetings/index.html#q-year-2023"]
    );
    built.check_links();
}

#[test]
fn actions_are_titled_by_their_text_with_the_id_beside() {
    let built = Site::fixture("tricky").build();
    let page = built.html("actions/audit/index.html");
    assert_eq!(texts(&page, "h1"), ["Commission an audit."]);
    assert_eq!(texts(&page, ".q-kicker .q-action-id"), ["audit"]);
    assert_eq!(
        texts(&page, "title"),
        ["Commission an audit. · Action audit · Tricky <Committee> & Co"]
    );
    let escaped = built.html("actions/2023-11-council-1/index.html");
    assert_eq!(
        texts(&escaped, "h1"),
        ["Prepare the <draft> budget & circulate it"]
    );
    // The register: the text leads each row and links to the action.
    let register = built.html("actions/index.html");
    let first = Selector::parse(".q-table--actions tbody tr td:first-child").unwrap();
    let cells: Vec<String> = register
        .select(&first)
        .map(|c| c.text().collect::<String>())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        cells,
        [
            "Commission an audit. audit",
            "Prepare the <draft> budget & circulate it 2023-11-council-1"
        ]
    );
    assert_eq!(
        attrs(&register, ".q-cell-action a.q-action-title", "href"),
        [
            "/minutes/actions/audit/",
            "/minutes/actions/2023-11-council-1/"
        ]
    );
    // Cards: the meeting's, the changes', the home page's.
    let meeting = built.html("meetings/2023-11-council/index.html");
    assert_eq!(
        texts(&meeting, "#q-action-1 .q-action-item__title"),
        ["1. Prepare the <draft> budget & circulate it"]
    );
    assert_eq!(
        texts(&meeting, "#q-action-1 .q-action-item__head .q-action-id"),
        ["2023-11-council-1"]
    );
    let changes = built.html("changes/index.html");
    assert!(
        texts(&changes, ".q-change-item--update .q-action-title")
            .contains(&"Commission an audit.".to_owned())
    );
    let home = built.html("index.html");
    assert_eq!(
        texts(&home, ".q-urgent__list .q-action-title"),
        ["Commission an audit."]
    );
}

/// A meeting deciding `actions` (id, due date or none, status).
fn one_meeting(actions: &[(&str, Option<&str>, &str)]) -> Site {
    let mut front = String::from("---\ntitle: Board\ndate: 2024-01-10\nactions:\n");
    for (id, due, status) in actions {
        front.push_str(&format!(
            "  - {{ id: {id}, owner: Ann, text: Do {id}, status: {status}{} }}\n",
            due.map(|d| format!(", due: {d}")).unwrap_or_default()
        ));
    }
    front.push_str("---\n");
    Site::empty().file("content/meetings/board.md", &front)
}

#[test]
fn the_home_page_shows_the_most_urgent_actions_only() {
    let site = one_meeting(&[
        ("long-overdue", Some("2023-01-31"), "open"),
        ("overdue", Some("2024-02-10"), "in-progress"),
        ("next-week", Some("2024-03-08"), "open"),
        ("tomorrow", Some("2024-03-02"), "open"),
        ("no-date", None, "open"),
        ("next-year", Some("2025-01-01"), "open"),
        ("done", Some("2023-05-01"), "done"),
        ("dropped", None, "dropped"),
    ]);
    let built = site.build();
    let home = built.html("index.html");
    assert_eq!(
        texts(&home, ".q-urgent__list .q-action-id"),
        [
            "overdue",
            "long-overdue",
            "tomorrow",
            "next-week",
            "next-year"
        ],
        "overdue first, the most recently due first; then the soonest due"
    );
    assert_eq!(
        texts(&home, ".q-urgent__lede"),
        [
            "The 5 most urgent of 6 pending actions (2 overdue as of 1 March 2024): overdue first, then the soonest due."
        ]
    );
    assert_eq!(
        built.hrefs("index.html", ".q-urgent > p:last-child a"),
        ["/actions/", "/actions/#q-actions-overdue"]
    );
    built.check_links();
}

fn viewport(tab: &mut Tab, width: u32, scheme: &str) {
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": width, "height": SCREEN, "deviceScaleFactor": 1, "mobile": width < 500 }),
    );
    tab.call(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    );
}

/// Loads `url` in `tab` and waits for the new page. (One tab for all: each
/// page of `serve` holds a connection open for live reload, and a browser
/// opens only six to one host.)
fn goto(tab: &mut Tab, url: &str) {
    tab.eval("window.__quorum_old = 1");
    tab.call("Page.navigate", serde_json::json!({ "url": url }));
    tab.wait_for("!window.__quorum_old && document.readyState === 'complete' && document.querySelector('h1')");
}

/// The height of a screen, in CSS pixels.
const SCREEN: u32 = 800;

#[test]
fn the_meetings_of_a_400_meeting_site_fit_a_reader_s_screens() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = common::corpus::messy_site(400);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"));
    command
        .args(["serve", "--port", "0", "--today", "2025-06-30", "--root"])
        .arg(&site.root);
    let server = Server::spawn(command);
    let dir = common::browser::screenshots();

    // The action of the home page's first card, to photograph its page too.
    let mut tab = browser.open(&server.url);
    tab.wait_for("document.readyState === 'complete' && document.querySelector('.q-action-title')");
    let action =
        tab.eval("document.querySelector('.q-urgent__list .q-action-title').getAttribute('href')");
    let action = action.as_str().unwrap().trim_start_matches('/').to_owned();
    // Its id is its meeting's slug and its number there.
    let meeting = action
        .trim_start_matches("actions/")
        .trim_end_matches('/')
        .rsplit_once('-')
        .map(|(m, _)| format!("meetings/{m}/"))
        .unwrap();
    let pages = [
        ("home", String::new()),
        ("meetings", "meetings/".to_owned()),
        ("year", "meetings/2019/".to_owned()),
        ("action", action),
        ("meeting", meeting),
    ];
    for (name, path) in &pages {
        goto(&mut tab, &format!("{}{path}", server.url));
        for width in [1280, 390] {
            for scheme in ["light", "dark"] {
                viewport(&mut tab, width, scheme);
                let w = tab.eval(
                    "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                );
                assert!(
                    w[0].as_u64() <= w[1].as_u64(),
                    "{name} at {width} px scrolls sideways: {w} (scroll width, view width)"
                );
                tab.screenshot(&dir.join(format!("years-{name}-{width}-{scheme}.png")));
            }
            if *name == "meetings" || *name == "year" {
                let height = tab.eval("document.documentElement.scrollHeight");
                let height = height.as_u64().unwrap();
                let limit = u64::from(if width == 1280 { 15 } else { 30 } * SCREEN);
                assert!(
                    height < limit,
                    "{name} at {width} px is {height} px tall (limit {limit})"
                );
                eprintln!("{name} at {width} px: {height} px tall");
            }
        }
    }

    // A year's rows: each summary on one line.
    goto(&mut tab, &format!("{}meetings/2019/", server.url));
    viewport(&mut tab, 1280, "light");
    let rows = tab.eval(
        "(() => { const s = [...document.querySelectorAll('.q-year-list__summary')]; \
         return [s.length, Math.max(...s.map(e => e.getBoundingClientRect().height)), \
         parseFloat(getComputedStyle(s[0]).lineHeight) || 20]; })()",
    );
    assert!(rows[0].as_u64().unwrap() >= 20, "{rows}");
    assert!(
        rows[1].as_f64().unwrap() <= rows[2].as_f64().unwrap() * 1.5,
        "a summary takes one line: {rows}"
    );

    // An old link to a year's section lands on its tile, which leads to its page.
    goto(&mut tab, &format!("{}meetings/#q-year-2019", server.url));
    tab.wait_for("document.querySelector(':target')");
    let target = tab.eval(
        "[document.querySelector(':target').id, document.querySelector(':target a').getAttribute('href'), \
         Math.round(document.querySelector(':target').getBoundingClientRect().top)]",
    );
    assert_eq!(target[0], "q-year-2019");
    assert_eq!(target[1], "/meetings/2019/");
    assert!(
        (0..i64::from(SCREEN)).contains(&target[2].as_i64().unwrap()),
        "the tile is in view: {target}"
    );
}
