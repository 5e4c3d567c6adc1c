//! A site of real-shaped minutes at any size, for the browser tests and for
//! tests that need many meetings: boilerplate repeated by a series, Links and
//! Present sections, agenda items as nested tight lists with speakers by
//! first name, long URLs, decisions and actions with updates, a busy chair in
//! most meetings. The same size always gives the same site.

use std::fmt::Write;

use super::Site;

/// A small deterministic generator (a linear congruential one).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

const FIRST: &[&str] = &[
    "Ada", "Bruno", "Carla", "Dara", "Emil", "Fatima", "Gabriel", "Hana", "Ines", "Jamal", "Karin",
    "Lars", "Mei", "Nadia", "Omar", "Priya", "Rosa", "Sami", "Tomas", "Uma", "Vera", "Wen",
    "Yusuf", "Zoe",
];
const LAST: &[&str] = &[
    "Abbott", "Becker", "Costa", "Dubois", "Eriksen", "Farouk", "Garcia", "Haddad", "Ibrahim",
    "Jensen", "Kaur", "Larsen", "Mensah", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Santos",
    "Tanaka", "Varga", "Walsh", "Young", "Zhang",
];
const ORGS: &[&str] = &[
    "Northwind Labs",
    "Harbor Systems",
    "Meridian Software",
    "Cedar Foundation",
    "Bluewater Tooling",
    "Granite Cloud",
];
const SERIES: &[&str] = &[
    "Technical Steering Committee",
    "Community Committee",
    "Release Working Group",
];
const TOPICS: &[&str] = &[
    "Release plan",
    "Security policy",
    "CI infrastructure",
    "Code of conduct",
    "Mentoring",
    "Documentation",
    "Governance",
    "Long-term support",
];
const VERBS: &[&str] = &[
    "proposed",
    "questioned",
    "reviewed",
    "supported",
    "deferred",
    "summarised",
    "challenged",
];
const NOUNS: &[&str] = &[
    "the roadmap",
    "the budget",
    "the timeline",
    "the draft policy",
    "the audit",
    "the survey",
];

/// A person of the corpus: full name and handle.
fn person(i: usize) -> (String, String) {
    let first = FIRST[i % FIRST.len()];
    let last = LAST[(i * 7 + i / FIRST.len()) % LAST.len()];
    (
        format!("{first} {last}"),
        format!("{}{}", &first[..1].to_lowercase(), last.to_lowercase()),
    )
}

/// A site of `meetings` real-shaped meetings (and their people,
/// organisations and topics).
pub fn messy_site(meetings: usize) -> Site {
    let site = Site::empty().file(
        "quorum.yaml",
        "title: Tessera governance\nbase_url: http://127.0.0.1:1111/\ntoday: 2025-06-30\n",
    );
    let people = 30;
    for i in 0..people {
        let (name, handle) = person(i);
        let first = name.split(' ').next().unwrap_or("");
        // First names are aliases only where they are unique.
        let alias = if i < FIRST.len() {
            format!("[\"{first}\", \"@{handle}\"]")
        } else {
            format!("[\"@{handle}\"]")
        };
        let org = ORGS[i % ORGS.len()];
        site.write(
            &format!("content/entities/people/{handle}.md"),
            &format!(
                "---\nname: {name}\nkind: person\naliases: {alias}\naffiliation: {org}\n---\n{name} works at {org}.\n"
            ),
        );
    }
    for org in ORGS {
        let slug = org.to_lowercase().replace(' ', "-");
        site.write(
            &format!("content/entities/organizations/{slug}.md"),
            &format!(
                "---\nname: {org}\nkind: organization\nurl: https://{slug}.example.org/\n---\n"
            ),
        );
    }
    for t in TOPICS {
        let slug = t.to_lowercase().replace(' ', "-");
        site.write(
            &format!("content/topics/{slug}.md"),
            &format!(
                "---\nname: {t}\n---\nWhat the committees said about {}.\n",
                t.to_lowercase()
            ),
        );
    }
    let mut rng = Rng(7);
    for m in 0..meetings {
        let series = SERIES[if m % 5 == 4 { 1 + m % 2 } else { 0 }];
        // About two meetings a month, back from mid-2025.
        let days = (meetings - m) * 15;
        let (year, rest) = (2025 - (days / 360) as i32, days % 360);
        let (month, day) = (12 - rest / 30, 28 - (rest % 30).min(27));
        let date = format!("{year}-{month:02}-{day:02}");
        let chair = person(0).0;
        let mut attendees = vec![chair.clone()];
        for _ in 0..(5 + rng.below(6)) {
            let p = person(1 + rng.below(people - 1)).0;
            if !attendees.contains(&p) {
                attendees.push(p);
            }
        }
        let topics: Vec<&str> = (0..(1 + rng.below(3))).map(|_| *rng.pick(TOPICS)).collect();
        let mut topics_list = topics.clone();
        topics_list.dedup();
        let slug = series.to_lowercase().replace(' ', "-");
        let repo = format!("https://github.com/example/{slug}");
        let mut fm = format!(
            "---\ntitle: \"{series} {date}\"\ndate: {date}\nseries: {series}\nchair: {chair}\nattendees:\n"
        );
        for a in &attendees {
            let _ = writeln!(fm, "  - {a}");
        }
        let _ = writeln!(fm, "topics: [{}]", topics_list.join(", "));
        if rng.below(3) == 0 {
            let owner = rng.pick(&attendees).clone();
            let _ = write!(
                fm,
                "actions:\n  - owner: {owner}\n    text: \"Draft {} for {} and share it in [#{}]({repo}/issues/{})\"\n    due: {year}-{:02}-15\n",
                rng.pick(NOUNS),
                topics[0].to_lowercase(),
                100 + m,
                100 + m,
                month.min(11) + 1
            );
        }
        if rng.below(2) == 0 {
            let who = rng.pick(&attendees).clone();
            let _ = write!(
                fm,
                "decisions:\n  - text: \"Agreed that {who} leads *{}*; see {repo}/discussions/{}\"\n    topics: [{}]\n",
                topics[0].to_lowercase(),
                m,
                topics[0]
            );
        }
        fm.push_str("---\n");
        let mut body = format!(
            "*Extracted from **{slug}-agenda** labelled issues and pull requests of the example/{slug} repository prior to the meeting.*\n\n## Links\n\n* **Recording**: <https://www.youtube.com/watch?v={:011x}&list=PL{slug}-recordings-{year}>\n* **Minutes**: <{repo}/blob/main/meetings/{year}/{date}/minutes-of-the-{slug}-meeting.md>\n\n## Present\n\n",
            rng.next()
        );
        for a in &attendees {
            let handle = a.split(' ').map(|w| w.to_lowercase()).collect::<Vec<_>>();
            let _ = writeln!(body, "* {a} @{}{}", &handle[0][..1], handle[1]);
        }
        body.push_str("\n## Agenda\n\n### Announcements\n\n");
        let speaker = |rng: &mut Rng| -> String {
            let p = rng.pick(&attendees).clone();
            p.split(' ').next().unwrap_or("").to_owned()
        };
        let _ = writeln!(
            body,
            "* {} {} {} before the next meeting.",
            rng.pick(&attendees),
            rng.pick(VERBS),
            rng.pick(NOUNS)
        );
        for t in &topics_list {
            let _ = writeln!(body, "\n### {t}\n");
            for _ in 0..(1 + rng.below(3)) {
                let n = 100 + rng.below(3000);
                let _ = writeln!(
                    body,
                    "* {} for {} [#{n}]({repo}/issues/{n})",
                    rng.pick(NOUNS),
                    t.to_lowercase()
                );
                for _ in 0..(1 + rng.below(4)) {
                    let s = speaker(&mut rng);
                    let other = rng.pick(&attendees).clone();
                    let _ = writeln!(
                        body,
                        "  * {s}: {other} {} {}, and asked for comments in the issue.",
                        rng.pick(VERBS),
                        rng.pick(NOUNS)
                    );
                }
                if rng.below(4) == 0 {
                    body.push_str("  * deferred to next meeting\n");
                }
            }
        }
        if rng.below(10) == 0 {
            body.push_str("\n* **Next recording**: <TBD>\n");
        }
        body.push_str("\n## Upcoming Meetings\n\n* Click `+GoogleCalendar` at the bottom right of the calendar to add it to your own.\n");
        site.write(
            &format!("content/meetings/{year}/{slug}-{date}-{m}.md"),
            &format!("{fm}\n{body}"),
        );
    }
    site
}
