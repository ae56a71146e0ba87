import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, CellSupport } from '../ParseResult.ts';
import type { RowReadings } from './placeRowValues.ts';
import { readTokenCell } from './readTokenCell.ts';

const UNNAMED_NOTE = 'ambiguous: the row names its other cells and leaves this one out: a blank, or a 0 not written out';

/**
 * One cell of a row the solver placed: read from its one reading (a cell a sentence leaves out, in doubt), or from
 * all of them when they agree; where they differ, ambiguous with no value. The support signals record how the row
 * was placed.
 */
export function readPlacedCell(
  view: MappedText,
  placed: RowReadings,
  cellIndex: number,
  fieldId: string,
  unit: string,
  layout: string,
  labelScore: number,
): CellReading | undefined {
  const support: CellSupport = {
    readings: placed.readings.length, anchored: true, placement: placed.placement,
    ...(placed.gapBlanks ? { gapBlanks: true } : {}), ...(placed.lineCells ? { lineCells: true } : {}), ...(placed.displaced ? { displaced: true } : {}),
    ...(placed.shareOfRun ? { shareOfRun: true } : {}),
    ...(placed.beforeSkipped ? { beforeSkipped: true } : {}),
    ...(placed.markerRead ? { markerRead: true } : {}),
    ...(placed.named ? { namedByColumn: true } : {}),
  };
  if (placed.readings.length === 1) {
    const cell = placed.readings[0]![cellIndex]!;
    const only = readTokenCell(view, cell, fieldId, unit, layout, labelScore, support);
    if (only && cell.kind === 'empty' && cell.unnamed === true) {
      return { ...only, ambiguous: true, unitInDoubt: false, support: { ...support, unnamed: true }, notes: [...only.notes, ...placed.notes, UNNAMED_NOTE] };
    }
    return only && placed.notes.length > 0 ? { ...only, notes: [...only.notes, ...placed.notes] } : only;
  }
  const readings = placed.readings.map((reading) => readTokenCell(view, reading[cellIndex]!, fieldId, unit, layout, labelScore, support));
  const first = readings[0];
  if (!first || readings.some((reading) => reading === undefined)) return undefined;
  const distinct = new Set(readings.map((reading) => `${reading!.value}`));
  const notes = [...first.notes, ...placed.notes];
  if (distinct.size === 1) return { ...first, notes };
  return {
    ...first,
    value: null,
    ambiguous: true, unitInDoubt: false,
    notes: [...notes, `ambiguous: ${placed.readings.length} readings of the row place ${[...distinct].join(' or ')} here`],
    support,
  };
}

