//! A first guess at what kind of entity a name is, for `quorum new entity`.
//!
//! The guess only fills in the `kind:` of a new file, which the author
//! reads and corrects: when nothing in the name says what it is, the answer
//! is `other`, never a wild guess.

use crate::model::front::EntityKind;

/// Words that make a name a body when they head it: "Economic Commission for
/// Africa", "Tessera Technical Steering Committee".
const BODY: &[&str] = &[
    "assembly",
    "board",
    "cabinet",
    "caucus",
    "commission",
    "committee",
    "council",
    "court",
    "delegation",
    "forum",
    "group",
    "panel",
    "parliament",
    "senate",
    "subcommittee",
    "task force",
    "team",
    "tribunal",
    "working group",
];

/// Words that make a name an organization when they head it.
const ORGANIZATION: &[&str] = &[
    "agency",
    "alliance",
    "association",
    "bank",
    "bureau",
    "centre",
    "center",
    "co",
    "college",
    "company",
    "consortium",
    "corp",
    "corporation",
    "department",
    "federation",
    "foundation",
    "fund",
    "gmbh",
    "inc",
    "institute",
    "lab",
    "labs",
    "llc",
    "ltd",
    "ministry",
    "nations",
    "office",
    "organisation",
    "organization",
    "plc",
    "program",
    "programme",
    "school",
    "secretariat",
    "services",
    "society",
    "software",
    "systems",
    "technologies",
    "trust",
    "union",
    "university",
];

/// Titles that start a person's name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "h.e",
    "judge",
    "ambassador",
    "minister",
];

/// Small words of people's names, written in lower case.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le", "ten",
    "van", "von",
];

/// Words that end the head of a name: "Commission *for* Africa" ("and"
/// does not: "Economic and Social *Council*").
const CONNECTORS: &[&str] = &["of", "for", "on", "in", "to", "at"];

/// Country names (the member states of the United Nations, by their
/// short names, and a few common other names).
const COUNTRIES: &str = "afghanistan|albania|algeria|andorra|angola|antigua and barbuda|\
argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|\
belgium|belize|benin|bhutan|bolivia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|\
burkina faso|burundi|cabo verde|cape verde|cambodia|cameroon|canada|central african republic|\
chad|chile|china|colombia|comoros|congo|costa rica|côte d'ivoire|croatia|cuba|cyprus|czechia|\
czech republic|democratic republic of the congo|denmark|djibouti|dominica|dominican republic|\
ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia|eswatini|ethiopia|fiji|finland|\
france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|\
haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|\
jordan|kazakhstan|kenya|kiribati|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|\
liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|\
marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|\
morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands|new zealand|nicaragua|niger|nigeria|\
north korea|north macedonia|norway|oman|pakistan|palau|palestine|panama|papua new guinea|\
paraguay|peru|philippines|poland|portugal|qatar|republic of korea|romania|russia|\
russian federation|rwanda|saint kitts and nevis|saint lucia|saint vincent and the grenadines|\
samoa|san marino|sao tome and principe|saudi arabia|senegal|serbia|seychelles|sierra leone|\
singapore|slovakia|slovenia|solomon islands|somalia|south africa|south korea|south sudan|spain|\
sri lanka|sudan|suriname|sweden|switzerland|syria|tajikistan|tanzania|thailand|timor-leste|\
togo|tonga|trinidad and tobago|tunisia|turkey|türkiye|turkmenistan|tuvalu|uganda|ukraine|\
united arab emirates|united kingdom|united states|united states of america|uruguay|uzbekistan|\
vanuatu|venezuela|viet nam|vietnam|yemen|zambia|zimbabwe|holy see|taiwan|kosovo|uk|usa";

/// The kind `name` most likely is, or [`EntityKind::Other`].
pub(super) fn kind(name: &str) -> EntityKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.is_empty() {
        return EntityKind::Other;
    }
    if let Some(k) = by_head(&lower) {
        return k;
    }
    let folded = lower.join(" ");
    let country = folded.strip_prefix("the ").unwrap_or(&folded);
    if COUNTRIES.split('|').any(|c| c == country) {
        return EntityKind::Country;
    }
    let first = lower[0].trim_end_matches('.');
    if words.len() > 1 && HONORIFICS.contains(&first) {
        return EntityKind::Person;
    }
    if words.len() == 1 && is_acronym(words[0]) {
        return EntityKind::Organization;
    }
    if looks_like_a_persons_name(&words) {
        return EntityKind::Person;
    }
    EntityKind::Other
}

/// The kind the head of the name gives: its last word before a connector
/// ("Commission" in "Economic Commission for Africa"), or a two-word head
/// ("working group").
fn by_head(lower: &[String]) -> Option<EntityKind> {
    let lower = match lower.first() {
        Some(the) if the == "the" => &lower[1..],
        _ => lower,
    };
    let end = lower
        .iter()
        .position(|w| CONNECTORS.contains(&w.as_str()))
        .unwrap_or(lower.len());
    if end == 0 {
        return None;
    }
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let last = clean(&lower[end - 1]);
    let two = (end >= 2).then(|| format!("{} {last}", clean(&lower[end - 2])));
    let singular = last.strip_suffix('s').unwrap_or(&last).to_owned();
    let is = |list: &[&str]| {
        two.as_deref().is_some_and(|t| list.contains(&t))
            || list.contains(&last.as_str())
            || list.contains(&singular.as_str())
    };
    if is(BODY) {
        Some(EntityKind::Body)
    } else if is(ORGANIZATION) {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

/// Two to six letters, all capitals: UNDP, IOM.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| c.is_uppercase())
}

/// Two to four words, each a capitalised word ("Kemal", "Derviş",
/// "Hak-Su", "O'Brien") or a particle ("van", "de").
fn looks_like_a_persons_name(words: &[&str]) -> bool {
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().any(char::is_lowercase)
            && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
    };
    words
        .iter()
        .all(|w| capitalised(w) || PARTICLES.contains(w))
        && capitalised(words[0])
        && capitalised(words[words.len() - 1])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_samples_names_are_guessed_as_written() {
        let cases = [
            (
                "Economic Commission for Latin America and the Caribbean",
                "body",
            ),
            ("Executive Committee on Economic and Social Affairs", "body"),
            ("Economic and Social Council", "body"),
            ("General Assembly", "body"),
            ("United Nations Development Group", "body"),
            ("United Nations Regional Commissions", "body"),
            ("Tessera Technical Steering Committee", "body"),
            (
                "United Nations Department of Economic and Social Affairs",
                "organization",
            ),
            ("International Organization for Migration", "organization"),
            ("United Nations Development Programme", "organization"),
            ("United Nations", "organization"),
            ("Open Tooling Foundation", "organization"),
            ("Red Kite Software", "organization"),
            ("Northwind Labs", "organization"),
            ("UNDP", "organization"),
            ("The World Bank", "organization"),
            ("Japan", "country"),
            ("the Netherlands", "country"),
            ("Trinidad and Tobago", "country"),
            ("Kemal Derviş", "person"),
            ("Hak-Su Kim", "person"),
            ("José Antonio Ocampo", "person"),
            ("Ludwig van Beethoven", "person"),
            ("Dr. Who", "person"),
            ("Secretary-General of the United Nations", "other"),
            ("Google", "other"),
            ("Bretton Woods institutions", "other"),
            ("", "other"),
        ];
        for (name, kind) in cases {
            assert_eq!(super::kind(name).as_str(), kind, "{name}");
        }
    }
}
