import { enumerateSplits } from '../../parse/grid/glued/enumerateSplits.ts';
import { gridRowSpecs, type NewFormatSection } from '../../parse/grid/glued/gridRowSpecs.ts';
import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { valueRead } from '../../record/FieldFinding.ts';
import { findTemplate } from '../../templates/registry.ts';
import type { AmbiguousRow } from './settleByNeighbour.ts';

/** Group sizes of the sums the parser checks on a glued row: a row of 三 (six applicants and 总计), the groups of 四. */
const GROUP_SIZE: Readonly<Record<NewFormatSection, number | undefined>> = { 二: undefined, 三: 7, 四: 5 };
/** The parser's own work bounds per row (rowReadings): a run with more splits is not listed. */
const MAX_SPLITS = 2_000;
const MAX_STEPS = 50_000;

/**
 * The ambiguous glued rows of a record, rebuilt from what the record holds today: the glued reader leaves every
 * cell it cannot tell with value null, in review, and the whole printed run as `raw` (the same run on each such
 * cell of the row). The readings are every split of that run into the row's cells (cell kinds, no leading zeros,
 * the row's group sums) that agrees with the row's cells the parser did read — a superset of the parser's own
 * surviving readings, which settleByNeighbour narrows again with the document's hard rules. Rows holding an
 * amount are left out (a run's 元/万元 is not in `raw`), as are runs with more splits than the parser lists.
 * Until the parser exposes its readings (see the panel README), this is how the store gets them.
 */
export function ambiguousRowsOf(record: ExtractionRecord): AmbiguousRow[] {
  const template = findTemplate(record.template);
  if (!template || template.id === 'gov-2014') return [];
  const fields = new Map<string, FieldRecord>(record.fields.map((field) => [field.id, field]));
  const rows: AmbiguousRow[] = [];
  for (const section of ['二', '三', '四'] as const) {
    for (const spec of gridRowSpecs(template, section)) {
      if (spec.virtual || spec.fieldIds.length < 2 || spec.kinds.includes('amount')) continue;
      const cells = spec.fieldIds.map((id) => fields.get(id));
      const undecided = cells.filter((cell): cell is FieldRecord => cell !== undefined && isUndecidedGluedCell(cell));
      if (undecided.length === 0) continue;
      const run = undecided[0]!.raw.replace(/\s+/gu, '');
      if (undecided.some((cell) => cell.raw.replace(/\s+/gu, '') !== run) || !/^[\d+.-]+$/u.test(run)) continue;
      const groupSize = GROUP_SIZE[section];
      const result = enumerateSplits(run, { kinds: spec.kinds, ...(groupSize ? { groupSize } : {}), maxSplits: MAX_SPLITS, maxSteps: MAX_STEPS });
      if (result.truncated) continue;
      const readings = result.splits
        .map((ends) => ends.map((end, index) => Number(run.slice(index === 0 ? 0 : ends[index - 1]!, end))))
        .filter((reading) => cells.every((cell, index) => !cell || valueRead(cell) === null || cell.value === reading[index]));
      if (readings.length >= 2) rows.push({ fieldIds: spec.fieldIds, readings, printed: undecided[0]!.raw });
    }
  }
  return rows;
}

/** A cell the glued reader could not tell: no value, waiting for review, read from the table, printed as a digit run. */
function isUndecidedGluedCell(cell: FieldRecord): boolean {
  return valueRead(cell) === null && cell.status === 'review' && cell.method === 'table' && /\d/u.test(cell.raw);
}
