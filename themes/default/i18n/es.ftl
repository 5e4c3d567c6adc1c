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
