import { describe, expect, it } from 'vitest';
import type { CellReading } from '../parse/ParseResult.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import { digitsExplainingFailures } from './digitsExplainingFailures.ts';

const rule: RuleDefinition = { id: 'answered', kind: 'equal', severity: 'hard', left: ['total'], right: ['a', 'b'], description: 'total = a + b' };

/** Cells read from `text`, each at the first place its raw digits are printed. */
function cellsIn(text: string, values: Record<string, number>): Map<string, CellReading> {
  return new Map(Object.entries(values).map(([fieldId, value]) => {
    const start = text.indexOf(String(value));
    return [fieldId, { fieldId, raw: String(value), value, start, end: start + String(value).length, method: 'table', layout: 'flattened', labelScore: 1, repairs: [], ambiguous: false, notes: [] }];
  }));
}

describe('digitsExplainingFailures', () => {
  it('finds the digit at a value\'s edge whose cutting makes the failing sum hold (page 3 run into 24)', () => {
    const text = '总数件486甲数件462乙数件243丙';
    const values = { total: 486, a: 462, b: 243 };
    const spans = digitsExplainingFailures([rule], (fieldId) => values[fieldId as keyof typeof values], cellsIn(text, values), text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['3']);
    expect(spans[0]!.start).toBe(text.indexOf('243') + 2);
  });

  it('finds nothing where no single cut holds the sum, or the rule holds', () => {
    const text = '总数件486甲数件462乙数件250丙';
    const values = { total: 486, a: 462, b: 250 };
    expect(digitsExplainingFailures([rule], (fieldId) => values[fieldId as keyof typeof values], cellsIn(text, values), text)).toEqual([]);
  });
});
