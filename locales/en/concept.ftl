# Concept note screen: the app's own lines. The note itself (heading, paragraphs, footnote) is the event
# pack's (packs/gcm-almaty-process-2023/locales/en/concept.ftl).
# Inline markup: **bold**, *italic*, [link text](resource-id); `join` opens the join panel.

## Header

concept-title = Concept note
# "here" links to the join panel.
concept-participate = Participate [here](join).
