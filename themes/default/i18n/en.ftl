# The default theme's strings in English: the reference every other
# language falls back to. Ids are snake_case so templates can read them as
# `t.id`; messages with arguments are formatted with `tr(key="id", …)`.
# Numbers are written with Latin digits in every language (docs/i18n.md).

## Dates. `date_day` is a date with its day, `date_month` a month alone;
## `month_of_day_N` is the month's name after a day (genitive in Russian).
date_day = { $day } { $month } { $year }
date_month = { $month } { $year }
date_short_day = { $day } { $month }
date_short_month = { $month }
month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December
month_of_day_1 = January
month_of_day_2 = February
month_of_day_3 = March
month_of_day_4 = April
month_of_day_5 = May
month_of_day_6 = June
month_of_day_7 = July
month_of_day_8 = August
month_of_day_9 = September
month_of_day_10 = October
month_of_day_11 = November
month_of_day_12 = December
month_short_1 = Jan
month_short_2 = Feb
month_short_3 = Mar
month_short_4 = Apr
month_short_5 = May
month_short_6 = Jun
month_short_7 = Jul
month_short_8 = Aug
month_short_9 = Sep
month_short_10 = Oct
month_short_11 = Nov
month_short_12 = Dec

## Every page: the header and the footer.
skip_to_main = Skip to main content
nav_main = Main
nav_more = More
menu = Menu
search = Search
search_the_minutes = Search the minutes
feed_title = { $site }: meetings (Atom)
calendar_title = { $site }: calendar
atom_feed = Atom feed
calendar = Calendar
built_with = Built with { $generator } on { $date }.

## Sections of the site.
meetings = Meetings
entities = Entities
topics = Topics
actions = Actions
decisions = Decisions
home = Home

## The page that is not there.
error_404 = Error 404
not_found_lede = There is nothing at this address. The page may have moved, or the link may have a typo.
not_found_where = Where to go from here
not_found_home = recent meetings and open actions

## A meeting's page.
meeting = Meeting
month_only = (month only)
month_only_title = The minutes give only the month
chaired_by = chaired by { $name }
draft = Draft.
draft_notice = These minutes are a draft: `quorum build` leaves them out of the published site.
meeting_parts = Parts of this meeting
minutes = Minutes
updates = Updates
about_meeting = About this meeting
n_attendees = { $count ->
    [one] { $count } attendee
   *[other] { $count } attendees
}
n_topics = { $count ->
    [one] { $count } topic
   *[other] { $count } topics
}
n_actions = { $count ->
    [one] { $count } action
   *[other] { $count } actions
}
n_decisions = { $count ->
    [one] { $count } decision
   *[other] { $count } decisions
}
n_later_updates = { $count ->
    [one] { $count } later update
   *[other] { $count } later updates
}
n_more_mentions = { $count ->
    [one] { $count } more mention
   *[other] { $count } more mentions
}
date = Date
series = Series
position_of = { $position } of { $count }
location = Location
chair = Chair
outcome = Outcome
no_actions = no actions
no_decisions = no decisions
attendees = Attendees
topics_of_meeting = Topics of this meeting
topics_of_action = Topics of this action
topics_of_decision = Topics of this decision
entities_involved = Entities involved
documents = Documents
no_link = (no link)
contents_of_minutes = Contents of the minutes
no_minutes = No minutes were written for this meeting.
actions_decided = Actions decided
overdue = Overdue
owner = { $count ->
    [one] Owner
   *[other] Owners
}
due = Due
no_date = no date
updates_to_earlier = Updates to earlier actions
no_action_with_id = No action has this id
due_now = Due now
decided_at = Decided at
previous_and_next = previous and next meetings
series_previous_and_next = { $series }: previous and next meetings
previous_meeting = Previous meeting
next_meeting = Next meeting
back_to_top = Back to top
in_context = In context

## Statuses of an action.
status_open = Open
status_in_progress = In progress
status_done = Done
status_dropped = Dropped

## The calendar's notes (calendar.ics).
cal_month_only = The minutes give only the month: { $month }.
cal_minutes = Minutes: { $url }
cal_owners = Owners: { $owners }
cal_due_in = Due in { $month }.
cal_decided_at = Decided at: { $meeting } ({ $date })

## Page titles.
meetings_in_year = Meetings in { $year }
page_not_found = Page not found
map = Map
what_changed = What changed
register_by_owner = Action register by owner
action = Action
decision = Decision
decision_n = Decision { $number }

## Shared parts of pages: tables, folds, counts.
status = Status
what = What
last_update = Last update
none_yet = none yet
due_moved_to = due moved to { $date }
last_changed = Last changed
view_source = View source
edit = Edit
contents = Contents
overdue_actions = Overdue actions
open_actions = Open actions
done_actions = Done actions
dropped_actions = Dropped actions
nothing_overdue = Nothing is overdue.
nothing_open = Nothing open.
nothing_done = Nothing done yet.
nothing_dropped = Nothing dropped.
continued = { $caption }, continued
n_more = { $count } more
all_n_decisions = { $count ->
    [one] The { $count } decision
   *[other] All { $count } decisions
}
n_meetings = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}
n_pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
n_passages_in_meetings = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
} in { $meetings ->
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
}
elsewhere_on_site = Elsewhere on the site
and_n_more_topics = { $count ->
    [one] and { $count } more topic
   *[other] and { $count } more topics
}
in_common = { $what } in common
activity_note = Each mark opens its meeting; where there are many, bars count them by month or year.

## The home page.
site_in_numbers = The site in numbers
n_meetings_strong = { $count ->
    [one] { $n } meeting
   *[other] { $n } meetings
}
n_decisions_strong = { $count ->
    [one] { $n } decision
   *[other] { $n } decisions
}
n_actions_strong = { $count ->
    [one] { $n } action
   *[other] { $n } actions
}
n_entities_strong = { $count ->
    [one] { $n } entity
   *[other] { $n } entities
}
n_topics_strong = { $count ->
    [one] { $n } topic
   *[other] { $n } topics
}
n_pending = { $count } pending
n_overdue = { $count } overdue
n_overdue_as_of = { $count } overdue as of { $date }
what_changed_latest = What changed at the latest meetings
map_of_who_and_what = Map of who and what
actions_to_watch = Actions to watch
most_urgent_of = The { $shown } most urgent of { $count } pending actions
every_pending_action = Every pending action
urgent_order = : overdue first, then the soonest due.
due_on = due { $date }
no_due_date = no due date
the_action_register = The action register
all_n_pending = all { $count } pending actions
recent_meetings = Recent meetings
all_meetings = All meetings
no_meetings_yet = No meetings yet. Add minutes under
all_topics = All topics
no_topics_yet = No topics yet.

## An action's page.
action_item = Action item
overdue_notice = It was due { $due } and is still { $status } as of { $today }.
first_due = first { $date }
action_number = action { $number }
status_history = Status history
status_history_by_meeting = Status history, meeting by meeting
status_history_caption = Status of the action at each meeting, oldest first
note = Note
decided = Decided
unchanged = unchanged
no_later_report = No later meeting has reported on this action yet.

## The action register.
register_lede = { $count ->
    [one] The register of the { $count } action item agreed in the minutes, with its status as of { $date }.
   *[other] The register of the { $count } action items agreed in the minutes, with their status as of { $date }.
}
register_sections = Sections of the register
by_owner = By owner
register_to_print = The register by owner, to print
register_to_print_note = : every action, one page per owner.
no_open_actions = No open actions.
no_action_done = No action is done yet.
no_action_dropped = No action was dropped.
most_recent_of = The { $shown } most recent of { $count }; every action is on the page of its meeting and of its owners, and in
actions_by_owner = Actions by owner
as_of = as of { $date }
print_lede = { $count ->
    [one] The { $count } action of the minutes by owner, as of { $date }: what is overdue, open, done and dropped, with due dates and the last update. Printed, each owner starts a new page.
   *[other] The { $count } actions of the minutes by owner, as of { $date }: what is overdue, open, done and dropped, with due dates and the last update. Printed, each owner starts a new page.
}
n_owners = { $count ->
    [one] { $count } owner
   *[other] { $count } owners
}
n_open = { $count } open
n_done = { $count } done
n_dropped = { $count } dropped
actions_of = Actions of { $name }
no_owner_yet = No action has an owner yet.
no_owner = No owner
actions_without_owner = Actions without an owner

## What changed.
changes_lede = { $count ->
    [one] What the latest meeting changed: the actions it set, the progress it recorded on earlier ones, and what it decided.
   *[other] What the { $count } latest meetings changed, newest first: the actions they set, the progress they recorded on earlier ones, and what they decided.
}
nothing_recorded = No actions, updates or decisions recorded.
new_actions = New actions
progress_on_earlier = Progress on earlier actions
status_to = to
status_unchanged = status unchanged
due_word = due
decided_at_lower = decided at
no_meetings = No meetings yet.
n_earlier_meetings = { $count ->
    [one] { $count } earlier meeting: see
   *[other] { $count } earlier meetings: see
}

## The decisions' log.
decisions_lede = { $count ->
    [one] What the meetings agreed: { $count } decision, by year, newest first, then by topic.
   *[other] What the meetings agreed: { $count } decisions, by year, newest first, then by topic.
}
log_sections = Sections of the log
all_decisions = All decisions
by_topic = By topic
no_decisions_yet = No decisions recorded yet. Meetings list them under

## Kinds of entity.
kind_organization = organization
kind_body = body
kind_person = person
kind_country = country
kind_other = other
kinds_organization = Organizations
kinds_body = Bodies
kinds_person = People
kinds_country = Countries
kinds_other = Other
pages = Pages

## Entities and an entity's page.
entities_lede = { $count ->
    [one] { $count } organisation, body, person or country the minutes name, by kind.
   *[other] { $count } organisations, bodies, people and countries the minutes name, by kind.
}
kinds = Kinds
no_page_yet = No page yet
n_mentions = { $count ->
    [one] { $count } mention
   *[other] { $count } mentions
}
no_entities_yet = No entities yet. Describe organisations and people under
hierarchy = Hierarchy
short_name = Short name
also_called = Also called
website = Website
entity_stub_title = No page describes this entity yet.
entity_stub_text = The minutes name it, so quorum made this page to collect its mentions.
stub_how = To describe it, create { $file } with at least { $field } in its front matter.
in_numbers = { $name } in numbers
attended_n = attended { $count }
chaired_n = chaired { $count }
n_passages_strong = { $count ->
    [one] { $n } passage
   *[other] { $n } passages
}
name_it = { $count ->
    [one] names { $name }
   *[other] name { $name }
}
name_it_in_meetings = { $count ->
    [one] names { $name }
   *[other] name { $name }
}, in { $meetings ->
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
}
n_actions_owned_strong = { $count ->
    [one] { $n } action owned
   *[other] { $n } actions owned
}
latest_mentions = Latest mentions
all_n_passages = { $count ->
    [one] The { $count } passage, by year
   *[other] All { $count } passages, by year
}
activity = Activity
related = Related
map_note = Lines join what meets most; the centre is this page.
numbers_in_common = Numbers count the meetings in common.
map_of_site = The map of the whole site
structure = Structure
part_of_it = Part of it
people = People
every_meeting_involving = Every meeting that involves { $name }, newest first
attended = Attended
as_role = as { $role }
attendance_by_series = Attendance by series
attendance_by_series_note = Meetings of each series { $name } attended or chaired, out of the meetings held from the first one attended to the series' last.
attended_of = { $count ->
    [one] { $n } of { $count } meeting ({ $share }%)
   *[other] { $n } of { $count } meetings ({ $share }%)
}
actions_owned = Actions owned
commitments_of = The commitments of { $name }: { $overdue } overdue, { $open } open, { $done } done, { $dropped } dropped, each with its due date and the last meeting that reported on it.
no_action_assigned = No action is assigned to { $name }.
mentions = Mentions
every_passage_naming = Every passage that names { $name }, by meeting, newest first; each links to its place in the minutes. Names in roll-calls (Present, Apologies…) count as attendance, not as mentions.

## The site's map.
map_lede = The { $topics ->
    [one] { $topics } topic
   *[other] { $topics } topics
} and { $entities ->
    [one] { $entities } entity
   *[other] { $entities } entities
} with the most meetings, and how they are linked: topics on the inner ring, entities around them, each near the topics it meets most.
the_map = The map
site_map_note = The larger the mark, the more meetings; every mark opens its page.
on_the_map = On the map
nothing_to_map = Nothing to map yet: no entity or topic is linked to a meeting.

## Meetings by year.
breadcrumb = Breadcrumb
year_lede = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}, newest first; they set { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
} and made { $decisions ->
    [one] { $decisions } decision
   *[other] { $decisions } decisions
}.
meetings_per_month = meetings per month
years = Years
previous_and_next_years = Previous and next years
earlier_year = Earlier year
later_year = Later year
in_n_years = { $count ->
    [one] in { $count } year
   *[other] in { $count } years
}
index_latest = , a page for each year; below, { $year }, newest first
meeting_series = Meeting series
every_year = every year
on_this_page = On this page

## Topics.
topics_lede = { $count ->
    [one] { $count } topic discussed, as a tree: each topic with the meetings and actions about it.
   *[other] { $count } topics discussed, as a tree: each topic with the meetings and actions about it.
}
topic_tree = Topic tree
no_topics_how = No topics yet. Add them under { $folder }, or list them in a meeting's { $field }.

## A topic's page.
parent_topics = Parent topics
topic = Topic
topic_stub_title = No page describes this topic yet.
topic_stub_text = The minutes refer to it, so quorum made this page to collect what relates to it.
sub_topics = Sub-topics
relationships = Relationships
topic_map_note = Entities most involved, owners of its actions and topics discussed with it; the centre is this page.
entities_most_involved = Entities most involved
topic_numbers_note = Numbers count the meetings on this topic each took part in or was named in.
every_passage_linking = Every passage that links to { $name }, newest first, each linked to its place.

## A series' page.
from_to = { $from } to { $to }
n_pending_actions = { $count ->
    [one] { $count } pending action
   *[other] { $count } pending actions
}
series_sections = Sections of this series
attendance = Attendance
pending_actions = Pending actions
ranking_note = Everyone who attended or chaired a meeting of the series, most meetings first. A chair counts as present; the share counts the meetings held from each one's first to the series' last.
attendance_ranking = Attendance ranking
ranking_caption = Who attended the most meetings of { $series }
rank = Rank
who = Who
share = Share
first_last = First – last
of_n = of { $count }
chair_n = chair { $count }
latest_n_meetings = The latest { $count } meetings
by_meeting = By meeting
who_came_latest = Who came to the { $shown } most recent of the { $count } meetings (totals are in the ranking above).
who_came_each = Who came to each meeting.
key_present = present,
key_chair = in the chair,
key_other_role = present in another role than the usual one (shown under the name; the cell's tooltip says which).
attendance_by_meeting = Attendance by meeting
attendance_caption = Attendance at the meetings of { $series }: one row per person or organisation, one column per meeting
as_role_title = As { $role }
present = present
absent = absent
no_attendance = The minutes of this series list no chair or attendees.
overdue_actions_series = Overdue actions of this series
open_actions_series = Open actions of this series
none_pending_series = No action of this series is pending.
no_decisions_recorded = No decisions recorded.

## The search page.
search_lede = Every word you type must appear; the start of a word is enough.
search_needs_server = Search needs the site to be served by a web server.
search_file_system = This copy is open straight from the file system, and browsers do not let a page read the search index from files on disk.
search_open_served = Open the site from the web server it is published on, or preview it with { $command }. Every other page works from the file system as it is.
search_needs_js = Search needs JavaScript, and it is turned off in this browser.
search_turn_on_js = Turn it on to search the minutes here.
search_without_js = Without it, every page is listed from:
site_map = the site map
search_label = Search meetings, entities, topics and actions
filter_results = Filter results
kind = Kind
any_kind = Any kind
year = Year
any_year = Any year
any_topic = Any topic
entity = Entity
any_entity = Any entity
results = Results
more_results = More results
key_enter = Enter
key_esc = Esc
search_keys = Keys: { $enter } searches, { $down } and { $up } move through the results, { $esc } clears the search.

## Written by the search page's script (search.js). `{ $query }`, `{ $what }`,
## `{ $where }` are filled in by the script.
page_kind = Page
search_n_results = { $count ->
    [0] No results
    [one] { $count } result
   *[other] { $count } results
}
search_for = { $what } for “{ $query }”.
search_for_in = { $what } for “{ $query }” in { $where }.
search_topic_filter = topic { $topic }
search_searching = Searching…
search_too_short = Type a longer or less common word: one letter and words such as “the” are not searched for.
search_failed = Search failed: { $error }. Reload the page to try again.
search_unavailable_files = Search is not available when the site is opened from files.

## Timelines (their tooltips and labels, read by screen readers too).
timeline_label = Activity of { $name }, { $years }: { $counts }
timeline_decision = Decision { $number } of { $at }: { $text }
timeline_action = Action { $id } ({ $state }): { $text } — decided at { $at }
timeline_several = { $items } at { $at }
timeline_bar = { $items } in { $when } — latest: { $latest }, { $date }
named = Named
on_the_agenda = On the agenda

## The keys under timelines and maps.
key_meeting = meeting
key_decision = decision
key_open_action = open action
key_action_in_progress = action in progress
key_overdue_action = overdue action
key_done_action = done action
key_dropped_action = dropped action
key_meetings = meetings
key_decisions = decisions
key_actions = actions
key_actions_some_overdue = actions, some overdue
key_topic = topic
key_organisation = organisation
key_body = body
key_person = person
key_country = country
key_other = other

## Relationship maps.
map_of = Relationship map of { $name }
map_label = { $map }: { $pages } linked to it
this_page = this page
n_meetings_together = { $count ->
    [one] { $count } meeting together
   *[other] { $count } meetings together
}
n_shared_actions = { $count ->
    [one] { $count } shared action
   *[other] { $count } shared actions
}
n_actions_owned = { $count ->
    [one] { $count } action owned
   *[other] { $count } actions owned
}
site_map_label = Map of the site: the { $topics ->
    [one] { $topics } topic
   *[other] { $topics } topics
} and { $entities ->
    [one] { $entities } entity
   *[other] { $entities } entities
} with the most meetings, and how they are linked

## Link previews (the cards shown over a link).
role = Role
part_of = Part of
no_page_describes_it = No page describes it yet.
owner_one = Owner
owner_many = Owners
id = Id

## Sparklines (read by screen readers).
spark_none = No meetings, { $range }
spark_one = 1 meeting, { $range }: { $when }
spark_by_month = { $count } meetings per month, { $range }; most in { $when } ({ $most })
spark_by_year = { $count } meetings per year, { $range }; most in { $when } ({ $most })

# Between the items of a list: "4 attendees, 3 topics".
list_sep = ,{" "}

# The number of a printed page: "Page 2 of 5".
print_page_before = Page{" "}
print_page_between = {" "}of{" "}
print_page_after = {""}
