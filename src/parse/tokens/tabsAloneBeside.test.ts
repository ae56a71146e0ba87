import { describe, expect, it } from 'vitest';
import { tabsAloneBeside } from './tabsAloneBeside.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';
import type { PlacedCell } from './placeRowValues.ts';

/** The values of a text as one reading of placed cells. */
function reading(text: string): PlacedCell[][] {
  return [tokeniseRegion(text, 0, text.length).flatMap((token) => (token.kind === 'value' ? [{ kind: 'value' as const, token }] : []))];
}

describe('tabsAloneBeside', () => {
  it('finds a line of tabs alone right before a row\'s cells or among them', () => {
    const before = '总计\t\n\t\n0\t\t0\t0\t\n';
    expect(tabsAloneBeside(before, reading(before))).toBe(true);
    const among = '总计\t\n0\t\t0\n\t\n0\t0\t\n';
    expect(tabsAloneBeside(among, reading(among))).toBe(true);
  });

  it('finds none around a whole row, or past its last cell', () => {
    const whole = '总计\t\n\t0\t\t0\t0\t\n';
    expect(tabsAloneBeside(whole, reading(whole))).toBe(false);
    const after = '总计\t\n0\t\t0\t0\t\n\t\n';
    expect(tabsAloneBeside(after, reading(after))).toBe(false);
  });
});
