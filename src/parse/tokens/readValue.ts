import { readNumericCell, type NumericCell } from '../../normalise/readNumericCell.ts';
import { LONE_ONE } from '../grid/splitRowParts.ts';

/** Cells repeat within and across documents ("0", "1", "/"): their reading depends on the text and unit only. */
const cache = new Map<string, NumericCell | null>();
const MAX_CACHE_ENTRIES = 20_000;

/** readNumericCell (plus a lone I/l read as the OCR'd 1, as makeCellReading does), memoised (the solver reads each cell once per reading and once more to check rules). */
export function readValue(raw: string, unit: string): NumericCell | undefined {
  const key = `${unit}\u0000${raw}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const numeric = LONE_ONE.test(raw) ? { value: 1, repairs: [`OCR: '${raw}' read as 1 (a letter alone in a row of numbers)`] } : readNumericCell(raw, unit);
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(key, numeric ?? null);
  return numeric;
}
