import { describe, expect, it } from 'vitest';
import type { FieldRecord, FieldStatus } from '../../record/ExtractionRecord.ts';
import { harmoniseValue } from './harmoniseValue.ts';
import { createRandom } from '../../eval/garble/random.ts';

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
const random = createRandom;

const STATUSES: readonly FieldStatus[] = ['auto', 'review', 'approved', 'corrected', 'rejected'];

describe('harmoniseValue (seeded property test)', () => {
  it('gives a value exactly when every part is read, settled and not blank, and then their sum', () => {
    const next = random(12);
    for (let round = 0; round < 500; round++) {
      const count = 1 + Math.floor(next() * 5);
      const ids = Array.from({ length: count }, (_, index) => `f${index}`);
      const fields = new Map<string, FieldRecord>();
      for (const id of ids) {
        if (next() < 0.1) continue;
        const blank = next() < 0.2;
        const inferredZero = !blank && next() < 0.2;
        fields.set(id, {
          id, value: blank ? null : inferredZero ? 0 : Math.floor(next() * 50), raw: blank || inferredZero ? '' : 'x', unit: '件',
          method: inferredZero ? 'inferred' : 'table', confidence: 1, status: STATUSES[Math.floor(next() * STATUSES.length)]!,
          evidence: null, issues: [],
        });
      }
      const result = harmoniseValue({ fields: ids, sum: count > 1, comparability: 'same', note: '' }, fields);
      const parts = ids.map((id) => fields.get(id));
      const usable = parts.every((part) => part && ['auto', 'approved', 'corrected'].includes(part.status) && part.value !== null);
      if (usable) expect(result).toEqual({ value: parts.reduce((sum, part) => sum + part!.value!, 0), blankReason: null });
      else {
        expect(result.value).toBeNull();
        expect(result.blankReason!.fieldIds.length).toBeGreaterThan(0);
        for (const id of result.blankReason!.fieldIds) expect(ids).toContain(id);
      }
    }
  });
});
