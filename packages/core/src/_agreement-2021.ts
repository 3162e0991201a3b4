import { agreementSchema } from './_agreement.ts';
import type { Agreement } from './_agreement.ts';

/**
 * The original agreement, signed 8.2.2021 (`seeds/agreement/sopimus-2021-alkuperainen.txt`).
 *
 * Target texts (`text.fi`) are quoted from the source with whitespace normalised and words split at
 * line ends joined (`TKI-` + `yksiköiden` keeps its compound hyphen); test/quotes.test.ts holds them
 * to the source. Parsed at module load, so malformed data fails the first import, not a report.
 */
export const agreement2021: Agreement = agreementSchema.parse({
  version: '2021',
  title: {
    fi: 'Innovaatiotoiminnan ekosysteemisopimus',
    en: 'Innovation ecosystem agreement',
  },
  city: 'Jyväskylä',
  signed: '2021-02-08',
  period: { start: '2021-02-08', end: '2027-12-31' },
  focusPeriod: { start: '2021-02-08', end: '2027-12-31' },
  parties: [
    { fi: 'Jyväskylän kaupunki', en: 'City of Jyväskylä' },
    { fi: 'työ- ja elinkeinoministeriö', en: 'Ministry of Economic Affairs and Employment' },
  ],
  bodies: [
    { fi: 'Johtoryhmä', en: 'Steering group' },
    { fi: 'Kansallinen ohjausryhmä', en: 'National steering group' },
  ],
  partners: [
    { fi: 'Opetus- ja kulttuuriministeriö', en: 'Ministry of Education and Culture' },
    { fi: 'Jyväskylän yliopisto', en: 'University of Jyväskylä' },
    { fi: 'Jyväskylän ammattikorkeakoulu', en: 'JAMK University of Applied Sciences' },
    { fi: 'Keski-Suomen maakuntaliitto', en: 'Regional Council of Central Finland' },
    { fi: 'Keski-Suomen ELY-keskus', en: 'Central Finland Centre for Economic Development, Transport and the Environment (ELY Centre)' },
  ],
  // "nykyisestä 2,7 prosentin bruttokansantuoteosuudesta 4 prosenttiin 2030 mennessä"
  rdBaselinePercent: 2.7,
  rdGoalPercent: 4,
  priorityAreas: [
    {
      id: '4.1',
      title: {
        fi: 'Liikunnan, terveyden edistämisen ja hyvinvoinnin ekosysteemi',
        en: 'Ecosystem of sport, health promotion and wellbeing',
      },
      summary: {
        fi:
          'Visiona on luoda liikunnan, terveyden edistämisen ja hyvinvoinnin kasvuliiketoiminnalle parempia ' +
          'edellytyksiä Suomessa ja ankkuroida hyvinvoinnin ajatusjohtajuus Suomeen. Jyväskylään syntyy vuoteen ' +
          '2027 mennessä alan fyysinen ja digitaalinen kokeilu- ja innovaatioympäristö, jota vahvistetaan ' +
          'kaupallistamisen tuella ja innovatiivisilla julkisilla hankinnoilla.',
        en:
          'The vision is to create better conditions in Finland for growth business in sport, health promotion ' +
          'and wellbeing, and to anchor thought leadership in wellbeing in Finland. By 2027 a physical and ' +
          'digital testing and innovation environment for the field emerges in Jyväskylä, strengthened by ' +
          'support for commercialisation and by innovative public procurement.',
      },
    },
    {
      id: '4.2',
      title: {
        fi: 'Uudistuvan teollisuuden ekosysteemi',
        en: 'Ecosystem of renewing industry',
      },
      summary: {
        fi:
          'Keski-Suomen uudistuvan teollisuuden ekosysteemi osallistuu aktiivisesti kansallisen ja ' +
          'kansainvälisen teollisuusympäristön kehittämiseen. Painopisteitä ovat teolliset palveluympäristöt, ' +
          'teollisuuden digitalisaatio sekä uudet materiaali- ja valmistusteknologiat; vahvuuksina ovat Nano ' +
          'Science Center, kiihdytinlaboratoriot, CAMS, Robotics Center ja kyberturvallisuuden JyvSecTec, ' +
          'kärkinä Industry 5.0 -koelinjat sekä bio- ja kiertotalous.',
        en:
          'The renewing industry ecosystem of Central Finland takes an active part in developing the national ' +
          'and international industrial environment. Its focus areas are industrial service environments, the ' +
          'digitalisation of industry, and new materials and manufacturing technologies; its strengths are the ' +
          'Nano Science Center, the accelerator laboratories, CAMS, Robotics Center and the JyvSecTec cyber ' +
          'security centre, with Industry 5.0 test lines and the bio and circular economy as spearheads.',
      },
    },
  ],
  measures: [
    {
      id: '4.1.1',
      priorityArea: '4.1',
      title: { fi: 'Kansallinen ja kansainvälinen verkosto', en: 'National and international network' },
      description: {
        fi:
          'Hyvinvointi-ilmiöiden tutkimus ja osaamisen kehittäminen ovat arvoverkoston eurooppalaisesti ' +
          'vaikuttava painopiste. Korkeakoulujen ja VTT:n kanssa tehostetaan tutkimuksen hyödyntämistä uuden ' +
          'liiketoiminnan synnyttämiseksi, alan yrityksistä muodostetaan laajeneva arvoverkko yhteistarjoomaa ' +
          'varten, ja julkisen ja kolmannen sektorin, erityisesti seuratoiminnan, innovatiivisuutta ja ' +
          'public-private-yhteistyömalleja lisätään.',
        en:
          "Research on wellbeing phenomena and competence development are the value network's focus of " +
          'European impact. With Finnish higher education institutions and VTT, research is put to use to ' +
          'create new business; companies of the field form a growing value network with joint offerings for ' +
          'international markets; and the innovativeness of the public and third sectors, sports clubs in ' +
          'particular, and public-private cooperation models are increased.',
      },
    },
    {
      id: '4.1.2',
      priorityArea: '4.1',
      title: { fi: 'Osaamis- ja innovaatioympäristöt', en: 'Competence and innovation environments' },
      description: {
        fi:
          'Kaupunki panostaa yli 30 M€ Hippoksen liikunnan ja osaamisen kiinteistökehityshankkeeseen ' +
          '(kokonaiskustannus 160 M€), josta muodostuu yksi Pohjoismaiden suurimmista sisäliikuntakeskuksista ' +
          'ja pohja alan innovaatioekosysteemille; Sairaala Novan ympäristön kaupunkikehityshanke täydentää ' +
          'sitä. Tavoitteena on kansainvälisesti kilpailukykyinen osaamis- ja kokeiluympäristö, myös ' +
          'digitaalisesti, liittyen European Digital Innovation Hub -hakuun.',
        en:
          'The city invests over €30 million in the Hippos sport and competence property development project ' +
          '(total cost €160 million), which becomes one of the largest indoor sports centres in the Nordic ' +
          "countries and the base of the field's innovation ecosystem; the urban development project around " +
          'Nova hospital complements it. The aim is an internationally competitive competence and testing ' +
          'environment, digital as well, linked to the European Digital Innovation Hub call.',
      },
    },
    {
      id: '4.1.3',
      priorityArea: '4.1',
      title: { fi: 'Kasvuliiketoiminta', en: 'Growth business' },
      description: {
        fi:
          'Start-up-yrityksille, yksityisille sijoittajille ja suuryrityskumppaneille rakennetaan alusta, joka ' +
          'avaa uusia markkinoita ja vahvistaa yritysten rahoitusvalmiuksia. Kasvu- ja kiihdyttämöohjelmia ' +
          'toteutetaan kansainvälisten toimijoiden kanssa; kansainvälistä sijoittajaverkostoa (esim. EBAN) ja ' +
          'eurooppalaisia hyvinvoinnin verkostoja (esim. ECHAlliance) hyödynnetään.',
        en:
          'A platform is built for start-ups, private investors and large corporate partners that opens new ' +
          "markets and strengthens companies' readiness for funding. Growth and accelerator programmes are run " +
          "with international actors; Jyväskylä's international investor network (e.g. EBAN) and European " +
          'wellbeing networks (e.g. ECHAlliance) are put to use.',
      },
    },
    {
      id: '4.2.1',
      priorityArea: '4.2',
      title: {
        fi: 'Arvoverkosto ja yritysten innovaatiokyvykkyyden lisääminen',
        en: "Value network and increasing companies' innovation capability",
      },
      description: {
        fi:
          'Yritysryhmien yhdessä tuottamilla tuote- ja palveluratkaisuilla tähdätään EU:n sisämarkkinoille ja ' +
          'globaaleille markkinoille. Business Jyväskylän arvoverkkokonseptilla aktivoidaan pk-yrityksiä, ' +
          'lisätään yksityisen rahoituksen osuutta soveltavassa tutkimuksessa ja kytketään paikallisia ' +
          'pk-yrityksiä kansainvälisten suuryritysten arvoverkkoihin; kansainvälisten osaajien ja yritysten ' +
          'tki-yksiköiden sijoittumista Suomeen edistetään.',
        en:
          'Product and service solutions produced jointly by groups of companies aim at the EU single market and ' +
          "global markets. Business Jyväskylä's value network concept activates SMEs, raises the share of " +
          'private funding in applied research and connects local SMEs to value networks with international ' +
          "large companies; the location of international talent and companies' R&D units in Finland is " +
          'actively promoted.',
      },
    },
    {
      id: '4.2.2',
      priorityArea: '4.2',
      title: {
        fi: 'Materiaaliteknologian ja valmistuksen TKI-infrastruktuurin vahvistaminen',
        en: 'Strengthening the RDI infrastructure of materials technology and manufacturing',
      },
      description: {
        fi:
          'Korkeakoulujen materiaaliteknologian TKI-infrastruktuuri kehitetään kansainvälisesti vetovoimaiseksi, ' +
          'tehokkaasti yhteiskäytetyksi kokonaisuudeksi, jonka tutkimusalustoille erityisesti pk-yritykset ' +
          'telakoituvat vaivatta. Investointikohteina ovat tutkimus- ja tuotekehityskeskus ADDVA, joustava ' +
          'kognitiivinen valmistuksen ja tavarankäsittelyn ympäristö sekä NSC Finland -nanotieteen keskus ja ' +
          'kiihdytinpohjainen alusta.',
        en:
          "The higher education institutions' materials technology RDI infrastructure is developed into an " +
          'internationally attractive, efficiently shared whole whose research platforms companies, SMEs in ' +
          'particular, can dock onto with ease. The investment targets are the ADDVA research and product ' +
          'development centre, a flexible cognitive manufacturing and materials handling environment, and the ' +
          'NSC Finland nanoscience centre with an accelerator-based platform.',
      },
    },
  ],
  targets: [
    {
      id: '4.1.1/2023',
      measure: '4.1.1',
      year: 2023,
      deadline: '2023-12-31',
      text: {
        fi:
          'Verkosto kokoaa hyvinvoinnin ja terveyden edistämistyöhön ja yhteiskehittämiseen muita teemaan ' +
          'erikoistuvia kaupunkeja Suomessa (erityisesti Turku, Kuopio, Lahti + Kajaani ja Kokkola) ja ' +
          'tutkimuslaitoksia mm. VTT.',
        en:
          'The network brings together other Finnish cities specialising in the theme (in particular Turku, ' +
          'Kuopio, Lahti + Kajaani and Kokkola) and research institutes such as VTT for health and wellbeing ' +
          'promotion work and co-development.',
      },
    },
    {
      id: '4.1.1/2027',
      measure: '4.1.1',
      year: 2027,
      deadline: '2027-12-31',
      text: {
        fi:
          'Arvoverkostotavoite laajenee kansallisesta pohjoismaiseksi, ekosysteemi eurooppalaisella ' +
          'ajatusjohtajuudella on rakentumassa.',
        en:
          'The value network goal expands from national to Nordic; an ecosystem with European thought ' +
          'leadership is being built.',
      },
    },
    {
      id: '4.1.2/2023',
      measure: '4.1.2',
      year: 2023,
      deadline: '2023-12-31',
      text: {
        fi:
          'Hyvinvointiin ja suorituskykyyn liittyvälle dataliiketoiminnalle on luotu alustatalouden malli, joka ' +
          'synnyttää eri kokoisten yritysten yhteisen skaalautuva kasvualustan. DAAS-palvelumallin pilotointi ' +
          'käynnissä.',
        en:
          'A platform economy model has been created for data business related to wellbeing and performance, ' +
          'giving rise to a shared, scalable growth platform for companies of different sizes. Piloting of the ' +
          'DaaS (data as a service) model under way.',
      },
    },
    {
      id: '4.1.2/2027',
      measure: '4.1.2',
      year: 2027,
      deadline: '2027-12-31',
      text: {
        fi:
          'Hippoksen ja Kukkulan yhteinen osaamisen ja oppimisen innovaatioympäristö, ytimenään ' +
          'liikuntatieteellisen ja KIHUn laboratoriot ja JAMKin hyvinvointiyksikkö, sekä sairaala Nova. ' +
          'Ekosysteemi houkuttelee kansainvälisiä osaajia ja globaalien yritysten TKI-yksiköiden sijoittumista ' +
          'ekosysteemiin edistetään.',
        en:
          'A joint competence and learning innovation environment of Hippos and Kukkula, with the laboratories ' +
          "of the Faculty of Sport and Health Sciences and of KIHU and JAMK's wellbeing unit at its core, " +
          'together with Nova hospital. The ecosystem attracts international talent, and the location of ' +
          "global companies' RDI units in the ecosystem is promoted.",
      },
    },
    {
      id: '4.1.3/2023',
      measure: '4.1.3',
      year: 2023,
      deadline: '2023-12-31',
      text: {
        fi:
          'Synnyttää vähintään 5-7 kahdenvälistä kansallista yhteistyötä hyvinvoinnin ja suorituskyvyn ' +
          'arvoverkostojen uusissa kasvuohjelmissa.',
        en:
          'To create at least 5–7 bilateral national collaborations in new growth programmes of the wellbeing ' +
          'and performance value networks.',
      },
    },
    {
      id: '4.1.3/2027',
      measure: '4.1.3',
      year: 2027,
      deadline: '2027-12-31',
      text: {
        fi:
          'Synnyttää kansallisia, pitkäjänteisiä (3-5v), ja/tai monenvälisiä yhteistyösopimuksia ' +
          'kasvuohjelmien välisestä yhteistuotannosta sekä kansainvälisiä ekosysteemikumppanuuksia Suomeen.',
        en:
          'To create national, long-term (3–5 years) and/or multilateral cooperation agreements on ' +
          'co-production between growth programmes, and international ecosystem partnerships for Finland.',
      },
    },
    {
      id: '4.2.1/2023',
      measure: '4.2.1',
      year: 2023,
      deadline: '2023-12-31',
      text: {
        fi:
          'Keski-Suomen alueen uudistuva pk-yrityssektori ja sen osaaminen kartoitettu ja avoimen, yhteisen ' +
          'tuotekehitysalustan kehittäminen käynnissä. Eteläportin digitaalinen kaksonen toiminnassa.',
        en:
          'The renewing SME sector of the Central Finland region and its competences mapped, and development ' +
          'of an open, shared product development platform under way. The Eteläportti digital twin in ' +
          'operation.',
      },
    },
    {
      id: '4.2.1/2027',
      measure: '4.2.1',
      year: 2027,
      deadline: '2027-12-31',
      text: {
        fi:
          'Kansainväliset kumppanuudet (esim. EFFRA; GREEN DEAL:n kautta) tuovat paikallisten yritysten ' +
          'arvoverkkoon hyödyllisiä kumppanuuksia. Teollista valmistusta ja sitä tukevia palveluita tarjoaville ' +
          'yrityksille rakentuu uuden ajan älykäs teknologiaympäristö, sekä laajat yritystarjoamien ' +
          'kokonaisuudet ovat käytössä.',
        en:
          'International partnerships (e.g. EFFRA; through the Green Deal) bring useful partnerships to the ' +
          'value network of local companies. A new-age smart technology environment is built for companies ' +
          'offering industrial manufacturing and the services that support it, and broad combined company ' +
          'offerings are in use.',
      },
    },
    {
      id: '4.2.2/2023',
      measure: '4.2.2',
      year: 2023,
      deadline: '2023-12-31',
      text: {
        fi:
          'Tutkimusympäristön kehitys ja suunnittelu, tki-infrastruktuurin hyödyntämiseen tehostetut ' +
          'kumppanuusmalleja pilotoidaan.',
        en:
          'Development and design of the research environment; enhanced partnership models for using the RDI ' +
          'infrastructure are piloted.',
      },
    },
    {
      id: '4.2.2/2027',
      measure: '4.2.2',
      year: 2027,
      deadline: '2027-12-31',
      text: {
        fi:
          'Ensimmäinen uusi kansainvälisen yrityksen tki-keskus sijoittuu ja materiaaliteknologian tutkimus- ja ' +
          'tuotekehitysympäristön 1. vaihe on rakentumassa.',
        en:
          'The first new R&D centre of an international company locates in the region, and phase 1 of the ' +
          'materials technology research and product development environment is under construction.',
      },
    },
  ],
  kpis: [
    {
      id: 'partner_cities',
      target: '4.1.1/2023',
      kind: 'latest',
      quantity: 'count',
      threshold: 5,
      stretch: null,
      label: { fi: 'Kumppanikaupungit verkostossa', en: 'Partner cities in the network' },
      unit: { fi: 'kaupunkia', en: 'cities' },
      unitOne: { fi: 'kaupunki', en: 'city' },
      basis: 'muita teemaan erikoistuvia kaupunkeja Suomessa (erityisesti Turku, Kuopio, Lahti + Kajaani ja Kokkola)',
    },
    {
      id: 'research_institutes',
      target: '4.1.1/2023',
      kind: 'latest',
      quantity: 'count',
      threshold: 1,
      stretch: null,
      label: { fi: 'Tutkimuslaitokset verkostossa', en: 'Research institutes in the network' },
      unit: { fi: 'tutkimuslaitosta', en: 'research institutes' },
      unitOne: { fi: 'tutkimuslaitos', en: 'research institute' },
      basis: 'ja tutkimuslaitoksia mm. VTT',
    },
    {
      id: 'nordic_partners',
      target: '4.1.1/2027',
      kind: 'latest',
      quantity: 'count',
      threshold: 1,
      stretch: null,
      label: { fi: 'Pohjoismaiset kumppanit arvoverkostossa', en: 'Nordic partners in the value network' },
      unit: { fi: 'kumppania', en: 'partners' },
      unitOne: { fi: 'kumppani', en: 'partner' },
      basis: 'Arvoverkostotavoite laajenee kansallisesta pohjoismaiseksi',
    },
    {
      id: 'daas_pilots',
      target: '4.1.2/2023',
      kind: 'latest',
      quantity: 'count',
      threshold: 1,
      stretch: null,
      label: { fi: 'Käynnissä olevat DAAS-pilotit', en: 'DaaS pilots under way' },
      unit: { fi: 'pilottia', en: 'pilots' },
      unitOne: { fi: 'pilotti', en: 'pilot' },
      basis: 'DAAS-palvelumallin pilotointi käynnissä',
    },
    {
      id: 'hippos_city_investment_meur',
      target: '4.1.2/2027',
      kind: 'sum',
      quantity: 'amount',
      threshold: 30,
      stretch: null,
      label: { fi: 'Kaupungin investointi Hippokseen', en: "The city's investment in Hippos" },
      unit: { fi: 'M€', en: 'M€' },
      unitOne: { fi: 'M€', en: 'M€' },
      basis: 'Jyväskylän kaupunki panostaa lähivuosina yli 30 M€ liikunnan ja osaamisen kiinteistökehityshankkeeseen',
    },
    {
      id: 'bilateral_collaborations',
      target: '4.1.3/2023',
      kind: 'sum',
      quantity: 'count',
      threshold: 5,
      stretch: 7,
      label: { fi: 'Kahdenväliset kansalliset yhteistyöt', en: 'Bilateral national collaborations' },
      unit: { fi: 'yhteistyötä', en: 'collaborations' },
      unitOne: { fi: 'yhteistyö', en: 'collaboration' },
      basis: 'Synnyttää vähintään 5-7 kahdenvälistä kansallista yhteistyötä',
    },
    {
      id: 'etelaportti_digital_twin',
      target: '4.2.1/2023',
      kind: 'latest',
      quantity: 'count',
      threshold: 1,
      stretch: null,
      label: { fi: 'Eteläportin digitaalinen kaksonen toiminnassa', en: 'Eteläportti digital twin in operation' },
      unit: { fi: 'kaksosta', en: 'digital twins' },
      unitOne: { fi: 'kaksonen', en: 'digital twin' },
      basis: 'Eteläportin digitaalinen kaksonen toiminnassa',
    },
    {
      id: 'intl_rd_centres',
      target: '4.2.2/2027',
      kind: 'sum',
      quantity: 'count',
      threshold: 1,
      stretch: null,
      label: {
        fi: 'Sijoittuneet kansainvälisten yritysten tki-keskukset',
        en: "International companies' R&D centres located",
      },
      unit: { fi: 'keskusta', en: 'centres' },
      unitOne: { fi: 'keskus', en: 'centre' },
      basis: 'Ensimmäinen uusi kansainvälisen yrityksen tki-keskus sijoittuu',
    },
  ],
  themes: [
    {
      id: 'green_transition',
      label: { fi: 'Vihreä ja digitaalinen siirtymä', en: 'Green and digital transition' },
      evidence: 'vihreän ja digitaalisen siirtymän näkökulmiin',
    },
    {
      id: 'circular_economy',
      label: { fi: 'Bio- ja kiertotalous', en: 'Bio and circular economy' },
      evidence: 'bio- ja kiertotalouden alalle',
    },
    {
      id: 'nanoscience',
      label: { fi: 'Nanotiede (Nano Science Center)', en: 'Nanoscience (Nano Science Center)' },
      evidence: 'Nano Science Center NSC',
    },
    {
      id: 'accelerator_laboratory',
      label: { fi: 'Kiihdytinlaboratorio', en: 'Accelerator laboratory' },
      evidence: 'JYLF-ACCLAB',
    },
    {
      id: 'cyber_security',
      label: { fi: 'Kyberturvallisuus (JyvSecTec)', en: 'Cyber security (JyvSecTec)' },
      evidence: 'kyberturvallisuuden JyvSecTec',
    },
    {
      id: 'industry_5_0',
      label: { fi: 'Industry 5.0', en: 'Industry 5.0' },
      evidence: 'Industry 5.0:n koelinjat',
    },
    {
      id: 'effra',
      label: {
        fi: 'EFFRA (European Factories of the Future Research Association)',
        en: 'EFFRA (European Factories of the Future Research Association)',
      },
      evidence: 'EFFRA',
    },
    {
      id: 'green_deal',
      label: { fi: 'EU:n vihreän kehityksen ohjelma (Green Deal)', en: 'European Green Deal' },
      evidence: 'GREEN DEAL:n kautta',
    },
    {
      id: 'addva_centre',
      label: {
        fi: 'ADDVA-tutkimus- ja tuotekehityskeskus',
        en: 'ADDVA research and product development centre',
      },
      evidence: 'tutkimus- ja tuotekehityskeskus ADDVA',
    },
    {
      id: 'cognitive_manufacturing',
      label: {
        fi: 'Kognitiivinen valmistuksen ja tavarankäsittelyn ympäristö',
        en: 'Cognitive manufacturing and materials handling environment',
      },
      evidence: 'kognitiivinen valmistuksen ja tavarankäsittelyn ympäristö',
    },
  ],
  funding: {
    localShare: 0.4,
    euStateShare: 0.6,
    instruments: [
      {
        id: 'EAKR',
        name: { fi: 'Euroopan aluekehitysrahasto (EAKR)', en: 'European Regional Development Fund (ERDF)' },
      },
      {
        id: 'ESR+',
        name: { fi: 'Euroopan sosiaalirahasto plus (ESR+)', en: 'European Social Fund Plus (ESF+)' },
      },
      {
        id: 'JTF',
        name: { fi: 'Oikeudenmukaisen siirtymän rahasto (JTF)', en: 'Just Transition Fund (JTF)' },
      },
      {
        id: 'AKKE',
        name: {
          fi: 'Kansallinen alueellinen kehittämisraha (AKKE)',
          en: 'National regional development funding (AKKE)',
        },
      },
      {
        id: 'RRF',
        name: {
          fi: 'EU:n elpymis- ja palautumistukiväline (RRF)',
          en: 'EU Recovery and Resilience Facility (RRF)',
        },
      },
    ],
  },
  sourceFile: 'sopimus-2021-alkuperainen.txt',
});
