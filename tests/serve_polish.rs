//! `quorum serve` polish: `kill` and a closed terminal clean up as Ctrl-C
//! does (and `build --watch` stops without leaving a staging folder); the
//! error overlay reads well in the light and the dark scheme; and a
//! browser with many tabs of the preview open shares one reload stream
//! between them, so that every tab loads.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;
use common::browser::{Browser, Tab};
use common::server::Server;

#[test]
fn sigterm_and_sighup_stop_the_server_and_remove_its_folder() {
    for (signal, name) in [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
    ] {
        let site = Site::fixture("tricky");
        let mut server = Server::start(&site.root, &[]);
        let events = server.events();
        assert!(server.dir.is_dir(), "{name}: the preview's folder is there");
        let status = server
            .signal(signal, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("the server ends on {name} while a page listens"));
        assert_eq!(status.code(), Some(0), "{name}: {status:?}");
        assert!(
            !server.dir.exists(),
            "{name}: the preview's folder is removed"
        );
        assert!(events.quiet(Duration::from_millis(100)), "{name}");
    }
}

#[test]
fn a_signal_during_the_first_build_still_removes_the_folder() {
    // A site big enough that its first build takes a moment.
    let site = Site::fixture("tricky");
    for i in 0..300 {
        site.write(
            &format!("content/meetings/bulk/m{i:03}.md"),
            &format!(
                "---\ntitle: Meeting {i}\ndate: 2023-{:02}-{:02}\n---\n\nThe Nordic Network met. {}\n",
                1 + i % 12,
                1 + i % 28,
                "Words of the minutes. ".repeat(200)
            ),
        );
    }
    let mut child = Server::command(&site.root, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The folder is made before the first build: wait for it, then stop.
    let prefix = format!("quorum-serve-{}-", child.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    let dir = loop {
        let found = std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(&prefix));
        if let Some(e) = found {
            break e.path();
        }
        assert!(Instant::now() < deadline, "serve made no folder");
        std::thread::sleep(Duration::from_millis(5));
    };
    // SAFETY: kill(2) on our own child, not yet reaped.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = wait(&mut child, Duration::from_secs(60)).expect("serve ends");
    assert_eq!(status.code(), Some(0), "{status:?}");
    assert!(!dir.exists(), "{} is removed", dir.display());
}

/// Waits up to `limit` for `child` to end.
fn wait(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

/// What `build --watch` leaves beside and inside its output folder, other
/// than the site: quorum's staging folders.
fn staging(site: &Site) -> Vec<String> {
    let mut left = Vec::new();
    for dir in [site.root.clone(), site.root.join("public")] {
        for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains("staging") || name.starts_with(".quorum-") && name != ".quorum-output"
            {
                left.push(format!("{}/{name}", dir.display()));
            }
        }
    }
    left.retain(|n| !n.ends_with(".quorum.lock"));
    left
}

#[test]
fn build_watch_stops_on_sigterm_and_sighup_and_leaves_nothing_behind() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let site = Site::fixture("tricky");
        let mut child = Command::new(env!("CARGO_BIN_EXE_quorum"))
            .args(["build", "--watch", "--today", "2024-03-01", "--root"])
            .arg(&site.root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let watching = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.starts_with("watching"));
        assert!(watching, "build --watch says it watches");
        // A save starts a build; the signal comes while it may be running.
        site.write(
            "content/meetings/2024-02-council.md",
            &std::fs::read_to_string(site.root.join("content/meetings/2024-02-council.md"))
                .unwrap()
                .replace("---\n\n", "---\n\nA line more.\n\n"),
        );
        std::thread::sleep(Duration::from_millis(150));
        // SAFETY: kill(2) on our own child, not yet reaped.
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
        let status = wait(&mut child, Duration::from_secs(30)).expect("build --watch ends");
        assert_eq!(status.code(), Some(0), "signal {signal}: {status:?}");
        assert!(
            site.root.join("public/index.html").is_file(),
            "the site stays"
        );
        assert_eq!(staging(&site), Vec::<String>::new(), "signal {signal}");
    }
}

/// The relative luminance of a CSS `rgb()`/`rgba()` colour, and its alpha.
fn luminance(css: &str) -> (f64, f64) {
    let inner = css
        .split_once('(')
        .and_then(|(_, r)| r.strip_suffix(')'))
        .unwrap_or_else(|| panic!("not an rgb() colour: {css}"));
    let parts: Vec<f64> = inner
        .split(',')
        .map(|p| p.trim().parse().unwrap())
        .collect();
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(parts[0]) + 0.7152 * channel(parts[1]) + 0.0722 * channel(parts[2]);
    (l, parts.get(3).copied().unwrap_or(1.0))
}

/// The WCAG contrast ratio of two opaque colours.
fn contrast(a: &str, b: &str) -> f64 {
    let (la, _) = luminance(a);
    let (lb, _) = luminance(b);
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn scheme(scheme: &str) -> serde_json::Value {
    serde_json::json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": scheme }] })
}

#[test]
fn the_error_overlay_reads_well_in_the_light_and_the_dark_scheme() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}entities/nordic-network/", server.url));
    tab.wait_for("document.body && document.body.innerText.includes('The umbrella organisation.')");
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1100, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    );
    // A page whose own styles would make any text in it unreadable, as the
    // theme's `pre` once did to the overlay.
    tab.eval(
        "const s = document.createElement('style'); s.id = 'hostile'; s.textContent = \
         'div, p, pre, button { color: #fff4f4 !important; background: #fff4f4 !important; \
         font: 30px serif !important; display: none !important }'; \
         document.head.appendChild(s); 1",
    );
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: [Nordic Network\n---\n",
    );
    tab.wait_for("document.getElementById('q-live-errors')");
    let dir = common::browser::screenshots();
    let mut backgrounds = Vec::new();
    for name in ["light", "dark"] {
        tab.call("Emulation.setEmulatedMedia", scheme(name));
        let seen = tab.eval(
            "(() => { const host = document.getElementById('q-live-errors'); \
             const root = host.shadowRoot; if (!root) return null; \
             const box = root.querySelector('.q-live'); const style = e => getComputedStyle(e); \
             const r = box.getBoundingClientRect(); \
             return { background: style(box).backgroundColor, \
               page: getComputedStyle(document.body).backgroundColor, \
               visible: r.height > 40 && r.bottom <= innerHeight + 1 && r.width >= innerWidth - 20, \
               on_top: document.elementFromPoint(r.left + 30, r.bottom - 10) === host, \
               text: [...root.querySelectorAll('p, pre, button')].map(e => ({ \
                 tag: e.tagName, color: style(e).color, background: style(e).backgroundColor, \
                 font: style(e).fontFamily, size: style(e).fontSize, display: style(e).display, \
                 text: e.textContent })) }; })()",
        );
        assert!(seen.is_object(), "{name}: the overlay has a shadow root");
        let background = seen["background"].as_str().unwrap().to_owned();
        assert_eq!(
            luminance(&background).1,
            1.0,
            "{name}: opaque, {background}"
        );
        assert_eq!(seen["visible"], serde_json::json!(true), "{name}: {seen}");
        assert_eq!(seen["on_top"], serde_json::json!(true), "{name}: {seen}");
        let text = seen["text"].as_array().unwrap();
        assert_eq!(
            text.iter()
                .map(|t| t["tag"].as_str().unwrap())
                .collect::<Vec<_>>(),
            ["P", "PRE", "BUTTON"],
            "{name}"
        );
        assert!(
            text[1]["text"]
                .as_str()
                .unwrap()
                .contains("content/entities/nordic-network.md:2"),
            "{name}: {seen}"
        );
        for t in text {
            let ratio = contrast(t["color"].as_str().unwrap(), &background);
            assert!(ratio >= 4.5, "{name}: {t} on {background}: {ratio:.2}");
            assert_ne!(t["display"], "none", "{name}: the page's CSS reached {t}");
            assert_ne!(t["size"], "30px", "{name}: the page's CSS reached {t}");
            assert!(
                !t["font"].as_str().unwrap().starts_with("serif"),
                "{name}: the page's CSS reached {t}"
            );
        }
        // The error text has no box of its own, the theme's or the page's.
        assert_eq!(text[1]["background"], "rgba(0, 0, 0, 0)", "{name}");
        assert!(
            text[1]["font"].as_str().unwrap().contains("monospace"),
            "{name}: {seen}"
        );
        backgrounds.push((background, seen["page"].clone()));
        tab.eval("document.getElementById('hostile').disabled = true");
        tab.screenshot(&dir.join(format!("overlay-{name}.png")));
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
        );
        tab.screenshot(&dir.join(format!("overlay-{name}-phone.png")));
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1100, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
        );
        tab.eval("document.getElementById('hostile').disabled = false");
    }
    // The overlay follows the scheme (light on light, dark on dark).
    assert!(luminance(&backgrounds[0].0).0 > 0.5, "{backgrounds:?}");
    assert!(luminance(&backgrounds[1].0).0 < 0.1, "{backgrounds:?}");
    // Hide takes it away.
    tab.eval(
        "document.getElementById('q-live-errors').shadowRoot.querySelector('button').click(); 1",
    );
    tab.wait_for("!document.getElementById('q-live-errors')");
}

/// How many event streams the server holds open, this probe's included.
fn streams(server: &Server) -> usize {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent
        .get(format!("{}__quorum/events", server.url))
        .call()
        .unwrap();
    response
        .headers()
        .get("x-quorum-streams")
        .expect("the stream says how many are open")
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// Opens `url` in a new tab that first runs `before` in each page it loads.
fn open(browser: &Browser, url: &str, before: &str) -> Tab {
    let mut tab = browser.open("about:blank");
    tab.call(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": before }),
    );
    tab.call("Page.navigate", serde_json::json!({ "url": url }));
    tab
}

/// Opens `count` tabs of one page, each `before` what the page runs; checks
/// that every tab shows a failed rebuild and reloads after the next save,
/// and returns how many streams the server held while the tabs listened.
fn tabs_follow_saves(count: usize, before: &str) -> usize {
    let browser = Browser::launch().unwrap();
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let url = format!("{}entities/nordic-network/", server.url);
    let mut tabs: Vec<Tab> = (0..count).map(|_| open(&browser, &url, before)).collect();
    for tab in &mut tabs {
        tab.wait_for("document.readyState === 'complete' && document.body.innerText.includes('The umbrella organisation.')");
        tab.eval("window.__quorum_mark = 1");
    }
    // Every tab hears a failed rebuild, also one that began to listen late:
    // the status it is told on arrival is the failure.
    let good =
        std::fs::read_to_string(site.root.join("content/entities/nordic-network.md")).unwrap();
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: [Nordic Network\n---\n",
    );
    for tab in &mut tabs {
        tab.wait_for("document.getElementById('q-live-errors')");
    }
    let held = streams(&server);
    // And every tab reloads after the fix.
    site.write(
        "content/entities/nordic-network.md",
        &good.replace(
            "The umbrella organisation.",
            "The umbrella organisation, fixed.",
        ),
    );
    for tab in &mut tabs {
        tab.wait_for(
            "!window.__quorum_mark && !document.getElementById('q-live-errors') \
             && document.body.innerText.includes('organisation, fixed')",
        );
    }
    // And again after the next save, once the tabs have reloaded.
    for tab in &mut tabs {
        tab.eval("window.__quorum_mark = 1");
    }
    std::thread::sleep(Duration::from_millis(500));
    site.write(
        "content/entities/nordic-network.md",
        &good.replace(
            "The umbrella organisation.",
            "The umbrella organisation, again.",
        ),
    );
    for tab in &mut tabs {
        tab.wait_for(
            "!window.__quorum_mark && document.body.innerText.includes('organisation, again')",
        );
    }
    held - 1
}

#[test]
fn more_tabs_than_a_browser_opens_connections_share_one_reload_stream() {
    if Browser::launch().is_none() {
        return;
    }
    // Chromium opens six connections to one server: eight tabs that each
    // held a stream would leave the last ones without a page.
    let held = tabs_follow_saves(8, "");
    assert_eq!(held, 1, "eight tabs, one stream (a shared worker's)");
    // Without shared workers, the tab holding the lock keeps the stream.
    let held = tabs_follow_saves(8, "delete window.SharedWorker;");
    assert_eq!(held, 1, "eight tabs, one stream (a tab's)");
    // Without either, each page keeps a stream of its own, as few as they are.
    let held = tabs_follow_saves(
        3,
        "delete window.SharedWorker; delete window.BroadcastChannel;",
    );
    assert_eq!(held, 3, "three tabs, three streams");
}
