import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { runTogether } from './runTogether.ts';

/**
 * The cell's characters as the document printed them; undefined for a number joined from the lines a narrow cell
 * wrapped it over (normalise/joinStackedDigits), whose span holds the row line between its digits.
 */
export function printedText(cell: CellReading, decodedText: string): string | undefined {
  if (cell.end <= cell.start) return undefined;
  const span = decodedText.slice(cell.start, cell.end);
  return span.includes('\n') ? undefined : span;
}

/** The fields whose cell's digits admit another reading (runTogether: "04", "１９2"), as read or as printed. */
export function runTogetherCells(parse: ParseResult, decodedText: string): Set<string> {
  const found = new Set<string>();
  for (const [fieldId, cell] of parse.cells) {
    if (cell.value === null) continue;
    const printed = printedText(cell, decodedText);
    if (runTogether(cell.raw) || (printed !== undefined && runTogether(printed))) found.add(fieldId);
  }
  return found;
}
