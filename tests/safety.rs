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
