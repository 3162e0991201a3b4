import { CLI_PHRASES, describeProblem, languageSchema, type CliProblemCode, type Language } from '@ekoraportti/core';
import { IngestError } from '@ekoraportti/ingest';
import { XlsxError } from '@ekoraportti/ingest-eura';
import { ProblemError } from '@ekoraportti/runner';
import type { CliIo } from './_io.ts';

/** Exit codes: 0 built or up to date; 1 rows were rejected (`--strict`, `check`); 2 usage or configuration error; 3 a bug. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, internal: 3 } as const;

/** The one table from a problem to its exit code: every code must be here (a missing one does not compile). */
const EXIT_CODES: Readonly<Record<CliProblemCode, 1 | 2>> = {
  E_UNKNOWN_OPTION: 2,
  E_OPTION_VALUE: 2,
  E_UNEXPECTED_ARGUMENT: 2,
  E_MISSING_OPTION: 2,
  E_UNKNOWN_PIPELINE: 2,
  E_BAD_VALUE: 2,
  E_BAD_DATE: 2,
  E_AS_OF_RANGE: 2,
  E_CONFLICTING_OPTIONS: 2,
  E_OUT_WITH_SEVERAL: 2,
  E_CONFIG_JSON: 2,
  E_CONFIG_FIELD: 2,
  E_NO_DATA: 2,
  E_DATA_CHANGED: 2,
  E_OUT_IS_FILE: 2,
  E_OUT_UNDER_FILE: 2,
  E_OUT_READ_ONLY: 2,
  E_NO_SPACE: 2,
  E_OUT_FAILED: 2,
  E_LOCKED: 2,
  E_OUT_OTHER_REPORTS: 2,
  E_STRICT: 1,
  E_PREVIOUS_UNREADABLE: 2,
  E_PREVIOUS_NOT_REPORT: 2,
  E_PREVIOUS_VERSION: 2,
  E_PREVIOUS_NOT_EARLIER: 2,
  E_PREVIOUS_EXAMPLE: 2,
  E_INIT_EXISTS: 2,
  E_INIT_NOT_DIR: 2,
  E_DISTRIBUTE: 2,
};

/** Mistakes in how the command was typed: the usage follows the message. */
const SHOW_USAGE: ReadonlySet<CliProblemCode> = new Set([
  'E_UNKNOWN_OPTION',
  'E_OPTION_VALUE',
  'E_UNEXPECTED_ARGUMENT',
  'E_MISSING_OPTION',
  'E_UNKNOWN_PIPELINE',
]);

/**
 * The language of the command's own messages, before its options are checked: `--lang`, else the
 * first language of the settings file (read by the caller), else Finnish.
 */
export function messageLanguage(argv: readonly string[], configured: Language | undefined): Language {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    const lang = languageSchema.safeParse(value);
    if (lang.success) return lang.data;
  }
  return configured ?? 'fi';
}

/**
 * The one catch of the command line: a problem is its message (in `lang`) and exit code 1 or 2; an
 * unreadable data folder (ingest) or workbook (a corrupt, truncated or hostile .xlsx) is exit code 2;
 * anything else is a bug, exit code 3 with its stack.
 */
export function reportFailure(e: unknown, io: Pick<CliIo, 'stderr'>, lang: Language, usage: (lang: Language) => string): number {
  if (e instanceof ProblemError) {
    const code = e.problem.code;
    io.stderr(`ekoraportti: ${describeProblem(e.problem, lang)}\n`);
    if (SHOW_USAGE.has(code)) io.stderr(`\n${usage(lang)}`);
    return EXIT_CODES[code];
  }
  if (e instanceof IngestError || e instanceof XlsxError) {
    io.stderr(`ekoraportti: ${e.message}\n`);
    return EXIT.usage;
  }
  io.stderr(`ekoraportti: ${CLI_PHRASES[lang].internal(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
  return EXIT.internal;
}
