import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../../text/MappedText.ts';
import type { CellReading } from '../../ParseResult.ts';
import { gridRowSpecs } from '../glued/gridRowSpecs.ts';
import { solvedCell } from '../glued/solvedCell.ts';
import type { SectionRegion } from '../findGridSections.ts';
import { solveNumberStream } from './solveNumberStream.ts';
import { streamNumbers } from './streamNumbers.ts';

/** Layout name of every cell this reader reads. */
export const NUMBER_STREAM_LAYOUT = 'number-stream';

/** What the number-stream reader made of a section. */
export interface NumberStreamReading {
  /** The cells every accepted reading agrees on (empty when none is accepted). */
  readonly cells: ReadonlyMap<string, CellReading>;
  /** Accepted readings: 1 is a unique reading. */
  readonly readings: number;
  readonly note: string;
}

/**
 * Reads a section whose labels a PDF's reading order scattered (a row-spanning label drawn after its rows, column
 * headings among the first row's values) by its numbers alone: every number of the section's region laid into the
 * form's rows in order (solveNumberStream), accepted only when every number is used and every rule holds. Cells on
 * which every accepted reading agrees are read; with several readings the others are left out. Sections with rules
 * only (三, 四): section 二 has none to check a reading. Several sections are read as one stream where a PDF drew a
 * row's last cell after the next section's heading. Undefined for sections it does not read.
 */
export function readNumberStream(
  text: MappedText,
  template: TemplateDefinition,
  /** The sections the region holds, in printed order (三 and 四 read as one where a PDF drew a row's cell past 四's heading). */
  sectionIds: readonly ('三' | '四')[],
  region: SectionRegion,
): NumberStreamReading | undefined {
  const rows = sectionIds.flatMap((sectionId) => gridRowSpecs(template, sectionId)).filter((spec) => spec.virtual !== true);
  if (rows.length === 0) return undefined;
  const numbers = streamNumbers(text.text, region.start, region.end);
  const cellCount = rows.reduce((sum, row) => sum + row.fieldIds.length, 0);
  // Fewer numbers than cells: blanks printed as nothing, which the order alone cannot place.
  if (numbers.length < cellCount) {
    return { cells: new Map(), readings: 0, note: `number stream: ${numbers.length} numbers for ${cellCount} cells: not read` };
  }
  const solution = solveNumberStream(numbers, rows, template.rules);
  if (solution.exhausted) return { cells: new Map(), readings: 0, note: 'number stream: too many readings: not read' };
  const readings = solution.readings;
  if (readings.length === 0) {
    return { cells: new Map(), readings: 0, note: `number stream: no reading of the ${numbers.length} numbers satisfies every rule` };
  }
  const unitOf = new Map(template.fields.map((field) => [field.id, field.unit]));
  const cells = new Map<string, CellReading>();
  const first = readings[0]!;
  const notes = [`the section's ${numbers.length} numbers laid into its rows in printed order, every rule holding`
    + (readings.length === 1 ? ' under this reading only' : ` under ${readings.length} readings that agree here`)];
  first.forEach((cell, index) => {
    if (!readings.every((reading) => reading[index]!.value === cell.value && reading[index]!.fieldId === cell.fieldId)) return;
    const pieces = numbers.slice(cell.from, cell.to);
    const raw = pieces.map((piece) => piece.text).join('');
    const read = solvedCell(text, {
      fieldId: cell.fieldId, start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end, layout: NUMBER_STREAM_LAYOUT, labelScore: 1,
      notes: pieces.length > 1 ? [...notes, `digits wrapped over ${pieces.length} lines joined`] : notes,
    }, raw, unitOf.get(cell.fieldId) ?? '');
    cells.set(cell.fieldId, { ...read, support: { readings: readings.length, anchored: false, placement: 'position' } });
  });
  return { cells, readings: readings.length, note: `number stream: ${readings.length} reading${readings.length === 1 ? '' : 's'} of ${numbers.length} numbers; ${cells.size} of ${cellCount} cells agreed` };
}
