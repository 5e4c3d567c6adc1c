//! `quorum new entity` and `quorum new topic`: a file named from the name,
//! beside the others of its kind, that builds; a name a file already has is
//! refused.

mod common;

use std::fs;

use common::Site;
use common::authoring::{as_configured, files_of, new, printed, stderr};

#[test]
fn a_new_entity_is_named_and_guessed_and_builds() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["entity", "World Bank"], 0);
    let path = "content/entities/world-bank.md";
    assert_eq!(printed(&out), path);
    let text = fs::read_to_string(site.root.join(path)).unwrap();
    assert!(
        text.starts_with("---\nname: World Bank\nkind: organization"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("kind: organization is a guess from the name"),
        "{}",
        stderr(&out)
    );

    // A name YAML would misread, and a kind given.
    let name = "Smith: \"The Boss\"";
    let out = new(&site, &["entity", "--kind", "person", name], 0);
    assert_eq!(printed(&out), "content/entities/smith-the-boss.md");
    let text = fs::read_to_string(site.root.join(printed(&out))).unwrap();
    assert!(
        text.contains("name: \"Smith: \\\"The Boss\\\"\"\nkind: person"),
        "{text}"
    );
    assert!(!stderr(&out).contains("guess"));

    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert_eq!(
        built.texts("entities/world-bank/index.html", "h1"),
        ["World Bank"]
    );
    assert_eq!(
        built.texts("entities/smith-the-boss/index.html", "h1"),
        [name]
    );
    let (graph, _) = quorum::analyse(&site.config()).unwrap();
    let smith = graph.entities.iter().find(|e| e.name == name).unwrap();
    assert_eq!(smith.kind.as_str(), "person");
}

#[test]
fn a_new_entity_goes_beside_those_of_its_kind() {
    let site = as_configured(Site::fixture("steering"));
    // The fixture sorts its entities into people/, organizations/, bodies/.
    let out = new(&site, &["entity", "Lena Fischer"], 0);
    assert_eq!(printed(&out), "content/entities/people/lena-fischer.md");
    let out = new(&site, &["entity", "Acme Labs"], 0);
    assert_eq!(printed(&out), "content/entities/organizations/acme-labs.md");
    let out = new(&site, &["entity", "--kind", "country", "Ruritania"], 0);
    assert_eq!(printed(&out), "content/entities/ruritania.md");
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.exists("entities/lena-fischer/index.html"));
}

#[test]
fn a_name_the_minutes_use_without_a_page_gets_one() {
    let site = as_configured(Site::sample());
    site.write(
        "content/meetings/2006/ecesa-principals-2006-11.md",
        "---\ntitle: ECESA Principals November\ndate: 2006-11\nseries: ECESA Principals\nattendees: [Jane Roe]\n---\n\nJane Roe reported.\n",
    );
    let (graph, _) = quorum::analyse(&site.config()).unwrap();
    let stub = graph
        .entities
        .iter()
        .find(|e| e.name == "Jane Roe")
        .unwrap();
    assert!(stub.doc.is_stub());
    let out = new(&site, &["entity", "jane roe"], 0);
    assert_eq!(printed(&out), "content/entities/jane-roe.md");
    assert!(
        stderr(&out).contains(
            "`Jane Roe` is named in 1 meeting without a page of its own: this is its page"
        ),
        "{}",
        stderr(&out)
    );
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.exists("entities/jane-roe/index.html"));
}

#[test]
fn a_name_a_file_already_has_is_refused() {
    let site = as_configured(Site::sample());
    let cases = [
        (
            vec!["entity", "Kemal Derviş"],
            "content/entities/kemal-dervis.md",
            "this file already exists; it is left as it is",
        ),
        (
            vec!["entity", "mr. dervis"],
            "content/entities/kemal-dervis.md",
            "`mr. dervis` is already an alias of the entity `Kemal Derviş`",
        ),
        (
            vec!["topic", "Policy advice"],
            "content/topics/analytical-work.md",
            "`Policy advice` is already an alias of the topic `Analytical work and policy advice`",
        ),
        (
            vec!["topic", "ANALYTICAL WORK AND POLICY ADVICE"],
            "content/topics/analytical-work.md",
            "the topic `Analytical work and policy advice` already has this file",
        ),
        (
            vec!["topic", "1999"],
            "content/topics/1999.md",
            "the topic's slug would be `1999`, a year alone",
        ),
        (vec!["entity", "  "], "", "the entity's name is empty"),
    ];
    let before = files_of(&site);
    for (args, file, message) in cases {
        let out = new(&site, &args, 2);
        let err = stderr(&out);
        assert!(err.contains(file), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(files_of(&site), before);
}

#[test]
fn a_new_topic_builds_and_its_archetype_can_be_the_sites() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["topic", "Climate change"], 0);
    let path = "content/topics/climate-change.md";
    assert_eq!(printed(&out), path);
    let text = fs::read_to_string(site.root.join(path)).unwrap();
    assert!(text.starts_with("---\nname: Climate change\n"), "{text}");

    site.write(
        "archetypes/topic.md",
        "---\nname: {{name}}\naliases: []\n---\n\nWhat the minutes say about {{name}} (`{{slug}}`).\n",
    );
    let out = new(&site, &["topic", "Oceans & seas"], 0);
    assert_eq!(printed(&out), "content/topics/oceans-seas.md");
    assert_eq!(
        fs::read_to_string(site.root.join("content/topics/oceans-seas.md")).unwrap(),
        "---\nname: Oceans & seas\naliases: []\n---\n\nWhat the minutes say about Oceans & seas (`oceans-seas`).\n"
    );
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert_eq!(
        built.texts("topics/climate-change/index.html", "h1"),
        ["Climate change"]
    );
    assert!(built.exists("topics/oceans-seas/index.html"));
}
