//! The site in its readers' language, in a real browser: the French, Arabic
//! and Chinese fixture sites are served, a meeting and an entity page of each
//! are photographed (light, at 390 and 1280 px) into `target/screenshots/`,
//! `<html>` carries the site's `lang` and `dir`, the page reads in the
//! site's language, and search finds a word of each language, typed as a
//! reader types it. axe-core on these sites is in `tests/a11y.rs`; a
//! meeting in another language than its site's is in `tests/languages.rs`.

mod common;

use common::Site;
use common::browser::Browser;
use common::server::Server;

/// A fixture site in one language, and what a reader of it looks for.
struct Language {
    /// The folder under `tests/fixtures/`.
    fixture: &'static str,
    lang: &'static str,
    dir: &'static str,
    /// A meeting's and an entity's page, below the site's address.
    meeting: &'static str,
    entity: &'static str,
    /// Words the theme writes on a meeting's page in this language.
    theme_words: &'static [&'static str],
    /// What a reader types in the search box, a title it must find, and
    /// the text every highlight of the results holds.
    query: &'static str,
    finds: &'static str,
    marked: &'static str,
}

const LANGUAGES: [Language; 3] = [
    Language {
        fixture: "french",
        lang: "fr",
        dir: "ltr",
        meeting: "meetings/comite-2025-01-15/",
        entity: "entities/cea/",
        theme_words: &["Participants", "présidée par", "15 janvier 2025"],
        // Typed without its accents.
        query: "secheresse",
        finds: "séance du 12 février 2025",
        marked: "sécheresse",
    },
    Language {
        fixture: "arabic",
        lang: "ar",
        dir: "rtl",
        meeting: "meetings/rcc-2025-01-22/",
        entity: "entities/escwa/",
        theme_words: &["المشاركون", "برئاسة", "22 يناير 2025"],
        // Typed with a bare alef: the topic is written الإحصاءات.
        query: "الاحصاءات",
        finds: "الإحصاءات",
        marked: "الإحصاءات",
    },
    Language {
        fixture: "chinese",
        lang: "zh",
        dir: "ltr",
        meeting: "meetings/wg-2025-01-14/",
        entity: "entities/escap/",
        theme_words: &["与会者", "主持人", "2025年1月14日"],
        // Three characters with no space around them in the minutes.
        query: "基准年",
        finds: "2025年第3次会议",
        // Only the characters searched for, not the sentence they are in.
        marked: "基准年",
    },
];

#[test]
fn each_language_site_reads_in_its_language_and_is_searched_in_it() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let shots = common::browser::screenshots();
    for language in &LANGUAGES {
        let site = Site::fixture(language.fixture);
        let server = Server::start(&site.root, &[]);
        let mut tab = browser.open("about:blank");
        tab.scheme(false);
        for (kind, page) in [("meeting", language.meeting), ("entity", language.entity)] {
            for width in [390, 1280] {
                tab.screen((width, 900));
                tab.visit(&format!("{}{page}", server.url));
                let html = tab.eval(
                    "[document.documentElement.lang, document.documentElement.dir, document.body.textContent]",
                );
                assert_eq!(
                    (html[0].as_str().unwrap(), html[1].as_str().unwrap()),
                    (language.lang, language.dir),
                    "{}: <html> of {page}",
                    language.fixture
                );
                if kind == "meeting" {
                    let text = html[2].as_str().unwrap();
                    for word in language.theme_words {
                        assert!(
                            text.contains(word),
                            "{}: {page} does not say {word:?}:\n{text}",
                            language.fixture
                        );
                    }
                }
                // Nothing wider than the screen: a mirrored layout that
                // overflows scrolls the whole page sideways.
                let overflow = tab.eval(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
                );
                assert!(
                    overflow.as_f64().unwrap() <= 0.0,
                    "{}: {page} at {width} px is {overflow} px wider than the screen",
                    language.fixture
                );
                let name = if width < 500 { "phone" } else { "1280" };
                tab.screenshot(&shots.join(format!(
                    "languages-{}-{kind}-light-{name}.png",
                    language.fixture
                )));
            }
        }
        tab.screen((390, 900));
        tab.visit(&format!(
            "{}search/?q={}",
            server.url,
            common::query_value(language.query)
        ));
        tab.wait_for("document.querySelector('.q-search-result')");
        let found = tab.eval("document.querySelector('main').innerText");
        let found = found.as_str().unwrap();
        assert!(
            found.contains(language.finds),
            "{}: searching {:?} does not find {:?}:\n{found}",
            language.fixture,
            language.query,
            language.finds
        );
        let marks = tab.eval(
            "[...document.querySelectorAll('.q-search-result mark')].map(m => m.textContent.toLowerCase())",
        );
        let marks: Vec<&str> = marks
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(
            !marks.is_empty() && marks.iter().all(|m| *m == language.marked),
            "{}: the results highlight {marks:?}, not {:?}",
            language.fixture,
            language.marked
        );
        tab.screenshot(&shots.join(format!(
            "languages-{}-search-light-phone.png",
            language.fixture
        )));
    }
}
