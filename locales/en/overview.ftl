# Overview screen: the event at a glance. These are the screen's labels; the event's name and the values
# (who holds it, where, languages, aims) are the event pack's (packs/gcm-almaty-process-2023/locales/en/event.ftl).
# Inline markup: **bold**, *italic*, [link text](resource-id).

## Overview screen

overview-title = Overview

## Key facts: each label is followed by its value

overview-held-by-label = Organised by
# The value for "When" is formatted by the app from the event data.
overview-when-label = When
overview-where-label = Where
overview-languages-label = Languages

## Aims of the workshop, drawn from the concept note (a bulleted list)

overview-aims-heading = What the workshop is for

## Materials

overview-materials = All the materials — the concept note, the agenda and the resources — remain available in this app, even offline.
