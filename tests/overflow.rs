//! What a reader meets on a phone and on a desktop, in a real browser: no
//! page of the sample or of a site of 400 real-shaped meetings scrolls
//! sideways at 390 px; the header is one row at both sizes, and its menus
//! work with the keyboard and without a script. Pictures of the main kinds of page, at 1280 and
//! 390 px, light and dark, go to `target/screenshots/` (skipped without
//! Chromium, unless QUORUM_REQUIRE_BROWSER=1).

mod common;

use std::collections::BTreeMap;

use common::Built;
use common::browser::{Browser, Tab};
use common::server::Server;
use serde_json::{Value, json};

/// A phone: the width of many, and a screen's height.
const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 800);

/// Called with the screen's width: `null` when the page is no wider; else how wide it is
/// and the element that reaches furthest right outside any scroll box.
const WIDEST: &str = r#"((limit) => {
  const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (width <= limit) return null;
  const held = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map(c => '.' + c).join('');
  const path = el => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(name(e));
    return parts.slice(-4).join(' > ');
  };
  let worst = null, right = limit;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > right + 0.5 && !held(el)) { worst = el; right = r.right; }
  }
  return {
    width, limit, right: Math.round(right),
    element: worst ? path(worst) : '(none found)',
    text: worst ? (worst.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 70) : '',
  };
})"#;

/// Opens every page of `site` at 390 px; returns the pages wider than the
/// screen, each with its widest element.
fn sideways(browser: &Browser, site: &common::Site) -> Vec<(String, Value)> {
    let built = site.build();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.screen(PHONE);
    let all = built.pages();
    assert!(!all.is_empty());
    let mut wide = Vec::new();
    for page in &all {
        tab.visit(&format!("{}{page}", server.url));
        let found = tab.eval(&format!("{WIDEST}({})", PHONE.0));
        if !found.is_null() {
            wide.push((page.clone(), found));
        }
    }
    wide
}

/// The report of [`sideways`]: the elements at fault, how many pages each
/// widens, and the first pages.
fn report(name: &str, wide: &[(String, Value)]) -> String {
    let mut by_element: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (page, found) in wide {
        by_element
            .entry(found["element"].as_str().unwrap_or("?").to_owned())
            .or_default()
            .push(format!(
                "{page} ({} px; reaches {} px: {:?})",
                found["width"], found["right"], found["text"]
            ));
    }
    let mut out = format!("{name}: {} pages scroll sideways at 390 px\n", wide.len());
    for (element, list) in &by_element {
        out.push_str(&format!("  {element}: {} pages, e.g.\n", list.len()));
        for line in list.iter().take(3) {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}

/// A URL of 120 characters, and a word of 60 letters.
const URL: &str = "https://intranet.example.org/documents/2006/ecesa/principals/meetings/follow-up-of-the-world-summit-outcome/annex-ii.pdf";
const WORD: &str = "Interdepartmentalcoordinationandcoherenceofthesecretariatunits";

/// The sample with a meeting whose every field runs long: URLs and unbroken
/// words in its title, summary, decisions, actions, documents, topics and
/// people, a wide table, a long line of code.
fn long_words() -> common::Site {
    let site = common::Site::sample();
    site.write(
        "content/meetings/2006/long-words.md",
        &format!(
            "---\ntitle: Follow-up of {URL}\ndate: 2006-09-14\nseries: ECESA Principals\n\
             location: {WORD}\nchair: José Antonio Ocampo\nattendees:\n  - {{ ref: {WORD} Person, role: {URL} }}\n\
             topics: [\"{WORD}\", UN reform]\nsummary: \"See {URL} for the annex.\"\n\
             documents:\n  - {{ title: {URL}, url: \"{URL}\" }}\n\
             actions:\n  - {{ id: {}, owner: DESA, text: \"Publish {URL} and {WORD}\", due: 2006-10-01 }}\n\
             decisions:\n  - {{ text: \"Agreed on {URL}; `{WORD}{WORD}`\", topics: [\"{WORD}\"] }}\n\
             updates:\n  - {{ action: ecosoc-round-table-notes, status: in-progress, note: \"Draft at {URL}\" }}\n---\n\
             ## {WORD}\n\nThe annex is at {URL} and <{URL}?with=a&query=string>; `{WORD}{WORD}`.\n\n\
             | Entity | Budget | Staff | Offices | Programmes | Projects | Partners | Notes |\n\
             | --- | --- | --- | --- | --- | --- | --- | --- |\n\
             | DESA | 1,234,567 | 1,234 | New York, Geneva | 42 | 1,337 | 99 | {URL} |\n\n\
             ```\n{URL} {URL}\n```\n\n- {WORD} [[DESA]] {URL}\n",
            "a".repeat(70)
        ),
    );
    site
}

#[test]
fn no_page_with_long_words_scrolls_sideways_on_a_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let wide = sideways(&browser, &long_words());
    assert!(wide.is_empty(), "{}", report("long words", &wide));
}

#[test]
fn no_page_of_the_sample_scrolls_sideways_on_a_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let wide = sideways(&browser, &common::Site::sample());
    assert!(wide.is_empty(), "{}", report("the sample", &wide));
}

#[test]
fn no_page_of_400_meetings_scrolls_sideways_on_a_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let mut big = common::corpus::messy_site(400);
    big.overrides.today = None;
    let wide = sideways(&browser, &big);
    assert!(wide.is_empty(), "{}", report("400 meetings", &wide));
}

/// The pages the pictures are of: home, a meeting, an entity, a topic, the
/// meetings' index and the latest year's meetings.
fn main_pages(built: &Built, entity: &str, topic: &str) -> Vec<(&'static str, String)> {
    let year = built
        .files()
        .into_iter()
        .filter_map(|f| {
            let year = f.strip_prefix("meetings/")?.strip_suffix("/index.html")?;
            (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then(|| year.to_owned())
        })
        .max()
        .expect("a year of meetings");
    let meeting = built
        .files()
        .into_iter()
        .filter(|f| f.starts_with("meetings/") && f.matches('/').count() == 2)
        .filter(|f| !f[9..13].chars().all(|c| c.is_ascii_digit()) || f.len() > 25)
        .max()
        .expect("a meeting")
        .trim_end_matches("index.html")
        .to_owned();
    vec![
        ("home", String::new()),
        ("meeting", meeting),
        ("entity", format!("entities/{entity}/")),
        ("topic", format!("topics/{topic}/")),
        ("meetings", "meetings/".to_owned()),
        ("year", format!("meetings/{year}/")),
    ]
}

/// Photographs the main pages of `site` at 1280 and 390 px, light and dark,
/// as `target/screenshots/reader-<name>-<page>-<width>-<scheme>.png`.
fn photograph(browser: &Browser, site: &common::Site, name: &str, entity: &str, topic: &str) {
    let built = site.build();
    let server = Server::start(&site.root, &[]);
    let dir = common::browser::screenshots();
    let mut tab = browser.open("about:blank");
    for (page, path) in main_pages(&built, entity, topic) {
        for size in [DESKTOP, PHONE] {
            tab.screen(size);
            tab.visit(&format!("{}{path}", server.url));
            for dark in [false, true] {
                tab.scheme(dark);
                let file = dir.join(format!(
                    "reader-{name}-{page}-{}-{}.png",
                    size.0,
                    if dark { "dark" } else { "light" }
                ));
                tab.screenshot(&file);
            }
            tab.scheme(false);
        }
    }
}

#[test]
fn the_main_pages_are_photographed_at_two_sizes() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    photograph(
        &browser,
        &common::Site::sample(),
        "sample",
        "jose-antonio-ocampo",
        "international-migration",
    );
    let mut big = common::corpus::messy_site(400);
    big.overrides.today = None;
    photograph(&browser, &big, "400", "aabbott", "release-plan");
}

/// Clicks the middle of the element `selector` with the mouse.
fn click(tab: &mut Tab, selector: &str) {
    let sel = serde_json::to_string(selector).unwrap();
    let at = tab.eval(&format!(
        "(() => {{ const r = document.querySelector({sel}).getBoundingClientRect(); \
         return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
    ));
    let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
    for kind in ["mousePressed", "mouseReleased"] {
        tab.call(
            "Input.dispatchMouseEvent",
            json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
        );
    }
}

/// The box of each element `selector` as `[left, top, right, bottom]`
/// (`null` when it is not shown, as in a closed `<details>`).
fn boxes(tab: &mut Tab, selector: &str) -> Value {
    let sel = serde_json::to_string(selector).unwrap();
    tab.eval(&format!(
        "[...document.querySelectorAll({sel})].map(e => {{ const r = e.getBoundingClientRect(); \
         return r.width && e.checkVisibility() ? [r.left, r.top, r.right, r.bottom] : null; }})"
    ))
}

fn shown(tab: &mut Tab, selector: &str) -> usize {
    boxes(tab, selector)
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| !b.is_null())
        .count()
}

/// Tabs through the page until `selector` has the focus.
fn tab_to(tab: &mut Tab, selector: &str) {
    let sel = serde_json::to_string(selector).unwrap();
    for _ in 0..30 {
        tab.key("Tab", 9, None);
        if tab.eval(&format!(
            "document.activeElement === document.querySelector({sel})"
        )) == json!(true)
        {
            return;
        }
    }
    panic!("Tab never reaches {selector}");
}

#[test]
fn the_header_is_one_row_on_a_desktop_with_the_free_pages_under_more() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = common::Site::sample();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.screen(DESKTOP);
    tab.visit(&format!("{}meetings/", server.url));
    // Brand, navigation and search box share one row; the box is on the right.
    let header = boxes(&mut tab, ".q-header")[0].clone();
    let height = header[3].as_f64().unwrap() - header[1].as_f64().unwrap();
    assert!(height < 70.0, "the header is {height} px tall");
    let row: Vec<Value> = [".q-brand", ".q-nav", ".q-search"]
        .iter()
        .map(|s| boxes(&mut tab, s)[0].clone())
        .collect();
    for b in &row {
        assert!(!b.is_null(), "{row:?}");
        assert!(
            b[3].as_f64().unwrap() <= header[3].as_f64().unwrap(),
            "{row:?}"
        );
    }
    let width = tab
        .eval("document.documentElement.clientWidth")
        .as_f64()
        .unwrap();
    assert!(
        row[2][2].as_f64().unwrap() > width - 80.0
            && row[2][0].as_f64().unwrap() > row[1][2].as_f64().unwrap(),
        "the search box is not on the right: {row:?}"
    );
    assert_eq!(shown(&mut tab, ".q-menu"), 0, "no menu button on a desktop");
    assert_eq!(
        tab.eval("document.querySelector('.q-nav a[aria-current=page]').textContent"),
        json!("Meetings")
    );
    // The two free pages are under "More", closed until asked.
    assert_eq!(shown(&mut tab, ".q-nav .q-dropdown__list a"), 0);
    click(&mut tab, ".q-dropdown__button");
    assert_eq!(shown(&mut tab, ".q-nav .q-dropdown__list a"), 2);
    // A click elsewhere closes it; so does Escape, which gives the focus back.
    click(&mut tab, "h1");
    assert_eq!(shown(&mut tab, ".q-nav .q-dropdown__list a"), 0);
    tab_to(&mut tab, ".q-dropdown__button");
    assert_eq!(
        tab.eval("getComputedStyle(document.activeElement).outlineStyle"),
        json!("solid"),
        "a focus ring"
    );
    tab.key("Enter", 13, Some("\r"));
    assert_eq!(shown(&mut tab, ".q-nav .q-dropdown__list a"), 2);
    tab.key("Tab", 9, None);
    tab.key("Escape", 27, None);
    assert_eq!(shown(&mut tab, ".q-nav .q-dropdown__list a"), 0);
    assert_eq!(
        tab.eval("document.activeElement.classList.contains('q-dropdown__button')"),
        json!(true)
    );
    // "/" goes to the search box, unless typed in a field.
    tab.key("/", 191, Some("/"));
    assert_eq!(tab.eval("document.activeElement.id"), json!("q-search-box"));
    tab.key("/", 191, Some("/"));
    assert_eq!(
        tab.eval("document.getElementById('q-search-box').value"),
        json!("/")
    );
    // On a free page, "More" says the page is there.
    tab.visit(&format!("{}pages/about/", server.url));
    assert_eq!(
        tab.eval(
            "[document.querySelector('.q-dropdown__button').classList.contains('q-dropdown__button--current'), \
             document.querySelector('.q-dropdown__list a[aria-current=page]').textContent]"
        ),
        json!([true, "About these minutes"])
    );
}

#[test]
fn the_header_is_one_short_row_on_a_phone_and_its_menu_needs_no_script() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = common::Site::sample();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.screen(PHONE);
    tab.call(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    tab.visit(&format!("{}topics/", server.url));
    let header = boxes(&mut tab, ".q-header")[0].clone();
    let height = header[3].as_f64().unwrap() - header[1].as_f64().unwrap();
    assert!(height <= 64.0, "the header is {height} px tall on a phone");
    assert_eq!(shown(&mut tab, ".q-nav"), 0);
    assert_eq!(shown(&mut tab, ".q-header .q-search"), 0);
    for part in [".q-brand", ".q-search-link", ".q-menu__button"] {
        assert_eq!(shown(&mut tab, part), 1, "{part}");
    }
    assert_eq!(
        tab.eval("document.querySelector('.q-search-link').getAttribute('href')"),
        json!("/search/")
    );
    // The menu opens without a script and lists every section and page.
    assert_eq!(shown(&mut tab, ".q-menu__list a"), 0);
    click(&mut tab, ".q-menu__button");
    assert_eq!(shown(&mut tab, ".q-menu__list a"), 7);
    assert_eq!(
        tab.eval("document.querySelector('.q-menu__list a[aria-current=page]').textContent"),
        json!("Topics")
    );
    let panel = boxes(&mut tab, ".q-menu__panel")[0].clone();
    assert!(
        panel[0].as_f64().unwrap() >= 0.0 && panel[2].as_f64().unwrap() <= f64::from(PHONE.0),
        "{panel}"
    );
    click(&mut tab, ".q-menu__button");
    assert_eq!(shown(&mut tab, ".q-menu__list a"), 0);
    // With the script, Escape closes it too.
    tab.call(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    );
    tab.visit(&format!("{}topics/", server.url));
    tab_to(&mut tab, ".q-menu__button");
    tab.key(" ", 32, Some(" "));
    assert_eq!(shown(&mut tab, ".q-menu__list a"), 7);
    tab.key("Escape", 27, None);
    assert_eq!(shown(&mut tab, ".q-menu__list a"), 0);
}

/// What the pictures of the page look like: for each figure, how many of
/// its drawings are shown, where the one shown stands, its smallest text
/// as rendered (px), how many texts stand outside the screen, and where
/// the latest year of a timeline's axis and its latest mark end.
const PICTURES: &str = r#"(() => [...document.querySelectorAll('figure.q-viz-figure')].map(f => {
  const shown = [...f.querySelectorAll('svg.q-viz')].filter(s => s.checkVisibility());
  const svg = shown[0];
  if (!svg) return { shown: 0 };
  const r = svg.getBoundingClientRect();
  const scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')];
  const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
  const outside = texts.filter(t => {
    const b = t.getBoundingClientRect();
    return b.left < -0.5 || b.right > innerWidth + 0.5;
  }).map(t => t.textContent);
  const years = [...svg.querySelectorAll('.q-viz__axis text')]
    .filter(t => /^\d{4}$/.test(t.textContent))
    .map(t => [+t.textContent, t.getBoundingClientRect().right]);
  const marks = [...svg.querySelectorAll('a')].map(a => a.getBoundingClientRect().right);
  return {
    shown: shown.length, timeline: svg.classList.contains('q-timeline'),
    left: r.left, right: r.right, smallest, outside,
    last_year: years.sort((a, b) => a[0] - b[0]).pop() || null,
    last_mark: Math.max(...marks),
  };
}))()"#;

/// Checks the pictures of `page` at `size`: one drawing of each shown,
/// within the screen, its text no smaller than 11 px, and a timeline's
/// latest year and latest mark in sight without scrolling. Returns how
/// many timelines there were.
fn check_pictures(tab: &mut Tab, url: &str, size: (u32, u32)) -> usize {
    tab.screen(size);
    tab.visit(url);
    let found = tab.eval(PICTURES);
    let figures = found.as_array().unwrap();
    assert!(!figures.is_empty(), "{url}: no picture");
    let width = f64::from(size.0);
    let mut timelines = 0;
    for f in figures {
        let at = format!("{url} at {} px: {f}", size.0);
        assert_eq!(f["shown"], json!(1), "{at}");
        let num = |k: &str| f[k].as_f64().unwrap();
        assert!(num("left") >= 0.0 && num("right") <= width, "{at}");
        assert!(num("smallest") >= 10.95, "{at}");
        assert_eq!(f["outside"], json!([]), "{at}");
        if f["timeline"] == json!(true) {
            timelines += 1;
            let year = f["last_year"][1].as_f64().expect("a labelled year");
            assert!(year <= width && num("last_mark") <= width, "{at}");
        }
    }
    let page = tab.eval(&format!("{WIDEST}({})", size.0));
    assert!(page.is_null() || size.0 > 600, "{url}: {page}");
    timelines
}

#[test]
fn pictures_fit_a_phone_with_their_latest_year_in_sight() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let mut big = common::corpus::messy_site(400);
    big.overrides.today = None;
    for (site, pages) in [
        (
            common::Site::sample(),
            ["entities/jose-antonio-ocampo/", "topics/funding/", "map/"],
        ),
        (big, ["entities/aabbott/", "topics/release-plan/", "map/"]),
    ] {
        let _built = site.build();
        let server = Server::start(&site.root, &[]);
        let mut tab = browser.open("about:blank");
        for page in pages {
            let url = format!("{}{page}", server.url);
            let phone = check_pictures(&mut tab, &url, PHONE);
            let desktop = check_pictures(&mut tab, &url, DESKTOP);
            // Tablets: the narrowest screens that show a wide drawing (the
            // site map's is wider).
            for size in [(800, 1024), (1024, 768)] {
                assert_eq!(check_pictures(&mut tab, &url, size), phone);
            }
            assert_eq!(phone, desktop);
            assert_eq!(phone, usize::from(page != "map/"), "{url}");
        }
    }
}
