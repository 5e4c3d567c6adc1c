//! Actions and decisions written in the minutes where they are said: the
//! attribute block (`{.action …}`, `{.decision …}`), task items under an
//! "Action items" heading, their errors, and the promise that a meeting
//! written this way builds the same site as one that lists them in front
//! matter, apart from the minutes' own text.

mod common;

use common::{Site, find};
use std::collections::BTreeSet;

const SLUG: &str = "ecesa-principals-2006-09";
const FILE: &str = "content/meetings/2006/ecesa-principals-2006-09.md";

/// A meeting that writes its conclusions once, in the minutes.
const INLINE: &str = r#"---
title: ECESA Principals, September meeting
date: 2006-09-20
series: ECESA Principals
attendees: [DESA, UNDP, ESCWA]
actions:
  - owner: DESA
    text: Circulate the agenda of the retreat.
---
The Principals reviewed the follow-up to the July meeting and the preparations for the retreat.

## Conclusions

1. UNDP will prepare a note on its regional centres, see https://example.org/undp/regional-centres. {.action due=2006-10-31 topics="Regional coordination"}
2. Principals agreed to meet again in *December*. {.decision topics="Regional coordination"}

ESCWA will host the retreat with DESA. {.action owner="ESCWA, DESA" status=in-progress #retreat}

## Action items

- [ ] DESA to update the `calendar` of meetings
- [x] ESCWA sent the report of the regional meeting
"#;

/// The same meeting with its conclusions in front matter: the minutes keep
/// only what is not an action or a decision.
const FRONT: &str = r#"---
title: ECESA Principals, September meeting
date: 2006-09-20
series: ECESA Principals
attendees: [DESA, UNDP, ESCWA]
actions:
  - owner: DESA
    text: Circulate the agenda of the retreat.
  - owner: UNDP
    text: UNDP will prepare a note on its regional centres, see https://example.org/undp/regional-centres.
    due: 2006-10-31
    topics: [Regional coordination]
  - id: retreat
    owner: [ESCWA, DESA]
    status: in-progress
    text: ESCWA will host the retreat with DESA.
  - owner: DESA
    text: DESA to update the `calendar` of meetings
  - owner: ESCWA
    status: done
    text: ESCWA sent the report of the regional meeting
decisions:
  - text: Principals agreed to meet again in *December*.
    topics: [Regional coordination]
---
The Principals reviewed the follow-up to the July meeting and the preparations for the retreat.

## Conclusions

## Action items
"#;

fn site(meeting: &str) -> Site {
    Site::sample().file(FILE, meeting)
}

#[test]
fn each_inline_form_is_an_action_or_a_decision_of_its_meeting() {
    let built = site(INLINE).build();
    let page = format!("meetings/{SLUG}/index.html");
    // Front matter's first, then the body's in document order.
    for (id, owner, text) in [
        (format!("{SLUG}-1"), "DESA", "Circulate the agenda"),
        (
            format!("{SLUG}-2"),
            "UNDP",
            "prepare a note on its regional centres",
        ),
        ("retreat".to_owned(), "ESCWA", "host the retreat"),
        (format!("{SLUG}-4"), "DESA", "update the"),
        (format!("{SLUG}-5"), "ESCWA", "sent the report"),
    ] {
        let action = format!("actions/{id}/index.html");
        assert!(built.exists(&action), "{action}: {:#?}", built.files());
        let html = built.text(&action);
        assert!(html.contains(text), "{action}: {text}");
        assert!(
            built
                .hrefs(&action, "main a")
                .iter()
                .any(|h| h.contains(&format!("entities/{}/", owner.to_lowercase()))),
            "{action} names its owner {owner}"
        );
    }
    // Status, due date and a second owner from the block; done from `[x]`.
    let retreat = built.text("actions/retreat/index.html");
    assert!(retreat.contains("In progress"), "{retreat}");
    assert!(
        built
            .hrefs("actions/retreat/index.html", "main a")
            .iter()
            .any(|h| h.contains("entities/desa/"))
    );
    assert!(
        built
            .text(&format!("actions/{SLUG}-5/index.html"))
            .contains("Done")
    );
    assert!(
        built
            .text(&format!("actions/{SLUG}-2/index.html"))
            .contains("2006-10-31")
            || built
                .text(&format!("actions/{SLUG}-2/index.html"))
                .contains("31 October 2006")
    );
    // The text is rendered as Markdown: the URL a link, the code code.
    assert!(
        built
            .hrefs(&format!("actions/{SLUG}-2/index.html"), "main a")
            .iter()
            .any(|h| h == "https://example.org/undp/regional-centres")
    );
    assert!(
        built
            .text(&format!("actions/{SLUG}-4/index.html"))
            .contains("<code>calendar</code>")
    );
    // The topic's page lists the action and the decision.
    let topic = built.text("topics/regional-coordination/index.html");
    assert!(topic.contains("prepare a note on its regional centres"));
    assert!(topic.contains("agreed to meet again"));

    // In the minutes: the text where it was written, no attribute block, a
    // link to each action's page with its status, and a mark on the decision.
    let minutes = built.texts(&page, ".q-minutes").join("\n");
    assert!(!minutes.contains("{."), "{minutes}");
    assert!(!minutes.contains("due="), "{minutes}");
    assert!(minutes.contains("UNDP will prepare a note"), "{minutes}");
    let marks = built.hrefs(&page, ".q-minutes a.q-item");
    for id in [
        format!("{SLUG}-2"),
        "retreat".into(),
        format!("{SLUG}-4"),
        format!("{SLUG}-5"),
    ] {
        assert!(
            marks.iter().any(|h| h.ends_with(&format!("actions/{id}/"))),
            "{id}: {marks:?}"
        );
    }
    assert!(
        marks.iter().any(|h| h.starts_with("#q-decision-")),
        "{marks:?}"
    );
    let labels = built.texts(&page, ".q-minutes a.q-item").join(" | ");
    assert!(labels.contains("In progress"), "{labels}");
    assert!(labels.contains("Done"), "{labels}");
    // The register holds them like any other action.
    let register = built.text("actions/index.html");
    assert!(register.contains("host the retreat"));
}

#[test]
fn a_site_written_inline_builds_as_one_written_in_front_matter() {
    let inline = site(INLINE).build().snapshot();
    let front = site(FRONT).build().snapshot();
    // No page, feed, preview or search document shows an attribute block.
    for (path, bytes) in &inline {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("{.action") && !text.contains("{.decision"),
            "{path} shows an attribute block"
        );
    }
    let files = |s: &std::collections::BTreeMap<String, Vec<u8>>| -> BTreeSet<String> {
        s.keys().cloned().collect()
    };
    assert_eq!(files(&inline), files(&front));
    let differ: Vec<&String> = inline
        .iter()
        .filter(|(path, bytes)| front.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    // The minutes' text is on the meeting's page and in the search index,
    // nowhere else.
    let allowed =
        |path: &str| path.starts_with(&format!("meetings/{SLUG}/")) || path.starts_with("search/");
    let unexpected: Vec<&&String> = differ.iter().filter(|p| !allowed(p)).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

#[test]
fn task_items_are_actions_under_the_headings_the_site_names() {
    let meeting = r#"---
title: ECESA Principals, September meeting
date: 2006-09-20
series: ECESA Principals
---
## Follow-up

- [ ] UNDP to send the figures

## Notes

- [ ] A list of things to remember, not actions
"#;
    let built = site(meeting).build();
    assert!(!built.exists(&format!("actions/{SLUG}-1/index.html")));

    let site = site(meeting);
    let config = std::fs::read_to_string(site.root.join("quorum.yaml")).unwrap();
    site.write(
        "quorum.yaml",
        &format!("{config}\naction_items: [Follow-up]\n"),
    );
    let built = site.build();
    let action = built.text(&format!("actions/{SLUG}-1/index.html"));
    assert!(action.contains("UNDP to send the figures"));
    assert!(!built.exists(&format!("actions/{SLUG}-2/index.html")));
}

#[test]
fn a_misspelt_key_is_an_error_at_its_place_with_a_suggestion() {
    let meeting = INLINE.replace("status=in-progress", "staus=in-progress");
    let errors = site(&meeting).build_errors();
    let e = find(&errors, "`staus`");
    assert!(e.path.ends_with("ecesa-principals-2006-09.md"), "{e}");
    let line = meeting.lines().position(|l| l.contains("staus=")).unwrap() + 1;
    assert_eq!(e.line, line, "{e}");
    let column = meeting
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("staus=")
        .unwrap()
        + 1;
    assert_eq!(e.column, column, "{e}");
    assert_eq!(e.help.as_deref(), Some("did you mean `status`?"), "{e}");
}

#[test]
fn a_malformed_block_is_an_error_at_its_line_and_column() {
    for (broken, needle) in [
        (
            r#"{.action owner="ESCWA, DESA status=in-progress #retreat}"#,
            "owner",
        ),
        ("{.action due=2006-13-45}", "due"),
        ("{.action status=finished}", "status"),
        ("{.decision #d1}", "decision"),
    ] {
        let meeting = INLINE.replace(
            r#"{.action owner="ESCWA, DESA" status=in-progress #retreat}"#,
            broken,
        );
        let errors = site(&meeting).build_errors();
        assert!(!errors.is_empty(), "{broken}");
        let e = &errors[0];
        assert!(e.is_error(), "{e}");
        assert!(e.path.ends_with("ecesa-principals-2006-09.md"), "{e}");
        let line = meeting.lines().position(|l| l.contains(broken)).unwrap() + 1;
        assert_eq!(e.line, line, "{broken}: {e}");
        let start = meeting.lines().nth(line - 1).unwrap().find(broken).unwrap() + 1;
        assert!(
            e.column >= start && e.column <= start + broken.len(),
            "{broken}: column {} outside {start}..: {e}",
            e.column
        );
        assert!(e.help.is_some(), "{broken}: {e}");
        let text = e.to_string();
        assert!(text.contains(needle), "{broken}: {text}");
    }
}

#[test]
fn an_id_given_inline_and_in_front_matter_is_an_error_naming_both() {
    let meeting = INLINE.replace(
        "  - owner: DESA\n    text: Circulate the agenda of the retreat.\n",
        "  - id: retreat\n    owner: DESA\n    text: Circulate the agenda of the retreat.\n",
    );
    let errors = site(&meeting).build_errors();
    let e = find(&errors, "two actions have the id `retreat`");
    let text = e.to_string();
    let front_line = meeting
        .lines()
        .position(|l| l.contains("id: retreat"))
        .unwrap()
        + 1;
    let inline_line = meeting
        .lines()
        .position(|l| l.contains("#retreat"))
        .unwrap()
        + 1;
    assert!(
        [front_line, inline_line].contains(&e.line),
        "line {}: {text}",
        e.line
    );
    let other = if e.line == front_line {
        inline_line
    } else {
        front_line
    };
    assert!(
        text.contains(&format!("ecesa-principals-2006-09.md:{other}")),
        "{text} should name line {other}"
    );
}

#[test]
fn braces_in_prose_and_code_are_left_as_written() {
    let meeting = r#"---
title: ECESA Principals, September meeting
date: 2006-09-20
series: ECESA Principals
---
The set {a, b} was discussed, and `{.action}` is how to mark one.

```
- [ ] not a task {.action}
```
"#;
    let built = site(meeting).build();
    assert!(!built.exists(&format!("actions/{SLUG}-1/index.html")));
    let minutes = built
        .texts(&format!("meetings/{SLUG}/index.html"), ".q-minutes")
        .join("");
    assert!(minutes.contains("{a, b}"), "{minutes}");
    assert!(minutes.contains("{.action}"), "{minutes}");
}

/// Minutes whose summary is a task item with a bare attribute block.
const BARE_BLOCKS: &str = r#"---
title: ECESA Principals, September meeting
date: 2006-09-20
series: ECESA Principals
attendees: [DESA, UNDP, ESCWA]
---
## Action items

- [x] DESA sent the invitations to the retreat of the Principals in Turin {due=2006-08-01}
- [ ] UNDP to circulate the note on regional centres {due=2006-10-31 owner=UNDP}

## Conclusions

Principals agreed to meet again in December. {.decision}

ESCWA will host the retreat with DESA. {.action owner="ESCWA, DESA" due=2006-11-30}

## Notes

The set {a, b} of options was discussed.

- [ ] A reminder that stays as written {owner=nobody}
"#;

#[test]
fn no_output_shows_the_attribute_block_of_a_task_item() {
    let built = site(BARE_BLOCKS).build();
    let summary = "DESA sent the invitations to the retreat of the Principals in Turin";
    for (path, bytes) in built.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        for block in ["{due=", "{.action", "{.decision"] {
            assert!(!text.contains(block), "{path} shows `{block}`");
        }
    }
    let page = format!("meetings/{SLUG}/index.html");
    // Braces that mark no item stay as written, on the page and in search.
    let minutes = built.texts(&page, ".q-minutes").join("\n");
    assert!(minutes.contains("The set {a, b} of options"), "{minutes}");
    assert!(
        minutes.contains("stays as written {owner=nobody}"),
        "{minutes}"
    );
    let records: String = built
        .files()
        .iter()
        .filter(|f| f.starts_with("search/doc/"))
        .map(|f| built.text(f))
        .collect();
    assert!(records.contains("The set {a, b} of options"));
    assert!(records.contains("stays as written {owner=nobody}"));
    // The summary is the item's text, wherever it is shown.
    let description = built.html(&page);
    let meta = scraper::Selector::parse("meta[name=description]").unwrap();
    let content = description
        .select(&meta)
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content, summary);
    for file in ["feed.xml", "calendar.ics"] {
        let text = built.text(file).replace("\r\n ", "");
        assert!(text.contains(summary), "{file} sums the meeting up");
    }
}
