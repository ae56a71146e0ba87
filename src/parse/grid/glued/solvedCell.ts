import { readValue } from '../../tokens/readValue.ts';
import type { MappedText } from '../../../text/MappedText.ts';
import type { CellReading, CellSupport } from '../../ParseResult.ts';

/** Where a cell was read and how, common to the certain and the doubtful case. */
export interface CellPlace {
  readonly fieldId: string;
  /** Span in the parser's (normalised) text; mapped to the original here. */
  readonly start: number;
  readonly end: number;
  readonly layout: string;
  readonly labelScore: number;
  readonly notes: readonly string[];
}

/**
 * A cell whose printed text is known: its value read by readNumericCell in the field's unit (so "251000元"
 * becomes 25.1 万元 with the repair noted; a lone "I"/"l", which the readers take for a number only among numbers,
 * the OCR'd 1 — readValue). A token that cannot be read gives value null, ambiguous.
 */
export function solvedCell(text: MappedText, place: CellPlace, raw: string, unit: string): CellReading {
  const span = text.toOriginal(place.start, place.end);
  const numeric = readValue(raw, unit);
  // One literal per outcome (same keys, same order) rather than spreading a shared base into a second object.
  if (!numeric) {
    return {
      fieldId: place.fieldId, raw, start: span.start, end: span.end, method: 'table', layout: place.layout, labelScore: place.labelScore,
      value: null, repairs: [], ambiguous: true, notes: [...place.notes, `"${raw}" is not a number`],
    };
  }
  return {
    fieldId: place.fieldId, raw, start: span.start, end: span.end, method: 'table', layout: place.layout, labelScore: place.labelScore,
    value: numeric.value, repairs: numeric.repairs, ambiguous: false, notes: place.notes,
  };
}

/**
 * A cell that cannot be told: several readings satisfy every rule and differ here, or none does. Its value
 * stays null and it is marked ambiguous, so nothing wrong is asserted; `raw` is what was printed for the
 * whole row (the glued run), the span covers it. `proposal`: the value the plainest reading puts here, offered to the
 * reviewer (CellReading.proposal).
 */
export function undecidedCell(text: MappedText, place: CellPlace, printedRun: string, proposal?: number): CellReading {
  const span = text.toOriginal(place.start, place.end);
  return {
    ...(proposal === undefined ? {} : { proposal }),
    fieldId: place.fieldId,
    raw: printedRun,
    value: null,
    start: span.start,
    end: span.end,
    method: 'table',
    layout: place.layout,
    labelScore: place.labelScore,
    repairs: [],
    ambiguous: true,
    notes: proposal === undefined ? place.notes : [...place.notes, `offered for review: ${proposal}, the plainest reading of the digits`],
  };
}

/** "64, 6 or 640" — alternatives for a note, at most `limit` of them. */
export function listAlternatives(values: readonly string[], limit = 6): string {
  const shown = values.slice(0, limit);
  const rest = values.length - shown.length;
  const list = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return rest > 0 ? `${list} (and ${rest} more)` : list;
}

/**
 * The cell with support signals set. The glued solver's cells carry no support of their own: scoring takes them as
 * one reading, anchored, split, and so does this.
 */
export function withSupport(cell: CellReading, signals: Partial<CellSupport>): CellReading {
  return { ...cell, support: { ...(cell.support ?? { readings: 1, anchored: true, placement: 'split' }), ...signals } };
}
