# Les chaînes du thème par défaut en français (terminologie de l'ONU :
# « procès-verbal » pour les minutes d'une réunion).

date_day = { $day } { $month } { $year }
date_month = { $month } { $year }
date_short_day = { $day } { $month }
date_short_month = { $month }
month_1 = janvier
month_2 = février
month_3 = mars
month_4 = avril
month_5 = mai
month_6 = juin
month_7 = juillet
month_8 = août
month_9 = septembre
month_10 = octobre
month_11 = novembre
month_12 = décembre
month_of_day_1 = janvier
month_of_day_2 = février
month_of_day_3 = mars
month_of_day_4 = avril
month_of_day_5 = mai
month_of_day_6 = juin
month_of_day_7 = juillet
month_of_day_8 = août
month_of_day_9 = septembre
month_of_day_10 = octobre
month_of_day_11 = novembre
month_of_day_12 = décembre
month_short_1 = janv.
month_short_2 = févr.
month_short_3 = mars
month_short_4 = avr.
month_short_5 = mai
month_short_6 = juin
month_short_7 = juil.
month_short_8 = août
month_short_9 = sept.
month_short_10 = oct.
month_short_11 = nov.
month_short_12 = déc.

skip_to_main = Aller au contenu principal
nav_main = Navigation principale
nav_more = Plus
menu = Menu
search = Rechercher
search_the_minutes = Rechercher dans les procès-verbaux
feed_title = { $site } : réunions (Atom)
calendar_title = { $site } : calendrier
atom_feed = Flux Atom
calendar = Calendrier
built_with = Généré avec { $generator } le { $date }.

meetings = Réunions
entities = Entités
topics = Thèmes
actions = Mesures de suivi
decisions = Décisions
home = Accueil

error_404 = Erreur 404
not_found_lede = Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien contient une faute de frappe.
not_found_where = Où aller maintenant
not_found_home = réunions récentes et mesures en cours

meeting = Réunion
month_only = (mois seulement)
month_only_title = Le procès-verbal ne donne que le mois
chaired_by = présidée par { $name }
draft = Projet.
draft_notice = Ce procès-verbal est un projet : « quorum build » ne le publie pas.
meeting_parts = Parties de cette réunion
minutes = Procès-verbal
updates = Suivi
about_meeting = À propos de cette réunion
n_attendees = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
n_topics = { $count ->
    [one] { $count } thème
   *[other] { $count } thèmes
}
n_actions = { $count ->
    [one] { $count } mesure
   *[other] { $count } mesures
}
n_decisions = { $count ->
    [one] { $count } décision
   *[other] { $count } décisions
}
n_later_updates = { $count ->
    [one] { $count } suivi ultérieur
   *[other] { $count } suivis ultérieurs
}
n_more_mentions = { $count ->
    [one] { $count } autre mention
   *[other] { $count } autres mentions
}
date = Date
series = Série
position_of = { $position } sur { $count }
location = Lieu
chair = Présidence
outcome = Résultats
no_actions = aucune mesure
no_decisions = aucune décision
attendees = Participants
topics_of_meeting = Thèmes de cette réunion
topics_of_action = Thèmes de cette mesure
topics_of_decision = Thèmes de cette décision
entities_involved = Entités concernées
documents = Documents
no_link = (sans lien)
contents_of_minutes = Sommaire du procès-verbal
no_minutes = Aucun procès-verbal n’a été rédigé pour cette réunion.
actions_decided = Mesures décidées
overdue = En retard
owner = { $count ->
    [one] Responsable
   *[other] Responsables
}
due = Échéance
no_date = sans date
updates_to_earlier = Suivi des mesures antérieures
no_action_with_id = Aucune mesure ne porte cet identifiant
due_now = Nouvelle échéance
decided_at = Décidée lors de
previous_and_next = réunions précédente et suivante
series_previous_and_next = { $series } : réunions précédente et suivante
previous_meeting = Réunion précédente
next_meeting = Réunion suivante
back_to_top = Haut de page
in_context = Dans son contexte

status_open = En cours
status_in_progress = En cours d’exécution
status_done = Terminée
status_dropped = Abandonnée
