// Repeated rows, found without keeping the rows: each accepted row leaves a 64-bit hash of its key
// (funding: project, source, year; indicators: KPI, date, project; assessments: target, date, status
// and text) and a 32-bit hash of the rest, with its line, in an open-addressing table of typed arrays
// (16 bytes a row, about 23 MB for a million). A row whose key and rest both match an earlier row is
// the same row again (an export pasted twice): rejected, naming the first line. A row whose key
// matches but whose rest differs is the same thing with another figure: used, with a warning naming
// both lines. Two different rows share a 96-bit hash with a chance of about 1 in 10^16 in a
// million-row file.

/** What `RowHashes.add` found. */
export type Seen = { kind: 'new' } | { kind: 'same'; line: number } | { kind: 'sameKey'; line: number };

const NEW: Seen = { kind: 'new' };

// The hash being built: two 32-bit lanes, as in cyrb53.
let lane1 = 0;
let lane2 = 0;
const scratch = new DataView(new ArrayBuffer(8));

/** Starts a new hash. */
export function hashStart(): void {
  lane1 = 0xdeadbeef;
  lane2 = 0x41c6ce57;
}

/** Adds a string, then a separator, so ('ab', 'c') and ('a', 'bc') differ. */
export function hashString(s: string): void {
  let a = lane1;
  let b = lane2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  lane1 = Math.imul(a ^ 0x1f, 2654435761);
  lane2 = Math.imul(b ^ 0x1f, 1597334677);
}

/** Adds a number by its bits (an integer or a float, exactly). */
export function hashNumber(v: number): void {
  scratch.setFloat64(0, v);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  lane1 = Math.imul(lane1 ^ hi, 2654435761) ^ Math.imul(lane2 ^ lo, 1597334677);
  lane2 = Math.imul(lane2 ^ lo, 2246822507) ^ Math.imul(lane1 ^ hi, 3266489909);
}

/** Ends the key: its two 32-bit halves are read with `keyHigh()` and `keyLow()`; the rest goes on. */
export function hashKeyEnd(): void {
  const a = lane1;
  const b = lane2;
  lane1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  lane2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  keyHigh = lane1 | 0;
  keyLow = lane2 | 0;
}

let keyHigh = 0;
let keyLow = 0;
// What the last `#scan` found (module state: no object per row on the hot path).
let scanSame = 0;
let scanKeyLine = 0;

/** The hash of what was added after the key, 32 bits. */
function restHash(): number {
  return (Math.imul(lane1 ^ (lane1 >>> 15), 2246822507) ^ Math.imul(lane2 ^ (lane2 >>> 15), 3266489909)) | 0;
}

/** A RowHashes table as plain data (typed arrays), for a part read on another thread to send back. */
export interface RowHashesState {
  high: Int32Array;
  low: Int32Array;
  rest: Int32Array;
  line: Uint32Array;
  size: number;
}

const INITIAL = 1024;

/** The rows of one file (or one part of it) seen so far, as hashes and lines. */
export class RowHashes {
  #high = new Int32Array(INITIAL);
  #low = new Int32Array(INITIAL);
  #rest = new Int32Array(INITIAL);
  /** Line of each entry; 0 marks an empty slot (lines start at 1). */
  #line = new Uint32Array(INITIAL);
  #size = 0;

  /**
   * Records the row hashed since `hashStart()` (key ended with `hashKeyEnd()`) at `line`, unless it
   * repeats an earlier row: then says which line it repeats, and does not record it.
   */
  add(line: number): Seen {
    const rest = restHash();
    this.#scan(keyHigh, keyLow, rest);
    if (scanSame !== 0) return { kind: 'same', line: scanSame };
    const first = scanKeyLine;
    this.#insert(keyHigh, keyLow, rest, line);
    return first === 0 ? NEW : { kind: 'sameKey', line: first };
  }

  toState(): RowHashesState {
    return { high: this.#high, low: this.#low, rest: this.#rest, line: this.#line, size: this.#size };
  }

  /**
   * Adds the rows of a later part whose lines are `offset` lines further down. Returns false, adding
   * nothing more, at the first row whose key was seen in an earlier part: whether it repeats that row
   * or differs from it, the part read on its own could not tell, so the file must be read whole.
   */
  mergeLater(state: RowHashesState, offset: number): boolean {
    for (let i = 0; i < state.line.length; i++) {
      const line = state.line[i] as number;
      if (line === 0) continue;
      this.#scan(state.high[i] as number, state.low[i] as number, 0);
      if (scanKeyLine !== 0) return false;
    }
    for (let i = 0; i < state.line.length; i++) {
      const line = state.line[i] as number;
      if (line !== 0) this.#insert(state.high[i] as number, state.low[i] as number, state.rest[i] as number, line + offset);
    }
    return true;
  }

  /**
   * Walks the probe sequence of a key once, to the first empty slot: sets `scanSame` to the line of
   * the entry with this key and rest (0: none) and `scanKeyLine` to the smallest line with this key
   * (0: none). The smallest, not the first met: the table's layout depends on when it grew, which
   * differs between a file read whole and in parts; the smallest line does not.
   */
  #scan(high: number, low: number, rest: number): void {
    scanSame = 0;
    scanKeyLine = 0;
    const mask = this.#line.length - 1;
    for (let i = high & mask; ; i = (i + 1) & mask) {
      const line = this.#line[i] as number;
      if (line === 0) return;
      if (this.#high[i] === high && this.#low[i] === low) {
        if (scanKeyLine === 0 || line < scanKeyLine) scanKeyLine = line;
        if (this.#rest[i] === rest) scanSame = line;
      }
    }
  }

  #insert(high: number, low: number, rest: number, line: number): void {
    if ((this.#size + 1) * 10 > this.#line.length * 7) this.#grow();
    const mask = this.#line.length - 1;
    let i = high & mask;
    while (this.#line[i] !== 0) i = (i + 1) & mask;
    this.#high[i] = high;
    this.#low[i] = low;
    this.#rest[i] = rest;
    this.#line[i] = line;
    this.#size++;
  }

  #grow(): void {
    const old = { high: this.#high, low: this.#low, rest: this.#rest, line: this.#line };
    const capacity = old.line.length * 2;
    this.#high = new Int32Array(capacity);
    this.#low = new Int32Array(capacity);
    this.#rest = new Int32Array(capacity);
    this.#line = new Uint32Array(capacity);
    this.#size = 0;
    for (let i = 0; i < old.line.length; i++) {
      if (old.line[i] !== 0) this.#insert(old.high[i] as number, old.low[i] as number, old.rest[i] as number, old.line[i] as number);
    }
  }
}
