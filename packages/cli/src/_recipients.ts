/**
 * The recipients file of `ekoraportti distribute --to FILE`: one address per line, blank
 * lines and `#` comments (whole-line or trailing) allowed. Pure: text in, value out.
 */

export interface Recipient {
  /** The address as first written in the file. */
  address: string;
  /** 1-based physical line. */
  line: number;
}

export interface RecipientProblem {
  line: number;
  text: string;
  reason: string;
}

export interface RecipientNote {
  line: number;
  message: string;
}

export interface RecipientList {
  recipients: Recipient[];
  /** Lines that are not a plain address: the whole list is refused while any exist. */
  errors: RecipientProblem[];
  /** Duplicates collapsed into their first occurrence. */
  notes: RecipientNote[];
}

// A pragmatic subset of RFC 5321: dot-atom local part, hostname labels, a dot in the domain.
// Stricter than the RFC on purpose: a list for a steering group has no quoted local parts,
// and anything unusual here is far more likely a typo than a real address.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why `address` is not acceptable, or null when it is. */
export function addressProblem(address: string): string | null {
  if (/\s/.test(address)) return 'contains whitespace (one address per line)';
  if (/[<>,;"]/.test(address)) return 'write the bare address only, without a name, brackets, commas or quotes';
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(address)) return 'non-ASCII characters (write an international domain in its xn-- form)';
  if (address.length > 254) return 'longer than 254 characters';
  const at = address.lastIndexOf('@');
  if (at < 0) return "missing '@'";
  if (address.indexOf('@') !== at) return "more than one '@'";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') return "nothing before '@'";
  if (local.length > 64) return 'part before @ is longer than 64 characters';
  if (!LOCAL_PART.test(local)) return `invalid part before '@': ${local}`;
  if (domain === '') return "nothing after '@'";
  const labels = domain.split('.');
  if (labels.length < 2) return `domain ${domain} has no dot`;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return `invalid domain: ${domain}`;
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return `invalid domain: ${domain}`;
  return null;
}

/**
 * Parse a recipients file. Duplicates are compared case-insensitively (mail systems treat
 * the domain, and in practice the local part, without regard to case) and collapsed into
 * the first occurrence, keeping its spelling.
 */
export function parseRecipients(text: string): RecipientList {
  const recipients: Recipient[] = [];
  const errors: RecipientProblem[] = [];
  const notes: RecipientNote[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.indexOf('#');
    const address = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (address === '') return;
    const problem = addressProblem(address);
    if (problem !== null) {
      errors.push({ line, text: address, reason: problem });
      return;
    }
    const key = address.toLowerCase();
    const first = firstLine.get(key);
    if (first !== undefined) {
      notes.push({ line, message: `duplicate of line ${first} (${address}), collapsed` });
      return;
    }
    firstLine.set(key, line);
    recipients.push({ address, line });
  });
  return { recipients, errors, notes };
}

/** The key under which an address is compared, in the list and in the ledger. */
export function recipientKey(address: string): string {
  return address.toLowerCase();
}
