//! Dates as minutes give them: a full day, or only a month.
//!
//! A [`PartialDate`] is validated on parsing (no 30 February), sorts as the
//! first of its month when it has no day, and remembers its precision so the
//! site can show "July 2006" rather than invent a day.
//!
//! How a date reads ("12 July 2006", "12 juillet 2006", "2006年7月12日") is
//! given by [`DateNames`], made from the site's translation files. Templates
//! receive dates as serialised values: a date with the names to show it by
//! ([`Named`]; the page values of the render stage hold the site's), or a
//! bare [`PartialDate`], which reads in English. This module never reads a
//! translation file itself.

use std::fmt;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One piece of a date pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Day,
    Month,
    Year,
}

/// A date pattern: text with the day, the month's name and the year.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern(Vec<Piece>);

/// Stand-ins for the day, month and year in a pattern as a translation gives
/// it (characters of Unicode's private use area, which no text holds).
pub const DAY_MARK: char = '\u{E000}';
pub const MONTH_MARK: char = '\u{E001}';
pub const YEAR_MARK: char = '\u{E002}';

impl Pattern {
    fn parse(text: &str) -> Pattern {
        let mut pieces = Vec::new();
        let mut run = String::new();
        for c in text.chars() {
            let piece = match c {
                DAY_MARK => Piece::Day,
                MONTH_MARK => Piece::Month,
                YEAR_MARK => Piece::Year,
                c => {
                    run.push(c);
                    continue;
                }
            };
            if !run.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut run)));
            }
            pieces.push(piece);
        }
        if !run.is_empty() {
            pieces.push(Piece::Text(run));
        }
        Pattern(pieces)
    }

    fn fill(&self, day: i8, month: &str, year: i16) -> String {
        let mut out = String::with_capacity(24);
        for p in &self.0 {
            match p {
                Piece::Text(t) => out.push_str(t),
                // Latin digits in every language (docs/i18n.md).
                Piece::Day => out.push_str(&day.to_string()),
                Piece::Month => out.push_str(month),
                Piece::Year => out.push_str(&year.to_string()),
            }
        }
        out
    }
}

/// How dates read in one language: the months' names and the patterns of a
/// day, a month, and their short forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateNames {
    /// A month's name standing alone ("July", Russian "июль").
    months: [String; 12],
    /// A month's name after a day (Russian genitive "июля").
    months_of_day: [String; 12],
    /// Abbreviated names, for compact lists.
    months_short: [String; 12],
    day: Pattern,
    month: Pattern,
    short_day: Pattern,
    short_month: Pattern,
}

/// The texts [`DateNames::new`] is made from.
#[derive(Debug, Clone, Default)]
pub struct DateTexts {
    pub months: Vec<String>,
    pub months_of_day: Vec<String>,
    pub months_short: Vec<String>,
    /// Patterns with [`DAY_MARK`], [`MONTH_MARK`] and [`YEAR_MARK`] standing
    /// for their parts: a day, a month alone, a short day, a short month.
    pub day: String,
    pub month: String,
    pub short_day: String,
    pub short_month: String,
}

impl DateNames {
    /// Names from texts; a list that has not twelve names takes English's.
    pub fn new(texts: &DateTexts) -> DateNames {
        let twelve = |names: &[String], or: &[String; 12]| -> [String; 12] {
            match <[String; 12]>::try_from(names.to_vec()) {
                Ok(a) => a,
                Err(_) => or.clone(),
            }
        };
        let en = english();
        DateNames {
            months: twelve(&texts.months, &en.months),
            months_of_day: twelve(&texts.months_of_day, &en.months_of_day),
            months_short: twelve(&texts.months_short, &en.months_short),
            day: Pattern::parse(&texts.day),
            month: Pattern::parse(&texts.month),
            short_day: Pattern::parse(&texts.short_day),
            short_month: Pattern::parse(&texts.short_month),
        }
    }
}

/// English names: "12 July 2006", "July 2006", "12 Jul", "Jul".
pub fn english() -> &'static DateNames {
    static ENGLISH: OnceLock<DateNames> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        let names = MONTHS.map(str::to_owned);
        let (d, m, y) = (DAY_MARK, MONTH_MARK, YEAR_MARK);
        DateNames {
            months_short: MONTHS.map(|m| m[..3].to_owned()),
            months_of_day: names.clone(),
            months: names,
            day: Pattern::parse(&format!("{d} {m} {y}")),
            month: Pattern::parse(&format!("{m} {y}")),
            short_day: Pattern::parse(&format!("{d} {m}")),
            short_month: Pattern::parse(&format!("{m}")),
        }
    })
}

/// A calendar date with day or month precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    date: Date,
    has_day: bool,
}

impl PartialDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`; the error says what is wrong.
    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let shape_ok = matches!(parts.len(), 2 | 3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok {
            return Err(format!(
                "`{s}` is not a date: write YYYY-MM-DD, or YYYY-MM when only the month is known"
            ));
        }
        let num = |p: &str| p.parse::<i16>().unwrap_or(0);
        let (year, month) = (num(parts[0]), num(parts[1]));
        let day = parts.get(2).map_or(1, |d| num(d));
        if !(1..=12).contains(&month) {
            return Err(format!("`{s}` has no month {month}: months are 01 to 12"));
        }
        let date = Date::new(year, month as i8, day as i8).map_err(|_| {
            let last = Date::new(year, month as i8, 1)
                .map(|d| d.days_in_month())
                .unwrap_or(31);
            format!(
                "`{s}` is not a day of the calendar: {} {year} has {last} days",
                MONTHS[month as usize - 1]
            )
        })?;
        Ok(PartialDate {
            date,
            has_day: parts.len() == 3,
        })
    }

    /// A full date.
    pub fn from_date(date: Date) -> PartialDate {
        PartialDate {
            date,
            has_day: true,
        }
    }

    /// The date used for sorting: the day itself, or the first of the month.
    pub fn start(&self) -> Date {
        self.date
    }

    /// The last day the date covers: the day itself, or the end of the month.
    pub fn end(&self) -> Date {
        if self.has_day {
            self.date
        } else {
            self.date.last_of_month()
        }
    }

    /// Whether the date names a day (false: only a month).
    pub fn has_day(&self) -> bool {
        self.has_day
    }

    /// The year.
    pub fn year(&self) -> i16 {
        self.date.year()
    }

    /// `2006-07-12`, or `2006-07` for a month.
    pub fn iso(&self) -> String {
        if self.has_day {
            format!(
                "{:04}-{:02}-{:02}",
                self.date.year(),
                self.date.month(),
                self.date.day()
            )
        } else {
            format!("{:04}-{:02}", self.date.year(), self.date.month())
        }
    }

    /// `12 July 2006`, or `July 2006` for a month, in the language of `names`.
    pub fn display(&self, names: &DateNames) -> String {
        let (day, year) = (self.date.day(), self.date.year());
        let m = self.date.month() as usize - 1;
        if self.has_day {
            names.day.fill(day, &names.months_of_day[m], year)
        } else {
            names.month.fill(day, &names.months[m], year)
        }
    }

    /// `12 Jul` or `Jul`: for compact lists within a year.
    pub fn short(&self, names: &DateNames) -> String {
        let (day, year) = (self.date.day(), self.date.year());
        let month = &names.months_short[self.date.month() as usize - 1];
        if self.has_day {
            names.short_day.fill(day, month, year)
        } else {
            names.short_month.fill(day, month, year)
        }
    }

    /// [`PartialDate::display`] in English, for diagnostics.
    pub fn display_en(&self) -> String {
        self.display(english())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    /// By day; a month sorts as its first day, before a full date on that day.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.date, self.has_day).cmp(&(other.date, other.has_day))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD or YYYY-MM")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A date with the names it is shown by.
#[derive(Debug, Clone, Copy)]
pub struct Named<'n>(pub PartialDate, pub &'n DateNames);

/// Serialized for templates as `{iso, display, short, year, month_only}`.
impl Serialize for Named<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Named(date, names) = self;
        let mut s = serializer.serialize_struct("PartialDate", 5)?;
        s.serialize_field("iso", &date.iso())?;
        s.serialize_field("display", &date.display(names))?;
        s.serialize_field("short", &date.short(names))?;
        s.serialize_field("year", &date.year())?;
        s.serialize_field("month_only", &!date.has_day)?;
        s.end()
    }
}

/// Serialized as [`Named`] with the English names.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Named(*self, english()).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        let d = PartialDate::parse("2006-07-12").unwrap();
        assert_eq!(
            (d.iso(), d.display_en()),
            ("2006-07-12".into(), "12 July 2006".into())
        );
        let m = PartialDate::parse("2006-07").unwrap();
        assert_eq!(
            (m.iso(), m.display_en()),
            ("2006-07".into(), "July 2006".into())
        );
        assert!(!m.has_day());
        assert_eq!(m.end().to_string(), "2006-07-31");
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let e = PartialDate::parse("2006-02-30").unwrap_err();
        assert!(e.contains("February 2006 has 28 days"), "{e}");
        assert!(
            PartialDate::parse("2006-13")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(
            PartialDate::parse("July 2006")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(PartialDate::parse("2006-7-1").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn a_month_sorts_as_its_first_day() {
        let m = PartialDate::parse("2006-07").unwrap();
        let first = PartialDate::parse("2006-07-01").unwrap();
        let june = PartialDate::parse("2006-06-30").unwrap();
        assert!(june < m && m < first);
    }
}
