import { describe, expect, it } from 'vitest';
import { formatDate, formatEuro, formatNumber, formatPercent, formatPercentagePoints, formatQuantity, getAgreement, unitAfter } from '../src/index.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('fi-FI formats', () => {
  it('formats euros with non-breaking thousands and a decimal comma', () => {
    expect(formatEuro(1_310_000.5, 'fi')).toBe('1\u00a0310\u00a0000,50\u00a0€');
    expect(formatEuro(1_310_000.5, 'fi', 2, { spacing: 'space' })).toBe('1 310 000,50 €');
    expect(plain(formatEuro(0, 'fi'))).toBe('0,00 €');
    expect(plain(formatEuro(999.999, 'fi'))).toBe('1 000,00 €');
    expect(plain(formatEuro(-1234.5, 'fi'))).toBe('\u22121 234,50 €');
  });
  it('formats percentages and percentage points', () => {
    expect(plain(formatPercent(0.62, 'fi'))).toBe('62,0 %');
    expect(plain(formatPercent(null, 'fi'))).toBe('–');
    expect(plain(formatPercentagePoints(2, 'fi'))).toBe('+2,0 %-yks.');
    expect(plain(formatPercentagePoints(-3.25, 'fi'))).toBe('\u22123,3 %-yks.');
    expect(plain(formatPercentagePoints(0.01, 'fi'))).toBe('0,0 %-yks.');
  });
  it('formats dates without leading zeros', () => {
    expect(formatDate('2027-12-31', 'fi')).toBe('31.12.2027');
    expect(formatDate('2024-03-05', 'fi')).toBe('5.3.2024');
  });
  it('formats quantities with only the decimals they need', () => {
    expect(formatQuantity(3, 'fi')).toBe('3');
    expect(formatQuantity(28, 'fi')).toBe('28');
    expect(formatQuantity(8.25, 'fi')).toBe('8,25');
    expect(formatQuantity(5.5, 'fi')).toBe('5,5');
    expect(plain(formatNumber(1234567, 'fi'))).toBe('1 234 567');
  });
  it('puts a unit after exactly one in the singular (nominative), after any other number as the agreement gives it', () => {
    const cities = { unit: 'kaupunkia', unitOne: 'kaupunki' };
    expect(unitAfter('1', cities)).toBe('kaupunki');
    expect(unitAfter('+1', cities)).toBe('kaupunki');
    expect(unitAfter('\u22121', cities)).toBe('kaupunki');
    expect(unitAfter('0', cities)).toBe('kaupunkia');
    expect(unitAfter('1,5', cities)).toBe('kaupunkia');
    expect(unitAfter('11', cities)).toBe('kaupunkia');
    expect(unitAfter('1 001', cities)).toBe('kaupunkia');
    // A report written before the singular was kept: its one unit serves.
    expect(unitAfter('1', { unit: 'kaupunkia' })).toBe('kaupunkia');
  });
  it('has a singular for every KPI unit of both agreements, in both languages', () => {
    for (const version of ['2021', '2025'] as const) {
      for (const kpi of getAgreement(version).kpis) {
        for (const lang of ['fi', 'en'] as const) {
          expect(kpi.unitOne[lang], `${version} ${kpi.id} ${lang}`).not.toBe('');
          // Finnish counts other than one take the partitive (…a/…ä), English the plural (…s); M€ has no number.
          if (kpi.unit[lang] !== 'M€') expect(kpi.unitOne[lang], `${version} ${kpi.id} ${lang}`).not.toBe(kpi.unit[lang]);
        }
      }
    }
  });
});

describe('English formats', () => {
  it('uses commas for thousands, a decimal point and day-month-year', () => {
    expect(formatEuro(1_310_000.5, 'en')).toBe('€1,310,000.50');
    expect(formatPercent(0.62, 'en')).toBe('62.0%');
    expect(formatPercentagePoints(2, 'en')).toBe('+2.0\u00a0pp');
    expect(formatDate('2027-12-31', 'en')).toBe('31 Dec 2027');
  });
});
