import { stat } from 'node:fs/promises';
import {
  AGREEMENT_VERSIONS,
  agreementVersionSchema,
  CLI_PHRASES,
  getAgreement,
  rowsLeftOutAll,
  sourceName,
  type DataWarning,
  type InputCounts,
  type Language,
  type Rejection,
} from '@ekoraportti/core';
import { readDataFolder } from '@ekoraportti/ingest';
import { asOfProblem, ProblemError } from '@ekoraportti/runner';
import { parseOptions } from './_args.ts';
import { loadConfig } from './_config.ts';
import type { CliIo } from './_io.ts';
import { resolveDataSource } from './_settings.ts';

const FORMATS = ['text', 'json'] as const;

/**
 * What `check --format json` prints: per file (by its name in the folder: `funding.csv` or
 * `funding.xlsx`, and an EURA export) its counts and every problem, in the order of the files.
 */
export interface CheckResult {
  data: string;
  agreement: string;
  asOf: string;
  lang: Language;
  files: Record<string, InputCounts & { warnings: number }>;
  rejected: Rejection[];
  warnings: DataWarning[];
}

/** The check's result as lines to read: per file its counts, then each of its problems. */
export function checkText(r: CheckResult): string {
  const w = CLI_PHRASES[r.lang].check;
  const lines = [w.heading(r.data, r.agreement)];
  for (const [file, c] of Object.entries(r.files)) {
    lines.push(w.file(file, c.rowsRead, c.rowsUsed, c.rowsRejected, c.warnings, rowsLeftOutAll(c), c.rowsNotRead));
    for (const x of r.rejected) if (x.file === file) lines.push(w.rejected(sourceName(x.file, x.sheet), x.line, x.column, x.reason));
    for (const x of r.warnings) if (x.file === file) lines.push(w.warning(sourceName(x.file, x.sheet), x.line, x.column, x.message));
  }
  for (const x of r.warnings) if (!(x.file in r.files)) lines.push(w.warning(sourceName(x.file, x.sheet), x.line, x.column, x.message));
  const examples = r.rejected.filter(isExampleRow).length;
  const others = r.rejected.length - examples;
  if (examples > 0) lines.push(w.exampleRows(examples, others === 0));
  if (others > 0) lines.push(w.rejectedTotal(others));
  else if (examples === 0) lines.push(w.clean());
  return `${lines.join('\n')}\n`;
}

/**
 * A row `init` wrote as an example: listed like a rejected row (no report counts it), but it does not fail
 * the check, so `check` on init's fresh output exits 0 and says which rows to replace.
 */
const isExampleRow = (x: Rejection) => x.code === 'E_EXAMPLE_ROW';

/**
 * `ekoraportti check [--data DIR] [--agreement V] [--format text|json]`: reads and validates the data
 * folder only (no model, no PDF, no HTML). Exit code 0 when every row is used, 1 when rows are
 * rejected; a folder that cannot be read is a problem (exit code 2).
 */
export async function runCheck(argv: readonly string[], io: Required<CliIo>, lang: Language): Promise<number> {
  const { values } = parseOptions({
    args: [...argv],
    options: {
      data: { type: 'string' },
      example: { type: 'boolean' },
      agreement: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      'as-of': { type: 'string' },
    },
  });
  if (values.lang !== undefined && !(['fi', 'en'] as const).some((l) => l === values.lang)) {
    throw new ProblemError({ code: 'E_BAD_VALUE', option: '--lang', value: values.lang, allowed: ['fi', 'en'] });
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new ProblemError({ code: 'E_BAD_VALUE', option: '--format', value: format, allowed: FORMATS });
  const version = agreementVersionSchema.safeParse(values.agreement ?? '2025');
  if (!version.success) {
    throw new ProblemError({ code: 'E_BAD_VALUE', option: '--agreement', value: values.agreement ?? '', allowed: agreementVersionSchema.options });
  }
  const asOf = values['as-of'] ?? io.today();
  const dateProblem = asOfProblem(asOf);
  if (dateProblem) throw new ProblemError(dateProblem);
  const { config } = await loadConfig(io.root);
  const data = resolveDataSource(values, { env: io.env, cwd: io.cwd, root: io.root, config });
  if (!(await stat(data.dir).then((s) => s.isDirectory(), () => false))) {
    throw new ProblemError({ code: 'E_NO_DATA', dir: data.dir, origin: data.origin });
  }
  const ingest = await readDataFolder(data.dir, {
    agreement: getAgreement(version.data),
    asOf,
    lang,
    // As a report run reads it: one data folder serves both versions.
    knownKpis: new Set(AGREEMENT_VERSIONS.flatMap((v) => getAgreement(v).kpis.map((k) => k.id))),
  });
  const files = Object.fromEntries(
    Object.entries(ingest.inputs).map(([f, c]) => [f, { ...c, warnings: ingest.warnings.filter((w) => w.file === f).length }]),
  );
  const result: CheckResult = { data: data.dir, agreement: version.data, asOf, lang, files, rejected: ingest.rejected, warnings: ingest.warnings };
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : checkText(result));
  // Rows a runaway quote left unread fail the check as rejected rows do.
  return result.rejected.some((x) => !isExampleRow(x)) || ingest.dataAlerts.length > 0 ? 1 : 0;
}
