import { describe, expect, it } from 'vitest';
import type { CellReading } from '../ParseResult.ts';
import { mergeReadings, mergeRow } from './mergeReadings.ts';

function cell(value: number | null, overrides: Partial<CellReading> = {}): CellReading {
  return {
    fieldId: 'applications.granted.total', raw: value === null ? '' : String(value), value, start: 0, end: 0, method: 'table',
    layout: 'tab-row', labelScore: 1, repairs: [], ambiguous: false, notes: [], ...overrides,
  };
}

describe('mergeReadings', () => {
  it('keeps the layout reader\'s cell with the solver\'s signals when both read the same value', () => {
    const merged = mergeReadings(cell(13), cell(13, { layout: 'tokens/space-row', support: { readings: 1, anchored: true, placement: 'count' } }));
    expect(merged?.layout).toBe('tab-row');
    expect(merged?.support?.placement).toBe('count');
    expect(merged?.ambiguous).toBe(false);
  });

  it('sends a cell the two readers read differently to review, with both values in a note', () => {
    const merged = mergeReadings(cell(13), cell(31, { layout: 'tokens/space-row' }));
    expect(merged?.ambiguous).toBe(true);
    expect(merged?.notes.join(' ')).toContain('31');
  });

  it('takes the solver\'s blank where it read a blank mark printed for the cell and the glued-digit reader found no digits', () => {
    const earlier = cell(null, { raw: '', ambiguous: true, layout: 'glued-digits' });
    const mark = cell(null, { raw: '-', layout: 'tokens/flattened' });
    expect(mergeReadings(earlier, mark)).toBe(mark);
    // Digits the glued reader saw there keep the cell in doubt.
    expect(mergeReadings({ ...earlier, raw: '30' }, mark)?.ambiguous).toBe(true);
  });

  it('leaves a cell the layout reader found ambiguous in doubt, whatever the solver counted', () => {
    const earlier = cell(null, { raw: '1312', ambiguous: true, layout: 'glued-digits' });
    expect(mergeReadings(earlier, cell(13, { layout: 'tokens/flattened' }))).toBe(earlier);
  });

  it('keeps the solver\'s offer for review on a cell another reader left unread in doubt, the doubt standing', () => {
    const earlier = cell(null, { ambiguous: true, layout: 'column-order', notes: ['this cell could be 4 or 0'] });
    const solved = cell(null, { ambiguous: true, layout: 'tokens/column-order', proposal: 4, notes: ['ambiguous: 4 or 0', 'offered for review: 4'] });
    const merged = mergeReadings(earlier, solved);
    expect(merged).toMatchObject({ value: null, ambiguous: true, proposal: 4, layout: 'column-order' });
    expect(merged?.notes).toEqual(['this cell could be 4 or 0', 'offered for review: 4']);
    // A reader that read a value, or offers one of its own, keeps it.
    expect(mergeReadings({ ...earlier, proposal: 0 }, solved)?.proposal).toBe(0);
  });

  it('takes a column-order block (every rule of the section holding) over a reader it left in doubt', () => {
    const solved = cell(3494, { layout: 'tokens/column-order', support: { readings: 1, anchored: true, placement: 'position' } });
    expect(mergeReadings(cell(null, { raw: '', ambiguous: true, layout: 'glued-digits' }), solved)).toBe(solved);
    expect(mergeReadings(cell(null, { raw: '3494\n0\n9', ambiguous: true, layout: 'glued-digits' }), solved)).toBe(solved);
    // An ambiguous cell of the block itself stays in doubt.
    const unsure = { ...solved, value: null, ambiguous: true };
    expect(mergeReadings(cell(3494), unsure)?.ambiguous).toBe(true);
  });

  it('takes the solver\'s empty row (still in doubt) over a glued-digit reader that found no digits after the label', () => {
    const empty = cell(null, { layout: 'tokens/space-row', ambiguous: true, support: { readings: 0, anchored: true, placement: 'count', emptyRow: true } });
    expect(mergeReadings(cell(null, { raw: '', ambiguous: true, layout: 'glued-digits' }), empty)).toBe(empty);
    // Digits the glued reader could not split are a trace of values: its doubt stands.
    const glued = cell(null, { raw: '1300004', ambiguous: true, layout: 'glued-digits' });
    expect(mergeReadings(glued, empty)).toBe(glued);
    // The lone number the solver took for a page number, which the glued reader could not split either.
    const stray = { ...empty, support: { ...empty.support!, strayNumber: '3' } };
    expect(mergeReadings(cell(null, { raw: '３', ambiguous: true, layout: 'glued-digits' }), stray)).toBe(stray);
    expect(mergeReadings(cell(null, { raw: '13', ambiguous: true, layout: 'glued-digits' }), stray)?.layout).toBe('glued-digits');
  });
});

describe('mergeRow', () => {
  const joint = { readings: 5, anchored: true, placement: 'joint' as const };
  it('keeps no cell of a row the two readers place apart unless the solver read it the same with certainty', () => {
    // The layout reader took a spacer for the first cell ("" 1 "" "" 0 "" "" for 1 "" "" 0 "" "" 1).
    const earlier = [cell(null), cell(1), cell(null), cell(null), cell(0), cell(null), cell(null)];
    const solved = [
      cell(1, { layout: 'tokens/cell' }), cell(null, { ambiguous: true, support: joint }), cell(null, { ambiguous: true, support: joint }),
      cell(0, { layout: 'tokens/cell' }), cell(null, { ambiguous: true, support: joint }), cell(0, { support: { ...joint, zeroOrBlank: true } }),
      cell(1, { layout: 'tokens/cell' }),
    ];
    const merged = mergeRow(earlier, solved);
    expect(merged.map((reading) => reading?.ambiguous)).toEqual([true, true, true, true, true, true, true]);
  });

  it('merges cell by cell where the readers agree on every cell both read with certainty', () => {
    const merged = mergeRow([cell(3), cell(null), cell(3)], [cell(3), cell(0, { support: { ...joint, readings: 1, zeroOrBlank: true } }), cell(3)]);
    expect(merged.map((reading) => reading?.ambiguous)).toEqual([false, false, false]);
  });
});
