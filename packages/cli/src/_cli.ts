import { loadConfig } from './_config.ts';
import type { DistributeOptions } from './_distribute.ts';
import { messageLanguage, reportFailure } from './_exit.ts';
import { completeIo, processIo, type CliIo } from './_io.ts';
import { renderUsage } from './_pipelines.ts';
import { runReport } from './_report.ts';

/** What a test may inject beyond argv and the surroundings. */
export interface CliHooks {
  distribute?: DistributeOptions;
}

/**
 * `ekoraportti …`: `all` (what `pnpm report` runs), `check`, `init` and `distribute`, else a report run.
 * The one catch of the command: every problem becomes its message and exit code here.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), hooks: CliHooks = {}): Promise<number> {
  const full = completeIo(io);
  const configured = await loadConfig(full.root).then(
    ({ config }) => (Array.isArray(config.lang) ? config.lang[0] : config.lang),
    () => undefined,
  );
  const lang = messageLanguage(argv, configured);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'all':
        return await (await import('./_all.ts')).runAll(rest, full, lang);
      case 'check':
        return await (await import('./_check.ts')).runCheck(rest, full, lang);
      case 'init':
        return await (await import('./_init.ts')).runInit(rest, full, lang);
      case 'distribute':
        // Loaded only when asked for: a report run never pays for nodemailer.
        return await (await import('./_distribute.ts')).distribute(rest, full, hooks.distribute ?? {});
      default:
        return await runReport(argv, full, lang);
    }
  } catch (e) {
    return reportFailure(e, full, lang, renderUsage);
  }
}
