# Las cadenas del tema predeterminado en español (terminología de las
# Naciones Unidas: «actas» de una reunión).

date_day = { $day } de { $month } de { $year }
date_month = { $month } de { $year }
date_short_day = { $day } { $month }
date_short_month = { $month }
month_1 = enero
month_2 = febrero
month_3 = marzo
month_4 = abril
month_5 = mayo
month_6 = junio
month_7 = julio
month_8 = agosto
month_9 = septiembre
month_10 = octubre
month_11 = noviembre
month_12 = diciembre
month_of_day_1 = enero
month_of_day_2 = febrero
month_of_day_3 = marzo
month_of_day_4 = abril
month_of_day_5 = mayo
month_of_day_6 = junio
month_of_day_7 = julio
month_of_day_8 = agosto
month_of_day_9 = septiembre
month_of_day_10 = octubre
month_of_day_11 = noviembre
month_of_day_12 = diciembre
month_short_1 = ene.
month_short_2 = feb.
month_short_3 = mar.
month_short_4 = abr.
month_short_5 = may.
month_short_6 = jun.
month_short_7 = jul.
month_short_8 = ago.
month_short_9 = sept.
month_short_10 = oct.
month_short_11 = nov.
month_short_12 = dic.

skip_to_main = Ir al contenido principal
nav_main = Navegación principal
nav_more = Más
menu = Menú
search = Buscar
search_the_minutes = Buscar en las actas
feed_title = { $site }: reuniones (Atom)
calendar_title = { $site }: calendario
atom_feed = Canal Atom
calendar = Calendario
built_with = Generado con { $generator } el { $date }.

meetings = Reuniones
entities = Entidades
topics = Temas
actions = Medidas de seguimiento
decisions = Decisiones
home = Inicio

error_404 = Error 404
not_found_lede = No hay nada en esta dirección. Puede que la página se haya movido o que el enlace tenga una errata.
not_found_where = Adónde ir ahora
not_found_home = reuniones recientes y medidas pendientes

meeting = Reunión
month_only = (solo el mes)
month_only_title = Las actas indican solo el mes
chaired_by = presidida por { $name }
draft = Borrador.
draft_notice = Estas actas son un borrador: «quorum build» no las publica.
meeting_parts = Partes de esta reunión
minutes = Actas
updates = Seguimiento
about_meeting = Sobre esta reunión
n_attendees = { $count ->
    [one] { $count } participante
   *[other] { $count } participantes
}
n_topics = { $count ->
    [one] { $count } tema
   *[other] { $count } temas
}
n_actions = { $count ->
    [one] { $count } medida
   *[other] { $count } medidas
}
n_decisions = { $count ->
    [one] { $count } decisión
   *[other] { $count } decisiones
}
n_later_updates = { $count ->
    [one] { $count } actualización posterior
   *[other] { $count } actualizaciones posteriores
}
n_more_mentions = { $count ->
    [one] { $count } mención más
   *[other] { $count } menciones más
}
date = Fecha
series = Serie
position_of = { $position } de { $count }
location = Lugar
chair = Presidencia
outcome = Resultados
no_actions = ninguna medida
no_decisions = ninguna decisión
attendees = Participantes
topics_of_meeting = Temas de esta reunión
topics_of_action = Temas de esta medida
topics_of_decision = Temas de esta decisión
entities_involved = Entidades participantes
documents = Documentos
no_link = (sin enlace)
contents_of_minutes = Índice de las actas
no_minutes = No se redactaron actas de esta reunión.
actions_decided = Medidas acordadas
overdue = Vencida
owner = { $count ->
    [one] Responsable
   *[other] Responsables
}
due = Plazo
no_date = sin fecha
updates_to_earlier = Seguimiento de medidas anteriores
no_action_with_id = Ninguna medida tiene este identificador
due_now = Nuevo plazo
decided_at = Acordada en
previous_and_next = reuniones anterior y siguiente
series_previous_and_next = { $series }: reuniones anterior y siguiente
previous_meeting = Reunión anterior
next_meeting = Reunión siguiente
back_to_top = Volver arriba
in_context = En contexto

status_open = Pendiente
status_in_progress = En curso
status_done = Cumplida
status_dropped = Descartada

cal_month_only = Las actas indican solo el mes: { $month }.
cal_minutes = Actas: { $url }
cal_owners = Responsables: { $owners }
cal_due_in = Plazo: { $month }.
cal_decided_at = Acordada en: { $meeting } ({ $date })

meetings_in_year = Reuniones de { $year }
page_not_found = Página no encontrada
map = Mapa
what_changed = Qué ha cambiado
register_by_owner = Registro de medidas por responsable
action = Medida
decision = Decisión
decision_n = Decisión { $number }

status = Estado
what = Qué
last_update = Último seguimiento
none_yet = ninguno por ahora
due_moved_to = plazo trasladado al { $date }
last_changed = Última modificación
view_source = Ver el original
edit = Editar
contents = Índice
overdue_actions = Medidas vencidas
open_actions = Medidas pendientes
done_actions = Medidas cumplidas
dropped_actions = Medidas descartadas
nothing_overdue = No hay nada vencido.
nothing_open = No hay nada pendiente.
nothing_done = Aún no se ha cumplido nada.
nothing_dropped = No se ha descartado nada.
continued = { $caption } (continuación)
n_more = { $count } más
all_n_decisions = { $count ->
    [one] La decisión
   *[other] Las { $count } decisiones
}
n_meetings = { $count ->
    [one] { $count } reunión
   *[other] { $count } reuniones
}
n_pages = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
}
n_passages_in_meetings = { $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
} en { $meetings ->
    [one] { $meetings } reunión
   *[other] { $meetings } reuniones
}
elsewhere_on_site = En otras partes del sitio
and_n_more_topics = { $count ->
    [one] y { $count } tema más
   *[other] y { $count } temas más
}
in_common = { $what } en común
activity_note = Cada marca abre su reunión; cuando hay muchas, unas barras las cuentan por mes o por año.

site_in_numbers = El sitio en cifras
n_meetings_strong = { $count ->
    [one] { $n } reunión
   *[other] { $n } reuniones
}
n_decisions_strong = { $count ->
    [one] { $n } decisión
   *[other] { $n } decisiones
}
n_actions_strong = { $count ->
    [one] { $n } medida
   *[other] { $n } medidas
}
n_entities_strong = { $count ->
    [one] { $n } entidad
   *[other] { $n } entidades
}
n_topics_strong = { $count ->
    [one] { $n } tema
   *[other] { $n } temas
}
n_pending = { $count ->
    [one] { $count } pendiente
   *[other] { $count } pendientes
}
n_overdue = { $count ->
    [one] { $count } vencida
   *[other] { $count } vencidas
}
n_overdue_as_of = { $count ->
    [one] { $count } vencida al { $date }
   *[other] { $count } vencidas al { $date }
}
what_changed_latest = Qué cambió en las últimas reuniones
map_of_who_and_what = Mapa de actores y temas
actions_to_watch = Medidas que vigilar
most_urgent_of = Las { $shown } más urgentes de las { $count } medidas pendientes
every_pending_action = Todas las medidas pendientes
urgent_order = : primero las vencidas, luego las de plazo más próximo.
due_on = plazo: { $date }
no_due_date = sin plazo
the_action_register = El registro de medidas
all_n_pending = { $count ->
    [one] la medida pendiente
   *[other] las { $count } medidas pendientes
}
recent_meetings = Reuniones recientes
all_meetings = Todas las reuniones
no_meetings_yet = Aún no hay reuniones. Añada las actas en
all_topics = Todos los temas
no_topics_yet = Aún no hay temas.

action_item = Medida de seguimiento
overdue_notice = Su plazo vencía el { $due } y sigue en estado «{ $status }» al { $today }.
first_due = inicialmente { $date }
action_number = medida { $number }
status_history = Historial del estado
status_history_by_meeting = Historial del estado, reunión por reunión
status_history_caption = Estado de la medida en cada reunión, de la más antigua a la más reciente
note = Nota
decided = Acordada
unchanged = sin cambios
no_later_report = Ninguna reunión posterior ha informado aún sobre esta medida.

register_lede = { $count ->
    [one] El registro de la { $count } medida de seguimiento acordada en las actas, con su estado al { $date }.
   *[other] El registro de las { $count } medidas de seguimiento acordadas en las actas, con su estado al { $date }.
}
register_sections = Secciones del registro
by_owner = Por responsable
register_to_print = El registro por responsable, para imprimir
register_to_print_note = : todas las medidas, una página por responsable.
no_open_actions = No hay medidas pendientes.
no_action_done = Aún no se ha cumplido ninguna medida.
no_action_dropped = No se ha descartado ninguna medida.
most_recent_of = Las { $shown } más recientes de { $count }; cada medida figura en la página de su reunión y de sus responsables, y en
actions_by_owner = Medidas por responsable
as_of = al { $date }
print_lede = { $count ->
    [one] La { $count } medida de las actas por responsable, al { $date }: lo vencido, pendiente, cumplido y descartado, con plazos y último seguimiento. Al imprimir, cada responsable empieza una página nueva.
   *[other] Las { $count } medidas de las actas por responsable, al { $date }: lo vencido, pendiente, cumplido y descartado, con plazos y último seguimiento. Al imprimir, cada responsable empieza una página nueva.
}
n_owners = { $count ->
    [one] { $count } responsable
   *[other] { $count } responsables
}
n_open = { $count ->
    [one] { $count } pendiente
   *[other] { $count } pendientes
}
n_done = { $count ->
    [one] { $count } cumplida
   *[other] { $count } cumplidas
}
n_dropped = { $count ->
    [one] { $count } descartada
   *[other] { $count } descartadas
}
actions_of = Medidas a cargo de { $name }
no_owner_yet = Ninguna medida tiene responsable todavía.
no_owner = Sin responsable
actions_without_owner = Medidas sin responsable

changes_lede = { $count ->
    [one] Qué cambió la última reunión: las medidas que acordó, el seguimiento de medidas anteriores y lo que decidió.
   *[other] Qué cambiaron las { $count } últimas reuniones, de la más reciente a la más antigua: las medidas acordadas, el seguimiento de medidas anteriores y lo decidido.
}
nothing_recorded = No se registraron medidas, seguimientos ni decisiones.
new_actions = Medidas nuevas
progress_on_earlier = Seguimiento de medidas anteriores
status_to = a
status_unchanged = estado sin cambios
due_word = plazo
decided_at_lower = acordada en
no_meetings = Aún no hay reuniones.
n_earlier_meetings = { $count ->
    [one] { $count } reunión anterior: véase
   *[other] { $count } reuniones anteriores: véase
}

decisions_lede = { $count ->
    [one] Lo que acordaron las reuniones: { $count } decisión, por año, de la más reciente a la más antigua, y luego por tema.
   *[other] Lo que acordaron las reuniones: { $count } decisiones, por año, de la más reciente a la más antigua, y luego por tema.
}
log_sections = Secciones del registro de decisiones
all_decisions = Todas las decisiones
by_topic = Por tema
no_decisions_yet = Aún no hay decisiones registradas. Las reuniones las enumeran en

kind_organization = organización
kind_body = órgano
kind_person = persona
kind_country = país
kind_other = otro
kinds_organization = Organizaciones
kinds_body = Órganos
kinds_person = Personas
kinds_country = Países
kinds_other = Otros
pages = Páginas

entities_lede = { $count ->
    [one] { $count } organización, órgano, persona o país que mencionan las actas, por categoría.
   *[other] { $count } organizaciones, órganos, personas y países que mencionan las actas, por categoría.
}
kinds = Categorías
no_page_yet = Aún sin página
n_mentions = { $count ->
    [one] { $count } mención
   *[other] { $count } menciones
}
no_entities_yet = Aún no hay entidades. Describa organizaciones y personas en
hierarchy = Jerarquía
short_name = Nombre abreviado
also_called = También llamado
website = Sitio web
entity_stub_title = Ninguna página describe aún esta entidad.
entity_stub_text = Las actas la mencionan, así que quorum creó esta página para reunir sus menciones.
stub_how = Para describirla, cree { $file } con al menos { $field } en su encabezado.
in_numbers = { $name } en cifras
attended_n = asistió a { $count }
chaired_n = presidió { $count }
n_passages_strong = { $count ->
    [one] { $n } pasaje
   *[other] { $n } pasajes
}
name_it = { $count ->
    [one] menciona a { $name }
   *[other] mencionan a { $name }
}
name_it_in_meetings = { $count ->
    [one] menciona a { $name }
   *[other] mencionan a { $name }
}, en { $meetings ->
    [one] { $meetings } reunión
   *[other] { $meetings } reuniones
}
n_actions_owned_strong = { $count ->
    [one] { $n } medida a su cargo
   *[other] { $n } medidas a su cargo
}
latest_mentions = Menciones recientes
all_n_passages = { $count ->
    [one] El pasaje, por año
   *[other] Los { $count } pasajes, por año
}
activity = Actividad
related = Relaciones
map_note = Las líneas unen lo que más coincide; esta página está en el centro.
numbers_in_common = Las cifras cuentan las reuniones en común.
map_of_site = El mapa de todo el sitio
structure = Estructura
part_of_it = Dependencias
people = Personas
every_meeting_involving = Todas las reuniones en que participa { $name }, de la más reciente a la más antigua
attended = Asistió
as_role = como { $role }
attendance_by_series = Asistencia por serie
attendance_by_series_note = Reuniones de cada serie a las que { $name } asistió o que presidió, del total celebrado desde su primera asistencia hasta la última de la serie.
attended_of = { $count ->
    [one] { $n } de { $count } reunión ({ $share } %)
   *[other] { $n } de { $count } reuniones ({ $share } %)
}
actions_owned = Medidas a su cargo
commitments_of = Los compromisos de { $name }: { $overdue } vencidos, { $open } pendientes, { $done } cumplidos, { $dropped } descartados, cada uno con su plazo y la última reunión que informó sobre él.
no_action_assigned = No hay ninguna medida a cargo de { $name }.
mentions = Menciones
every_passage_naming = Todos los pasajes que mencionan a { $name }, por reunión, del más reciente al más antiguo; cada uno enlaza con su lugar en las actas. Los nombres de las listas de asistencia (Presentes, Excusados…) cuentan como asistencia, no como menciones.

map_lede = Los { $topics ->
    [one] { $topics } tema
   *[other] { $topics } temas
} y las { $entities ->
    [one] { $entities } entidad
   *[other] { $entities } entidades
} con más reuniones, y cómo se relacionan: los temas en el anillo interior, las entidades alrededor, cada una cerca de los temas con los que más coincide.
the_map = El mapa
site_map_note = Cuanto mayor es la marca, más reuniones; cada marca abre su página.
on_the_map = En el mapa
nothing_to_map = Aún no hay nada que mostrar en el mapa: ninguna entidad ni tema está vinculado a una reunión.

breadcrumb = Ruta de navegación
year_lede = { $count ->
    [one] { $count } reunión
   *[other] { $count } reuniones
}, de la más reciente a la más antigua; acordaron { $actions ->
    [one] { $actions } medida
   *[other] { $actions } medidas
} y adoptaron { $decisions ->
    [one] { $decisions } decisión
   *[other] { $decisions } decisiones
}.
meetings_per_month = reuniones por mes
years = Años
previous_and_next_years = Años anterior y siguiente
earlier_year = Año anterior
later_year = Año siguiente
in_n_years = { $count ->
    [one] en { $count } año
   *[other] en { $count } años
}
index_latest = , una página por año; abajo, { $year }, de la más reciente a la más antigua
meeting_series = Serie de reuniones
every_year = todos los años
on_this_page = En esta página

topics_lede = { $count ->
    [one] { $count } tema tratado, en árbol: cada tema con las reuniones y medidas que le conciernen.
   *[other] { $count } temas tratados, en árbol: cada tema con las reuniones y medidas que le conciernen.
}
topic_tree = Árbol de temas
no_topics_how = Aún no hay temas. Añádalos en { $folder } o enumérelos en { $field } de una reunión.

parent_topics = Temas superiores
topic = Tema
topic_stub_title = Ninguna página describe aún este tema.
topic_stub_text = Las actas se refieren a él, así que quorum creó esta página para reunir lo relacionado.
sub_topics = Subtemas
relationships = Relaciones
topic_map_note = Las entidades más implicadas, los responsables de sus medidas y los temas tratados con él; esta página está en el centro.
entities_most_involved = Entidades más implicadas
topic_numbers_note = Las cifras cuentan las reuniones sobre este tema en que cada una participó o fue mencionada.
every_passage_linking = Todos los pasajes que enlazan con { $name }, del más reciente al más antiguo, cada uno vinculado a su lugar.

from_to = del { $from } al { $to }
n_pending_actions = { $count ->
    [one] { $count } medida pendiente
   *[other] { $count } medidas pendientes
}
series_sections = Secciones de esta serie
attendance = Asistencia
pending_actions = Medidas pendientes
ranking_note = Todas las personas y organizaciones que asistieron a una reunión de la serie o la presidieron, de más a menos reuniones. La presidencia cuenta como asistencia; la proporción se calcula sobre las reuniones celebradas desde la primera asistencia de cada uno hasta la última de la serie.
attendance_ranking = Clasificación de asistencia
ranking_caption = Quién asistió a más reuniones de { $series }
rank = Puesto
who = Quién
share = Proporción
first_last = Primera – última
of_n = de { $count }
chair_n = presidió { $count }
latest_n_meetings = Las { $count } últimas reuniones
by_meeting = Por reunión
who_came_latest = Quién asistió a las { $shown } más recientes de las { $count } reuniones (los totales figuran en la clasificación de arriba).
who_came_each = Quién asistió a cada reunión.
key_present = presente,
key_chair = en la presidencia,
key_other_role = presente con una función distinta de la habitual (indicada bajo el nombre; la información emergente de la celda la precisa).
attendance_by_meeting = Asistencia por reunión
attendance_caption = Asistencia a las reuniones de { $series }: una fila por persona u organización, una columna por reunión
as_role_title = Como { $role }
present = presente
absent = ausente
no_attendance = Las actas de esta serie no indican presidencia ni participantes.
overdue_actions_series = Medidas vencidas de esta serie
open_actions_series = Medidas pendientes de esta serie
none_pending_series = Ninguna medida de esta serie está pendiente.
no_decisions_recorded = No hay decisiones registradas.

search_lede = Cada palabra escrita debe aparecer; basta con el comienzo de una palabra.
search_needs_server = La búsqueda necesita que un servidor web sirva el sitio.
search_file_system = Esta copia se ha abierto directamente desde el sistema de archivos, y los navegadores no permiten que una página lea el índice de búsqueda desde el disco.
search_open_served = Abra el sitio desde el servidor web en que se publica, o previsualícelo con { $command }. Todas las demás páginas funcionan tal cual desde el sistema de archivos.
search_needs_js = La búsqueda necesita JavaScript, que está desactivado en este navegador.
search_turn_on_js = Actívelo para buscar aquí en las actas.
search_without_js = Sin JavaScript, todas las páginas están enumeradas en:
site_map = el mapa del sitio
search_label = Buscar reuniones, entidades, temas y medidas
filter_results = Filtrar resultados
kind = Tipo
any_kind = Cualquier tipo
year = Año
any_year = Cualquier año
any_topic = Cualquier tema
entity = Entidad
any_entity = Cualquier entidad
results = Resultados
more_results = Más resultados
key_enter = Intro
key_esc = Esc
search_keys = Teclas: { $enter } busca, { $down } y { $up } recorren los resultados, { $esc } borra la búsqueda.

page_kind = Página
search_n_results = { $count ->
    [0] Ningún resultado
    [one] { $count } resultado
   *[other] { $count } resultados
}
search_for = { $what } para «{ $query }».
search_for_in = { $what } para «{ $query }» en { $where }.
search_topic_filter = tema { $topic }
search_searching = Buscando…
search_too_short = Escriba una palabra más larga o menos común: no se buscan letras sueltas ni palabras como «el».
search_failed = La búsqueda falló: { $error }. Vuelva a cargar la página para intentarlo de nuevo.
search_unavailable_files = La búsqueda no está disponible cuando el sitio se abre desde archivos.

timeline_label = Actividad de { $name }, { $years }: { $counts }
timeline_decision = Decisión { $number } de { $at }: { $text }
timeline_action = Medida { $id } ({ $state }): { $text } — acordada en { $at }
timeline_several = { $items } en { $at }
timeline_bar = { $items } en { $when } — la más reciente: { $latest }, { $date }
named = Mencionado
on_the_agenda = En el orden del día
key_meeting = reunión
key_decision = decisión
key_open_action = medida pendiente
key_action_in_progress = medida en curso
key_overdue_action = medida vencida
key_done_action = medida cumplida
key_dropped_action = medida descartada
key_meetings = reuniones
key_decisions = decisiones
key_actions = medidas
key_actions_some_overdue = medidas, algunas vencidas
key_topic = tema
key_organisation = organización
key_body = órgano
key_person = persona
key_country = país
key_other = otro
map_of = Mapa de relaciones de { $name }
map_label = { $map }: { $pages } vinculadas
this_page = esta página
n_meetings_together = { $count ->
    [one] { $count } reunión en común
   *[other] { $count } reuniones en común
}
n_shared_actions = { $count ->
    [one] { $count } medida compartida
   *[other] { $count } medidas compartidas
}
n_actions_owned = { $count ->
    [one] { $count } medida a su cargo
   *[other] { $count } medidas a su cargo
}
site_map_label = Mapa del sitio: los { $topics } temas y las { $entities } entidades con más reuniones, y cómo se relacionan

role = Cargo
part_of = Forma parte de
no_page_describes_it = Ninguna página lo describe aún.
owner_one = Responsable
owner_many = Responsables
id = Identificador

spark_none = Ninguna reunión, { $range }
spark_one = 1 reunión, { $range }: { $when }
spark_by_month = { $count } reuniones por mes, { $range }; más en { $when } ({ $most })
spark_by_year = { $count } reuniones por año, { $range }; más en { $when } ({ $most })

# Between the items of a list: "4 attendees, 3 topics".
list_sep = ,{" "}

# The number of a printed page: "Page 2 of 5".
print_page_before = Página{" "}
print_page_between = {" "}de{" "}
print_page_after = {""}
