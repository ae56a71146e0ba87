import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import { numbersDropped } from './numbersDropped.ts';
import type { RowReadings } from './placeRowValues.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const text = '四、结转下年度继续办理 0 3 0 0 0 0 0 0';
const run = tokeniseRegion(text, 0, text.length).filter((token) => token.kind !== 'text');
const values = run.filter((token) => token.kind === 'value');
/** The row's one reading without the 3 (its second value). */
const reading = values.filter((_, index) => index !== 1).map((token) => ({ kind: 'value' as const, token }));
const placed = (overrides: Partial<RowReadings>): RowReadings => ({ readings: [reading], placement: 'count', celled: false, subset: true, inconsistent: false, cellTokens: 8, notes: [], ...overrides });

describe('numbersDropped', () => {
  it('gives the span of a short number a row\'s one reading left out as too many', () => {
    expect(numbersDropped(run, placed({}), MappedText.identity(text))).toEqual([{ start: text.indexOf(' 3 ') + 1, end: text.indexOf(' 3 ') + 2 }]);
  });

  it('gives nothing for a row read as printed, or read more than one way', () => {
    expect(numbersDropped(run, placed({ subset: false }), MappedText.identity(text))).toEqual([]);
    expect(numbersDropped(run, placed({ readings: [reading, reading] }), MappedText.identity(text))).toEqual([]);
  });
});
