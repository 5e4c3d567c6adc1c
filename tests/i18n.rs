//! The site in its readers' language: every string of the default theme
//! comes from its translation files, and a site in French, Russian, Arabic or
//! Chinese is written in that language, with CLDR's plural forms, `lang` and
//! `dir` on `<html>`, and English (with a warning) where a string is missing.

mod common;

use std::path::Path;

use common::Site;

/// Words of English a template may hold outside `{{ }}` and `{% %}`: none
/// but what is not a word for a reader (an entity, a symbol).
const NOT_WORDS: &[&str] = &["nbsp", "middot", "rarr", "larr", "ndash", "mdash", "hellip"];

/// Attributes a reader sees or hears.
const READ_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "value",
    "aria-description",
];

/// The text of a template with tera's tags, comments, `<script>`, `<style>`,
/// `<svg>` and `<code>` blanked out (lines kept where they were).
fn visible(template: &str) -> String {
    let mut out: Vec<char> = template.chars().collect();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    // Tera's tags stand for something: a placeholder keeps words apart.
    // Scripts, styles and drawings are no text; `<code>` holds file names
    // and keys (`content/meetings/`, `topics:`), the same in every language.
    for (open, close) in [
        ("{#", "#}"),
        ("{{", "}}"),
        ("{%", "%}"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<svg", "</svg>"),
        ("<code>", "</code>"),
    ] {
        let text: String = out.iter().collect();
        let mut at = 0;
        while let Some(start) = text[at..].find(open).map(|i| i + at) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |i| start + i + close.len());
            let (s, e) = (text[..start].chars().count(), text[..end].chars().count());
            blank(&mut out, s, e);
            at = end;
        }
    }
    out.into_iter().collect()
}

/// Whether `s` holds a word of two letters or more (Latin script).
fn has_word(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| w.len() >= 2 && !NOT_WORDS.contains(w))
        .map(str::to_owned)
}

/// English literals in a template: `(line, what)`, in text between tags and
/// in the attributes a reader sees.
fn literals(template: &str) -> Vec<(usize, String)> {
    let text = visible(template);
    let line_of = |i: usize| text[..i].matches('\n').count() + 1;
    let mut found = Vec::new();
    // Text between tags.
    let mut at = 0;
    while let Some(gt) = text[at..].find('>').map(|i| i + at) {
        let end = text[gt..].find('<').map_or(text.len(), |i| gt + i);
        if let Some(word) = has_word(&text[gt + 1..end]) {
            found.push((line_of(gt), format!("text `{word}`")));
        }
        at = end.max(gt + 1);
    }
    // Attributes.
    for attr in READ_ATTRIBUTES {
        let pattern = format!(" {attr}=\"");
        let mut at = 0;
        while let Some(start) = text[at..].find(&pattern).map(|i| i + at + pattern.len()) {
            let end = text[start..].find('"').map_or(text.len(), |i| start + i);
            if let Some(word) = has_word(&text[start..end]) {
                found.push((line_of(start), format!("{attr} `{word}`")));
            }
            at = end;
        }
    }
    found.sort();
    found
}

#[test]
fn the_scanner_finds_a_literal_left_in_a_template() {
    let planted = "<h2>{{ t.minutes }}</h2>\n<p class=\"q-x\">Attendees</p>\n<nav aria-label=\"Main\"></nav>\n<input placeholder=\"{{ t.search }}\">";
    let found = literals(planted);
    assert_eq!(
        found,
        vec![
            (2, "text `Attendees`".to_owned()),
            (3, "aria-label `Main`".to_owned())
        ]
    );
    // What tera writes, its comments, scripts and drawings are not literals.
    let clean = "{# A comment #}<p>{{ tr(key=\"n_actions\", count=3) }} · {% if x %}{{ y }}{% endif %}</p><script>var label = 'Search';</script><svg><title>x</title></svg><p>&nbsp;→ 12</p>";
    assert_eq!(literals(clean), vec![]);
}

#[test]
fn no_template_of_the_default_theme_has_an_english_literal() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let mut problems = Vec::new();
    let mut read = 0;
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        read += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let name = entry
            .path()
            .strip_prefix(&dir)
            .unwrap()
            .display()
            .to_string();
        for (line, what) in literals(&text) {
            problems.push(format!("{name}:{line}: {what}"));
        }
    }
    assert!(read > 15, "only {read} templates read");
    assert!(
        problems.is_empty(),
        "English left in the templates; move it into themes/default/i18n/en.ftl:\n{}",
        problems.join("\n")
    );
}

/// The sample site in `language`.
fn sample_in(language: &str) -> Site {
    let site = Site::sample();
    let yaml = std::fs::read_to_string(site.root.join("quorum.yaml")).unwrap();
    site.file("quorum.yaml", &format!("{yaml}\nlanguage: {language}\n"))
}

const MEETING: &str = "meetings/ecesa-principals-2006-07/index.html";

/// The `lang` and `dir` of a page's `<html>`.
fn html_lang(built: &common::Built, page: &str) -> (String, String) {
    let doc = built.html(page);
    let html = doc.root_element();
    (
        html.value().attr("lang").unwrap_or("").to_owned(),
        html.value().attr("dir").unwrap_or("").to_owned(),
    )
}

#[test]
fn an_english_site_says_so_and_reads_as_before() {
    let built = Site::sample().build();
    assert_eq!(html_lang(&built, "index.html"), ("en".into(), "ltr".into()));
    let page = built.text(MEETING);
    assert!(page.contains("July 2006"), "dates in English");
    assert!(page.contains(">Minutes</h2>"));
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.text("feed.xml").contains("xml:lang=\"en\""));
    assert!(
        built
            .text("calendar.ics")
            .contains("DESCRIPTION;LANGUAGE=en:")
    );
}

#[test]
fn a_french_site_is_written_in_french() {
    let built = sample_in("fr").build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert_eq!(html_lang(&built, MEETING), ("fr".into(), "ltr".into()));
    let page = built.text(MEETING);
    for french in [
        "Procès-verbal",
        "juillet 2006",
        "Participants",
        "Aller au contenu principal",
        "présidée par <bdi>",
    ] {
        assert!(page.contains(french), "{french}");
    }
    for english in [
        ">Minutes<",
        "Attendees",
        "Skip to main content",
        "chaired by",
    ] {
        assert!(!page.contains(english), "{english} left in English");
    }
    assert!(built.text("index.html").contains("Réunions récentes"));
    assert!(built.text("feed.xml").contains("xml:lang=\"fr\""));
    let calendar = built.text("calendar.ics").replace("\r\n ", "");
    assert!(calendar.contains("DESCRIPTION;LANGUAGE=fr:"), "{calendar}");
    assert!(calendar.contains("Le procès-verbal ne donne que le mois : juillet 2006."));
    // The search page's script reads its words from the page.
    let search = built.text("search/index.html");
    assert!(search.contains("id=\"q-strings\""));
    assert!(
        search.contains("\"for\":\"{what} pour « {query} ».\""),
        "{search}"
    );
}

#[test]
fn an_arabic_site_reads_right_to_left() {
    let built = sample_in("ar").build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert_eq!(html_lang(&built, "index.html"), ("ar".into(), "rtl".into()));
    let page = built.text(MEETING);
    assert!(page.contains("يوليو 2006"), "Arabic month, Latin digits");
    assert!(page.contains("المحضر"));
    assert!(page.contains("5 قرارات"), "few: 3 to 10");
}

#[test]
fn a_chinese_and_a_russian_site_write_their_dates() {
    let zh = sample_in("zh").build();
    assert_eq!(html_lang(&zh, MEETING), ("zh".into(), "ltr".into()));
    let page = zh.text(MEETING);
    assert!(page.contains("2006年7月"), "month alone");
    assert!(page.contains("会议记录"));
    // The tests' sites fix today at 1 March 2024.
    assert!(zh.text("index.html").contains("2024年3月1日"), "a day");
    let ru = sample_in("ru").build();
    let page = ru.text(MEETING);
    assert!(page.contains("июль 2006"), "nominative alone");
    assert!(
        ru.text("index.html").contains("1 марта 2024"),
        "genitive after a day"
    );
    assert!(page.contains("Протокол"));
}

/// The default theme's strings in `language`.
fn strings(language: &str) -> quorum::i18n::Strings {
    let dir = tempfile::tempdir().unwrap();
    let files = quorum::render::theme::gather(dir.path(), "default").unwrap();
    let language = quorum::i18n::Language::parse(language).unwrap();
    quorum::i18n::Strings::load(&language, &files.i18n)
        .unwrap()
        .0
}

#[test]
fn plurals_follow_cldr_in_russian_and_arabic() {
    let ru = strings("ru");
    let forms: Vec<String> = [1, 2, 5, 21, 22, 25, 11]
        .iter()
        .map(|&n| ru.count("n_meetings", n))
        .collect();
    assert_eq!(
        forms,
        [
            "1 заседание",
            "2 заседания",
            "5 заседаний",
            "21 заседание",
            "22 заседания",
            "25 заседаний",
            "11 заседаний"
        ]
    );
    let ar = strings("ar");
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&n| ar.count("n_meetings", n))
        .collect();
    assert_eq!(
        forms,
        [
            "لا اجتماعات",
            "1 اجتماع",
            "2 اجتماعان",
            "3 اجتماعات",
            "11 اجتماعًا",
            "100 اجتماع"
        ]
    );
    let en = strings("en");
    assert_eq!(en.count("n_meetings", 1), "1 meeting");
    assert_eq!(en.count("n_meetings", 2), "2 meetings");
}

#[test]
fn dates_read_in_each_language() {
    let day = quorum::model::date::PartialDate::parse("2006-07-12").unwrap();
    let month = quorum::model::date::PartialDate::parse("2006-07").unwrap();
    let shown = |lang: &str| {
        let s = strings(lang);
        (day.display(s.dates()), month.display(s.dates()))
    };
    assert_eq!(shown("en"), ("12 July 2006".into(), "July 2006".into()));
    assert_eq!(
        shown("fr"),
        ("12 juillet 2006".into(), "juillet 2006".into())
    );
    assert_eq!(
        shown("es"),
        ("12 de julio de 2006".into(), "julio de 2006".into())
    );
    assert_eq!(shown("ru"), ("12 июля 2006".into(), "июль 2006".into()));
    assert_eq!(shown("ar"), ("12 يوليو 2006".into(), "يوليو 2006".into()));
    assert_eq!(shown("zh"), ("2006年7月12日".into(), "2006年7月".into()));
}

#[test]
fn a_site_string_wins_and_a_missing_one_falls_back_to_english_with_one_warning() {
    let site = sample_in("fr")
        .file("i18n/fr.ftl", "minutes = Compte rendu\n")
        // A string the site adds in English only (for its own templates).
        .file("i18n/en.ftl", "extra_note = A note of our own\n");
    let built = site.build();
    let page = built.text(MEETING);
    assert!(
        page.contains(">Compte rendu</h2>"),
        "the site's string wins"
    );
    assert!(!page.contains(">Procès-verbal</h2>"));
    assert!(
        page.contains("Participants"),
        "the theme's other strings stay"
    );
    let missing: Vec<_> = built
        .warnings
        .iter()
        .filter(|d| d.message.contains("extra_note"))
        .collect();
    assert_eq!(
        missing.len(),
        1,
        "one warning per string: {:?}",
        built.warnings
    );
    assert!(
        missing[0].message.contains("`fr`"),
        "{}",
        missing[0].message
    );
    assert!(missing[0].message.contains("English"));
}

/// A site's string is text, never markup: written into a page by any
/// template (`{{ t.key }}` straight, or in an attribute) it is escaped.
#[test]
fn a_site_string_with_markup_characters_is_written_as_text() {
    let site = sample_in("fr").file(
        "i18n/fr.ftl",
        "minutes = Compte rendu <b>& \"notes\"</b>\nsearch = Chercher <ici>\n",
    );
    let built = site.build();
    let page = built.text(MEETING);
    assert!(
        page.contains(">Compte rendu &lt;b&gt;&amp; &quot;notes&quot;&lt;/b&gt;</h2>"),
        "{}",
        &page[page.find("Compte rendu").unwrap_or(0)..][..120]
    );
    assert!(page.contains("placeholder=\"Chercher &lt;ici&gt;\""));
    assert!(!page.contains("<b>&"));
}

#[test]
fn a_language_without_translations_is_english_with_one_warning() {
    let built = sample_in("de").build();
    assert_eq!(html_lang(&built, "index.html"), ("de".into(), "ltr".into()));
    assert!(built.text(MEETING).contains("July 2006"));
    assert_eq!(built.warnings.len(), 1, "{:?}", built.warnings);
    assert!(
        built.warnings[0]
            .message
            .contains("no translations for `de`")
    );
}

#[test]
fn a_malformed_translation_file_is_an_error_at_its_line() {
    let site = sample_in("fr").file(
        "i18n/fr.ftl",
        "minutes = Compte rendu\nthis is not fluent\n",
    );
    let errors = site.build_errors();
    let d = common::find(&errors, "not a Fluent message");
    assert_eq!(d.path, Path::new("i18n/fr.ftl"));
    assert_eq!(d.line, 2);
}

#[test]
fn a_malformed_language_tag_is_a_configuration_error_at_its_line() {
    let site = Site::sample().file("quorum.yaml", "title: T\nlanguage: en_US\n");
    let e = quorum::load_config(&site.root, &site.overrides).unwrap_err();
    let quorum::Error::Config(d) = e else {
        panic!("a configuration error: {e}")
    };
    assert_eq!(d.path, Path::new("quorum.yaml"));
    assert_eq!(d.line, 2);
    assert!(d.message.contains("`en-US`"), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or("").contains("BCP 47"));
    let site = Site::sample().file("quorum.yaml", "title: T\nlanguage: \"12!\"\n");
    assert!(quorum::load_config(&site.root, &site.overrides).is_err());
}
