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

cal_month_only = Le procès-verbal ne donne que le mois : { $month }.
cal_minutes = Procès-verbal : { $url }
cal_owners = Responsables : { $owners }
cal_due_in = Échéance : { $month }.
cal_decided_at = Décidée lors de : { $meeting } ({ $date })

meetings_in_year = Réunions de { $year }
page_not_found = Page introuvable
map = Carte
what_changed = Ce qui a changé
register_by_owner = Registre des mesures par responsable
action = Mesure
decision = Décision
decision_n = Décision { $number }

status = Statut
what = Quoi
last_update = Dernier suivi
none_yet = aucun pour l’instant
due_moved_to = échéance reportée au { $date }
last_changed = Dernière modification
view_source = Voir la source
edit = Modifier
contents = Sommaire
overdue_actions = Mesures en retard
open_actions = Mesures en cours
done_actions = Mesures terminées
dropped_actions = Mesures abandonnées
nothing_overdue = Rien n’est en retard.
nothing_open = Rien en cours.
nothing_done = Rien de terminé pour l’instant.
nothing_dropped = Rien d’abandonné.
continued = { $caption } (suite)
n_more = { $count ->
    [one] { $count } de plus
   *[other] { $count } de plus
}
all_n_decisions = { $count ->
    [one] La décision
   *[other] Les { $count } décisions
}
n_meetings = { $count ->
    [one] { $count } réunion
   *[other] { $count } réunions
}
n_pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
n_passages_in_meetings = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
} dans { $meetings ->
    [one] { $meetings } réunion
   *[other] { $meetings } réunions
}
elsewhere_on_site = Ailleurs sur le site
and_n_more_topics = { $count ->
    [one] et { $count } autre thème
   *[other] et { $count } autres thèmes
}
in_common = { $what } en commun
activity_note = Chaque marque ouvre sa réunion ; quand elles sont nombreuses, des barres les comptent par mois ou par année.

site_in_numbers = Le site en chiffres
n_meetings_strong = { $count ->
    [one] { $n } réunion
   *[other] { $n } réunions
}
n_decisions_strong = { $count ->
    [one] { $n } décision
   *[other] { $n } décisions
}
n_actions_strong = { $count ->
    [one] { $n } mesure
   *[other] { $n } mesures
}
n_entities_strong = { $count ->
    [one] { $n } entité
   *[other] { $n } entités
}
n_topics_strong = { $count ->
    [one] { $n } thème
   *[other] { $n } thèmes
}
n_pending = { $count ->
    [one] { $count } en cours
   *[other] { $count } en cours
}
n_overdue = { $count ->
    [one] { $count } en retard
   *[other] { $count } en retard
}
n_overdue_as_of = { $count } en retard au { $date }
what_changed_latest = Ce qui a changé lors des dernières réunions
map_of_who_and_what = Carte des acteurs et des thèmes
actions_to_watch = Mesures à suivre
most_urgent_of = Les { $shown } plus urgentes des { $count } mesures en cours
every_pending_action = Toutes les mesures en cours
urgent_order = : d’abord celles en retard, puis les échéances les plus proches.
due_on = échéance : { $date }
no_due_date = sans échéance
the_action_register = Le registre des mesures
all_n_pending = { $count ->
    [one] la mesure en cours
   *[other] les { $count } mesures en cours
}
recent_meetings = Réunions récentes
all_meetings = Toutes les réunions
no_meetings_yet = Aucune réunion pour l’instant. Ajoutez les procès-verbaux dans
all_topics = Tous les thèmes
no_topics_yet = Aucun thème pour l’instant.

action_item = Mesure de suivi
overdue_notice = Elle devait être achevée le { $due } et son statut est toujours « { $status } » au { $today }.
first_due = initialement { $date }
action_number = mesure { $number }
status_history = Historique du statut
status_history_by_meeting = Historique du statut, réunion par réunion
status_history_caption = Statut de la mesure à chaque réunion, de la plus ancienne à la plus récente
note = Note
decided = Décidée
unchanged = inchangé
no_later_report = Aucune réunion ultérieure n’a encore fait le point sur cette mesure.

register_lede = { $count ->
    [one] Le registre de la { $count } mesure de suivi décidée dans les procès-verbaux, avec son statut au { $date }.
   *[other] Le registre des { $count } mesures de suivi décidées dans les procès-verbaux, avec leur statut au { $date }.
}
register_sections = Sections du registre
by_owner = Par responsable
register_to_print = Le registre par responsable, à imprimer
register_to_print_note = : toutes les mesures, une page par responsable.
no_open_actions = Aucune mesure en cours.
no_action_done = Aucune mesure n’est encore terminée.
no_action_dropped = Aucune mesure n’a été abandonnée.
most_recent_of = Les { $shown } plus récentes sur { $count } ; chaque mesure figure sur la page de sa réunion et de ses responsables, et dans
actions_by_owner = Mesures par responsable
as_of = au { $date }
print_lede = { $count ->
    [one] La { $count } mesure des procès-verbaux par responsable, au { $date } : ce qui est en retard, en cours, terminé ou abandonné, avec les échéances et le dernier suivi. À l’impression, chaque responsable commence une nouvelle page.
   *[other] Les { $count } mesures des procès-verbaux par responsable, au { $date } : ce qui est en retard, en cours, terminé ou abandonné, avec les échéances et le dernier suivi. À l’impression, chaque responsable commence une nouvelle page.
}
n_owners = { $count ->
    [one] { $count } responsable
   *[other] { $count } responsables
}
n_open = { $count } en cours
n_done = { $count ->
    [one] { $count } terminée
   *[other] { $count } terminées
}
n_dropped = { $count ->
    [one] { $count } abandonnée
   *[other] { $count } abandonnées
}
actions_of = Mesures confiées à { $name }
no_owner_yet = Aucune mesure n’a encore de responsable.
no_owner = Sans responsable
actions_without_owner = Mesures sans responsable

changes_lede = { $count ->
    [one] Ce que la dernière réunion a changé : les mesures qu’elle a décidées, le suivi des mesures antérieures et ses décisions.
   *[other] Ce que les { $count } dernières réunions ont changé, de la plus récente à la plus ancienne : les mesures décidées, le suivi des mesures antérieures et les décisions.
}
nothing_recorded = Aucune mesure, aucun suivi ni aucune décision consignés.
new_actions = Nouvelles mesures
progress_on_earlier = Suivi des mesures antérieures
status_to = vers
status_unchanged = statut inchangé
due_word = échéance
decided_at_lower = décidée lors de
no_meetings = Aucune réunion pour l’instant.
n_earlier_meetings = { $count ->
    [one] { $count } réunion antérieure : voir
   *[other] { $count } réunions antérieures : voir
}

decisions_lede = { $count ->
    [one] Ce que les réunions ont décidé : { $count } décision, par année, de la plus récente à la plus ancienne, puis par thème.
   *[other] Ce que les réunions ont décidé : { $count } décisions, par année, de la plus récente à la plus ancienne, puis par thème.
}
log_sections = Sections du relevé
all_decisions = Toutes les décisions
by_topic = Par thème
no_decisions_yet = Aucune décision consignée pour l’instant. Les réunions les énumèrent sous

kind_organization = organisation
kind_body = organe
kind_person = personne
kind_country = pays
kind_other = autre
kinds_organization = Organisations
kinds_body = Organes
kinds_person = Personnes
kinds_country = Pays
kinds_other = Autres
pages = Pages

entities_lede = { $count ->
    [one] { $count } organisation, organe, personne ou pays cité dans les procès-verbaux, par catégorie.
   *[other] { $count } organisations, organes, personnes et pays cités dans les procès-verbaux, par catégorie.
}
kinds = Catégories
no_page_yet = Pas encore de page
n_mentions = { $count ->
    [one] { $count } mention
   *[other] { $count } mentions
}
no_entities_yet = Aucune entité pour l’instant. Décrivez organisations et personnes dans
hierarchy = Hiérarchie
short_name = Nom abrégé
also_called = Autres noms
website = Site web
entity_stub_title = Aucune page ne décrit encore cette entité.
entity_stub_text = Les procès-verbaux la citent : quorum a donc créé cette page pour en rassembler les mentions.
stub_how = Pour la décrire, créez { $file } avec au moins { $field } dans son en-tête.
in_numbers = { $name } en chiffres
attended_n = { $count ->
    [one] présent à { $count }
   *[other] présent à { $count }
}
chaired_n = { $count ->
    [one] a présidé { $count }
   *[other] a présidé { $count }
}
n_passages_strong = { $count ->
    [one] { $n } passage
   *[other] { $n } passages
}
name_it = { $count ->
    [one] cite { $name }
   *[other] citent { $name }
}
name_it_in_meetings = { $count ->
    [one] cite { $name }
   *[other] citent { $name }
}, dans { $meetings ->
    [one] { $meetings } réunion
   *[other] { $meetings } réunions
}
n_actions_owned_strong = { $count ->
    [one] { $n } mesure confiée
   *[other] { $n } mesures confiées
}
latest_mentions = Dernières mentions
all_n_passages = { $count ->
    [one] Le passage, par année
   *[other] Les { $count } passages, par année
}
activity = Activité
related = Liens
map_note = Les traits relient ce qui se rencontre le plus ; cette page est au centre.
numbers_in_common = Les nombres comptent les réunions en commun.
map_of_site = La carte de tout le site
structure = Structure
part_of_it = Composantes
people = Personnes
every_meeting_involving = Toutes les réunions concernant { $name }, de la plus récente à la plus ancienne
attended = Présent
as_role = en qualité de { $role }
attendance_by_series = Participation par série
attendance_by_series_note = Réunions de chaque série auxquelles { $name } a assisté ou qu’il a présidées, sur les réunions tenues depuis sa première participation jusqu’à la dernière de la série.
attended_of = { $count ->
    [one] { $n } sur { $count } réunion ({ $share } %)
   *[other] { $n } sur { $count } réunions ({ $share } %)
}
actions_owned = Mesures confiées
commitments_of = Les engagements de { $name } : { $overdue } en retard, { $open } en cours, { $done } terminés, { $dropped } abandonnés, chacun avec son échéance et la dernière réunion qui en a fait le point.
no_action_assigned = Aucune mesure n’est confiée à { $name }.
mentions = Mentions
every_passage_naming = Tous les passages qui citent { $name }, par réunion, du plus récent au plus ancien ; chacun renvoie à sa place dans le procès-verbal. Les noms des listes de présence (Présents, Excusés…) comptent comme participation, non comme mentions.

map_lede = Les { $topics ->
    [one] { $topics } thème
   *[other] { $topics } thèmes
} et les { $entities ->
    [one] { $entities } entité
   *[other] { $entities } entités
} qui comptent le plus de réunions, et leurs liens : les thèmes sur l’anneau intérieur, les entités autour, chacune près des thèmes qu’elle rencontre le plus.
the_map = La carte
site_map_note = Plus la marque est grande, plus il y a de réunions ; chaque marque ouvre sa page.
on_the_map = Sur la carte
nothing_to_map = Rien à cartographier pour l’instant : aucune entité ni aucun thème n’est lié à une réunion.

breadcrumb = Fil d’Ariane
year_lede = { $count ->
    [one] { $count } réunion
   *[other] { $count } réunions
}, de la plus récente à la plus ancienne ; elles ont décidé { $actions ->
    [one] { $actions } mesure
   *[other] { $actions } mesures
} et pris { $decisions ->
    [one] { $decisions } décision
   *[other] { $decisions } décisions
}.
meetings_per_month = réunions par mois
years = Années
previous_and_next_years = Années précédente et suivante
earlier_year = Année précédente
later_year = Année suivante
in_n_years = { $count ->
    [one] sur { $count } année
   *[other] sur { $count } années
}
index_latest = , une page par année ; ci-dessous, { $year }, de la plus récente à la plus ancienne
meeting_series = Série de réunions
every_year = toutes les années
on_this_page = Sur cette page

topics_lede = { $count ->
    [one] { $count } thème abordé, en arbre : chaque thème avec les réunions et les mesures qui s’y rapportent.
   *[other] { $count } thèmes abordés, en arbre : chaque thème avec les réunions et les mesures qui s’y rapportent.
}
topic_tree = Arbre des thèmes
no_topics_how = Aucun thème pour l’instant. Ajoutez-les dans { $folder }, ou énumérez-les sous { $field } dans une réunion.

parent_topics = Thèmes parents
topic = Thème
topic_stub_title = Aucune page ne décrit encore ce thème.
topic_stub_text = Les procès-verbaux s’y réfèrent : quorum a donc créé cette page pour rassembler ce qui s’y rapporte.
sub_topics = Sous-thèmes
relationships = Liens
topic_map_note = Les entités les plus concernées, les responsables de ses mesures et les thèmes abordés avec lui ; cette page est au centre.
entities_most_involved = Entités les plus concernées
topic_numbers_note = Les nombres comptent les réunions sur ce thème auxquelles chacune a pris part ou où elle a été citée.
every_passage_linking = Tous les passages qui renvoient à { $name }, du plus récent au plus ancien, chacun lié à sa place.

from_to = du { $from } au { $to }
n_pending_actions = { $count ->
    [one] { $count } mesure en cours
   *[other] { $count } mesures en cours
}
series_sections = Sections de cette série
attendance = Participation
pending_actions = Mesures en cours
ranking_note = Toutes les personnes et organisations qui ont assisté à une réunion de la série ou l’ont présidée, les plus assidues d’abord. La présidence compte comme présence ; la proportion porte sur les réunions tenues depuis la première participation de chacun jusqu’à la dernière de la série.
attendance_ranking = Classement de la participation
ranking_caption = Qui a assisté au plus grand nombre de réunions de { $series }
rank = Rang
who = Qui
share = Proportion
first_last = Première – dernière
of_n = sur { $count }
chair_n = présidence : { $count }
latest_n_meetings = Les { $count } dernières réunions
by_meeting = Par réunion
who_came_latest = Qui est venu aux { $shown } plus récentes des { $count } réunions (les totaux figurent dans le classement ci-dessus).
who_came_each = Qui est venu à chaque réunion.
key_present = présent,
key_chair = à la présidence,
key_other_role = présent en une autre qualité que d’habitude (indiquée sous le nom ; l’infobulle de la case la précise).
attendance_by_meeting = Participation par réunion
attendance_caption = Participation aux réunions de { $series } : une ligne par personne ou organisation, une colonne par réunion
as_role_title = En qualité de { $role }
present = présent
absent = absent
no_attendance = Les procès-verbaux de cette série ne mentionnent ni présidence ni participants.
overdue_actions_series = Mesures en retard de cette série
open_actions_series = Mesures en cours de cette série
none_pending_series = Aucune mesure de cette série n’est en cours.
no_decisions_recorded = Aucune décision consignée.

search_lede = Chaque mot saisi doit figurer ; le début d’un mot suffit.
search_needs_server = La recherche nécessite que le site soit servi par un serveur web.
search_file_system = Cette copie est ouverte directement depuis le système de fichiers, et les navigateurs ne permettent pas à une page de lire l’index de recherche sur le disque.
search_open_served = Ouvrez le site depuis le serveur web où il est publié, ou prévisualisez-le avec { $command }. Toutes les autres pages fonctionnent telles quelles depuis le système de fichiers.
search_needs_js = La recherche nécessite JavaScript, qui est désactivé dans ce navigateur.
search_turn_on_js = Activez-le pour rechercher dans les procès-verbaux ici.
search_without_js = Sans JavaScript, toutes les pages sont accessibles depuis :
site_map = la carte du site
search_label = Rechercher des réunions, entités, thèmes et mesures
filter_results = Filtrer les résultats
kind = Type
any_kind = Tous les types
year = Année
any_year = Toutes les années
any_topic = Tous les thèmes
entity = Entité
any_entity = Toutes les entités
results = Résultats
more_results = Plus de résultats
key_enter = Entrée
key_esc = Échap
search_keys = Touches : { $enter } lance la recherche, { $down } et { $up } parcourent les résultats, { $esc } efface la recherche.

page_kind = Page
search_n_results = { $count ->
    [0] Aucun résultat
    [one] { $count } résultat
   *[other] { $count } résultats
}
search_for = { $what } pour « { $query } ».
search_for_in = { $what } pour « { $query } » dans { $where }.
search_topic_filter = thème { $topic }
search_searching = Recherche en cours…
search_too_short = Saisissez un mot plus long ou moins courant : les lettres isolées et les mots comme « le » ne sont pas recherchés.
search_failed = La recherche a échoué : { $error }. Rechargez la page pour réessayer.
search_unavailable_files = La recherche n’est pas disponible quand le site est ouvert depuis des fichiers.

timeline_label = Activité de { $name }, { $years } : { $counts }
timeline_decision = Décision { $number } de { $at } : { $text }
timeline_action = Mesure { $id } ({ $state }) : { $text } — décidée lors de { $at }
timeline_several = { $items } lors de { $at }
timeline_bar = { $items } en { $when } — la plus récente : { $latest }, { $date }
named = Cité
on_the_agenda = À l’ordre du jour
key_meeting = réunion
key_decision = décision
key_open_action = mesure en cours
key_action_in_progress = mesure en cours d’exécution
key_overdue_action = mesure en retard
key_done_action = mesure terminée
key_dropped_action = mesure abandonnée
key_meetings = réunions
key_decisions = décisions
key_actions = mesures
key_actions_some_overdue = mesures, certaines en retard
key_topic = thème
key_organisation = organisation
key_body = organe
key_person = personne
key_country = pays
key_other = autre
map_of = Carte des liens de { $name }
map_label = { $map } : { $pages } liées
this_page = cette page
n_meetings_together = { $count ->
    [one] { $count } réunion en commun
   *[other] { $count } réunions en commun
}
n_shared_actions = { $count ->
    [one] { $count } mesure partagée
   *[other] { $count } mesures partagées
}
n_actions_owned = { $count ->
    [one] { $count } mesure confiée
   *[other] { $count } mesures confiées
}
site_map_label = Carte du site : les { $topics } thèmes et les { $entities } entités qui comptent le plus de réunions, et leurs liens

role = Fonction
part_of = Fait partie de
no_page_describes_it = Aucune page ne le décrit encore.
owner_one = Responsable
owner_many = Responsables
id = Identifiant

spark_none = Aucune réunion, { $range }
spark_one = 1 réunion, { $range } : { $when }
spark_by_month = { $count } réunions par mois, { $range } ; le plus en { $when } ({ $most })
spark_by_year = { $count } réunions par année, { $range } ; le plus en { $when } ({ $most })

# Between the items of a list: "4 attendees, 3 topics".
list_sep = ,{" "}

# The number of a printed page: "Page 2 of 5".
print_page_before = Page{" "}
print_page_between = {" "}sur{" "}
print_page_after = {""}
