# سلاسل السمة الافتراضية بالعربية (مصطلحات الأمم المتحدة: «محضر» الاجتماع).
# الأرقام لاتينية كما في كثير من وثائق الأمم المتحدة العربية (docs/i18n.md).

date_day = { $day } { $month } { $year }
date_month = { $month } { $year }
date_short_day = { $day } { $month }
date_short_month = { $month }
month_1 = يناير
month_2 = فبراير
month_3 = مارس
month_4 = أبريل
month_5 = مايو
month_6 = يونيو
month_7 = يوليو
month_8 = أغسطس
month_9 = سبتمبر
month_10 = أكتوبر
month_11 = نوفمبر
month_12 = ديسمبر
month_of_day_1 = يناير
month_of_day_2 = فبراير
month_of_day_3 = مارس
month_of_day_4 = أبريل
month_of_day_5 = مايو
month_of_day_6 = يونيو
month_of_day_7 = يوليو
month_of_day_8 = أغسطس
month_of_day_9 = سبتمبر
month_of_day_10 = أكتوبر
month_of_day_11 = نوفمبر
month_of_day_12 = ديسمبر
month_short_1 = يناير
month_short_2 = فبراير
month_short_3 = مارس
month_short_4 = أبريل
month_short_5 = مايو
month_short_6 = يونيو
month_short_7 = يوليو
month_short_8 = أغسطس
month_short_9 = سبتمبر
month_short_10 = أكتوبر
month_short_11 = نوفمبر
month_short_12 = ديسمبر

skip_to_main = انتقل إلى المحتوى الرئيسي
nav_main = التنقل الرئيسي
nav_more = المزيد
menu = القائمة
search = بحث
search_the_minutes = البحث في المحاضر
feed_title = { $site }: الاجتماعات (Atom)
calendar_title = { $site }: التقويم
atom_feed = موجز Atom
calendar = التقويم
built_with = أُنشئ باستخدام { $generator } في { $date }.

meetings = الاجتماعات
entities = الجهات
topics = المواضيع
actions = إجراءات المتابعة
decisions = القرارات
home = الصفحة الرئيسية

error_404 = الخطأ 404
not_found_lede = لا يوجد شيء في هذا العنوان. ربما نُقلت الصفحة، أو في الرابط خطأ مطبعي.
not_found_where = إلى أين تذهب من هنا
not_found_home = آخر الاجتماعات والإجراءات المفتوحة

meeting = اجتماع
month_only = (الشهر فقط)
month_only_title = لا يذكر المحضر إلا الشهر
chaired_by = برئاسة { $name }
draft = مسودة.
draft_notice = هذا المحضر مسودة: لا يدرجه «quorum build» في الموقع المنشور.
meeting_parts = أجزاء هذا الاجتماع
minutes = المحضر
updates = المتابعة
about_meeting = عن هذا الاجتماع
n_attendees = { $count ->
    [zero] لا مشاركين
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}
n_topics = { $count ->
    [zero] لا مواضيع
    [one] موضوع واحد
    [two] موضوعان
    [few] { $count } مواضيع
    [many] { $count } موضوعًا
   *[other] { $count } موضوع
}
n_actions = { $count ->
    [zero] لا إجراءات
    [one] إجراء واحد
    [two] إجراءان
    [few] { $count } إجراءات
    [many] { $count } إجراءً
   *[other] { $count } إجراء
}
n_decisions = { $count ->
    [zero] لا قرارات
    [one] قرار واحد
    [two] قراران
    [few] { $count } قرارات
    [many] { $count } قرارًا
   *[other] { $count } قرار
}
n_later_updates = { $count ->
    [zero] لا متابعات لاحقة
    [one] متابعة لاحقة واحدة
    [two] متابعتان لاحقتان
    [few] { $count } متابعات لاحقة
    [many] { $count } متابعة لاحقة
   *[other] { $count } متابعة لاحقة
}
n_more_mentions = { $count ->
    [zero] لا إشارات أخرى
    [one] إشارة أخرى واحدة
    [two] إشارتان أخريان
    [few] { $count } إشارات أخرى
    [many] { $count } إشارة أخرى
   *[other] { $count } إشارة أخرى
}
date = التاريخ
series = السلسلة
position_of = { $position } من { $count }
location = المكان
chair = الرئيس
outcome = النتائج
no_actions = لا إجراءات
no_decisions = لا قرارات
attendees = المشاركون
topics_of_meeting = مواضيع هذا الاجتماع
topics_of_action = مواضيع هذا الإجراء
topics_of_decision = مواضيع هذا القرار
entities_involved = الجهات المعنية
documents = الوثائق
no_link = (بلا رابط)
contents_of_minutes = محتويات المحضر
no_minutes = لم يُحرَّر محضر لهذا الاجتماع.
actions_decided = الإجراءات المتفق عليها
overdue = متأخر
owner = { $count ->
    [one] الجهة المسؤولة
   *[other] الجهات المسؤولة
}
due = الموعد النهائي
no_date = بلا موعد
updates_to_earlier = متابعة إجراءات سابقة
no_action_with_id = لا يوجد إجراء بهذا المعرّف
due_now = الموعد الجديد
decided_at = اتُّفق عليه في
previous_and_next = الاجتماع السابق والتالي
series_previous_and_next = { $series }: الاجتماع السابق والتالي
previous_meeting = الاجتماع السابق
next_meeting = الاجتماع التالي
back_to_top = العودة إلى الأعلى
in_context = في السياق

status_open = مفتوح
status_in_progress = قيد التنفيذ
status_done = منجز
status_dropped = مُلغى

cal_month_only = لا يذكر المحضر إلا الشهر: { $month }.
cal_minutes = المحضر: { $url }
cal_owners = الجهات المسؤولة: { $owners }
cal_due_in = الموعد النهائي: { $month }.
cal_decided_at = اتُّفق عليه في: { $meeting } ({ $date })

n_meetings = { $count ->
    [zero] لا اجتماعات
    [one] { $count } اجتماع
    [two] { $count } اجتماعان
    [few] { $count } اجتماعات
    [many] { $count } اجتماعًا
   *[other] { $count } اجتماع
}
n_pages = { $count ->
    [zero] لا صفحات
    [one] { $count } صفحة
    [two] { $count } صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحةً
   *[other] { $count } صفحة
}
n_mentions = { $count ->
    [zero] لا إشارات
    [one] { $count } إشارة
    [two] { $count } إشارتان
    [few] { $count } إشارات
    [many] { $count } إشارةً
   *[other] { $count } إشارة
}
n_owners = { $count ->
    [zero] لا جهات مسؤولة
    [one] { $count } جهة مسؤولة
    [two] { $count } جهتان مسؤولتان
    [few] { $count } جهات مسؤولة
    [many] { $count } جهةً مسؤولة
   *[other] { $count } جهة مسؤولة
}
n_meetings_strong = { $count ->
    [zero] لا اجتماعات
    [one] { $n } اجتماع
    [two] { $n } اجتماعان
    [few] { $n } اجتماعات
    [many] { $n } اجتماعًا
   *[other] { $n } اجتماع
}
n_decisions_strong = { $count ->
    [zero] لا قرارات
    [one] { $n } قرار
    [two] { $n } قراران
    [few] { $n } قرارات
    [many] { $n } قرارًا
   *[other] { $n } قرار
}
n_actions_strong = { $count ->
    [zero] لا إجراءات
    [one] { $n } إجراء
    [two] { $n } إجراءان
    [few] { $n } إجراءات
    [many] { $n } إجراءً
   *[other] { $n } إجراء
}
n_entities_strong = { $count ->
    [zero] لا جهات
    [one] { $n } جهة
    [two] { $n } جهتان
    [few] { $n } جهات
    [many] { $n } جهةً
   *[other] { $n } جهة
}
n_topics_strong = { $count ->
    [zero] لا مواضيع
    [one] { $n } موضوع
    [two] { $n } موضوعان
    [few] { $n } مواضيع
    [many] { $n } موضوعًا
   *[other] { $n } موضوع
}
n_passages_strong = { $count ->
    [zero] لا مقاطع
    [one] { $n } مقطع
    [two] { $n } مقطعان
    [few] { $n } مقاطع
    [many] { $n } مقطعًا
   *[other] { $n } مقطع
}
n_actions_owned_strong = { $count ->
    [zero] لا إجراءات مسندة
    [one] { $n } إجراء مسند
    [two] { $n } إجراءان مسندان
    [few] { $n } إجراءات مسندة
    [many] { $n } إجراءً مسندًا
   *[other] { $n } إجراء مسند
}
n_pending_actions = { $count ->
    [zero] لا إجراءات معلّقة
    [one] { $count } إجراء معلّق
    [two] { $count } إجراءان معلّقان
    [few] { $count } إجراءات معلّقة
    [many] { $count } إجراءً معلّقًا
   *[other] { $count } إجراء معلّق
}
in_n_years = { $count ->
    [zero] في لا سنوات
    [one] في { $count } سنة
    [two] في { $count } سنتان
    [few] في { $count } سنوات
    [many] في { $count } سنةً
   *[other] في { $count } سنة
}

meetings_in_year = اجتماعات عام { $year }
page_not_found = الصفحة غير موجودة
map = الخريطة
what_changed = ما الذي تغيّر
register_by_owner = سجل الإجراءات حسب الجهة المسؤولة
action = إجراء
decision = قرار
decision_n = القرار { $number }

status = الحالة
what = المضمون
last_update = آخر متابعة
none_yet = لا شيء بعد
due_moved_to = أُرجئ الموعد إلى { $date }
last_changed = آخر تعديل
view_source = عرض المصدر
edit = تحرير
contents = المحتويات
overdue_actions = الإجراءات المتأخرة
open_actions = الإجراءات المفتوحة
done_actions = الإجراءات المنجزة
dropped_actions = الإجراءات الملغاة
nothing_overdue = لا شيء متأخر.
nothing_open = لا شيء مفتوح.
nothing_done = لم يُنجز شيء بعد.
nothing_dropped = لم يُلغَ شيء.
continued = { $caption } (تابع)
n_more = { $count } أخرى
all_n_decisions = جميع القرارات ({ $count })
n_passages_in_meetings = { $count } مقطع في { $meetings } اجتماع
elsewhere_on_site = في أماكن أخرى من الموقع
and_n_more_topics = و{ $count } مواضيع أخرى
in_common = مشترك: { $what }
activity_note = كل علامة تفتح اجتماعها؛ وحين تكثر العلامات تعدّها أعمدة حسب الشهر أو السنة.

site_in_numbers = الموقع بالأرقام
n_pending = { $count } معلّق
n_overdue = { $count } متأخر
n_overdue_as_of = { $count } متأخر حتى { $date }
what_changed_latest = ما الذي تغيّر في آخر الاجتماعات
map_of_who_and_what = خريطة الجهات والمواضيع
actions_to_watch = إجراءات تستدعي المتابعة
most_urgent_of = أكثر { $shown } إجراءات إلحاحًا من أصل { $count } إجراءً معلّقًا
every_pending_action = جميع الإجراءات المعلّقة
urgent_order = : المتأخرة أولًا، ثم الأقرب موعدًا.
due_on = الموعد النهائي: { $date }
no_due_date = بلا موعد نهائي
the_action_register = سجل الإجراءات
all_n_pending = جميع الإجراءات المعلّقة ({ $count })
recent_meetings = آخر الاجتماعات
all_meetings = جميع الاجتماعات
no_meetings_yet = لا اجتماعات بعد. أضف المحاضر في
all_topics = جميع المواضيع
no_topics_yet = لا مواضيع بعد.

action_item = إجراء متابعة
overdue_notice = كان موعده النهائي { $due } وما زالت حالته «{ $status }» حتى { $today }.
first_due = الموعد الأول { $date }
action_number = الإجراء { $number }
status_history = سجل الحالة
status_history_by_meeting = سجل الحالة، اجتماعًا باجتماع
status_history_caption = حالة الإجراء في كل اجتماع، من الأقدم إلى الأحدث
note = ملاحظة
decided = اتُّفق عليه
unchanged = بلا تغيير
no_later_report = لم يقدّم أي اجتماع لاحق تقريرًا عن هذا الإجراء بعد.

register_lede = سجل إجراءات المتابعة المتفق عليها في المحاضر ({ $count })، مع حالتها حتى { $date }.
register_sections = أقسام السجل
by_owner = حسب الجهة المسؤولة
register_to_print = السجل حسب الجهة المسؤولة، للطباعة
register_to_print_note = : جميع الإجراءات، صفحة لكل جهة مسؤولة.
no_open_actions = لا إجراءات مفتوحة.
no_action_done = لم يُنجز أي إجراء بعد.
no_action_dropped = لم يُلغَ أي إجراء.
most_recent_of = أحدث { $shown } من أصل { $count }؛ يظهر كل إجراء في صفحة اجتماعه وصفحات الجهات المسؤولة عنه، وفي
actions_by_owner = الإجراءات حسب الجهة المسؤولة
as_of = حتى { $date }
print_lede = إجراءات المحاضر ({ $count }) حسب الجهة المسؤولة، حتى { $date }: المتأخر والمفتوح والمنجز والملغى، مع المواعيد النهائية وآخر متابعة. عند الطباعة تبدأ كل جهة مسؤولة صفحة جديدة.
n_open = { $count } مفتوح
n_done = { $count } منجز
n_dropped = { $count } ملغى
actions_of = إجراءات { $name }
no_owner_yet = لا جهة مسؤولة لأي إجراء بعد.
no_owner = بلا جهة مسؤولة
actions_without_owner = إجراءات بلا جهة مسؤولة

changes_lede = ما الذي غيّرته آخر الاجتماعات ({ $count })، من الأحدث: الإجراءات المقررة، والتقدم المسجل في الإجراءات السابقة، والقرارات.
nothing_recorded = لم تُسجَّل إجراءات ولا متابعات ولا قرارات.
new_actions = إجراءات جديدة
progress_on_earlier = التقدم في الإجراءات السابقة
status_to = إلى
status_unchanged = الحالة بلا تغيير
due_word = الموعد النهائي
decided_at_lower = اتُّفق عليه في
no_meetings = لا اجتماعات بعد.
n_earlier_meetings = اجتماعات سابقة ({ $count }): انظر
decisions_lede = ما اتفقت عليه الاجتماعات: { $count } قرار، حسب السنة من الأحدث، ثم حسب الموضوع.
log_sections = أقسام سجل القرارات
all_decisions = جميع القرارات
by_topic = حسب الموضوع
no_decisions_yet = لم تُسجَّل قرارات بعد. تُدرجها الاجتماعات تحت

kind_organization = منظمة
kind_body = هيئة
kind_person = شخص
kind_country = بلد
kind_other = أخرى
kinds_organization = المنظمات
kinds_body = الهيئات
kinds_person = الأشخاص
kinds_country = البلدان
kinds_other = أخرى
pages = الصفحات

entities_lede = المنظمات والهيئات والأشخاص والبلدان التي تذكرها المحاضر ({ $count })، حسب الفئة.
kinds = الفئات
no_page_yet = لا صفحة بعد
no_entities_yet = لا جهات بعد. صِف المنظمات والأشخاص في
hierarchy = التسلسل الهرمي
short_name = الاسم المختصر
also_called = أسماء أخرى
website = الموقع الشبكي
entity_stub_title = لا توجد صفحة تصف هذه الجهة بعد.
entity_stub_text = تذكرها المحاضر، ولذلك أنشأ quorum هذه الصفحة لجمع الإشارات إليها.
stub_how = لوصفها، أنشئ { $file } وفيه على الأقل { $field } في رأس الملف.
in_numbers = { $name } بالأرقام
attended_n = حضر { $count }
chaired_n = ترأّس { $count }
name_it = تذكر { $name }
name_it_in_meetings = تذكر { $name }، في { $meetings } اجتماع
latest_mentions = أحدث الإشارات
all_n_passages = جميع المقاطع ({ $count })، حسب السنة
activity = النشاط
related = الصلات
map_note = تربط الخطوط ما يلتقي أكثر؛ وهذه الصفحة في المركز.
numbers_in_common = تعدّ الأرقام الاجتماعات المشتركة.
map_of_site = خريطة الموقع كله
structure = الهيكل
part_of_it = الوحدات التابعة
people = الأشخاص
every_meeting_involving = جميع الاجتماعات التي تخص { $name }، من الأحدث
attended = حضر
as_role = بصفة { $role }
attendance_by_series = الحضور حسب السلسلة
attendance_by_series_note = اجتماعات كل سلسلة حضرها { $name } أو ترأسها، من أصل الاجتماعات المعقودة منذ أول حضور حتى آخر اجتماع في السلسلة.
attended_of = { $n } من { $count } ({ $share }%)
actions_owned = الإجراءات المسندة
commitments_of = التزامات { $name }: { $overdue } متأخر، و{ $open } مفتوح، و{ $done } منجز، و{ $dropped } ملغى، لكل منها موعده النهائي وآخر اجتماع تناوله.
no_action_assigned = لم يُسند أي إجراء إلى { $name }.
mentions = الإشارات
every_passage_naming = جميع المقاطع التي تذكر { $name }، حسب الاجتماع من الأحدث؛ يحيل كل منها إلى موضعه في المحضر. الأسماء الواردة في قوائم الحضور (الحاضرون، المعتذرون…) تُحسب حضورًا لا إشارات.

map_lede = المواضيع ({ $topics }) والجهات ({ $entities }) الأكثر اجتماعات، وصلاتها: المواضيع على الحلقة الداخلية، والجهات حولها، كلٌّ قرب المواضيع التي يلتقيها أكثر.
the_map = الخريطة
site_map_note = كلما كبرت العلامة زادت الاجتماعات؛ وكل علامة تفتح صفحتها.
on_the_map = على الخريطة
nothing_to_map = لا شيء يُرسم بعد: لا جهة ولا موضوع مرتبط باجتماع.

breadcrumb = مسار التنقل
year_lede = { $count } اجتماع، من الأحدث؛ قرّرت { $actions } إجراء واتخذت { $decisions } قرار.
meetings_per_month = الاجتماعات في الشهر
years = السنوات
previous_and_next_years = السنة السابقة والتالية
earlier_year = السنة السابقة
later_year = السنة التالية
index_latest = ، صفحة لكل سنة؛ وأدناه { $year }، من الأحدث
meeting_series = سلسلة اجتماعات
every_year = كل السنوات
on_this_page = في هذه الصفحة

topics_lede = المواضيع التي نوقشت ({ $count })، في شكل شجرة: لكل موضوع اجتماعاته وإجراءاته.
topic_tree = شجرة المواضيع
no_topics_how = لا مواضيع بعد. أضفها في { $folder }، أو أدرجها في { $field } في اجتماع.

parent_topics = المواضيع الأم
topic = موضوع
topic_stub_title = لا توجد صفحة تصف هذا الموضوع بعد.
topic_stub_text = تشير إليه المحاضر، ولذلك أنشأ quorum هذه الصفحة لجمع ما يتصل به.
sub_topics = مواضيع فرعية
relationships = الصلات
topic_map_note = الجهات الأكثر انخراطًا، والمسؤولون عن إجراءاته، والمواضيع التي نوقشت معه؛ وهذه الصفحة في المركز.
entities_most_involved = الجهات الأكثر انخراطًا
topic_numbers_note = تعدّ الأرقام الاجتماعات بشأن هذا الموضوع التي شاركت فيها كل جهة أو ذُكرت فيها.
every_passage_linking = جميع المقاطع التي تحيل إلى { $name }، من الأحدث، كلٌّ مرتبط بموضعه.

from_to = من { $from } إلى { $to }
series_sections = أقسام هذه السلسلة
attendance = الحضور
pending_actions = الإجراءات المعلّقة
ranking_note = كل من حضر اجتماعًا من اجتماعات السلسلة أو ترأسه، الأكثر حضورًا أولًا. تُحسب الرئاسة حضورًا؛ وتُحسب النسبة من الاجتماعات المعقودة منذ أول حضور حتى آخر اجتماع في السلسلة.
attendance_ranking = ترتيب الحضور
ranking_caption = من حضر أكثر اجتماعات { $series }
rank = الترتيب
who = من
share = النسبة
first_last = الأول – الأخير
of_n = من { $count }
chair_n = ترأّس { $count }
latest_n_meetings = آخر الاجتماعات ({ $count })
by_meeting = حسب الاجتماع
who_came_latest = من حضر أحدث { $shown } من أصل { $count } اجتماعًا (المجاميع في الترتيب أعلاه).
who_came_each = من حضر كل اجتماع.
key_present = حاضر،
key_chair = في الرئاسة،
key_other_role = حاضر بصفة غير صفته المعتادة (مبيّنة تحت الاسم وفي تلميح الخانة).
attendance_by_meeting = الحضور حسب الاجتماع
attendance_caption = الحضور في اجتماعات { $series }: صف لكل شخص أو منظمة، وعمود لكل اجتماع
as_role_title = بصفة { $role }
present = حاضر
absent = غائب
no_attendance = لا تذكر محاضر هذه السلسلة رئيسًا ولا حاضرين.
overdue_actions_series = الإجراءات المتأخرة في هذه السلسلة
open_actions_series = الإجراءات المفتوحة في هذه السلسلة
none_pending_series = لا إجراءات معلّقة في هذه السلسلة.
no_decisions_recorded = لم تُسجَّل قرارات.

search_lede = يجب أن ترد كل كلمة تكتبها؛ ويكفي أول الكلمة.
search_needs_server = يتطلب البحث أن يقدّم الموقعَ خادمُ ويب.
search_file_system = هذه النسخة مفتوحة مباشرة من نظام الملفات، والمتصفحات لا تسمح لصفحة بقراءة فهرس البحث من القرص.
search_open_served = افتح الموقع من خادم الويب المنشور عليه، أو استعرضه باستخدام { $command }. وتعمل سائر الصفحات من نظام الملفات كما هي.
search_needs_js = يتطلب البحث JavaScript، وهو معطّل في هذا المتصفح.
search_turn_on_js = فعّله للبحث في المحاضر هنا.
search_without_js = من دونه، تُتاح كل الصفحات من:
site_map = خريطة الموقع
search_label = ابحث في الاجتماعات والجهات والمواضيع والإجراءات
filter_results = تصفية النتائج
kind = النوع
any_kind = أي نوع
year = السنة
any_year = أي سنة
any_topic = أي موضوع
entity = الجهة
any_entity = أي جهة
results = النتائج
more_results = مزيد من النتائج
key_enter = Enter
key_esc = Esc
search_keys = المفاتيح: { $enter } للبحث، و{ $down } و{ $up } للتنقل بين النتائج، و{ $esc } لمسح البحث.

page_kind = صفحة
search_n_results = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
search_for = { $what } عن «{ $query }».
search_for_in = { $what } عن «{ $query }» في { $where }.
search_topic_filter = الموضوع { $topic }
search_searching = جارٍ البحث…
search_too_short = اكتب كلمة أطول أو أقل شيوعًا: لا يُبحث عن الحروف المفردة ولا عن كلمات مثل «في».
search_failed = تعذّر البحث: { $error }. أعد تحميل الصفحة للمحاولة مجددًا.
search_unavailable_files = البحث غير متاح حين يُفتح الموقع من الملفات.

timeline_label = نشاط { $name }، { $years }: { $counts }
timeline_decision = القرار { $number } في { $at }: { $text }
timeline_action = الإجراء { $id } ({ $state }): { $text } — اتُّفق عليه في { $at }
timeline_several = { $items } في { $at }
timeline_bar = { $items } في { $when } — الأحدث: { $latest }، { $date }
named = مذكور
on_the_agenda = على جدول الأعمال
key_meeting = اجتماع
key_decision = قرار
key_open_action = إجراء مفتوح
key_action_in_progress = إجراء قيد التنفيذ
key_overdue_action = إجراء متأخر
key_done_action = إجراء منجز
key_dropped_action = إجراء ملغى
key_meetings = اجتماعات
key_decisions = قرارات
key_actions = إجراءات
key_actions_some_overdue = إجراءات، بعضها متأخر
key_topic = موضوع
key_organisation = منظمة
key_body = هيئة
key_person = شخص
key_country = بلد
key_other = أخرى
map_of = خريطة صلات { $name }
map_label = { $map }: { $pages } مرتبطة بها
this_page = هذه الصفحة
n_meetings_together = اجتماعات مشتركة: { $count }
n_shared_actions = إجراءات مشتركة: { $count }
n_actions_owned = إجراءات مسندة: { $count }
site_map_label = خريطة الموقع: المواضيع ({ $topics }) والجهات ({ $entities }) الأكثر اجتماعات، وصلاتها

role = الصفة
part_of = جزء من
no_page_describes_it = لا توجد صفحة تصفه بعد.
owner_one = الجهة المسؤولة
owner_many = الجهات المسؤولة
id = المعرّف

spark_none = لا اجتماعات، { $range }
spark_one = اجتماع واحد، { $range }: { $when }
spark_by_month = { $count } اجتماع حسب الشهر، { $range }؛ أكثرها في { $when } ({ $most })
spark_by_year = { $count } اجتماع حسب السنة، { $range }؛ أكثرها في { $when } ({ $most })

# Between the items of a list: "4 attendees, 3 topics".
list_sep = ،{" "}

# The number of a printed page: "Page 2 of 5".
print_page_before = الصفحة{" "}
print_page_between = {" "}من{" "}
print_page_after = {""}
