# The event's resources: one card per resource in this pack's event.json.
# Each card: resource-<id> (the title) with exactly one attribute, .description.
# Descriptions are short summaries written for this app, based only on the checked facts in
# shared/facts/gcm-resources.md. Never state an item marked UNCONFIRMED there as fact.
# The URL, date and document symbol come from event.json, not from this file.
# The card's labels and buttons are the app's, in locales/en/resources.ftl.
# Inline markup: **bold**, *italic*, [text](resource-id).

## Resource cards

resource-gcm = Global Compact for Safe, Orderly and Regular Migration (GCM)
    .description = The Intergovernmental Conference in Marrakech on 10–11 December 2018 adopted the Compact, and the UN General Assembly endorsed it on 19 December 2018 in resolution 73/195. It is a non-legally binding cooperative framework with 10 guiding principles and 23 objectives. The resolution adds that it is also to be known as the Marrakech Compact on Migration.

# Only the adoption date (18 September 2023) is confirmed. Do not add a resolution symbol or the
# date of the General Assembly's endorsement, and do not quote paragraph 29 as verified text.
resource-sdg-declaration = Political Declaration of the SDG Summit 2023
    .description = Adopted on 18 September 2023 by the high-level political forum on sustainable development, meeting under the auspices of the General Assembly (the SDG Summit); the General Assembly adopted it on 29 September 2023 as resolution 78/1. The concept note cites its paragraph 29 on the positive contribution of migrants to inclusive growth and sustainable development. For the exact wording, open the official text.

resource-unece-review-2024 = GCM Regional Review for the UNECE region (March 2024)
    .description = The second regional review of the GCM for the UNECE region: an intergovernmental conference on 11 March 2024 at the Palais des Nations in Geneva, preceded by a stakeholder hearing and held just before the Regional Forum on Sustainable Development (13–14 March 2024). It is co-chaired by Spain and the Republic of Moldova. It is the first of five regional reviews that will inform the International Migration Review Forum in 2026.

# The note itself has not been checked: describe it only as cited by the concept note.
resource-unece-excom-note = UNECE Executive Committee note on the GCM regional review
    .description = The concept note cites, in a footnote on the March 2024 regional review, a note on the GCM regional review prepared for item 7 of the 128th meeting of the UNECE Executive Committee (15 May 2023). The link is the address given in the concept note; the document itself has not been checked for this app.

# event.json has no URL for this resource: no official address is confirmed.
resource-imrf-progress-declaration = Progress Declaration of the International Migration Review Forum (2022)
    .description = The outcome of the first International Migration Review Forum, held on 17–20 May 2022 at UN Headquarters in New York. It was adopted by consensus, and the General Assembly endorsed it, also by consensus, on 7 June 2022. Its paragraph 3 restates the 10 guiding principles of the GCM. The app does not link it because no official address is confirmed here.

resource-pledges = GCM pledging initiative
    .description = Launched on 10 December 2021 by the President of the 76th session of the General Assembly together with the UN Network on Migration. A pledge is a measurable commitment to advance the principles, objectives or actions of the GCM; it can be financial, human-resource, process-oriented or policy-oriented, and joint or matching pledges are encouraged. By the close of the International Migration Review Forum in May 2022, more than 200 pledges had been made and more than USD 400 million announced for the Migration Multi-Partner Trust Fund.

resource-gcm-talks = GCM Talks
    .description = A series launched by the UN Network on Migration in February 2023: global and regional consultations and peer-learning exchanges. Their results feed into the GCM regional reviews and the Secretary-General's 2024 report. Topics in 2023 included indicators, saving lives, discrimination and smuggling of migrants.

resource-champion-countries = GCM Champion Countries
    .description = Member States invited by the UN Network on Migration to champion the implementation of the GCM; they receive explicit support from the Network and share their lessons learned. Azerbaijan is one of them: on 1 February 2022 it co-convened, with Luxembourg and Portugal, a briefing for the UNECE region ahead of the International Migration Review Forum.

resource-hub = Migration Network Hub
    .description = Launched in Geneva on 18 March 2021. It is the knowledge platform and connection hub of the GCM capacity-building mechanism.

resource-gcm-guidance = GCM implementation guidance
    .description = *Implementing the GCM: Guidance for governments and all relevant stakeholders* consists of a Guide and a Booklet that set out a six-step process for putting the GCM into practice. It is available in English, French and Spanish and was developed in the UN Network on Migration's Core Working Group 2.2 (IOM, OHCHR and UNDP).

resource-network-workplan = UN Network on Migration workplan and workstreams
    .description = The Network's workplan for 2022–2024 organises its work into workstreams, for example on regular pathways, smuggling of migrants and measuring progress. These are the UNMN Workstreams mentioned in Session 2 of the agenda.

resource-regional-reviews = GCM Regional Reviews: the first round (2020–2021)
    .description = The first round of regional reviews of the GCM took place in 2020–2021: in the UNECE region on 12–13 November 2020 (online, after a stakeholder consultation on 9 November), in the Arab region from June 2020 to February 2021, in Asia and the Pacific on 10–12 March 2021, and in Latin America and the Caribbean in April 2021. The International Migration Review Forum of 2022 followed as the first global review. The next round opened with the [UNECE regional review in March 2024](unece-review-2024).

resource-gfmd = Global Forum on Migration and Development (GFMD)
    .description = A state-led, informal, non-binding and voluntary process. It was proposed at the 2006 UN High-level Dialogue on International Migration and Development and held its first meeting in Brussels on 9–11 July 2007. The agenda lists it among the fora for synergies with the GCM.

# Do not call it "Regional Consultative Process on Mixed Migration and International Protection".
resource-almaty-process = Almaty Process on Refugee Protection and International Migration
    .description = A regional consultative process established at a Ministerial Conference in Almaty on 5 June 2013; the Almaty Declaration dates from 2011. According to IOM, its members are Afghanistan, Azerbaijan, Kazakhstan, Kyrgyzstan, Tajikistan and Türkiye, and its observers are Iran, Italy, Pakistan and Turkmenistan. Azerbaijan took over the chairmanship in 2023; its priorities are the subject of Session 3.

resource-world-migration-report = World Migration Report 2022 (IOM)
    .description = Released by IOM on 1 December 2021. Based on UN DESA estimates, it counts about 281 million international migrants in 2020, or 3.6 per cent of the world's population: 128 million more than in 1990 and over three times the 1970 figure. The concept note quotes the same 281 million.
