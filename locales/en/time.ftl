## Times, time zones and the live state of the workshop.
## Durations are built from up to two of time-days, time-hours and time-minutes, joined by the app.

# $count (Number) - whole days
time-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
# $count (Number) - whole hours
time-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
# $count (Number) - whole minutes
time-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
time-less-than-minute = less than a minute

# $duration (String) - e.g. "2 hours, 5 minutes"
time-starts-in = Starts in { $duration }
time-soon = Starting soon
# Overnight between two days of an event over several days.
time-resumes = The programme continues on { $date }.
time-live = Happening now
time-now-label = Now
time-next-label = Next
# $duration (String) - time left in the current session
time-left = { $duration } left
# $date (String) - the event date, already formatted, e.g. "5 December 2023"
time-past = This workshop took place on { $date }.
time-materials = All materials remain available in this app.

time-your-label = Your time
time-zone-fallback = Your computer's time zone could not be read; times are shown in UTC.
time-next-day = next day
time-previous-day = previous day

time-zone-label = Time zone
time-zone-search = Search time zones
time-zone-use-computer = Use my computer's zone
time-zone-region = Almaty Process countries
time-zone-all = All time zones
# $zone (String) - IANA name; $offset (String) - e.g. "UTC+6", on the workshop's date
time-zone-current = Times are shown for { $place } ({ $zone }, { $offset }).
time-zone-current-id = Times are shown for { $zone } ({ $offset }).
time-zone-from-computer = This is your computer's time zone.
time-zone-chosen = You chose this time zone.
time-zone-list = Time zones
# $query (String) - what the participant typed
time-zone-no-match = No time zone matches “{ $query }”.
# $zone (String) - IANA name
time-zone-saved = Time zone set to { $zone }.
