## The app's frame: skip link, header, navigation, footer, alerts

app-skip = Skip to content
app-kicker = Participant app
app-footer = An unofficial participant companion. The concept note and agenda are the organisers'; official documents open in your web browser.
alert-dismiss = Dismiss
    .aria-label = Dismiss this message

lang-switch =
    .aria-label = Language
# Language names are written in their own language in both locales.
lang-en = English
lang-ru = Русский

nav =
    .aria-label = Sections
nav-overview = Overview
nav-concept = Concept note
nav-agenda = Agenda
nav-resources = Resources
nav-settings = Settings
nav-gcm = GCM at a glance
nav-about = About
about-version = Version

overview-status-heading = Status
overview-upcoming = The workshop has not started yet.
agenda-item-heading = Item
concept-footnotes = Footnotes

## Settings

settings-title = Settings
settings-language = Language

## One-time notices

notice-settings-reset = Your settings file could not be read, so the app started with its default settings. The old file was kept as { $path }.
notice-settings-unreadable = Your settings file { $path } could not be read, so the app is using its default settings for now. The file was left as it is. Changes you make now will not be saved until the file can be read.
notice-settings-unsaved =
    { $reason ->
        [full] Your settings could not be saved to { $path } because the disk is full.
        [read-only] Your settings could not be saved to { $path } because that folder cannot be written to.
       *[other] Your settings could not be saved to { $path }.
    } The changes you make are kept until you close the app, and saved as soon as the disk accepts them again.
notice-settings-kept = Your settings file { $path } could not be read, and it could not be moved aside either, so the app is using its default settings for now. The file was left as it is. Changes you make now will not be saved until the file is repaired or removed.

## Errors shown to the participant

error-unknown-language = “{ $value }” is not a language this app offers. Choose English or Russian.
error-unknown-zone = “{ $value }” is not a time zone, city or country this app knows.
error-invalid-now = “{ $value }” is not a date and time the app can read. Write it like 2023-12-05T10:41:00+04:00.
error-ambiguous-zone = “{ $value }” names more than one time zone: { $zones }. Give one of them, or a city.
error-unknown-resource = There is no resource called “{ $value }” in this app.
error-no-official-link = No official link is confirmed for “{ $value }”, so the app does not open one.
error-open-failed = Your computer could not open { $value }. Copy the link and open it in your browser.
error-settings-write = Your settings could not be saved to { $value }.
error-settings-read-only = Nothing was saved: your settings file { $value } could not be read, and the app does not write over a file it could not read. Fix the file or its permissions, then try again.
error-no-meeting = No meeting link is saved yet. Paste your Zoom invitation first.
error-no-meeting-unreadable = No meeting link can be used now: your settings file { $value }, where your link is kept, could not be read. Fix the file or its permissions, then try again.
error-invitation-unreadable = The invitation could not be read from { $value }. Check the file name, or paste the text into the app instead.
meeting-link-unchanged = The saved meeting link was not changed.
error-no-meeting-detail = This detail is not in your invitation. Use the meeting link instead.
error-clipboard = The text could not be copied. Select it and copy it with Ctrl+C.
error-calendar = The calendar file could not be saved.
error-cancelled = Cancelled.
error-unknown-item = There is no agenda item called “{ $value }”.
error-reminder-minutes = Reminders can come 5, 10, 15 or 30 minutes before, not { $value }.
error-unknown-theme = “{ $value }” is not a colour scheme this app offers. Choose the computer’s, light or dark.
error-text-scale = Text size can be from { $min }% to { $max }% in steps of { $step }%, not { $value }%.

## Windows without the WebView2 runtime: a native message box instead of the window
webview-missing-title = GCM Workshop cannot open its window
webview-missing = The Microsoft Edge WebView2 Runtime is not installed on this computer, and the app's window needs it. Ask your IT department to install it, or install it yourself from Microsoft's WebView2 page (developer.microsoft.com/microsoft-edge/webview2, "Evergreen Bootstrapper"). The command line works without it: gcm-workshop agenda, calendar, join.
window-no-display = The window cannot open here: there is no desktop display (for example in an SSH session). The command line works without one: gcm-workshop agenda, calendar, join, events.
window-no-display-pack = To install the event pack without the window: gcm-workshop open "{ $file }"
error-pack-write = The event could not be saved to { $value }.
error-unknown-event = No installed event is called “{ $value }”.
error-usage = The command was not understood. “gcm-workshop --help” lists the commands and their options.
