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
