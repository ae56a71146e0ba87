import { describe, expect, it } from 'vitest';
import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { gov2021 } from '../templates/gov2021.ts';
import { cellsReadIntoTwoRows } from './cellsReadIntoTwoRows.ts';

const cell = (fieldId: string, start: number, end: number, value: number | null, layout: string): CellReading => ({
  fieldId, raw: '', value, start, end, method: 'table', layout, labelScore: 1, repairs: [], ambiguous: value === null, notes: [],
});

const rowOf = new Map([
  ['applications.partiallyGranted.commercial', '三/partiallyGranted'],
  ['applications.deniedStateSecret.commercial', '三/deniedStateSecret'],
  ['applications.deniedStateSecret.otherOrg', '三/deniedStateSecret'],
]);

function shared(cells: readonly CellReading[]): Set<string> {
  const parse: ParseResult = { cells: new Map(cells.map((entry) => [entry.fieldId, entry])), sections: [], notes: [] };
  return cellsReadIntoTwoRows(gov2021, parse, rowOf);
}

describe('cellsReadIntoTwoRows', () => {
  it('finds the very characters read into two rows', () => {
    expect(shared([cell('applications.partiallyGranted.commercial', 10, 11, 3, 'cell-per-line'), cell('applications.deniedStateSecret.commercial', 10, 11, 3, 'column-order')]))
      .toEqual(new Set(['applications.partiallyGranted.commercial', 'applications.deniedStateSecret.commercial']));
  });

  it('counts another reader\'s doubt over several numbers as a claim on each', () => {
    const doubt = cell('applications.partiallyGranted.commercial', 10, 30, null, 'column-order');
    expect(shared([doubt, cell('applications.deniedStateSecret.commercial', 13, 14, 3, 'cell-per-line'), cell('applications.deniedStateSecret.otherOrg', 40, 41, 0, 'cell-per-line')]))
      .toEqual(new Set(['applications.partiallyGranted.commercial', 'applications.deniedStateSecret.commercial']));
  });

  it('leaves a reader\'s doubt over numbers it placed itself, and cells of one row, alone', () => {
    const doubt = cell('applications.partiallyGranted.commercial', 10, 30, null, 'column-order');
    expect(shared([doubt, cell('applications.deniedStateSecret.commercial', 13, 14, 3, 'column-order')])).toEqual(new Set());
    expect(shared([cell('applications.deniedStateSecret.commercial', 10, 30, null, 'cell-per-line'), cell('applications.deniedStateSecret.otherOrg', 13, 14, 0, 'column-order')])).toEqual(new Set());
  });
});
