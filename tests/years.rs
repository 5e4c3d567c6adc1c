//! Pages a reader can use at real size: a meeting's slug never takes the
//! address of a year's page.

mod common;

use common::Site;

#[test]
fn a_meeting_slug_of_four_digits_is_an_error_that_says_so() {
    let site = Site::empty()
        .file(
            "content/meetings/2019.md",
            "---\ntitle: Board\ndate: 2019-06-12\n---\nThe board met.\n",
        )
        .file(
            "content/meetings/board-2019.md",
            "---\ntitle: Board again\ndate: 2019-07-10\n---\nIt met again.\n",
        );
    let errors = site.build_errors();
    let d = common::find(&errors, "is a year");
    assert_eq!(d.path, std::path::Path::new("content/meetings/2019.md"));
    assert_eq!((d.line, d.column), (1, 1));
    assert_eq!(
        d.message,
        "the meeting's slug `2019` is a year: its page would take the address of the page of 2019's meetings, meetings/2019/"
    );
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("rename `2019.md`") && help.contains("`2019-06-12.md`"),
        "{help}"
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    // Slugs that only start with a year, or have more digits, are meetings.
    let fine = Site::empty()
        .file(
            "content/meetings/2019-06.md",
            "---\ntitle: June\ndate: 2019-06-12\n---\n",
        )
        .file(
            "content/meetings/20190.md",
            "---\ntitle: Odd\ndate: 2019-07-10\n---\n",
        )
        .build();
    assert!(fine.exists("meetings/2019-06/index.html"));
    assert!(fine.exists("meetings/20190/index.html"));
}
