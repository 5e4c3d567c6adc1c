//! Printing, in a real browser: a meeting prints its title, facts and
//! attendees, the minutes from the first page, then its actions and
//! decisions as tables; the register by owner prints one table per owner,
//! each owner on a page of its own, with a wide "What" column and no empty
//! groups. Every printed page has a running header (the site's title, the
//! page and its date) and its number.
//!
//! The PDFs come from headless Chromium (`Page.printToPDF`, A4) and are read
//! back with poppler's `pdfinfo` and `pdftotext -layout`; the first page of
//! each is written as a picture to `target/screenshots/print-*.png`. Without
//! Chromium or poppler-utils the tests say they were skipped, unless
//! `QUORUM_REQUIRE_BROWSER=1`.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::Site;
use common::browser::Browser;
use common::server::Server;
use scraper::{Html, Selector};

/// Whether poppler's tools are here; with `QUORUM_REQUIRE_BROWSER=1` they must be.
fn poppler() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok()
        && Command::new("pdfinfo").arg("-v").output().is_ok()
        && Command::new("pdftoppm").arg("-v").output().is_ok();
    if !found {
        assert!(
            std::env::var("QUORUM_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "QUORUM_REQUIRE_BROWSER=1 but pdftotext, pdfinfo or pdftoppm is missing (install poppler-utils)"
        );
        eprintln!("skipped: no pdftotext (install the `poppler-utils` package)");
    }
    found
}

/// A browser, or `None` when the test is skipped.
fn browser() -> Option<Browser> {
    let browser = Browser::launch()?;
    poppler().then_some(browser)
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A page printed to PDF, read back page by page.
struct Printout {
    name: String,
    pdf: PathBuf,
    /// The text of each page, as `pdftotext -layout` lays it out.
    pages: Vec<String>,
}

impl Printout {
    /// Prints `path` of the served site as `target/screenshots/<name>.pdf`.
    fn of(browser: &Browser, server: &Server, path: &str, name: &str) -> Printout {
        let mut tab = browser.open(&format!("{}{path}", server.url));
        tab.wait_for("document.readyState === 'complete' && document.querySelector('h1')");
        let pdf = common::browser::screenshots().join(format!("{name}.pdf"));
        std::fs::write(&pdf, tab.print_to_pdf()).unwrap();
        let file = pdf.to_str().unwrap();
        let info = run("pdfinfo", &[file]);
        let count: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .expect("pdfinfo gives the page count")
            .trim()
            .parse()
            .unwrap();
        let text = run("pdftotext", &["-layout", "-enc", "UTF-8", file, "-"]);
        let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
        if pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.pop();
        }
        assert_eq!(pages.len(), count, "{name}: pdftotext and pdfinfo agree");
        Printout {
            name: name.to_owned(),
            pdf,
            pages,
        }
    }

    /// Writes the first page as `target/screenshots/<name>-1.png` (60 dpi).
    fn picture(&self) -> PathBuf {
        let png = common::browser::screenshots().join(format!("{}-1", self.name));
        run(
            "pdftoppm",
            &[
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                self.pdf.to_str().unwrap(),
                png.to_str().unwrap(),
            ],
        );
        let png = png.with_extension("png");
        let bytes = std::fs::read(&png).unwrap();
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 5_000);
        png
    }

    /// Checks the running header and the page number of every page; returns
    /// the text of the pages without them, in order.
    fn body(&self, left: &str, right: &str) -> String {
        let n = self.pages.len();
        let mut body = String::new();
        for (i, page) in self.pages.iter().enumerate() {
            let number = format!("Page {} of {n}", i + 1);
            let header = page
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            assert!(
                header.contains(left) && header.contains(right),
                "{}: page {} does not start with the running header {left:?} … {right:?}:\n{page}",
                self.name,
                i + 1
            );
            let footer = page
                .lines()
                .rfind(|l| !l.trim().is_empty())
                .unwrap_or_default();
            assert_eq!(
                footer.trim(),
                number,
                "{}: page {} ends with its number",
                self.name,
                i + 1
            );
            let mut lines = page.lines().filter(|l| !l.trim().is_empty());
            lines.next();
            let lines: Vec<&str> = lines.collect();
            for l in &lines[..lines.len() - 1] {
                body.push_str(l);
                body.push('\n');
            }
        }
        body
    }
}

/// Finds `needles` in `text` one after the other; panics naming the first
/// one that does not come after the one before it.
fn in_order(what: &str, text: &str, needles: &[&str]) {
    let mut at = 0;
    for n in needles {
        match text[at..].find(n) {
            Some(i) => at += i + n.len(),
            None => panic!(
                "{what}: {n:?} does not follow {:?}:\n{text}",
                &text[..at].lines().last().unwrap_or_default()
            ),
        }
    }
}

/// The number of lines a text takes on a page: from a line with its first
/// words to the nearest line after it with its last word (several texts may
/// start alike).
fn lines_of(page: &str, text: &str) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    let start = words[..words.len().min(3)].join(" ");
    let last = words.last().unwrap();
    let lines: Vec<&str> = page.lines().collect();
    (0..lines.len())
        .filter(|&i| lines[i].contains(&start))
        .filter_map(|i| lines[i..].iter().position(|l| l.contains(last)))
        .map(|n| n + 1)
        .min()
        .unwrap_or_else(|| panic!("no line starts {start:?} and ends {last:?}:\n{page}"))
}

/// Text of an element, its words joined by single spaces.
fn words(e: scraper::ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The owners of the served register and the "What" text of their actions.
fn register(html: &str) -> Vec<(String, Vec<String>)> {
    let doc = Html::parse_document(html);
    let owner = Selector::parse("section.q-print-owner").unwrap();
    let name = Selector::parse("h2").unwrap();
    let what = Selector::parse("td.q-cell-text").unwrap();
    let reference = Selector::parse(".q-register__ref").unwrap();
    doc.select(&owner)
        .map(|o| {
            let heading = o.select(&name).next().unwrap();
            // The owner's name, without the count beside it.
            let n = heading
                .children()
                .find_map(scraper::ElementRef::wrap)
                .map_or_else(|| words(heading), words);
            let texts = o
                .select(&what)
                .map(|td| {
                    // The action's words, before its id and status.
                    let all = words(td);
                    let tail = words(td.select(&reference).next().unwrap());
                    all.strip_suffix(&tail).unwrap().trim_end().to_owned()
                })
                .collect();
            (n, texts)
        })
        .collect()
}

/// The text of the first `selector` of a served page.
fn served_text(server: &Server, path: &str, selector: &str) -> String {
    let doc = Html::parse_document(&server.get(path).body);
    let sel = Selector::parse(selector).unwrap();
    words(doc.select(&sel).next().unwrap())
}

const EMPTY_GROUPS: [&str; 4] = [
    "Nothing is overdue.",
    "Nothing open.",
    "Nothing done yet.",
    "Nothing dropped.",
];

#[test]
fn a_meeting_prints_its_minutes_from_the_first_page_then_its_actions_and_decisions() {
    let Some(browser) = browser() else {
        return;
    };
    let site = Site::sample();
    let server = Server::start(&site.root, &[]);
    let printout = Printout::of(
        &browser,
        &server,
        "meetings/ecesa-principals-2006-07/",
        "print-meeting",
    );
    let png = printout.picture();
    eprintln!("{}", png.display());
    // Seven pages on A4, most of them the minutes.
    let n = printout.pages.len();
    assert!((5..=8).contains(&n), "{n} pages");
    let body = printout.body(
        "ECESA Principals — minutes",
        "ECESA Principals meeting · July 2006",
    );
    // Title, facts, attendees in one line, the minutes from page 1.
    let first = &printout.pages[0];
    in_order(
        "page 1",
        first,
        &[
            "ECESA Principals meeting",
            "July 2006",
            "José Antonio Ocampo",
            "Attendees (4): Kemal Derviş (Administrator of UNDP), Hak-Su Kim",
            "Minutes",
            "Conclusions and next steps",
            "DESA will circulate to ECESA Members",
        ],
    );
    // Then the actions, then the decisions, after every word of the minutes.
    in_order(
        "the printout",
        &body,
        &[
            "DESA will circulate to ECESA Members",
            "Summary of discussions",
            "Actions decided",
            "DESA will circulate to ECESA",
            "DESA will revert on",
            "Decisions",
            "1. Principals concurred that",
            "5. In the discussions, it was noted",
        ],
    );
    // An action is a row: its number and text, its id and its owner side by side.
    let row = body
        .lines()
        .find(|l| l.contains("1. DESA will circulate") && l.contains("Owner"))
        .unwrap_or_else(|| panic!("no action row in:\n{body}"));
    assert!(
        row.contains("1. DESA will circulate")
            && row.contains("ecosoc-round-table")
            && row.contains("Owner: DESA"),
        "{row}"
    );
    // What serves the screen stays off the paper.
    for gone in [
        "About this meeting",
        "Entities involved",
        "Topics",
        "Previous meeting",
        "Back to top",
        "Atom feed",
    ] {
        assert!(!body.contains(gone), "{gone:?} is printed:\n{body}");
    }
}

#[test]
fn the_register_prints_one_table_per_owner_a_page_each() {
    let Some(browser) = browser() else {
        return;
    };
    for (name, site, title) in [
        (
            "print-register",
            Site::sample(),
            "ECESA Principals — minutes",
        ),
        (
            "print-register-messy",
            common::corpus::messy_site(60),
            "Tessera governance",
        ),
    ] {
        let server = Server::start(&site.root, &[]);
        let owners = register(&server.get("actions/print/").body);
        assert!(!owners.is_empty(), "{name}: the register has owners");
        let date = served_text(&server, "actions/print/", ".q-lede time");
        let printout = Printout::of(&browser, &server, "actions/print/", name);
        let png = printout.picture();
        eprintln!("{}", png.display());
        // Each owner on a page of its own, and no more pages than that: no
        // table spills over for a cramped column.
        assert_eq!(
            printout.pages.len(),
            owners.len(),
            "{name}: one page per owner"
        );
        let body = printout.body(title, &format!("Action register by owner · as of {date}"));
        let names: Vec<&str> = owners.iter().map(|(n, _)| n.as_str()).collect();
        in_order(name, &body, &names);
        for (i, (owner, texts)) in owners.iter().enumerate() {
            let page = &printout.pages[i];
            assert!(
                page.contains(owner.as_str()),
                "{name}: page {} is not {owner}'s:\n{page}",
                i + 1
            );
            for text in texts {
                // "What" is a column of at least 40 characters a line.
                let most = text.chars().count() / 40 + 1;
                let lines = lines_of(page, text);
                assert!(
                    lines <= most,
                    "{name}: {text:?} takes {lines} lines (at most {most}):\n{page}"
                );
            }
        }
        for empty in EMPTY_GROUPS {
            assert!(!body.contains(empty), "{name}: {empty:?} is printed");
        }
    }
}

#[test]
fn a_real_shaped_meeting_prints_its_minutes_on_page_one() {
    let Some(browser) = browser() else {
        return;
    };
    let site = common::corpus::messy_site(60);
    // The first meeting with both actions and decisions.
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(site.root.join("content/meetings"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let file = files
        .iter()
        .find(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains("\nactions:") && text.contains("\ndecisions:")
        })
        .expect("a meeting with actions and decisions");
    let slug = file.file_stem().unwrap().to_str().unwrap();
    let server = Server::start(&site.root, &[]);
    let path = format!("meetings/{slug}/");
    let title = served_text(&server, &path, "h1");
    let date = served_text(&server, &path, "header.q-page-header time");
    let action = served_text(&server, &path, ".q-action-item__title .q-action-title");
    let printout = Printout::of(&browser, &server, &path, "print-meeting-messy");
    printout.picture();
    assert!(printout.pages.len() <= 3, "{} pages", printout.pages.len());
    let body = printout.body("Tessera governance", &format!("{title} · {date}"));
    in_order(
        "page 1",
        &printout.pages[0],
        &[&title, "Attendees (", "Minutes", "Extracted from"],
    );
    let start: String = action.split(' ').take(4).collect::<Vec<_>>().join(" ");
    in_order(
        "the printout",
        &body,
        &[
            "Upcoming Meetings",
            "Actions decided",
            &start,
            "Decisions",
            "1. Agreed that",
        ],
    );
    let row = body.lines().find(|l| l.contains(&start)).unwrap();
    assert!(row.contains("Owner: "), "{row}");
}

#[test]
fn the_running_header_shows_any_title_as_written() {
    let Some(browser) = browser() else {
        return;
    };
    let title = r#"Board "A" \ </style><b> & Co's {minutes}"#;
    let site = Site::empty()
        .file(
            "quorum.yaml",
            &format!("title: '{}'\n", title.replace('\'', "''")),
        )
        .file(
            "content/meetings/m.md",
            "---\ntitle: A \"quoted\" meeting \\o/\ndate: 2024-02-01\n---\nThe minutes.\n",
        );
    let server = Server::start(&site.root, &[]);
    let printout = Printout::of(&browser, &server, "meetings/m/", "print-escaped");
    assert_eq!(printout.pages.len(), 1);
    let body = printout.body(title, r#"A "quoted" meeting \o/ · 1 February 2024"#);
    in_order(
        "page 1",
        &body,
        &["A \"quoted\" meeting \\o/", "The minutes."],
    );
}

/// A printed page's number is in the site's language.
#[test]
fn a_printed_page_is_numbered_in_the_site_s_language() {
    let Some(browser) = browser() else {
        return;
    };
    for (fixture, meeting, number) in [
        ("french", "meetings/comite-2025-02-12/", "Page {i} sur {n}"),
        ("chinese", "meetings/wg-2025-03-18/", "第 {i} 页，共 {n} 页"),
    ] {
        let site = Site::fixture(fixture);
        let server = Server::start(&site.root, &[]);
        let printed = Printout::of(&browser, &server, meeting, &format!("print-{fixture}"));
        let n = printed.pages.len();
        for (i, page) in printed.pages.iter().enumerate() {
            let want = number
                .replace("{i}", &(i + 1).to_string())
                .replace("{n}", &n.to_string());
            assert!(
                page.contains(&want),
                "{fixture}: page {} is not numbered {want:?}:\n{page}",
                i + 1
            );
            assert!(!page.contains(" of "), "{fixture}: {page}");
        }
    }
}
