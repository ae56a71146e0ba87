import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import type { GridRow } from './GridRow.ts';
import { makeCellReading } from './makeCellReading.ts';

/** The amount cell of 行政事业性收费 read from `text`, where it prints `amount`. */
function amountIn(text: string, amount: string) {
  const view = MappedText.identity(text);
  const start = text.lastIndexOf(amount);
  const cell = { text: amount, start, end: start + amount.length };
  const row: GridRow = { cells: [cell], layout: 'aligned-row', start, end: cell.end, incomplete: false, notes: [] };
  return makeCellReading(view, cell, { fieldId: 'disclosure.fees.amount', unit: '万元', row, labelScore: 1, notes: [] })!;
}

describe('makeCellReading of an amount printed without a unit', () => {
  it('takes the unit from the column header, also where the header cell wraps over lines', () => {
    expect(amountIn('信息内容  本年收费金额（单位：万元）\n行政事业性收费  97.2', '97.2')).toMatchObject({ value: 97.2, ambiguous: false });
    const wrapped = '    信息内容     本年收费金额（单\n                    位：万元）\n 行政事业性收费          97.2';
    expect(amountIn(wrapped, '97.2')).toMatchObject({ value: 97.2, ambiguous: false });
    expect(amountIn('本年收费金额(单\n  位:元)\n行政事业性收费  972000', '972000')).toMatchObject({ value: 97.2, ambiguous: false });
  });

  it('holds the amount when no header prints a unit: 元 and 万元 are a factor of 10,000 apart', () => {
    expect(amountIn('信息内容  本年收费金额\n行政事业性收费  97.2', '97.2')).toMatchObject({ value: 97.2, ambiguous: true });
  });
});
