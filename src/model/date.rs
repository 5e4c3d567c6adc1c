//! Dates as minutes give them: a full day, or only a month.
//!
//! A [`PartialDate`] is validated on parsing (no 30 February), sorts as the
//! first of its month when it has no day, and remembers its precision so the
//! site can show "July 2006" rather than invent a day.

use std::fmt;

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

    /// `12 July 2006`, or `July 2006` for a month.
    pub fn display(&self) -> String {
        let month = MONTHS[self.date.month() as usize - 1];
        if self.has_day {
            format!("{} {month} {}", self.date.day(), self.date.year())
        } else {
            format!("{month} {}", self.date.year())
        }
    }

    /// `12 Jul` or `Jul`: for compact lists within a year.
    pub fn short(&self) -> String {
        let month = &MONTHS[self.date.month() as usize - 1][..3];
        if self.has_day {
            format!("{} {month}", self.date.day())
        } else {
            month.to_owned()
        }
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

/// Serialized for templates as `{iso, display, short, year, month_only}`.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("PartialDate", 5)?;
        s.serialize_field("iso", &self.iso())?;
        s.serialize_field("display", &self.display())?;
        s.serialize_field("short", &self.short())?;
        s.serialize_field("year", &self.year())?;
        s.serialize_field("month_only", &!self.has_day)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        let d = PartialDate::parse("2006-07-12").unwrap();
        assert_eq!(
            (d.iso(), d.display()),
            ("2006-07-12".into(), "12 July 2006".into())
        );
        let m = PartialDate::parse("2006-07").unwrap();
        assert_eq!(
            (m.iso(), m.display()),
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
