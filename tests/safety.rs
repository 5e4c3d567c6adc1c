//! What a site may not do to its readers: HTML in Markdown under each
//! `raw_html` mode, and escaping of everything front matter says.

mod common;

use common::Site;

const HOSTILE: &str = "---\ntitle: M\ndate: 2024-01-01\n---\n\n## Part\n\nThe Nordic Network met.\n\n<script>alert(1)</script>\n\nA <a href=\"javascript:alert(2)\">link</a>, an <img src=\"x.png\" onerror=\"alert(3)\">, <b>bold</b> and <span onclick=\"alert(4)\">a span</span>.\n";

fn built(mode: Option<&str>) -> String {
    let config = match mode {
        Some(m) => format!("raw_html: {m}\n"),
        None => String::new(),
    };
    let site = Site::empty()
        .file("quorum.yaml", &config)
        .file("content/entities/nn.md", "---\nname: Nordic Network\n---\n")
        .file("content/meetings/m.md", HOSTILE);
    let built = site.build();
    built.text("meetings/m/index.html")
}

#[test]
fn allow_keeps_the_authors_html() {
    for page in [built(None), built(Some("allow"))] {
        assert!(page.contains("<script>alert(1)</script>"));
        assert!(page.contains("onerror=\"alert(3)\""));
        assert!(page.contains("<b>bold</b>"));
    }
}

#[test]
fn sanitize_removes_scripts_handlers_and_javascript_urls() {
    let page = built(Some("sanitize"));
    let minutes = &page[page.find("class=\"q-prose minutes\"").expect("the minutes")..];
    let minutes = &minutes[..minutes.find("</section>").unwrap_or(minutes.len())];
    for bad in ["<script", "alert(1)", "javascript:", "onerror", "onclick"] {
        assert!(!minutes.contains(bad), "{bad} survived: {minutes}");
    }
    assert!(minutes.contains("<b>bold</b>"));
    assert!(minutes.contains("<img src=\"x.png\""));
    // What quorum itself writes survives: heading ids and mention links.
    assert!(minutes.contains("<h2 id=\"part\">"), "{minutes}");
    assert!(minutes.contains("class=\"mention entity\""), "{minutes}");
}

#[test]
fn escape_shows_html_as_text() {
    let page = built(Some("escape"));
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert!(!page.contains("<img src=\"x.png\"") && !page.contains("<a href=\"javascript:"));
}

#[test]
fn an_unknown_mode_is_a_configuration_error() {
    let site = Site::empty().file("quorum.yaml", "raw_html: sanitise\n");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `sanitize`?"));
}

/// Markdown whose links and images would run code if they were live.
const SCRIPTED: &str = "---\ntitle: M\ndate: 2024-01-01\ndocuments:\n  - { title: Agenda, url: \"javascript:alert(9)\" }\n---\n\n\
    Inline [first](javascript:alert(1)) and <javascript:alert(2)> and [ref][r].\n\n\
    A [document](data:text/html,<script>alert(4)</script>) and [tab](java&#x09;script:alert(5)) \
    and [upper](JAVASCRIPT:alert(6)) and [vb](vbscript:msgbox(7)).\n\n\
    ![picture](javascript:alert(8)) and [fine](https://example.org/a) and [path](/meetings/m/).\n\n\
    [r]: javascript:alert(3)\n";

#[test]
fn no_mode_makes_a_scripted_markdown_link_live() {
    for mode in [None, Some("allow"), Some("sanitize"), Some("escape")] {
        let config = mode.map_or(String::new(), |m| format!("raw_html: {m}\n"));
        let site = Site::empty()
            .file("quorum.yaml", &config)
            .file("content/meetings/m.md", SCRIPTED);
        let built = site.build();
        let page = built.text("meetings/m/index.html");
        let doc = built.html("meetings/m/index.html");
        for selector in ["a[href]", "img[src]", "[src]"] {
            let sel = scraper::Selector::parse(selector).unwrap();
            for e in doc.select(&sel) {
                let url = e.value().attr("href").or(e.value().attr("src")).unwrap();
                let lower: String = url
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!lower.contains(scheme), "{mode:?}: a live link to {url}");
                }
            }
        }
        // The words stay, unlinked; safe links stay links.
        for words in [
            "first", "ref", "document", "tab", "upper", "vb", "picture", "Agenda",
        ] {
            assert!(page.contains(words), "{mode:?}: {words} is gone");
        }
        assert!(page.contains("href=\"https://example.org/a\""), "{mode:?}");
        assert!(
            page.contains("(no link)"),
            "{mode:?}: the document's address is not a link"
        );
        // The unsafe document address is told about.
        assert!(
            built
                .warnings
                .iter()
                .any(|w| w.to_string().contains("javascript:alert(9)")),
            "{mode:?}"
        );
    }
}
