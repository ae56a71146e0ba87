import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { crosswalk as projectCrosswalk } from '../crosswalk/crosswalk.ts';
import type { Crosswalk, CrosswalkForm } from '../crosswalk/crosswalkSchema.ts';
import { harmoniseValue } from './harmoniseValue.ts';
import type { PanelRow, PanelSourceField } from './PanelRow.ts';

/** A record the panel cannot place, and why. */
export interface UnplacedRecord {
  readonly document: string;
  readonly sha256: string;
  readonly reason: 'unknown-template' | 'no-year' | 'no-agency';
}

/** Two or more documents giving the same agency and year: the panel keeps both, the reviewer picks. */
export interface DuplicateYear {
  readonly agencyKey: string;
  readonly year: number;
  readonly sha256s: readonly string[];
}

/** The panel made from a set of records. */
export interface Panel {
  readonly rows: readonly PanelRow[];
  readonly unplaced: readonly UnplacedRecord[];
  readonly duplicates: readonly DuplicateYear[];
}

/** How harmonise places a record: its agency key (from the identity layer), or null when it has none. */
export interface HarmoniseOptions {
  readonly agencyKeyOf: (record: ExtractionRecord) => string | null;
  /** Defaults to the project's crosswalk.json. */
  readonly crosswalk?: Crosswalk;
}

/**
 * The panel of the given records: for every placed record (known form, year, agency key) one row per indicator
 * its form gives, in crosswalk order, with the value harmonised (settled values only; see harmoniseValue), the
 * source fields, the comparability note and the provenance. An indicator whose forms are not comparable has one id
 * per form in the crosswalk, so such figures never share a line. Rows are sorted by agency key, year, document.
 */
export function harmonise(records: readonly ExtractionRecord[], options: HarmoniseOptions): Panel {
  const crosswalk = options.crosswalk ?? projectCrosswalk;
  const unplaced: UnplacedRecord[] = [];
  const placed: { record: ExtractionRecord; agencyKey: string; form: CrosswalkForm; year: number }[] = [];
  for (const record of records) {
    const base = { document: record.document, sha256: record.sha256 };
    if (record.template === 'unknown') unplaced.push({ ...base, reason: 'unknown-template' });
    else if (record.meta.year === null) unplaced.push({ ...base, reason: 'no-year' });
    else {
      const agencyKey = options.agencyKeyOf(record);
      if (agencyKey === null) unplaced.push({ ...base, reason: 'no-agency' });
      else placed.push({ record, agencyKey, form: record.template, year: record.meta.year });
    }
  }
  placed.sort((left, right) => compare(left.agencyKey, right.agencyKey) || left.year - right.year || compare(left.record.sha256, right.record.sha256));

  const rows: PanelRow[] = [];
  for (const { record, agencyKey, form, year } of placed) {
    const fieldsById = new Map<string, FieldRecord>(record.fields.map((field) => [field.id, field]));
    for (const indicator of crosswalk.indicators) {
      const source = indicator.forms[form];
      if (!source) continue;
      const harmonised = harmoniseValue(source, fieldsById);
      const fields: PanelSourceField[] = source.fields.flatMap((id) => {
        const field = fieldsById.get(id);
        return field ? [{ id, value: field.value, raw: field.raw, status: field.status, method: field.method }] : [];
      });
      rows.push({
        agencyKey,
        agencyName: record.meta.agency ?? agencyKey,
        year,
        indicatorId: indicator.id,
        labelZh: indicator.labelZh,
        labelEn: indicator.labelEn,
        unit: indicator.unit,
        value: harmonised.value,
        blankReason: harmonised.blankReason,
        form,
        sourceFields: source.fields,
        summed: source.sum,
        comparability: source.comparability,
        comparabilityNote: [source.note, indicator.note].filter((note) => note.length > 0).join(' '),
        provenance: { document: record.document, sha256: record.sha256, fields },
      });
    }
  }
  return { rows, unplaced, duplicates: findDuplicates(placed) };
}

function findDuplicates(placed: readonly { record: ExtractionRecord; agencyKey: string; year: number }[]): DuplicateYear[] {
  const byKeyYear = new Map<string, { agencyKey: string; year: number; sha256s: string[] }>();
  for (const { record, agencyKey, year } of placed) {
    const key = `${agencyKey}\u0000${year}`;
    const entry = byKeyYear.get(key) ?? { agencyKey, year, sha256s: [] };
    if (!entry.sha256s.includes(record.sha256)) entry.sha256s.push(record.sha256);
    byKeyYear.set(key, entry);
  }
  return [...byKeyYear.values()].filter((entry) => entry.sha256s.length > 1);
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
