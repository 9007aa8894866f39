# The event at a glance: its name, and the values of the Overview screen's key facts and aims.
# The labels ("Organised by", "When", …) are the app's, in locales/en/overview.ftl.
# Inline markup: **bold**, *italic*, [link text](resource-id).

## Event name (also used by other screens)

# The window and page title.
event-title = Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the Almaty Process
# Short form for narrow places (tabs, notifications).
event-title-short = GCM workshop — Almaty Process

## Overview screen

# Same text as event-title, shown as the screen heading.
overview-heading = Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the Almaty Process
overview-held-by = The Almaty Process, within the Regional Training Center on Migration (RTCM), under the Chairmanship of Azerbaijan (2023–2024)
overview-where = Online, on Zoom
overview-languages = English, with simultaneous Russian interpretation

## Aims of the workshop, drawn from the concept note (a bulleted list)
## overview-aim-1, overview-aim-2, … with no gap: the app shows as many as there are.

overview-aim-1 = A refresher on the [GCM](gcm), its purpose, and how it strengthens the complementarity between the GCM and sustainable development.
overview-aim-2 = An in-depth assessment of the outcomes of the first [GCM Regional Reviews](regional-reviews) (2020) and of the first International Migration Review Forum (2022).
overview-aim-3 = A briefing on how Member States can engage ahead of the [UNECE regional review of the GCM](unece-review-2024) in March 2024, the support on offer, and the objectives and structure of the [GCM Talks](gcm-talks).
# Azerbaijan is a GCM Champion Country; its State Migration Service shares its experience of the initiative.
overview-aim-4 = A presentation of the [GCM Champion Country initiative](champion-countries) and the [pledging initiative](pledges), with the State Migration Service of Azerbaijan sharing its experience.
overview-aim-5 = Exploring how the Regional Training Center on Migration (RTCM) can support training and research in the region.

## Calendar export

# The description of the whole workshop in a calendar entry.
calendar-description = Online workshop on Zoom, in English with simultaneous interpretation into Russian.

## The event's own time zone, named after its host city (the Agenda's first column, the Overview)

event-zone-label = Baku time
# The Overview's one line for both, when the participant's clock reads the same as the event's on the day.
event-zone-label-same = Baku time, also your time
# The Agenda: said under the date when both columns show the same times.
event-zone-same = On the workshop day your clock reads the same as Baku's.
