# Строки темы по умолчанию на русском языке (терминология ООН:
# «протокол» заседания). Формы множественного числа — по правилам CLDR.

date_day = { $day } { $month } { $year } г.
date_month = { $month } { $year } г.
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
