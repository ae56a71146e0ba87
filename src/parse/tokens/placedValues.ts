import type { PlacedCell } from './placeRowValues.ts';
import type { Token, ValueToken } from './Token.ts';

/** The run's value tokens that some reading places, in run order (a next row's ordinal left in the run is none of them). */
export function placedValues(run: readonly Token[], readings: readonly (readonly PlacedCell[])[]): ValueToken[] {
  const placed = new Set<ValueToken>();
  for (const cells of readings) for (const cell of cells) if (cell.kind === 'value') placed.add(cell.token);
  return run.filter((token): token is ValueToken => token.kind === 'value' && placed.has(token));
}
