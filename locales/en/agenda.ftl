# Agenda screen: the app's labels around the event's items.
# The items' titles, topics and speakers are the event pack's
# (packs/gcm-almaty-process-2023/locales/en/agenda.ftl), keyed by the ids in its event.json.

agenda-title = Agenda

## Labels

# Shown before a numbered session title, e.g. "Session 2".
# Variables:
#   $number (Number) - the session number from event.json.
agenda-session-label = Session { $number }
# Marker the app adds next to a speaker whose participation is not yet confirmed.
agenda-tbc = TBC
