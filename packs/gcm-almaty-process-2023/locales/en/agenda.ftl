# The event's agenda: session titles, topic bullets and speakers.
# Source: the agenda at the end of the concept note (workshop of 5 December 2023).
# Message ids follow this pack's event.json:
#   agenda-<item id>-title, agenda-<item id>-topic-<topic id>, speaker-<speaker id>.
# The app's own labels (agenda-title, agenda-session-label, agenda-tbc) are in locales/en/agenda.ftl.
# Inline markup: **bold**, *italic*, [text](resource-id). Keep wording faithful to the source.

## Agenda items

agenda-opening-title = Opening
agenda-session-1-title = Global Compact for Safe, Orderly and Regular Migration (GCM) and UN Network on Migration (UNMN)
agenda-session-2-title = State of play, resources, and way forward
agenda-session-3-title = Chairmanship of Azerbaijan in Almaty Process: priorities and vision
agenda-session-4-title = Regional Training Center on Migration and GCM
agenda-questions-title = Questions and Answers
agenda-closing-title = Closing Remarks

## Topics of Session 1

agenda-session-1-topic-intro = Introduction to GCM (history, purpose, structure)
agenda-session-1-topic-objectives = Objectives and Guiding Principles, 360-degree vision

## Topics of Session 2

# The parenthesised lists are in italics in the source.
agenda-session-2-topic-reviews = Previous GCM Reviews (*GCM Regional Review 2020, International Migration Review Forum 2022*)
agenda-session-2-topic-upcoming = Upcoming GCM Regional Review expectations and preparations (*GCM Talks, Champion Country Initiatives, Migration Network Hub, Pledging Initiative, Good Practices*)
agenda-session-2-topic-resources = GCM Support and Implementation resources (*GCM Implementation guide, UNMN Workstreams*)
# The source capitalises "Regional Forum For Sustainable Development" once; normalised to "for" here.
agenda-session-2-topic-synergies = Synergies with other summits, frameworks and fora, including the Regional Forum for Sustainable Development, and Inter-state Consultation Mechanisms (*Regional Forum for Sustainable Development, Global Forum on Migration and Development, Almaty Process*)

## Speakers

# The source's opening line reads "Representative from c (TBC)": the organisation is missing.
# Do not guess it. The app shows the TBC marker itself, so the text must not say "TBC".
speaker-rep-sms-opening = Representative (organisation not yet specified)
speaker-rep-rco = Representative from the UN Resident Coordinator's Office in Azerbaijan
# Surname in capitals, as in the source.
speaker-amr-taha = Amr TAHA
    .role = Chief of Mission a.i., International Organization for Migration, Azerbaijan
speaker-rep-secretariat = Representative from the Secretariat of the Almaty Process
speaker-kanako-mabuchi = Kanako MABUCHI
    .role = Head of the UN Resident Coordinator's Office in Azerbaijan
speaker-azrah-karim-rajput = Azrah KARIM RAJPUT
    .role = Liaison and Policy Officer, United Nations Network on Migration Secretariat
# Speaker of Sessions 3 and 4.
speaker-rep-sms = Representative from the State Migration Service (SMS) of the Republic of Azerbaijan
speaker-rep-sms-closing = Representative from the State Migration Service of the Republic of Azerbaijan
