# "GCM at a glance" screen: a short introduction, the 23 objectives, the 10 guiding principles
# and the capacity-building mechanism of the Global Compact (A/RES/73/195).
# Objective and principle titles are the official English titles (para 16 and para 15); keep them verbatim.
# Do not add the General Assembly vote count: it is known only from a secondary source.
# Inline markup: **bold**, *italic*, [text](resource-id).

gcm-title = GCM at a glance
gcm-intro = The Global Compact for Safe, Orderly and Regular Migration was adopted at the Intergovernmental Conference in Marrakech on 10–11 December 2018 and endorsed by the UN General Assembly on 19 December 2018 in [resolution 73/195](gcm). It is a non-legally binding cooperative framework built on 10 guiding principles and 23 objectives.
gcm-translation-note = The titles on this page are those of the official English text of [resolution 73/195](gcm).

## Objectives (A/RES/73/195, para 16)

gcm-objectives-heading = The 23 objectives
gcm-objective-1 = Collect and utilize accurate and disaggregated data as a basis for evidence-based policies
gcm-objective-2 = Minimize the adverse drivers and structural factors that compel people to leave their country of origin
gcm-objective-3 = Provide accurate and timely information at all stages of migration
gcm-objective-4 = Ensure that all migrants have proof of legal identity and adequate documentation
gcm-objective-5 = Enhance availability and flexibility of pathways for regular migration
gcm-objective-6 = Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work
gcm-objective-7 = Address and reduce vulnerabilities in migration
gcm-objective-8 = Save lives and establish coordinated international efforts on missing migrants
gcm-objective-9 = Strengthen the transnational response to smuggling of migrants
gcm-objective-10 = Prevent, combat and eradicate trafficking in persons in the context of international migration
gcm-objective-11 = Manage borders in an integrated, secure and coordinated manner
gcm-objective-12 = Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral
gcm-objective-13 = Use migration detention only as a measure of last resort and work towards alternatives
gcm-objective-14 = Enhance consular protection, assistance and cooperation throughout the migration cycle
gcm-objective-15 = Provide access to basic services for migrants
gcm-objective-16 = Empower migrants and societies to realize full inclusion and social cohesion
gcm-objective-17 = Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration
gcm-objective-18 = Invest in skills development and facilitate mutual recognition of skills, qualifications and competences
gcm-objective-19 = Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries
gcm-objective-20 = Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants
gcm-objective-21 = Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration
gcm-objective-22 = Establish mechanisms for the portability of social security entitlements and earned benefits
gcm-objective-23 = Strengthen international cooperation and global partnerships for safe, orderly and regular migration

## Guiding principles (A/RES/73/195, para 15)

gcm-principles-heading = The 10 guiding principles
gcm-principle-people-centred = People-centred
gcm-principle-international-cooperation = International cooperation
gcm-principle-national-sovereignty = National sovereignty
gcm-principle-rule-of-law = Rule of law and due process
gcm-principle-sustainable-development = Sustainable development
gcm-principle-human-rights = Human rights
gcm-principle-gender-responsive = Gender-responsive
gcm-principle-child-sensitive = Child-sensitive
gcm-principle-whole-of-government = Whole-of-government approach
gcm-principle-whole-of-society = Whole-of-society approach

## Capacity-building mechanism (A/RES/73/195, para 43)

gcm-capacity = The GCM sets up a capacity-building mechanism made up of a connection hub, a start-up fund and a global knowledge platform; the [Migration Network Hub](hub) serves as its knowledge platform and connection hub.
