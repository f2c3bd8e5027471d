// EU-ROADMAP-2016: an ILLUSTRATIVE catalogue modelled on the June 2016 Roadmap to enhance
// information exchange and information management (Council doc 9368/1/16 REV 1). Seed 000
// names several of its actions (uniform criteria and a terrorism marker for SIS II alerts, a
// new SIS II follow-up option, stronger SPOCs, the Universal Messaging Format, full Europol use
// of SIS, VIS and Eurodac, harmonised security checks in hotspots); the domain brief says
// actions 41-50 concern borders and migration. Numbering, wording, deadlines and responsible
// parties below are invented for the samples: the numbering is NOT the official one.

import { MEMBER_STATES } from './actors.ts';
import type { CatalogueAction, ProgrammeSpec } from './progress.ts';

const C1 = 'Chapter 1: Information management and exchange';
const C2 = 'Chapter 2: Strengthening the SIS';
const C3 = 'Chapter 3: Counter-terrorism information exchange';
const C4 = 'Chapter 4: Border management and migration';

const NOT_IN_SIS = 'not operationally connected to SIS II at the time of reporting';
const sisNa = { IE: NOT_IN_SIS, CY: NOT_IN_SIS };
const NOT_SCHENGEN = 'not bound by the Schengen Borders Code';
const NO_HOTSPOT = 'no hotspot on its territory';
/** Hotspot actions apply to EL and IT only. */
const hotspotNa = Object.fromEntries(
	MEMBER_STATES.filter((ms) => ms !== 'EL' && ms !== 'IT').map((ms) => [ms, NO_HOTSPOT])
);

export const ROADMAP_ACTIONS: readonly CatalogueAction[] = [
	// Chapter 1
	{
		id: 1,
		chapter: C1,
		title:
			'Share all relevant information unless weighty legal or operational reasons apply; record an explicit weighing when information is not shared',
		deadline: '2016-12-31',
		responsible: 'MS',
		continuous: true
	},
	{
		id: 2,
		chapter: C1,
		title: 'Monitor the sharing commitments in COSI, with input from the EU CTC and the Commission',
		deadline: '2017-06-30',
		responsible: 'EUCTC COM',
		continuous: true
	},
	{
		id: 3,
		chapter: C1,
		title:
			'Implement the guidelines for Single Points of Contact (SPOCs) for international police cooperation',
		deadline: '2017-06-30',
		responsible: 'MS'
	},
	{
		id: 4,
		chapter: C1,
		title: 'EU-level training and exchange programmes for SPOC staff',
		deadline: '2017-12-31',
		responsible: 'COM MS'
	},
	{
		id: 5,
		chapter: C1,
		title: 'Study computer-assisted translation to reduce the workload of SPOC staff',
		deadline: '2017-12-31',
		responsible: 'COM'
	},
	{
		id: 6,
		chapter: C1,
		title: 'Case-management and workflow solutions for SPOCs',
		deadline: '2018-06-30',
		responsible: 'MS COM'
	},
	{
		id: 7,
		chapter: C1,
		title:
			'Universal Messaging Format (UMF): set up a governance authority and a process to maintain and develop the standard',
		deadline: '2018-12-31',
		responsible: 'COM EUROPOL MS'
	},
	{
		id: 8,
		chapter: C1,
		title: 'Common data-quality standards and quality monitoring for EU information systems',
		deadline: '2018-06-30',
		responsible: 'EULISA COM'
	},
	{
		id: 9,
		chapter: C1,
		title: 'Complete the Prüm connections for DNA, fingerprint and vehicle registration data',
		deadline: '2017-12-31',
		responsible: 'MS'
	},
	{
		id: 10,
		chapter: C1,
		title: 'Connect all competent authorities, including counter-terrorism units, to SIENA',
		deadline: '2017-06-30',
		responsible: 'MS EUROPOL'
	},
	{
		id: 11,
		chapter: C1,
		title: 'Explore interoperability solutions, including a single search interface for EU systems',
		deadline: '2018-12-31',
		responsible: 'COM EULISA'
	},
	{
		id: 12,
		chapter: C1,
		title: 'Feed the Europol Information System automatically from national systems (data loaders)',
		deadline: '2017-12-31',
		responsible: 'MS EUROPOL'
	},
	// Chapter 2
	{
		id: 13,
		chapter: C2,
		title: 'Apply uniform criteria for entering terrorism-related person alerts in SIS II',
		deadline: '2016-12-31',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa,
		alsoReporting: ['NO', 'CH']
	},
	{
		id: 14,
		chapter: C2,
		title: 'Use the terrorism marker ("terrorism-related activity") in SIS II alerts',
		deadline: '2016-12-31',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa,
		alsoReporting: ['NO', 'CH']
	},
	{
		id: 15,
		chapter: C2,
		title:
			'Propose a new SIS II follow-up option between Article 36 and Article 26 (inquiry check) in the SIS legal basis',
		deadline: '2017-03-31',
		responsible: 'COM'
	},
	{
		id: 16,
		chapter: C2,
		title: 'Implement the inquiry check in central and national SIS II',
		deadline: '2019-06-30',
		responsible: 'EULISA MS',
		notApplicable: sisNa
	},
	{
		id: 17,
		chapter: C2,
		title: 'Systematic SIS II checks of all travellers at the external borders',
		deadline: '2017-12-31',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa
	},
	{
		id: 18,
		chapter: C2,
		title: 'Introduce the automated fingerprint identification system (AFIS) in central SIS II',
		deadline: '2018-06-30',
		responsible: 'EULISA'
	},
	{
		id: 19,
		chapter: C2,
		title: 'Inform Europol of hits on terrorism-related SIS II alerts',
		deadline: '2016-12-31',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa
	},
	{
		id: 20,
		chapter: C2,
		title: 'Ensure 24/7 availability of SIRENE bureaux and swift follow-up of hits',
		deadline: '2017-06-30',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa
	},
	{
		id: 21,
		chapter: C2,
		title:
			'Enter refusal-of-entry alerts on extremist speakers from third countries (SIS II Article 24(3))',
		deadline: '2016-12-31',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa
	},
	{
		id: 22,
		chapter: C2,
		title: 'Mobile access to SIS II for front-line officers',
		deadline: '2018-12-31',
		responsible: 'MS',
		notApplicable: sisNa
	},
	{
		id: 23,
		chapter: C2,
		title: 'Statistics on SIS II hits and follow-up per alert category',
		deadline: '2017-12-31',
		responsible: 'EULISA COM'
	},
	{
		id: 24,
		chapter: C2,
		title: 'Evaluate SIS II and propose amendments to its legal basis',
		deadline: '2016-12-31',
		responsible: 'COM'
	},
	// Chapter 3
	{
		id: 25,
		chapter: C3,
		title:
			'Share information on foreign terrorist fighters with Europol (EIS and Focal Point Travellers), applying the SIS II criteria',
		deadline: '2016-12-31',
		responsible: 'MS EUROPOL',
		continuous: true
	},
	{
		id: 26,
		chapter: C3,
		title: 'Full use by Europol of its access rights to SIS II',
		deadline: '2017-06-30',
		responsible: 'EUROPOL'
	},
	{
		id: 27,
		chapter: C3,
		title: 'Full use by Europol of its access rights to VIS',
		deadline: '2017-06-30',
		responsible: 'EUROPOL MS'
	},
	{
		id: 28,
		chapter: C3,
		title: 'Full use by Europol of its access rights to Eurodac',
		deadline: '2017-12-31',
		responsible: 'EUROPOL MS'
	},
	{
		id: 29,
		chapter: C3,
		title:
			'Identify obstacles to batch searches between Europol systems and SIS II, VIS and Eurodac',
		deadline: '2017-06-30',
		responsible: 'EUROPOL COM EULISA'
	},
	{
		id: 30,
		chapter: C3,
		title: 'Connect counter-terrorism units to the SIENA counter-terrorism area',
		deadline: '2016-12-31',
		responsible: 'MS EUROPOL'
	},
	{
		id: 31,
		chapter: C3,
		title: 'Inform Eurojust of prosecutions and convictions for terrorist offences',
		deadline: '2017-06-30',
		responsible: 'MS EUROJUST',
		continuous: true
	},
	{
		id: 32,
		chapter: C3,
		title: 'Strengthen the European Counter Terrorism Centre with seconded national experts',
		deadline: '2017-12-31',
		responsible: 'EUROPOL MS'
	},
	{
		id: 33,
		chapter: C3,
		title: 'Handle large volumes of data swiftly after attacks (follow-up of Taskforce Fraternité)',
		deadline: '2016-12-31',
		responsible: 'EUROPOL'
	},
	{
		id: 34,
		chapter: C3,
		title:
			'Explore cooperation between the Counter Terrorism Group and Europol (fact-finding mission)',
		deadline: '2017-06-30',
		responsible: 'CTG EUROPOL'
	},
	{
		id: 35,
		chapter: C3,
		title: 'Invite the Counter Terrorism Group to the JHA Council when terrorism is on the agenda',
		deadline: '2016-12-31',
		responsible: 'EUCTC CTG',
		continuous: true
	},
	{
		id: 36,
		chapter: C3,
		title: 'Transpose the PNR Directive and set up Passenger Information Units',
		deadline: '2018-05-25',
		responsible: 'MS'
	},
	{
		id: 37,
		chapter: C3,
		title: 'Exchange PNR data between Passenger Information Units and with Europol',
		deadline: '2018-12-31',
		responsible: 'MS EUROPOL',
		continuous: true
	},
	{
		id: 38,
		chapter: C3,
		title: 'Feed Europol systems with firearms and explosives data',
		deadline: '2018-06-30',
		responsible: 'MS EUROPOL'
	},
	{
		id: 39,
		chapter: C3,
		title: 'Propose the exchange of criminal records of third-country nationals (ECRIS-TCN)',
		deadline: '2017-06-30',
		responsible: 'COM'
	},
	{
		id: 40,
		chapter: C3,
		title: 'Refer terrorist content online through the EU Internet Referral Unit',
		deadline: '2017-12-31',
		responsible: 'EUROPOL MS',
		continuous: true
	},
	// Chapter 4 (actions 41-50: borders and migration)
	{
		id: 41,
		chapter: C4,
		title: 'Harmonise security checks in the hotspots, including systematic database checks',
		deadline: '2016-12-31',
		responsible: 'MS FRONTEX EUROPOL',
		continuous: true,
		notApplicable: hotspotNa
	},
	{
		id: 42,
		chapter: C4,
		title:
			'Support hotspot member states in integrating security screening into registration without delays',
		deadline: '2017-06-30',
		responsible: 'FRONTEX EUROPOL'
	},
	{
		id: 43,
		chapter: C4,
		title:
			'Check irregular migrants systematically against SIS II, Interpol SLTD and national databases',
		deadline: '2017-06-30',
		responsible: 'MS',
		continuous: true,
		notApplicable: sisNa
	},
	{
		id: 44,
		chapter: C4,
		title: 'Entry/Exit System: adopt the legal basis and prepare the central system',
		deadline: '2019-06-30',
		responsible: 'COM EULISA'
	},
	{
		id: 45,
		chapter: C4,
		title: 'Assess the feasibility of a European Travel Information and Authorisation System',
		deadline: '2017-06-30',
		responsible: 'COM'
	},
	{
		id: 46,
		chapter: C4,
		title: 'Systematic checks of EU citizens against databases at the external borders',
		deadline: '2017-12-31',
		responsible: 'MS COM',
		continuous: true,
		notApplicable: { IE: NOT_SCHENGEN, CY: NOT_SCHENGEN }
	},
	{
		id: 47,
		chapter: C4,
		title: 'Query the Interpol SLTD database at all external border crossing points',
		deadline: '2017-06-30',
		responsible: 'MS',
		continuous: true,
		notApplicable: { IE: NOT_SCHENGEN }
	},
	{
		id: 48,
		chapter: C4,
		title: 'Full compliance with the Eurodac fingerprinting obligation',
		deadline: '2017-06-30',
		responsible: 'MS',
		continuous: true
	},
	{
		id: 49,
		chapter: C4,
		title: 'Frontex access to SIS II and Europol data for risk analysis',
		deadline: '2018-06-30',
		responsible: 'FRONTEX EULISA'
	},
	{
		id: 50,
		chapter: C4,
		title: 'Combat document fraud: upgrade FADO and share information on false documents',
		deadline: '2019-06-30',
		responsible: 'COM MS FRONTEX'
	}
];

export const ROADMAP: ProgrammeSpec = {
	programme: 'EU-ROADMAP-2016',
	seed: 9368,
	rounds: [
		{ date: '2016-10-31', evidenceRef: '13554/16' },
		{ date: '2017-06-30', evidenceRef: '10151/17' },
		{ date: '2017-12-31', evidenceRef: '15680/17' },
		{ date: '2018-06-30', evidenceRef: '10079/18' },
		{ date: '2019-06-30', evidenceRef: '10485/19' }
	],
	actions: ROADMAP_ACTIONS,
	missingRate: 0.06,
	randomNaRate: 0.015
};
