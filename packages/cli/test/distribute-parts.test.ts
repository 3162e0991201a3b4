import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@ekoraportti/core';
import { composeMail, formatSize } from '../src/_distribute-mail.ts';
import { alreadySent, appendLedgerEntry, readLedger } from '../src/_ledger.ts';
import { parseRecipients } from '../src/_recipients.ts';
import { isPermanent, parseSmtpUrl, transportOptions } from '../src/_smtp.ts';
import { tempDir } from './fixtures/distribute/harness.ts';

describe('recipients file', () => {
  it('reads addresses with comments, blank lines, CRLF and a BOM', () => {
    const list = parseRecipients('\uFEFF# johtoryhmä\r\n\r\npj@jyvaskyla.fi # puheenjohtaja\r\n  jasen@jyu.fi  \r\n');
    expect(list.errors).toEqual([]);
    expect(list.recipients).toEqual([
      { address: 'pj@jyvaskyla.fi', line: 3 },
      { address: 'jasen@jyu.fi', line: 4 },
    ]);
  });

  it('names each bad line and why', () => {
    const list = parseRecipients(
      ['a@b.fi', 'no-at-sign.fi', 'x@y', 'two@@b.fi', 'Name <n@b.fi>', 'a b@c.fi', 'ä@jyu.fi', '.dot@jyu.fi', 'x@-bad.fi'].join('\n'),
    );
    expect(list.recipients.map((r) => r.address)).toEqual(['a@b.fi']);
    expect(list.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list.errors[0]?.reason).toBe("missing '@'");
    expect(list.errors[2]?.reason).toBe("more than one '@'");
  });

  it('collapses case-insensitive duplicates into the first spelling, with a note', () => {
    const list = parseRecipients('Pj@Jyvaskyla.fi\npj@jyvaskyla.fi\nPJ@JYVASKYLA.FI\n');
    expect(list.recipients).toEqual([{ address: 'Pj@Jyvaskyla.fi', line: 1 }]);
    expect(list.notes.map((n) => n.line)).toEqual([2, 3]);
  });
});

describe('--smtp URL', () => {
  it('smtp:// is plain with STARTTLS when offered, smtps:// is implicit TLS', () => {
    expect(parseSmtpUrl('smtp://mail.jyvaskyla.fi:587')).toEqual({
      ok: true,
      value: { host: 'mail.jyvaskyla.fi', port: 587, secure: false },
    });
    expect(parseSmtpUrl('smtps://mail.jyvaskyla.fi')).toEqual({
      ok: true,
      value: { host: 'mail.jyvaskyla.fi', port: 465, secure: true },
    });
    expect(parseSmtpUrl('smtp://[::1]:2525')).toEqual({ ok: true, value: { host: '::1', port: 2525, secure: false } });
  });

  it('refuses credentials, other schemes and options', () => {
    for (const bad of ['smtp://u:p@h:25', 'smtp://u@h:25', 'http://h', 'smtp://h:25?tls.rejectUnauthorized=false', 'h:25']) {
      expect(parseSmtpUrl(bad).ok, bad).toBe(false);
    }
  });

  it('never turns certificate checks off and requires TLS when logging in', () => {
    const server = { host: 'h', port: 25, secure: false };
    const plain = transportOptions(server, null);
    expect(plain.ignoreTLS).toBeUndefined();
    expect(plain.tls).toBeUndefined();
    expect(plain.requireTLS).toBe(false);
    expect(plain.auth).toBeUndefined();
    const auth = transportOptions(server, { user: 'u', pass: 'p' });
    expect(auth.requireTLS).toBe(true);
    expect(auth.auth).toEqual({ user: 'u', pass: 'p' });
  });

  it('treats 5xx as permanent and everything else as worth a retry', () => {
    expect(isPermanent({ responseCode: 550 })).toBe(true);
    expect(isPermanent({ responseCode: 451 })).toBe(false);
    expect(isPermanent({ code: 'ECONNREFUSED' })).toBe(false);
  });
});

describe('mail text', () => {
  it('formats dates for fi-FI and English without leading zeros', () => {
    expect(formatDate('2025-09-30', 'fi')).toBe('30.9.2025');
    expect(formatDate('2027-01-05', 'fi')).toBe('5.1.2027');
    expect(formatDate('2025-09-30', 'en')).toBe('30 Sep 2025');
    expect(formatSize(1_234_567, 'fi')).toBe('1,2 Mt');
    expect(formatSize(45_600, 'en')).toBe('46 kB');
  });

  it('marks example data in subject and body, and leaves it out otherwise', () => {
    const facts = {
      lang: 'fi' as const,
      reportType: 'Johtoryhmän neljännesvuosiraportti',
      pipeline: 'steering-group',
      asOf: '2025-09-30',
      city: 'Jyväskylä',
      agreementVersion: '2025',
      exampleData: true,
      statusCounts: { achieved: 1 },
      attachments: [{ filename: 'r.pdf', bytes: 2048 }],
    };
    const example = composeMail(facts);
    expect(example.subject).toBe('[Esimerkkiaineisto] Johtoryhmän neljännesvuosiraportti 30.9.2025');
    expect(example.text).toContain('saavutettu 1, etenee 0, riskissä 0, ei etene 0, ei aloitettu 0, ei tietoa 0');
    expect(example.text).toContain('- r.pdf (2 kt)');
    const real = composeMail({ ...facts, exampleData: false });
    expect(real.subject).toBe('Johtoryhmän neljännesvuosiraportti 30.9.2025');
    expect(real.text).not.toContain('Esimerkkiaineisto');
  });
});

describe('ledger', () => {
  it('survives a line cut short by a crash and keeps appending whole lines', () => {
    const path = join(tempDir(), 'distribution-ledger.jsonl');
    const sha = 'a'.repeat(64);
    appendLedgerEntry(path, { sha256: sha, recipient: 'pj@jyvaskyla.fi', sentAt: '2025-10-01T08:00:00.000Z', messageId: '<1@x>' });
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"sha256":"${sha}","recip`);
    appendLedgerEntry(path, { sha256: sha, recipient: 'jasen@jyu.fi', sentAt: '2025-10-01T08:00:01.000Z', messageId: '<2@x>' });
    const ledger = readLedger(path);
    expect(ledger.entries.map((e) => e.recipient)).toEqual(['pj@jyvaskyla.fi', 'jasen@jyu.fi']);
    expect(ledger.warnings).toHaveLength(1);
    expect(alreadySent(ledger, sha, 'JASEN@jyu.fi')?.messageId).toBe('<2@x>');
    expect(alreadySent(ledger, 'b'.repeat(64), 'jasen@jyu.fi')).toBeUndefined();
  });

  it('a missing ledger is empty', () => {
    expect(readLedger(join(tempDir(), 'none.jsonl'))).toEqual({ entries: [], warnings: [] });
  });
});
