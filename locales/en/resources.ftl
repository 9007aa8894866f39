# Resources screen: the app's labels and buttons around the cards.
# The cards' titles and descriptions (resource-<id> with .description) are the event pack's
# (packs/gcm-almaty-process-2023/locales/en/resources.ftl); the URL, date and document symbol come from its
# event.json.

resources-title = Resources
resources-intro = Official pages open in your web browser; the descriptions here are summaries written for this app.

## Card labels and buttons

resources-open = Open official page
# Tooltip of the "Open official page" button.
# Variables:
#   $host (String) - the host name of the link, e.g. "migrationnetwork.un.org".
resources-open-title = Opens { $host } in your web browser
# Shown instead of the button when event.json has no confirmed URL for a resource.
resources-no-link = No official link confirmed yet
# Label before a UN document symbol such as A/RES/73/195.
resources-symbol-label = Document symbol
resources-date-label = Date
