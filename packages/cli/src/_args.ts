import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ProblemError } from '@ekoraportti/runner';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options of a report run (`ekoraportti --pipeline …`, and `pnpm report`, which passes them on). */
export const REPORT_OPTIONS = {
  pipeline: { type: 'string' },
  data: { type: 'string' },
  example: { type: 'boolean' },
  'as-of': { type: 'string' },
  agreement: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  previous: { type: 'string' },
  strict: { type: 'boolean' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const quoted = (message: string) => /'([^' ]+)/.exec(message)?.[1] ?? '';

/**
 * `node:util` parseArgs (strict) with its mistakes turned into problems (exit code 2): an unknown
 * option, an option without its value, a stray argument.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ProblemError({ code: 'E_OPTION_VALUE', option: quoted(message) });
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new ProblemError({ code: 'E_UNEXPECTED_ARGUMENT', argument: quoted(message) });
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ProblemError({ code: 'E_UNKNOWN_OPTION', option: quoted(message) });
    throw e;
  }
}
