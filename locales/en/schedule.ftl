## Calendar export, desktop reminders, and the agenda printed on the command line.

schedule-speakers-heading = Speakers

## Calendar export (.ics): buttons in the window and the texts of the calendar entries

calendar-add = Add to calendar
calendar-add-event = Add the workshop to my calendar
# $path (String) - where the file was saved
calendar-saved = Calendar file saved: { $path }
# One line naming the organisers, e.g. "Organised by: The Almaty Process, …".
calendar-organiser = { overview-held-by-label }: { overview-held-by }
# Heads the list of speakers in an agenda item's calendar entry.
calendar-speakers = { schedule-speakers-heading }:

## Reminders: the settings and the desktop notifications

reminders-legend = Reminders
reminders-enable = Remind me before the workshop and before each session
reminders-minutes = When to remind
# $minutes (Number) - 5, 10, 15 or 30
reminders-minutes-option =
    { $minutes ->
        [one] { $minutes } minute before
       *[other] { $minutes } minutes before
    }
reminders-note = Reminders appear as desktop notifications while this app is open. Nothing is shown for times already past.
reminders-saved-on = Reminders are on.
reminders-saved-off = Reminders are off.
# A notification before the workshop. $minutes (Number) - minutes left; $time (String) - the start in the participant's time, e.g. "12:00"
reminder-event =
    { $minutes ->
        [one] The workshop starts in { $minutes } minute, at { $time } your time.
       *[other] The workshop starts in { $minutes } minutes, at { $time } your time.
    }
# A notification before a session; its title is the session's name. Variables as in reminder-event.
reminder-item =
    { $minutes ->
        [one] Starts in { $minutes } minute, at { $time } your time.
       *[other] Starts in { $minutes } minutes, at { $time } your time.
    }
