// Repeated rows, found without keeping the rows: each accepted row leaves a 64-bit hash of its key
// (funding: project, source, year; indicators: KPI, date, project; assessments: target, date and
// status) and a 32-bit hash of the rest, with its line, in typed arrays (`RowHashes`: about 28 MB
// for a million rows). A row whose key and rest both match an earlier row is
// the same row again (an export pasted twice): rejected, naming the first line. A row whose key
// matches but whose rest differs is the same thing with another figure: used, with a warning naming
// both lines. Two different rows share a 96-bit hash with a chance of about 1 in 10^16 in a
// million-row file.

/** What `RowHashes.add` found. */
export type Seen = { kind: 'new' } | { kind: 'same'; line: number } | { kind: 'sameKey'; line: number };

const NEW: Seen = { kind: 'new' };

// A row is hashed from numbers: each of its values is first made one 32-bit number (`textHash`,
// `numberHash`, or an index), which callers can remember for values that repeat (dates, projects,
// sources), then the key's numbers are mixed into 64 bits and the rest's into 32. The results wait in
// a typed array: module variables holding 32-bit values would each be a boxed number, a heap
// allocation per write.
const H = new Int32Array(5);
const KEY_HIGH = 0;
const KEY_LOW = 1;
const REST_HASH = 2;
const SAME = 3;
const KEY_LINE = 4;
const scratch = new DataView(new ArrayBuffer(8));

/** A string as one 32-bit number (FNV-1a with a final avalanche). */
export function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** A number (an integer or a float, exactly) as one 32-bit number. */
export function numberHash(v: number): number {
  if ((v | 0) === v) return v;
  scratch.setFloat64(0, v);
  return Math.imul(scratch.getInt32(0), 0x9e3779b1) ^ scratch.getInt32(4);
}

/**
 * `textHash` that remembers the last string it was given: in a KPI file the same source, date or
 * project often comes row after row.
 */
export function rememberingTextHash(): (s: string) => number {
  let last = '';
  const hash = new Int32Array([textHash('')]); // not a closure variable: that would box each new value
  return (s) => {
    if (s !== last) {
      last = s;
      hash[0] = textHash(s);
    }
    return hash[0] as number;
  };
}

const mix = (h: number, v: number, k: number): number => {
  const x = Math.imul(h ^ v, k);
  return x ^ (x >>> 15);
};

/** Sets the row's key from three numbers: two 32-bit halves, mixed apart. */
export function rowKey(a: number, b: number, c: number): void {
  H[KEY_HIGH] = mix(mix(mix(0x243f6a88, a, 0xcc9e2d51), b, 0x1b873593), c, 0xcc9e2d51);
  H[KEY_LOW] = mix(mix(mix(0x13198a2e, c, 0x85ebca6b), a, 0xc2b2ae35), b, 0x85ebca6b);
}

/** Sets the rest of the row (what is not its key) from two numbers. */
export function rowRest(a: number, b: number): void {
  H[REST_HASH] = mix(mix(0x3707344a, a, 0xcc9e2d51), b, 0x1b873593) | 1;
}

/** A RowHashes table as plain data (typed arrays), for a part read on another thread to send back. */
export interface RowHashesState {
  /** Two numbers a slot: the key's high half, and 1 + the row's index in `rows` (0: empty). */
  slots: Int32Array;
  /** Three numbers a row, in the order the rows came: the key's low half, the rest, the line. */
  rows: Int32Array;
  size: number;
}

const INITIAL_SLOTS = 1024;
// Row fields in `rows`.
const LOW = 0;
const REST = 1;
const LINE = 2;

/**
 * The rows of one file (or one part of it) seen so far, as hashes and lines. The table a row is looked
 * up in holds 8 bytes a slot (the key's high half, and where the row's other numbers are); those
 * numbers are appended in row order to a second array, written sequentially and read only when a
 * key's high half matches. Random access touches the small table alone: with 16-byte slots, the
 * check cost twice as much (cache misses, a million rows). Both are sized for the rows a file's bytes
 * suggest, so a large file never rehashes.
 */
export class RowHashes {
  #slots: Int32Array;
  #mask: number;
  #rows: Int32Array;
  #size = 0;

  /** `bytes`: the size of what will be read (a file or a part); rows are taken to be 48 bytes or more. */
  constructor(bytes = 0) {
    let slots = INITIAL_SLOTS;
    while (slots * 7 < (bytes / 48) * 10) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#mask = slots - 1;
    this.#rows = new Int32Array(Math.ceil((slots * 7) / 10) * 3);
  }

  /** A table a part sent back, to look keys up in (not to add to). */
  static fromState(state: RowHashesState): RowHashes {
    const t = new RowHashes();
    t.#slots = state.slots;
    t.#mask = state.slots.length / 2 - 1;
    t.#rows = state.rows;
    t.#size = state.size;
    return t;
  }

  /**
   * Records the row given by `rowKey` and `rowRest` at `line`, unless it repeats an earlier row: then
   * says which line it repeats, and does not record it.
   */
  add(line: number): Seen {
    const rest = H[REST_HASH] as number;
    const high = H[KEY_HIGH] as number;
    const low = H[KEY_LOW] as number;
    const empty = this.#scan(high, low, rest);
    const same = H[SAME] as number;
    if (same !== 0) return { kind: 'same', line: same };
    const first = H[KEY_LINE] as number;
    this.#put(empty, high, low, rest, line);
    return first === 0 ? NEW : { kind: 'sameKey', line: first };
  }

  toState(): RowHashesState {
    return { slots: this.#slots, rows: this.#rows, size: this.#size };
  }

  /**
   * Whether a row of a later part (`state`) has the key of a row here: whether it repeats that row or
   * differs from it, the part read on its own could not tell, so the file must be read whole.
   */
  sharesKeyWith(state: RowHashesState): boolean {
    // Their slots in order, each key looked for from its home slot here: for two tables of one size
    // (equal parts) that is about the same slot, so both tables are read front to back, and the rows'
    // other numbers only when a key's high half matches (checked first).
    const theirSlots = state.slots;
    const theirRows = state.rows;
    const slots = this.#slots;
    const rows = this.#rows;
    const mask = this.#mask;
    for (let j = 0; j < theirSlots.length; j += 2) {
      const their = (theirSlots[j + 1] as number) - 1;
      if (their < 0) continue;
      const high = theirSlots[j] as number;
      for (let i = high & mask; ; i = (i + 1) & mask) {
        const row = (slots[i * 2 + 1] as number) - 1;
        if (row < 0) break;
        if (slots[i * 2] === high && rows[row * 3 + LOW] === theirRows[their * 3 + LOW]) return true;
      }
    }
    return false;
  }

  /**
   * Walks the probe sequence of a key once, to the first empty slot, which it returns; leaves in `H`
   * the line of the row with this key and rest (SAME, 0: none) and the smallest line with this key
   * (KEY_LINE, 0: none). The smallest, not the first met: the table's layout depends on when it
   * grew, which differs between a file read whole and in parts; the smallest line does not.
   */
  #scan(high: number, low: number, rest: number): number {
    let same = 0;
    let keyLine = 0;
    const slots = this.#slots;
    const rows = this.#rows;
    const mask = this.#mask;
    for (let i = high & mask; ; i = (i + 1) & mask) {
      const row = (slots[i * 2 + 1] as number) - 1;
      if (row < 0) {
        H[SAME] = same;
        H[KEY_LINE] = keyLine;
        return i;
      }
      if (slots[i * 2] === high && rows[row * 3 + LOW] === low) {
        const line = rows[row * 3 + LINE] as number;
        if (keyLine === 0 || line < keyLine) keyLine = line;
        if (rows[row * 3 + REST] === rest) same = line;
      }
    }
  }

  /** Fills the empty slot `i` (found by `#scan`), growing the table first when it is 70 % full. */
  #put(i: number, high: number, low: number, rest: number, line: number): void {
    let slot = i;
    if ((this.#size + 1) * 10 > (this.#mask + 1) * 7) {
      this.#grow();
      slot = this.#emptyFor(high);
    }
    const row = this.#size;
    if ((row + 1) * 3 > this.#rows.length) {
      const grown = new Int32Array(this.#rows.length * 2);
      grown.set(this.#rows);
      this.#rows = grown;
    }
    this.#rows[row * 3 + LOW] = low;
    this.#rows[row * 3 + REST] = rest;
    this.#rows[row * 3 + LINE] = line;
    this.#slots[slot * 2] = high;
    this.#slots[slot * 2 + 1] = row + 1;
    this.#size++;
  }

  #emptyFor(high: number): number {
    const mask = this.#mask;
    let i = high & mask;
    while (this.#slots[i * 2 + 1] !== 0) i = (i + 1) & mask;
    return i;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    this.#mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const at = this.#emptyFor(old[i] as number) * 2;
      this.#slots[at] = old[i] as number;
      this.#slots[at + 1] = old[i + 1] as number;
    }
  }
}
