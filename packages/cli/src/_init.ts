import { mkdir, open, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  agreementVersionSchema,
  CLI_PHRASES,
  FUNDING_SOURCES,
  getAgreement,
  INPUT_FILES,
  renderDataGuide,
  type Agreement,
  type GuideFacts,
  type InputFile,
  type Language,
} from '@ekoraportti/core';
import { assessmentStatuses, COLUMNS, projectStatuses } from '@ekoraportti/ingest';
import { ProblemError, writeProblem } from '@ekoraportti/runner';
import { parseOptions } from './_args.ts';
import type { CliIo } from './_io.ts';

/** The guide beside the blank files: Finnish and English. */
export const GUIDES: Readonly<Record<Language, string>> = { fi: 'LUEMINUT.txt', en: 'README.txt' };

/** The dialect Finnish Excel opens with a double click: UTF-8 with BOM, `;` between values, CRLF line ends. */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\ufeff${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/**
 * Header and a few illustrative rows per file, valid for `agreement`: every id and text is `mark`
 * (ESIMERKKI / EXAMPLE) so no one mistakes them for data; the enumeration words are in `lang`.
 */
export function blankFiles(agreement: Agreement, mark: string, lang: Language): Record<InputFile, string[][]> {
  const header = (file: InputFile) => [...COLUMNS[file].required, ...COLUMNS[file].optional];
  const word = (fi: string, en: string) => (lang === 'fi' ? fi : en);
  const kpi = agreement.kpis[0];
  const target = agreement.targets[0];
  const [first, second] = agreement.measures;
  return {
    'projects.csv': [
      header('projects.csv'),
      [`${mark}-1`, `${mark} 1`, mark, first?.id ?? '', word('käynnissä', 'ongoing'), '1.1.2025', '31.12.2026'],
      [`${mark}-2`, `${mark} 2`, mark, second?.id ?? '', word('suunniteltu', 'planned'), '1.6.2026', '31.5.2027'],
    ],
    'funding.csv': [
      header('funding.csv'),
      [`${mark}-1`, 'EAKR', '2025', '120 000,00'],
      [`${mark}-1`, 'kaupunki', '2025', '80 000,00'],
      [`${mark}-2`, 'muu_julkinen', '2026', '50 000,00'],
    ],
    'indicators.csv': [header('indicators.csv'), [kpi?.id ?? '', '30.6.2025', '1', `${mark}-1`, mark]],
    'assessments.csv': [header('assessments.csv'), [target?.id ?? '', '30.6.2025', word('etenee', 'on_track'), mark, mark]],
  };
}

/** What the guide lists for `agreement`, from the agreement data and the words ingest accepts. */
export function guideFacts(agreement: Agreement, lang: Language): GuideFacts {
  return {
    version: agreement.version,
    columns: Object.fromEntries(INPUT_FILES.map((f) => [f, [...COLUMNS[f].required, ...COLUMNS[f].optional]])),
    measures: agreement.measures.map((m) => ({ id: m.id, title: m.title[lang] })),
    targets: agreement.targets.map((t) => t.id),
    kpis: agreement.kpis.map((k) => ({
      id: k.id,
      label: k.label[lang],
      unit: k.unit[lang],
      kind: k.kind,
      target: k.target,
      threshold: k.threshold,
      stretch: k.stretch,
    })),
    fundingSources: FUNDING_SOURCES,
    projectStatuses: projectStatuses.allowed,
    assessmentStatuses: assessmentStatuses.allowed,
  };
}

/**
 * `ekoraportti init DIR [--agreement 2021|2025]`: the four CSV files with their headers and a few
 * illustrative rows, and LUEMINUT.txt / README.txt. Never replaces a file: if any of them exists,
 * nothing is written.
 */
export async function runInit(argv: readonly string[], io: Required<CliIo>, lang: Language): Promise<number> {
  const { values, positionals } = parseOptions({
    args: [...argv],
    options: { agreement: { type: 'string' }, lang: { type: 'string' } },
    allowPositionals: true,
  });
  const [target, extra] = positionals;
  if (target === undefined) throw new ProblemError({ code: 'E_MISSING_OPTION', option: 'init', what: 'dir' });
  if (extra !== undefined) throw new ProblemError({ code: 'E_UNEXPECTED_ARGUMENT', argument: extra });
  const version = agreementVersionSchema.safeParse(values.agreement ?? '2025');
  if (!version.success) {
    throw new ProblemError({ code: 'E_BAD_VALUE', option: '--agreement', value: values.agreement ?? '', allowed: agreementVersionSchema.options });
  }
  const agreement = getAgreement(version.data);
  const dir = resolve(io.cwd, target);
  const words = CLI_PHRASES[lang].init;
  const files: [string, string][] = [
    ...Object.entries(blankFiles(agreement, words.exampleMark, lang)).map(([f, rows]): [string, string] => [f, excelCsv(rows)]),
    ...(['fi', 'en'] as const).map((l): [string, string] => [GUIDES[l], `\ufeff${renderDataGuide(guideFacts(agreement, l), l).replace(/\n/g, '\r\n')}`]),
  ];
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new ProblemError({ code: 'E_INIT_NOT_DIR', dir });
    throw problemOr(e, dir);
  }
  const existing: string[] = [];
  for (const [name] of files) if (await stat(join(dir, name)).then(() => true, () => false)) existing.push(name);
  if (existing.length > 0) throw new ProblemError({ code: 'E_INIT_EXISTS', dir, files: existing });
  for (const [name, text] of files) {
    // `wx`: a file that appeared meanwhile is still never replaced.
    const handle = await open(join(dir, name), 'wx').catch((e: unknown) => {
      throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? new ProblemError({ code: 'E_INIT_EXISTS', dir, files: [name] }) : problemOr(e, dir);
    });
    try {
      await handle.writeFile(text);
    } catch (e) {
      throw problemOr(e, dir);
    } finally {
      await handle.close();
    }
  }
  io.stdout(`${words.wrote(dir, files.map(([n]) => n))}\n${words.next(dir)}\n`);
  return 0;
}

function problemOr(e: unknown, dir: string): unknown {
  const problem = writeProblem(e, dir);
  return problem ? new ProblemError(problem) : e;
}
