import { describe, expect, it } from 'vitest';
import { sampleReport } from '@ekoraportti/core';
import { buildReportView, viewFigures, type AreaView, type SectionView } from '../src/index.ts';

// The EURA 2021 export's money in the one view both renderers lay out: decided and realised EU and
// state money and totals and the realisation rate, per project, per measure entity and in total.

const NBSP = '\u00a0';
const eur = (s: string) => `${s.replace(/ /g, NBSP)}${NBSP}€`;
const find = <K extends SectionView['kind']>(sections: SectionView[], kind: K) => sections.find((s): s is Extract<SectionView, { kind: K }> => s.kind === kind);
const cells = (r: { cells: { text: string; note: string | null }[] } | null | undefined) => r?.cells.map((c) => (c.note ? `${c.text} [${c.note}]` : c.text));

describe('EURA money in the report view', () => {
  const view = buildReportView(sampleReport({ eura: true }));

  it('gives the whole agreement its decided and realised money and realisation rate, in fi-FI', () => {
    const funding = find(view.sections, 'funding');
    expect(funding?.eura?.facts.map((f) => [f.label, f.value.text])).toEqual([
      ['Päätetty EU ja valtio', eur('956 859,65')],
      ['Toteutunut EU ja valtio', eur('616 096,04')],
      ['Päätetty yhteensä', eur('1 655 002,75')],
      ['Toteutunut yhteensä', eur('1 071 821,94')],
      ['Toteutumisaste', `64,8${NBSP}%`],
    ]);
    expect(funding?.eura?.note).toContain('Lähde: eura.xlsx (Hankkeet).');
    expect(cells(funding?.eura?.byMeasure.table.total)).toEqual(['Yhteensä', '3', eur('956 859,65'), eur('616 096,04'), eur('1 655 002,75'), eur('1 071 821,94'), `64,8${NBSP}%`]);
    // Its decided money beside funding.csv's sources (planned apart), and said to be missing from the by-year table.
    expect(cells(funding?.bySource.table.rows.at(-1))).toEqual(['EURA 2021 -hankkeet, päätetty rahoitus', eur('1 655 002,75'), expect.any(String), eur('150 000,00')]);
    expect(funding?.byYear.note).toBe(`EURA ei erittele rahoitusta vuosittain, joten EURA-hankkeiden päätetty rahoitus ei ole tässä taulukossa: ${eur('1 655 002,75')}.`);
  });

  it('lists a measure entity\'s EURA projects, the sub-projects under their group, and the measure\'s total', () => {
    const m421 = view.sections.filter((s): s is AreaView => s.kind === 'areas').flatMap((a) => a.measures).find((m) => m.heading.text.startsWith('4.2.1'));
    const table = m421?.eura?.table;
    expect(table?.rows.map(cells)).toEqual([
      ['A80405', 'ryhmähanke: osahankkeet A80406, A80407', '', '', '', '', ''],
      ['A80406 [ryhmähanke A80405]', 'Teollisuuden datasilta', eur('183 901,75'), eur('176 545,68'), eur('325 001,25'), eur('312 801,20'), `96,2${NBSP}%`],
      ['A80407 [ryhmähanke A80405]', 'Teollisuuden datasilta, yritysosa', eur('522 309,30'), eur('334 277,95'), eur('911 000,50'), eur('583 040,32'), `64,0${NBSP}%`],
      ['A80408', 'Akkuklusterin esiselvitys [suunniteltu]', eur('90 000,00'), eur('0,00'), eur('150 000,00'), eur('0,00'), `0,0${NBSP}%`],
    ]);
    // The total counts each sub-project once, the planned project not at all.
    expect(cells(table?.total)).toEqual(['Yhteensä', '', eur('706 211,05'), eur('510 823,63'), eur('1 236 001,75'), eur('895 841,52'), `72,5${NBSP}%`]);
    expect(table?.rows[1]?.provenance).toEqual({ items: [{ file: 'eura.xlsx (Hankkeet)', lines: 'rivi 3', more: null }] });
    expect(m421?.funding.facts.map((f) => f.label)).toContain('Toteutumisaste');
    expect(viewFigures(view)).toContain(`72,5${NBSP}%`);
  });

  it('says nothing of EURA when the data has no export', () => {
    const plain = buildReportView(sampleReport());
    expect(find(plain.sections, 'funding')?.eura).toBeNull();
    expect(find(plain.sections, 'funding')?.byYear.note).toBeNull();
    expect(plain.sections.filter((s): s is AreaView => s.kind === 'areas').flatMap((a) => a.measures).every((m) => m.eura === null)).toBe(true);
    expect(find(plain.sections, 'dataQuality')?.inputs.note).toBeNull();
  });
});
