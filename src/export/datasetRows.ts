import type { CommittedWideRow, Store } from '../store/Store.ts';
import type { DocumentSummary, StoredDocument } from '../store/storeSchemas.ts';
import { compareQueueOrder } from '../review/documentFilter.ts';
import type { TemplateId } from '../record/ExtractionRecord.ts';
import { findTemplate, templates } from '../templates/registry.ts';
import type { Cell } from './csvCell.ts';
import { labelPathText, withUnit } from './fieldLabels.ts';
import { panelColumns, panelDictionaryColumns } from './panelColumns.ts';
import { shortLabelsOf } from './templateLabels.ts';

/**
 * Dataset shapes: one row per document, one row per document × field, the data dictionary, the panel (agency key ×
 * year × harmonised indicator) and the panel's dictionary of indicators.
 */
export type DatasetShape = 'wide' | 'long' | 'dictionary' | 'panel' | 'panel-dictionary';

/** Which header a download carries: the Chinese label (with unit), the field id, or both as two rows. */
export type HeaderStyle = 'label' | 'id' | 'both';

/** A column of a download: its stable id (what code reads) and its Chinese label (what people read). */
export interface DatasetColumn {
  readonly id: string;
  readonly label: string;
  /** Numbers are right-aligned and narrow; text gets more room. */
  readonly kind: 'text' | 'number';
}

const column = (id: string, label: string, kind: DatasetColumn['kind'] = 'text'): DatasetColumn => ({ id, label, kind });

/** Columns every wide and long row starts with. */
const documentColumns: readonly DatasetColumn[] = [
  column('document', '文件名'),
  column('sha256', 'SHA-256'),
  column('agency', '机关'),
  column('year', '年度', 'number'),
  column('template', '表式'),
];

/** Columns of a long row after the document columns. */
const longColumns: readonly DatasetColumn[] = [
  column('field', '字段'),
  column('label', '指标'),
  column('value', '数值', 'number'),
  column('unit', '单位'),
  column('raw', '原文'),
  column('method', '取值方式'),
  column('confidence', '置信度', 'number'),
  column('status', '状态'),
  column('reviewer', '审核人'),
  column('evidence_start', '证据起点', 'number'),
  column('evidence_end', '证据终点', 'number'),
  column('evidence_text', '证据原文'),
];

/** Columns of the data dictionary. */
const dictionaryColumns: readonly DatasetColumn[] = [
  column('template', '表式'),
  column('id', '字段'),
  column('label', '指标'),
  column('label_path', '表中位置'),
  column('unit', '单位'),
  column('parent', '上级字段'),
];

/** Columns of a shape; wide columns are the fields of one template (labels as "申请办结数(件)"). */
export function columnsOf(shape: DatasetShape, template?: TemplateId): DatasetColumn[] {
  if (shape === 'dictionary') return [...dictionaryColumns];
  if (shape === 'panel') return [...panelColumns];
  if (shape === 'panel-dictionary') return [...panelDictionaryColumns];
  if (shape === 'long') return [...documentColumns, ...longColumns];
  const definition = template ? findTemplate(template) : undefined;
  const labels = template ? shortLabelsOf(template) : new Map<string, string>();
  return [
    ...documentColumns,
    ...(definition?.fields ?? []).map((field) => column(field.id, withUnit(labels.get(field.id) ?? field.label, field.unit), 'number')),
  ];
}

/** The header row(s) of a download: labels, ids, or labels above ids. */
export function headerRows(columns: readonly DatasetColumn[], style: HeaderStyle): string[][] {
  const labels = columns.map((entry) => entry.label);
  const ids = columns.map((entry) => entry.id);
  return style === 'label' ? [labels] : style === 'id' ? [ids] : [labels, ids];
}

/** The data dictionary rows (every template, or one). */
export function dictionaryRows(template?: TemplateId): Cell[][] {
  const chosen = template ? templates.filter((definition) => definition.id === template) : templates;
  return chosen.flatMap((definition) => {
    const labels = shortLabelsOf(definition.id);
    return definition.fields.map((field) => [definition.id, field.id, labels.get(field.id) ?? field.label, labelPathText(field.label), field.unit, field.parent ?? null]);
  });
}

function documentCells(document: StoredDocument): Cell[] {
  const { record } = document;
  return [record.document, record.sha256, record.meta.agency, record.meta.year, record.template];
}

/** The wide row of a committed document: its values in the order of `columns` (null where blank). */
export function wideRow(document: StoredDocument, columns: readonly DatasetColumn[]): Cell[] {
  const values = new Map(document.record.fields.map((field) => [field.id, field.value]));
  return [...documentCells(document), ...columns.slice(documentColumns.length).map((entry) => values.get(entry.id) ?? null)];
}

/** The wide row of a committed document as the store gives it (values in the order of the field columns), like wideRow. */
export function wideRowOf(row: CommittedWideRow): Cell[] {
  return [row.document, row.sha256, row.agency, row.year, row.template, ...row.values];
}

/** The ids of the field columns of a wide table (after the document columns). */
export function fieldColumnIds(columns: readonly DatasetColumn[]): string[] {
  return columns.slice(documentColumns.length).map((entry) => entry.id);
}

/** The long rows of a committed document: one per field, with who settled it and where it was read. */
export function longRows(document: StoredDocument): Cell[][] {
  const reviewerOf = new Map<string, string>();
  for (const decision of document.decisions) if (decision.fieldId !== null) reviewerOf.set(decision.fieldId, decision.by);
  const labels = document.record.template === 'unknown' ? new Map<string, string>() : shortLabelsOf(document.record.template);
  const prefix = documentCells(document);
  return document.record.fields.map((field) => [
    ...prefix,
    field.id,
    labels.get(field.id) ?? null,
    field.value,
    field.unit,
    field.raw,
    field.method,
    field.confidence,
    field.status,
    reviewerOf.get(field.id) ?? null,
    field.evidence?.start ?? null,
    field.evidence?.end ?? null,
    field.evidence?.text ?? null,
  ]);
}

/** Documents read ahead while the current one is written: bounded, so memory does not grow with the store. */
const READ_AHEAD = 16;

/**
 * The committed documents (only their values belong in the dataset), oldest first, optionally of one template,
 * read one by one from the store with a small read-ahead.
 */
export async function* committedDocuments(
  store: Store,
  template?: TemplateId,
  order: (left: DocumentSummary, right: DocumentSummary) => number = compareQueueOrder,
): AsyncGenerator<StoredDocument> {
  const ids = (await store.listDocuments())
    .filter((summary) => summary.state === 'committed' && summary.template !== 'unknown' && (template === undefined || summary.template === template))
    .sort(order)
    .map((summary) => summary.id);
  const pending: Promise<StoredDocument | undefined>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < READ_AHEAD && next < ids.length) {
      const read = store.readDocument(ids[next++]!);
      // Handled when its turn comes; this only stops an early failure counting as unhandled meanwhile.
      read.catch(() => undefined);
      pending.push(read);
    }
  };
  fill();
  while (pending.length > 0) {
    const document = await pending.shift()!;
    fill();
    if (document) yield document;
  }
}
