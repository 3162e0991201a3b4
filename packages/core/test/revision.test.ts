import { describe, expect, it } from 'vitest';
import { agreementSchema } from '../src/_agreement.ts';
import type { Agreement } from '../src/_agreement.ts';
import { agreement2021 } from '../src/_agreement-2021.ts';
import { agreement2025 } from '../src/_agreement-2025.ts';
import { revisionDiffSchema } from '../src/_model.ts';
import { diffAgreements } from '../src/_revision.ts';

/** A deep copy of an agreement with a change applied, still valid against the schema. */
function edited(base: Agreement, change: (a: Agreement) => void): Agreement {
  const copy = structuredClone(base);
  change(copy);
  return agreementSchema.parse(copy);
}

describe('diffAgreements(2021, 2025)', () => {
  const fi = diffAgreements(agreement2021, agreement2025, 'fi');
  const en = diffAgreements(agreement2021, agreement2025, 'en');

  it('is a valid RevisionDiff from 2021 to 2025', () => {
    expect(revisionDiffSchema.parse(fi)).toEqual(fi);
    expect(revisionDiffSchema.parse(en)).toEqual(en);
    expect([fi.from, fi.to]).toEqual(['2021', '2025']);
  });

  it('lists exactly 4.2.1/2027 and 4.2.2/2027 as changed and the other eight as unchanged', () => {
    expect(fi.changedTargets.map((t) => t.id)).toEqual(['4.2.1/2027', '4.2.2/2027']);
    // Both targets of each 4.1 measure, and the 2023 targets of 4.2.
    const both = (m: string) => [`${m}/2023`, `${m}/2027`];
    expect(fi.unchangedTargets).toEqual([...both('4.1.1'), ...both('4.1.2'), ...both('4.1.3'), '4.2.1/2023', '4.2.2/2023']);
  });

  it('quotes the Finnish texts of both versions in fi', () => {
    const t = fi.changedTargets.find((x) => x.id === '4.2.2/2027');
    expect(t?.before).toBe(agreement2021.targets.find((x) => x.id === '4.2.2/2027')?.text.fi);
    expect(t?.after).toBe(agreement2025.targets.find((x) => x.id === '4.2.2/2027')?.text.fi);
    expect(t?.before).toMatch(/^Ensimmäinen uusi kansainvälisen yrityksen tki-keskus sijoittuu/);
    expect(t?.after).toMatch(/^Ensimmäiset uudet \(sopimuskaudella synnytetyt\) TKI- ja pilotointiympäristöt/);
  });

  it('gives the English translations in en, with the same targets and themes', () => {
    expect(en.changedTargets.map((t) => t.id)).toEqual(fi.changedTargets.map((t) => t.id));
    const t = en.changedTargets.find((x) => x.id === '4.2.2/2027');
    expect(t?.before).toMatch(/^The first new R&D centre of an international company/);
    expect(t?.after).toMatch(/^The first new RDI and piloting environments/);
    // The agreement's own words travel with the translation: the report quotes them, marked Finnish.
    expect(t?.original).toEqual({ before: fi.changedTargets.find((x) => x.id === '4.2.2/2027')?.before, after: fi.changedTargets.find((x) => x.id === '4.2.2/2027')?.after });
    expect(fi.changedTargets.every((x) => x.original === undefined)).toBe(true);
    expect(en.addedThemes.map((x) => x.id)).toEqual(fi.addedThemes.map((x) => x.id));
    expect(en.addedThemes.find((x) => x.id === 'hydrogen')?.label).toBe('Hydrogen');
    expect(fi.addedThemes.find((x) => x.id === 'hydrogen')?.label).toBe('Vety');
    expect(en.addedThemes.find((x) => x.id === 'defence')?.label).toBe('Defence and dual-use technologies');
  });

  it('adds hydrogen, fibre and bioeconomy, defence, FICEC, the Mobility Foundation and the rest', () => {
    expect(fi.addedThemes.map((t) => t.id)).toEqual([
      'hydrogen',
      'fibre_bioeconomy',
      'defence',
      'national_cyber_capability',
      'mobility_foundation',
      'ai_quantum',
      'e3udres2',
    ]);
    // Evidence is the 2025 text's phrase.
    expect(fi.addedThemes.find((t) => t.id === 'mobility_foundation')?.evidence).toBe(
      'Central Finland Mobility Foundation',
    );
  });

  it('keeps cyber security and circular economy (both texts have them) out of the added themes', () => {
    const added = fi.addedThemes.map((t) => t.id);
    expect(added).not.toContain('cyber_security');
    expect(added).not.toContain('circular_economy');
  });

  it('removes the themes the revision dropped', () => {
    expect(fi.removedThemes.map((t) => t.id)).toEqual(['green_deal', 'addva_centre', 'cognitive_manufacturing']);
  });

  it('finds the ELY-keskus → elinvoimakeskus rename and no other', () => {
    expect(fi.renamedPartners).toEqual([{ before: 'Keski-Suomen ELY-keskus', after: 'Keski-Suomen elinvoimakeskus' }]);
  });

  it('swaps intl_rd_centres for new_rdi_environments', () => {
    expect(fi.removedKpis).toEqual(['intl_rd_centres']);
    expect(fi.addedKpis).toEqual(['new_rdi_environments']);
  });

  it('moves the R&D baseline from 2.7 % to 3.1 %', () => {
    expect(fi.rdBaselinePercent).toEqual({ before: 2.7, after: 3.1 });
  });
});

describe('diffAgreements on edited data', () => {
  it('finds nothing between a version and itself', () => {
    const d = diffAgreements(agreement2025, agreement2025, 'fi');
    expect(d.changedTargets).toEqual([]);
    expect(d.unchangedTargets).toHaveLength(10);
    expect([d.addedThemes, d.removedThemes, d.renamedPartners, d.addedKpis, d.removedKpis]).toEqual([[], [], [], [], []]);
  });

  it('counts a changed word as a change, but not a retyped abbreviation', () => {
    const wordChanged = edited(agreement2021, (a) => {
      const t = a.targets.find((x) => x.id === '4.1.1/2027');
      if (t) t.text.fi = t.text.fi.replace('pohjoismaiseksi', 'eurooppalaiseksi');
    });
    expect(diffAgreements(agreement2021, wordChanged, 'fi').changedTargets.map((t) => t.id)).toEqual(['4.1.1/2027']);

    const digitChanged = edited(agreement2021, (a) => {
      const t = a.targets.find((x) => x.id === '4.1.3/2023');
      if (t) t.text.fi = t.text.fi.replace('5-7', '6-8');
    });
    expect(diffAgreements(agreement2021, digitChanged, 'fi').changedTargets.map((t) => t.id)).toEqual(['4.1.3/2023']);

    // 2021 "(3-5v)" against 2025 "(3-5 v.)": typography only.
    expect(diffAgreements(agreement2021, agreement2025, 'fi').unchangedTargets).toContain('4.1.3/2027');
  });

  it('computes renames from the partner lists, not from a fixed answer', () => {
    const renamed = edited(agreement2021, (a) => {
      a.partners = a.partners.map((p) => (p.fi === 'Keski-Suomen maakuntaliitto' ? { fi: 'Keski-Suomen liitto', en: 'Council of Central Finland' } : p));
    });
    expect(diffAgreements(agreement2021, renamed, 'fi').renamedPartners).toEqual([
      { before: 'Keski-Suomen maakuntaliitto', after: 'Keski-Suomen liitto' },
    ]);
    expect(diffAgreements(agreement2021, renamed, 'en').renamedPartners).toEqual([
      { before: 'Regional Council of Central Finland', after: 'Council of Central Finland' },
    ]);
    // Reordering the same partners is no rename.
    const reordered = edited(agreement2021, (a) => {
      a.partners = [...a.partners].reverse();
    });
    expect(diffAgreements(agreement2021, reordered, 'fi').renamedPartners).toEqual([]);
  });

  it('reads the diff in the other direction as the mirror image', () => {
    const back = diffAgreements(agreement2025, agreement2021, 'fi');
    const forward = diffAgreements(agreement2021, agreement2025, 'fi');
    expect(back.addedThemes.map((t) => t.id)).toEqual(forward.removedThemes.map((t) => t.id));
    expect(back.removedThemes.map((t) => t.id)).toEqual(forward.addedThemes.map((t) => t.id));
    expect(back.addedKpis).toEqual(forward.removedKpis);
    expect(back.renamedPartners).toEqual([{ before: 'Keski-Suomen elinvoimakeskus', after: 'Keski-Suomen ELY-keskus' }]);
    expect(back.rdBaselinePercent).toEqual({ before: 3.1, after: 2.7 });
    expect(back.changedTargets.map((t) => t.id)).toEqual(forward.changedTargets.map((t) => t.id));
  });
});
