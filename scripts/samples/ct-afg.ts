// CT-AFG-2021: the 23 recommendations of the EU Counter-Terrorism Action Plan on Afghanistan
// (presented in autumn 2021), in its four topics.
//
// Seed 002 (Dutch government answers to Senate questions) gives the count ("23 aanbevelingen
// voor maatregelen, met vier hoofdonderwerpen"), the four topics (a) veiligheidscontroles,
// (b) strategische inlichtingen/prognoses, (c) monitoren en bestrijden van propaganda en
// mobilisatie, (d) bestrijden van georganiseerde criminaliteit als bron van
// terrorismefinanciering, and the content of recommendations 1, 2, 6, 8, 14 and 15. It also
// mentions subjects of the plan without their number (battlefield information, strategic
// information exchange with key partners, cooperation with Afghanistan's neighbours, opium
// production). It does NOT give the text of the other recommendations nor which numbers fall
// under which topic: those titles are short illustrative titles written to fit their topic
// (see `source`), and the split 7/4/6/6 over the topics is assumed. Titles are in English.

import type { CatalogueAction, ProgrammeSpec } from './progress.ts';

export const CT_AFG_TOPICS = [
	'a. Security checks',
	'b. Strategic intelligence and foresight',
	'c. Monitoring and countering propaganda and mobilisation',
	'd. Organised crime as a source of terrorist financing'
] as const;

const [A, B, C, D] = CT_AFG_TOPICS;

/**
 * Where a title comes from: `numbered` = seed 002 describes this recommendation by its number;
 * `mentioned` = seed 002 mentions the subject as part of the plan without a number (the
 * number is assumed); `illustrative` = written for the sample to fit its topic.
 */
export type TitleSource = 'numbered' | 'mentioned' | 'illustrative';

export interface CtAfgRecommendation extends CatalogueAction {
	source: TitleSource;
}

export const CT_AFG_RECOMMENDATIONS: readonly CtAfgRecommendation[] = [
	{
		id: 1,
		chapter: A,
		source: 'numbered',
		title:
			'Systematic checks of biographic and biometric data of Afghan or presumed Afghan nationals against the relevant databases, in line with the existing legal requirements',
		deadline: '2022-03-31',
		responsible: 'MS FRONTEX',
		continuous: true
	},
	{
		id: 2,
		chapter: A,
		source: 'numbered',
		title:
			'Build on the information-exchange practices developed for foreign terrorist fighters (Syria and Iraq)',
		deadline: '2022-06-30',
		responsible: 'MS EUROPOL',
		continuous: true
	},
	{
		id: 3,
		chapter: A,
		source: 'mentioned',
		title:
			'Make battlefield information from Afghanistan available to competent national authorities and Europol',
		deadline: '2022-12-31',
		responsible: 'MS EUROPOL EUCTC'
	},
	{
		id: 4,
		chapter: A,
		source: 'illustrative',
		title: 'Enter persons posing a terrorist threat in SIS with the terrorism marker',
		deadline: '2022-06-30',
		responsible: 'MS',
		continuous: true
	},
	{
		id: 5,
		chapter: A,
		source: 'illustrative',
		title:
			'Uniform security screening in the asylum procedure, with security signals passed to police and security services',
		deadline: '2022-12-31',
		responsible: 'MS',
		continuous: true
	},
	{
		id: 6,
		chapter: A,
		source: 'numbered',
		title:
			'Ask the United States to share personal and biometric data, and the reasons for refusal, of persons in transit in the Western Balkans refused a US entry visa',
		deadline: '2022-03-31',
		responsible: 'EUCTC COM'
	},
	{
		id: 7,
		chapter: A,
		source: 'illustrative',
		title:
			'Frontex and Europol support to member states carrying out checks at the external borders',
		deadline: '2022-12-31',
		responsible: 'FRONTEX EUROPOL',
		continuous: true
	},
	{
		id: 8,
		chapter: B,
		source: 'numbered',
		title:
			'Intensified EU INTCEN reporting to assess the presence of terrorist groups in Afghanistan',
		deadline: '2022-06-30',
		responsible: 'EUCTC CTG',
		continuous: true
	},
	{
		id: 9,
		chapter: B,
		source: 'mentioned',
		title: 'Exchange strategic information and consult regularly with key partners',
		deadline: '2022-12-31',
		responsible: 'EUCTC COM',
		continuous: true
	},
	{
		id: 10,
		chapter: B,
		source: 'illustrative',
		title: 'Monitor travel of terrorists between the EU and Afghanistan and its region',
		deadline: '2022-12-31',
		responsible: 'MS EUROPOL FRONTEX',
		continuous: true
	},
	{
		id: 11,
		chapter: B,
		source: 'mentioned',
		title: 'Regional cooperation on counter-terrorism with the neighbours of Afghanistan',
		deadline: '2023-06-30',
		responsible: 'COM EUCTC'
	},
	{
		id: 12,
		chapter: C,
		source: 'illustrative',
		title: 'Monitor and analyse the effect of the Taliban takeover on jihadist propaganda',
		deadline: '2022-06-30',
		responsible: 'EUROPOL COM',
		continuous: true
	},
	{
		id: 13,
		chapter: C,
		source: 'illustrative',
		title:
			'Refer and remove terrorist content online, including through the EU Internet Referral Unit',
		deadline: '2022-12-31',
		responsible: 'MS EUROPOL',
		continuous: true
	},
	{
		id: 14,
		chapter: C,
		source: 'numbered',
		title: 'Develop and use counter-narratives (strategic communication)',
		deadline: '2023-06-30',
		responsible: 'COM MS'
	},
	{
		id: 15,
		chapter: C,
		source: 'numbered',
		title:
			'Use the EU cooperation with Saudi Arabia on reducing extremist proselytism as an example for counter-terrorism dialogues with other countries',
		deadline: '2023-06-30',
		responsible: 'EUCTC COM'
	},
	{
		id: 16,
		chapter: C,
		source: 'illustrative',
		title: 'Prevent radicalisation among evacuees and in the Afghan diaspora',
		deadline: '2023-06-30',
		responsible: 'MS COM'
	},
	{
		id: 17,
		chapter: C,
		source: 'illustrative',
		title: 'Share good practice on prevention through the Radicalisation Awareness Network',
		deadline: '2022-12-31',
		responsible: 'COM MS',
		continuous: true
	},
	{
		id: 18,
		chapter: D,
		source: 'mentioned',
		title:
			'Assess drug trafficking from Afghanistan (opium and heroin) as a source of terrorist financing',
		deadline: '2022-12-31',
		responsible: 'EUROPOL MS'
	},
	{
		id: 19,
		chapter: D,
		source: 'illustrative',
		title: 'Cooperation of financial intelligence units on financial flows linked to Afghanistan',
		deadline: '2022-12-31',
		responsible: 'MS',
		continuous: true
	},
	{
		id: 20,
		chapter: D,
		source: 'illustrative',
		title: 'Monitor hawala and other informal value-transfer systems',
		deadline: '2023-06-30',
		responsible: 'MS EUROPOL'
	},
	{
		id: 21,
		chapter: D,
		source: 'illustrative',
		title: 'Counter firearms trafficking from the region',
		deadline: '2023-06-30',
		responsible: 'MS EUROPOL FRONTEX'
	},
	{
		id: 22,
		chapter: D,
		source: 'illustrative',
		title: 'Disrupt migrant-smuggling networks and document fraud linked to Afghanistan',
		deadline: '2023-06-30',
		responsible: 'EUROPOL FRONTEX MS'
	},
	{
		id: 23,
		chapter: D,
		source: 'illustrative',
		title: 'Keep EU terrorist and sanctions listings relevant to Afghanistan up to date',
		deadline: '2023-12-31',
		responsible: 'COM MS',
		continuous: true
	}
];

export const CT_AFG: ProgrammeSpec = {
	programme: 'CT-AFG-2021',
	seed: 2021,
	rounds: [
		{ date: '2022-06-30', evidenceRef: '10152/22' },
		{ date: '2022-12-31', evidenceRef: '15741/22' },
		{ date: '2023-06-30', evidenceRef: '10433/23' }
	],
	actions: CT_AFG_RECOMMENDATIONS,
	missingRate: 0.05,
	randomNaRate: 0.01
};
