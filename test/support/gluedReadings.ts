import { enumerateSplits } from '../../src/parse/grid/glued/enumerateSplits.ts';
import type { CellKind } from '../../src/parse/grid/glued/gridRowSpecs.ts';
import type { AmbiguousRow } from '../../src/panel/crossYear/settleByNeighbour.ts';

/**
 * The ambiguous row the parser would expose for a glued run: every split of `run` into one count per field (with
 * `groupSize`, each group's last cell the sum of the others, as a row of section 三), as the parser enumerates them.
 */
export function gluedRow(fieldIds: readonly string[], run: string, options: { groupSize?: number; kinds?: readonly CellKind[] } = {}): AmbiguousRow {
  const kinds = options.kinds ?? fieldIds.map((): CellKind => 'count');
  const { splits, truncated } = enumerateSplits(run, { kinds, ...(options.groupSize ? { groupSize: options.groupSize } : {}), maxSplits: 2000, maxSteps: 50_000 });
  if (truncated) throw new Error(`too many splits of ${run}`);
  const readings = splits.map((ends) => ends.map((end, index) => Number(run.slice(index === 0 ? 0 : ends[index - 1]!, end))));
  return { fieldIds, readings, printed: run };
}
