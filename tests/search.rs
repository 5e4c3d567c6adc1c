//! Full-text search: the index under `search/` read back and queried by a
//! small re-implementation of what `search.js` does, and the real page in a
//! real browser (skipped without Chromium, unless QUORUM_REQUIRE_BROWSER=1).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::browser::{Browser, Tab};
use common::server::Server;
use common::{Built, Site};
use serde_json::{Value, json};

/// The index of a built site, read with serde_json.
struct Index<'b> {
    built: &'b Built,
    manifest: Value,
}

/// One result: its document number and what the result shows.
#[derive(Debug, Clone)]
struct Hit {
    kind: String,
    path: String,
    title: String,
    text: String,
}

impl<'b> Index<'b> {
    fn new(built: &'b Built) -> Index<'b> {
        let manifest = json_of(built, "search/manifest.json");
        Index { built, manifest }
    }

    fn shards(&self) -> Vec<String> {
        self.manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect()
    }

    /// The words of a query, folded as the index folds them.
    fn words(&self, query: &str) -> Vec<String> {
        let stop: BTreeSet<&str> = self.manifest["stop"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let fold = self.manifest["fold"].as_object().unwrap();
        let mut folded = String::new();
        for c in query.chars().flat_map(char::to_lowercase) {
            match fold.get(&c.to_string()) {
                Some(f) => folded.push_str(f.as_str().unwrap()),
                None => folded.push(c),
            }
        }
        let mut out: Vec<String> = Vec::new();
        for w in folded.split(|c: char| !c.is_alphanumeric()) {
            if w.len() > 1 && !stop.contains(w) && !out.iter().any(|o| o == w) {
                out.push(w.to_owned());
            }
        }
        out
    }

    /// Document → score for one word, as a prefix.
    fn lookup(&self, word: &str) -> BTreeMap<u32, f32> {
        let keys = self.shards();
        let first = keys.partition_point(|k| k.as_str() <= word) - 1;
        let mut last = first;
        while last + 1 < keys.len() && keys[last + 1].starts_with(word) {
            last += 1;
        }
        let n = self.manifest["docs"].as_f64().unwrap() as f32;
        let idf = |df: usize| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        let mut scores = BTreeMap::new();
        for s in first..=last {
            let shard = json_of(self.built, &format!("search/t/{s}.json"));
            for (term, list) in shard.as_object().unwrap() {
                if !term.starts_with(word) {
                    continue;
                }
                let postings = quorum::search::decode(list.as_str().unwrap(), true)
                    .unwrap_or_else(|| panic!("{term}: postings do not decode"));
                // All the terms a word starts are scored as one, with their idf.
                let factor = if term == word { 1.0 } else { 0.8 } / idf(postings.len());
                for (doc, q) in postings {
                    let v = quorum::search::dequantise(q) * factor;
                    let s = scores.entry(doc).or_insert(0.0f32);
                    *s = s.max(v);
                }
            }
        }
        let all = idf(scores.len());
        scores.values_mut().for_each(|v| *v *= all);
        scores
    }

    /// Every document with every word, best first.
    fn query(&self, query: &str) -> Vec<Hit> {
        let words = self.words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let maps: Vec<BTreeMap<u32, f32>> = words.iter().map(|w| self.lookup(w)).collect();
        let mut hits: Vec<(u32, f32)> = maps[0]
            .iter()
            .filter_map(|(&doc, &s)| {
                maps[1..]
                    .iter()
                    .try_fold(s, |acc, m| m.get(&doc).map(|v| acc + v))
                    .map(|total| (doc, total))
            })
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(doc, _)| self.record(doc)).collect()
    }

    fn record(&self, doc: u32) -> Hit {
        let kind = self.manifest["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| {
                k["start"].as_u64().unwrap() <= doc.into()
                    && u64::from(doc) < k["end"].as_u64().unwrap()
            })
            .unwrap_or_else(|| panic!("document {doc} has no kind"));
        let starts = quorum::search::decode(self.manifest["chunks"].as_str().unwrap(), false)
            .expect("chunk starts decode");
        let start = starts[starts.partition_point(|(s, _)| *s <= doc) - 1].0;
        let records = json_of(self.built, &format!("search/doc/{start}.json"));
        let r = &records[(doc - start) as usize];
        Hit {
            kind: kind["kind"].as_str().unwrap().to_owned(),
            path: r["path"].as_str().unwrap().to_owned(),
            title: r["title"].as_str().unwrap().to_owned(),
            text: r["text"].as_str().unwrap().to_owned(),
        }
    }

    fn filter(&self, name: &str) -> BTreeSet<u32> {
        let f = json_of(self.built, &format!("search/filter/{name}.json"));
        quorum::search::decode(f["docs"].as_str().unwrap(), false)
            .unwrap()
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }
}

fn json_of(built: &Built, rel: &str) -> Value {
    serde_json::from_str(&built.text(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn paths(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.path.as_str()).collect()
}

#[test]
fn a_query_finds_meetings_entities_topics_and_actions_best_first() {
    let built = Site::fixture("tricky").build();
    let index = Index::new(&built);

    let budget = index.query("budget");
    let found = paths(&budget);
    for expected in [
        "topics/budget/",
        "topics/budget-2024/",
        "meetings/2023-11-council/",
        "meetings/2023-12-council/",
        "actions/2023-11-council-1/",
    ] {
        assert!(found.contains(&expected), "{expected} not in {found:?}");
    }
    assert!(
        budget[0].kind == "topic",
        "a topic named Budget comes first: {found:?}"
    );
    assert!(
        !found.iter().any(|p| p.starts_with("entities/")),
        "{found:?}"
    );

    // Every word must match, each as the start of a term.
    assert_eq!(paths(&index.query("budg")), found);
    let both = index.query("BUDGET nordic");
    assert_eq!(
        paths(&both).into_iter().collect::<BTreeSet<_>>(),
        BTreeSet::from([
            "meetings/2023-11-council/",
            "meetings/2023-12-council/",
            "actions/2023-11-council-1/"
        ]),
        "an action is found by its owners' names"
    );
    assert!(index.query("budget zebra").is_empty());
    assert!(
        index.query("the of a").is_empty(),
        "stop words alone find nothing"
    );

    // Names: accents and other scripts fold to ASCII, queries fold the same way.
    assert_eq!(index.query("muller")[0].path, "entities/zoe-muller/");
    assert_eq!(index.query("Müller")[0].path, "entities/zoe-muller/");
    assert_eq!(index.query("oresund")[0].path, "entities/oresund-council/");
    assert_eq!(index.query("李伟")[0].path, "entities/li-wei/");
    assert_eq!(index.query("treasurer")[0].title, "李伟");
    // Aliases are names too.
    assert_eq!(index.query("finances")[0].path, "topics/budget/");
    // Free pages are searchable.
    assert_eq!(paths(&index.query("fixture")), ["pages/about/"]);
}

#[test]
fn the_sample_finds_dervis_without_the_cedilla() {
    let built = Site::sample().build();
    let index = Index::new(&built);
    let hits = index.query("dervis");
    assert_eq!(hits[0].path, "entities/kemal-dervis/", "{:?}", paths(&hits));
    assert_eq!(hits[0].title, "Kemal Derviş");
    assert!(
        hits.iter().any(|h| h.kind == "meeting"),
        "the minutes that mention him: {:?}",
        paths(&hits)
    );
    let reform = index.query("un reform");
    assert!(
        reform.iter().any(|h| h.path == "topics/un-reform/"),
        "{:?}",
        paths(&reform)
    );
}

#[test]
fn records_hold_plain_text_and_lead_to_pages() {
    let built = Site::fixture("tricky").build();
    let index = Index::new(&built);
    let docs = index.manifest["docs"].as_u64().unwrap() as u32;
    assert_eq!(docs, 3 + 5 + 2 + 2 + 1);
    for doc in 0..docs {
        let hit = index.record(doc);
        let (file, _) = built
            .resolve("search/index.html", &format!("/minutes/{}", hit.path))
            .unwrap();
        assert!(built.path(&file).is_file(), "{} leads nowhere", hit.path);
        assert!(
            !hit.text.contains("[["),
            "{}: wiki-link syntax in {:?}",
            hit.path,
            hit.text
        );
        assert!(
            !hit.text.contains("```"),
            "{}: Markdown in {:?}",
            hit.path,
            hit.text
        );
    }
    // Front matter is kept as written: the page puts it on screen as text.
    let xss = index.query("onerror");
    assert_eq!(xss[0].title, "<script>alert('name')</script>");
    let meeting = index.record(2);
    assert_eq!(meeting.path, "meetings/2023-11-council/");
    assert_eq!(meeting.title, "First meeting <b>bold</b>");
    assert!(
        meeting.text.contains("Mr. Li presented the budget."),
        "{}",
        meeting.text
    );
    assert!(
        meeting.text.contains("Adopt the agenda <as amended>"),
        "decisions are searchable"
    );
}

/// Minutes as they are written: tight lists with a list nested in an item
/// (no blank lines), and a table the last item runs into. In the budget
/// board's minutes "deferred" is only ever the first word of a nested item.
fn nested_list_site() -> Site {
    Site::empty()
        .file(
            "content/meetings/care-board.md",
            "---\ntitle: Care board\ndate: 2024-02-12\n---\n\
             * Updated tender for care strategy [#602](https://tracker.example.org/x/issues/602)\n  \
             * Karin: deferred to next week\n  \
             * no objections, will land\n\
             | a | b |\n|---|---|\n| cell1 | cell2 |\n",
        )
        .file(
            "content/meetings/budget-board.md",
            "---\ntitle: Budget board\ndate: 2024-01-15\n---\n\
             * Budget review [#231](https://tracker.example.org/x/issues/231)\n  \
             * deferred until the audit\n  * Ada signed\n",
        )
}

#[test]
fn the_first_word_of_a_nested_list_item_is_a_word_of_its_own() {
    let built = nested_list_site().build();
    let index = Index::new(&built);
    let deferred = index.query("deferred");
    assert_eq!(
        paths(&deferred).into_iter().collect::<BTreeSet<_>>(),
        BTreeSet::from(["meetings/budget-board/", "meetings/care-board/"]),
    );
    let budget = deferred.iter().find(|h| h.title == "Budget board").unwrap();
    assert_eq!(
        budget.text,
        "Budget review #231\ndeferred until the audit\nAda signed\n"
    );
    assert_eq!(
        paths(&index.query("231 deferred")),
        ["meetings/budget-board/"]
    );
    assert_eq!(paths(&index.query("audit ada")), ["meetings/budget-board/"]);

    let care = index.query("karin");
    assert_eq!(paths(&care), ["meetings/care-board/"]);
    let text = &care[0].text;
    assert!(
        text.starts_with(
            "Updated tender for care strategy #602\nKarin: deferred to next week\n\
             no objections, will land"
        ),
        "{text:?}"
    );
    assert!(!text.contains("602Karin"), "{text:?}");
    assert_eq!(paths(&index.query("602 karin")), ["meetings/care-board/"]);
    assert!(index.query("602karin").is_empty(), "no glued term");
    assert_eq!(paths(&index.query("cell2")), ["meetings/care-board/"]);
}

#[test]
fn action_and_decision_texts_read_as_their_pages_show_them() {
    let built = Site::empty()
        .file(
            "content/meetings/board.md",
            "---\ntitle: Board\ndate: 2024-02-01\n\
             actions:\n  - text: \"Make **DESA**'s case un*believ*able\"\n\
             decisions:\n  - text: \"Karin's *re*drafting is agreed, by <TBD>\"\n---\nMinutes.\n",
        )
        .build();
    let index = Index::new(&built);
    let action = index.query("unbelievable");
    assert_eq!(paths(&action), ["actions/board-1/"]);
    assert_eq!(action[0].title, "Make DESA's case unbelievable");
    let decision = index.query("redrafting tbd");
    assert_eq!(paths(&decision), ["meetings/board/"]);
    assert!(
        decision[0]
            .text
            .contains("Karin's redrafting is agreed, by <TBD>"),
        "{:?}",
        decision[0].text
    );
}

#[test]
fn kinds_years_and_filters_are_ranges_and_lists_of_documents() {
    let built = Site::fixture("tricky").build();
    let index = Index::new(&built);
    let m = &index.manifest;
    let kinds: Vec<(&str, u64, u64)> = m["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["kind"].as_str().unwrap(),
                k["start"].as_u64().unwrap(),
                k["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("meeting", 0, 3),
            ("entity", 3, 8),
            ("topic", 8, 10),
            ("action", 10, 12),
            ("page", 12, 13)
        ]
    );
    // Meetings newest first, so each year is a range of meetings and one of actions.
    assert_eq!(index.record(0).path, "meetings/2024-02-council/");
    assert_eq!(
        m["years"],
        json!([
            { "year": 2024, "ranges": [[0, 1]] },
            { "year": 2023, "ranges": [[1, 3], [10, 12]] }
        ])
    );
    let budget: BTreeSet<String> = index
        .filter("topic-budget")
        .into_iter()
        .map(|d| index.record(d).path)
        .collect();
    assert_eq!(
        budget,
        BTreeSet::from([
            "topics/budget/".to_owned(),
            "meetings/2023-11-council/".to_owned()
        ])
    );
    let li: Vec<String> = index
        .filter("entity-li-wei")
        .into_iter()
        .map(|d| index.record(d).path)
        .collect();
    assert!(li.contains(&"entities/li-wei/".to_owned()), "{li:?}");
    assert!(
        li.contains(&"actions/2023-11-council-1/".to_owned()),
        "owner: {li:?}"
    );
    assert!(
        li.contains(&"meetings/2024-02-council/".to_owned()),
        "attended: {li:?}"
    );
}

#[test]
fn shards_are_in_term_order_and_every_term_is_in_its_shard() {
    let built = Site::sample().build();
    let index = Index::new(&built);
    let keys = index.shards();
    assert_eq!(keys[0], "");
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    let mut terms = 0;
    for (n, key) in keys.iter().enumerate() {
        let shard = json_of(&built, &format!("search/t/{n}.json"));
        for term in shard.as_object().unwrap().keys() {
            assert!(
                term.as_str() >= key.as_str(),
                "{term} before its shard's key {key}"
            );
            if let Some(next) = keys.get(n + 1) {
                assert!(term < next, "{term} belongs in a later shard than {n}");
            }
            assert!(
                term.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{term}"
            );
            terms += 1;
        }
    }
    assert!(terms > 500, "the sample has {terms} terms");
}

#[test]
fn the_index_is_byte_identical_from_build_to_build() {
    let site = Site::fixture("tricky");
    let a = site.build_to(&site.root.join("out-a")).snapshot();
    let b = site.build_to(&site.root.join("out-b")).snapshot();
    let search = |s: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        s.iter()
            .filter(|(k, _)| k.starts_with("search/"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let (a, b) = (search(&a), search(&b));
    assert!(a.len() > 10);
    assert!(a == b, "the search index differs between two builds");
}

#[test]
fn every_page_has_a_search_box_that_leads_to_the_search_page() {
    let built = Site::fixture("tricky").build();
    let pages: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    for page in &pages {
        let doc = built.html(page);
        let sel = scraper::Selector::parse("header form[role=search]").unwrap();
        let forms: Vec<_> = doc.select(&sel).collect();
        if page == "search/index.html" {
            assert!(forms.is_empty(), "the search page has its own box");
            continue;
        }
        assert_eq!(forms.len(), 1, "{page}");
        let action = forms[0].value().attr("action").unwrap();
        assert_eq!(action, "/minutes/search/", "{page}");
        let input = scraper::Selector::parse("input[name=q]").unwrap();
        assert_eq!(forms[0].select(&input).count(), 1, "{page}");
    }
    // The search page: its script from the site, its filters from the graph.
    let doc = built.html("search/index.html");
    let src = scraper::Selector::parse("script[src]").unwrap();
    let srcs: Vec<&str> = doc
        .select(&src)
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert_eq!(
        srcs,
        ["/minutes/assets/preview.js", "/minutes/assets/search.js"]
    );
    assert!(built.exists("assets/search.js"));
    assert_eq!(
        built.texts("search/index.html", "#q-search-topic option"),
        ["Any topic", "Budget", "Budget 2024"]
    );
    assert_eq!(
        built.texts("search/index.html", "#q-search-kind option"),
        [
            "Any kind", "Meetings", "Entities", "Topics", "Actions", "Pages"
        ]
    );
    assert_eq!(
        built.texts("search/index.html", "#q-search-year option"),
        ["Any year", "2024", "2023"]
    );
    built.check_links();

    let rel = Site::fixture("tricky").file(
        "quorum.yaml",
        "title: Tricky\nbase_url: https://intranet.example/minutes/\nrelative_urls: true\n",
    );
    let built = rel.build();
    let doc = built.html("meetings/2023-11-council/index.html");
    let sel = scraper::Selector::parse("form[role=search]").unwrap();
    let action = doc
        .select(&sel)
        .next()
        .unwrap()
        .value()
        .attr("action")
        .unwrap()
        .to_owned();
    assert_eq!(action, "../../search/index.html");
    let index = Index::new(&built);
    assert_eq!(
        index.query("muller")[0].path,
        "entities/zoe-muller/index.html"
    );
}

// ------------------------------------------------------------ in a browser

fn results(tab: &mut Tab) -> Vec<String> {
    let v = tab.eval(
        "Array.from(document.querySelectorAll('.q-search-result__title a')).map(a => a.getAttribute('href'))",
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_search_page_finds_highlights_filters_and_follows_the_keyboard() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    assert!(server.url.ends_with("/minutes/"), "served under a sub-path");
    let mut tab = browser.open(&format!("{}search/", server.url));
    tab.wait_for("document.readyState === 'complete' && document.getElementById('q-search-input')");
    tab.eval("document.getElementById('q-search-input').focus()");
    tab.call("Input.insertText", json!({ "text": "budget" }));
    tab.key("Enter", 13, Some("\r"));
    tab.wait_for("document.querySelectorAll('.q-search-result').length >= 5");
    let status = tab.eval("document.getElementById('q-search-status').textContent");
    assert!(
        status
            .as_str()
            .unwrap()
            .starts_with("6 results for “budget”"),
        "{status}"
    );
    assert_eq!(
        tab.eval("location.search"),
        json!("?q=budget"),
        "the query is kept in the address"
    );
    let marks = tab.eval(
        "Array.from(document.querySelectorAll('.q-search-result mark')).map(m => m.textContent.toLowerCase())",
    );
    assert!(
        marks.as_array().unwrap().iter().all(|m| m == "budget"),
        "{marks}"
    );
    assert!(
        tab.eval("document.querySelector('.q-search-result__snippet mark') !== null")
            == json!(true)
    );
    let found = results(&mut tab);
    assert!(
        found.contains(&"/minutes/meetings/2023-11-council/".to_owned()),
        "{found:?}"
    );
    // Result links lead to the pages, under the sub-path.
    let page = server.get(found[0].trim_start_matches("/minutes/"));
    assert_eq!(page.status, 200, "{}", found[0]);

    // Arrow keys move through the results; Escape goes back to the box.
    tab.key("ArrowDown", 40, None);
    assert_eq!(
        tab.eval("document.activeElement.getAttribute('href')"),
        json!(found[0])
    );
    tab.key("ArrowDown", 40, None);
    assert_eq!(
        tab.eval("document.activeElement.getAttribute('href')"),
        json!(found[1])
    );
    tab.key("ArrowUp", 38, None);
    tab.key("ArrowUp", 38, None);
    assert_eq!(
        tab.eval("document.activeElement.id"),
        json!("q-search-input")
    );

    // A filter narrows the results, and counts show next to each kind.
    tab.eval(
        "(() => { const s = document.getElementById('q-search-kind'); s.value = 'topic'; s.dispatchEvent(new Event('change')); })()",
    );
    tab.wait_for("document.getElementById('q-search-status').textContent.startsWith('2 results')");
    let topics = results(&mut tab);
    assert_eq!(
        topics,
        ["/minutes/topics/budget-2024/", "/minutes/topics/budget/"]
    );
    assert_eq!(
        tab.eval("document.querySelector('#q-search-kind option[value=meeting]').textContent"),
        json!("Meetings (3)")
    );
    tab.eval(
        "(() => { const s = document.getElementById('q-search-kind'); s.value = ''; s.dispatchEvent(new Event('change')); const e = document.getElementById('q-search-entity'); e.value = 'li-wei'; e.dispatchEvent(new Event('change')); })()",
    );
    tab.wait_for("document.getElementById('q-search-status').textContent.startsWith('4 results')");
    assert!(!results(&mut tab).iter().any(|p| p.contains("/topics/")));
    assert_eq!(
        tab.eval("location.search"),
        json!("?q=budget&entity=li-wei")
    );

    // Escape clears the search.
    tab.eval("document.getElementById('q-search-input').focus()");
    tab.key("Escape", 27, None);
    tab.wait_for("document.querySelectorAll('.q-search-result').length === 0");
    assert_eq!(
        tab.eval("document.getElementById('q-search-input').value"),
        json!("")
    );

    // Everything came from the site itself.
    let foreign = tab.eval(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin + '/minutes/'))",
    );
    assert_eq!(foreign, json!([]));
}

#[test]
fn the_header_box_leads_to_results_and_hostile_names_stay_text() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}meetings/", server.url));
    tab.wait_for("document.readyState === 'complete' && document.getElementById('q-search-box')");
    tab.eval("document.getElementById('q-search-box').focus()");
    tab.call("Input.insertText", json!({ "text": "onerror" }));
    tab.key("Enter", 13, Some("\r"));
    tab.wait_for("location.pathname.endsWith('/search/') && document.querySelectorAll('.q-search-result').length === 1");
    assert_eq!(
        tab.eval("document.getElementById('q-search-input').value"),
        json!("onerror")
    );
    assert_eq!(
        tab.eval("document.querySelector('.q-search-result__title a').textContent"),
        json!("<script>alert('name')</script>")
    );
    assert_eq!(
        tab.eval(
            "document.querySelectorAll('#q-search-results img, #q-search-results script').length"
        ),
        json!(0)
    );
    let snippet = tab.eval("document.querySelector('.q-search-result__snippet').textContent");
    assert!(
        snippet
            .as_str()
            .unwrap()
            .contains("<img src=x onerror=alert(1)>"),
        "{snippet}"
    );
    assert_eq!(
        tab.eval("document.querySelector('.q-search-result__snippet mark').textContent"),
        json!("onerror")
    );
}

#[test]
fn the_search_page_finds_a_word_opening_a_nested_list_item() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = nested_list_site();
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}search/", server.url));
    tab.wait_for("document.readyState === 'complete' && document.getElementById('q-search-input')");
    tab.eval("document.getElementById('q-search-input').focus()");
    tab.call("Input.insertText", json!({ "text": "deferred" }));
    tab.key("Enter", 13, Some("\r"));
    tab.wait_for("document.querySelectorAll('.q-search-result').length === 2");
    let shown = tab.eval(
        "Object.fromEntries(Array.from(document.querySelectorAll('.q-search-result')).map(r => [\
         r.querySelector('.q-search-result__title a').getAttribute('href'), \
         r.querySelector('.q-search-result__snippet').textContent]))",
    );
    let snippet = |path: &str| -> String {
        let url = format!("/{path}");
        shown[&url]
            .as_str()
            .unwrap_or_else(|| panic!("{url} not among {shown}"))
            .to_owned()
    };
    assert_eq!(
        snippet("meetings/budget-board/"),
        "Budget review #231 · deferred until the audit · Ada signed"
    );
    let care = snippet("meetings/care-board/");
    assert!(
        care.starts_with(
            "Updated tender for care strategy #602 · Karin: deferred to next week · no objections"
        ),
        "{care}"
    );
    let marks = tab.eval(
        "Array.from(document.querySelectorAll('.q-search-result__snippet mark')).map(m => m.textContent)",
    );
    assert_eq!(marks, json!(["deferred", "deferred"]));
}

#[test]
fn opened_from_files_the_search_page_says_it_needs_a_server() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let built = Site::fixture("tricky")
        .file(
            "quorum.yaml",
            "title: Tricky\nbase_url: https://intranet.example/minutes/\nrelative_urls: true\n",
        )
        .build();
    let url = format!(
        "file://{}?q=budget",
        built.path("search/index.html").display()
    );
    let mut tab = browser.open(&url);
    tab.wait_for("document.readyState === 'complete'");
    tab.wait_for("!document.getElementById('q-search-file').hidden");
    let notice = tab.eval("document.getElementById('q-search-file').innerText");
    assert!(
        notice
            .as_str()
            .unwrap()
            .contains("needs the site to be served"),
        "{notice}"
    );
    assert_eq!(
        tab.eval("document.getElementById('q-search-input').disabled"),
        json!(true)
    );
    assert_eq!(
        tab.eval("document.querySelectorAll('.q-search-result').length"),
        json!(0)
    );
}

/// Measures what single queries download from a served site, for
/// docs/search.md: serve a build (`python3 -m http.server`, or any server),
/// then `QUORUM_SEARCH_URL=http://127.0.0.1:8000/ cargo test --test search
/// -- --ignored --nocapture`. Each query runs in a fresh tab with the cache
/// disabled, so everything it needs is counted.
#[test]
#[ignore = "measures a served site named by QUORUM_SEARCH_URL"]
fn measure_what_one_query_downloads() {
    let Ok(url) = std::env::var("QUORUM_SEARCH_URL") else {
        eprintln!("skipped: set QUORUM_SEARCH_URL to a served site");
        return;
    };
    let Some(browser) = Browser::launch() else {
        return;
    };
    let queries = std::env::var("QUORUM_SEARCH_QUERIES").unwrap_or_else(|_| {
        "q=budget;q=olga+bianchi;q=energy+reform;q=budget&kind=meeting&year=2015;\
         q=budget&entity=olga-bianchi;q=energy+reform&topic=energy-reform;q=decis"
            .into()
    });
    for query in queries.split(';') {
        let mut tab = browser.open("about:blank");
        tab.call("Network.enable", json!({}));
        tab.call("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
        tab.call(
            "Page.navigate",
            json!({ "url": format!("{url}search/?{query}") }),
        );
        tab.wait_for(
            "document.readyState === 'complete' && (/^No results/.test(document.getElementById('q-search-status').textContent) \
             || document.querySelectorAll('.q-search-result').length > 0)",
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
        let m = tab.eval(
            "(() => { const nav = performance.getEntriesByType('navigation')[0]; \
               const res = performance.getEntriesByType('resource'); \
               const idx = res.filter(e => e.name.includes('/search/') ); \
               const sum = (l, k) => l.reduce((a, e) => a + e[k], 0); \
               return { status: document.getElementById('q-search-status').textContent, \
                 first: (document.querySelector('.q-search-result__title a') || {}).textContent || '', \
                 page: nav.encodedBodySize, assets: sum(res.filter(e => !e.name.includes('/search/')), 'encodedBodySize'), \
                 index: sum(idx, 'encodedBodySize'), index_transfer: sum(idx, 'transferSize'), \
                 files: idx.map(e => e.name.replace(/^.*\\/search\\//, '') + ' ' + e.encodedBodySize) }; })()",
        );
        println!(
            "{query}: {}  first: {}\n  search page {} B, css+js {} B, index {} B in {} files ({} B with headers)\n  {}",
            m["status"].as_str().unwrap_or(""),
            m["first"].as_str().unwrap_or(""),
            m["page"],
            m["assets"],
            m["index"],
            m["files"].as_array().map_or(0, Vec::len),
            m["index_transfer"],
            m["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
