import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agreementSchema } from '../src/_agreement.ts';
import type { Agreement } from '../src/_agreement.ts';
import { agreement2021 } from '../src/_agreement-2021.ts';
import { agreement2025 } from '../src/_agreement-2025.ts';
import { AGREEMENT_VERSIONS, getAgreement } from '../src/_agreements.ts';
import { normaliseSourceText, quoteOccursIn, readSourceText } from './_source-text.ts';

const AGREEMENTS = [agreement2021, agreement2025];

const TARGET_IDS = [
  '4.1.1/2023',
  '4.1.1/2027',
  '4.1.2/2023',
  '4.1.2/2027',
  '4.1.3/2023',
  '4.1.3/2027',
  '4.2.1/2023',
  '4.2.1/2027',
  '4.2.2/2023',
  '4.2.2/2027',
];

/** DOMAIN.md's table of the KPIs the agreement data must define. */
const DOMAIN_KPIS = [
  { id: 'partner_cities', target: '4.1.1/2023', kind: 'latest', threshold: 5, stretch: null, versions: ['2021', '2025'] },
  { id: 'research_institutes', target: '4.1.1/2023', kind: 'latest', threshold: 1, stretch: null, versions: ['2021', '2025'] },
  { id: 'hippos_city_investment_meur', target: '4.1.2/2027', kind: 'sum', threshold: 30, stretch: null, versions: ['2021', '2025'] },
  { id: 'bilateral_collaborations', target: '4.1.3/2023', kind: 'sum', threshold: 5, stretch: 7, versions: ['2021', '2025'] },
  { id: 'intl_rd_centres', target: '4.2.2/2027', kind: 'sum', threshold: 1, stretch: null, versions: ['2021'] },
  { id: 'new_rdi_environments', target: '4.2.2/2027', kind: 'sum', threshold: 1, stretch: null, versions: ['2025'] },
] as const;

function target(agreement: Agreement, id: string) {
  const t = agreement.targets.find((x) => x.id === id);
  if (!t) throw new Error(`${agreement.version} has no target ${id}`);
  return t;
}

describe('agreement data', () => {
  it('both versions parse against agreementSchema (a round trip changes nothing)', () => {
    for (const agreement of AGREEMENTS) expect(agreementSchema.parse(agreement)).toEqual(agreement);
  });

  it('getAgreement returns each version, AGREEMENT_VERSIONS lists both oldest first', () => {
    expect(AGREEMENT_VERSIONS).toEqual(['2021', '2025']);
    expect(getAgreement('2021')).toBe(agreement2021);
    expect(getAgreement('2025')).toBe(agreement2025);
    for (const v of AGREEMENT_VERSIONS) expect(getAgreement(v).version).toBe(v);
  });

  it('names parties, partners, dates and the R&D baseline as each text does', () => {
    for (const a of AGREEMENTS) {
      expect(a.city).toBe('Jyväskylä');
      expect(a.parties.map((p) => p.fi)).toEqual(['Jyväskylän kaupunki', 'työ- ja elinkeinoministeriö']);
      expect(a.parties.map((p) => p.en)).toEqual(['City of Jyväskylä', 'Ministry of Economic Affairs and Employment']);
      expect(a.period).toEqual({ start: '2021-02-08', end: '2027-12-31' });
      expect(a.rdGoalPercent).toBe(4);
      expect(a.funding.localShare).toBe(0.4);
      expect(a.funding.euStateShare).toBe(0.6);
      expect(a.funding.instruments.map((i) => i.id)).toEqual(['EAKR', 'ESR+', 'JTF', 'AKKE', 'RRF']);
    }
    expect(agreement2021.signed).toBe('2021-02-08');
    expect(agreement2025.signed).toBeNull();
    expect(agreement2021.focusPeriod).toEqual({ start: '2021-02-08', end: '2027-12-31' });
    expect(agreement2025.focusPeriod).toEqual({ start: '2025-01-01', end: '2027-12-31' });
    expect(agreement2021.rdBaselinePercent).toBe(2.7);
    expect(agreement2025.rdBaselinePercent).toBe(3.1);
    expect(agreement2021.partners.at(-1)?.fi).toBe('Keski-Suomen ELY-keskus');
    expect(agreement2025.partners.at(-1)?.fi).toBe('Keski-Suomen elinvoimakeskus');
    expect(agreement2025.partners.map((p) => p.en)).toContain('University of Jyväskylä');
    expect(agreement2025.partners.map((p) => p.en)).toContain('JAMK University of Applied Sciences');
  });

  it('partners, parties and the R&D baseline are what section 1 and 2 of each source say', () => {
    for (const a of AGREEMENTS) {
      const source = normaliseSourceText(readSourceText(a.sourceFile));
      const section1 = source.slice(source.indexOf('1. Sopimusosapuolet'), source.indexOf('2. Tarkoitus ja tausta'));
      for (const partner of a.partners) expect(section1).toContain(partner.fi);
      expect(section1).toContain('Jyväskylän kaupunki ja työ- ja elinkeinoministeriö');
      const baseline = String(a.rdBaselinePercent).replace('.', ',');
      expect(source).toContain(`nykyisestä ${baseline} prosentin bruttokansantuoteosuudesta 4 prosenttiin 2030`);
    }
    expect(normaliseSourceText(readSourceText(agreement2025.sourceFile))).toContain(
      'korvaa aiemmin 8.2.2021 allekirjoitetun sopimuksen',
    );
  });

  it('has two priority areas and five measures, each measure in its area', () => {
    for (const a of AGREEMENTS) {
      expect(a.priorityAreas.map((p) => p.id)).toEqual(['4.1', '4.2']);
      expect(a.measures.map((m) => m.id)).toEqual(['4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2']);
      for (const m of a.measures) expect(m.id.startsWith(`${m.priorityArea}.`)).toBe(true);
    }
  });

  it('has exactly the ten targets, each of its measure and year, with the matching deadline', () => {
    for (const a of AGREEMENTS) {
      expect(a.targets.map((t) => t.id)).toEqual(TARGET_IDS);
      for (const t of a.targets) {
        expect(t.id).toBe(`${t.measure}/${t.year}`);
        expect(t.deadline).toBe(`${t.year}-12-31`);
        expect(a.measures.some((m) => m.id === t.measure)).toBe(true);
        expect(t.text.en).not.toBe(t.text.fi);
      }
    }
  });

  it('the revision changed 4.2.1/2027 and 4.2.2/2027; the other eight targets are the same', () => {
    const changed = ['4.2.1/2027', '4.2.2/2027'];
    for (const id of TARGET_IDS) {
      const before = target(agreement2021, id);
      const after = target(agreement2025, id);
      if (changed.includes(id)) {
        expect(after.text.fi).not.toBe(before.text.fi);
        expect(after.text.en).not.toBe(before.text.en);
      } else if (id === '4.1.3/2027') {
        // The one typographic difference between the two texts: "(3-5v)" became "(3-5 v.)".
        expect(before.text.fi.replace('(3-5v)', '(3-5 v.)')).toBe(after.text.fi);
        expect(after.text.en).toBe(before.text.en);
      } else {
        expect(after.text).toEqual(before.text);
      }
    }
  });

  it.each(DOMAIN_KPIS.map((k) => [k.id, k] as const))('DOMAIN KPI %s is defined as the table says', (_id, expected) => {
    for (const a of AGREEMENTS) {
      const kpi = a.kpis.find((k) => k.id === expected.id);
      if (!(expected.versions as readonly string[]).includes(a.version)) {
        expect(kpi).toBeUndefined();
        continue;
      }
      expect(kpi).toMatchObject({
        target: expected.target,
        kind: expected.kind,
        threshold: expected.threshold,
        stretch: expected.stretch,
      });
    }
  });

  it('every KPI id is unique in its version and its target exists in that version', () => {
    for (const a of AGREEMENTS) {
      const ids = a.kpis.map((k) => k.id);
      expect(new Set(ids).size).toBe(ids.length);
      const targetIds = new Set(a.targets.map((t) => t.id));
      for (const kpi of a.kpis) expect(targetIds.has(kpi.target), `${a.version} ${kpi.id}`).toBe(true);
      for (const kpi of a.kpis) {
        if (kpi.stretch !== null) expect(kpi.stretch).toBeGreaterThan(kpi.threshold);
      }
    }
  });

  it('KPIs other than the two 4.2.2/2027 ones are the same in both versions', () => {
    const shared = (a: Agreement) => a.kpis.filter((k) => k.target !== '4.2.2/2027');
    expect(shared(agreement2025)).toEqual(shared(agreement2021));
  });

  it('every theme id is unique and its evidence occurs in its version’s source text', () => {
    for (const a of AGREEMENTS) {
      const source = readSourceText(a.sourceFile);
      const ids = a.themes.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const theme of a.themes) expect(quoteOccursIn(source, theme.evidence), `${a.version} ${theme.id}`).toBe(true);
    }
  });

  it('themes new in the revision are absent from the 2021 text, and those dropped absent from 2025', () => {
    const source2021 = normaliseSourceText(readSourceText(agreement2021.sourceFile)).toLowerCase();
    const source2025 = normaliseSourceText(readSourceText(agreement2025.sourceFile)).toLowerCase();
    // One keyword per theme that a text containing the theme could not avoid.
    const newIn2025: Record<string, string> = {
      hydrogen: 'vety',
      fibre_bioeconomy: 'kuituteknologi',
      defence: 'puolustu',
      national_cyber_capability: 'ficec',
      mobility_foundation: 'mobility foundation',
      ai_quantum: 'kvantti',
      e3udres2: 'e3udres',
    };
    const droppedIn2025: Record<string, string> = {
      green_deal: 'green deal',
      addva_centre: 'addva',
      cognitive_manufacturing: 'kognitiivinen valmistuksen',
    };
    const ids2021 = agreement2021.themes.map((t) => t.id);
    const ids2025 = agreement2025.themes.map((t) => t.id);
    for (const [id, word] of Object.entries(newIn2025)) {
      expect(ids2025).toContain(id);
      expect(ids2021).not.toContain(id);
      expect(source2021).not.toContain(word);
    }
    for (const [id, word] of Object.entries(droppedIn2025)) {
      expect(ids2021).toContain(id);
      expect(ids2025).not.toContain(id);
      expect(source2025).not.toContain(word);
    }
    // Cyber security is in both texts; only the national capability focus (FICEC) is new.
    expect(ids2021).toContain('cyber_security');
    expect(ids2025).toContain('cyber_security');
  });

  it('docs/kpis.md lists every KPI id per version and documents each KPI as the data defines it', () => {
    const doc = readFileSync(new URL('../../../docs/kpis.md', import.meta.url), 'utf8');
    for (const a of AGREEMENTS) {
      const line = doc.split('\n').find((l) => l.startsWith(`- **${a.version}**: `));
      expect(line, `version line for ${a.version}`).toBeDefined();
      const listed = [...(line ?? '').matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
      expect(listed).toEqual(a.kpis.map((k) => k.id));
      for (const k of a.kpis) {
        expect(doc).toContain(`### \`${k.id}\` — ${k.target}, ${k.kind}, threshold ${k.threshold}`);
        expect(doc.replace(/\s+/g, ' ')).toContain(`"${k.basis}"`);
        const stretch = k.stretch === null ? '–' : String(k.stretch);
        expect(doc).toContain(`| \`${k.id}\` | ${k.target} | `);
        expect(doc).toMatch(new RegExp(`\\| \`${k.id}\` \\| [^\\n]*\\| ${k.kind} \\| ${k.threshold} \\| ${stretch} \\|`));
      }
    }
  });
});
