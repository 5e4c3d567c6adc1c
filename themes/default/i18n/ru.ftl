# Строки темы по умолчанию на русском языке (терминология ООН:
# «протокол» заседания). Формы множественного числа — по правилам CLDR.

date_day = { $day } { $month } { $year }
date_month = { $month } { $year }
date_short_day = { $day } { $month }
date_short_month = { $month }
month_1 = январь
month_2 = февраль
month_3 = март
month_4 = апрель
month_5 = май
month_6 = июнь
month_7 = июль
month_8 = август
month_9 = сентябрь
month_10 = октябрь
month_11 = ноябрь
month_12 = декабрь
month_of_day_1 = января
month_of_day_2 = февраля
month_of_day_3 = марта
month_of_day_4 = апреля
month_of_day_5 = мая
month_of_day_6 = июня
month_of_day_7 = июля
month_of_day_8 = августа
month_of_day_9 = сентября
month_of_day_10 = октября
month_of_day_11 = ноября
month_of_day_12 = декабря
month_short_1 = янв.
month_short_2 = февр.
month_short_3 = мар.
month_short_4 = апр.
month_short_5 = мая
month_short_6 = июн.
month_short_7 = июл.
month_short_8 = авг.
month_short_9 = сент.
month_short_10 = окт.
month_short_11 = нояб.
month_short_12 = дек.

skip_to_main = Перейти к основному содержанию
nav_main = Основная навигация
nav_more = Ещё
menu = Меню
search = Поиск
search_the_minutes = Поиск по протоколам
feed_title = { $site }: заседания (Atom)
calendar_title = { $site }: календарь
atom_feed = Лента Atom
calendar = Календарь
built_with = Создано с помощью { $generator } { $date }.

meetings = Заседания
entities = Организации и лица
topics = Темы
actions = Поручения
decisions = Решения
home = Главная

error_404 = Ошибка 404
not_found_lede = По этому адресу ничего нет. Возможно, страница перемещена или в ссылке опечатка.
not_found_where = Куда перейти
not_found_home = последние заседания и открытые поручения

meeting = Заседание
month_only = (только месяц)
month_only_title = В протоколе указан только месяц
chaired_by = председатель: { $name }
draft = Проект.
draft_notice = Этот протокол — проект: «quorum build» не включает его в опубликованный сайт.
meeting_parts = Разделы заседания
minutes = Протокол
updates = Ход выполнения
about_meeting = О заседании
n_attendees = { $count ->
    [one] { $count } участник
    [few] { $count } участника
    [many] { $count } участников
   *[other] { $count } участника
}
n_topics = { $count ->
    [one] { $count } тема
    [few] { $count } темы
    [many] { $count } тем
   *[other] { $count } темы
}
n_actions = { $count ->
    [one] { $count } поручение
    [few] { $count } поручения
    [many] { $count } поручений
   *[other] { $count } поручения
}
n_decisions = { $count ->
    [one] { $count } решение
    [few] { $count } решения
    [many] { $count } решений
   *[other] { $count } решения
}
n_later_updates = { $count ->
    [one] { $count } последующее сообщение
    [few] { $count } последующих сообщения
    [many] { $count } последующих сообщений
   *[other] { $count } последующего сообщения
}
n_more_mentions = { $count ->
    [one] ещё { $count } упоминание
    [few] ещё { $count } упоминания
    [many] ещё { $count } упоминаний
   *[other] ещё { $count } упоминания
}
date = Дата
series = Серия
position_of = { $position } из { $count }
location = Место
chair = Председатель
outcome = Итоги
no_actions = нет поручений
no_decisions = нет решений
attendees = Участники
topics_of_meeting = Темы заседания
topics_of_action = Темы поручения
topics_of_decision = Темы решения
entities_involved = Причастные организации и лица
documents = Документы
no_link = (без ссылки)
contents_of_minutes = Содержание протокола
no_minutes = Протокол этого заседания не составлялся.
actions_decided = Принятые поручения
overdue = Просрочено
owner = { $count ->
    [one] Ответственный
   *[other] Ответственные
}
due = Срок
no_date = без срока
updates_to_earlier = Ход выполнения прежних поручений
no_action_with_id = Нет поручения с таким идентификатором
due_now = Новый срок
decided_at = Принято на заседании
previous_and_next = предыдущее и следующее заседания
series_previous_and_next = { $series }: предыдущее и следующее заседания
previous_meeting = Предыдущее заседание
next_meeting = Следующее заседание
back_to_top = Наверх
in_context = В контексте

status_open = Открыто
status_in_progress = Выполняется
status_done = Выполнено
status_dropped = Снято

cal_month_only = В протоколе указан только месяц: { $month }.
cal_minutes = Протокол: { $url }
cal_owners = Ответственные: { $owners }
cal_due_in = Срок: { $month }.
cal_decided_at = Принято на заседании: { $meeting } ({ $date })

meetings_in_year = Заседания { $year } года
page_not_found = Страница не найдена
map = Карта
what_changed = Что изменилось
register_by_owner = Реестр поручений по ответственным
action = Поручение
decision = Решение
decision_n = Решение { $number }

status = Статус
what = Содержание
last_update = Последнее сообщение
none_yet = пока нет
due_moved_to = срок перенесён на { $date }
last_changed = Последнее изменение
view_source = Исходный текст
edit = Править
contents = Содержание
overdue_actions = Просроченные поручения
open_actions = Открытые поручения
done_actions = Выполненные поручения
dropped_actions = Снятые поручения
nothing_overdue = Просроченных нет.
nothing_open = Открытых нет.
nothing_done = Выполненных пока нет.
nothing_dropped = Снятых нет.
continued = { $caption } (продолжение)
n_more = ещё { $count }
all_n_decisions = { $count ->
    [one] Все решения ({ $count })
   *[other] Все решения ({ $count })
}
n_meetings = { $count ->
    [one] { $count } заседание
    [few] { $count } заседания
    [many] { $count } заседаний
   *[other] { $count } заседания
}
n_pages = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
    [many] { $count } страниц
   *[other] { $count } страницы
}
n_passages_in_meetings = { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагмента
    [many] { $count } фрагментов
   *[other] { $count } фрагмента
} в { $meetings ->
    [one] { $meetings } заседании
   *[other] { $meetings } заседаниях
}
elsewhere_on_site = В других разделах сайта
and_n_more_topics = { $count ->
    [one] и ещё { $count } тема
    [few] и ещё { $count } темы
    [many] и ещё { $count } тем
   *[other] и ещё { $count } темы
}
in_common = общих: { $what }
activity_note = Каждая отметка ведёт к своему заседанию; когда их много, столбцы считают их по месяцам или годам.

site_in_numbers = Сайт в цифрах
n_meetings_strong = { $count ->
    [one] { $n } заседание
    [few] { $n } заседания
    [many] { $n } заседаний
   *[other] { $n } заседания
}
n_decisions_strong = { $count ->
    [one] { $n } решение
    [few] { $n } решения
    [many] { $n } решений
   *[other] { $n } решения
}
n_actions_strong = { $count ->
    [one] { $n } поручение
    [few] { $n } поручения
    [many] { $n } поручений
   *[other] { $n } поручения
}
n_entities_strong = { $count ->
    [one] { $n } организация или лицо
    [few] { $n } организации и лица
    [many] { $n } организаций и лиц
   *[other] { $n } организации и лица
}
n_topics_strong = { $count ->
    [one] { $n } тема
    [few] { $n } темы
    [many] { $n } тем
   *[other] { $n } темы
}
n_pending = { $count ->
    [one] { $count } невыполненное
    [few] { $count } невыполненных
    [many] { $count } невыполненных
   *[other] { $count } невыполненного
}
n_overdue = { $count ->
    [one] { $count } просрочено
    [few] { $count } просрочено
    [many] { $count } просрочено
   *[other] { $count } просрочено
}
n_overdue_as_of = просрочено на { $date }: { $count }
what_changed_latest = Что изменилось на последних заседаниях
map_of_who_and_what = Карта участников и тем
actions_to_watch = Поручения на контроле
most_urgent_of = { $shown } самых срочных из { $count } невыполненных поручений
every_pending_action = Все невыполненные поручения
urgent_order = : сначала просроченные, затем с ближайшим сроком.
due_on = срок: { $date }
no_due_date = без срока
the_action_register = Реестр поручений
all_n_pending = { $count ->
    [one] { $count } невыполненное поручение
    [few] все { $count } невыполненных поручения
    [many] все { $count } невыполненных поручений
   *[other] все { $count } невыполненного поручения
}
recent_meetings = Последние заседания
all_meetings = Все заседания
no_meetings_yet = Заседаний пока нет. Добавьте протоколы в
all_topics = Все темы
no_topics_yet = Тем пока нет.

action_item = Поручение
overdue_notice = Срок истёк { $due }, а статус на { $today } по-прежнему «{ $status }».
first_due = первоначально { $date }
action_number = поручение { $number }
status_history = История статуса
status_history_by_meeting = История статуса по заседаниям
status_history_caption = Статус поручения на каждом заседании, от раннего к позднему
note = Примечание
decided = Принято
unchanged = без изменений
no_later_report = Ни одно последующее заседание ещё не сообщало о ходе выполнения этого поручения.

register_lede = { $count ->
    [one] Реестр из { $count } поручения, принятого в протоколах, со статусом на { $date }.
   *[other] Реестр из { $count } поручений, принятых в протоколах, со статусом на { $date }.
}
register_sections = Разделы реестра
by_owner = По ответственным
register_to_print = Реестр по ответственным для печати
register_to_print_note = : все поручения, по странице на ответственного.
no_open_actions = Открытых поручений нет.
no_action_done = Выполненных поручений пока нет.
no_action_dropped = Снятых поручений нет.
most_recent_of = Последние { $shown } из { $count }; каждое поручение есть на странице его заседания и ответственных, а также в файле
actions_by_owner = Поручения по ответственным
as_of = на { $date }
print_lede = { $count ->
    [one] { $count } поручение по протоколам, по ответственным, на { $date }: просроченные, открытые, выполненные и снятые, со сроками и последним сообщением. При печати каждый ответственный начинается с новой страницы.
    [few] { $count } поручения по протоколам, по ответственным, на { $date }: просроченные, открытые, выполненные и снятые, со сроками и последним сообщением. При печати каждый ответственный начинается с новой страницы.
   *[other] { $count } поручений по протоколам, по ответственным, на { $date }: просроченные, открытые, выполненные и снятые, со сроками и последним сообщением. При печати каждый ответственный начинается с новой страницы.
}
n_owners = { $count ->
    [one] { $count } ответственный
    [few] { $count } ответственных
    [many] { $count } ответственных
   *[other] { $count } ответственного
}
n_open = открыто: { $count }
n_done = выполнено: { $count }
n_dropped = снято: { $count }
actions_of = Поручения: { $name }
no_owner_yet = Ни у одного поручения пока нет ответственного.
no_owner = Без ответственного
actions_without_owner = Поручения без ответственного

changes_lede = { $count ->
    [one] Что изменило последнее заседание: данные им поручения, ход выполнения прежних и принятые решения.
    [few] Что изменили { $count } последних заседания, от новых к старым: данные поручения, ход выполнения прежних и принятые решения.
   *[other] Что изменили { $count } последних заседаний, от новых к старым: данные поручения, ход выполнения прежних и принятые решения.
}
nothing_recorded = Поручений, сообщений о выполнении и решений не зафиксировано.
new_actions = Новые поручения
progress_on_earlier = Ход выполнения прежних поручений
status_to = на
status_unchanged = статус не изменился
due_word = срок
decided_at_lower = принято на заседании
no_meetings = Заседаний пока нет.
n_earlier_meetings = { $count ->
    [one] { $count } более раннее заседание: см.
    [few] { $count } более ранних заседания: см.
   *[other] { $count } более ранних заседаний: см.
}

decisions_lede = { $count ->
    [one] Что решили заседания: { $count } решение, по годам, от новых к старым, затем по темам.
    [few] Что решили заседания: { $count } решения, по годам, от новых к старым, затем по темам.
   *[other] Что решили заседания: { $count } решений, по годам, от новых к старым, затем по темам.
}
log_sections = Разделы перечня
all_decisions = Все решения
by_topic = По темам
no_decisions_yet = Решений пока не зафиксировано. Заседания перечисляют их в поле

kind_organization = организация
kind_body = орган
kind_person = лицо
kind_country = страна
kind_other = прочее
kinds_organization = Организации
kinds_body = Органы
kinds_person = Лица
kinds_country = Страны
kinds_other = Прочие
pages = Страницы

entities_lede = { $count ->
    [one] { $count } организация, орган, лицо или страна из протоколов, по категориям.
    [few] { $count } организации, органа, лица и страны из протоколов, по категориям.
   *[other] { $count } организаций, органов, лиц и стран из протоколов, по категориям.
}
kinds = Категории
no_page_yet = Страницы пока нет
n_mentions = { $count ->
    [one] { $count } упоминание
    [few] { $count } упоминания
    [many] { $count } упоминаний
   *[other] { $count } упоминания
}
no_entities_yet = Организаций и лиц пока нет. Опишите их в
hierarchy = Иерархия
short_name = Краткое название
also_called = Другие названия
website = Сайт
entity_stub_title = Эта организация или лицо пока не описаны.
entity_stub_text = Протоколы упоминают их, поэтому quorum создал эту страницу, чтобы собрать упоминания.
stub_how = Чтобы добавить описание, создайте { $file } и укажите в заголовке как минимум { $field }.
in_numbers = { $name } в цифрах
attended_n = присутствие: { $count }
chaired_n = председательство: { $count }
n_passages_strong = { $count ->
    [one] { $n } фрагмент
    [few] { $n } фрагмента
    [many] { $n } фрагментов
   *[other] { $n } фрагмента
}
name_it = упоминает { $name }
name_it_in_meetings = упоминают { $name }, в { $meetings ->
    [one] { $meetings } заседании
   *[other] { $meetings } заседаниях
}
n_actions_owned_strong = { $count ->
    [one] { $n } поручение
    [few] { $n } поручения
    [many] { $n } поручений
   *[other] { $n } поручения
}
latest_mentions = Последние упоминания
all_n_passages = Все фрагменты ({ $count }), по годам
activity = Активность
related = Связи
map_note = Линии соединяют то, что чаще встречается вместе; в центре — эта страница.
numbers_in_common = Числа — количество общих заседаний.
map_of_site = Карта всего сайта
structure = Структура
part_of_it = Подразделения
people = Лица
every_meeting_involving = Все заседания с участием { $name }, от новых к старым
attended = Присутствие
as_role = в качестве: { $role }
attendance_by_series = Участие по сериям
attendance_by_series_note = Заседания каждой серии, на которых { $name } присутствовал(а) или председательствовал(а), из числа проведённых с первого посещения до последнего заседания серии.
attended_of = { $count ->
    [one] { $n } из { $count } заседания ({ $share } %)
   *[other] { $n } из { $count } заседаний ({ $share } %)
}
actions_owned = Поручения
commitments_of = Обязательства: { $name } — просрочено { $overdue }, открыто { $open }, выполнено { $done }, снято { $dropped }; у каждого указаны срок и последнее заседание, сообщавшее о нём.
no_action_assigned = За { $name } не закреплено ни одного поручения.
mentions = Упоминания
every_passage_naming = Все фрагменты, где упоминается { $name }, по заседаниям, от новых к старым; каждый ведёт к своему месту в протоколе. Имена в списках присутствующих (Присутствовали, Отсутствовали…) считаются участием, а не упоминанием.

map_lede = Темы ({ $topics }) и организации и лица ({ $entities }) с наибольшим числом заседаний и их связи: темы на внутреннем кольце, организации и лица вокруг, каждая рядом с темами, с которыми встречается чаще всего.
the_map = Карта
site_map_note = Чем больше отметка, тем больше заседаний; каждая отметка ведёт на свою страницу.
on_the_map = На карте
nothing_to_map = Показывать на карте пока нечего: ни одна организация или тема не связана с заседанием.

breadcrumb = Навигационная цепочка
year_lede = { $count ->
    [one] { $count } заседание
    [few] { $count } заседания
    [many] { $count } заседаний
   *[other] { $count } заседания
}, от новых к старым; поручений: { $actions }, решений: { $decisions }.
meetings_per_month = заседания по месяцам
years = Годы
previous_and_next_years = Предыдущий и следующий годы
earlier_year = Предыдущий год
later_year = Следующий год
in_n_years = { $count ->
    [one] за { $count } год
    [few] за { $count } года
    [many] за { $count } лет
   *[other] за { $count } года
}
index_latest = , по странице на каждый год; ниже — { $year } год, от новых к старым
meeting_series = Серия заседаний
every_year = все годы
on_this_page = На этой странице

topics_lede = { $count ->
    [one] { $count } обсуждавшаяся тема в виде дерева: у каждой темы — заседания и поручения по ней.
    [few] { $count } обсуждавшиеся темы в виде дерева: у каждой темы — заседания и поручения по ней.
   *[other] { $count } обсуждавшихся тем в виде дерева: у каждой темы — заседания и поручения по ней.
}
topic_tree = Дерево тем
no_topics_how = Тем пока нет. Добавьте их в { $folder } или перечислите в поле { $field } заседания.

parent_topics = Родительские темы
topic = Тема
topic_stub_title = Эта тема пока не описана.
topic_stub_text = Протоколы ссылаются на неё, поэтому quorum создал эту страницу, чтобы собрать всё, что к ней относится.
sub_topics = Подтемы
relationships = Связи
topic_map_note = Наиболее причастные организации и лица, ответственные за поручения и темы, обсуждавшиеся вместе с ней; в центре — эта страница.
entities_most_involved = Наиболее причастные организации и лица
topic_numbers_note = Числа — количество заседаний по этой теме, в которых каждый участвовал или упоминался.
every_passage_linking = Все фрагменты со ссылкой на тему «{ $name }», от новых к старым, каждый ведёт к своему месту.

from_to = с { $from } по { $to }
n_pending_actions = { $count ->
    [one] { $count } невыполненное поручение
    [few] { $count } невыполненных поручения
    [many] { $count } невыполненных поручений
   *[other] { $count } невыполненного поручения
}
series_sections = Разделы серии
attendance = Участие
pending_actions = Невыполненные поручения
ranking_note = Все, кто присутствовал на заседании серии или председательствовал на нём, в порядке убывания числа заседаний. Председательство считается присутствием; доля считается от заседаний, проведённых с первого посещения до последнего заседания серии.
attendance_ranking = Рейтинг участия
ranking_caption = Кто чаще всего присутствовал на заседаниях: { $series }
rank = Место
who = Кто
share = Доля
first_last = Первое – последнее
of_n = из { $count }
chair_n = председатель: { $count }
latest_n_meetings = Последние заседания ({ $count })
by_meeting = По заседаниям
who_came_latest = Кто был на { $shown } последних из { $count } заседаний (итоги — в рейтинге выше).
who_came_each = Кто был на каждом заседании.
key_present = присутствовал(а),
key_chair = председательствовал(а),
key_other_role = присутствовал(а) в иной, чем обычно, роли (она указана под именем и во всплывающей подсказке ячейки).
attendance_by_meeting = Участие по заседаниям
attendance_caption = Участие в заседаниях: { $series }; по строке на лицо или организацию, по столбцу на заседание
as_role_title = В качестве: { $role }
present = присутствовал(а)
absent = отсутствовал(а)
no_attendance = В протоколах этой серии нет ни председателя, ни участников.
overdue_actions_series = Просроченные поручения серии
open_actions_series = Открытые поручения серии
none_pending_series = Невыполненных поручений в этой серии нет.
no_decisions_recorded = Решений не зафиксировано.

search_lede = В результатах должно быть каждое введённое слово; достаточно начала слова.
search_needs_server = Для поиска сайт должен открываться с веб-сервера.
search_file_system = Эта копия открыта прямо из файловой системы, а браузеры не позволяют странице читать поисковый индекс с диска.
search_open_served = Откройте сайт с веб-сервера, на котором он опубликован, или просмотрите его с помощью { $command }. Все остальные страницы работают из файловой системы как есть.
search_needs_js = Для поиска нужен JavaScript, а в этом браузере он отключён.
search_turn_on_js = Включите его, чтобы искать по протоколам здесь.
search_without_js = Без него все страницы доступны из разделов:
site_map = карта сайта
search_label = Поиск по заседаниям, организациям и лицам, темам и поручениям
filter_results = Уточнить результаты
kind = Вид
any_kind = Любой вид
year = Год
any_year = Любой год
any_topic = Любая тема
entity = Организация или лицо
any_entity = Любые
results = Результаты
more_results = Ещё результаты
key_enter = Enter
key_esc = Esc
search_keys = Клавиши: { $enter } — искать, { $down } и { $up } — перемещаться по результатам, { $esc } — очистить поиск.

page_kind = Страница
search_n_results = { $count ->
    [0] Ничего не найдено
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
search_for = { $what } по запросу «{ $query }».
search_for_in = { $what } по запросу «{ $query }» в разделе: { $where }.
search_topic_filter = тема { $topic }
search_searching = Поиск…
search_too_short = Введите более длинное или редкое слово: отдельные буквы и слова вроде «и» не ищутся.
search_failed = Поиск не удался: { $error }. Перезагрузите страницу и попробуйте снова.
search_unavailable_files = Поиск недоступен, когда сайт открыт из файлов.

timeline_label = Активность: { $name }, { $years }: { $counts }
timeline_decision = Решение { $number }, { $at }: { $text }
timeline_action = Поручение { $id } ({ $state }): { $text } — принято: { $at }
timeline_several = { $items }: { $at }
timeline_bar = { $items } за { $when } — последнее: { $latest }, { $date }
named = Упоминается
on_the_agenda = В повестке дня
key_meeting = заседание
key_decision = решение
key_open_action = открытое поручение
key_action_in_progress = поручение выполняется
key_overdue_action = просроченное поручение
key_done_action = выполненное поручение
key_dropped_action = снятое поручение
key_meetings = заседания
key_decisions = решения
key_actions = поручения
key_actions_some_overdue = поручения, есть просроченные
key_topic = тема
key_organisation = организация
key_body = орган
key_person = лицо
key_country = страна
key_other = прочее
map_of = Карта связей: { $name }
map_label = { $map }: связанные страницы — { $pages }
this_page = эта страница
n_meetings_together = { $count ->
    [one] { $count } общее заседание
    [few] { $count } общих заседания
    [many] { $count } общих заседаний
   *[other] { $count } общего заседания
}
n_shared_actions = { $count ->
    [one] { $count } общее поручение
    [few] { $count } общих поручения
    [many] { $count } общих поручений
   *[other] { $count } общего поручения
}
n_actions_owned = { $count ->
    [one] { $count } поручение
    [few] { $count } поручения
    [many] { $count } поручений
   *[other] { $count } поручения
}
site_map_label = Карта сайта: темы ({ $topics }) и организации и лица ({ $entities }) с наибольшим числом заседаний и их связи

role = Должность
part_of = Входит в
no_page_describes_it = Описания пока нет.
owner_one = Ответственный
owner_many = Ответственные
id = Идентификатор

spark_none = Заседаний нет, { $range }
spark_one = 1 заседание, { $range }: { $when }
spark_by_month = Заседаний по месяцам: { $count }, { $range }; больше всего — { $when } ({ $most })
spark_by_year = Заседаний по годам: { $count }, { $range }; больше всего — { $when } ({ $most })

# Between the items of a list: "4 attendees, 3 topics".
list_sep = ,{" "}

# The number of a printed page: "Page 2 of 5".
print_page_before = Стр.{" "}
print_page_between = {" "}из{" "}
print_page_after = {""}
