// Numbers from number cells as the decimals Excel shows. A cell holds a binary double; Excel works to
// 15 significant digits, so digits past the 15th are float noise (0.1 + 0.2 is stored as
// 0.30000000000000004 and shown as 0.3). Reading the double at 15 significant digits gives back the
// decimal the user typed or Excel displays, and euros become integer cents from that digit string,
// never through a multiplication by 100.

/** `1234567.5` → `1234567.5`, `0.30000000000000004` → `0.3`, `1e21` → `1000000000000000000000`; no exponent. */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return '0';
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = mantissa.replace('.', ''); // 15 significant digits
  const exp = Number(exponent);
  let int: string;
  let frac: string;
  if (exp >= 14) {
    int = digits + '0'.repeat(exp - 14);
    frac = '';
  } else if (exp >= 0) {
    int = digits.slice(0, exp + 1);
    frac = digits.slice(exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  frac = frac.replace(/0+$/, '');
  if (/^0*$/.test(int) && frac === '') return '0';
  return (value < 0 ? '-' : '') + int + (frac === '' ? '' : `.${frac}`);
}

/** Why an amount cannot be read as cents. */
export type CentsProblem = 'negative' | 'sub_cent' | 'too_large';

/** Largest amount in whole euros whose cents stay exact integers (< 2^53). */
const MAX_EURO_DIGITS = 13;

/** A number cell's euros → integer cents, exactly; a third decimal (after the 15-digit reading) is refused. */
export function numberToCents(value: number): number | CentsProblem {
  const s = plainDecimal(value);
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
  if (frac.length > 2) return 'sub_cent';
  if (int.length > MAX_EURO_DIGITS) return 'too_large';
  const cents = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  if (negative && cents !== 0) return 'negative';
  return cents;
}
