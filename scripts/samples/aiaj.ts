// Actieprogramma Integrale Aanpak Jihadisme (AIAJ): the 38 measures as reported in the sixth
// progress report (seed 004, "Bijlage 1: Zesde voortgangsrapportage Actieprogramma Integrale
// Aanpak Jihadisme", figures up to June 2016), transcribed as data.
//
// - `description` (Omschrijving) and `planning` are the seed's full text, with the PDF's line
//   wrapping joined into normal sentences and footnote markers dropped.
// - `standVanZaken` and `recenteOntwikkelingen` are faithful excerpts: whole sentences taken
//   from the seed, a few per measure; paragraphs are separated by a line break.
// - The seed reports measures 27 and 28 in one joint row ("27 & 28"): the sample gives each its
//   own row, with the excerpts that belong to it.

export const AIAJ_PROGRAMME = 'AIAJ';
export const AIAJ_ACTOR = 'NL';
/** Peildatum of the seed-004 report (the first sample round). */
export const AIAJ_ROUND1 = '2016-06-30';
/** Two later rounds, invented for the samples. */
export const AIAJ_LATER_ROUNDS = ['2016-12-31', '2017-06-30'] as const;

export const AIAJ_THEMES = [
	'1. Risicoreductie jihadgangers',
	'2. Interventies uitreis',
	'3. Radicalisering',
	'4. Radicalisering tegengaan',
	'5. Sociale media',
	'6. Informatie-uitwisseling'
] as const;

export type AiajTheme = (typeof AIAJ_THEMES)[number];

export interface AiajMeasure {
	nr: number;
	theme: AiajTheme;
	/** Omschrijving. */
	description: string;
	/** Planning as in the seed: "doorlopend toegepast", "2016 gereed", "gereed", ... */
	planning: string;
	/** Stand van zaken (excerpt). */
	standVanZaken: string;
	/** Recente ontwikkelingen (excerpt). */
	recenteOntwikkelingen: string;
}

const p = (...paragraphs: string[]): string => paragraphs.join('\n');

const [T1, T2, T3, T4, T5, T6] = AIAJ_THEMES;

export const AIAJ_MEASURES: readonly AiajMeasure[] = [
	{
		nr: 1,
		theme: T1,
		description:
			'Naar onderkende uitreizigers die zich aansluiten bij een terroristische strijdgroepering wordt een strafrechtelijk onderzoek opgestart.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'De open publicatie van de Algemene Inlichtingen en Veiligheidsdienst (AIVD) van januari 2016 genaamd ‘Leven bij ISIS, de mythe ontrafeld’ en het rapport d.d. 3 januari 2016 geheten ‘Bestemming Syrië: een exploratieve studie naar de leefsituatie van Nederlandse ‘uitreizigers’ in Syrië’ van deskundigen D. Weggemans, R. Peters en E. Bakker maken dat door het uitreizen naar en leven in Syrië door Nederlandse onderdanen de verdenking bestaat dat zij (mannen en vrouwen) zich mogelijk schuldig maken aan het deel uit maken van de terroristische organisatie ISIS en/of Al Qaida, welke tot oogmerk hebben het plegen van terroristische misdrijven.',
			'Op dit moment lopen er in Nederland ten minste 217 aan jihadisme gerelateerde strafrechtelijke onderzoeken naar circa 288 verdachten (peildatum 22 mei 2016). De onderzoeken tegen de verdachten die zich volgens politie/Openbaar Ministerie (OM) thans in het strijdgebied bevinden, zijn in dit aantal meegenomen.'
		),
		recenteOntwikkelingen: p(
			'In het arrest van 31 mei 2016 heeft de Hoge Raad het toepassingsbereik van artikel 134a Sr uitgelegd. De Hoge Raad overweegt dat artikel 134a Sr ziet op gedragingen die in enig verband staan met een terroristische training. Onder training moet onder meer worden verstaan: “het opdoen of overbrengen van kennis of zich of een ander bekwamen in vaardigheden of technieken.”'
		)
	},
	{
		nr: 2,
		theme: T1,
		description:
			'Verdachten en veroordeelden voor een terroristisch misdrijf worden conform huidige regelgeving direct geplaatst op de Terroristen Afdeling (TA).',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Met zijn brief van 3 juli 2015 heeft de staatssecretaris de Tweede Kamer geïnformeerd over zijn voornemen om meer maatwerk te gaan leveren op de TA. Hiertoe is een beoordelingsinstrument ontwikkeld met als doel te kunnen voldoen aan de essentiële voorwaarde dat per individu een accurate beoordeling plaatsvindt van het verspreidingsrisico van radicaal gedachtengoed en het veiligheidsrisico binnen de PI en voor de samenleving.'
		),
		recenteOntwikkelingen: p(
			'Er verblijven op dit moment 23 personen op een TA (peildatum 6 mei 2016).',
			'Op 1 november 2015 is er een eerste versie van het beoordelingsinstrument opgeleverd. Dit instrument wordt momenteel in gebruik genomen als hulpmiddel voor het Multidisciplinair Overleg-TA (MDO-TA).'
		)
	},
	{
		nr: 3,
		theme: T1,
		description:
			'In het kader van het strafrecht bestaan verschillende mogelijkheden om terugkeerders langdurig onder toezicht te stellen.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'In iedere strafzaak betreffende terrorisme benut het OM, waar mogelijk, de mogelijkheid de strafrechter te vragen voorwaarden aan eventuele voorwaardelijke schorsing van voorlopige hechtenis, dan wel voorwaardelijke invrijheidstelling te verbinden die (elektronisch) toezicht op de betrokkenen mogelijk maken.',
		recenteOntwikkelingen:
			'In de afgelopen rapportageperiode is een aantal verdachten veroordeeld wegens terroristische misdrijven. In een aantal gevallen is (een deel van) de straf voorwaardelijk aan deze verdachten opgelegd. Hieraan zijn bijzondere voorwaarden verbonden, die als stevige stok achter de deur dienen om te voorkomen dat deze verdachten zich opnieuw schuldig maken aan strafbare feiten.'
	},
	{
		nr: 4,
		theme: T1,
		description:
			'Onderkende uitreizigers die zich aansluiten bij een terroristische strijdgroepering verliezen het Nederlanderschap.',
		planning: '2016 gereed',
		standVanZaken:
			'Het voorstel tot wijziging van de Rijkswet op het Nederlanderschap ter verruiming van de mogelijkheden voor het ontnemen van het Nederlanderschap bij terroristische misdrijven is op 31 maart 2016 in werking getreden.',
		recenteOntwikkelingen: p(
			'De Tweede Kamer heeft op 24 mei 2016 ingestemd met het voorstel tot wijziging van de Rijkswet op het Nederlanderschap.',
			'Op 28 juni 2016 heeft de Eerste Kamer verslag uitgebracht over de Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding en de Wijziging van de Rijkswet op het Nederlanderschap in verband met het intrekken van het Nederlanderschap in het belang van de nationale veiligheid.'
		)
	},
	{
		nr: 5,
		theme: T1,
		description:
			'Onderkende uitreizigers met een niet-EU nationaliteit worden ongewenst vreemdeling verklaard (voor het Schengengebied).',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Deze maatregel wordt toegepast op vreemdelingen die op basis van een ambtsbericht van de Algemene Inlichtingen- en Veiligheidsdienst (AIVD) of Militaire Inlichtingen- en Veiligheidsdienst (MIVD) in verband kunnen worden gebracht met jihadisme of een (potentiële) uitreis in dit kader en waarbij de AIVD of MIVD tevens heeft geconcludeerd dat zij een gevaar zijn voor de nationale veiligheid.',
		recenteOntwikkelingen:
			'Sinds maart 2013 is de IND in circa 15 gevallen (0 gevallen in deze rapportageperiode; peildatum 27 mei 2016) overgegaan tot het treffen van vreemdelingrechtelijke maatregelen op onderkende uitreizigers met een niet-EU nationaliteit. Het gaat daarbij om verblijfsbeëindiging, het opleggen van een inreisverbod of ongewenstverklaring of de uitzetting onder regie van de Dienst Terugkeer en Vertrek (DT&V).'
	},
	{
		nr: 6,
		theme: T1,
		description:
			'Onderkende uitreizigers met een of meerdere nationaliteiten die zich aansluiten bij een terroristische strijdgroepering worden gemeld bij de autoriteiten van die landen (van hun niet-Nederlandse nationaliteit).',
		planning: 'onderzoek lopend',
		standVanZaken: p(
			'Het OM en de politie werken in de aanpak van terroristische misdrijven nauw samen met internationale partners. Over en weer wordt er informatie uitgewisseld ten behoeve van een succesvolle aanpak van het gewelddadig jihadisme en andere ernstige vormen van criminaliteit.',
			'Registratie vindt plaats in het Schengen Informatie Systeem (SIS) en het Europol Information System (EIS). Een nieuw persoon of een wijziging voor de LOP-lijst die bij de LE binnen komt wordt rechtstreeks in SIS en EIS ingevoerd.'
		),
		recenteOntwikkelingen:
			'Informatie van partners in de Contraterrorisme (CT)-keten wordt zoveel als mogelijk met andere landen gedeeld ook voor wat betreft het doormelden van de paspoortsignaleringen naar landen van de tweede nationaliteit. Dit gebeurt alleen in het geval de mensenrechtensituatie in deze landen zich hier niet tegen verzet. Het OM en de politie werken bij de aanpak van terroristische misdrijven nauw samen met internationale partners. In dit kader worden namen van uitreizigers gedeeld met diverse landen.'
	},
	{
		nr: 7,
		theme: T1,
		description:
			'Van uitreizigers over wie gegronde vermoedens bestaan van aansluiting bij een terroristische strijdgroepering worden Nederlandse reisdocumenten gesignaleerd ter vervallenverklaring of weigering.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Het criterium voor het signaleren van een paspoort onder artikel 23 van de Paspoortwet is het gegronde vermoeden dat de betrokken persoon buiten het Koninkrijk handelingen zal verrichten die een bedreiging vormen voor de veiligheid van Nederland of haar bondgenoten.',
			'Zowel potentiële uitreizigers als personen waarvan het gegronde vermoeden bestaat dat zij reeds naar jihadistisch strijdgebied zijn uitgereisd, worden opgenomen in het Register Paspoortsignaleringen.'
		),
		recenteOntwikkelingen: p(
			'Er zijn sinds december 2013 ongeveer 260 (peildatum 27 mei 2016) verzoeken gedaan door de Minister van Veiligheid en Justitie ter weigering of vervallen verklaring van het paspoort.',
			'Er wordt doorlopend gekeken naar de noodzaak van het voortduren van de paspoortmaatregel in de individuele gevallen. Wanneer het gegronde vermoeden niet langer bestaat, wordt de signalering opgeheven. Dit is inmiddels in 24 gevallen gebeurd.'
		)
	},
	{
		nr: 8,
		theme: T1,
		description:
			'Onderkende uitreizigers die zich aansluiten bij een terroristische strijdgroepering worden geplaatst op de nationale terrorismelijst.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Sinds december 2013 heeft de Minister van Buitenlandse Zaken in overeenstemming met de Ministers van Financiën en Veiligheid en Justitie 38 personen toegevoegd aan de nationale terrorismelijst, waarvan 9 sinds de vorige voortgangsrapportage. In totaal staan er 48 personen en drie organisaties op de nationale terrorismelijst. De tegoeden van deze personen en organisaties zijn bevroren en het is verboden om geld aan hen over te maken.',
		recenteOntwikkelingen: p(
			'Het kabinet zet in op het bevriezen van de tegoeden van terroristen en terroristische organisaties. Het afgelopen jaar is het aantal namen op de nationale terrorismelijst flink toegenomen.',
			'Op 15 juni 2016 heeft het Ministerie van Buitenlandse Zaken een informele internationale bijeenkomst georganiseerd.'
		)
	},
	{
		nr: 9,
		theme: T1,
		description:
			'Onderkende uitreizigers worden conform de regels direct uitgeschreven als ingezetene in de Basisregistratie Personen (BRP) en eventuele uitkeringen, financiële toelagen en studiefinanciering worden beëindigd. Waar nodig worden wetten daarop aangepast.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'De personalia van onderkende uitreizigers wordt, indien mogelijk, gedeeld met de gemeente waarin zij staan ingeschreven. De betreffende gemeente draagt zorg voor uitschrijving uit het BRP bij onderkende uitreis, zodat eventuele financiële toelagen en studiefinanciering worden stop gezet.',
			'Er is een wetsvoorstel in voorbereiding waarin wordt voorzien in een beëindigingsgrond op grond waarvan een uitkering, toeslag of studiefinanciering direct kan worden beëindigd als iemand is aangemerkt als onderkende uitreiziger.'
		),
		recenteOntwikkelingen: p(
			'Sinds november 2013 zijn circa 95 (peildatum 8 juni 2016) sociale uitkeringen stopgezet van onderkende Nederlandse of aan Nederland te relateren personen die met jihadistische intenties naar Syrië/Irak zijn gereisd.',
			'Het wetsvoorstel tot het stopzetten van uitkeringen, toeslagen en studiefinanciering wordt naar verwachting in de zomer aan de Raad van State aangeboden.'
		)
	},
	{
		nr: 10,
		theme: T1,
		description: 'Het wordt kwaadwillenden moeilijker gemaakt om aan aanslagmiddelen te komen.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Zelfgemaakte explosieven zijn een voorkeurswapen voor terroristen en andere criminelen. Dit komt ten eerste door de vrije verkrijgbaarheid van precursoren. De beschikbaarheid van deze stoffen wordt beperkt middels EU verordening 98/2013 en aanvullende Nederlandse wetgeving. Tevens moeten bedrijven verdachte transacties, verdwijningen en diefstal melden bij de overheid.',
		recenteOntwikkelingen: p(
			'Het voorstel voor de Wet precursoren voor explosieven is op 24 mei 2016 als hamerstuk afgedaan door de Eerste Kamer. De wet is op 1 juni 2016 in werking getreden.',
			'Door de EU lidstaten is op 10 juni 2016 overeenstemming bereikt over een ‘general approach’ met betrekking tot aanpassing van de Europese vuurwapenrichtlijn.'
		)
	},
	{
		nr: 11,
		theme: T1,
		description: 'Bestuurlijke maatregelen risicoreductie jihadgangers.',
		planning: '2016 gereed',
		standVanZaken:
			'Het wetsvoorstel ‘Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding’ voorziet in maatregelen zoals een meldplicht, een gebiedsverbod en een uitreisverbod ter bescherming van de nationale veiligheid. Per nota van wijziging is handhaving van het gebiedsverbod door middel van een enkelband aan het wetsvoorstel toegevoegd.',
		recenteOntwikkelingen: p(
			'De Tweede Kamer heeft ingestemd met het wetsvoorstel Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding (Twbmt) en het daarmee verband houdende voorstel tot wijziging van de Paspoortwet.',
			'De Eerste Kamer heeft op 28 juni 2016 verslag uitgebracht over de Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding en de Wijziging van de Rijkswet op het Nederlanderschap in verband met het intrekken van het Nederlanderschap in het belang van de nationale veiligheid.'
		)
	},
	{
		nr: 12,
		theme: T1,
		description: 'Consulaire bijstand door Nederlandse ambassades in aangrenzende landen.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			"Per casus zal dan ook worden bezien of en hoe consulaire bijstand kan worden verleend en welke begeleiding wenselijk is. Een inschatting van de veiligheidsrisico's die van een persoon uitgaan, zal daarbij leidend zijn.",
			'De diplomatieke vertegenwoordigingen in de relevante regio’s zijn alert op personen die terugkeren vanuit jihadistisch strijdgebied. Via trainingen zijn zij bewust gemaakt hoe te handelen in dergelijke situaties.'
		),
		recenteOntwikkelingen:
			'Samen met de NCTV en AIVD werkt BZ aan het vergroten van de awareness op het postennetwerk in de omgang met mogelijke terugkerende jihadisten. In het bijzonder is daarbij aandacht voor het aanscherpen van procedures rondom reisdocumentatie, consulaire bijstand en uitzettingen naar Nederland.'
	},
	{
		nr: 13,
		theme: T1,
		description: 'Een nieuw op te richten exit-faciliteit in Nederland.',
		planning: 'gereed',
		standVanZaken:
			'De Exit-faciliteit ‘Exits’ is sinds oktober 2015 ingericht. Exits is, net als het Familiesteunpunt, als een onafhankelijke organisatie ondergebracht bij de Stichting Fier Fryslân, die hiervoor subsidie ontvangt.',
		recenteOntwikkelingen:
			'Bij zowel de Exit-faciliteit als bij het Familiesteunpunt lopen momenteel verschillende trajecten.'
	},
	{
		nr: 14,
		theme: T2,
		description: 'Bij redelijke verdenking van uitreis wordt strafrechtelijk ingegrepen.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Indien mogelijk wordt in opdracht van het OM strafrechtelijk onderzoek uitgevoerd met als doel om uitreizen te voorkomen. Dit leidt niet altijd tot strafrechtelijke vervolging. Wel worden deze zaken te allen tijde behandeld in een casusoverleg.',
		recenteOntwikkelingen: p(
			'In deze rapportageperiode is er een aantal veroordelingen te melden inzake potentiele uitreizigers:',
			'Op 26 mei 2016 is een verdachte veroordeeld tot achttien maanden gevangenisstraf waarvan zes maanden voorwaardelijk met een proeftijd van twee jaar voor voorbereidingshandelingen tot het plegen van moord en/of doodslag met een terroristisch oogmerk en een poging tot deelnemen aan een organisatie die tot oogmerk heeft het plegen van terroristische misdrijven.',
			'De rechtbank Gelderland heeft op 15 juni 2016 twee verdachten veroordeeld tot gevangenisstraffen van 2 en 3 jaren voor poging tot deelname aan een organisatie die tot oogmerk heeft het plegen van terroristische misdrijven.'
		)
	},
	{
		nr: 15,
		theme: T2,
		description:
			'Bij gegronde vermoedens van uitreis worden de reisdocumenten gesignaleerd ter vervallenverklaring of weigering (inclusief identiteitskaarten).',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'De mogelijkheid een uitreisverbod op te leggen is opgenomen in het in maatregel 11 genoemde wetsvoorstel “Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding”.',
			'Ter ondersteuning van de maatregel wordt ook een wijziging van de Paspoortwet voorbereid. Hierin wordt geregeld dat paspoorten en Nederlandse identiteitskaarten van rechtswege vervallen bij het opleggen van een uitreisverbod. Tevens wordt het mogelijk om in dit geval de betrokkene een vervangend identiteitsbewijs te geven.'
		),
		recenteOntwikkelingen: p(
			'Er zijn sinds december 2013 ongeveer 260 (peildatum 27 mei 2016) verzoeken gedaan door de Minister van Veiligheid en Justitie ter weigering of vervallen verklaring van het paspoort (zie ook bij maatregel 7).',
			'De Tweede Kamer heeft ingestemd met het wetsvoorstel Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding (Twbmt) en het daarmee verband houdende voorstel tot wijziging van de Paspoortwet.'
		)
	},
	{
		nr: 16,
		theme: T2,
		description: 'In geval van vermoedelijke uitreis wordt de directe omgeving gewaarschuwd.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Potentiële uitreizigers die in beeld zijn, worden besproken in een multidisciplinair casusoverleg in het lokale domein. De betrokken partijen bepalen daar de meest effectieve aanpak. Het informeren van de directe omgeving door de lokale overheid kan een onderdeel van de aanpak zijn. Deze maatregel is gerelateerd aan maatregel 30, de ondersteuning lokale aanpak in prioritaire gebieden.',
		recenteOntwikkelingen:
			'De lokale partners maken in het casusoverleg de afweging of het opportuun is de directe familie van uitreizigers te waarschuwen met het doel potentiële uitreis te voorkomen.'
	},
	{
		nr: 17,
		theme: T2,
		description:
			'In geval van vermoedelijke uitreis waarbij een minderjarige betrokken is, worden kinderbeschermingsmaatregelen getroffen.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Voor minderjarigen die zelfstandig uitreizen zijn de maatregelen uit het actieprogramma onverkort van toepassing.',
			'Wanneer minderjarigen die door hun ouders zijn meegenomen naar ISIS strijdgebieden of wanneer kinderen in ISIS strijdgebieden worden geboren uit Nederlandse ouders naar Nederland terugkeren, volgt een melding bij de Raad voor de Kinderbescherming.'
		),
		recenteOntwikkelingen:
			'In de periode februari 2013 tot 1 juni 2016 zijn 67 aan jihadisme gerelateerde unieke kindzaken door de Raad voor de Kinderbescherming in onderzoek genomen. Van de 67 minderjarigen waren er 37 kinderen in gezinsverband en 30 individuele jongeren.'
	},
	{
		nr: 18,
		theme: T3,
		description:
			'Indien sprake is van ronselen voor de gewapende strijd wordt strafrechtelijk ingegrepen.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Politie en OM hebben aandacht voor signalen van ronselen voor de gewapende strijd (artikel 205 Wetboek van Strafrecht). Deze signalen worden bekeken en indien gegrond wordt er een strafrechtelijk onderzoek gestart. Op dit moment wordt er strafrechtelijk onderzoek verricht naar een aantal personen die verdacht worden van ronselen voor de gewapende strijd.',
		recenteOntwikkelingen: p(
			'Thans loopt er hoger beroep tegen de volgende uitspraken inzake ronselen voor de gewapende strijd:',
			'1. Uitspraak van de rechtbank van Den Haag 1 december 2014 (ingesteld door OM)',
			'2. Uitspraak Rechtbank Den Haag 10 december 2015',
			'3. Uitspraak Rechtbank Zeeland-West-Brabant 18 februari 2016'
		)
	},
	{
		nr: 19,
		theme: T3,
		description:
			'Strafrechtelijk ingrijpen bij haat zaaien en oproepen tot geweld in extremistisch kader wordt geprioriteerd.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'De uitvoering van maatregel 29 is belegd bij de politie, die daartoe een Nederlandse Internet Referral Unit (NL IRU) opricht.',
		recenteOntwikkelingen: p(
			'De NL IRU bevindt zich momenteel in de 1e operationele fase (1 maart – 31 augustus 2016). Zie hiertoe maatregel 29.',
			'In de Contextzaak is één verdachte veroordeeld voor haat zaaien. Ten aanzien van een aantal uitlatingen is deze verdachte vrijgesproken. Tegen deze deelvrijspraken is door het OM Hoger Beroep ingesteld.'
		)
	},
	{
		nr: 20,
		theme: T3,
		description:
			'Facilitatoren en verspreiders van jihadistische propaganda worden in hun activiteiten verstoord.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'In het kader van het Actieprogramma wordt aan de ‘Rotterdamwet’ (Wet bijzondere maatregelen grootstedelijke problematiek) de mogelijkheid toegevoegd om huurders in het kader van een huisvestingsvergunning te screenen op onder andere radicaal, extremistisch of terroristisch gedrag.',
			'De tijdelijke wet bestuurlijke maatregelen (zie maatregel 11) ziet ook op het verstoren van verspreiders en facilitatoren.'
		),
		recenteOntwikkelingen: p(
			'Sinds februari 2015 is van acht personen de visumaanvraag afgewezen of is het reeds verleende visum, afgegeven door Nederland of een Schengen lidstaat, ingetrokken wegens aanzetten tot haat en/of geweld.',
			'In de recente JBZ-raad van 10 juni 2016 is besloten dat lidstaten extremistische sprekers uit derde landen, die een bedreiging vormen voor de openbare orde, waar van toepassing, gaan signaleren ter fine van weigering in het Schengen Informatie Systeem (SIS) middels artikel 24.3.'
		)
	},
	{
		nr: 21,
		theme: T4,
		description: 'Samenwerken met de islamitische gemeenschap.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Maatschappelijke organisaties en islamitische gemeenschappen zijn belangrijke partners in het tegengaan van radicalisering. Daarom ondersteunt het Rijk op dit moment projecten van maatschappelijke organisaties met als missie om gemeenschappen weerbaarder te maken tegen radicalisering.',
		recenteOntwikkelingen: p(
			'Het Samenwerkingsverband van Marokkaanse Nederlanders (SMN), Contact Orgaan Moslims en Overheid (CMO) en Inspraak Orgaan Turken (IOT) hebben vanuit het Rijk subsidie ontvangen om interventieprogramma’s uit te voeren. Inmiddels zijn 99 trainers en vertrouwenspersonen getraind en hebben 19 voorlichtingsbijeenkomsten en debatten plaatsgevonden.',
			'Per 15 juni 2016 zijn 6 organisaties gestart met het uitvoeren van weerbaarheidsprojecten gericht op doelgroepen die niet door CMO, SMN en IOT worden bereikt.'
		)
	},
	{
		nr: 22,
		theme: T4,
		description: 'Versterken van bestaande netwerken van lokale en landelijke sleutelfiguren.',
		planning: '2015/2016',
		standVanZaken:
			'Het Rijk ondersteunt direct en via de versterkingsgelden de opbouw van strategische netwerken polarisatie en radicalisering in gemeenten waar de problematiek het meest nijpend is. Deze netwerken bestaan uit 15 tot 30 personen, waaronder sleutelfiguren, jongerenwerkers, moskeebestuurders, schooldirecteuren, politie en gemeentemedewerkers.',
		recenteOntwikkelingen:
			'De opbouw van strategische netwerken polarisatie en radicalisering is in zeven gemeenten gestart. In vier gemeenten zijn de netwerken inmiddels geïnstalleerd, veelal door de burgemeester. De installatie van de netwerken in andere gemeenten volgt na de zomer.'
	},
	{
		nr: 23,
		theme: T4,
		description: 'Betrokken burgers kunnen rekenen op steun.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Om gezinnen en families te ondersteunen in het omgaan met radicaliserende of geradicaliseerde familieleden is een Familiesteunpunt Radicalisering opgericht.',
			'Burgers en professionals kunnen bij Meld Misdaad Anoniem (M.) terecht met anonieme meldingen inzake alle vormen van extremisme, waarbij sprake is van een strafbaar feit of de voorbereiding van een strafbaar feit.',
			'In de periode januari 2015 tot en met mei 2016 heeft M. in totaal 199 meldingen met betrekking tot terrorisme en extremisme ontvangen.'
		),
		recenteOntwikkelingen:
			'Om het onderling contact tussen families die te maken hebben met radicaliserende of uitgereisde kinderen te ondersteunen, wordt een zogenaamd ‘familie-contact’ opgezet, samen met een aantal betrokken organisaties. Om de exacte behoefte van ouders te polsen en hierop het juiste te organiseren, wordt hieraan voorafgaand in de zomer 2016 een behoeftenonderzoek gedaan.'
	},
	{
		nr: 24,
		theme: T4,
		description: 'Ondersteuning onderwijsinstellingen.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Alle scholen in primair-, voortgezet- en middelbaar onderwijs in Nederland kunnen een beroep doen op de Stichting School en Veiligheid voor ondersteuning en training.',
			'Binnen de 18 geprioriteerde gemeenten is de aanvullende ondersteuning voor de scholen in de vorm van een complementaire aanpak gestart.'
		),
		recenteOntwikkelingen: p(
			'In het kader van de aanvullende ondersteuning zijn er inmiddels meer dan 50 adviesgesprekken gehouden met scholen. Inmiddels zijn circa 900 onderwijsmedewerkers getraind.',
			'Op 20 juni 2016 is de Europese conferentie ‘Safe and Open Higher Education: the Dutch Approach’ gehouden voor alle bestuurders van hogescholen en universiteiten in Nederland en de rest van Europa.'
		)
	},
	{
		nr: 25,
		theme: T4,
		description: 'Oprichting expertcentrum maatschappelijke spanningen en radicalisering.',
		planning: 'gereed',
		standVanZaken:
			'De Expertise-unit Sociale Stabiliteit (ESS) is begin 2015 opgericht en zal de komende vier jaar rechtstreeks onder het Ministerie van Sociale Zaken en Werkgelegenheid vallen. De ESS biedt gemeenten, eerstelijns professionals en diverse groepen in de samenleving praktijkkennis aan over maatschappelijke spanningen, waaronder radicalisering, en over het omgaan met verschillende spanningen die zich voordoen bij specifieke lokale incidenten.',
		recenteOntwikkelingen: p(
			'In de eerste helft van 2016 heeft ESS 25 gemeenten geadviseerd in de preventieve aanpak van radicalisering, o.a. over het inrichten van een lokale aanpak, het versterken van netwerken en het inzetten van versterkingsgelden.',
			'De training en workshop Omgaan Met Extreme Idealen, over radicalisering vanuit een pedagogisch perspectief, is in periode januari 2016 tot en met mei 2016 aan circa 500 professionals gegeven, waaronder docenten, (wijk)agenten en gemeenteambtenaren.'
		)
	},
	{
		nr: 26,
		theme: T4,
		description: 'Gerichte inzet op radicaliserende jongeren in lokale risicogebieden.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Gemeenten worden ondersteund bij de ontwikkeling van een integrale aanpak voor radicale personen en/of risicobuurten. In gemeenten vinden leerkringen plaats en worden strategische netwerken opgezet. Radicaliserende jongeren in lokale risicogebieden worden in beeld gebracht en op basis daarvan vindt gerichte inzet plaats.',
		recenteOntwikkelingen:
			'Via een tweetal leerkringen preventieve aanpak radicalisering zijn 28 gemeenten met een verhoogde aandacht voor radicaliseringsproblematiek ondersteund. Leerkringen zijn begeleide intervisiegroepen waarvoor een curriculum is ontwikkeld. In juni 2016 is een nieuwe groep van 22 gemeenten gestart met de leerkringen.'
	},
	{
		nr: 27,
		theme: T4,
		description:
			'Mobiliseren maatschappelijke tegengeluiden en versterken weerbaarheid tegen radicalisering en spanningen.',
		planning: '2015/2016',
		standVanZaken: p(
			'De afgelopen periode is ingezet op het stimuleren en faciliteren van:',
			'(1) Europese en nationale netwerken voor het stimuleren van maatschappelijk (tegen)geluid om extremistische boodschappen tegen te gaan.',
			'(2) Bevorderen van de samenwerking met sociale mediabedrijven bij het stimuleren van alternatieve en positieve online content.'
		),
		recenteOntwikkelingen: p(
			'Een groep van 30 jongeren uit 13 Europese landen hebben gedurende vier dagen (van 20 t/m 23 mei 2016) gewerkt aan een sociale media campagne voor verbinding en tegen radicalisering.',
			'De inhoud van de campagne is door de jongeren zelf bedacht. De campagne draagt de titel #Giveitup4 (applaus voor/opgeven voor).'
		)
	},
	{
		nr: 28,
		theme: T4,
		description: 'Maatschappelijk debat over de grenzen van de rechtsstaat.',
		planning: '2015/2016',
		standVanZaken:
			'Vanuit diverse partijen is een bruikbaar aanbod ontstaan om het gesprek aan te gaan met leerlingen en jongeren over kernwaarden en de vrijheden van de rechtsstaat. Met de ‘Roadshow Persvrijheid’ zijn meer dan 1500 leerlingen de dialoog aangegaan met journalisten en redacteuren over de betekenis van persvrijheid en de vrijheid van meningsuiting.',
		recenteOntwikkelingen:
			'Naar aanleiding van het afgeronde traject ‘Roadshow Persvrijheid’ is een vervolgproject over persvrijheid en internetweerbaarheid momenteel in ontwikkeling. Dit wordt aangeboden vanaf het nieuwe schooljaar.'
	},
	{
		nr: 29,
		theme: T5,
		description:
			'Bestrijden van verspreiding van radicaliserende, haatzaaiende jihadistische content.',
		planning: 'doorlopend',
		standVanZaken:
			'De uitvoering van maatregel 29 is belegd bij de politie, die daartoe een Nederlandse Internet Referral Unit (NL IRU) opricht. De taken van de NL IRU zijn onder te verdelen in drie categorieën: Notice and Take Action (NTA), Notice and Take Down (NTD) en Meldpunt voor burgers. Nederland is het derde land dat een nationaal IRU heeft opgericht.',
		recenteOntwikkelingen:
			'De NL IRU bevindt zich momenteel in de eerste operationele fase (1 maart – 31 augustus 2016). Deze fase omvat: casuïstiek behandelen; ontwikkelen NTA-werkproces; samenwerkingsverbanden met interne en externe partners tot stand brengen; afronding en accordering van het projectplan. Per 1 september 2016 wordt overgegaan op de tweede operationele fase.'
	},
	{
		nr: 30,
		theme: T6,
		description: 'Het kabinet ondersteunt de lokale aanpak in prioritaire gebieden.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Het Rijk en gemeenten werken nauw samen in de aanpak jihadisme in de prioritaire gebieden.',
			'De ambities ten aanzien van de verdere versterking van de integrale lokale aanpak krijgen uitwerking in de besteding van de extra gelden die zijn gereserveerd in de brief “Versterking van de veiligheidsketen” aan de Tweede Kamer. Deze gelden zijn vanaf 2016 beschikbaar voor de gemeenten waar de problematiek het meest nijpend is en worden verstrekt voor het structureel versterken van de integrale aanpak.'
		),
		recenteOntwikkelingen:
			'In het kader van de versterking van de lokale aanpak is in totaal aan 20 gemeenten/regio’s 6,7 miljoen euro toegekend voor 2016. Sinds de vorige voortgangsrapportage richten de plannen zich op analyse van de lokale problematiek en mate van weerbaarheid van de gemeente/regio.'
	},
	{
		nr: 31,
		theme: T6,
		description: 'Voortzetting samenwerking tussen Rijk en betrokken gemeenten.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Het Rijk en gemeenten werken nauw samen bij de ontwikkeling en uitvoering van de integrale aanpak jihadisme op lokaal niveau. Daartoe vindt regelmatig overleg plaats tussen de Minister van Veiligheid en Justitie, de Minister van SZW, de Minister van BZK, NCTV, AIVD en de burgemeesters van de meest betrokken gemeenten.',
		recenteOntwikkelingen: p(
			'Via de versterkingsgelden, opbouw van strategische netwerken, scholenaanpak en de persoonsgerichte aanpak wordt intensief samengewerkt met gemeenten waar de problematiek nijpend is.',
			'Momenteel wordt gekeken naar een aantal veelbelovende voorbeelden in gemeenten om nieuwe aanwas te voorkomen. Deze zullen als pilot in andere gemeenten worden uitgerold.'
		)
	},
	{
		nr: 32,
		theme: T6,
		description: 'Versterking coördinatie op de uitvoering.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'Bij de politie zijn twee Nationale Staven Grootschalig en Bijzonder Optreden (NSGBO) ingericht ten behoeve van contraterrorisme tot 1 januari 2017. Daarna wordt overgaan in vier staven NSGBO.',
			'Daarnaast is door de Koninklijke Marechaussee (KMar) een Landelijke Staf Grootschalig en Bijzonder Optreden (LSGBO) jihadisme ingericht.'
		),
		recenteOntwikkelingen: p(
			'Per 1 januari 2016 zijn er vier NSGBO staven ingericht en operationeel inzetbaar. De afgelopen maanden en ook de komende tijd is er veel aandacht voor oefeningen, war games, table tops e.d.',
			'Ook de CT-Infobox werkt aan een verbeterd centraal overzicht van de genomen maatregelen op persoonsniveau.'
		)
	},
	{
		nr: 33,
		theme: T6,
		description: 'Prioritering financiële aanpak jihadisten.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Tussen 22 en 24 juni 2016 vond in Busan, Zuid Korea de FATF plenaire plaats. In relatie tot het voorkomen van terrorismefinanciering heeft de FATF haar aanbeveling 8 aangepast opdat de non-profit sector beschermd wordt tegen misbruik in de vorm van financiering van terrorisme.',
		recenteOntwikkelingen: p(
			'Op 15 maart 2016 heeft de Rechtbank Rotterdam een verdachte veroordeeld tot een gevangenisstraf van 24 maanden, waarvan 8 maanden voorwaardelijk.',
			'Het concept voorstel voor de vierde anti-witwasrichtlijn wordt naar verwachting deze zomer in consultatie gebracht. Het streven is uiterlijk medio 2017 de richtlijn te implementeren.'
		)
	},
	{
		nr: 34,
		theme: T6,
		description: 'Versterking detectie jihadistische reisbewegingen.',
		planning: '2016',
		standVanZaken:
			'Op 4 mei 2016 is de richtlijn (EU) 2016/681 van het Europees parlement en de Raad van 27 april 2016 over het gebruik van reisgegevens (PNR-gegevens) voor het voorkomen, opsporen, onderzoeken en vervolgen van terroristische misdrijven en ernstige criminaliteit gepubliceerd in het Publicatieblad van de Europese Unie (L119/132 NL).',
		recenteOntwikkelingen: p(
			'Met de publicatie van de PNR-richtlijn op 4 mei 2016 is deze per 24 mei 2016 in werking getreden. Lidstaten hebben 2 jaar de tijd om de richtlijn volledig te implementeren.',
			'De in 2015-2016 gerealiseerde technische voorziening reisgegevens is reeds in gebruik genomen.'
		)
	},
	{
		nr: 35,
		theme: T6,
		description: 'Versterking deskundigheidsbevordering in de uitvoering.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Er wordt ingezet op het delen van eenduidige communicatie vanuit de overheid, het kennis delen binnen Nederland en het benutten van internationale expertise.',
		recenteOntwikkelingen: p(
			'Er vinden doorlopend trainingen plaats vanuit het ROR. De eerste trainingen vonden in juni 2016 plaats en worden gedurende de rest van het jaar gegeven aan medewerkers van de kleine vreemdelingenketen.',
			'Voor Dienst Justitiële Inrichtingen is ook een omvangrijk trainingsaanbod ontwikkeld. De trainingen worden per functiegroep gedifferentieerd.'
		)
	},
	{
		nr: 36,
		theme: T6,
		description:
			'Intensivering internationale samenwerking en aanpak op het gebied van jihadgangers.',
		planning: 'doorlopend toegepast',
		standVanZaken: p(
			'In EU en multilateraal kader is de samenwerking verder geïntensiveerd.',
			'In multilateraal kader komt Nederland met andere landen onder meer samen in het Global Counterterrorism Forum (GCTF) en binnen de anti-ISIS coalitie. Nederland en Marokko zijn co-voorzitters van het GCTF.'
		),
		recenteOntwikkelingen: p(
			'Onder leiding van Nederland is daarnaast hard gewerkt aan een routekaart voor verbetering van informatie-uitwisseling om concrete knelpunten weg te nemen in de informatie-uitwisseling tussen lidstaten op het gebied van rechtshandhaving, terrorismebestrijding, grensmanagement en migratie.',
			'De routekaart is aangenomen door de JBZ-raad van 9 en 10 juni 2016.'
		)
	},
	{
		nr: 37,
		theme: T6,
		description: 'Optimalisering bestaande signaleringsmiddelen.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'In het platform ‘reisbewegingen en informatie uitwisseling’ wordt de nationale praktijk van informatie uitwisseling, en de detectie en signalering van personen reisbewegingen besproken. De werkgroep komt periodiek bijeen en richt zich op verbetering van processen in de nationale praktijk en levert input voor de Europese samenwerking.',
		recenteOntwikkelingen:
			'Onderdeel van de routekaart ter verbetering van informatie-uitwisseling en het gebruik van informatie inclusief oplossingen voor interoperabiliteit van datasystemen op JBZ-gebied, zijn acties opgenomen ten behoeve van de detectie van personen en reisbewegingen binnen contraterrorisme. De werkgroep zal zich richten op de nationale implementatie van deze Europese acties.'
	},
	{
		nr: 38,
		theme: T6,
		description: 'Versterking proactieve informatie-uitwisseling.',
		planning: 'doorlopend toegepast',
		standVanZaken:
			'Proactieve informatie-uitwisseling is het fundament van de effectieve aanpak van jihadisten. Dit geldt voor zowel op nationaal niveau, als op internationaal niveau. Nederland zet in op een integrale benadering waarbij informatie uit verschillende bronnen aan elkaar worden verbonden.',
		recenteOntwikkelingen:
			'Zie voortgang maatregel 36 en 37. Met de routekaart zijn acties opgenomen ten aanzien van het systematisch vullen en consistent gebruiken van Europese en internationale informatiesystemen. De afspraken zijn niet vrijblijvend. De uitvoering van de acties wordt gemonitord via het comité operationele samenwerking op het gebied van de binnenlandse veiligheid (COSI), in samenwerking met de EU Contra Terrorisme Coördinator en de Europese Commissie.'
	}
];

export type ActionStatus =
	'not_started' | 'in_progress' | 'implemented' | 'ongoing' | 'not_applicable';

/**
 * Status of an AIAJ measure derived from its Planning text at a peildatum (YYYY-MM-DD). The
 * seed-004 table has no status column; the import profile applies these rules:
 *
 * - "doorlopend toegepast" or "doorlopend" → `ongoing` (continuously applied)
 * - "gereed" → `implemented`
 * - "<year> gereed" (e.g. "2016 gereed") → `implemented` if year < the peildatum's year,
 *   else `in_progress`
 * - "onderzoek lopend" and anything else (e.g. "2016", "2015/2016") → `in_progress`
 *
 * Matching ignores case and surrounding or repeated white space.
 */
export function deriveStatus(planning: string, peildatum: string): ActionStatus {
	const text = planning.trim().toLowerCase().replace(/\s+/g, ' ');
	if (text === 'doorlopend toegepast' || text === 'doorlopend') return 'ongoing';
	if (text === 'gereed') return 'implemented';
	const m = /^(\d{4}) gereed$/.exec(text);
	if (m) return Number(m[1]) < Number(peildatum.slice(0, 4)) ? 'implemented' : 'in_progress';
	return 'in_progress';
}

/**
 * Invented status of a measure in a later (sample) round. Deterministic:
 *
 * 1. Planning "2015/2016" is read as "2016 gereed", then `deriveStatus` applies at the round's
 *    peildatum (so "2016 gereed" measures are still `in_progress` on 2016-12-31 and
 *    `implemented` on 2017-06-30).
 * 2. Two invented events override that: measure 6 ("onderzoek lopend") finishes its study by
 *    2017-06-30, and measure 28 is reported jointly with measure 27 from 2017-06-30 on, so it
 *    becomes `not_applicable` there.
 * 3. The rules are monotone: no measure moves back from implemented/ongoing to in_progress
 *    or not_started between rounds (asserted by tests/unit/generate-samples.test.ts).
 */
export function laterRoundStatus(measure: AiajMeasure, peildatum: string): ActionStatus {
	const override = LATER_OVERRIDES[measure.nr];
	if (override) {
		const dates = Object.keys(override)
			.filter((d) => d <= peildatum)
			.sort();
		if (dates.length > 0) return override[dates[dates.length - 1]];
	}
	const planning = measure.planning === '2015/2016' ? '2016 gereed' : measure.planning;
	return deriveStatus(planning, peildatum);
}

const LATER_OVERRIDES: Record<number, Record<string, ActionStatus>> = {
	6: { '2017-06-30': 'implemented' },
	28: { '2017-06-30': 'not_applicable' }
};

/** Dutch phrasing of a status in the later rounds' Status column. */
export function dutchStatus(status: ActionStatus, planning: string): string {
	switch (status) {
		case 'ongoing':
			return planning === 'doorlopend' ? 'doorlopend' : 'doorlopend toegepast';
		case 'implemented':
			return 'gereed';
		case 'in_progress':
			return 'lopend';
		case 'not_started':
			return 'niet gestart';
		case 'not_applicable':
			return 'n.v.t.';
	}
}

const ROUND_NOTES: Record<ActionStatus, readonly string[]> = {
	ongoing: [
		'De maatregel wordt doorlopend toegepast; in deze rapportageperiode zijn geen bijzonderheden te melden.',
		'De maatregel wordt doorlopend toegepast. De aantallen worden bijgehouden en in de volgende rapportage geactualiseerd.',
		'Doorlopend toegepast; de uitvoering is in de reguliere werkprocessen van de betrokken organisaties opgenomen.'
	],
	implemented: [
		'De maatregel is gereed; er zijn geen nieuwe ontwikkelingen.',
		'Gereed. De uitvoering is overgedragen aan de lijnorganisatie.'
	],
	in_progress: [
		'De uitvoering loopt; afronding wordt in de volgende rapportageperiode verwacht.',
		'De uitvoering loopt volgens planning.',
		'De uitvoering loopt; de planning is bijgesteld in verband met de parlementaire behandeling.'
	],
	not_started: ['De uitvoering is nog niet gestart.'],
	not_applicable: ['Niet langer van toepassing.']
};

/**
 * Invented "Recente ontwikkelingen" text of a later sample round, always starting with
 * "[VOORBEELD] " so nobody mistakes it for a real report.
 */
export function laterRoundNote(
	measure: AiajMeasure,
	peildatum: string,
	status: ActionStatus,
	previous: ActionStatus
): string {
	const date = `${peildatum.slice(8, 10)}-${peildatum.slice(5, 7)}-${peildatum.slice(0, 4)}`;
	let text: string;
	if (measure.nr === 28 && status === 'not_applicable') {
		text =
			'Maatregel 28 wordt vanaf deze rapportage samen met maatregel 27 gerapporteerd; een afzonderlijke rapportage is niet langer van toepassing.';
	} else if (status === 'implemented' && previous !== 'implemented') {
		text = `De maatregel is in deze rapportageperiode afgerond (peildatum ${date}).`;
	} else {
		const options = ROUND_NOTES[status];
		text =
			options[
				(measure.nr * 7 + Number(peildatum.slice(0, 4)) + Number(peildatum.slice(5, 7))) %
					options.length
			];
	}
	return `[VOORBEELD] ${text}`;
}
