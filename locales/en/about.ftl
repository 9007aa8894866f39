# About screen: the Almaty Process, its members, the RTCM, and this app.
# Inline markup: **bold**, *italic*, [link text](resource-id).

about-title = About

## The Almaty Process

about-almaty-heading = The Almaty Process
# The full name is the one IOM uses. Do not call it "Regional Consultative Process on Mixed Migration and International Protection".
about-almaty-p1 = The Almaty Process on Refugee Protection and International Migration was established as a regional consultative process at the Ministerial Conference held in Almaty on 5 June 2013, following the Almaty Declaration of 2011.
# "IOM’s page" links to the Almaty Process page on the IOM website.
about-almaty-p2 = The chairmanship rotates: Azerbaijan chaired the Process in 2023–2024, when this workshop took place. The chair’s government acts as the Secretariat, with the International Organization for Migration (IOM) and UNHCR, the UN Refugee Agency, performing the functions of a Support Unit. More on [IOM’s page](almaty-process).

## Member States (as listed by IOM)

about-members-heading = Member States
about-member-afghanistan = Afghanistan
about-member-azerbaijan = Azerbaijan
about-member-kazakhstan = Kazakhstan
about-member-kyrgyzstan = Kyrgyzstan
about-member-tajikistan = Tajikistan
about-member-turkiye = Türkiye

## Observer States (as listed by IOM)

about-observers-heading = Observer States
# Short name of the Islamic Republic of Iran.
about-observer-iran = Iran
about-observer-italy = Italy
about-observer-pakistan = Pakistan
about-observer-turkmenistan = Turkmenistan

## Regional Training Center on Migration

about-rtcm-heading = Regional Training Center on Migration (RTCM)
about-rtcm-p1 = An IOM Development Fund project supports the establishment of the Regional Training Center on Migration in Azerbaijan, together with the State Migration Service of the Republic of Azerbaijan. The concept note proposes using the RTCM as a specialised regional structure for training and research among the participating states, for dialogue on capacity building, and for more coordinated and systematic sharing of data and information.

## This app

about-app-heading = About this app
about-app-p1 = This is an unofficial companion app for participants: it presents the organisers’ concept note and agenda, works offline, and opens official pages in your browser.
