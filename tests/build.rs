//! End to end: fixture sites built into folders, and the output read back.

mod common;

use common::{Site, find};
use quorum::diagnostic::Severity;

#[test]
fn the_sample_site_builds_with_pages_linked_both_ways() {
    let site = Site::sample();
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    let meeting = "meetings/ecesa-principals-2006-07/index.html";
    for page in [
        "index.html",
        meeting,
        "entities/desa/index.html",
        "topics/un-reform/index.html",
        "actions/ecosoc-round-table-notes/index.html",
        "actions/migration-regional-dimensions/index.html",
        "meetings/index.html",
        "entities/index.html",
        "topics/index.html",
        "actions/index.html",
        "decisions/index.html",
        "404.html",
    ] {
        assert!(built.exists(page), "{page}");
    }
    // The meeting is dated by month only.
    assert!(built.texts(meeting, "main").join(" ").contains("July 2006"));
    // DESA owns both actions; each action page names DESA; the meeting links both.
    let desa = built.hrefs("entities/desa/index.html", "main a");
    assert!(
        desa.iter()
            .any(|h| h.ends_with("actions/ecosoc-round-table-notes/")),
        "{desa:?}"
    );
    assert!(
        desa.iter()
            .any(|h| h.ends_with("actions/migration-regional-dimensions/")),
        "{desa:?}"
    );
    let action = built.hrefs("actions/ecosoc-round-table-notes/index.html", "main a");
    assert!(
        action.iter().any(|h| h.ends_with("entities/desa/")),
        "{action:?}"
    );
    assert!(
        action
            .iter()
            .any(|h| h.ends_with("meetings/ecesa-principals-2006-07/")),
        "{action:?}"
    );
    let m = built.hrefs(meeting, "main a");
    assert!(
        m.iter()
            .any(|h| h.ends_with("actions/ecosoc-round-table-notes/")),
        "{m:?}"
    );
    assert!(m.iter().any(|h| h.ends_with("topics/un-reform/")), "{m:?}");
    assert!(m.iter().any(|h| h.ends_with("entities/undp/")), "{m:?}");
    // The topic lists the meeting; the entity's mentions quote the minutes.
    let topic = built.hrefs("topics/un-reform/index.html", "main a");
    assert!(
        topic
            .iter()
            .any(|h| h.ends_with("meetings/ecesa-principals-2006-07/")),
        "{topic:?}"
    );
    let dervis = built.text("entities/kemal-dervis/index.html");
    assert!(
        dervis.contains("<mark>Mr. Kemal Dervis</mark>"),
        "mentions in context are missing"
    );
    // Every passage is shown, each linked to its own paragraph of the minutes.
    let places: Vec<String> = built
        .hrefs("entities/kemal-dervis/index.html", ".q-mentions a")
        .into_iter()
        .filter(|h| h.contains("meetings/"))
        .collect();
    assert!(places.len() > 3, "{places:?}");
    for place in &places {
        assert!(
            place.contains("meetings/ecesa-principals-2006-07/#q-p"),
            "{place}"
        );
    }
    let unique: std::collections::BTreeSet<_> = places.iter().collect();
    assert_eq!(
        unique.len(),
        places.len(),
        "one passage, one place: {places:?}"
    );
    assert!(built.check_links() > 100);
}

#[test]
fn the_sample_keeps_every_paragraph_of_the_minutes() {
    let seed = std::fs::read_to_string(
        common::sample_root().join("content/meetings/2006/ecesa-principals-2006-07.md"),
    )
    .unwrap();
    for needle in [
        "DESA will circulate to ECESA Members notes on the outcomes of the ECOSOC Round Tables",
        "The Convenor invited Mr. Kemal Dervis to update the meeting",
        "It is unlikely that the panel will go along with the proposal to merge funding sources.",
        "DESA would wish to co-sponsor such an event together with Regional Commissions.",
    ] {
        assert!(seed.contains(needle), "{needle}");
    }
}

#[test]
fn every_link_resolves_at_the_root_under_a_sub_path_and_relative() {
    let site = Site::fixture("tricky");
    let built = site.build();
    assert_eq!(built.base_path, "/minutes/");
    let hrefs = built.hrefs("meetings/2023-11-council/index.html", "a");
    assert!(
        hrefs
            .iter()
            .filter(|h| h.starts_with('/'))
            .all(|h| h.starts_with("/minutes/")),
        "{hrefs:?}"
    );
    built.check_links();

    let mut root = Site::fixture("tricky");
    root.overrides.base_url = Some("http://127.0.0.1:1111/".into());
    root.build().check_links();

    let rel = Site::fixture("tricky");
    rel.write(
        "quorum.yaml",
        "title: Tricky\nbase_url: https://intranet.example/minutes/\nrelative_urls: true\n",
    );
    let built = rel.build();
    for page in built.files().iter().filter(|f| f.ends_with(".html")) {
        for href in built.hrefs(page, "a, link") {
            assert!(!href.starts_with('/'), "{page}: {href} is not relative");
            if !href.contains(':') && !href.starts_with('#') {
                assert!(
                    href.split('#').next().unwrap().ends_with(".html")
                        || href.split('#').next().unwrap().ends_with(".css")
                        || href.ends_with(".svg")
                        || href.ends_with(".xml")
                        || href.ends_with(".ics"),
                    "{page}: {href} does not name a file"
                );
            }
        }
    }
    built.check_links();
}

#[test]
fn front_matter_is_escaped_everywhere() {
    let built = Site::fixture("tricky").build();
    for page in built.files().iter().filter(|f| f.ends_with(".html")) {
        let text = built.text(page);
        assert!(
            !text.contains("<script>alert"),
            "{page} has an unescaped script"
        );
        assert!(
            !text.contains("<img src=x"),
            "{page} has an unescaped image"
        );
        assert!(
            !text.contains("href=\"javascript:"),
            "{page} links to javascript:"
        );
        assert!(
            !text.contains("<draft>")
                && !text.contains("<guest>")
                && !text.contains("<as amended>"),
            "{page}"
        );
        assert!(!text.contains("<b>bold</b>"), "{page}");
    }
    let title = built.texts("meetings/2023-11-council/index.html", "h1");
    assert_eq!(title, ["First meeting <b>bold</b>"]);
    let entity = built.texts("entities/xss/index.html", "h1");
    assert_eq!(entity, ["<script>alert('name')</script>"]);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let site = Site::fixture("tricky");
    let a = site.build_to(&site.root.join("out-a")).snapshot();
    let b = site.build_to(&site.root.join("out-b")).snapshot();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

#[test]
fn mentions_link_once_per_section_and_never_in_code_links_or_headings() {
    let built = Site::fixture("tricky").build();
    let page = "meetings/2023-11-council/index.html";
    let html = built.text(page);
    let li = "entities/li-wei/";
    // "Opening" and the first "Budget" section link Mr. Li once each; the
    // second "Budget" section has him only in code and an external link.
    let links = built
        .hrefs(page, "main .minutes a")
        .into_iter()
        .filter(|h| h.ends_with(li))
        .count();
    assert_eq!(links, 2, "{html}");
    let ids: Vec<String> = built
        .html(page)
        .select(&scraper::Selector::parse("main .minutes h2").unwrap())
        .filter_map(|h| h.value().attr("id").map(str::to_owned))
        .collect();
    assert_eq!(ids, ["opening", "budget", "budget-1"]);
    assert!(html.contains("Mr. Li in code"));
}

#[test]
fn actions_are_followed_across_meetings() {
    let built = Site::fixture("tricky").build();
    let page = "actions/2023-11-council-1/index.html";
    let text = built.texts(page, "main").join(" ");
    assert!(text.contains("Done"), "{text}");
    assert!(text.contains("Draft <v1> shared"), "{text}");
    assert!(text.contains("Budget adopted."), "{text}");
    let owners = built.hrefs(page, "main a");
    assert!(
        owners.iter().any(|h| h.ends_with("entities/li-wei/")),
        "{owners:?}"
    );
    assert!(
        owners
            .iter()
            .any(|h| h.ends_with("entities/nordic-network/")),
        "{owners:?}"
    );
    // The audit's due date moved to January 2024, so it is overdue on 1 March 2024.
    let audit = built.texts("actions/audit/index.html", "main").join(" ");
    assert!(
        audit.contains("31 January 2024") && audit.to_lowercase().contains("overdue"),
        "{audit}"
    );
}

#[test]
fn crlf_bom_and_unicode_names_are_read() {
    let built = Site::fixture("tricky").build();
    assert!(built.exists("meetings/2023-11-council/index.html"));
    assert!(built.exists("meetings/2023-12-council/index.html"));
    assert!(built.exists("entities/zoe-muller/index.html"));
    let zoe = built.text("entities/zoe-muller/index.html");
    assert!(
        zoe.contains("<mark>Ms. Müller</mark>") || zoe.contains("<mark>Z. Müller</mark>"),
        "mentions of Zoë are missing"
    );
}

#[test]
fn unknown_refs_make_stub_pages_and_warn_and_strict_fails() {
    let site = Site::fixture("tricky").file(
        "content/meetings/2024-03-x.md",
        "---\ntitle: X\ndate: 2024-03-01\nattendees: [Nobody Known]\n---\nText [[Ghost Org]].\n",
    );
    let built = site.build();
    assert!(built.exists("entities/nobody-known/index.html"));
    assert!(built.exists("entities/ghost-org/index.html"));
    let w = find(&built.warnings, "Nobody Known");
    assert_eq!(
        (w.path.to_str().unwrap(), w.line),
        ("content/meetings/2024-03-x.md", 4)
    );
    assert_eq!(w.severity, Severity::Warning);
    let g = find(&built.warnings, "Ghost Org");
    assert_eq!(g.line, 6);

    let mut strict = site;
    strict.overrides.strict = true;
    let errors = strict.build_errors();
    assert!(errors.iter().all(|d| d.is_error()));
    find(&errors, "Nobody Known");
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let mut site = Site::fixture("tricky").file(
        "content/meetings/2024-03-draft.md",
        "---\ntitle: Draft\ndate: 2024-03-01\ndraft: true\n---\nNot yet.\n",
    );
    assert!(!site.build().exists("meetings/2024-03-draft/index.html"));
    site.overrides.drafts = true;
    assert!(site.build().exists("meetings/2024-03-draft/index.html"));
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = Site::fixture("tricky");
    let before = site.build().snapshot();
    site.write("content/meetings/broken.md", "---\ntitle: [unclosed\n---\n");
    site.build_errors();
    let after = common::Built {
        _site: None,
        out: site.output(),
        warnings: Vec::new(),
        base_path: "/minutes/".into(),
    }
    .snapshot();
    assert_eq!(before, after);
}

#[test]
fn free_pages_are_in_the_navigation() {
    let built = Site::fixture("tricky").build();
    let nav = built.hrefs("index.html", "nav a");
    assert!(nav.iter().any(|h| h.ends_with("pages/about/")), "{nav:?}");
    assert_eq!(built.texts("pages/about/index.html", "h1").len(), 1);
}

#[test]
fn pattern_links_are_made_in_text_and_nowhere_else() {
    let site = Site::empty()
        .file(
            "quorum.yaml",
            "title: P\nbase_url: https://intranet.example/minutes/\nlinks:\n  \
             - pattern: '#(\\d+)'\n    url: https://tracker.example/issues/$1\n  \
             - pattern: 'DOC-(?P<n>\\d+)'\n    url: /docs/${n}/\n",
        )
        .file(
            "content/meetings/m.md",
            "---\ntitle: 'Meeting #7 on DOC-1'\ndate: 2024-01-01\n\
             decisions:\n  - text: 'Close #13, as DOC-2 asks.'\n\
             actions:\n  - { owner: Ann Lee, text: 'Fix #14.' }\n---\n\n\
             The board reviewed #12 at length and agreed to come back to it at a later meeting.\n\n\
             ## Issue #20\n\n\
             - An item about #15.\n\n\
             | Ref |\n| --- |\n| *#16* |\n\n\
             `#17`, [see #18](https://other.example/), <https://other.example/#19> and \
             https://other.example/#21, ![#22](a.png).\n\n\
             ```\n#23\n```\n",
        );
    let built = site.build();
    let issue = |n: u32| format!("https://tracker.example/issues/{n}");
    let page = "meetings/m/index.html";
    assert_eq!(
        built.hrefs(page, "main .minutes a.q-pattern"),
        [issue(12), issue(15), issue(16)]
    );
    assert_eq!(
        built.texts(page, "main .minutes a.q-pattern"),
        ["#12", "#15", "#16"]
    );
    // The decision on the meeting's page and the decisions' page; the action
    // on its own page (elsewhere its text is the link to that page, and a
    // link holds no other link).
    let decision = built.hrefs(page, "main a.q-pattern");
    for href in [issue(13), "/minutes/docs/2/".into()] {
        assert!(decision.contains(&href), "{href}: {decision:?}");
    }
    assert!(
        built
            .hrefs("decisions/index.html", "main a.q-pattern")
            .contains(&issue(13))
    );
    let action = built
        .files()
        .into_iter()
        .find(|f| f.starts_with("actions/m-") && f.ends_with("index.html"))
        .unwrap();
    assert_eq!(built.hrefs(&action, "main a.q-pattern"), [issue(14)]);
    // Titles and headings are text.
    let html = built.text(page);
    assert!(built.hrefs(page, "h1 a, h2 a").is_empty(), "{html}");
    assert_eq!(built.texts(page, "h1"), ["Meeting #7 on DOC-1"]);
    for n in [7, 17, 18, 19, 20, 21, 22, 23] {
        assert!(!html.contains(&issue(n)), "#{n} is linked: {html}");
    }
    // Feeds and search show the text, not the markup.
    let feed = built.text("feed.xml");
    assert!(feed.contains("The board reviewed #12 at length"), "{feed}");
    assert!(!feed.contains("tracker.example"), "{feed}");
    let search: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/") && !f.ends_with(".html"))
        .collect();
    assert!(
        search
            .iter()
            .any(|f| built.text(f).contains("reviewed #12 at length")),
        "{search:?}"
    );
    for f in &search {
        let text = built.text(f);
        assert!(
            !text.contains("tracker.example") && !text.contains("q-pattern"),
            "{f}"
        );
    }
}
