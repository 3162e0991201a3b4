import { freshnessPhrases, TARGET_STATUSES, type ReportModel, type TargetResult } from '@ekoraportti/core';
import { fundingFigures } from './_funding.ts';
import { anchor, badge, badgeCell, targetBadge, cols, fact, figure, heading, measureTitles, row, table, text, type Words } from './_parts.ts';
import type { SummaryView } from './_view.ts';

/** Targets in the agreement's order (area → measure → 2023, 2027), then any the areas do not list. */
export function orderedTargets(model: ReportModel): Array<[string, TargetResult]> {
  const listed = model.priorityAreas.flatMap((a) => a.measures.flatMap((m) => m.targets));
  const ids = [...new Set([...listed, ...Object.keys(model.targets)])];
  return ids.flatMap((id) => {
    const t = model.targets[id];
    return t ? [[id, t] as [string, TargetResult]] : [];
  });
}

/** The one page a steering group reads first: every target's status and why, the key figures, the status counts. */
export function summaryView(model: ReportModel, w: Words): SummaryView {
  const titles = measureTitles(model);
  // Link to a target's detail only when the report has it.
  const linked = model.report.sections.includes('areas');
  const f = model.funding;
  return {
    kind: 'summary',
    heading: heading(2, w.t('summary'), 'summary', true),
    intro: w.t('summaryIntro'),
    targets: table(
        w.t('targets'),
        cols(w, 'target', 'measure', 'status', 'why'),
        orderedTargets(model).map(([id, t]) =>
          row([
            text(id, { href: linked ? `#${anchor('t', id)}` : null }),
            text(titles.get(t.measure) ?? t.measure),
            badgeCell(targetBadge(t, w.lang)),
            text(t.why),
          ]),
        ),
    ),
    figures: {
      heading: heading(3, w.t('headlineFigures')),
      facts: [
        ...fundingFigures(f, w),
        fact(w.t('euStateShare'), w.percent(f.euStateShare)),
        fact(w.t('indicativeShare'), w.percent(f.indicativeEuStateShare)),
        fact(w.t('deviation'), w.ppBetween(f.euStateShare, f.indicativeEuStateShare)),
        fact(w.t('projectCount'), w.quantity(model.projects.count)),
      ],
    },
    statusCounts: {
      heading: heading(3, w.t('statusCounts')),
      items: TARGET_STATUSES.map((s) => ({ badge: badge(s, w.lang), count: figure(w.quantity(model.statusCounts[s] ?? 0)) })),
    },
    freshness: beforeTrusting(model, w),
    note: w.t('fundingCountedNote'),
  };
}

/**
 * What the summary says before its figures are trusted: targets resting on stale evidence, and rows
 * rejected (missing from every figure: a target can read achieved on the rows that were kept). Null
 * when there is neither.
 */
function beforeTrusting(model: ReportModel, w: Words): string | null {
  const phrases = freshnessPhrases(w.lang);
  const stale = phrases.staleSummary(model.freshness.staleTargets, model.freshness.openTargets, model.freshness.staleAfterDays);
  const rejectedIn = Object.entries(model.inputs).filter(([, c]) => c.rowsRejected > 0);
  const rejected =
    model.rejectedTotal === 0
      ? null
      : phrases.rowsRejected(
          w.quantity(model.rejectedTotal),
          model.rejectedTotal === 1,
          rejectedIn.map(([file, c]) => `${file} ${w.quantity(c.rowsRejected)}`).join(', '),
          w.t('dataQuality'),
        );
  const said = [stale, rejected].filter((s): s is string => s !== null);
  return said.length === 0 ? null : said.join(' ');
}
