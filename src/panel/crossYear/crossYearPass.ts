import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { applyCrossYear } from './applyCrossYear.ts';
import { runCrossYear } from './runCrossYear.ts';

/** Figures of one cross-year pass (what `extract` reports and the wild measurement prints). */
export interface CrossYearFigures {
  /** Pairs × rules whose values were all there: the chain was checked. */
  readonly chainsChecked: number;
  readonly chainsBroken: number;
  /** Pairs × rules with a blank, unread or rejected term. */
  readonly chainsUnchecked: number;
  /** Ambiguous glued rows seen, and those exactly one reading settled. */
  readonly ambiguousRows: number;
  readonly rowsSettled: number;
  readonly fieldsSettled: number;
}

/**
 * The cross-year pass over a set of records (files given together to `extract`, or the reports of one agency the
 * store holds): checks the chains, puts the warnings on both documents and settles the glued runs a neighbouring
 * year decides (applyCrossYear). Records come back in the order given.
 */
export function crossYearPass(records: readonly ExtractionRecord[], agencyKeyOf: (record: ExtractionRecord) => string | null): { records: ExtractionRecord[]; figures: CrossYearFigures } {
  // First settle the glued runs, then check the chains on the values as settled: a chain a settled run completes is
  // checked, and a warning never quotes a value the pass has since read.
  const first = runCrossYear(records, agencyKeyOf);
  let ambiguousRows = 0;
  let rowsSettled = 0;
  let fieldsSettled = 0;
  const settled = records.map((record) => {
    const settlements = first.settlements.get(record.sha256) ?? [];
    ambiguousRows += settlements.length;
    const result = applyCrossYear(record, [], settlements, (sha256) => sha256);
    rowsSettled += settlements.filter((settlement) => settlement.outcome === 'settled' && settlement.fieldIds.some((id) => result.settledFields.includes(id))).length;
    fieldsSettled += result.settledFields.length;
    return result.record;
  });
  const report = runCrossYear(settled, agencyKeyOf);
  const names = new Map(records.map((record) => [record.sha256, record.document]));
  const applied = settled.map((record) => applyCrossYear(record, report.warnings.get(record.sha256) ?? [], [], (sha256) => names.get(sha256) ?? sha256).record);
  const checked = report.findings.filter((finding) => finding.outcome !== 'unchecked');
  return {
    records: applied,
    figures: {
      chainsChecked: checked.length,
      chainsBroken: checked.filter((finding) => finding.outcome === 'breaks').length,
      chainsUnchecked: report.findings.length - checked.length,
      ambiguousRows,
      rowsSettled,
      fieldsSettled,
    },
  };
}
