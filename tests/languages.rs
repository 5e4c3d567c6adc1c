//! Minutes in other languages: `language:` in front matter, the `lang` and
//! `dir` of a meeting's minutes, and search in Arabic, Chinese, French and
//! Russian, both in the index and in the browser (`search.js` must split a
//! query exactly as the build splits text).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::browser::Browser;
use common::server::Server;
use common::{Built, Site, find};
use serde_json::{Value, json};

fn meeting(front: &str, body: &str) -> String {
    format!("---\n{front}---\n{body}\n")
}

/// Characters of every script rule and at the edges of each range: a page
/// of the site holds them, so the folding table knows every one.
fn edges() -> String {
    let ranges = [
        0x0600..=0x06FF,
        0x0750..=0x0760,
        0x08A0..=0x08B0,
        0x3000..=0x3010,
        0x3040..=0x3050,
        0x30F0..=0x3100,
        0x31F0..=0x3200,
        0x33F0..=0x3410,
        0x4DB0..=0x4E10,
        0x9FF0..=0xA010,
        0xF8F0..=0xF910,
        0xFAF0..=0xFB10,
        0xFF60..=0xFFA0,
    ];
    let mut out = String::new();
    for r in ranges {
        for c in r.filter_map(char::from_u32) {
            // Each alone, and in runs with its neighbours and with Latin.
            out.push(c);
            out.push(' ');
            out.push(c);
            out.push('a');
            out.push(c);
            if u32::from(c) % 3 == 0 {
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// A site in English with meetings in French, Arabic, Chinese and Russian.
fn site() -> Site {
    Site::empty()
        .file("quorum.yaml", "title: Committee\n")
        .file(
            "content/meetings/2024-01-10-budget.md",
            &meeting(
                "title: Budget review\ndate: 2024-01-10\n",
                "The committee reviewed the budget of the programme with Kemal Derviş in Øresund.",
            ),
        )
        .file(
            "content/meetings/2024-02-10-reunion.md",
            &meeting(
                "title: Réunion du comité\ndate: 2024-02-10\nlanguage: fr\n\
                 decisions:\n  - { text: Le rapport annuel est adopté. }\n\
                 actions:\n  - { id: note-de-suivi, text: Rédiger la note de suivi. }\n",
                "Le comité a examiné les rapports des États membres et le budget pour l'élaboration du programme.",
            ),
        )
        .file(
            "content/meetings/2024-03-10-ijtima.md",
            &meeting(
                "title: اجتماع اللجنة\ndate: 2024-03-10\nlanguage: ar\n",
                "ناقشت اللجنةُ الميزانيةَ في مُنَظَّمَة الأمم المتحدة، وأقرّت إعلانًا جـــديدًا للتنمية.",
            ),
        )
        .file(
            "content/meetings/2024-04-10-huiyi.md",
            &meeting(
                "title: 委员会会议\ndate: 2024-04-10\nlanguage: zh-Hans\n",
                "委员会审议了联合国开发计划署的预算报告，并通过了关于可持续发展的决议。",
            ),
        )
        .file(
            "content/meetings/2024-05-10-zasedanie.md",
            &meeting(
                "title: Заседание комитета\ndate: 2024-05-10\nlanguage: ru\n",
                "Комитет рассмотрел бюджет Организации Объединённых Наций и доклад о развитии.",
            ),
        )
        .file(
            "content/pages/scripts.md",
            &format!("---\ntitle: Scripts\nlanguage: und\n---\n{}", edges()),
        )
}

/// The languages the site's documents are in, as the manifest's stop words come from.
const LANGUAGES: [&str; 6] = ["en", "fr", "ar", "zh", "ru", "und"];

#[test]
fn a_meeting_in_another_language_marks_its_minutes() {
    let built = site().build();
    // The minutes and the title they are written under.
    let attrs = |slug: &str| {
        let html = built.html(&format!("meetings/{slug}/index.html"));
        let of = |selector: &str| {
            let sel = scraper::Selector::parse(selector).unwrap();
            let e = html.select(&sel).next().expect(selector);
            (
                e.value().attr("lang").map(str::to_owned),
                e.value().attr("dir").map(str::to_owned),
            )
        };
        let minutes = of(".q-prose.minutes");
        assert_eq!(of(".q-meeting__header h1"), minutes, "{slug}: the title");
        if html
            .select(&scraper::Selector::parse(".q-decision").unwrap())
            .next()
            .is_some()
        {
            assert_eq!(of(".q-decision__text"), minutes, "{slug}: a decision");
        }
        if html
            .select(&scraper::Selector::parse("#q-meeting-actions .q-action-title").unwrap())
            .next()
            .is_some()
        {
            assert_eq!(
                of("#q-meeting-actions .q-action-title"),
                minutes,
                "{slug}: an action"
            );
        }
        minutes
    };
    assert_eq!(
        attrs("2024-01-10-budget"),
        (None, None),
        "the site's language"
    );
    assert_eq!(attrs("2024-02-10-reunion"), (Some("fr".into()), None));
    assert_eq!(
        attrs("2024-03-10-ijtima"),
        (Some("ar".into()), Some("rtl".into()))
    );
    assert_eq!(attrs("2024-04-10-huiyi"), (Some("zh-Hans".into()), None));
    // The page itself stays in the site's language.
    let page = built.text("meetings/2024-02-10-reunion/index.html");
    assert_eq!(
        page.matches("lang=\"fr\"").count(),
        4,
        "only the title, the minutes, the decision and the action"
    );
}

#[test]
fn a_malformed_language_tag_is_an_error_at_its_line() {
    let site = Site::empty()
        .file(
            "content/meetings/m.md",
            &meeting("title: M\ndate: 2024-01-01\nlanguage: fr_FR\n", ""),
        )
        .file(
            "content/entities/e.md",
            &meeting("name: E\nlanguage: French\n", ""),
        );
    let ds = site.build_errors();
    let d = find(&ds, "`fr_FR` is not a language tag");
    assert_eq!(
        (d.path.to_str().unwrap(), d.line),
        ("content/meetings/m.md", 4)
    );
    assert!(d.message.contains("`fr-FR`"), "{}", d.message);
    let d = find(&ds, "`French` is not a language tag");
    assert_eq!(d.path.to_str().unwrap(), "content/entities/e.md");
    assert!(d.message.contains("code, not its name"), "{}", d.message);
}

#[test]
fn names_in_other_scripts_are_mentions() {
    let built = Site::empty()
        .file("content/entities/undp.md", &meeting("name: 联合国开发计划署
aliases: [开发署, ПРООН, برنامج الأمم المتحدة الإنمائي]
", ""))
        .file("content/entities/egypt.md", &meeting("name: مصر
", ""))
        .file("content/entities/un.md", &meeting("name: 联合国
aliases: [ООН]
", ""))
        .file(
            "content/meetings/2024-01-10-m.md",
            &meeting(
                "title: M\ndate: 2024-01-10\n",
                "联合国开发计划署和联合国的报告。\n\nДоклад ПРООН и ООН.\n\nقدم برنامج الأمم المتحدة الإنمائي تقريرا وبمصر.\n\n",
            ),
        )
        .file("quorum.yaml", "title: T\nautolink: all\n")
        .build();
    let links = built.texts("meetings/2024-01-10-m/index.html", ".q-prose a");
    assert_eq!(
        links,
        [
            "联合国开发计划署",
            "联合国",
            "ПРООН",
            "ООН",
            "برنامج الأمم المتحدة الإنمائي",
            "مصر"
        ]
    );
}

/// Every term of the index with the documents it is in.
fn index_terms(built: &Built) -> BTreeMap<String, BTreeSet<u32>> {
    let manifest: Value = serde_json::from_str(&built.text("search/manifest.json")).unwrap();
    let mut out = BTreeMap::new();
    for s in 0..manifest["shards"].as_array().unwrap().len() {
        let shard: Value =
            serde_json::from_str(&built.text(&format!("search/t/{s}.json"))).unwrap();
        for (term, list) in shard.as_object().unwrap() {
            let docs = quorum::search::decode(list.as_str().unwrap(), true).unwrap();
            out.insert(term.clone(), docs.into_iter().map(|(d, _)| d).collect());
        }
    }
    out
}

/// The paths of the documents with a term that each word of `query` starts.
fn search(built: &Built, terms: &BTreeMap<String, BTreeSet<u32>>, query: &str) -> Vec<String> {
    let mut hits: Option<BTreeSet<u32>> = None;
    for w in quorum::search::query_words(query, LANGUAGES) {
        let docs: BTreeSet<u32> = terms
            .range(w.clone()..)
            .take_while(|(t, _)| t.starts_with(&w))
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        hits = Some(match hits {
            None => docs,
            Some(h) => h.intersection(&docs).copied().collect(),
        });
    }
    let manifest: Value = serde_json::from_str(&built.text("search/manifest.json")).unwrap();
    let chunks = quorum::search::decode(manifest["chunks"].as_str().unwrap(), false).unwrap();
    let mut records: BTreeMap<u32, String> = BTreeMap::new();
    for (start, _) in chunks {
        let chunk: Value =
            serde_json::from_str(&built.text(&format!("search/doc/{start}.json"))).unwrap();
        for (i, r) in chunk.as_array().unwrap().iter().enumerate() {
            records.insert(start + i as u32, r["path"].as_str().unwrap().to_owned());
        }
    }
    hits.unwrap_or_default()
        .into_iter()
        .map(|d| records[&d].clone())
        .collect()
}

#[test]
fn words_are_found_in_every_language() {
    let built = site().build();
    let terms = index_terms(&built);
    let only = |q: &str, path: &str| {
        assert_eq!(
            search(&built, &terms, q),
            [format!("meetings/{path}/")],
            "{q}"
        );
    };
    // French: accents fold, `les` and `des` are stop words.
    only("examine rapports etats", "2024-02-10-reunion");
    only("les élaboration", "2024-02-10-reunion");
    // Arabic: without diacritics, tatweel, with another alef or taa marbuta.
    only("الميزانية", "2024-03-10-ijtima");
    only("منظمة الامم", "2024-03-10-ijtima");
    only("اعلانا جديدا", "2024-03-10-ijtima");
    // Chinese: pairs of characters, and a prefix of one character.
    only("联合国开发计划署", "2024-04-10-huiyi");
    only("可持续发展", "2024-04-10-huiyi");
    only("审", "2024-04-10-huiyi");
    // Russian folds to ASCII, like every Cyrillic text.
    only("бюджет организации", "2024-05-10-zasedanie");
    only("biudzhet", "2024-05-10-zasedanie");
    // English as before.
    assert_eq!(
        search(&built, &terms, "budget"),
        [
            "meetings/2024-02-10-reunion/",
            "meetings/2024-01-10-budget/"
        ],
        "English and French"
    );
    // Stop words are dropped in their own language only: `le` is a word
    // of the English page, not of the French minutes.
    assert!(!terms.contains_key("le"));
    let manifest: Value = serde_json::from_str(&built.text("search/manifest.json")).unwrap();
    let stop: Vec<&str> = manifest["stop"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for w in ["the", "les", "chto", "في", "的"] {
        assert!(stop.contains(&w), "{w} in {stop:?}");
    }
}

#[test]
fn an_english_site_s_manifest_lists_the_english_stop_words() {
    let built = Site::empty()
        .file(
            "content/meetings/2024-01-10-budget.md",
            &meeting("title: Budget\ndate: 2024-01-10\n", "The budget."),
        )
        .build();
    let manifest: Value = serde_json::from_str(&built.text("search/manifest.json")).unwrap();
    assert_eq!(manifest["stop"], json!(quorum::search::STOP_WORDS.to_vec()));
}

#[test]
fn the_browser_splits_a_query_as_the_build_splits_text() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}search/", server.url));
    tab.wait_for(
        "document.readyState === 'complete' && document.getElementById('q-search').queryWords",
    );
    let queries = [
        "Le comité a examiné les rapports des États membres",
        "l'élaboration du programme, ÉTATS-UNIS",
        "ناقشت اللجنةُ الميزانيةَ في مُنَظَّمَة الأمم المتحدة",
        "إعلانًا جـــديدًا و ب",
        "联合国开发计划署 审 的 以及 UN安理会2024年",
        "Комитет рассмотрел бюджет Организации Объединённых Наций что",
        "Kemal Derviş Øresund",
        &edges(),
    ];
    for q in queries {
        let js = tab.eval(&format!(
            "document.getElementById('q-search').queryWords({})",
            serde_json::to_string(q).unwrap()
        ));
        let rust = quorum::search::query_words(q, LANGUAGES);
        assert_eq!(js, json!(rust), "{q}");
    }

    // And the page finds each meeting by a word of its language.
    for (q, path) in [
        ("رابطة منظمة", ""),
        ("منظمة", "2024-03-10-ijtima"),
        ("预算报告", "2024-04-10-huiyi"),
        ("élaboration", "2024-02-10-reunion"),
        ("Объединённых", "2024-05-10-zasedanie"),
    ] {
        tab.visit(&format!(
            "{}search/?q={}",
            server.url,
            common::query_value(q)
        ));
        let expected = if path.is_empty() {
            tab.wait_for(
                "/^No results/.test(document.getElementById('q-search-status').textContent)",
            );
            continue;
        } else {
            format!("/meetings/{path}/")
        };
        tab.wait_for("document.querySelectorAll('.q-search-result').length > 0");
        let found = tab.eval(
            "Array.from(document.querySelectorAll('.q-search-result__title a')).map(a => a.getAttribute('href'))",
        );
        assert_eq!(found, json!([expected]), "{q}");
        let marks =
            tab.eval("Array.from(document.querySelectorAll('.q-search-result mark')).length");
        assert!(marks.as_u64().unwrap() > 0, "{q}: the words are marked");
    }
}
