import { describe, expect, it } from 'vitest';
import type { CellReading } from '../parse/ParseResult.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import { fieldsBesideSplitPieces } from './fieldsBesideSplitPieces.ts';

const rule = (id: string, left: string[], right: string[], severity: RuleDefinition['severity'] = 'hard') =>
  ({ id, left, right, severity }) as unknown as RuleDefinition;
const cell = (fieldId: string, splitPiece = false) =>
  ({ fieldId, raw: '0', value: splitPiece ? null : 0, start: 0, end: 1, method: 'table', layout: 'x', labelScore: 1, repairs: [], ambiguous: splitPiece, notes: [], ...(splitPiece ? { splitPiece } : {}) }) as CellReading;

describe('fieldsBesideSplitPieces', () => {
  it('names the other fields of every hard rule holding a piece of a split number, not the piece', () => {
    const rules = [rule('row', ['r.total'], ['r.a', 'r.b']), rule('column', ['t.a'], ['r.a', 's.a']), rule('soft', ['r.total'], ['x.y'], 'soft')];
    expect([...fieldsBesideSplitPieces(rules, [cell('r.total', true), cell('r.a'), cell('r.b')])].sort()).toEqual(['r.a', 'r.b']);
    expect(fieldsBesideSplitPieces(rules, [cell('r.total'), cell('r.a')]).size).toBe(0);
  });
});
