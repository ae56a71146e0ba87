import type { RowReadings } from './placeRowValues.ts';
import type { Token, ValueToken } from './Token.ts';

/**
 * A row's run with the page markers ("- 1 -" as a blank mark, a value and a blank mark: tokeniseRegion's
 * pageMarkers) printed between its label and the run's end put back, and its readings, when the row then fits and
 * holds its rules ("5 - 1 - - - 6" lost its 1 to the marker); undefined otherwise. `place` reads a run of the row.
 */
export function readBackPageMarkers(
  run: readonly Token[],
  pageMarkers: readonly ValueToken[],
  tokens: readonly Token[],
  anchorIndex: number,
  runEnd: number,
  place: (run: readonly Token[]) => RowReadings,
): { run: readonly Token[]; placed: RowReadings } | undefined {
  if (pageMarkers.length === 0) return undefined;
  const from = tokens[anchorIndex]!.end;
  const to = tokens[runEnd]?.start ?? Number.POSITIVE_INFINITY;
  const markers = pageMarkers.filter((marker) => marker.start >= from && marker.end <= to);
  if (markers.length === 0) return undefined;
  const withMarkers = [...run, ...markers].sort((left, right) => left.start - right.start);
  const placed = place(withMarkers);
  if (placed.readings.length === 0 || placed.inconsistent || placed.blankUnknown === true) return undefined;
  return { run: withMarkers, placed: { ...placed, markerRead: true } };
}
