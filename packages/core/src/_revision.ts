import type { Agreement, Language, LocalizedText, Theme } from './_agreement.ts';
import type { RevisionDiff } from './_model.ts';

/**
 * The form in which two target texts are compared: without whitespace and full stops.
 *
 * The revision retyped some unchanged targets: 4.1.3/2027 reads "(3-5v)" in 2021 and "(3-5 v.)" in
 * 2025. That is typography, not a new target, and a steering group told "this target changed" would
 * look for a change that is not there. Any change of a word, a digit or other punctuation still counts.
 */
function comparableText(text: string): string {
  return text.normalize('NFC').replace(/[\s.]+/gu, '');
}

function themeEntry(theme: Theme, lang: Language): RevisionDiff['addedThemes'][number] {
  return { id: theme.id, label: theme.label[lang], evidence: theme.evidence };
}

/**
 * Partners renamed between versions, compared position by position: the texts list the same
 * organisations in the same order, and a partner that changed its name keeps its place
 * ("Keski-Suomen ELY-keskus" → "Keski-Suomen elinvoimakeskus"). A position counts as a rename only when
 * neither name occurs anywhere in the other list, so a reordering is not mistaken for a rename.
 */
function renamedPartners(
  before: readonly LocalizedText[],
  after: readonly LocalizedText[],
  lang: Language,
): RevisionDiff['renamedPartners'] {
  const out: RevisionDiff['renamedPartners'] = [];
  const beforeNames = before.map((p) => p.fi);
  const afterNames = after.map((p) => p.fi);
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const b = before[i];
    const a = after[i];
    if (b === undefined || a === undefined || b.fi === a.fi) continue;
    if (!afterNames.includes(b.fi) && !beforeNames.includes(a.fi)) out.push({ before: b[lang], after: a[lang] });
  }
  return out;
}

/**
 * What changed from one agreement version to another, for the midterm report's revision section.
 *
 * Targets are matched by id, in the order of `after` (then targets only `before` has); a target
 * present in one version only is listed as changed with an empty text on the other side. Texts are in
 * `lang`: the Finnish quotes for `fi`, our English translations for `en`. Themes and KPIs are
 * compared by id, in the order each version lists them.
 */
export function diffAgreements(before: Agreement, after: Agreement, lang: Language): RevisionDiff {
  const beforeTargets = new Map(before.targets.map((t) => [t.id, t]));
  const afterTargets = new Map(after.targets.map((t) => [t.id, t]));
  const targetIds = [
    ...after.targets.map((t) => t.id),
    ...before.targets.map((t) => t.id).filter((id) => !afterTargets.has(id)),
  ];

  const changedTargets: RevisionDiff['changedTargets'] = [];
  const unchangedTargets: string[] = [];
  for (const id of targetIds) {
    const b = beforeTargets.get(id);
    const a = afterTargets.get(id);
    if (b && a && comparableText(b.text.fi) === comparableText(a.text.fi)) {
      unchangedTargets.push(id);
    } else {
      const changed = { id, before: b?.text[lang] ?? '', after: a?.text[lang] ?? '' };
      changedTargets.push(lang === 'fi' ? changed : { ...changed, original: { before: b?.text.fi ?? '', after: a?.text.fi ?? '' } });
    }
  }

  const beforeThemeIds = new Set(before.themes.map((t) => t.id));
  const afterThemeIds = new Set(after.themes.map((t) => t.id));
  const beforeKpiIds = new Set(before.kpis.map((k) => k.id));
  const afterKpiIds = new Set(after.kpis.map((k) => k.id));

  return {
    from: before.version,
    to: after.version,
    changedTargets,
    unchangedTargets,
    addedThemes: after.themes.filter((t) => !beforeThemeIds.has(t.id)).map((t) => themeEntry(t, lang)),
    removedThemes: before.themes.filter((t) => !afterThemeIds.has(t.id)).map((t) => themeEntry(t, lang)),
    renamedPartners: renamedPartners(before.partners, after.partners, lang),
    addedKpis: after.kpis.filter((k) => !beforeKpiIds.has(k.id)).map((k) => k.id),
    removedKpis: before.kpis.filter((k) => !afterKpiIds.has(k.id)).map((k) => k.id),
    rdBaselinePercent: { before: before.rdBaselinePercent, after: after.rdBaselinePercent },
  };
}
