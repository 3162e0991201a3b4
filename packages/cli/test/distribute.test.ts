import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attachmentNamed,
  captureIo,
  decodeHeader,
  HTML_NAME,
  parseMime,
  PDF_NAME,
  pdfBytes,
  PIPELINE,
  runDistribute,
  runDistributeWith,
  selfSignedCert,
  startSmtpServer,
  tempDir,
  textBody,
  writeReport,
} from './fixtures/distribute/harness.ts';
import type { ServerOptions, TestServer } from './fixtures/distribute/harness.ts';

const RECIPIENTS = ['puheenjohtaja@jyvaskyla.fi', 'jasen@jyu.fi', 'sihteeri@jamk.fi'];

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(options: ServerOptions = {}): Promise<TestServer> {
  const s = await startSmtpServer(options);
  servers.push(s);
  return s;
}

/** A work folder with out/steering-group built and a recipients file. */
function workspace(recipients = `${RECIPIENTS.join('\n')}\n`): { cwd: string; outDir: string } {
  const cwd = tempDir();
  const outDir = join(cwd, 'out', PIPELINE);
  writeReport(outDir);
  writeFileSync(join(cwd, 'johtoryhma.txt'), recipients);
  return { cwd, outDir };
}

function args(port: number, ...more: string[]): string[] {
  return ['--pipeline', PIPELINE, '--to', 'johtoryhma.txt', '--smtp', `smtp://127.0.0.1:${port}`, ...more];
}

function ledgerLines(outDir: string): { sha256: string; recipient: string; sentAt: string; messageId: string }[] {
  let text = '';
  try {
    text = readFileSync(join(outDir, 'distribution-ledger.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

function pdfSha(outDir: string): string {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  return manifest.outputs.find((o: { kind: string }) => o.kind === 'pdf').sha256;
}

const fast = { retryDelaysMs: [1, 1], sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

describe('distribute: dry run', () => {
  it('connects to nothing, sends nothing and lists who would get what', async () => {
    const smtp = await server();
    const { cwd } = workspace();
    const { io, handle } = captureIo(cwd);
    const code = await runDistribute(args(smtp.port), handle);
    expect(code).toBe(0);
    expect(smtp.connections).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    for (const r of RECIPIENTS) expect(io.out).toContain(`would-send ${r}\n`);
    expect(io.out).toContain('subject [Esimerkkiaineisto] Johtoryhmän neljännesvuosiraportti 30.9.2025\n');
    expect(io.out).toContain(`attachment ${PDF_NAME} ${pdfBytes().length} bytes\n`);
    expect(io.out).toMatch(new RegExp(`attachment ${HTML_NAME} \\d+ bytes\\n`));
    expect(io.out).toContain('summary: 3 recipients, 3 would be sent, 0 already sent\n');
  });

  it('says which recipients the ledger already lists for this PDF', async () => {
    const smtp = await server();
    const { cwd, outDir } = workspace();
    const sha = pdfSha(outDir);
    writeFileSync(
      join(outDir, 'distribution-ledger.jsonl'),
      `${JSON.stringify({ sha256: sha, recipient: 'JASEN@jyu.fi', sentAt: '2025-10-01T08:00:00.000Z', messageId: '<x@y>' })}\n` +
        `${JSON.stringify({ sha256: 'f'.repeat(64), recipient: 'sihteeri@jamk.fi', sentAt: '2025-07-01T08:00:00.000Z', messageId: '<z@y>' })}\n`,
    );
    const { io, handle } = captureIo(cwd);
    expect(await runDistribute(args(smtp.port), handle)).toBe(0);
    expect(io.out).toContain('skipped jasen@jyu.fi (already sent)\n');
    // Sent an older report only: this one is still due.
    expect(io.out).toContain('would-send sihteeri@jamk.fi\n');
    expect(smtp.connections).toBe(0);
  });
});

describe('distribute --send', () => {
  it('delivers one message per recipient with the PDF and HTML attached, in Finnish', async () => {
    const smtp = await server();
    const { cwd, outDir } = workspace();
    const { io, handle } = captureIo(cwd, { EKORAPORTTI_FROM: 'raportit@jyvaskyla.fi' });
    const code = await runDistribute(args(smtp.port, '--send'), handle);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(smtp.messages).toHaveLength(RECIPIENTS.length);
    expect(smtp.messages.map((m) => m.rcptTo)).toEqual(RECIPIENTS.map((r) => [r]));
    const pdf = readFileSync(join(outDir, PDF_NAME));
    const html = readFileSync(join(outDir, HTML_NAME));
    for (const message of smtp.messages) {
      expect(message.mailFrom).toBe('raportit@jyvaskyla.fi');
      expect(message.user).toBeUndefined();
      const mime = parseMime(message.raw);
      const subject = decodeHeader(mime.headers.get('subject') ?? '');
      expect(subject).toContain('Johtoryhmän neljännesvuosiraportti');
      expect(subject).toContain('30.9.2025');
      // Each message names only its own recipient.
      expect(mime.headers.get('to')).toBe(message.rcptTo[0]);
      const text = textBody(mime);
      expect(text).toContain('Tavoitteiden tila: saavutettu 2, etenee 5, riskissä 1, ei etene 0, ei aloitettu 3, ei tietoa 1.');
      expect(text).toContain('Esimerkkiaineisto');
      expect(text).toContain('tilanne 30.9.2025');
      expect(attachmentNamed(mime, PDF_NAME)?.body.equals(pdf)).toBe(true);
      expect(attachmentNamed(mime, PDF_NAME)?.headers.get('content-type')).toMatch(/^application\/pdf/);
      expect(attachmentNamed(mime, HTML_NAME)?.body.equals(html)).toBe(true);
    }
    for (const r of RECIPIENTS) expect(io.out).toContain(`sent ${r}\n`);
    expect(io.out).toContain('summary: 3 recipients, 3 sent, 0 already sent, 0 failed\n');
    const ledger = ledgerLines(outDir);
    expect(ledger.map((l) => l.recipient)).toEqual(RECIPIENTS);
    expect(new Set(ledger.map((l) => l.sha256))).toEqual(new Set([pdfSha(outDir)]));
    for (const l of ledger) {
      expect(l.messageId).toMatch(/^<.+@.+>$/);
      expect(Number.isNaN(Date.parse(l.sentAt))).toBe(false);
    }
    // The ledger is not a report output.
    expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).not.toContain('distribution-ledger');
  });

  it('writes English when the report is in English', async () => {
    const smtp = await server();
    const { cwd, outDir } = workspace('chair@example.org\n');
    writeReport(outDir, pdfBytes(), { lang: 'en', exampleData: false });
    // --from wins over EKORAPORTTI_FROM.
    const { handle } = captureIo(cwd, { EKORAPORTTI_FROM: 'env@example.org' });
    expect(await runDistribute(args(smtp.port, '--send', '--from', 'reports@example.org'), handle)).toBe(0);
    const mime = parseMime(smtp.messages[0]?.raw ?? '');
    expect(decodeHeader(mime.headers.get('subject') ?? '')).toBe('Steering group quarterly report 30 Sep 2025');
    const text = textBody(mime);
    expect(text).toContain('Targets: achieved 2, on track 5, at risk 1, off track 0, not started 3, no data 1.');
    expect(text).not.toContain('Example data');
    expect(smtp.messages[0]?.mailFrom).toBe('reports@example.org');
  });

  it('uses STARTTLS when offered and logs in with SMTP_USER / SMTP_PASS from the environment', async () => {
    const cert = selfSignedCert();
    const smtp = await server({ tls: cert, auth: { user: 'raportit', pass: 'salasana-ÄÖ' } });
    const { cwd } = workspace();
    const { io, handle } = captureIo(cwd, { SMTP_USER: 'raportit', SMTP_PASS: 'salasana-ÄÖ' });
    const code = await runDistributeWith(args(smtp.port, '--send'), handle, { ...fast, tls: { ca: cert.cert } });
    expect(io.out).toContain('summary: 3 recipients, 3 sent, 0 already sent, 0 failed\n');
    expect(code).toBe(0);
    expect(smtp.messages).toHaveLength(3);
    expect(smtp.messages.every((m) => m.secure)).toBe(true);
    expect(smtp.messages.every((m) => m.user === 'raportit')).toBe(true);
    expect(smtp.secureSessions).toBeGreaterThanOrEqual(3);
    expect(smtp.logins.every((l) => l.user === 'raportit' && l.pass === 'salasana-ÄÖ')).toBe(true);
  });

  it('upgrades with STARTTLS when offered even without credentials', async () => {
    const cert = selfSignedCert();
    const smtp = await server({ tls: cert });
    const { cwd } = workspace('jasen@jyu.fi\n');
    const { handle } = captureIo(cwd);
    expect(await runDistributeWith(args(smtp.port, '--send'), handle, { ...fast, tls: { ca: cert.cert } })).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.secure).toBe(true);
    expect(smtp.messages[0]?.user).toBeUndefined();
  });

  it('refuses a server certificate it cannot verify (no silent fallback to plain text)', async () => {
    const cert = selfSignedCert();
    const smtp = await server({ tls: cert });
    const { cwd, outDir } = workspace('jasen@jyu.fi\n');
    const { io, handle } = captureIo(cwd);
    const code = await runDistributeWith(args(smtp.port, '--send'), handle, { retryDelaysMs: [1] });
    expect(code).toBe(1);
    expect(io.out).toMatch(/^failed jasen@jyu\.fi: .*certificate.*\(2 attempts\)$/m);
    expect(smtp.messages).toHaveLength(0);
    expect(ledgerLines(outDir)).toHaveLength(0);
  });

  it('does not log in over a connection without TLS', async () => {
    // The server offers neither STARTTLS nor AUTH; with credentials set, sending must not go ahead in clear.
    const smtp = await server();
    const { cwd } = workspace('jasen@jyu.fi\n');
    const { io, handle } = captureIo(cwd, { SMTP_USER: 'raportit', SMTP_PASS: 'salasana' });
    const code = await runDistributeWith(args(smtp.port, '--send'), handle, fast);
    expect(code).toBe(1);
    expect(io.out).toMatch(/^failed jasen@jyu\.fi: .*STARTTLS failed; it is required while SMTP_USER is set/m);
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.logins).toHaveLength(0);
  });

  it('is idempotent: a rerun sends nothing new, a rebuilt PDF is sent again', async () => {
    const smtp = await server();
    const { cwd, outDir } = workspace();
    expect(await runDistribute(args(smtp.port, '--send'), captureIo(cwd).handle)).toBe(0);
    expect(smtp.messages).toHaveLength(3);

    const rerun = captureIo(cwd);
    expect(await runDistribute(args(smtp.port, '--send'), rerun.handle)).toBe(0);
    expect(smtp.messages).toHaveLength(3);
    for (const r of RECIPIENTS) expect(rerun.io.out).toContain(`skipped ${r} (already sent)\n`);
    expect(rerun.io.out).toContain('summary: 3 recipients, 0 sent, 3 already sent, 0 failed\n');

    // A new build of the report: new PDF bytes, new sha256 in the manifest.
    const oldSha = pdfSha(outDir);
    const newPdf = pdfBytes('v2');
    writeReport(outDir, newPdf);
    const rebuilt = captureIo(cwd);
    expect(await runDistribute(args(smtp.port, '--send'), rebuilt.handle)).toBe(0);
    expect(smtp.messages).toHaveLength(6);
    const latest = parseMime(smtp.messages[5]?.raw ?? '');
    expect(attachmentNamed(latest, PDF_NAME)?.body.equals(newPdf)).toBe(true);
    const ledger = ledgerLines(outDir);
    expect(ledger.filter((l) => l.sha256 === oldSha)).toHaveLength(3);
    expect(ledger.filter((l) => l.sha256 === pdfSha(outDir))).toHaveLength(3);
  });

  it('retries temporary rejections, reports permanent ones, and still delivers to the others', async () => {
    const smtp = await server({
      rcptReply: (address, attempt) => {
        if (address === 'kiireinen@jyu.fi' && attempt === 1) return { code: 451, message: 'Try again later' };
        if (address === 'aina-kiireinen@jyu.fi') return { code: 450, message: 'Mailbox busy' };
        if (address === 'tuntematon@jamk.fi') return { code: 550, message: 'No such user' };
        return null;
      },
    });
    const { cwd, outDir } = workspace(
      'puheenjohtaja@jyvaskyla.fi\nkiireinen@jyu.fi\ntuntematon@jamk.fi\naina-kiireinen@jyu.fi\nsihteeri@jamk.fi\n',
    );
    const { io, handle } = captureIo(cwd);
    const code = await runDistributeWith(args(smtp.port, '--send'), handle, fast);
    expect(code).toBe(1);
    expect(io.out).toContain('sent puheenjohtaja@jyvaskyla.fi\n');
    expect(io.out).toContain('sent kiireinen@jyu.fi\n');
    expect(io.out).toContain('sent sihteeri@jamk.fi\n');
    expect(io.out).toMatch(/^failed tuntematon@jamk\.fi: .*550.*No such user.*\(1 attempt\)$/m);
    expect(io.out).toMatch(/^failed aina-kiireinen@jyu\.fi: .*450.*Mailbox busy.*\(3 attempts\)$/m);
    expect(io.out).toContain('summary: 5 recipients, 3 sent, 0 already sent, 2 failed\n');
    expect(io.err).toContain('retry kiireinen@jyu.fi: attempt 1 failed');
    // A permanent 5xx is not retried; a 4xx is, up to 1 + the number of delays.
    expect(smtp.rcptAttempts.get('kiireinen@jyu.fi')).toBe(2);
    expect(smtp.rcptAttempts.get('tuntematon@jamk.fi')).toBe(1);
    expect(smtp.rcptAttempts.get('aina-kiireinen@jyu.fi')).toBe(3);
    expect(smtp.messages.map((m) => m.rcptTo[0])).toEqual([
      'puheenjohtaja@jyvaskyla.fi',
      'kiireinen@jyu.fi',
      'sihteeri@jamk.fi',
    ]);
    expect(ledgerLines(outDir).map((l) => l.recipient)).toEqual([
      'puheenjohtaja@jyvaskyla.fi',
      'kiireinen@jyu.fi',
      'sihteeri@jamk.fi',
    ]);

    // A rerun retries only the undelivered (still refused here) and never resends the delivered.
    const again = captureIo(cwd);
    const count = smtp.messages.length;
    expect(await runDistributeWith(args(smtp.port, '--send'), again.handle, fast)).toBe(1);
    expect(smtp.messages.length - count).toBe(0);
    expect(again.io.out).toContain('skipped kiireinen@jyu.fi (already sent)\n');
  });
});

describe('distribute: refusals (exit 2, nothing sent)', () => {
  let smtp: TestServer;

  async function refused(setup: (cwd: string, outDir: string) => string[] | void, extraArgs: string[] = []) {
    smtp = await server();
    const { cwd, outDir } = workspace();
    const argv = setup(cwd, outDir) ?? args(smtp.port, '--send', ...extraArgs);
    const { io, handle } = captureIo(cwd);
    const code = await runDistribute(argv, handle);
    expect(code).toBe(2);
    expect(smtp.connections).toBe(0);
    expect(io.out).toBe('');
    return io.err;
  }

  it('rejects invalid recipient lines with their line numbers', async () => {
    const err = await refused((cwd) => {
      writeFileSync(
        join(cwd, 'johtoryhma.txt'),
        [
          '# Johtoryhmä 2025',
          'puheenjohtaja@jyvaskyla.fi   # pj',
          'jasen@jyu',
          '',
          'Matti Meikäläinen <matti@jyu.fi>',
          'sihteeri@@jamk.fi',
          'ok@jamk.fi',
        ].join('\r\n'),
      );
    });
    expect(err).toMatch(/johtoryhma\.txt:3: "jasen@jyu": domain jyu has no dot/);
    expect(err).toMatch(/johtoryhma\.txt:5: /);
    expect(err).toMatch(/johtoryhma\.txt:6: /);
    expect(err).toContain('3 invalid recipient line(s) (3, 5, 6)');
    expect(err).not.toMatch(/johtoryhma\.txt:(2|7):/);
  });

  it('refuses credentials in the --smtp URL', async () => {
    const err = await refused(() => [
      '--pipeline', PIPELINE, '--to', 'johtoryhma.txt', '--smtp', `smtp://user:secret@127.0.0.1:${smtp.port}`, '--send',
    ]);
    expect(err).toContain('SMTP_USER and SMTP_PASS');
    expect(err).not.toContain('secret');
  });

  it('asks for the report to be built when there is no manifest', async () => {
    const err = await refused(() => [
      '--pipeline', PIPELINE, '--to', 'johtoryhma.txt', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--send',
      '--out', 'out/ei-ole',
    ]);
    expect(err).toContain('run the report first: pnpm ekoraportti --pipeline steering-group');
  });

  it('refuses a PDF that changed after the manifest was written', async () => {
    const err = await refused((_cwd, outDir) => {
      writeFileSync(join(outDir, PDF_NAME), pdfBytes('edited by hand'));
    });
    expect(err).toContain('the report changed after it was built');
    expect(err).toContain(PDF_NAME);
  });

  it('refuses an unknown option and missing required ones', async () => {
    expect(await refused(() => ['--pipeline', PIPELINE, '--to', 'johtoryhma.txt'])).toContain('missing --smtp');
    expect(await refused(() => [...args(1), '--bcc', 'x@y.fi'])).toContain("Unknown option '--bcc'");
  });
});

describe('distribute: recipients file', () => {
  it('collapses duplicates case-insensitively with a note and sends once', async () => {
    const smtp = await server();
    const { cwd } = workspace('Jasen@JYU.fi\n# toinen kerta\njasen@jyu.fi # sama\n');
    const { io, handle } = captureIo(cwd);
    expect(await runDistribute(args(smtp.port, '--send'), handle)).toBe(0);
    expect(io.err).toMatch(/johtoryhma\.txt:3: duplicate of line 1/);
    expect(smtp.messages).toHaveLength(1);
    // The first spelling is kept (nodemailer lower-cases the domain on the wire).
    expect(io.out).toContain('sent Jasen@JYU.fi\n');
    expect(smtp.messages[0]?.rcptTo.map((a) => a.toLowerCase())).toEqual(['jasen@jyu.fi']);
    // Neither --from nor EKORAPORTTI_FROM: the documented default sender.
    expect(smtp.messages[0]?.mailFrom).toBe('ekoraportti@localhost');
  });
});
