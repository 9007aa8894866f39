# Event packs: why one cannot be opened or installed (gcm-workshop open, pack check, the Open dialog).
pack-error-not-a-pack = This file is not an event pack, or it is damaged or incomplete ({ $detail }).
pack-error-unexpected-entry = This event pack holds something it must not ({ $name }). It was not opened.
pack-error-unsigned = This event pack is not signed, so its origin cannot be checked. Ask the organisers for the signed pack.
pack-error-bad-signature-file = The signature of this event pack cannot be read ({ $detail }).
pack-error-unknown-key = This event pack is signed with key { $key }, which this computer does not trust. Add the organisers' key only if you received it from them through a channel you trust.
pack-error-bad-signature = This event pack was changed after it was signed with key { $key }. It was not opened.
pack-error-bad-key = This is not a minisign public key ({ $detail }).
pack-error-unsafe-entry = This event pack contains an unsafe entry “{ $name }” (a path leading out of the pack, a link, or encryption). It was not opened.
pack-error-duplicate-entry = This event pack contains the entry “{ $name }” twice. It was not opened.
pack-error-too-large = This event pack is too large: { $what } is over the limit of { $limit }.
pack-error-not-utf8 = The file { $file } in this event pack is not UTF-8 text.
pack-error-invalid = This event pack has { $count } problem(s), for example: { $first }
pack-error-builtin-id = This event pack claims to be the built-in workshop “{ $id }” but is signed with key { $key }, which is not the organisers' key shipped with the app.
pack-error-older = A newer version ({ $installed }) of this workshop is already installed; this pack is version { $offered }.

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
pack-change-item-moved = Moved: { $item }, now { $start }–{ $end }
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
