import { describe, expect, it } from 'vitest';
import { enumerateSplits } from './enumerateSplits.ts';
import type { CellKind } from './gridRowSpecs.ts';

const seven: CellKind[] = Array.from({ length: 7 }, () => 'count');
const limits = { maxSplits: 1_000, maxSteps: 100_000 };

function cells(run: string, ends: readonly number[]): string[] {
  return ends.map((end, index) => run.slice(index === 0 ? 0 : ends[index - 1]!, end));
}

describe('enumerateSplits', () => {
  it('keeps only splits whose last cell is the sum of the six before it', () => {
    const run = '640020470';
    const { splits, truncated } = enumerateSplits(run, { kinds: seven, groupSize: 7, ...limits });
    expect(truncated).toBe(false);
    const readings = splits.map((ends) => cells(run, ends).join('|'));
    expect(readings).toContain('64|0|0|2|0|4|70');
    for (const ends of splits) {
      const values = cells(run, ends).map(Number);
      expect(values.slice(0, 6).reduce((sum, value) => sum + value, 0)).toBe(values[6]);
    }
  });

  it('reads numbers printed with thousands separators: a comma stands between groups of three digits, totals too', () => {
    const run = '2,225211001182452,799';
    const readings = enumerateSplits(run, { kinds: seven, groupSize: 7, ...limits }).splits.map((ends) => cells(run, ends).join('|'));
    expect(readings).toContain('2,225|211|0|0|118|245|2,799');
    for (const reading of readings) {
      for (const cell of reading.split('|')) expect(cell).toMatch(/^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$/u);
    }
  });

  it('never cuts a number with a leading zero', () => {
    const { splits } = enumerateSplits('0000000', { kinds: seven, groupSize: 7, ...limits });
    expect(splits).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
    const run = '1000001';
    for (const ends of enumerateSplits(run, { kinds: seven, groupSize: 7, ...limits }).splits) {
      for (const cell of cells(run, ends)) expect(cell).toMatch(/^(0|[1-9]\d*)$/u);
    }
  });

  it('puts a sign only at the start of a signed cell', () => {
    const run = '35-15';
    const { splits } = enumerateSplits(run, { kinds: ['count', 'signed'], ...limits });
    expect(splits.map((ends) => cells(run, ends))).toEqual([['35', '-15']]);
    const penalties = '2648-18538';
    const readings = enumerateSplits(penalties, { kinds: ['count', 'signed', 'count'], ...limits }).splits.map((ends) => cells(penalties, ends));
    expect(readings.every((reading) => reading[0] === '2648' && reading[1]!.startsWith('-'))).toBe(true);
    expect(readings).toHaveLength(4);
  });

  it('keeps the decimal point inside the amount', () => {
    const run = '13575394432.52';
    const readings = enumerateSplits(run, { kinds: ['count', 'amount'], ...limits }).splits.map((ends) => cells(run, ends));
    expect(readings).toHaveLength(10);
    expect(readings.every(([projects, amount]) => !projects!.includes('.') && amount!.includes('.'))).toBe(true);
  });

  it('checks every group of section 四 (total = upheld + corrected + other + pending)', () => {
    const kinds: CellKind[] = Array.from({ length: 15 }, () => 'count');
    const run = '21317000001324019';
    const readings = enumerateSplits(run, { kinds, groupSize: 5, ...limits }).splits.map((ends) => cells(run, ends).join(' '));
    expect(readings).toEqual(['2 1 3 1 7 0 0 0 0 0 13 2 4 0 19']);
    expect(enumerateSplits('20000011', { kinds: seven, groupSize: 7, ...limits }).splits).toEqual([]);
  });

  it('stops at its work bound on a long run and says so', () => {
    const run = '31415926535897932384626433832795028841971693993751058209749445923078164062862';
    const result = enumerateSplits(run, { kinds: seven, groupSize: 7, maxSplits: 1_000, maxSteps: 5_000 });
    expect(result.truncated).toBe(true);
  });
});
