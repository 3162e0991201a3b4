import { describe, expect, it } from 'vitest';
import { agreement2021 } from '../src/_agreement-2021.ts';
import { agreement2025 } from '../src/_agreement-2025.ts';
import { KNOWN_SLIPS, normaliseSourceText, quoteOccursIn, readSourceText } from './_source-text.ts';

const AGREEMENTS = [agreement2021, agreement2025];

describe('normaliseSourceText', () => {
  it('collapses whitespace, blank lines and non-breaking spaces', () => {
    expect(normaliseSourceText('  a \n\n b\u00a0\tc  ')).toBe('a b c');
  });

  it('drops a hyphenation hyphen at a line end', () => {
    expect(normaliseSourceText('alueiden vah-\n\nvuudet')).toBe('alueiden vahvuudet');
    expect(normaliseSourceText('osaamisen kiinteistö-\nkehityshankkeeseen')).toBe(
      'osaamisen kiinteistökehityshankkeeseen',
    );
  });

  it('keeps a compound hyphen at a line end after an acronym or before a capital', () => {
    expect(normaliseSourceText('yritysten TKI-\nyksiköiden')).toBe('yritysten TKI-yksiköiden');
    expect(normaliseSourceText('sekä Keski-\n\nSuomen')).toBe('sekä Keski-Suomen');
    expect(normaliseSourceText('kiihdytinlaboratorio JYFL-\n\nACCLAB')).toBe('kiihdytinlaboratorio JYFL-ACCLAB');
  });

  it('keeps hyphens that are not at a line end', () => {
    expect(normaliseSourceText('tutkimus- ja tuotekehitys, start-up -yhtiö')).toBe(
      'tutkimus- ja tuotekehitys, start-up -yhtiö',
    );
  });

  it('fixes each known slip', () => {
    expect(normaliseSourceText('globaalien yritysten TKl-\n\nyksiköiden')).toBe('globaalien yritysten TKI-yksiköiden');
    expect(normaliseSourceText('huippuyksiköt Nana Science Center NSC')).toBe('huippuyksiköt Nano Science Center NSC');
    expect(normaliseSourceText('European Digital \n\nlnnovation Hub')).toBe('European Digital Innovation Hub');
    expect(normaliseSourceText('Regions, (E3UDRES2\n) \n\ntuovat')).toBe('Regions, (E3UDRES²) tuovat');
    expect(normaliseSourceText('kiinteistö \n\nkehityshankkeeseen')).toBe('kiinteistökehityshankkeeseen');
  });

  // A slip that no longer occurs in its file would be a dead rule that could hide a real difference.
  it.each(KNOWN_SLIPS.map((slip) => [String(slip.pattern), slip] as const))(
    'slip %s occurs in its source file and is gone after normalising',
    (_name, slip) => {
      const source = readSourceText(slip.file);
      expect(source.match(new RegExp(slip.pattern.source, 'gu'))?.length ?? 0).toBeGreaterThan(0);
      expect(normaliseSourceText(source)).not.toMatch(new RegExp(slip.pattern.source, 'u'));
    },
  );
});

describe.each(AGREEMENTS.map((a) => [a.version, a] as const))('agreement %s quotes its source', (_v, agreement) => {
  const source = readSourceText(agreement.sourceFile);
  const normalisedSource = normaliseSourceText(source);

  it.each(agreement.targets.map((t) => [t.id, t] as const))('target %s text.fi occurs in the source', (_id, target) => {
    expect(normalisedSource).toContain(normaliseSourceText(target.text.fi));
  });

  it.each(agreement.targets.map((t) => [t.id, t] as const))(
    'target %s is quoted whole: its "Tavoite" heading precedes it and the next paragraph follows it',
    (_id, target) => {
      // Whole target, not a fragment: it starts right after "Tavoite <year>:" and ends where the next
      // target, measure, priority area or section begins.
      const start = `Tavoite ${target.year}: ${normaliseSourceText(target.text.fi)}`;
      const at = normalisedSource.indexOf(start);
      expect(at).toBeGreaterThanOrEqual(0);
      const rest = normalisedSource.slice(at + start.length);
      expect(rest).toMatch(/^ (Tavoite 2027:|\d\.\d(\.\d)? |\d\. )/);
    },
  );

  it('target texts are clean: no OCR slip, no line-break artefact', () => {
    for (const target of agreement.targets) {
      expect(target.text.fi).not.toMatch(/TKl|Nana Science|lnnovation|E3UDRES2|\s{2,}|\n/);
      expect(target.text.fi).toBe(target.text.fi.trim());
    }
  });

  it.each(agreement.kpis.map((k) => [k.id, k] as const))('KPI %s basis occurs in the source', (_id, kpi) => {
    expect(quoteOccursIn(source, kpi.basis)).toBe(true);
  });

  it('a deliberately altered target text is not found', () => {
    const target = agreement.targets[0];
    if (!target) throw new Error('no targets');
    const altered = [
      target.text.fi.replace('Verkosto', 'Verkko'),
      target.text.fi.replace('Turku, ', ''),
      `${target.text.fi} Lisäys.`,
      target.text.fi.replace('(erityisesti', 'erityisesti'),
    ];
    for (const text of altered) {
      expect(text).not.toBe(target.text.fi);
      expect(quoteOccursIn(source, text)).toBe(false);
    }
  });
});

describe('the 2025 source really needs the slip corrections', () => {
  const source = readSourceText(agreement2025.sourceFile);

  it('finds 4.1.2/2027 only through the TKl → TKI correction', () => {
    const target = agreement2025.targets.find((t) => t.id === '4.1.2/2027');
    if (!target) throw new Error('4.1.2/2027 missing');
    const withoutSlipFixes = source.replace(/\s+/gu, ' ');
    expect(withoutSlipFixes).not.toContain('TKI-yksiköiden');
    expect(quoteOccursIn(source, target.text.fi)).toBe(true);
  });

  it('finds 4.2.1/2027 only through the E3UDRES² correction', () => {
    const target = agreement2025.targets.find((t) => t.id === '4.2.1/2027');
    if (!target) throw new Error('4.2.1/2027 missing');
    expect(target.text.fi).toContain('(E3UDRES²)');
    expect(source).not.toContain('E3UDRES²');
    expect(quoteOccursIn(source, target.text.fi)).toBe(true);
  });

  it('a 2021 target text is not found in the 2025 source where the revision changed it', () => {
    const old = agreement2021.targets.find((t) => t.id === '4.2.2/2027');
    if (!old) throw new Error('4.2.2/2027 missing');
    expect(quoteOccursIn(source, old.text.fi)).toBe(false);
  });
});
