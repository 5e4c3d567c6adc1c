//! The `steering` fixture: 40 meetings of an imagined project's committees,
//! written the way real minutes look. Its README says who is who; this file
//! checks that it builds cleanly, and is the place for tests that need a site
//! of realistic size and mess.

mod common;

use common::Site;

/// The fixture with the date its `quorum.yaml` fixes, not the helpers' default.
fn steering() -> Site {
    let mut site = Site::fixture("steering");
    site.overrides.today = None;
    site
}

#[test]
fn the_steering_fixture_builds_without_warnings() {
    let built = steering().build();
    let warnings: Vec<String> = built.warnings.iter().map(|d| d.to_string()).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    let meetings: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| {
            f.strip_prefix("meetings/")
                .and_then(|rest| rest.strip_suffix("/index.html"))
                .is_some_and(|slug| {
                    !slug.contains('/') && !slug.chars().all(|c| c.is_ascii_digit())
                })
        })
        .collect();
    assert_eq!(meetings.len(), 40, "{meetings:#?}");
    let tsc = meetings
        .iter()
        .filter(|f| f.starts_with("meetings/tsc-"))
        .count();
    assert_eq!(tsc, 36);
    for page in [
        "entities/marta-kowalczyk/index.html",
        "entities/greg-polanski/index.html",
        "entities/nadia-farouk/index.html",
        "entities/google/index.html",
        "actions/disclosure-timeline/index.html",
    ] {
        assert!(built.exists(page), "{page}");
    }
}

/// The place of a passage in a meeting's minutes, as the page shows it.
#[derive(Debug)]
struct Place {
    /// The element's id (`q-p12`).
    id: String,
    /// Its own text: without the lists nested in it.
    text: String,
    /// The headings of the minutes it is under, outermost first.
    headings: Vec<String>,
}

/// Every paragraph and list item of the minutes of a meeting page.
fn places(built: &common::Built, page: &str) -> Vec<Place> {
    use scraper::{ElementRef, Node, Selector};
    fn own_text(e: ElementRef<'_>, out: &mut String) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(el) if !matches!(el.name(), "ul" | "ol" | "p" | "blockquote") => {
                    if let Some(c) = ElementRef::wrap(child) {
                        own_text(c, out);
                    }
                }
                _ => {}
            }
        }
    }
    let doc = built.html(page);
    let minutes = doc
        .select(&Selector::parse(".minutes").unwrap())
        .next()
        .unwrap_or_else(|| panic!("{page} has no minutes"));
    let mut out = Vec::new();
    let mut stack: Vec<(u8, String)> = Vec::new();
    for node in minutes.descendants() {
        let Some(e) = ElementRef::wrap(node) else {
            continue;
        };
        let name = e.value().name();
        if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()) {
            stack.retain(|(l, _)| *l < level);
            stack.push((level, e.text().collect::<String>().trim().to_owned()));
        } else if let Some(id) = e.value().id().filter(|id| id.starts_with("q-p")) {
            // A table cell's anchor is an empty span at its start.
            let holder = match name {
                "span" => e.parent().and_then(ElementRef::wrap).unwrap_or(e),
                _ => e,
            };
            let mut text = String::new();
            own_text(holder, &mut text);
            out.push(Place {
                id: id.to_owned(),
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                headings: stack.iter().map(|(_, t)| t.clone()).collect(),
            });
        }
    }
    out
}

const ROLL_CALL: [&str; 6] = [
    "Present",
    "Attendees",
    "Attendance",
    "Apologies",
    "Regrets",
    "Observers",
];

/// The meeting pages of the site.
fn meeting_pages(built: &common::Built) -> Vec<String> {
    built
        .files()
        .into_iter()
        .filter(|f| {
            f.strip_prefix("meetings/")
                .and_then(|r| r.strip_suffix("/index.html"))
                .is_some_and(|slug| {
                    !slug.contains('/') && !slug.chars().all(|c| c.is_ascii_digit())
                })
        })
        .collect()
}

/// Where the passages on an entity's page lead: (meeting page, id).
fn passages_of(built: &common::Built, entity: &str) -> Vec<(String, String)> {
    let page = format!("entities/{entity}/index.html");
    built
        .hrefs(
            &page,
            "#q-entity-mentions ~ details .q-mentions a, #q-entity-mentions ~ * .q-mentions a",
        )
        .into_iter()
        .filter(|h| h.contains("#q-p"))
        .map(|h| {
            let (file, id) = built.resolve(&page, &h).unwrap();
            (file, id)
        })
        .collect()
}

#[test]
fn a_person_s_page_quotes_every_passage_of_the_discussion_that_names_them() {
    let built = steering().build();
    for (entity, names) in [
        ("nadia-farouk", ["Nadia", "@nfarouk"]),
        ("marta-kowalczyk", ["Marta", "@mkowalczyk"]),
    ] {
        let linked: std::collections::BTreeSet<(String, String)> =
            passages_of(&built, entity).into_iter().collect();
        let mut expected = std::collections::BTreeSet::new();
        for page in meeting_pages(&built) {
            for place in places(&built, &page) {
                let named = names.iter().any(|n| {
                    place.text.match_indices(n).any(|(i, _)| {
                        let after = place.text[i + n.len()..].chars().next();
                        !after.is_some_and(char::is_alphanumeric)
                    })
                });
                let roll_call = place
                    .headings
                    .iter()
                    .any(|h| ROLL_CALL.iter().any(|r| h.starts_with(r)));
                if named && !roll_call {
                    expected.insert((page.clone(), place.id));
                }
            }
        }
        assert!(!expected.is_empty(), "{entity}");
        assert_eq!(
            linked, expected,
            "{entity}: the passages linked from the page, and those of the minutes that name them"
        );
    }
    // Named only in Apologies and Regrets: attendance, never a mention.
    let greg = built.text("entities/greg-polanski/index.html");
    assert!(
        !greg.contains("q-entity-mentions"),
        "roll-calls are not mentions"
    );
    assert!(passages_of(&built, "greg-polanski").is_empty());
    // Every link to a passage leads to an element of its page.
    built.check_links();
}

#[test]
fn summaries_are_the_meeting_s_own_words() {
    let built = steering().build();
    // Every year's page lists its meetings' summaries.
    let summaries: Vec<String> = built
        .files()
        .iter()
        .filter(|f| {
            f.strip_prefix("meetings/")
                .and_then(|f| f.strip_suffix("/index.html"))
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        })
        .flat_map(|f| built.texts(f, ".q-year-list__summary"))
        .collect();
    assert!(summaries.len() >= 10, "{summaries:?}");
    let feed = built.text("feed.xml");
    for boilerplate in [
        "Extracted from",
        "Click",
        "Recording",
        "Marta Kowalczyk @mkowalczyk",
    ] {
        assert!(
            summaries.iter().all(|s| !s.starts_with(boilerplate)),
            "{boilerplate}: {summaries:#?}"
        );
        assert!(
            !feed.contains(&format!("<summary type=\"text\">{boilerplate}")),
            "{boilerplate} in the feed"
        );
    }
    // `summary:` in the front matter still wins.
    let front = std::fs::read_to_string(
        common::sample_root()
            .join("tests/fixtures/steering/content/meetings/tsc/2020/tsc-2020-03-18.md"),
    )
    .unwrap();
    let summary = front
        .lines()
        .find_map(|l| l.strip_prefix("summary: "))
        .unwrap()
        .trim_matches('"')
        .to_owned();
    assert!(feed.contains(&summary), "{summary}");
}

#[test]
fn decisions_are_inline_markdown_and_their_names_count_as_mentions() {
    let built = steering().build();
    let page = "meetings/tsc-2021-06-23/index.html";
    let decision = built.html(page);
    let sel = scraper::Selector::parse("#q-decision-1 .q-decision__text").unwrap();
    let text = decision.select(&sel).next().expect("the decision");
    let html = text.inner_html();
    assert!(
        html.contains("<a href=\"https://github.com/example/tessera/security/advisories\">"),
        "{html}"
    );
    assert!(html.contains("<em>no</em>"), "{html}");
    assert!(!html.contains('*'), "{html}");
    // A name in a decision is a mention, linked to the decision.
    let decided: Vec<String> = built
        .hrefs("entities/nadia-farouk/index.html", ".q-mentions a")
        .into_iter()
        .chain(built.hrefs("entities/google/index.html", ".q-mentions a"))
        .chain(built.hrefs(
            "entities/open-tooling-foundation/index.html",
            ".q-mentions a",
        ))
        .filter(|h| h.contains("#q-decision-"))
        .collect();
    assert!(!decided.is_empty(), "no passage of a decision is quoted");
}

#[test]
fn placeholders_in_angle_brackets_are_shown() {
    let built = steering().build();
    let page = built.text("meetings/tsc-2022-07-20/index.html");
    assert!(
        page.contains("&lt;Not recorded&gt;"),
        "the placeholder is swallowed"
    );
}

#[test]
fn phrases_listed_as_not_mentions_are_not_mentions() {
    let with = steering().build();
    let quotes = with.texts("entities/google/index.html", ".q-mentions blockquote");
    assert!(
        quotes
            .iter()
            .all(|q| !q.contains("Google Calendar") && !q.contains("Google Meet")),
        "{quotes:#?}"
    );
    // Without the key, the products are taken for the company.
    let site = steering();
    let path = "content/entities/organizations/google.md";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(
        path,
        &text.replace(
            "not_mentions: [Google Calendar, Google calendar, Google Meet]\n",
            "",
        ),
    );
    let without = site.build();
    let quotes = without.texts("entities/google/index.html", ".q-mentions blockquote");
    assert!(
        quotes.iter().any(|q| q.contains("Google Meet")),
        "{quotes:#?}"
    );
}

#[test]
fn the_series_ranks_its_members_by_meetings_attended() {
    let built = steering().build();
    let page = built
        .files()
        .into_iter()
        .find(|f| f.starts_with("series/") && f.contains("tsc"))
        .expect("the TSC's series page");
    let text = built.texts(&page, "main").join(" ");
    let marta = text.find("Marta Kowalczyk").expect("Marta ranks");
    let daniel = text.find("Daniel Okafor").expect("Daniel ranks");
    assert!(marta < daniel, "the chair attended most");
    let row = &text[marta..];
    assert!(
        row[..row.find('%').unwrap()].contains("36 of 36"),
        "Marta attended every TSC meeting: {}",
        &row[..120.min(row.len())]
    );
}

#[test]
fn a_generated_site_of_real_shaped_minutes_builds_clean() {
    let mut site = common::corpus::messy_site(60);
    site.overrides.today = None;
    let built = site.build();
    let warnings: Vec<String> = built.warnings.iter().map(|d| d.to_string()).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    assert_eq!(meeting_pages(&built).len(), 60);
    // The chair is named in discussion, not only in the roll-calls.
    let chair = built.text("entities/aabbott/index.html");
    assert!(chair.contains("q-entity-mentions"));
    built.check_links();
}
