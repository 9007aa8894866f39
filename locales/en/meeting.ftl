# Join panel: the Zoom link from the participant's invitation, joining, and listening to the interpretation.
# Error messages take no variables: the shell shows them as they are (see meeting-error-* below).

meeting-heading = Join on Zoom
meeting-settings-heading = Zoom meeting
meeting-join = Join the meeting
meeting-join-none = Add your Zoom invitation to join
meeting-none-help = The Zoom link is in your invitation e-mail. Paste the whole e-mail or just the link below.
meeting-paste-label = Invitation e-mail or Zoom link
meeting-paste-check = Check invitation
meeting-found = Found in your invitation
meeting-id-label = Meeting ID
meeting-passcode-label = Passcode
meeting-link-label = Meeting link
meeting-confirm = Save this meeting
meeting-cancel = Cancel
meeting-change = Change link
meeting-remove = Remove link
meeting-removed = The meeting link was removed.
meeting-saved = The meeting link was saved.
meeting-copy-id = Copy meeting ID
meeting-copy-passcode = Copy passcode
meeting-copied = Copied
meeting-opening = Opening Zoom… If nothing happens, check your browser.
meeting-source-saved = This link is from the invitation you pasted.
meeting-source-event = This link was provided by the organisers.
meeting-browser = Join from the browser
# The command line's `join` with no link saved: names the command that saves one (the window says "paste").
meeting-none-command-line = No meeting link is saved yet. Save the one from your Zoom invitation: gcm-workshop join --invitation FILE. To read the invitation from standard input, give “-” instead of a file name.
meeting-open-failed = Your computer could not open the link. Copy it and open it in your browser:
meeting-copy-link = Copy link
meeting-over = The meeting is over. The link is kept here for reference.
meeting-soon = The meeting starts soon
meeting-live = The meeting is on now
# Shown for zoom.us/my/… links: Zoom's language interpretation does not work in personal meetings.
meeting-personal-warning = This is a personal meeting link (zoom.us/my/…). Zoom’s language interpretation does not work in personal meetings, so Russian interpretation may not be available. Ask the organisers for the meeting’s own link.

## Listening to the interpretation. Button and menu names are Zoom’s own.

meeting-interpretation-title = Listening in Russian
meeting-interpretation-show = How to listen in Russian
meeting-interpretation-step1 = In the meeting controls, click Interpretation (the globe icon).
meeting-interpretation-step2 = Choose Russian.
meeting-interpretation-step3 = If you like, turn on “Mute original audio” to hear only the interpreter.
meeting-interpretation-step4 = In the web client and on phones and tablets you can only listen. On a computer, use the Zoom desktop app, version 5.2.1 or newer.

## Why a pasted text or link cannot be used. One message per LinkError code in crates/workshop-core/src/meeting.rs.

meeting-error-title = This is not a Zoom meeting link we can use
meeting-error-empty = Paste your invitation e-mail or the Zoom link first.
meeting-error-too-long = The text is too long. Paste only the invitation e-mail or just the Zoom link.
meeting-error-not-text = This does not look like text. Copy the invitation e-mail again and paste it here.
meeting-error-no-link = No Zoom link was found in this text. Look for a link that starts with https:// and contains zoom.us (or zoom.com).
meeting-error-extra-text = Enter only the link, without any other text around it.
meeting-error-not-https = The link must start with https://. Copy the link from your invitation e-mail.
meeting-error-bad-url = This link is damaged or incomplete. Copy it again from your invitation e-mail.
meeting-error-not-zoom-host = This link does not lead to Zoom. Use the link from your invitation e-mail: its address ends in zoom.us, zoom.com or zoomgov.com (such as us02web.zoom.us).
meeting-error-credentials = This link has a user name or password in front of the address, which Zoom links never have. Use the link from your invitation e-mail.
meeting-error-port = This link names a network port, which Zoom links never do. Use the link from your invitation e-mail.
meeting-error-bad-path = This Zoom link does not lead to a meeting. Meeting links contain /j/, /w/ or /my/.
meeting-error-start-link = This is the host’s link for starting the meeting. Participants join with the link from the invitation, which contains /j/.
meeting-error-registration-link = This is a registration page. Register there first: Zoom will then e-mail you your own link to join.
meeting-error-bad-meeting-id = The meeting ID in this link is not valid. Meeting IDs have 9 to 11 digits.
meeting-error-bad-personal-name = The personal meeting name in this link is not valid. Copy the link again from your invitation e-mail.
meeting-error-id-mismatch = The link and the meeting ID in the text do not match. Check that you pasted only one invitation, or ask the organisers.
meeting-error-several-meetings = The text has links to different meetings. Paste only the invitation to this workshop.
meeting-error-conflicting-links = The text has two different links to this meeting: { $first } and { $second }. Only one of them can be right. Ask the organisers which one to use, or paste only their latest invitation.
meeting-error-truncated-link = This link is cut short: { $url } ends in “…”, so part of it is missing. Copy the whole link from your invitation e-mail (open the e-mail itself, not a preview).
meeting-error-rewritten-link = Your mail system ({ $gateway }) replaced the Zoom link with a link of its own, and the original cannot be recovered from it. Open the original invitation — for example the calendar entry, or ask the organisers to send the link again — and copy the Zoom link from there.
