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
