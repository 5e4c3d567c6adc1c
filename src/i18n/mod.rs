//! The site's language: its tag (`language:` in `quorum.yaml`) and the
//! strings everything quorum writes for readers is made of.
//!
//! Strings come from Project Fluent files (`.ftl`), one per language: the
//! theme's own (`themes/<name>/i18n/<lang>.ftl`, built into the binary for
//! the default theme), then the site's (`i18n/<lang>.ftl` at its root), whose
//! messages win. A message missing in the site's language falls back to
//! English, with one warning per message. Plural forms follow CLDR's rules
//! through `fluent-bundle`; nothing here decides a plural by hand.
//!
//! Plain messages (without arguments) are resolved once, when the strings are
//! loaded ([`Strings::plain`]); only messages with arguments are formatted
//! when a page asks. This module never reads a file: its caller hands it the
//! files' texts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::model::date::{DAY_MARK, DateNames, DateTexts, MONTH_MARK, YEAR_MARK};

/// The default theme's English, under every theme: the strings quorum's own
/// views write (timelines, maps, link previews) are always there.
const BUILTIN_ENGLISH: &str = include_str!("../../themes/default/i18n/en.ftl");

/// The language English falls back to, and the default.
pub const ENGLISH: &str = "en";

/// A language, as a BCP 47 tag (`fr`, `zh-Hans`, `pt-BR`): the tag as the
/// content gives them ([`crate::model::lang::Language`]: its checks, its
/// usual case, its direction), and the identifier Fluent chooses plural
/// rules by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    tag: crate::model::lang::Language,
    id: LanguageIdentifier,
}

impl Default for Language {
    fn default() -> Self {
        Language::parse(ENGLISH).unwrap_or_else(|_| unreachable!("`en` is a language tag"))
    }
}

impl Language {
    /// Parses a BCP 47 tag; the error says what is wrong with it.
    pub fn parse(s: &str) -> Result<Language, String> {
        let tag = crate::model::lang::Language::parse(s)?;
        // A well-formed tag that Fluent's parser does not take whole (an
        // extension it does not know) still has plural rules by its language.
        let id = tag
            .as_str()
            .parse::<LanguageIdentifier>()
            .or_else(|_| tag.primary().parse())
            .unwrap_or_default();
        Ok(Language { tag, id })
    }

    /// The tag in its usual case (`zh-Hans`).
    pub fn tag(&self) -> &str {
        self.tag.as_str()
    }

    /// The primary language subtag (`zh`).
    pub fn primary(&self) -> &str {
        self.tag.primary()
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.tag.is_rtl()
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(&self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The names of translation files to look for, most specific first:
    /// `zh-Hans-CN`, `zh-Hans`, `zh`.
    fn candidates(&self) -> Vec<String> {
        let mut names = vec![self.tag().to_owned()];
        let mut parts: Vec<&str> = self.tag().split('-').collect();
        while parts.len() > 1 {
            parts.pop();
            names.push(parts.join("-"));
        }
        names.dedup();
        names
    }
}

/// A translation file's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in diagnostics.
    pub path: PathBuf,
    pub text: String,
}

/// The translation files of a theme and of a site, by language (the file's
/// name without `.ftl`).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub theme: BTreeMap<String, Source>,
    pub site: BTreeMap<String, Source>,
}

/// The strings of one language, with English behind them.
pub struct Strings {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    /// English, when the language is not English.
    fallback: Option<FluentBundle<FluentResource>>,
    plain: BTreeMap<String, String>,
    dates: Arc<DateNames>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("language", &self.language)
            .field("plain", &self.plain.len())
            .finish_non_exhaustive()
    }
}

/// A bundle and the ids of its messages.
type Loaded = (FluentBundle<FluentResource>, BTreeSet<String>);

impl Strings {
    /// The strings of `language` from `sources`. Errors: a file that is not
    /// Fluent. Warnings: every message English has and the language lacks.
    pub fn load(
        language: &Language,
        sources: &Sources,
    ) -> Result<(Strings, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let english = Language::default();
        // A theme without English of its own (one made before translation
        // files, or without them) stands on the default theme's.
        let builtin = Source {
            path: PathBuf::from("themes/default/i18n/en.ftl"),
            text: BUILTIN_ENGLISH.to_owned(),
        };
        let files = |lang: &Language| -> Vec<&Source> {
            let names = lang.candidates();
            let mut theme = names.iter().find_map(|n| sources.theme.get(n));
            if theme.is_none() && lang.primary() == ENGLISH {
                theme = Some(&builtin);
            }
            let site = names.iter().find_map(|n| sources.site.get(n));
            theme.into_iter().chain(site).collect()
        };
        let (main, ids) = bundle(language, &files(language), &mut errors);
        let is_english = language.primary() == ENGLISH;
        let fallback = (!is_english).then(|| bundle(&english, &files(&english), &mut errors));
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut warnings = Vec::new();
        let translated = !files(language).is_empty();
        if !translated && !is_english {
            // One warning for the whole language, not one per string.
            warnings.push(
                Diagnostic::warning(
                    "quorum.yaml",
                    format!(
                        "language: there are no translations for `{}`: the site is written in English",
                        language.tag()
                    ),
                )
                .help(format!(
                    "add i18n/{}.ftl at the site's root (see docs/i18n.md), or choose one of ar, en, es, fr, ru, zh",
                    language.tag()
                )),
            );
        }
        if let Some((_, english_ids)) = fallback.as_ref().filter(|_| translated) {
            let shown = files(language)
                .last()
                .map(|s| s.path.clone())
                .unwrap_or_else(|| PathBuf::from(format!("i18n/{}.ftl", language.tag())));
            for missing in english_ids.difference(&ids) {
                warnings.push(
                    Diagnostic::warning(
                        shown.clone(),
                        format!(
                            "the string `{missing}` has no translation in `{}`: it is shown in English",
                            language.tag()
                        ),
                    )
                    .help(format!(
                        "add `{missing} = …` to i18n/{}.ftl at the site's root",
                        language.tag()
                    )),
                );
            }
        }
        let mut all = ids.clone();
        if let Some((_, english_ids)) = &fallback {
            all.extend(english_ids.iter().cloned());
        }
        let mut strings = Strings {
            language: language.clone(),
            bundle: main,
            fallback: fallback.map(|(b, _)| b),
            plain: BTreeMap::new(),
            dates: Arc::new(crate::model::date::english().clone()),
        };
        strings.plain = strings.resolve_plain(all);
        strings.dates = Arc::new(DateNames::new(&strings.date_texts()));
        Ok((strings, warnings))
    }

    /// The default theme's strings in English, alone (for views made
    /// without a theme, and for tests).
    pub fn english() -> Strings {
        match Strings::load(&Language::default(), &Sources::default()) {
            Ok((strings, _)) => strings,
            // The built-in file is tested to parse (see the tests below).
            Err(_) => unreachable!("the built-in English strings parse"),
        }
    }

    /// The language.
    pub fn language(&self) -> &Language {
        &self.language
    }

    /// Every message without arguments, resolved: what templates read as `t`.
    pub fn plain(&self) -> &BTreeMap<String, String> {
        &self.plain
    }

    /// How dates read in this language.
    pub fn dates(&self) -> &Arc<DateNames> {
        &self.dates
    }

    /// A plain message; its id when no file has it.
    pub fn get<'s>(&'s self, id: &'s str) -> &'s str {
        self.plain.get(id).map_or(id, String::as_str)
    }

    /// The strings the theme's scripts write (search.js), as JSON for a
    /// `<script type="application/json" id="q-strings">`: texts with
    /// `{query}`, `{what}`, `{where}`, `{topic}`, `{error}` and `{n}` for the
    /// script to fill in, and the result count's form for each CLDR plural
    /// category (the script picks one with `Intl.PluralRules`; `zero` is the
    /// text for no result at all).
    pub fn script_json(&self) -> String {
        // A place for the script to fill in: the argument `name` as `{name}`.
        let place = |name: &'static str, shown: &'static str| (name, Arg::Text(shown));
        let text = |id: &str, args: &[(&str, Arg<'_>)]| self.format(id, args);
        let mut results = serde_json::Map::new();
        for (category, sample) in [
            ("zero", 0),
            ("one", 1),
            ("two", 2),
            ("few", 3),
            ("many", 11),
            ("other", 100),
        ] {
            let shown = self.count("search_n_results", sample);
            results.insert(
                category.into(),
                shown.replace(&sample.to_string(), "{n}").into(),
            );
        }
        let kinds: serde_json::Map<String, serde_json::Value> = [
            ("meeting", "meeting"),
            ("entity", "entity"),
            ("topic", "topic"),
            ("action", "action"),
            ("page", "page_kind"),
        ]
        .into_iter()
        .map(|(k, id)| (k.to_owned(), self.get(id).into()))
        .collect();
        let json = serde_json::json!({
            "lang": self.language.tag(),
            "kinds": kinds,
            "results": results,
            "for": text("search_for", &[place("what", "{what}"), place("query", "{query}")]),
            "for_in": text("search_for_in", &[place("what", "{what}"), place("query", "{query}"), place("where", "{where}")]),
            "topic": text("search_topic_filter", &[place("topic", "{topic}")]),
            "searching": self.get("search_searching"),
            "too_short": self.get("search_too_short"),
            "failed": text("search_failed", &[place("error", "{error}")]),
            "unavailable": self.get("search_unavailable_files"),
        });
        // Inside a <script> element nothing may close it.
        json.to_string().replace('<', "\\u003c")
    }

    /// The label of an action's status (`status_open`, …).
    pub fn status(&self, status: crate::model::front::Status) -> &str {
        let id = match status {
            crate::model::front::Status::Open => "status_open",
            crate::model::front::Status::InProgress => "status_in_progress",
            crate::model::front::Status::Done => "status_done",
            crate::model::front::Status::Dropped => "status_dropped",
        };
        self.get(id)
    }

    /// The name of an entity kind (`kind_person`: "person").
    pub fn kind(&self, kind: crate::model::front::EntityKind) -> &str {
        self.keyed("kind_", kind.as_str())
    }

    /// A heading for entities of a kind (`kinds_person`: "People").
    pub fn kinds(&self, kind: crate::model::front::EntityKind) -> &str {
        self.keyed("kinds_", kind.as_str())
    }

    /// The plain message `prefix` + `name`; `name` when there is none.
    fn keyed<'s>(&'s self, prefix: &str, name: &'s str) -> &'s str {
        self.plain
            .get(&format!("{prefix}{name}"))
            .map_or(name, String::as_str)
    }

    /// Formats message `id` with `args`, in the language or else in
    /// English; its id when neither has it.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fluent.set(*name, FluentValue::from(*t)),
            }
        }
        self.format_args(id, &fluent)
    }

    /// A number with its noun: `count` chooses the plural form.
    pub fn count(&self, id: &str, count: usize) -> String {
        self.format(id, &[("count", Arg::Number(count as f64))])
    }

    /// Formats `id` with Fluent's own arguments.
    pub fn format_args(&self, id: &str, args: &FluentArgs) -> String {
        for bundle in std::iter::once(&self.bundle).chain(&self.fallback) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(args), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    fn resolve_plain(&self, ids: BTreeSet<String>) -> BTreeMap<String, String> {
        ids.into_iter()
            .filter_map(|id| {
                for bundle in std::iter::once(&self.bundle).chain(&self.fallback) {
                    if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
                        let mut errors = Vec::new();
                        let text = bundle.format_pattern(pattern, None, &mut errors);
                        // A message that needs arguments is formatted when used.
                        return errors.is_empty().then(|| (id, text.into_owned()));
                    }
                }
                None
            })
            .collect()
    }

    fn date_texts(&self) -> DateTexts {
        let list = |prefix: &str| -> Vec<String> {
            (1..=12)
                .map(|m| self.get(&format!("{prefix}{m}")).to_owned())
                .collect()
        };
        let mut marks = FluentArgs::new();
        marks.set("day", DAY_MARK.to_string());
        marks.set("month", MONTH_MARK.to_string());
        marks.set("year", YEAR_MARK.to_string());
        DateTexts {
            months: list("month_"),
            months_of_day: list("month_of_day_"),
            months_short: list("month_short_"),
            day: self.format_args("date_day", &marks),
            month: self.format_args("date_month", &marks),
            short_day: self.format_args("date_short_day", &marks),
            short_month: self.format_args("date_short_month", &marks),
        }
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Number(f64),
    Text(&'a str),
}

/// A bundle of `files` in order, later files' messages winning.
fn bundle(language: &Language, files: &[&Source], errors: &mut Vec<Diagnostic>) -> Loaded {
    let mut bundle = FluentBundle::new_concurrent(vec![language.id.clone()]);
    // Pages are HTML: names are isolated with <bdi> where they are inserted,
    // not with invisible Unicode marks that would reach feeds and attributes.
    bundle.set_use_isolating(false);
    let mut ids = BTreeSet::new();
    for source in files {
        let resource = match FluentResource::try_new(source.text.clone()) {
            Ok(r) => r,
            Err((_, parse_errors)) => {
                for e in parse_errors {
                    errors.push(
                        Diagnostic::error(
                            source.path.clone(),
                            format!("this is not a Fluent message: {}", e.kind),
                        )
                        .at_offset(&source.text, e.pos.start.min(source.text.len()))
                        .help("write each string as `key = text`; see docs/i18n.md"),
                    );
                }
                continue;
            }
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_owned());
            }
        }
        bundle.add_resource_overriding(resource);
    }
    (bundle, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_english_parses_and_reads() {
        let en = Strings::english();
        assert_eq!(en.get("minutes"), "Minutes");
        assert_eq!(en.count("n_meetings", 1), "1 meeting");
        assert_eq!(en.count("n_meetings", 3), "3 meetings");
        assert_eq!(en.get("no_such_string"), "no_such_string");
    }

    #[test]
    fn tags_are_checked_and_directions_known() {
        assert_eq!(Language::parse("zh-hans").unwrap().tag(), "zh-Hans");
        assert!(Language::parse("ar").unwrap().is_rtl());
        assert!(Language::parse("fa-IR").unwrap().is_rtl());
        assert!(!Language::parse("fr").unwrap().is_rtl());
        assert!(Language::parse("en_US").unwrap_err().contains("`en-US`"));
        assert!(Language::parse("").is_err());
        assert!(Language::parse("12!").is_err());
        assert_eq!(
            Language::parse("zh-Hans-CN").unwrap().candidates(),
            ["zh-Hans-CN", "zh-Hans", "zh"]
        );
    }
}
