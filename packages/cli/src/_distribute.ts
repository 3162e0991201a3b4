/**
 * `ekoraportti distribute`: e-mail a built report (its PDF, and its HTML) to the steering
 * group, one message per recipient, never twice the same report to the same person.
 * See docs/distribution.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { parseArgs } from 'node:util';
import { isoDateSchema, languageSchema, TARGET_STATUSES } from '@ekoraportti/core';
import type { TargetStatus } from '@ekoraportti/core';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { z } from 'zod';
import { manifestSchema, ProblemError, sha256, type Manifest } from '@ekoraportti/runner';
import { loadConfig } from './_config.ts';
import type { CliIo } from './_io.ts';
import { findPipeline } from './_pipelines.ts';
import { defaultOutDir } from './_settings.ts';
import { composeMail } from './_distribute-mail.ts';
import { alreadySent, appendLedgerEntry, LEDGER_FILE, readLedger } from './_ledger.ts';
import { parseRecipients } from './_recipients.ts';
import {
  credentialsFromEnv,
  DEFAULT_RETRY_DELAYS_MS,
  deliverWithRetry,
  parseSmtpUrl,
  smtpSender,
  transportOptions,
} from './_smtp.ts';
import type { SendOne } from './_smtp.ts';

/**
 * What the CLI cannot set from argv or the environment: tests inject these.
 * `tls` exists so a test can trust its self-signed server certificate (`{ ca }`); the CLI
 * always verifies certificates against the system's trust store (add a private CA with
 * NODE_EXTRA_CA_CERTS).
 */
export interface DistributeOptions {
  tls?: ConnectionOptions;
  /** Waits between attempts of one delivery; default 0.5 s, 1 s, 2 s. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Clock for the ledger's `sentAt`. */
  now?: () => Date;
}

export const DEFAULT_FROM = 'ekoraportti@localhost';

export const DISTRIBUTE_USAGE = `Usage: ekoraportti distribute --pipeline NAME --to FILE --smtp smtp://HOST:PORT [--send] [--out DIR] [--from ADDR]

  --pipeline NAME   the pipeline whose built report is sent (e.g. steering-group)
  --to FILE         recipients, one address per line; blank lines and # comments allowed
                    (default: "recipients" in ekoraportti.config.json)
  --smtp URL        smtp://HOST:PORT (STARTTLS when offered) or smtps://HOST:PORT (TLS)
  --send            really send; without it, a dry run that shows who would get what
  --out DIR         the report's folder (default out/<pipeline>)
  --from ADDR       sender (default $EKORAPORTTI_FROM, else ${DEFAULT_FROM})

Credentials come only from the environment: SMTP_USER and SMTP_PASS.
`;

/** A problem with the command line or the files it names: nothing is sent, exit code 2 (from the command's one catch). */
class DistributeError extends ProblemError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super({ code: 'E_DISTRIBUTE', message });
  }
}

type ManifestOutput = Manifest['outputs'][number];

/** Only what the message says; the full model is reportModelSchema in @ekoraportti/core. */
const reportFactsSchema = z
  .object({
    asOf: isoDateSchema,
    lang: languageSchema,
    agreement: z.object({ version: z.string(), city: z.string().optional() }).loose(),
    report: z.object({ type: z.string().min(1), exampleData: z.boolean() }).loose(),
    statusCounts: z.record(z.string(), z.number()),
  })
  .loose();

interface VerifiedFile {
  filename: string;
  absolutePath: string;
  content: Buffer;
  sha256: string;
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        pipeline: { type: 'string' },
        to: { type: 'string' },
        smtp: { type: 'string' },
        send: { type: 'boolean', default: false },
        out: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new DistributeError('E_USAGE', `${(error as Error).message}\n${DISTRIBUTE_USAGE}`);
  }
}

function readText(path: string, what: string, code: string, hint = ''): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message;
    throw new DistributeError(code, `${what} ${path}: ${reason}${hint}`);
  }
}

/** Read an output named by the manifest, and check it is the file the manifest describes. */
function verifiedOutput(outDir: string, output: ManifestOutput, pipeline: string): VerifiedFile {
  const absolutePath = resolve(outDir, output.path);
  const inside = relative(outDir, absolutePath);
  if (isAbsolute(output.path) || inside.startsWith('..') || isAbsolute(inside)) {
    throw new DistributeError('E_MANIFEST', `manifest output ${output.path} is outside ${outDir}`);
  }
  let content: Buffer;
  try {
    content = readFileSync(absolutePath);
  } catch {
    throw new DistributeError(
      'E_OUTPUT_MISSING',
      `${absolutePath} is listed in the manifest but cannot be read: run the report again: pnpm ekoraportti --pipeline ${pipeline}`,
    );
  }
  const actual = sha256(content);
  if (actual !== output.sha256.toLowerCase()) {
    throw new DistributeError(
      'E_CHANGED',
      `the report changed after it was built: ${output.path} has sha256 ${actual}, the manifest says ${output.sha256}; build it again: pnpm ekoraportti --pipeline ${pipeline}`,
    );
  }
  const filename = output.path.split(/[\\/]/).pop() ?? output.path;
  return { filename, absolutePath, content, sha256: actual };
}

/**
 * `ekoraportti distribute ARGS` (argv without the word `distribute`). Returns the exit code: 0 all
 * delivered or already delivered, 1 a delivery failed after retries; a usage or input problem is
 * thrown (exit code 2, and nothing was sent).
 */
export async function distribute(argv: readonly string[], io: Required<CliIo>, options: DistributeOptions): Promise<number> {
  const args = readArgs([...argv]);
  if (args.help) {
    io.stdout(DISTRIBUTE_USAGE);
    return 0;
  }
  const { config } = await loadConfig(io.root);
  const to = args.to ?? (config.recipients !== undefined ? resolve(io.root, config.recipients) : undefined);
  const missing = (['pipeline', 'to', 'smtp'] as const).filter((name) => (name === 'to' ? to : args[name]) === undefined);
  if (missing.length > 0) {
    throw new DistributeError('E_USAGE', `missing ${missing.map((m) => `--${m}`).join(', ')}\n${DISTRIBUTE_USAGE}`);
  }
  const pipeline = findPipeline(args.pipeline).name;

  const smtp = parseSmtpUrl(args.smtp ?? '');
  if (!smtp.ok) throw new DistributeError('E_SMTP_URL', smtp.error);

  const envFrom = io.env['EKORAPORTTI_FROM'];
  const from = args.from ?? (envFrom !== undefined && envFrom !== '' ? envFrom : DEFAULT_FROM);
  if (/[\r\n]/.test(from) || !from.includes('@')) {
    throw new DistributeError('E_FROM', `sender ${JSON.stringify(from)} is not an e-mail address`);
  }

  // Recipients first: a typo in the list must stop the run before anything is read or sent.
  const toPath = resolve(io.cwd, to ?? '');
  const list = parseRecipients(readText(toPath, 'recipients file', 'E_RECIPIENTS'));
  for (const note of list.notes) io.stderr(`note: ${toPath}:${note.line}: ${note.message}\n`);
  if (list.errors.length > 0) {
    for (const problem of list.errors) {
      io.stderr(`invalid ${toPath}:${problem.line}: ${JSON.stringify(problem.text)}: ${problem.reason}\n`);
    }
    const lines = list.errors.map((p) => p.line).join(', ');
    throw new DistributeError(
      'E_RECIPIENTS',
      `${list.errors.length} invalid recipient line(s) (${lines}) in ${toPath}; fix them, nothing was sent`,
    );
  }
  if (list.recipients.length === 0) {
    throw new DistributeError('E_RECIPIENTS', `no recipients in ${toPath}`);
  }

  // The report: the manifest names the files and their hashes.
  const outDir = args.out !== undefined ? resolve(io.cwd, args.out) : defaultOutDir(pipeline, 'fi', io.root, config);
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new DistributeError(
      'E_NO_MANIFEST',
      `no ${manifestPath}: run the report first: pnpm ekoraportti --pipeline ${pipeline}${args.out !== undefined ? ` --out ${args.out}` : ''}`,
    );
  }
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(readText(manifestPath, 'manifest', 'E_MANIFEST'));
  } catch (error) {
    if (error instanceof DistributeError) throw error;
    throw new DistributeError('E_MANIFEST', `${manifestPath} is not JSON: ${(error as Error).message}`);
  }
  const manifest = manifestSchema.safeParse(manifestJson);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw new DistributeError(
      'E_MANIFEST',
      `${manifestPath} is not a report manifest: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  if (manifest.data.pipeline !== pipeline) {
    throw new DistributeError(
      'E_MANIFEST',
      `${manifestPath} belongs to pipeline ${manifest.data.pipeline}, not ${pipeline}`,
    );
  }
  const outputs = manifest.data.outputs;
  const pdfs = outputs.filter((o) => o.kind === 'pdf');
  if (pdfs.length !== 1) {
    throw new DistributeError('E_MANIFEST', `${manifestPath} lists ${pdfs.length} PDFs; expected exactly one`);
  }
  const reportOutput =
    outputs.find((o) => o.kind === 'json' && o.path === 'report.json') ?? outputs.find((o) => o.kind === 'json');
  if (reportOutput === undefined) {
    throw new DistributeError('E_MANIFEST', `${manifestPath} lists no report.json`);
  }
  const htmlOutput = outputs.find((o) => o.kind === 'html');
  // The bytes verified here are the bytes attached: nothing is read again later.
  const pdf = verifiedOutput(outDir, pdfs[0] as ManifestOutput, pipeline);
  const html = htmlOutput !== undefined ? verifiedOutput(outDir, htmlOutput, pipeline) : null;
  const reportFile = verifiedOutput(outDir, reportOutput, pipeline);

  let reportJson: unknown;
  try {
    reportJson = JSON.parse(reportFile.content.toString('utf8'));
  } catch (error) {
    throw new DistributeError('E_REPORT', `${reportFile.absolutePath} is not JSON: ${(error as Error).message}`);
  }
  const reportParsed = reportFactsSchema.safeParse(reportJson);
  if (!reportParsed.success) {
    const issue = reportParsed.error.issues[0];
    throw new DistributeError(
      'E_REPORT',
      `${reportFile.absolutePath}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const report = reportParsed.data;
  const statusCounts: Partial<Record<TargetStatus, number>> = {};
  for (const status of TARGET_STATUSES) {
    const count = report.statusCounts[status];
    if (count !== undefined) statusCounts[status] = count;
  }

  const files = html !== null ? [pdf, html] : [pdf];
  const mail = composeMail({
    lang: report.lang,
    reportType: report.report.type,
    pipeline,
    asOf: report.asOf,
    city: report.agreement.city ?? null,
    agreementVersion: report.agreement.version,
    exampleData: report.report.exampleData,
    statusCounts,
    attachments: files.map((f) => ({ filename: f.filename, bytes: f.content.length })),
  });

  const ledgerPath = join(outDir, LEDGER_FILE);
  const ledger = readLedger(ledgerPath);
  for (const warning of ledger.warnings) io.stderr(`warning: ${warning}\n`);

  io.stdout(`report ${pipeline} as-of ${report.asOf} pdf-sha256 ${pdf.sha256}\n`);
  io.stdout(`subject ${mail.subject}\n`);
  for (const f of files) io.stdout(`attachment ${f.filename} ${f.content.length} bytes\n`);

  if (!args.send) {
    io.stdout('dry run: nothing is sent (add --send to deliver)\n');
    let pending = 0;
    for (const { address } of list.recipients) {
      if (alreadySent(ledger, pdf.sha256, address) !== undefined) {
        io.stdout(`skipped ${address} (already sent)\n`);
      } else {
        pending += 1;
        io.stdout(`would-send ${address}\n`);
      }
    }
    const done = list.recipients.length - pending;
    io.stdout(`summary: ${list.recipients.length} recipients, ${pending} would be sent, ${done} already sent\n`);
    return 0;
  }

  const credentials = credentialsFromEnv(io.env);
  const sender = smtpSender(transportOptions(smtp.value, credentials, options.tls));
  const send: SendOne = sender.send;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? (() => new Date());
  const attachments: Mail.Attachment[] = files.map((f) => ({
    filename: f.filename,
    content: f.content,
    contentType: f === pdf ? 'application/pdf' : 'text/html; charset=utf-8',
  }));

  let sent = 0;
  let skipped = 0;
  let failed = 0;
  try {
    for (const { address } of list.recipients) {
      if (alreadySent(ledger, pdf.sha256, address) !== undefined) {
        skipped += 1;
        io.stdout(`skipped ${address} (already sent)\n`);
        continue;
      }
      // One message per recipient: nobody sees the others' addresses, and one bad mailbox
      // cannot hold back the rest.
      const delivery = await deliverWithRetry(
        send,
        {
          from,
          to: address,
          subject: mail.subject,
          text: mail.text,
          attachments,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Ekoraportti-Report-Sha256': pdf.sha256 },
        },
        delays,
        sleep,
        (attempt, reason, delayMs) =>
          io.stderr(`retry ${address}: attempt ${attempt} failed (${reason}); next in ${delayMs} ms\n`),
      );
      if (delivery.ok) {
        const entry = { sha256: pdf.sha256, recipient: address, sentAt: now().toISOString(), messageId: delivery.messageId };
        appendLedgerEntry(ledgerPath, entry);
        ledger.entries.push(entry);
        sent += 1;
        io.stdout(`sent ${address}\n`);
      } else {
        failed += 1;
        const tries = delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`;
        io.stdout(`failed ${address}: ${delivery.reason} (${tries})\n`);
      }
    }
  } finally {
    sender.close();
  }
  io.stdout(
    `summary: ${list.recipients.length} recipients, ${sent} sent, ${skipped} already sent, ${failed} failed\n`,
  );
  return failed > 0 ? 1 : 0;
}
