/**
 * A change since the previous report, with its sign: `+4,5`, `−1`, `0`; `–` when either side is
 * missing. `format` formats the magnitude (a quantity, euros); both reports use this one function.
 */
export function formatChange(change: number | null, format: (value: number) => string): string {
  if (change === null) return '–';
  const s = format(change);
  return change > 0 ? `+${s}` : s;
}
