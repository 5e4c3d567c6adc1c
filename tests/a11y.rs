//! Accessibility in a real browser: axe-core finds nothing on any page of the
//! sample site or of a site of 400 real-shaped meetings, in the light and the
//! dark colour scheme; the link preview stays while the pointer is on it and
//! covers neither its link nor the search result it describes; focus rings,
//! input borders and task boxes stand out from their background; topic chips
//! look like the links they are; the search page without JavaScript says
//! what it needs and shows no control that cannot work.
//!
//! axe-core comes from npm (`tests/axe/package.json`): `.ci/run` installs it
//! with `npm ci --prefix tests/axe`. Without it, or without Chromium, these
//! tests say they were skipped, unless `QUORUM_REQUIRE_BROWSER=1`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::Site;
use common::browser::{Browser, Tab};
use common::server::Server;
use serde_json::{Value, json};

/// axe-core's script, or `None` (with a note) when `npm ci` has not run.
fn axe_source() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/axe/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            assert!(
                std::env::var("QUORUM_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "QUORUM_REQUIRE_BROWSER=1 but {} cannot be read ({e}): run `npm ci --prefix tests/axe`",
                path.display()
            );
            eprintln!("skipped: no axe-core (run `npm ci --prefix tests/axe`)");
            None
        }
    }
}

/// Chromium and axe-core, or `None` when either is missing.
fn tools() -> Option<(Browser, String)> {
    let axe = axe_source()?;
    Some((Browser::launch()?, axe))
}

/// The colour scheme and width a page is looked at in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct View {
    dark: bool,
    width: u32,
}

const LIGHT: View = View {
    dark: false,
    width: 1280,
};
const DARK: View = View {
    dark: true,
    width: 1280,
};
const DARK_PHONE: View = View {
    dark: true,
    width: 390,
};

impl View {
    const fn with_width(self, width: u32) -> View {
        View { width, ..self }
    }

    fn name(self) -> String {
        format!(
            "{} {} px",
            if self.dark { "dark" } else { "light" },
            self.width
        )
    }
}

fn set_view(tab: &mut Tab, view: View) {
    let scheme = if view.dark { "dark" } else { "light" };
    tab.call(
        "Emulation.setEmulatedMedia",
        json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    );
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": view.width, "height": 900, "deviceScaleFactor": 1, "mobile": view.width < 500 }),
    );
}

/// Opens a tab whose documents all get axe-core before their own scripts,
/// and that loads nothing from the preview server's live reload: it holds a
/// connection open per page, and a browser opens six to a host at most.
fn audit_tab(browser: &Browser, axe: &str) -> Tab {
    let mut tab = browser.open("about:blank");
    tab.call("Network.enable", json!({}));
    tab.call(
        "Network.setBlockedURLs",
        json!({ "urls": ["*/__quorum/*"] }),
    );
    tab.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": axe }),
    );
    tab
}

/// Opens `url` and waits until it has loaded (and, if given, until `ready`).
fn open(tab: &mut Tab, url: &str, ready: Option<&str>) {
    tab.eval("window.__q_old = 1");
    tab.call("Page.navigate", json!({ "url": url }));
    let ready = ready.unwrap_or("true");
    let test = format!(
        "!window.__q_old && document.readyState === 'complete' && !!window.axe && Boolean({ready})"
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while tab.eval(&test) != json!(true) {
        assert!(Instant::now() < deadline, "{url} does not load");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs axe on the page in the tab with every rule it runs by default (WCAG
/// 2.x A and AA, and its best practices); returns the page's kind
/// (`page.kind`) and the violations, one per element.
fn run_axe(tab: &mut Tab, page: &str, view: View) -> (String, Vec<Violation>) {
    let r = tab.eval(
        r#"(async () => {
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return {
            kind: (document.body.className.match(/q-page--([a-z0-9-]+)/) || [])[1] || '',
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact || '',
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
            })),
          };
        })()"#,
    );
    assert!(r.is_object(), "{page}: axe did not run: {r}");
    let mut found = Vec::new();
    for v in r["violations"].as_array().unwrap() {
        for n in v["nodes"].as_array().unwrap() {
            found.push(Violation {
                page: page.to_owned(),
                view,
                rule: v["id"].as_str().unwrap().to_owned(),
                impact: v["impact"].as_str().unwrap().to_owned(),
                target: n["target"].as_str().unwrap().to_owned(),
                summary: n["summary"].as_str().unwrap().to_owned(),
            });
        }
    }
    (r["kind"].as_str().unwrap_or("").to_owned(), found)
}

/// One rule broken by one element of one page.
struct Violation {
    page: String,
    view: View,
    rule: String,
    impact: String,
    target: String,
    summary: String,
}

/// A page to check: its path below the server's URL, the view, and what
/// must be true before axe runs (results the script shows, say).
#[derive(Clone)]
struct Job {
    page: String,
    view: View,
    ready: Option<&'static str>,
}

/// Tabs checking pages side by side: the browser draws each tab in a
/// process of its own, and axe's work is mostly one page's layout.
const WORKERS: usize = 2;

/// Runs every job, `WORKERS` at a time; returns the kind of each page
/// checked and every violation.
fn audit(
    browser: &Browser,
    axe: &str,
    base: &str,
    jobs: &[Job],
) -> (BTreeMap<String, String>, Vec<Violation>) {
    let next = AtomicUsize::new(0);
    let kinds = Mutex::new(BTreeMap::new());
    let found = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(jobs.len()) {
            scope.spawn(|| {
                let mut tab = audit_tab(browser, axe);
                let mut view = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if view != Some(job.view) {
                        set_view(&mut tab, job.view);
                        view = Some(job.view);
                    }
                    open(&mut tab, &format!("{base}{}", job.page), job.ready);
                    let (kind, v) = run_axe(&mut tab, &job.page, job.view);
                    kinds.lock().unwrap().insert(job.page.clone(), kind);
                    found.lock().unwrap().extend(v);
                }
            });
        }
    });
    (kinds.into_inner().unwrap(), found.into_inner().unwrap())
}

/// Every HTML page of the site `server` serves, as paths below its URL,
/// sorted.
fn pages(server: &Server) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(&server.dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(&server.dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            match rel.strip_suffix("index.html") {
                Some(dir) => dir.to_owned(),
                None => rel,
            }
        })
        .collect();
    out.sort();
    out
}

/// Runs axe on every page of the site at `root` in the light scheme at
/// 1280 px, and on `query`'s results on the search page; then again in
/// the dark at 1280 and 390 px, on every page when `every_page_dark`, else
/// on the first page of each kind. Panics with every violation, by rule.
fn audit_site(root: &Path, name: &str, query: &str, every_page_dark: bool) {
    let Some((browser, axe)) = tools() else {
        return;
    };
    let started = Instant::now();
    let server = Server::start(root, &[]);
    let pages = pages(&server);
    assert!(pages.len() > 10, "{name}: only {} pages", pages.len());
    let searched = format!("search/?q={query}");
    let job = |page: &str, view: View| Job {
        ready: (page == searched).then_some("document.querySelector('.q-search-result')"),
        page: page.to_owned(),
        view,
    };
    let mut light: Vec<Job> = pages.iter().map(|p| job(p, LIGHT)).collect();
    light.push(job(&searched, LIGHT));
    let built = started.elapsed();
    let (kinds, mut found) = audit(&browser, &axe, &server.url, &light);
    let light_time = started.elapsed() - built;

    let mut firsts: BTreeMap<&str, &str> = BTreeMap::new();
    for (page, kind) in &kinds {
        firsts.entry(kind).or_insert(page);
    }
    let again: Vec<&str> = if every_page_dark {
        pages.iter().map(String::as_str).collect()
    } else {
        firsts.values().copied().collect()
    };
    let mut dark: Vec<Job> = Vec::new();
    for view in [DARK, DARK_PHONE] {
        dark.extend(again.iter().map(|p| job(p, view)));
        dark.push(job(&searched, view));
    }
    found.extend(audit(&browser, &axe, &server.url, &dark).1);
    eprintln!(
        "{name}: built and served in {:.1} s; axe on {} pages in {:.1} s (light, 1280 px), \
         then {} pages of {} kinds in {:.1} s (dark, 1280 and 390 px)",
        built.as_secs_f64(),
        light.len(),
        light_time.as_secs_f64(),
        dark.len(),
        firsts.len(),
        (started.elapsed() - built - light_time).as_secs_f64()
    );
    report(name, &found);
}

/// Panics with the violations, grouped by rule: how many, on how many
/// pages, and the first few of each.
fn report(name: &str, found: &[Violation]) {
    if found.is_empty() {
        return;
    }
    let mut by_rule: BTreeMap<&str, Vec<&Violation>> = BTreeMap::new();
    for v in found {
        by_rule.entry(&v.rule).or_default().push(v);
    }
    let mut text = format!("{name}: axe found {} violations\n", found.len());
    for (rule, vs) in &mut by_rule {
        vs.sort_by(|a, b| (&a.page, &a.target).cmp(&(&b.page, &b.target)));
        let mut pages: Vec<&str> = vs.iter().map(|v| v.page.as_str()).collect();
        pages.dedup();
        text.push_str(&format!(
            "\n{rule} ({}): {} elements on {} pages\n",
            vs[0].impact,
            vs.len(),
            pages.len()
        ));
        for v in vs.iter().take(8) {
            text.push_str(&format!(
                "  {} [{}] {}\n    {}\n",
                v.page,
                v.view.name(),
                v.target,
                v.summary.replace('\n', "\n    ")
            ));
        }
    }
    panic!("{text}");
}

#[test]
fn axe_finds_nothing_on_any_page_of_the_sample_site() {
    let site = Site::sample();
    audit_site(&site.root, "sample site", "reform", true);
}

/// The sites in French, Arabic (right to left) and Chinese: every page in
/// the light and the dark, at 1280 and 390 px, and a search in each
/// language.
#[test]
fn axe_finds_nothing_on_the_french_arabic_and_chinese_sites() {
    for (fixture, query) in [
        ("french", "secheresse"),
        ("arabic", "التصحر"),
        ("chinese", "台风"),
    ] {
        let site = Site::fixture(fixture);
        audit_site(&site.root, fixture, query, true);
    }
}

/// Markdown of every kind a body may hold, for a page of its own.
const EVERY_CONSTRUCT: &str = "---\ntitle: Every construct\n---\n\
Agreed follow-up, as a task list:\n\n\
- [x] Circulate the notes of the round tables\n\
- [ ] Ask Northwind Labs for the audit\n  - [ ] nested, not done\n\n\
| Item | Owner | Due |\n| --- | --- | --- |\n| Audit | Ada Abbott | 2025-07-01 |\n\n\
> A quoted passage with a footnote.[^1]\n\n\
```yaml\ntitle: a code block whose line is long enough to need more than the width of a phone to be shown whole, and then some\n```\n\n\
[^1]: The footnote.\n";

/// Every page of the site (about 600) in the light scheme at 1280 px, the
/// search page's results too; in the dark, at 1280 and 390 px, the first
/// page of each kind only: the whole site three times over would take a
/// quarter of an hour, and the dark scheme and the narrow layout change
/// colours and layout, which are a kind's, not a page's.
#[test]
fn axe_finds_nothing_on_any_page_of_a_site_of_400_meetings() {
    let site =
        common::corpus::messy_site(400).file("content/pages/every-construct.md", EVERY_CONSTRUCT);
    audit_site(&site.root, "400 meetings", "roadmap", false);
}

/// Saves what the tab shows (the viewport only: a taller capture would
/// resize the page, and a resize puts the preview card away) as
/// `target/screenshots/a11y-<name>-<view>.png`.
fn photograph(tab: &mut Tab, name: &str, view: View) {
    let r = tab.call("Page.captureScreenshot", json!({ "format": "png" }));
    use base64::Engine;
    let png = base64::engine::general_purpose::STANDARD
        .decode(r["data"].as_str().unwrap())
        .unwrap();
    let file = format!("a11y-{name}-{}.png", view.name().replace(' ', "-"));
    std::fs::write(common::browser::screenshots().join(file), png).unwrap();
}

/// The centre of the first element matching `selector`, in CSS pixels of
/// the viewport, after scrolling it to `block` (`center`, `start`, …).
fn centre(tab: &mut Tab, selector: &str, block: &str) -> (f64, f64) {
    let r = tab.eval(&format!(
        "(() => {{ const e = document.querySelector({selector:?}); e.scrollIntoView({{block: {block:?}, behavior: 'instant'}}); \
         const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
    ));
    (r[0].as_f64().unwrap(), r[1].as_f64().unwrap())
}

/// Moves the mouse to (x, y) in `steps` even steps from (from_x, from_y).
fn glide(tab: &mut Tab, from: (f64, f64), to: (f64, f64), steps: u32) {
    for i in 1..=steps {
        let t = f64::from(i) / f64::from(steps);
        tab.call(
            "Input.dispatchMouseEvent",
            json!({ "type": "mouseMoved", "x": from.0 + (to.0 - from.0) * t, "y": from.1 + (to.1 - from.1) * t }),
        );
        std::thread::sleep(Duration::from_millis(15));
    }
}

fn press(tab: &mut Tab, name: &str, code: u32) {
    for kind in ["keyDown", "keyUp"] {
        tab.call(
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": name, "code": name, "windowsVirtualKeyCode": code }),
        );
    }
}

/// Whether the rectangles of the card and of `selector`'s first element
/// share any pixel.
fn card_covers(tab: &mut Tab, selector: &str) -> bool {
    tab.eval(&format!(
        "(() => {{ const a = document.querySelector({selector:?}).getBoundingClientRect(); \
         const b = document.getElementById('q-preview').getBoundingClientRect(); \
         return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }})()"
    )) == json!(true)
}

fn card_shown(tab: &mut Tab) -> bool {
    tab.eval("!document.getElementById('q-preview').hidden") == json!(true)
}

#[test]
fn the_link_preview_stays_under_the_pointer_and_covers_neither_its_link_nor_its_result() {
    let Some((browser, axe)) = tools() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = audit_tab(&browser, &axe);
    tab.call("Page.bringToFront", json!({}));
    for view in [LIGHT, DARK_PHONE] {
        set_view(&mut tab, view);
        open(
            &mut tab,
            &format!("{}topics/budget/", server.url),
            Some("document.getElementById('q-preview')"),
        );
        let link = "main a[href$='/entities/zoe-muller/']:not(svg a)";
        let (x, y) = centre(&mut tab, link, "center");
        glide(&mut tab, (x - 40.0, y - 40.0), (x, y), 4);
        tab.wait_for("!document.getElementById('q-preview').hidden");
        assert!(
            !card_covers(&mut tab, link),
            "{}: the card covers its link",
            view.name()
        );
        photograph(&mut tab, "preview", view);

        // The pointer goes from the link onto the card, and rests there
        // longer than the card waits before it hides: the card stays.
        let card = centre(&mut tab, "#q-preview", "nearest");
        glide(&mut tab, (x, y), card, 8);
        std::thread::sleep(Duration::from_millis(900));
        assert!(
            card_shown(&mut tab),
            "{}: the card left from under the pointer",
            view.name()
        );
        let (_, found) = run_axe(&mut tab, "topics/budget/ with its card", view);
        report("the preview card", &found);

        // Escape puts it away with the pointer still on it; off the card
        // and its link, a card goes by itself.
        press(&mut tab, "Escape", 27);
        tab.wait_for("document.getElementById('q-preview').hidden");
        glide(&mut tab, card, (x, y), 6);
        tab.wait_for("!document.getElementById('q-preview').hidden");
        glide(&mut tab, (x, y), (2.0, 2.0), 6);
        tab.wait_for("document.getElementById('q-preview').hidden");
    }

    // Shown for the keyboard's focus, it stays while the link has the focus,
    // wherever the pointer goes.
    set_view(&mut tab, LIGHT);
    open(
        &mut tab,
        &format!("{}topics/budget/", server.url),
        Some("document.getElementById('q-preview')"),
    );
    let mut reached = false;
    for _ in 0..200 {
        press(&mut tab, "Tab", 9);
        let here = tab.eval("document.activeElement.closest('svg') ? '' : (document.activeElement.getAttribute('href') || '')");
        if here
            .as_str()
            .unwrap_or("")
            .contains("/entities/zoe-muller/")
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "no link to Zoë Müller on the topic page");
    tab.wait_for("!document.getElementById('q-preview').hidden");
    glide(&mut tab, (600.0, 10.0), (5.0, 880.0), 6);
    std::thread::sleep(Duration::from_millis(900));
    assert!(
        card_shown(&mut tab),
        "the card for the focused link left with the pointer"
    );
    assert!(
        !card_covers(&mut tab, ":focus"),
        "the card covers the focused link"
    );
    press(&mut tab, "Escape", 27);
    tab.wait_for("document.getElementById('q-preview').hidden");
    assert_eq!(
        tab.eval(
            "(document.activeElement.getAttribute('href') || '').includes('/entities/zoe-muller/')"
        ),
        json!(true),
        "Escape leaves the focus where it was"
    );

    // On the search page, the card of a result's link leaves the result
    // whole: above it, or below it when there is no room above.
    open(
        &mut tab,
        &format!("{}search/?q=budget", server.url),
        Some("document.querySelectorAll('.q-search-result').length >= 3"),
    );
    for (n, block) in [(2, "center"), (1, "start")] {
        let link = format!(".q-search-result:nth-child({n}) .q-search-result__title a");
        let result = format!(".q-search-result:nth-child({n})");
        let (x, y) = centre(&mut tab, &link, block);
        glide(&mut tab, (2.0, 2.0), (x, y), 5);
        tab.wait_for("!document.getElementById('q-preview').hidden");
        assert!(
            !card_covers(&mut tab, &result),
            "result {n}, scrolled to the {block}: the card covers it"
        );
        if block == "start" {
            photograph(&mut tab, "preview-search", LIGHT);
        }
        // From the title across the result's own text to the card below:
        // the card waits.
        let card = centre(&mut tab, "#q-preview", "nearest");
        glide(&mut tab, (x, y), card, 12);
        std::thread::sleep(Duration::from_millis(700));
        assert!(
            card_shown(&mut tab),
            "result {n}: the card left on the way to it"
        );
        // Escape puts the card away, and only the card: the search stays.
        press(&mut tab, "Escape", 27);
        tab.wait_for("document.getElementById('q-preview').hidden");
        assert_eq!(
            tab.eval("document.getElementById('q-search-input').value"),
            json!("budget")
        );
    }
}

/// The contrast of two colours (`rgb(…)` or `rgba(…)`, composed over
/// what is behind), and what is behind an element, in the page's script.
const CONTRAST: &str = r#"
window.__q = {
  parse(c) { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; },
  over(top, under) { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat(1); },
  // The colour behind `el`: its ancestors' backgrounds, composed from the root.
  behind(el) {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(getComputedStyle(e).backgroundColor);
    let c = [255, 255, 255, 1];
    for (const b of chain.reverse()) c = this.over(this.parse(b), c);
    return c;
  },
  lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); },
  ratio(a, b) { const x = this.lum(a), y = this.lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); },
  describe(el) { return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + (el.textContent || '').trim().slice(0, 30); },
};
"#;

/// What is wrong with the focus ring of the element the keyboard is on:
/// none, a thin one, or one under 3:1 against what is behind it.
const RING: &str = r#"(() => {
  const el = document.activeElement, s = getComputedStyle(el), q = window.__q;
  if (!el || el === document.body || el.closest('svg')) return null;
  if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) return q.describe(el) + ': no ring (' + s.outline + ')';
  const r = q.ratio(q.over(q.parse(s.outlineColor), q.behind(el.parentElement)), q.behind(el.parentElement));
  return r < 3 ? q.describe(el) + ': ring ' + s.outlineColor + ' at ' + r.toFixed(2) + ':1' : '';
})()"#;

/// Borders of inputs, selects and task boxes under 3:1 against what is
/// around them or in them.
const BORDERS: &str = r#"(() => {
  const q = window.__q, out = [];
  let n = 0;
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, .q-task')) {
    if (!el.getClientRects().length) continue;
    n++;
    const s = getComputedStyle(el), border = q.parse(s.borderTopColor);
    const outside = q.behind(el.parentElement), inside = q.behind(el);
    const r = Math.min(q.ratio(q.over(border, outside), outside), el.matches('.q-task--done') ? 99 : q.ratio(q.over(border, inside), inside));
    if (parseFloat(s.borderTopWidth) < 1 || r < 3) out.push(q.describe(el) + ': border ' + s.borderTopColor + ' at ' + r.toFixed(2) + ':1');
  }
  return { n, out };
})()"#;

#[test]
fn focus_rings_input_borders_and_task_boxes_stand_out_and_chips_look_like_links() {
    let Some((browser, axe)) = tools() else {
        return;
    };
    let site =
        common::corpus::messy_site(12).file("content/pages/every-construct.md", EVERY_CONSTRUCT);
    let server = Server::start(&site.root, &[]);
    let mut tab = audit_tab(&browser, &axe);
    tab.call("Page.bringToFront", json!({}));
    let meeting = pages(&server)
        .into_iter()
        .find(|p| {
            p.starts_with("meetings/")
                && p.matches('/').count() == 2
                && !p[9..13].chars().all(|c| c.is_ascii_digit())
        })
        .unwrap();
    let mut problems = Vec::new();
    let mut inputs = 0;
    for view in [LIGHT, DARK, DARK_PHONE] {
        set_view(&mut tab, view);
        for page in [
            "",
            meeting.as_str(),
            "search/?q=roadmap",
            "pages/every-construct/",
            "actions/",
        ] {
            open(&mut tab, &format!("{}{page}", server.url), None);
            tab.eval(CONTRAST);
            let mut seen = 0;
            for _ in 0..60 {
                press(&mut tab, "Tab", 9);
                match tab.eval(RING) {
                    Value::String(s) if s.is_empty() => seen += 1,
                    Value::String(s) => {
                        seen += 1;
                        problems.push(format!("{page} [{}] {s}", view.name()));
                    }
                    _ => {}
                }
            }
            assert!(seen > 10, "{page}: only {seen} elements took the focus");
            let b = tab.eval(BORDERS);
            inputs += b["n"].as_u64().unwrap();
            for s in b["out"].as_array().unwrap() {
                problems.push(format!("{page} [{}] {}", view.name(), s.as_str().unwrap()));
            }
            // Topic and entity chips are links, and look it.
            let chips = tab.eval(
                "(() => { const probe = document.createElement('a'); probe.href = '#q-probe'; document.querySelector('main').append(probe); \
                 const link = getComputedStyle(probe).color; probe.remove(); \
                 return Array.from(document.querySelectorAll('.q-chips a')).filter(a => { const s = getComputedStyle(a); \
                 return !s.textDecorationLine.includes('underline') || s.color !== link; }).map(a => a.textContent); })()",
            );
            assert_eq!(
                chips,
                json!([]),
                "{page} [{}]: chips that do not look like links",
                view.name()
            );
            if page == "pages/every-construct/" {
                photograph(&mut tab, "tasks", view);
            }
            // For the eye: the ring on a link of the header, and on the
            // search page's button beside its box.
            let focus = match page {
                "" => Some(".q-nav a"),
                "search/?q=roadmap" => Some("#q-search-input"),
                _ => None,
            };
            if let Some(selector) = focus {
                tab.eval(&format!(
                    "window.scrollTo(0, 0); document.querySelector({selector:?}).focus()"
                ));
                press(&mut tab, "Tab", 9);
                let name = if page.is_empty() {
                    "focus"
                } else {
                    "focus-search"
                };
                photograph(&mut tab, name, view);
            }
        }
    }
    assert!(
        inputs > 10,
        "only {inputs} inputs and task boxes were looked at"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn without_javascript_the_search_page_says_so_and_shows_no_dead_control() {
    let Some((browser, axe)) = tools() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open("about:blank");
    tab.call("Network.enable", json!({}));
    tab.call(
        "Network.setBlockedURLs",
        json!({ "urls": ["*/__quorum/*"] }),
    );
    tab.call(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    let visible = "(e => !!e && e.getClientRects().length > 0)";
    for view in [LIGHT, DARK, LIGHT.with_width(390), DARK_PHONE] {
        set_view(&mut tab, view);
        tab.eval("window.__q_old = 1");
        tab.call(
            "Page.navigate",
            json!({ "url": format!("{}search/?q=budget", server.url) }),
        );
        tab.wait_for("!window.__q_old && document.readyState === 'complete'");
        assert_eq!(
            tab.eval("typeof window.__quorum_search"),
            json!("undefined")
        );
        let notice = tab.eval(&format!(
            "Array.from(document.querySelectorAll('main .q-notice')).filter({visible}).map(e => e.innerText).join('\\n')"
        ));
        let notice = notice.as_str().unwrap();
        assert!(
            notice.contains("Search needs JavaScript"),
            "{}: {notice}",
            view.name()
        );
        let controls = tab.eval(&format!(
            "Array.from(document.querySelectorAll('main input, main select, main button, main .q-search-keys, main .q-search-form, main .q-search-status'))\
             .filter({visible}).map(e => e.outerHTML.slice(0, 80))"
        ));
        assert_eq!(
            controls,
            json!([]),
            "{}: controls that cannot work",
            view.name()
        );
        let links = tab.eval(
            "Array.from(document.querySelectorAll('main .q-notice a')).map(a => a.getAttribute('href'))",
        );
        for section in [
            "meetings/",
            "entities/",
            "topics/",
            "actions/",
            "decisions/",
            "map/",
        ] {
            assert!(
                links
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|h| h.as_str().unwrap().ends_with(section)),
                "{}: the notice does not lead to {section}: {links}",
                view.name()
            );
        }
        photograph(&mut tab, "search-no-js", view);
        // The page runs no script, so no timer fires: axe's, run from
        // here, get the next turn instead.
        tab.eval(&axe);
        tab.eval(
            "window.setTimeout = (f, ms, ...args) => { Promise.resolve().then(() => f(...args)); return 0; }; \
             window.clearTimeout = () => {};",
        );
        let (_, found) = run_axe(&mut tab, "search/?q=budget without JavaScript", view);
        report("the search page without JavaScript", &found);
    }

    // With JavaScript, the same address shows the box with the query, the
    // filters and the results.
    tab.call(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    );
    set_view(&mut tab, LIGHT);
    tab.call("Page.reload", json!({}));
    tab.wait_for("document.querySelectorAll('.q-search-result').length > 0");
    assert_eq!(
        tab.eval("document.getElementById('q-search-input').value"),
        json!("budget")
    );
    assert_eq!(
        tab.eval(&format!("{visible}(document.getElementById('q-search-kind')) && !{visible}(document.querySelector('.q-search-noscript'))")),
        json!(true)
    );
}
