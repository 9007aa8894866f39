# Search screen: one box that finds text in the concept note, the agenda, the resource cards and the GCM's
# objectives and guiding principles, in the language the app is shown in.

nav-search = Search
search-title = Search
search-label = Search the concept note, agenda, resources and GCM objectives
# Shown under the box.
search-hint = From anywhere in the app, press Ctrl+F or / to come back here.
search-too-short = Type at least two letters.
# Variables:
#   $count (Number) - how many places were found (1 or more).
#   $query (String) - what the participant typed.
search-status = { $count ->
    [one] One place found for “{ $query }”. Press the down arrow to move through the results.
   *[other] { $count } places found for “{ $query }”. Press the down arrow to move through the results.
}
# Variables:
#   $query (String) - what the participant typed.
search-status-none = Nothing found for “{ $query }”.
# When nothing is found in English but the Russian texts have the words (typed before switching language, say).
# Variables:
#   $query (String) - what the participant typed.
#   $count (Number) - how many places the Russian texts have (1 or more).
search-status-elsewhere = { $count ->
    [one] Nothing found for “{ $query }” in English. The Russian texts have it in one place.
   *[other] Nothing found for “{ $query }” in English. The Russian texts have it in { $count } places.
}
# The button under that line: switches the app to Russian, where the same search shows its results.
search-show-elsewhere = Show the results in Russian
search-results =
    .aria-label = Search results

## What each result is called, before its snippet

# Variables:
#   $number (Number) - the paragraph's number in the concept note.
search-concept-paragraph = Paragraph { $number }
# Variables:
#   $number (Number) - the objective's number, 1 to 23.
search-gcm-objective = Objective { $number }
search-gcm-principle = Guiding principle
