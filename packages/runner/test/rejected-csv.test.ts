import { describe, expect, it } from 'vitest';
import { rejectedCsv, spreadsheetSafe } from '../src/index.ts';

describe('rejected.csv', () => {
  it('neutralises values Excel would run as formulas', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(spreadsheetSafe('+358401234')).toBe("'+358401234");
    expect(spreadsheetSafe('-12 000,00')).toBe("'-12 000,00");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('Hippos')).toBe('Hippos');
  });
  it('is a BOM-prefixed, semicolon-separated CRLF file with one row per rejection', () => {
    const csv = rejectedCsv(
      [
        { file: 'funding.csv', line: 7, column: 'amount_eur', reason: 'Summa on negatiivinen; korjaa', code: 'E_NEGATIVE' },
        { file: 'projects.csv', line: 3, column: 'measure', reason: '=cmd|x', code: 'E_UNKNOWN_MEASURE' },
      ],
      'fi',
    );
    expect(csv.startsWith('\ufefftiedosto;rivi;sarake;syy;koodi\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('funding.csv;7;amount_eur;"Summa on negatiivinen; korjaa";E_NEGATIVE');
    expect(lines[2]).toBe("projects.csv;3;measure;'=cmd|x;E_UNKNOWN_MEASURE");
  });
});
