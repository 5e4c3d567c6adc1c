//! What a reader meets at real size, in a real browser: every page of the
//! sample and of a site of 400 real-shaped meetings is opened at 1280 px,
//! and none may run past the rule of thumb of fifteen screens; on a
//! meeting's page the minutes start on the first screen. Pictures of the
//! main kinds of page go to `target/screenshots/` (skipped without Chromium,
//! unless QUORUM_REQUIRE_BROWSER=1).

mod common;

use common::browser::{Browser, Tab};
use common::server::Server;
use serde_json::json;

/// The height of a screen at 1280 px, and how many of them a page may take.
const SCREEN: f64 = 800.0;
const SCREENS: f64 = 15.0;

fn screen(tab: &mut Tab, width: u32, height: u32, mobile: bool) {
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
    );
}

/// Checks every page of `site` as served: its height, and where the minutes
/// start on a meeting's page. Returns the server for more looks.
fn check_every_page(browser: &Browser, site: &common::Site, name: &str) -> Server {
    let built = site.build();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    screen(&mut tab, 1280, SCREEN as u32, false);
    let mut too_tall = Vec::new();
    let mut minutes_late = Vec::new();
    let all = built.pages();
    assert!(!all.is_empty());
    for page in &all {
        // The register meant for paper runs as long as the register is.
        if page.starts_with("actions/print") {
            continue;
        }
        let started = std::time::Instant::now();
        tab.visit(&format!("{}{page}", server.url));
        if std::env::var_os("QUORUM_TRACE").is_some() {
            eprintln!("{page}: {:?}", started.elapsed());
        }
        let height = tab
            .eval("document.documentElement.scrollHeight")
            .as_f64()
            .unwrap();
        if height > SCREEN * SCREENS {
            too_tall.push(format!("{page}: {height} px"));
        }
        let minutes = tab.eval(
            "(() => { const p = document.querySelector('.minutes > :not(h2):not(h3)'); \
             return p ? p.getBoundingClientRect().top : null })()",
        );
        if let Some(top) = minutes.as_f64()
            && top > SCREEN
        {
            minutes_late.push(format!("{page}: the minutes start at {top} px"));
        }
    }
    assert!(
        too_tall.is_empty(),
        "{name}: pages over {SCREENS} screens:\n{}",
        too_tall.join("\n")
    );
    assert!(
        minutes_late.is_empty(),
        "{name}: minutes below the first screen:\n{}",
        minutes_late.join("\n")
    );
    server
}

#[test]
fn no_page_runs_past_fifteen_screens_and_the_minutes_come_first() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    check_every_page(&browser, &common::Site::sample(), "the sample");
    let mut big = common::corpus::messy_site(400);
    big.overrides.today = None;
    check_every_page(&browser, &big, "400 meetings");
}
