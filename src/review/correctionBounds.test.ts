import { describe, expect, it } from 'vitest';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { checkCorrectionBounds } from './correctionBounds.ts';
import { createRandom } from '../eval/garble/random.ts';

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
const seeded = createRandom;

const accepts = (fieldId: string, unit: string, value: number) => {
  try {
    checkCorrectionBounds(fieldId, unit, value);
    return true;
  } catch (error) {
    expect(isGongkaiError(error, 'bad-request')).toBe(true);
    expect((error as Error).message).not.toMatch(/confirm/i);
    return false;
  }
};

describe('checkCorrectionBounds', () => {
  it('refuses the values the issue found accepted on counts, and bounds every kind of field', () => {
    for (const value of [-1, 0.5, 1e308, 2 ** 53 + 1, Number.NaN, Number.POSITIVE_INFINITY]) expect(accepts('requests.completed', '件', value), String(value)).toBe(false);
    expect(accepts('requests.completed', '件', 0)).toBe(true);
    expect(accepts('requests.completed', '件', Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(accepts('disclosure.licensing.change', '项', -3)).toBe(true);
    expect(accepts('disclosure.licensing.change', '项', -3.5)).toBe(false);
    expect(accepts('disclosure.licensing.change', '项', -(2 ** 53))).toBe(false);
    expect(accepts('fees.collected', '万元', 12.34)).toBe(true);
    expect(accepts('fees.collected', '万元', -0.01)).toBe(false);
    expect(accepts('fees.collected', '万元', 1e16)).toBe(false);
  });

  it('accepts a value exactly when it is finite, in range, whole unless an amount, and non-negative unless a change (seeded)', () => {
    const random = seeded(9);
    const fields: [string, string][] = [['requests.completed', '件'], ['disclosure.fees.change', '项'], ['disclosure.fees.amount', '万元'], ['org.staff', '人']];
    const specials = [0, -0, 1, -1, 0.5, -0.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];
    for (let index = 0; index < 2000; index++) {
      const [fieldId, unit] = fields[Math.floor(random() * fields.length)]!;
      const value = random() < 0.3 ? specials[Math.floor(random() * specials.length)]! : (random() - 0.3) * 10 ** Math.floor(random() * 20) * (random() < 0.5 ? 1 : 1.37);
      const expected = Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
        && (unit === '万元' || Number.isInteger(value)) && (fieldId.endsWith('.change') || value >= 0);
      expect(accepts(fieldId, unit, value), `${fieldId} ${value}`).toBe(expected);
    }
  });
});
