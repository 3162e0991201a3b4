import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToCents, plainDecimal } from '../src/index.ts';

describe('plainDecimal', () => {
  it('reads a double at Excel’s 15 significant digits, without exponent or float noise', () => {
    expect(plainDecimal(0.1 + 0.2)).toBe('0.3');
    expect(plainDecimal(131626.15)).toBe('131626.15');
    expect(plainDecimal(1234567.5100000001)).toBe('1234567.51');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(-2.5)).toBe('-2.5');
    expect(plainDecimal(-0)).toBe('0');
    expect(plainDecimal(2025)).toBe('2025');
  });

  it('gives back any decimal of up to 15 significant digits as written', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 14 }), (digits, scale) => {
        const s = digits.toString().padStart(scale + 1, '0');
        const written = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
        const canonical = written.includes('.') ? written.replace(/\.?0+$/, '') : written;
        expect(plainDecimal(Number(written))).toBe(canonical.replace(/^0+(?=\d)/, '') || '0');
      }),
    );
  });
});

describe('numberToCents', () => {
  it('turns euros into integer cents exactly, for every amount below 10^13 euros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (cents) => {
        const euros = Number(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
        expect(numberToCents(euros)).toBe(cents);
      }),
    );
  });

  it('survives the float noise of a sum (what a formula cell holds) and refuses real fractions of a cent', () => {
    expect(numberToCents(0.1 + 0.2)).toBe(30);
    expect(numberToCents(100000.1 + 200000.2)).toBe(30_000_030);
    expect(numberToCents(1.005)).toBe('sub_cent');
    expect(numberToCents(-1)).toBe('negative');
    expect(numberToCents(-0)).toBe(0);
    expect(numberToCents(1e14)).toBe('too_large');
  });
});
