// @ts-check
// The IPC contract: what each Rust command returns, as JSDoc types, so `tsc --noEmit -p tools/typecheck` checks
// every view against the serde shapes (src-tauri/src/*.rs; crates/workshop-core/src/views.rs, wording.rs,
// search.rs, schedule.rs, settings.rs). `Commands` maps each command name to its result; `call` in ipc.js is typed
// by it. Types only: no module imports this one at run time. Rust's `Option` arrives as `null`.

export {};

/** @typedef {'en' | 'ru'} Lang */
/** @typedef {'system' | 'light' | 'dark'} Theme */
/** @typedef {'chosen' | 'computer' | 'fallback'} ZoneSource */

/**
 * The text size's range and steps, in percent of normal (workshop_core::settings).
 * @typedef {object} TextScaleLimits
 * @property {number} min
 * @property {number} max
 * @property {number} step
 * @property {number} normal
 */

/**
 * `app_info`, and what `set_language`, `set_theme` and `set_text_scale` return.
 * @typedef {object} AppInfo
 * @property {string} version
 * @property {Lang} lang
 * @property {string} title
 * @property {string} zone
 * @property {ZoneSource} zone_source
 * @property {Theme} theme
 * @property {number} text_scale percent of normal
 * @property {TextScaleLimits} text_scale_limits
 * @property {boolean} large_text the one-column layout for large text (Rust decides from which size)
 * @property {ShownNotice[]} notices one-time messages
 */

/**
 * A one-time message (views.rs `ShownNotice`), worded in the window's language (`message`) and in each language
 * by code (`messages`).
 * @typedef {object} ShownNotice
 * @property {string} id
 * @property {string} message
 * @property {Record<string, string>} messages
 */

/**
 * One time range as seen in one zone, formatted by Rust.
 * @typedef {object} ZoneRange
 * @property {string} zone
 * @property {string} abbrev
 * @property {string} offset "UTC+4"
 * @property {string} date
 * @property {string} start "10:00"
 * @property {string} end
 * @property {-1 | 0 | 1} day_shift the start's day relative to the event's date in the event's zone
 */

/**
 * Where the event stands (schedule::Phase, tagged by `phase`).
 * @typedef {{ phase: 'before', starts_in_seconds: number, soon: boolean }
 *   | { phase: 'during', current: number | null, next: number | null, current_ends_in_seconds: number }
 *   | { phase: 'after' }} Phase
 */

/**
 * `overview`
 * @typedef {object} Overview
 * @property {string} date
 * @property {ZoneRange} event
 * @property {ZoneRange} local
 * @property {boolean} same_offset one column is enough
 * @property {Phase} phase
 * @property {number[]} aims the aims' numbers, for `overview-aim-<n>`: as many as the event pack has
 * @property {OverviewDay[]} days an event over several days, day by day (its items' span); empty for one day
 */

/**
 * One day of an event over several days.
 * @typedef {object} OverviewDay
 * @property {string} date the day in the event's zone, long form
 * @property {ZoneRange} event
 * @property {ZoneRange} local
 */

/**
 * `concept`: the concept note's paragraphs' numbers, for `concept-p<n>`: as many as the event pack has.
 * @typedef {object} Concept
 * @property {number[]} paragraphs
 */

/** @typedef {'past' | 'now' | 'next' | 'later'} ItemState */

/**
 * @typedef {object} AgendaRow
 * @property {string} id
 * @property {string | null} day a multi-day event's day (with weekday) on each day's first item, else null
 * @property {number | null} session
 * @property {ZoneRange} event
 * @property {ZoneRange} local
 * @property {string[]} topics
 * @property {{ id: string, tbc: boolean }[]} speakers
 * @property {ItemState} state
 */

/**
 * `agenda`
 * @typedef {object} Agenda
 * @property {boolean} same_offset the participant's zone has the event's offset on that day
 * @property {AgendaRow[]} rows
 */

/**
 * `resources`: one card per document or initiative.
 * @typedef {object} ResourceCard
 * @property {string} id
 * @property {string | null} symbol
 * @property {string | null} date
 * @property {string | null} host where "Open" leads
 */

/** @typedef {'before' | 'soon' | 'during' | 'after'} Stage */

/**
 * A Zoom link as the panel shows it (never sent back).
 * @typedef {object} LinkView
 * @property {string} url
 * @property {string} host
 * @property {'meeting' | 'webinar' | 'personal'} kind
 * @property {string | null} meeting_id grouped as Zoom prints it
 * @property {string | null} passcode
 * @property {boolean} personal
 * @property {boolean} browser "Join from the browser" can be offered
 */

/**
 * `meeting`, `meeting_save`, `meeting_remove`: everything the join panel shows.
 * @typedef {object} MeetingPanel
 * @property {LinkView | null} link
 * @property {'saved' | 'event' | null} source
 * @property {boolean} event_link
 * @property {Stage} stage
 * @property {boolean} prominent
 * @property {boolean} interpretation
 * @property {boolean} guide_open
 */

/**
 * The join panel's part of the live state.
 * @typedef {object} LiveMeeting
 * @property {Stage} stage
 * @property {boolean} prominent
 */

/**
 * `live`: the parts of Overview and Agenda that change as time passes, worded.
 * @typedef {object} Live
 * @property {Phase} phase
 * @property {string} status
 * @property {string | null} detail
 * @property {string | null} left time left in the running item
 * @property {string | null} current id of the running item
 * @property {string | null} next
 * @property {{ id: string, state: ItemState }[]} states
 * @property {LiveMeeting} meeting
 */

/**
 * @typedef {object} ZoneEntry
 * @property {string} zone the IANA id
 * @property {string} offset "UTC+6" on the event's first day
 * @property {string} label city, country and offset in the interface language: "Almaty, Kazakhstan — UTC+6"
 */

/**
 * `set_timezone`: the zone in force and where it comes from.
 * @typedef {object} ZoneChoice
 * @property {string} current
 * @property {string} offset
 * @property {string} place the zone's city and country in the interface language, or its id
 * @property {ZoneSource} source
 * @property {string | null} computer
 */

/**
 * `zones` (`{query}`: what the participant typed, or null for all): the picker's list, the Almaty Process
 * countries' zones first, then the others by label.
 * @typedef {ZoneChoice & { zones: ZoneEntry[], region_count: number }} Zones
 */

/**
 * `set_reminders`, and `settings_view`'s `reminders`
 * @typedef {object} ReminderSettings
 * @property {boolean} enabled
 * @property {number} minutes
 * @property {number[]} choices
 */

/**
 * Inline markup of a rich message (markup::Segment, tagged by `t`).
 * @typedef {{ t: 'text', s: string } | { t: 'strong' | 'em', c: Segment[] } | { t: 'link', to: string, c: Segment[] }} Segment
 */

/**
 * What `localize` is asked for.
 * @typedef {object} L10nRequest
 * @property {string} id
 * @property {Record<string, unknown> | null} args
 * @property {boolean} rich
 */

/**
 * @typedef {object} L10nResponse
 * @property {string} value
 * @property {Record<string, string>} attrs
 * @property {Segment[]} [rich] only when asked for
 */

/**
 * `search`: one place found.
 * @typedef {object} Hit
 * @property {string} view
 * @property {string} anchor
 * @property {string} title
 * @property {string} snippet
 * @property {{ s: string, mark?: boolean }[]} parts the snippet, with the words found marked
 */

/**
 * `search`: the places found in the participant's language; when there are none, another language whose texts
 * have the words, and in how many places.
 * @typedef {object} SearchAnswer
 * @property {Hit[]} hits
 * @property {{ lang: string, count: number } | null} elsewhere
 */

/**
 * `gcm`: the Global Compact's objectives (numbers) and guiding principles (ids), for Fluent ids.
 * @typedef {object} Gcm
 * @property {number[]} objectives
 * @property {string[]} principles
 */

/** @typedef {'builtin' | 'machine' | 'user'} KeySource */

/**
 * Who signed an event pack (packs.rs `SignerView`).
 * @typedef {object} SignerView
 * @property {string} key minisign key id: up to 16 upper-case hex digits, no leading zeros
 * @property {KeySource} source
 * @property {string} text "Signed with key … (…)." in the participant's language
 */

/**
 * `events`: one event the app can show (packs.rs `EventEntry`).
 * @typedef {object} EventEntry
 * @property {string} id
 * @property {string} title
 * @property {string} date long form, localised
 * @property {'upcoming' | 'now' | 'past'} status
 * @property {string} status_text
 * @property {boolean} shown the event shown now
 * @property {SignerView | null} signer null for the built-in workshop
 */

/**
 * `open_pack`: what opening a pack did (packs.rs `PackOpened`).
 * @typedef {object} PackOpened
 * @property {string} id
 * @property {string} title
 * @property {number} version
 * @property {'installed' | 'upgraded' | 'same'} outcome
 * @property {string} message localised headline
 * @property {SignerView} signer
 * @property {string[]} changes localised, one per change
 */

/**
 * `trust_key`, `pick_key`, `settings_view`'s `trusted_keys`: a key trusted (or about to be) to sign packs (packs.rs `KeyView`).
 * @typedef {object} KeyView
 * @property {string} id
 * @property {string} fingerprint the public key in base64, as organisers publish it
 * @property {KeySource} source
 * @property {string} source_text
 */

/**
 * `first_view`: what start-up needs for the overview, each field as its own command returns it.
 * @typedef {object} FirstView
 * @property {AppInfo} info
 * @property {Overview} overview
 * @property {Live} live
 * @property {Agenda} agenda
 * @property {MeetingPanel} meeting
 */

/**
 * `settings_view`: the names of the time-zone list's two groups, in the participant's language.
 * @typedef {object} ZoneGroups
 * @property {string} region the Almaty Process countries' zones
 * @property {string} all every other zone
 */

/**
 * `settings_view`: what the Settings view needs; `zones` and `meeting` as those commands return them, `reminders`
 * as `set_reminders` answers, `trusted_keys` as `trust_key` answers.
 * @typedef {object} SettingsView
 * @property {Zones} zones every zone, as `zones` without a query
 * @property {ZoneGroups} zone_groups
 * @property {ReminderSettings} reminders
 * @property {MeetingPanel} meeting
 * @property {KeyView[]} trusted_keys
 */

/**
 * Every command's result. Commands that only act return `null`.
 * @typedef {object} Commands
 * @property {AppInfo} app_info
 * @property {FirstView} first_view
 * @property {SettingsView} settings_view
 * @property {ShownNotice[]} notices
 * @property {L10nResponse[]} localize
 * @property {AppInfo} set_language
 * @property {Overview} overview
 * @property {Concept} concept
 * @property {Agenda} agenda
 * @property {ResourceCard[]} resources
 * @property {null} open_resource
 * @property {Gcm} gcm
 * @property {MeetingPanel} meeting
 * @property {LinkView} meeting_check
 * @property {MeetingPanel} meeting_save
 * @property {MeetingPanel} meeting_remove
 * @property {null} join
 * @property {null} join_browser
 * @property {null} copy_meeting
 * @property {Zones} zones
 * @property {ZoneChoice} set_timezone
 * @property {Live} live
 * @property {ReminderSettings} set_reminders
 * @property {string} export_calendar the saved file's path
 * @property {SearchAnswer} search
 * @property {AppInfo} set_theme
 * @property {AppInfo} set_text_scale
 * @property {EventEntry[]} events
 * @property {null} show_event
 * @property {PackOpened} open_pack
 * @property {KeyView} pick_key the key held until `trust_key`
 * @property {KeyView[]} trust_key
 */

/**
 * What main.js hands every view: the app's state and its actions.
 * @typedef {object} App
 * @property {AppInfo | null} info null until `app_info` answered
 * @property {string} view
 * @property {(e: unknown) => void} showError
 * @property {(name: string, focusId?: string | null, options?: { push?: boolean }) => Promise<void>} go
 * @property {() => Promise<void>} refresh
 * @property {(lang: string) => Promise<void>} setLanguage
 * @property {(info: AppInfo) => void} applyInfo
 */
