import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { ambiguousRowsOf } from './ambiguousRowsOf.ts';
import { checkCrossYear, type CrossYearFinding } from './checkCrossYear.ts';
import { crossYearWarnings, type CrossYearWarning } from './crossYearWarnings.ts';
import { settleByNeighbour, type RowSettlement } from './settleByNeighbour.ts';

/** Everything the cross-year rules say about a set of records. */
export interface CrossYearReport {
  readonly findings: readonly CrossYearFinding[];
  /** Broken chains by document sha256 (each on both its documents). */
  readonly warnings: ReadonlyMap<string, readonly CrossYearWarning[]>;
  /** Per document sha256, its ambiguous rows and what the neighbouring years made of them (only documents with such rows). */
  readonly settlements: ReadonlyMap<string, readonly RowSettlement[]>;
}

/**
 * The cross-year pass over any set of records (the store's, or the files given to `extract` together): records are
 * grouped by `agencyKeyOf` (null = not grouped), the chains checked within each agency, and every record's ambiguous
 * glued rows settled against its neighbours. What to do with a settlement (set the values, keep method `table`,
 * add an issue naming the year that settled it) is the caller's: this is pure.
 */
export function runCrossYear(records: readonly ExtractionRecord[], agencyKeyOf: (record: ExtractionRecord) => string | null): CrossYearReport {
  const byAgency = new Map<string, ExtractionRecord[]>();
  for (const record of records) {
    const key = agencyKeyOf(record);
    if (key !== null && record.meta.year !== null) byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
  }
  const findings: CrossYearFinding[] = [];
  const settlements = new Map<string, RowSettlement[]>();
  for (const group of byAgency.values()) {
    findings.push(...checkCrossYear(group));
    const rows = new Map(group.map((record) => [record, ambiguousRowsOf(record)]));
    for (const record of group) {
      const own = rows.get(record)!;
      if (own.length === 0) continue;
      const neighbours = group.filter((other) => other !== record).map((other) => ({ record: other, rows: rows.get(other)! }));
      settlements.set(record.sha256, settleByNeighbour({ record, rows: own }, neighbours));
    }
  }
  return { findings, warnings: crossYearWarnings(findings), settlements };
}
