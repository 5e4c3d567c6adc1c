//! Sparklines: how many meetings an entity or topic had, per year (or per
//! month when the whole site spans two years or less), in a picture the
//! size of a word, for the rows of `/entities/` and `/topics/`.
//!
//! Every row of a page shares the site's span, so rows compare at a glance.
//! The bars are one `<path>` on a grid of whole units, stretched to size,
//! so a row costs a few hundred bytes. It must
//! never depend on anything but the graph, and never link anywhere: the row
//! around it already does.

use super::svg::{Svg, V, num};
use crate::graph::{MeetingId, Site};
use crate::i18n::{Arg, Strings};
use crate::model::date::PartialDate;

/// The ids of the months' short names.
const MONTHS: [&str; 12] = [
    "month_short_1",
    "month_short_2",
    "month_short_3",
    "month_short_4",
    "month_short_5",
    "month_short_6",
    "month_short_7",
    "month_short_8",
    "month_short_9",
    "month_short_10",
    "month_short_11",
    "month_short_12",
];

const WIDTH: f64 = 96.0;
const HEIGHT: f64 = 20.0;

/// Sites spanning up to this many months are counted by month.
const BY_MONTH: i32 = 24;

/// The time a sparkline covers: the site's, from its first meeting to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Month index (`year * 12 + month - 1`) of the first bucket.
    first: i32,
    /// Buckets.
    len: i32,
    /// Months per bucket: 1 or 12.
    step: i32,
}

fn month(d: PartialDate) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.start().month()) - 1
}

impl Span {
    /// The span of the site's meetings; `None` when it has none.
    pub(crate) fn of(site: &Site) -> Option<Span> {
        let first = month(site.meetings.first()?.date);
        let last = month(site.meetings.last()?.date);
        Some(if last - first < BY_MONTH {
            Span {
                first,
                len: last - first + 1,
                step: 1,
            }
        } else {
            Span {
                first: first - first % 12,
                len: last / 12 - first / 12 + 1,
                step: 12,
            }
        })
    }

    /// The twelve months of `year`, for a row of the meetings by year.
    pub(crate) fn year(year: i16) -> Span {
        Span {
            first: i32::from(year) * 12,
            len: 12,
            step: 1,
        }
    }

    fn name(&self, bucket: i32, t: &Strings) -> String {
        let m = self.first + bucket * self.step;
        if self.step == 1 {
            let month = t.get(MONTHS[(m % 12) as usize]);
            format!("{month} {}", m / 12)
        } else {
            (m / 12).to_string()
        }
    }
}

/// The sparkline of `meetings`.
pub(crate) fn draw(site: &Site, meetings: &[MeetingId], span: Span, t: &Strings) -> String {
    let mut counts = vec![0usize; span.len as usize];
    for &m in meetings {
        let b = (month(site.meetings[m].date) - span.first) / span.step;
        if let Some(c) = usize::try_from(b).ok().and_then(|b| counts.get_mut(b)) {
            *c += 1;
        }
    }
    let total: usize = counts.iter().sum();
    let per_month = span.step == 1;
    let range = if span.len > 1 {
        format!("{}–{}", span.name(0, t), span.name(span.len - 1, t))
    } else {
        span.name(0, t)
    };
    let (best, most) = counts
        .iter()
        .enumerate()
        .fold((0, 0), |acc, (i, &c)| if c > acc.1 { (i, c) } else { acc });
    let best = span.name(best as i32, t);
    let label = match total {
        0 => t.format("spark_none", &[("range", Arg::Text(&range))]),
        1 => t.format(
            "spark_one",
            &[("range", Arg::Text(&range)), ("when", Arg::Text(&best))],
        ),
        _ => t.format(
            if per_month {
                "spark_by_month"
            } else {
                "spark_by_year"
            },
            &[
                ("count", Arg::Number(total as f64)),
                ("range", Arg::Text(&range)),
                ("when", Arg::Text(&best)),
                ("most", Arg::Number(most as f64)),
            ],
        ),
    };
    // One unit of five per bucket, a bar three wide: whole numbers only.
    let view = (counts.len() * 5) as f64;
    let mut svg = Svg::stretched(view, WIDTH, HEIGHT, "q-viz q-spark", &label);
    let mut d = String::new();
    for (i, &c) in counts.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let h = num(((HEIGHT - 1.0) * c as f64 / most as f64).max(1.5));
        d.push_str(&format!("M{} {}v-{h}h3v{h}z", i * 5 + 1, HEIGHT));
    }
    if !d.is_empty() {
        svg.empty(
            "path",
            &[("class", V::S("q-viz__mark--meeting")), ("d", V::S(&d))],
        );
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Id;
    use crate::views::svg::tests::elements;
    use crate::views::tests::site;

    #[test]
    fn years_are_counted_on_the_sites_span() {
        let s = site(&[
            ("meetings/a.md", "---\ntitle: A\ndate: 2020-01-05\n---\n"),
            ("meetings/b.md", "---\ntitle: B\ndate: 2020-06\n---\n"),
            ("meetings/c.md", "---\ntitle: C\ndate: 2023-03-01\n---\n"),
        ]);
        let span = Span::of(&s).unwrap();
        assert_eq!((span.first, span.len, span.step), (2020 * 12, 4, 12));
        let out = draw(
            &s,
            &[0, 1, 2].map(MeetingId::new),
            span,
            &Strings::english(),
        );
        assert!(
            out.contains("3 meetings per year, 2020–2023; most in 2020 (2)"),
            "{out}"
        );
        assert_eq!(elements(&out), ["svg", "title", "path"]);
        // Two bars: 2020 full height, 2023 half.
        assert!(
            out.contains("d=\"M1 20v-19h3v19zM16 20v-9.5h3v9.5z\""),
            "{out}"
        );
        assert_eq!(
            draw(
                &s,
                &[0, 1, 2].map(MeetingId::new),
                span,
                &Strings::english()
            ),
            out,
            "the same input, the same picture"
        );
        let none = draw(&s, &[], span, &Strings::english());
        assert!(none.contains("No meetings, 2020–2023") && !none.contains("<path"));
    }

    #[test]
    fn a_year_is_counted_by_month() {
        let s = site(&[
            ("meetings/a.md", "---\ntitle: A\ndate: 2023-12-05\n---\n"),
            ("meetings/b.md", "---\ntitle: B\ndate: 2024-03\n---\n"),
            ("meetings/c.md", "---\ntitle: C\ndate: 2024-03-20\n---\n"),
        ]);
        let out = draw(
            &s,
            &[0, 1, 2].map(MeetingId::new),
            Span::year(2024),
            &Strings::english(),
        );
        assert!(
            out.contains("2 meetings per month, Jan 2024–Dec 2024; most in Mar 2024 (2)"),
            "only the year's meetings count: {out}"
        );
    }

    #[test]
    fn short_sites_are_counted_by_month() {
        let s = site(&[
            ("meetings/a.md", "---\ntitle: A\ndate: 2024-01-05\n---\n"),
            ("meetings/b.md", "---\ntitle: B\ndate: 2024-03-09\n---\n"),
        ]);
        let span = Span::of(&s).unwrap();
        assert_eq!((span.len, span.step), (3, 1));
        assert!(
            draw(&s, &[1].map(MeetingId::new), span, &Strings::english())
                .contains("1 meeting, Jan 2024–Mar 2024: Mar 2024")
        );
    }
}
