# Event packs: why one cannot be opened or installed (gcm-workshop open, pack check, the Open dialog).
pack-error-not-a-pack = This file is not an event pack. An event pack is a .gcmpack file made by the organisers.
pack-error-unexpected-entry = This event pack holds something it must not ({ $name }). It was not opened.
pack-error-unsigned = This event pack is not signed, so its origin cannot be checked. Ask the organisers for the signed pack.
pack-error-bad-signature-file = The signature of this event pack cannot be read ({ $detail }).
pack-error-unknown-key = This event pack is signed with key { $key }, which this computer does not trust. If the organisers sent you their key (a .pub file) through a channel you trust, add it in Settings, “Add a key…”, or with: gcm-workshop trust add KEY.pub
pack-error-bad-signature = This event pack was changed after it was signed with key { $key }. It was not opened.
pack-error-bad-key = This file is not a minisign public key. The organisers' public key is a small text file ending in .pub.
pack-error-unsafe-entry = This event pack contains an unsafe entry “{ $name }” (a path leading out of the pack, a link, or encryption). It was not opened.
pack-error-duplicate-entry = This event pack contains the entry “{ $name }” twice. It was not opened.
pack-error-too-large = This event pack is too large: { $what } is over the limit of { $limit }.
pack-error-not-utf8 = The file { $file } in this event pack is not UTF-8 text.
pack-error-invalid = { $count ->
        [one] This event pack has a problem: { $first }
       *[other] This event pack has { $count } problems, for example: { $first }
    }
pack-error-builtin-id = This event pack claims to be the built-in workshop “{ $id }” but is signed with key { $key }, which is not the organisers' key shipped with the app.
pack-error-older = A newer version ({ $installed }) of this event is already installed; this pack is version { $offered }.
pack-error-signer-changed = This event is installed signed with key { $installed }; this pack is signed with another key, { $key }, so it was not installed. Ask the organisers: an update comes signed with the same key.

# gcm-workshop open, trust, events
pack-installed = Installed “{ $title }” ({ $date }), version { $version }.
pack-upgraded = Updated “{ $title }” ({ $date }) from version { $from } to { $version }.
pack-changes-label = What changed:
pack-same = “{ $title }” version { $version } is already installed; nothing changed.
pack-signed-by = Signed with key { $key } ({ $source }).
pack-key-source-builtin = a key shipped with the app
pack-key-source-machine = a key installed on this computer by its administrators
pack-key-source-user = a key you added
pack-change-event-moved = The event now takes place on { $date }, { $start }–{ $end }.
pack-change-item-added = New in the agenda: { $item }
pack-change-item-removed = Removed from the agenda: { $item }
pack-change-item-moved = Moved: { $item }, now { $when }
pack-change-speaker-confirmed = Confirmed: { $speaker } ({ $item })
pack-change-speaker-added = New speaker: { $speaker } ({ $item })
pack-change-speaker-removed = No longer speaking: { $speaker } ({ $item })
pack-change-meeting = The meeting link has changed.
trust-added = Key { $key } is now trusted to sign event packs on this computer.
trust-fingerprint = Public key: { $fingerprint }
trust-warning = Add only a key you received from the organisers through a channel you trust, and check that the key above is the one they published.
events-status-upcoming = upcoming
events-status-now = now
events-status-past = past

# The window: the Workshops view and the trusted keys in Settings
nav-events = Workshops
events-title = Workshops and trainings
events-intro = The events in this app. To add one, open the event pack (.gcmpack file) the organisers sent you; it opens only if they signed it with a key this computer trusts.
events-open = Open event pack…
events-show = Show this event
    .aria-label = Show “{ $title }”
events-shown = Shown now
events-builtin = Built into the app
events-opened-heading = Event pack opened
events-changes-heading = What changed
events-show-opened = Show this event
trust-heading = Keys trusted to sign event packs
trust-intro = An event pack opens only when it is signed with one of these keys: keys shipped with the app, keys your administrators installed, and keys you added.
trust-none = No keys yet. Add the organisers' key when they send it to you.
trust-pick = Add a key…
trust-confirm-heading = Trust this key?
trust-key-id = Key ID:
trust-key-public = Public key:
trust-confirm = Trust this key
trust-cancel = Cancel
# An event pack opened at launch: what happened, worded by the app in each language (`Notice::worded`).
notice-pack = { $text }

# Event packs: more reasons
pack-error-not-found = The file was not found. Check its name and folder.
pack-error-unreadable = The file cannot be read ({ $detail }).
pack-error-damaged = This event pack is damaged or incomplete; it may have been cut short while it was downloaded or saved. Ask the organisers to send it again.
pack-error-secret-key = This is a secret key, which must stay with the organisers. Add their public key (the .pub file) instead.
pack-error-public-key = This is a public key. Signing takes the secret key made by “minisign -G” (minisign.key).
pack-change-event-moved-days = The event now takes place from { $date } to { $end_date }, { $start }–{ $end }.
pack-change-item-shortened = Shortened: { $item }, now { $when }
pack-change-item-lengthened = Extended: { $item }, now { $when }
pack-change-item-rescheduled = New time: { $item }, now { $when }
trust-already = Key { $key } is already trusted on this computer ({ $source }); nothing changed.
trust-none-cli = No keys are trusted yet. To add the organisers' key (a .pub file they sent you): gcm-workshop trust add KEY.pub

# gcm-workshop pack check and pack build (for organisers)
pack-check-problems = { $count ->
        [one] The pack has 1 problem (listed above).
       *[other] The pack has { $count } problems (listed above).
    }
pack-build-out-name = “{ $out }” is neither a folder nor a .gcmpack file. Give a folder (ending in /) or a file name such as { $name }.
pack-build-not-a-folder = “pack build” takes the pack's source folder (event.json and the locales folder), not a file. To check a built .gcmpack, use “pack check”.
pack-sign-unreadable = The key file cannot be read.
pack-sign-public-key = This is the public key (.pub). Sign with the secret key made by “minisign -G” (minisign.key).
pack-sign-not-a-key = This is not a minisign secret key. Make one with “minisign -G”.
pack-sign-password-needed = The key is protected by a password, and there is no terminal to ask for it. Set the MINISIGN_PASSWORD environment variable.
pack-sign-wrong-password = The password does not open this key.
