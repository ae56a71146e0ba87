import { describe, expect, it } from 'vitest';
import { createRandom } from '../../eval/garble/random.ts';
import { tokeniseListCells, type ListCell } from './tokeniseListCells.ts';
import { emptyLineAfterValue, valueOnLineOfItsOwn } from './valueOnLineOfItsOwn.ts';

const LABELS = ['1.当面申请数', '2.传真申请数', '3.网络申请数', '4.信函申请数', '（二）申请办结数', '1.按时办结数', '2.延期办结数', '（三）申请答复数'];

/** The list's rows one cell a line (label, unit, value; a blank value an empty line), an empty line after each row or not. */
function print(values: readonly (number | null)[], rowGap: boolean): string {
  return LABELS.flatMap((label, index) => [label, '件', values[index] === null ? '' : String(values[index]), ...(rowGap ? [''] : [])]).join('\n');
}

/** For each row with a value: whether its value is read as standing on a line of its own. */
function verdicts(text: string): Map<string, boolean> {
  const cells = tokeniseListCells(text);
  const result = new Map<string, boolean>();
  cells.forEach((cell, index) => {
    if (cell.kind !== 'text') return;
    const unit = cells[index + 1];
    const value = cells[index + 2];
    if (unit?.kind !== 'unit' || value?.kind !== 'number') return;
    result.set(cell.content, valueOnLineOfItsOwn(cells, cell, unit as ListCell, value));
  });
  return result;
}

describe('valueOnLineOfItsOwn', () => {
  it('holds a value standing alone between its unit and the next label, where blank values are empty lines (seeded)', () => {
    const next = createRandom(20261207);
    let checked = 0;
    for (let trial = 0; trial < 50; trial++) {
      const values = LABELS.map((_label, index) => (index === 1 || next() < 0.4 ? null : Math.floor(next() * 20)));
      const rowGap = next() < 0.5;
      const found = verdicts(print(values, rowGap));
      // Too few rows ending in a value leave the row gap unknown, too few printed blank leave it unknown how blanks
      // print: nothing is held then.
      const closed = values.slice(0, -1);
      if (closed.filter((value) => value !== null).length < 3 || closed.filter((value) => value === null).length < 3) continue;
      checked++;
      LABELS.forEach((label, index) => {
        // The last row has no next label to close it.
        if (values[index] !== null && index < LABELS.length - 1) expect(found.get(label), `${trial} ${label}`).toBe(true);
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('does not hold where blank values print nothing (a PDF\'s reading order): a chance page number may stand there', () => {
    const text = LABELS.flatMap((label, index) => [label, '件', ...(index % 2 === 0 ? [String(index + 2)] : [])]).join('\n');
    expect([...verdicts(text).values()].some(Boolean)).toBe(false);
  });

  it('does not hold for a number after an empty value line, or before a second number: a line too many', () => {
    const text = ['1.当面申请数', '件', '3', '2.传真申请数', '件', '', '3.网络申请数', '件', '', '4', '4.信函申请数', '件', '5', '6', '（二）申请办结数', '件', '2',
      '1.按时办结数', '件', '', '2.延期办结数', '件', '', '（三）申请答复数'].join('\n');
    const found = verdicts(text);
    expect(found.get('1.当面申请数')).toBe(true);
    expect(found.get('4.信函申请数')).toBe(false);
  });

  it('sees an empty line after a value where rows end without one: a page number put after a blank row\'s unit', () => {
    const text = ['1.当面申请数', '件', '3', '2.传真申请数', '件', '', '3.网络申请数', '件', '', '4.信函申请数', '件', '5',
      '（二）申请办结数', '件', '', '1.按时办结数', '件', '2', '2.延期办结数', '件', '8', '', '（三）申请答复数'].join('\n');
    const cells = tokeniseListCells(text);
    const at = (label: string) => {
      const index = cells.findIndex((cell) => cell.content === label);
      return [cells[index]!, cells[index + 1]!, cells[index + 2]!] as const;
    };
    const [late, lateUnit, eight] = at('2.延期办结数');
    expect(emptyLineAfterValue(cells, late, lateUnit, eight)).toBe(true);
    const [onTime, onTimeUnit, two] = at('1.按时办结数');
    expect(emptyLineAfterValue(cells, onTime, onTimeUnit, two)).toBe(false);
  });
});
