import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/pipeline/extractDocument.ts';

describe('extractDocument', () => {
  it('recognises the template of a seed report', () => {
    const bytes = readFileSync(new URL('./fixtures/corpus/000_b19e0a271049421c.txt', import.meta.url));
    const result = extractDocument({ name: '000.txt', bytes });
    expect(result.record.template).toBe('gov-2014');
    expect(result.record.fields).toHaveLength(58);
  });
});
