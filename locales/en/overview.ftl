# Overview screen: the event at a glance.
# Inline markup: **bold**, *italic*, [link text](resource-id).

## Event name (also used by other screens)

# The window and page title.
event-title = Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the Almaty Process
# Short form for narrow places (tabs, notifications).
event-title-short = GCM workshop — Almaty Process

## Overview screen

overview-title = Overview
# Same text as event-title, shown as the screen heading.
overview-heading = Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the Almaty Process

## Key facts: each label is followed by its value

overview-held-by-label = Organised by
overview-held-by = The Almaty Process, within the Regional Training Center on Migration (RTCM), under the Chairmanship of Azerbaijan (2023–2024)
# The value for "When" is formatted by the app from the event data.
overview-when-label = When
overview-where-label = Where
overview-where = Online, on Zoom
overview-languages-label = Languages
overview-languages = English, with simultaneous Russian interpretation

## Aims of the workshop, drawn from the concept note (a bulleted list)

overview-aims-heading = What the workshop is for
overview-aim-1 = A refresher on the [GCM](gcm), its purpose, and how it strengthens the complementarity between the GCM and sustainable development.
overview-aim-2 = An in-depth assessment of the outcomes of the first [GCM Regional Reviews](regional-reviews) (2020) and of the first International Migration Review Forum (2022).
overview-aim-3 = A briefing on how Member States can engage ahead of the [UNECE regional review of the GCM](unece-review-2024) in March 2024, the support on offer, and the objectives and structure of the [GCM Talks](gcm-talks).
# Azerbaijan is a GCM Champion Country; its State Migration Service shares its experience of the initiative.
overview-aim-4 = A presentation of the [GCM Champion Country initiative](champion-countries) and the [pledging initiative](pledges), with the State Migration Service of Azerbaijan sharing its experience.
overview-aim-5 = Exploring how the Regional Training Center on Migration (RTCM) can support training and research in the region.

## Materials

overview-materials = All the materials — the concept note, the agenda and the resources — remain available in this app, even offline.
