//! What a reader meets on a phone and on a desktop, in a real browser: no
//! page of the sample or of a site of 400 real-shaped meetings scrolls
//! sideways at 390 px. Pictures of the main kinds of page, at 1280 and
//! 390 px, light and dark, go to `target/screenshots/` (skipped without
//! Chromium, unless QUORUM_REQUIRE_BROWSER=1).

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::Built;
use common::browser::{Browser, Tab};
use common::server::Server;
use serde_json::{Value, json};

/// A phone: the width of many, and a screen's height.
const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 800);

/// Opens `url` in `tab` and waits for it to be loaded.
fn visit(tab: &mut Tab, url: &str) {
    tab.call("Page.navigate", json!({ "url": url }));
    let href = serde_json::to_string(url).unwrap();
    tab.wait_for(&format!(
        "location.href === {href} && document.readyState === 'complete'"
    ));
}

fn screen(tab: &mut Tab, (width, height): (u32, u32)) {
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    );
}

fn scheme(tab: &mut Tab, dark: bool) {
    let value = if dark { "dark" } else { "light" };
    tab.call(
        "Emulation.setEmulatedMedia",
        json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": value }] }),
    );
}

/// Every HTML page of a built site, as a path from its root.
fn pages(built: &Built) -> Vec<String> {
    built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| f.trim_end_matches("index.html").to_owned())
        .collect()
}

/// Where the pictures go: `target/screenshots/`.
fn screenshots() -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

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
    screen(&mut tab, PHONE);
    let all = pages(&built);
    assert!(!all.is_empty());
    let mut wide = Vec::new();
    for page in &all {
        visit(&mut tab, &format!("{}{page}", server.url));
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

/// The pages the pictures are of: home, a meeting, an entity and a topic.
fn main_pages(built: &Built, entity: &str, topic: &str) -> Vec<(&'static str, String)> {
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
    ]
}

/// Photographs the main pages of `site` at 1280 and 390 px, light and dark,
/// as `target/screenshots/reader-<name>-<page>-<width>-<scheme>.png`.
fn photograph(browser: &Browser, site: &common::Site, name: &str, entity: &str, topic: &str) {
    let built = site.build();
    let server = Server::start(&site.root, &[]);
    let dir = screenshots();
    let mut tab = browser.open("about:blank");
    for (page, path) in main_pages(&built, entity, topic) {
        for size in [DESKTOP, PHONE] {
            screen(&mut tab, size);
            visit(&mut tab, &format!("{}{path}", server.url));
            for dark in [false, true] {
                scheme(&mut tab, dark);
                let file = dir.join(format!(
                    "reader-{name}-{page}-{}-{}.png",
                    size.0,
                    if dark { "dark" } else { "light" }
                ));
                tab.screenshot(&file);
            }
            scheme(&mut tab, false);
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
