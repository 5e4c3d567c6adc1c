//! In a real browser: a served page reloads by itself when its file changes,
//! and shows the error overlay while the site is broken; wide tables stay in
//! their scroll boxes on a phone.

mod common;

use common::Site;
use common::browser::Browser;
use common::server::Server;

#[test]
fn a_served_page_reloads_on_save_and_shows_errors_in_an_overlay() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}entities/nordic-network/", server.url));
    tab.wait_for("document.body && document.body.innerText.includes('The umbrella organisation.')");
    // Wait for the live connection, then mark this page: a reload clears the mark.
    tab.wait_for(
        "performance.getEntriesByType('resource').some(e => e.name.includes('__quorum/live.js'))",
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    tab.eval("window.__quorum_mark = 1");

    site.write(
        "content/entities/nordic-network.md",
        "---\nname: Nordic Network\nkind: organization\n---\n\nThe umbrella organisation, as edited on disk.\n",
    );
    tab.wait_for("!window.__quorum_mark && document.body.innerText.includes('as edited on disk')");

    let good =
        std::fs::read_to_string(site.root.join("content/entities/nordic-network.md")).unwrap();
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: [Nordic Network\n---\n",
    );
    tab.wait_for("document.getElementById('q-live-errors')");
    let overlay = tab.eval("document.getElementById('q-live-errors').shadowRoot.textContent");
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains("content/entities/nordic-network.md:2"),
        "{overlay}"
    );
    // The last good page is still shown under the overlay.
    assert_eq!(
        tab.eval("document.body.innerText.includes('as edited on disk')"),
        serde_json::json!(true)
    );

    site.write(
        "content/entities/nordic-network.md",
        &good.replace("as edited on disk", "fixed again"),
    );
    tab.wait_for("!document.getElementById('q-live-errors') && document.body.innerText.includes('fixed again')");
}

/// The centre of the first element matching `selector`, in CSS pixels of the
/// viewport, after scrolling it into view.
fn centre(tab: &mut common::browser::Tab, selector: &str) -> (f64, f64) {
    let r = tab.eval(&format!(
        "(() => {{ const e = document.querySelector({selector:?}); e.scrollIntoView({{block: 'center', behavior: 'instant'}}); \
         const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
    ));
    (r[0].as_f64().unwrap(), r[1].as_f64().unwrap())
}

fn key(tab: &mut common::browser::Tab, name: &str, code: u32) {
    for kind in ["keyDown", "keyUp"] {
        tab.call(
            "Input.dispatchKeyEvent",
            serde_json::json!({ "type": kind, "key": name, "code": name, "windowsVirtualKeyCode": code }),
        );
    }
}

#[test]
fn hovering_or_focusing_a_link_shows_its_preview_card() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}topics/budget/", server.url));
    tab.wait_for("document.getElementById('q-preview')");
    assert_eq!(
        tab.eval("document.getElementById('q-preview').hidden"),
        serde_json::json!(true),
        "no card before anything is hovered"
    );

    // A mouse resting on a link to a person shows that person's card.
    let link = "main a[href$='/entities/zoe-muller/']:not(svg a)";
    tab.call("Page.bringToFront", serde_json::json!({}));
    let (x, y) = centre(&mut tab, link);
    for (dx, dy) in [(-30.0, -30.0), (0.0, 0.0)] {
        tab.call(
            "Input.dispatchMouseEvent",
            serde_json::json!({ "type": "mouseMoved", "x": x + dx, "y": y + dy }),
        );
    }
    tab.wait_for("!document.getElementById('q-preview').hidden");
    let card = tab.eval("document.getElementById('q-preview').innerText");
    let card = card.as_str().unwrap();
    assert!(card.contains("Zoë Müller"), "{card}");
    assert!(card.to_lowercase().contains("person"), "{card}");
    assert_eq!(
        tab.eval(&format!(
            "document.querySelector({link:?}).getAttribute('aria-describedby')"
        )),
        serde_json::json!("q-preview"),
        "the card describes the link it is for"
    );
    // Escape puts it away.
    key(&mut tab, "Escape", 27);
    tab.wait_for("document.getElementById('q-preview').hidden");

    // With the keyboard: tabbing onto a link to a meeting shows its card.
    tab.call(
        "Input.dispatchMouseEvent",
        serde_json::json!({ "type": "mouseMoved", "x": 1, "y": 1 }),
    );
    tab.eval("document.activeElement && document.activeElement.blur()");
    let mut reached = false;
    for _ in 0..200 {
        key(&mut tab, "Tab", 9);
        let here = tab.eval(
            "document.activeElement.closest('svg') ? '' : (document.activeElement.getAttribute('href') || '')",
        );
        if here
            .as_str()
            .unwrap_or("")
            .contains("/meetings/2023-11-council/")
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "no link to the first meeting on the topic page");
    tab.wait_for(
        "!document.getElementById('q-preview').hidden && \
         document.getElementById('q-preview').innerText.includes('First meeting <b>bold</b>')",
    );
    let card = tab.eval("document.getElementById('q-preview').innerText");
    assert!(
        card.as_str().unwrap().to_lowercase().contains("meeting"),
        "{card}"
    );
}

#[test]
fn an_entity_page_is_photographed_in_light_dark_and_print() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::sample();
    let server = Server::start(&site.root, &[]);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let mut tab = browser.open(&format!("{}entities/desa/", server.url));
    tab.wait_for("document.readyState === 'complete' && document.querySelector('svg.q-timeline')");
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
    );
    for (name, media) in [
        (
            "light",
            serde_json::json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": "light" }] }),
        ),
        (
            "dark",
            serde_json::json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        ),
        (
            "print",
            serde_json::json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "light" }] }),
        ),
    ] {
        tab.call("Emulation.setEmulatedMedia", media);
        // The theme answers: the page background follows the colour scheme.
        let background = tab.eval("getComputedStyle(document.body).backgroundColor");
        let path = dir.join(format!("entity-{name}.png"));
        tab.screenshot(&path);
        let png = std::fs::read(&path).unwrap();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{name}: {} bytes",
            png.len()
        );
        if name == "dark" {
            assert_ne!(
                background,
                serde_json::json!("rgb(255, 255, 255)"),
                "dark mode keeps a white page"
            );
        }
    }
}

/// A series of 40 meetings of 30 people with roles, some long, and a few
/// meetings where someone comes in another role.
fn big_series() -> Site {
    let site = Site::empty();
    let roles = [
        "Member",
        "Observer",
        "Treasurer",
        "Representative of the regional commissions and of their partners in the field",
    ];
    for i in 0..40 {
        let attendees: Vec<String> = (0..6)
            .map(|k| {
                let p = (i * 7 + k * 5) % 30;
                let role = roles[(p + usize::from(i % 9 == 0)) % roles.len()];
                format!("{{ ref: Person {p:02}, role: {role} }}")
            })
            .collect();
        site.write(
            &format!("content/meetings/m{i:02}.md"),
            &format!(
                "---\ntitle: Board meeting {i}\ndate: {}-{:02}-15\nseries: Board of a very long name that goes on\nchair: Person {:02}\nattendees: [{}]\n---\n",
                2000 + i / 12,
                i % 12 + 1,
                i % 5,
                attendees.join(", ")
            ),
        );
    }
    site
}

#[test]
fn attendance_pages_do_not_scroll_sideways_on_a_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = big_series();
    let server = Server::start(&site.root, &[]);
    for path in [
        "series/board-of-a-very-long-name-that-goes-on/",
        "entities/person-03/",
    ] {
        let mut tab = browser.open(&format!("{}{path}", server.url));
        tab.wait_for("document.readyState === 'complete' && document.querySelector('h1')");
        for width in [390, 1280] {
            tab.call(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500 }),
            );
            let w = tab.eval(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            );
            assert!(
                w[0].as_u64() <= w[1].as_u64(),
                "{path} at {width} px: {w} (scroll width, view width)"
            );
        }
    }
}
