//! Inputs whose cost once grew with the square of their size: a meeting
//! naming thousands of unknown people, a ref of 50 KB, one paragraph of
//! megabytes full of mentions, a long text repeated by YAML aliases. Each
//! is built at a size and at twice that size, and the second must cost
//! about twice the first, not four times.
//!
//! Times are the best of three runs, compared with a generous factor, and
//! a run shorter than a floor passes whatever the factor: the machine may
//! be busy with other work.

mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::Site;

/// One measurement at a time: timings taken side by side disturb each other.
static ALONE: Mutex<()> = Mutex::new(());

/// How much more than twice the time twice the input may take.
const FACTOR: f64 = 3.5;
/// Below this, a run is too short for its time to say anything.
const FLOOR: Duration = Duration::from_millis(250);

/// The best of three times of `run` on the site `make(n)` builds.
fn time(make: &impl Fn(usize) -> Site, run: &impl Fn(&Site), n: usize) -> Duration {
    let site = make(n);
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run(&site);
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Checks that `run` on `make(2n)` costs at most [`FACTOR`] times what it
/// costs on `make(n)`; returns the time at `2n`.
fn doubles(what: &str, n: usize, make: impl Fn(usize) -> Site, run: impl Fn(&Site)) -> Duration {
    let _alone = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    let once = time(&make, &run, n);
    let twice = time(&make, &run, 2 * n);
    eprintln!("{what}: {once:?} at {n}, {twice:?} at {}", 2 * n);
    assert!(
        twice < FLOOR || twice.as_secs_f64() <= FACTOR * once.as_secs_f64(),
        "{what}: {once:?} at {n}, but {twice:?} at {}",
        2 * n
    );
    twice
}

fn meeting(front: &str, body: &str) -> String {
    format!("---\ntitle: Board\ndate: 2024-01-01\n{front}---\n{body}")
}

/// Load, parse and resolve: the graph and its warnings.
fn analyse(site: &Site) -> usize {
    let (_, warnings) = quorum::analyse(&site.config()).expect("the site builds");
    warnings.len()
}

/// A meeting whose `attendees:` names `n` people no file describes, one per
/// line or all on one line: each gets a stub page and a warning.
fn unknown_people(n: usize, one_line: bool) -> Site {
    let names: Vec<String> = (0..n).map(|i| format!("Person Number {i}")).collect();
    let list = if one_line {
        format!("attendees: [{}]\n", names.join(", "))
    } else {
        format!(
            "attendees:\n{}",
            names
                .iter()
                .map(|n| format!("  - {n}\n"))
                .collect::<String>()
        )
    };
    Site::empty()
        .file("content/entities/ada.md", "---\nname: Ada Lovelace\n---\n")
        .file(
            "content/meetings/m.md",
            &meeting(&list, "Ada Lovelace chaired.\n"),
        )
}

#[test]
fn a_meeting_of_twice_as_many_unknown_people_costs_twice_as_much() {
    for one_line in [false, true] {
        doubles(
            &format!("unknown attendees, one line: {one_line}"),
            2_000,
            |n| unknown_people(n, one_line),
            |site| assert_eq!(analyse(site), people(site)),
        );
    }
}

/// The warnings a site of unknown people gives: one per person.
fn people(site: &Site) -> usize {
    let text = std::fs::read_to_string(site.root.join("content/meetings/m.md")).unwrap();
    text.matches("Person Number").count()
}

/// A build, as `quorum build` runs it: texts are let go of once parsed, and
/// every message reads its file again.
fn build(site: &Site) {
    let out = site.root.join("public");
    quorum::build(&site.config(), &out).expect("the site builds");
}

#[test]
fn a_ref_of_twice_the_length_costs_twice_as_much() {
    let make = |n: usize| {
        let long = "A".repeat(n);
        let words = "Alpha ".repeat(n / 6);
        Site::empty()
            .file("content/entities/ada.md", "---\nname: Ada Lovelace\n---\n")
            .file(
                "content/meetings/m.md",
                &meeting(
                    &format!("chair: {long}\nattendees: [\"{}\"]\n", words.trim()),
                    "Ada Lovelace chaired.\n",
                ),
            )
    };
    let twice = doubles("a long ref", 25_000, make, |site| {
        assert_eq!(analyse(site), 2)
    });
    // Twice 25 KB once took half a minute, mostly in building the
    // automaton that finds mentions.
    assert!(twice < Duration::from_secs(10), "{twice:?}");
}

/// One paragraph of `n` bytes that names three entities over and over, with
/// an entity and an escape between names, so the Markdown parser hands it
/// over in many pieces.
fn paragraph(n: usize) -> Site {
    let unit = "Ada met the Nordic Network &amp; UNDP\\. ";
    let body = unit.repeat(n / unit.len()) + "\n";
    Site::empty()
        .file("content/entities/ada.md", "---\nname: Ada\n---\n")
        .file("content/entities/nn.md", "---\nname: Nordic Network\n---\n")
        .file("content/entities/undp.md", "---\nname: UNDP\n---\n")
        .file("content/meetings/m.md", &meeting("", &body))
}

#[test]
fn a_paragraph_twice_as_long_costs_twice_as_much() {
    doubles("one paragraph of mentions", 500_000, paragraph, build);
}

/// The benchmark the paragraph test stands for, at the size that once took
/// eleven seconds: `cargo test --release --test scaling -- --ignored`.
#[test]
#[ignore = "ten megabytes: for a release build"]
fn a_paragraph_of_ten_megabytes_builds_in_time_linear_in_its_size() {
    let twice = doubles("one paragraph of mentions", 5_000_000, paragraph, build);
    assert!(twice < Duration::from_secs(10), "{twice:?}");
}

#[test]
fn a_long_text_repeated_by_aliases_is_refused_in_time_linear_in_the_file() {
    let make = |n: usize| {
        let text = "The Permanent Representative of Somewhere. ".repeat(n / 43);
        let aliases = ["*a"; 49].join(", ");
        Site::empty().file(
            "content/meetings/m.md",
            &meeting(&format!("attendees: [&a \"{text}\", {aliases}]\n"), ""),
        )
    };
    let twice = doubles(
        "a long text and 50 aliases",
        500_000,
        make,
        |site| match quorum::analyse(&site.config()) {
            Err(quorum::Error::Content(ds)) => {
                assert_eq!(ds.len(), 1, "{ds:?}");
                assert!(
                    ds[0].message.contains("repeat more than 1 MiB"),
                    "{}",
                    ds[0].message
                );
                assert_eq!(ds[0].line, 4);
            }
            other => panic!("{:?}", other.map(|(_, w)| w)),
        },
    );
    assert!(twice < Duration::from_secs(10), "{twice:?}");
}
