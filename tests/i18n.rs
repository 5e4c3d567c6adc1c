//! The site in its readers' language: every string of the default theme
//! comes from its translation files, and a site in French, Russian, Arabic or
//! Chinese is written in that language, with CLDR's plural forms, `lang` and
//! `dir` on `<html>`, and English (with a warning) where a string is missing.

mod common;

use std::path::Path;

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
    for (open, close) in [("{#", "#}"), ("{{", "}}"), ("{%", "%}")] {
        let text: String = out.iter().collect();
        let mut at = 0;
        while let Some(start) = text[at..].find(open).map(|i| i + at) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |i| start + i + close.len());
            let (s, e) = (text[..start].chars().count(), text[..end].chars().count());
            // Tera's tags stand for something: a placeholder keeps words apart.
            blank(&mut out, s, e);
            at = end;
        }
    }
    // Scripts, styles and drawings are no text; `<code>` holds file names
    // and keys (`content/meetings/`, `topics:`), the same in every language.
    for (open, close) in [
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
