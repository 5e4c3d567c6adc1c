//! The theme read right to left, in a real browser: with `dir="rtl"` on
//! `<html>` the page mirrors (the brand at the right of the header, a
//! meeting's box of facts at its left, breadcrumbs and lists starting at the
//! right) while the pictures drawn at build time keep their own geometry as
//! docs/i18n-rtl.md says, and no page scrolls sideways on a phone. Pictures
//! of the main kinds of page of the sample and of the `steering` fixture, at
//! 1280 and 390 px, light and dark, left to right and right to left, go to
//! `target/screenshots/rtl-<site>-<page>-<width>-<scheme>-<dir>.png`
//! (skipped without Chromium, unless QUORUM_REQUIRE_BROWSER=1).

mod common;

use common::browser::{Browser, Tab};
use common::server::Server;
use serde_json::{Value, json};

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 800);

/// The numbers (left edges, in CSS pixels) `expression` gives in the tab.
fn left_edges(tab: &mut Tab, expression: &str) -> Vec<f64> {
    let found = tab.eval(expression);
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

/// Turns the open page right to left, as a site in Arabic is.
fn right_to_left(tab: &mut Tab) {
    tab.eval(
        "document.documentElement.dir = 'rtl'; document.documentElement.lang = 'ar'; \
         new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))",
    );
}

/// The main kinds of page of a site: (name, path).
fn pages(
    meeting: &str,
    entity: &str,
    topic: &str,
    action: &str,
    year: &str,
    word: &str,
) -> Vec<(String, String)> {
    vec![
        ("home".into(), String::new()),
        ("meeting".into(), format!("meetings/{meeting}/")),
        ("entity".into(), format!("entities/{entity}/")),
        ("topic".into(), format!("topics/{topic}/")),
        ("action".into(), format!("actions/{action}/")),
        ("actions".into(), "actions/".into()),
        ("year".into(), format!("meetings/{year}/")),
        ("meetings".into(), "meetings/".into()),
        ("map".into(), "map/".into()),
        (
            "search".into(),
            format!("search/?q={}", common::query_value(word)),
        ),
    ]
}

/// Called with the screen's width: how far the page reaches past either
/// edge outside a scroll box (`null` when it does not).
const SIDEWAYS: &str = r#"((limit) => {
  const held = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  let worst = null, by = 0.5;
  for (const el of document.body.querySelectorAll('*')) {
    if (held(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const past = Math.max(r.right - limit, -r.left);
    if (past > by) { worst = el; by = past; }
  }
  if (!worst) return null;
  return worst.tagName.toLowerCase() + [...worst.classList].map(c => '.' + c).join('') + ' by ' + Math.round(by) + ' px';
})"#;

/// Photographs `pages` of `site` at both sizes, light and dark, left to
/// right and right to left; returns what reached past the screen's edge on
/// a phone, right to left.
fn photograph(
    browser: &Browser,
    site: &common::Site,
    name: &str,
    pages: &[(String, String)],
) -> Vec<String> {
    site.build();
    let server = Server::start(&site.root, &[]);
    let dir = common::browser::screenshots();
    let mut tab = browser.open("about:blank");
    // Pictures of one width whether or not the page has a scroll bar, so
    // two runs can be compared pixel by pixel.
    tab.call("Emulation.setScrollbarsHidden", json!({ "hidden": true }));
    let mut wide = Vec::new();
    for (page, path) in pages {
        for size in [DESKTOP, PHONE] {
            tab.screen(size);
            for rtl in [false, true] {
                tab.visit(&format!("{}{path}", server.url));
                if page == "search" {
                    tab.wait_for("document.querySelector('.q-search-result')");
                }
                if rtl {
                    right_to_left(&mut tab);
                    if size == PHONE {
                        let past = tab.eval(&format!("({SIDEWAYS})({})", size.0));
                        if let Value::String(what) = past {
                            wide.push(format!("{name} {page}: {what}"));
                        }
                    }
                }
                for dark in [false, true] {
                    tab.scheme(dark);
                    let file = dir.join(format!(
                        "rtl-{name}-{page}-{}-{}-{}.png",
                        size.0,
                        if dark { "dark" } else { "light" },
                        if rtl { "rtl" } else { "ltr" },
                    ));
                    tab.screenshot(&file);
                }
                tab.scheme(false);
            }
        }
    }
    wide
}

#[test]
fn the_main_pages_are_photographed_both_ways() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let mut wide = photograph(
        &browser,
        &common::Site::sample(),
        "sample",
        &pages(
            "ecesa-principals-2006-07",
            "jose-antonio-ocampo",
            "international-migration",
            "migration-regional-dimensions",
            "2006",
            "migration",
        ),
    );
    wide.extend(photograph(
        &browser,
        &common::Site::fixture("steering"),
        "steering",
        &pages(
            "tsc-2021-06-23",
            "marta-kowalczyk",
            "governance",
            "disclosure-timeline",
            "2021",
            "charter",
        ),
    ));
    assert!(
        wide.is_empty(),
        "reaches past the screen:\n{}",
        wide.join("\n")
    );
}

/// Where `selector`'s box is: `[left, right]`.
fn span(tab: &mut Tab, selector: &str) -> (f64, f64) {
    let sel = serde_json::to_string(selector).unwrap();
    let r = tab.eval(&format!(
        "(() => {{ const r = document.querySelector({sel}).getBoundingClientRect(); return [r.left, r.right]; }})()"
    ));
    (r[0].as_f64().unwrap(), r[1].as_f64().unwrap())
}

#[test]
fn right_to_left_the_page_mirrors() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = common::Site::fixture("steering");
    site.build();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.screen(DESKTOP);
    let width = f64::from(DESKTOP.0);

    tab.visit(&format!("{}meetings/tsc-2021-06-23/", server.url));
    let brand = span(&mut tab, ".q-brand");
    let minutes = span(&mut tab, ".q-minutes");
    let aside = span(&mut tab, ".q-meeting__aside");
    assert!(
        brand.0 < width / 2.0 && aside.0 > minutes.1,
        "left to right: {brand:?} {minutes:?} {aside:?}"
    );

    right_to_left(&mut tab);
    let brand = span(&mut tab, ".q-brand");
    let minutes = span(&mut tab, ".q-minutes");
    let aside = span(&mut tab, ".q-meeting__aside");
    assert!(
        brand.1 > width / 2.0,
        "the brand starts at the right: {brand:?}"
    );
    assert!(
        aside.1 < minutes.0,
        "the box of facts is left of the minutes: {aside:?} {minutes:?}"
    );

    tab.visit(&format!("{}topics/charter-and-membership/", server.url));
    right_to_left(&mut tab);
    let lefts = left_edges(
        &mut tab,
        "[...document.querySelectorAll('.q-breadcrumb li')].map(li => li.getBoundingClientRect().left)",
    );
    assert!(
        lefts.len() > 1 && lefts.windows(2).all(|w| w[0] > w[1]),
        "breadcrumbs run right to left: {lefts:?}"
    );

    // A picture drawn at build time keeps its own left-to-right geometry;
    // the page around it mirrors.
    tab.visit(&format!("{}entities/marta-kowalczyk/", server.url));
    right_to_left(&mut tab);
    let direction = tab.eval("getComputedStyle(document.querySelector('.q-viz')).direction");
    assert_eq!(direction, json!("ltr"));
    // Time runs right to left: the first year's label is at the right.
    let lefts = left_edges(
        &mut tab,
        "[...document.querySelectorAll('svg.q-timeline:not(.q-viz--small) .q-viz__axis text')]\
         .map(t => t.getBoundingClientRect().left)",
    );
    assert!(
        lefts.len() > 1 && lefts.windows(2).all(|w| w[0] > w[1]),
        "years run right to left: {lefts:?}"
    );
}

#[test]
fn the_sites_in_french_arabic_and_chinese_build_without_warnings() {
    for (name, person, slug) in [
        ("french", "Élise Bérubé", "elise-berube"),
        ("arabic", "ليلى حداد", "layla-haddad"),
        ("chinese", "李伟", "li-wei"),
    ] {
        let built = common::Site::fixture(name).build();
        assert!(built.warnings.is_empty(), "{name}: {:?}", built.warnings);
        let meetings = built
            .files()
            .into_iter()
            .filter(|f| f.starts_with("meetings/") && f.matches('/').count() == 2)
            .filter(|f| !f[9..13].chars().all(|c| c.is_ascii_digit()))
            .count();
        assert_eq!(meetings, 5, "{name}");
        let title = built.texts(&format!("entities/{slug}/index.html"), "h1");
        assert_eq!(title, [person], "{name}");
        built.check_links();
    }
}

#[test]
fn the_arabic_site_is_photographed_right_to_left() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let wide = photograph(
        &browser,
        &common::Site::fixture("arabic"),
        "arabic",
        &pages(
            "rcc-2025-02-19",
            "layla-haddad",
            "water",
            "rapid-assessment",
            "2025",
            "التصحر",
        ),
    );
    assert!(
        wide.is_empty(),
        "reaches past the screen:\n{}",
        wide.join("\n")
    );
}

#[test]
fn right_to_left_a_link_s_preview_lines_up_with_its_start() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = common::Site::fixture("arabic");
    site.build();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.screen(DESKTOP);
    tab.visit(&format!("{}meetings/rcc-2025-02-19/", server.url));
    tab.wait_for("document.getElementById('q-preview')");
    right_to_left(&mut tab);
    tab.call("Page.bringToFront", json!({}));
    let link = "main .q-prose a[href$='/entities/thomas-berger/']";
    tab.eval(&format!("document.querySelector({link:?}).focus()"));
    tab.wait_for("!document.getElementById('q-preview').hidden");
    let r = tab.eval(&format!(
        "(() => {{ const a = document.querySelector({link:?}).getBoundingClientRect(), \
         c = document.getElementById('q-preview').getBoundingClientRect(); \
         return [a.right, c.right, c.left]; }})()"
    ));
    let (link_right, card_right, card_left) = (
        r[0].as_f64().unwrap(),
        r[1].as_f64().unwrap(),
        r[2].as_f64().unwrap(),
    );
    assert!(
        (link_right - card_right).abs() < 1.0 && card_left >= 8.0,
        "the card's right edge {card_right} is the link's {link_right}"
    );
}
