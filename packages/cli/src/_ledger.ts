/**
 * The distribution ledger: `distribution-ledger.jsonl` beside a pipeline's outputs, one JSON
 * line per delivered message. It is what makes `distribute --send` idempotent: a report (the
 * PDF's sha256) is never sent twice to the same recipient. Not a report output, so never in
 * the manifest.
 */
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { recipientKey } from './_recipients.ts';

export const LEDGER_FILE = 'distribution-ledger.jsonl';

export const ledgerEntrySchema = z
  .object({
    /** sha256 of the PDF that was sent. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    recipient: z.string().min(1),
    /** ISO timestamp of the server's acceptance. */
    sentAt: z.string(),
    /** Message-ID of the delivered message, to find it in the server's logs. */
    messageId: z.string(),
  })
  .loose();
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export interface Ledger {
  entries: LedgerEntry[];
  /** Unreadable lines (e.g. a line cut short by a crash): reported, then ignored. */
  warnings: string[];
}

/** Read the ledger; a missing file is an empty ledger. */
export function readLedger(path: string): Ledger {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], warnings: [] };
    throw error;
  }
  const entries: LedgerEntry[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      warnings.push(`${path}:${index + 1}: not JSON, ignored`);
      return;
    }
    const parsed = ledgerEntrySchema.safeParse(json);
    if (parsed.success) entries.push(parsed.data);
    else warnings.push(`${path}:${index + 1}: not a ledger entry, ignored`);
  });
  return { entries, warnings };
}

/** Whether the ledger says `recipient` already has the report whose PDF hashes to `sha256`. */
export function alreadySent(ledger: Ledger, sha256: string, recipient: string): LedgerEntry | undefined {
  const key = recipientKey(recipient);
  return ledger.entries.find((entry) => entry.sha256 === sha256 && recipientKey(entry.recipient) === key);
}

/**
 * Append one entry and fsync before returning, so a crash right after a delivery cannot
 * lose the record of it (and a rerun cannot send that message again).
 */
export function appendLedgerEntry(path: string, entry: LedgerEntry): void {
  // A line that a crash cut short would otherwise glue itself to this one.
  let prefix = '';
  try {
    const existing = readFileSync(path);
    if (existing.length > 0 && existing[existing.length - 1] !== 0x0a) prefix = '\n';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, `${prefix}${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
