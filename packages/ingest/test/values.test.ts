import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseAmountCents, parseDate, parseKpiValue, parseYear } from '../src/index.ts';
import { assessmentStatuses, DateCache, fundingSources, projectStatuses } from '../src/_values.ts';
import { countBreaks } from '../src/_csv.ts';
import { decodeMixed, lineEndsToLf, sniffDelimiter } from '../src/_decode.ts';
import { incompleteTail } from '../src/_formats.ts';

describe('parseDate', () => {
  test.each([
    ['2025-03-31', '2025-03-31'],
    ['31.3.2025', '2025-03-31'],
    ['31.03.2025', '2025-03-31'],
    ['1.1.2023', '2023-01-01'],
    [' 30.6.2025 ', '2025-06-30'],
    ['29.2.2024', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400: leap
    ['31.12.2027', '2027-12-31'],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  test.each([
    ['31.2.2025', 'nonexistent'],
    ['29.2.2025', 'nonexistent'],
    ['2100-02-29', 'nonexistent'], // divisible by 100, not 400: no leap day
    ['2025-13-01', 'nonexistent'],
    ['0.1.2025', 'nonexistent'],
    ['31.4.2025', 'nonexistent'],
    ['2025-00-10', 'nonexistent'],
    ['1.1.1850', 'range'],
    ['31/3/2025', 'format'],
    ['3/31/2025', 'format'],
    ['31.3.25', 'format'],
    ['2025-3-31', 'format'],
    ['2025-03-31T00:00:00', 'format'],
    ['', 'format'],
    ['maaliskuu', 'format'],
  ])('%s is refused (%s)', (raw, problem) => expect(parseDate(raw)).toBe(problem));

  test('every real calendar day round-trips through both notations', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${day}.${m}.${y}`)).toBe(iso);
        expect(parseDate(`${String(day).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`)).toBe(iso);
      }),
    );
  });
});

describe('parseAmountCents', () => {
  test.each([
    ['1234567.50', 123456750],
    ['1 234 567,50', 123456750],
    ['1\u00a0234\u00a0567,50', 123456750],
    ['1\u202f234\u202f567,50', 123456750],
    ['0', 0],
    ['0,5', 50],
    ['125000,5', 12500050],
    ['10 000 €', 1000000],
    ['2500€', 250000],
    ['2500 EUR', 250000],
    ['+12', 1200],
    ['-0', 0],
    ['0,01', 1],
    ['9999999999999,99', 999999999999999], // just under 2^53 cents, exact
  ])('%s → %i cents', (raw, cents) => expect(parseAmountCents(raw)).toBe(cents));

  test.each([
    ['12,345', 'decimals'],
    ['0.001', 'decimals'],
    ['-500', 'negative'],
    ['\u22125,00', 'negative'], // U+2212 minus sign, as some fi-FI exports write it
    ['1,234,567.50', 'format'],
    ['1.234.567,50', 'format'],
    ['12 34', 'format'], // a thousands group must have three digits
    ['1234 567', 'format'],
    ['1,5e3', 'exponent'],
    ['1E+06', 'exponent'],
    ['abc', 'format'],
    ['', 'format'],
    ['12,', 'format'],
    [',5', 'format'],
    ['10000000000000', 'too_large'],
  ])('%s is refused (%s)', (raw, problem) => expect(parseAmountCents(raw)).toBe(problem));

  test('any cent amount round-trips exactly in every notation, without float drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom('.', ','), fc.constantFrom('', ' ', '\u00a0', '\u202f'), (cents, dec, sep) => {
        const euros = String(Math.floor(cents / 100));
        const grouped = sep === '' ? euros : euros.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const frac = String(cents % 100).padStart(2, '0');
        expect(parseAmountCents(`${grouped}${dec}${frac}`)).toBe(cents);
      }),
    );
  });
});

describe('parseKpiValue', () => {
  test.each([
    ['3', 3],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,25', 1234.25],
    ['0,333', 0.333],
    [' 7 ', 7],
    ['0', 0],
  ])('%s → %d', (raw, value) => expect(parseKpiValue(raw)).toBe(value));

  test.each([
    ['-1', 'negative'],
    ['kolme', 'format'],
    ['', 'format'],
    ['3 kpl', 'format'],
    ['NaN', 'format'],
    ['Infinity', 'format'],
    ['0x10', 'format'],
    ['1e3', 'exponent'],
    ['1,5,0', 'format'],
  ])('%s is refused (%s)', (raw, problem) => expect(parseKpiValue(raw)).toBe(problem));
});

describe('parseYear', () => {
  test('accepts 2000–2100 only, four digits', () => {
    expect(parseYear('2025')).toBe(2025);
    expect(parseYear(' 2000 ')).toBe(2000);
    expect(parseYear('2100')).toBe(2100);
    expect(parseYear('1999')).toBe('format');
    expect(parseYear('2101')).toBe('format');
    expect(parseYear('25')).toBe('format');
    expect(parseYear('2025,0')).toBe('format');
  });
});

describe('enumerations', () => {
  test('project status: English or Finnish, any case, trimmed', () => {
    expect(projectStatuses.get('ongoing')).toBe('ongoing');
    expect(projectStatuses.get(' KÄYNNISSÄ ')).toBe('ongoing');
    expect(projectStatuses.get('Päättynyt')).toBe('completed');
    expect(projectStatuses.get('suunniteltu')).toBe('planned');
    expect(projectStatuses.get('peruttu')).toBe('cancelled');
    expect(projectStatuses.get('ka\u0308ynnissa\u0308')).toBe('ongoing'); // decomposed ä
    expect(projectStatuses.get('kaynnissa')).toBeUndefined();
    expect(projectStatuses.get('valmis')).toBeUndefined();
  });
  test('assessment status', () => {
    expect(assessmentStatuses.get('etenee')).toBe('on_track');
    expect(assessmentStatuses.get('Riskissä')).toBe('at_risk');
    expect(assessmentStatuses.get('EI_ETENE')).toBe('off_track');
    expect(assessmentStatuses.get('ei_aloitettu')).toBe('not_started');
    expect(assessmentStatuses.get('saavutettu')).toBe('achieved');
    expect(assessmentStatuses.get('on track')).toBeUndefined();
  });
  test('funding source matches onto the canonical spelling', () => {
    expect(fundingSources.get('eakr')).toBe('EAKR');
    expect(fundingSources.get('esr+')).toBe('ESR+');
    expect(fundingSources.get('Muu_Julkinen')).toBe('muu_julkinen');
    expect(fundingSources.get('ESR')).toBeUndefined();
  });
});

describe('dialect helpers', () => {
  test('delimiter is sniffed from the header line, outside quotes', () => {
    expect(sniffDelimiter('kpi;date;value\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('kpi,date,value\r\na;b;c;d;e')).toBe(',');
    expect(sniffDelimiter('"a;b;c",d,e\n')).toBe(',');
  });
  test('line breaks inside a value: CRLF, CR and LF each count once', () => {
    expect(countBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(countBreaks('abc\r')).toBe(1);
    expect(countBreaks('\r\n\r\n\n\r')).toBe(4);
  });
  test('an incomplete UTF-8 sequence at a chunk end is carried over', () => {
    const a = Buffer.from('kä', 'utf8'); // 6B C3 A4
    expect(incompleteTail(a)).toBe(0);
    expect(incompleteTail(a.subarray(0, 2))).toBe(1);
    expect(incompleteTail(Buffer.from('€', 'utf8').subarray(0, 2))).toBe(2);
  });
  test('bytes that are not UTF-8 are read as Windows-1252, the rest as UTF-8', () => {
    expect(decodeMixed(Buffer.from([0x6b, 0xe4, 0x79, 0x6e, 0x20, 0xc3, 0xa4, 0x20, 0x80]))).toBe('käyn ä €');
  });
});

describe('DateCache', () => {
  // Dates in the two plain notations are cached by their number: every spelling of a date, and every
  // impossible date, must still give what parseDate gives for that very string.
  const part = (max: number, pad: boolean) =>
    fc.integer({ min: 0, max }).map((n) => (pad ? String(n).padStart(2, '0') : String(n)));
  const dateText = fc.oneof(
    fc.tuple(fc.integer({ min: 1990, max: 2110 }), part(14, true), part(33, true)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.tuple(part(33, false), part(14, false), fc.integer({ min: 1990, max: 2110 })).map(([d, m, y]) => `${d}.${m}.${y}`),
    fc.tuple(part(33, true), part(14, true), fc.integer({ min: 1990, max: 2110 })).map(([d, m, y]) => `${d}.${m}.${y}`),
    fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '.', '-', ' ', 'a'), maxLength: 11 }),
  );

  test('gives what parseDate gives, for every spelling, however the cache was filled', () => {
    fc.assert(
      fc.property(fc.array(dateText, { minLength: 1, maxLength: 60 }), (texts) => {
        const cache = new DateCache(16);
        for (const t of [...texts, ...texts]) expect(cache.parse(t)).toBe(parseDate(t));
      }),
      { numRuns: 300 },
    );
    const cache = new DateCache();
    expect(['1.2.2025', '01.02.2025', '2025-02-01', ' 1.2.2025'].map((t) => cache.parse(t))).toEqual(Array(4).fill('2025-02-01'));
    expect(['29.2.2023', '2023-02-29'].map((t) => cache.parse(t))).toEqual(['nonexistent', 'nonexistent']);
  });
});

describe('lineEndsToLf', () => {
  const run = async (chunks: string[]): Promise<string> => {
    const out: Buffer[] = [];
    for await (const b of lineEndsToLf((async function* () {
      for (const c of chunks) yield Buffer.from(c, 'utf8');
    })())) out.push(b);
    return Buffer.concat(out).toString('utf8');
  };
  test('CRLF, CR and LF each become one LF, across chunk boundaries, UTF-8 kept byte for byte', async () => {
    expect(await run(['a\r\nb\rc\nd'])).toBe('a\nb\nc\nd');
    expect(await run(['a\r', '\nb\r', 'c\r'])).toBe('a\nb\nc\n');
    expect(await run(['käynnissä\r', '\r\nö'])).toBe('käynnissä\n\nö');
    expect(await run(['\r', '', '\n'])).toBe('\n');
  });
});
