import type { AgencyIdentity } from '../panel/agency/AgencyIdentity.ts';
import { resolveAgencyKey } from '../panel/agency/resolveAgencyKey.ts';
import { crosswalkDictionary } from '../panel/crosswalk/crosswalkDictionary.ts';
import { harmonise } from '../panel/harmonise/harmonise.ts';
import type { PanelRow } from '../panel/harmonise/PanelRow.ts';
import type { ExtractionRecord, TemplateId } from '../record/ExtractionRecord.ts';
import type { Store } from '../store/Store.ts';
import type { StoredDocument } from '../store/storeSchemas.ts';
import type { Cell } from './csvCell.ts';
import { committedDocuments } from './datasetRows.ts';

/** How the panel names agencies: the reviewers' confirmed identities (the proposal where none covers a name). */
export interface PanelOptions {
  readonly identities: readonly AgencyIdentity[];
}

/** The agency key of a record, and whether a reviewer confirmed it. */
export function agencyKeyResolver(identities: readonly AgencyIdentity[]): (record: Pick<ExtractionRecord, 'meta'>) => { key: string | null; confirmed: boolean } {
  const cache = new Map<string, { key: string | null; confirmed: boolean }>();
  return (record) => {
    const name = record.meta.agency ?? '';
    let resolved = cache.get(name);
    if (!resolved) {
      const { key, confirmed } = resolveAgencyKey(record.meta.agency, identities);
      resolved = { key, confirmed };
      cache.set(name, resolved);
    }
    return resolved;
  };
}

/** Several values of the source fields (a sum) joined; one value as itself. */
function joined(values: readonly (string | number | null)[]): string {
  return values.map((value) => (value === null ? '' : String(value))).join(' + ');
}

/** One panel row as the cells of `panelColumns`. */
export function panelCells(row: PanelRow, confirmed: boolean): Cell[] {
  const fields = row.provenance.fields;
  const distinct = (values: readonly string[]) => [...new Set(values)].join(' / ');
  return [
    row.agencyKey,
    row.agencyName,
    confirmed ? 'yes' : 'no',
    row.year,
    row.indicatorId,
    row.labelZh,
    row.unit,
    row.value,
    row.blankReason?.kind ?? null,
    row.blankReason ? row.blankReason.fieldIds.join(' + ') : null,
    row.form,
    row.sourceFields.join(' + '),
    fields.length === 0 ? null : joined(fields.map((field) => field.value)),
    row.comparability,
    row.comparabilityNote,
    row.provenance.document,
    row.provenance.sha256,
    fields.length === 0 ? null : distinct(fields.map((field) => field.method)),
    fields.length === 0 ? null : distinct(fields.map((field) => field.status)),
  ];
}

/** The panel row as a JSON object (JSONL): the columns plus the provenance with every source field. */
export function panelObject(row: PanelRow, confirmed: boolean): Record<string, unknown> {
  return {
    agencyKey: row.agencyKey,
    agency: row.agencyName,
    agencyConfirmed: confirmed,
    year: row.year,
    indicator: row.indicatorId,
    label: row.labelZh,
    labelEn: row.labelEn,
    unit: row.unit,
    value: row.value,
    blankReason: row.blankReason,
    form: row.form,
    sourceFields: row.sourceFields,
    summed: row.summed,
    comparability: row.comparability,
    comparabilityNote: row.comparabilityNote,
    provenance: row.provenance,
  };
}

/** The dictionary of the indicators as cells of `panelDictionaryColumns`. */
export function panelDictionaryRows(template?: TemplateId): Cell[][] {
  return crosswalkDictionary()
    .filter((row) => template === undefined || row.form === template)
    .map((row) => [row.indicatorId, row.labelZh, row.labelEn, row.unit, row.form, row.source, row.comparability, row.comparabilityMeaning, row.note, row.notComparableWith]);
}

/** A committed document's panel rows, with whether its agency key is confirmed. */
export interface PanelDocumentRows {
  readonly rows: readonly PanelRow[];
  readonly confirmed: boolean;
}

/**
 * The panel rows of the committed documents (of one form, or all), in panel order — agency key, year, document —
 * harmonised one document at a time so memory stays flat: the order is taken from the index first (the agency and
 * year the index holds are the record's meta), then the documents are read in that order.
 */
export async function* panelRowsOf(store: Store, template: TemplateId | undefined, options: PanelOptions): AsyncGenerator<PanelDocumentRows> {
  const resolve = agencyKeyResolver(options.identities);
  const ordered = (await store.listDocuments())
    .filter((summary) => summary.state === 'committed' && summary.template !== 'unknown' && (template === undefined || summary.template === template))
    .map((summary) => ({ summary, key: resolve({ meta: { agency: summary.agency, year: summary.year } }).key ?? '' }))
    .sort((left, right) => compare(left.key, right.key) || (left.summary.year ?? 0) - (right.summary.year ?? 0) || compare(left.summary.id, right.summary.id))
    .map((entry) => entry.summary.id);
  const rank = new Map(ordered.map((id, index) => [id, index]));
  for await (const document of committedDocuments(store, template, (left, right) => rank.get(left.id)! - rank.get(right.id)!)) {
    yield documentPanel(document, resolve);
  }
}

function documentPanel(document: StoredDocument, resolve: ReturnType<typeof agencyKeyResolver>): PanelDocumentRows {
  const resolved = resolve(document.record);
  const panel = harmonise([document.record], { agencyKeyOf: () => resolved.key });
  return { rows: panel.rows, confirmed: resolved.confirmed };
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
