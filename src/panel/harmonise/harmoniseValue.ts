import type { FieldRecord } from '../../record/ExtractionRecord.ts';
import type { FormSource } from '../crosswalk/crosswalkSchema.ts';
import type { PanelBlankReason } from './PanelRow.ts';

/** Statuses whose value is settled: committed without review, or decided by a person. */
const SETTLED = new Set(['auto', 'approved', 'corrected']);

/** The harmonised value of one indicator on one record, or why there is none. */
export type HarmonisedValue =
  | { readonly value: number; readonly blankReason: null }
  | { readonly value: null; readonly blankReason: PanelBlankReason };

/**
 * The value a form gives an indicator: the field, or the sum of the fields. Only settled values count: a field in
 * review (or rejected, or unread) blanks the indicator, naming it. A blank cell is never taken as 0 — only a blank
 * the rules proved 0 counts, and the record carries it as value 0 (method `inferred`, raw ""), settled. So a sum
 * with a part blank and unproven is blank; a sum of parts all blank is `printed-blank`, as a single blank cell is.
 * The worst reason wins (not read, then rejected, then in review, then blank) so the reviewer sees what to do.
 */
export function harmoniseValue(source: FormSource, fieldsById: ReadonlyMap<string, FieldRecord>): HarmonisedValue {
  const notRead: string[] = [];
  const rejected: string[] = [];
  const inReview: string[] = [];
  const blank: string[] = [];
  let sum = 0;
  for (const fieldId of source.fields) {
    const field = fieldsById.get(fieldId);
    if (!field) notRead.push(fieldId);
    else if (field.status === 'rejected') rejected.push(fieldId);
    else if (!SETTLED.has(field.status)) inReview.push(fieldId);
    else if (field.value === null) blank.push(fieldId);
    else sum += field.value;
  }
  if (notRead.length > 0) return { value: null, blankReason: { kind: 'not-read', fieldIds: notRead } };
  if (rejected.length > 0) return { value: null, blankReason: { kind: 'rejected', fieldIds: rejected } };
  if (inReview.length > 0) return { value: null, blankReason: { kind: 'in-review', fieldIds: inReview } };
  if (blank.length === source.fields.length) return { value: null, blankReason: { kind: 'printed-blank', fieldIds: blank } };
  if (blank.length > 0) return { value: null, blankReason: { kind: 'part-blank', fieldIds: blank } };
  // Amounts carry up to six decimals (万元): round away the float noise a sum adds.
  return { value: Math.round(sum * 1e6) / 1e6, blankReason: null };
}
