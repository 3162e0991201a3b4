import { agreementVersionText, getAgreement, type ReportModel, type RevisionDiff } from '@ekoraportti/core';
import { col, cols, figure, heading, kpiName, quote, row, table, text, type Words } from './_parts.ts';
import type { Cell, ListBlock, RevisionView, TableBlock } from './_view.ts';

/**
 * A target's text as the agreement words it, quoted (marked Finnish); in a report in another language the
 * translation under it, in the report's language (the quote alone was the translation marked as Finnish).
 */
function agreementWords(inReportLanguage: string, finnish: string | undefined): Cell {
  if (finnish === undefined) return quote(inReportLanguage);
  if (finnish === '') return text('–');
  return { ...quote(finnish), note: inReportLanguage };
}

/** What the 2025 revision changed: targets side by side, themes, partners, the R&D baseline, KPIs. Null without a revision. */
export function revisionView(model: ReportModel, w: Words): RevisionView | null {
  const r = model.revision;
  if (!r) return null;
  const none = w.t('none');
  const themes = (key: 'addedThemes' | 'removedThemes', list: RevisionDiff['addedThemes']): TableBlock => ({
    heading: heading(3, w.t(key)),
    table: table(
      w.t(key),
      [col(w.t(key)), ...cols(w, 'evidence')],
      list.map((t) => row([text(t.label), quote(t.evidence)])),
      { empty: none },
    ),
  });
  // An added KPI is not in this report's model (it measures the earlier version): its name is the later version's.
  const later = getAgreement(r.to);
  const name = (id: string) => {
    const added = model.kpis[id] ? undefined : later.kpis.find((k) => k.id === id);
    return added ? `${added.label[w.lang]} (${id})` : kpiName(model, id);
  };
  const kpis = (key: 'addedKpis' | 'removedKpis', ids: string[]): ListBlock => ({
    heading: heading(3, w.t(key)),
    items: ids.map(name),
    empty: none,
  });
  const pctOfGdp = (v: number) => w.percent(v / 100);
  return {
    kind: 'revision',
    heading: heading(2, w.t('revision'), 'revision', true),
    intro: w.t('revisionIntro'),
    versions: {
      label: w.t('agreementVersion'),
      before: agreementVersionText(r.from, w.lang),
      after: agreementVersionText(r.to, w.lang),
    },
    changedTargets: {
      heading: heading(3, w.t('changedTargets')),
      table: table(
        w.t('changedTargets'),
        cols(w, 'target', 'before', 'after'),
        r.changedTargets.map((c) => row([text(c.id), agreementWords(c.before, c.original?.before), agreementWords(c.after, c.original?.after)])),
        { empty: none },
      ),
    },
    unchangedTargets: {
      heading: heading(3, w.t('unchangedTargets')),
      text: r.unchangedTargets.length === 0 ? none : r.unchangedTargets.join(', '),
    },
    addedThemes: themes('addedThemes', r.addedThemes),
    removedThemes: themes('removedThemes', r.removedThemes),
    renamedPartners: {
      heading: heading(3, w.t('renamedPartners')),
      table: table(
        w.t('renamedPartners'),
        cols(w, 'before', 'after'),
        r.renamedPartners.map((p) => row([text(p.before), text(p.after)])),
        { empty: none },
      ),
    },
    rdBaseline: {
      heading: heading(3, w.t('rdBaseline')),
      table: table(
        w.t('rdBaseline'),
        cols(w, 'before', 'after', 'change'),
        [
          row([
            figure(pctOfGdp(r.rdBaselinePercent.before)),
            figure(pctOfGdp(r.rdBaselinePercent.after)),
            figure(w.pp(r.rdBaselinePercent.after - r.rdBaselinePercent.before)),
          ]),
        ],
      ),
    },
    addedKpis: kpis('addedKpis', r.addedKpis),
    removedKpis: kpis('removedKpis', r.removedKpis),
  };
}
