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
