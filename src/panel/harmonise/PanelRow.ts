import type { FieldMethod, FieldStatus } from '../../record/ExtractionRecord.ts';
import type { Comparability, CrosswalkForm } from '../crosswalk/crosswalkSchema.ts';

/**
 * Why a panel value is blank. `printed-blank`: the form's cell(s) were left blank (not proven 0). `part-blank`:
 * some parts of a sum are blank and not proven 0. `in-review`: a source field waits for a person. `rejected`: the
 * document was rejected. `not-read`: the record has no value for the field (left out, unread).
 */
export type PanelBlankReason =
  | { readonly kind: 'printed-blank'; readonly fieldIds: readonly string[] }
  | { readonly kind: 'part-blank'; readonly fieldIds: readonly string[] }
  | { readonly kind: 'in-review'; readonly fieldIds: readonly string[] }
  | { readonly kind: 'rejected'; readonly fieldIds: readonly string[] }
  | { readonly kind: 'not-read'; readonly fieldIds: readonly string[] };

/** A source field as it stood when the panel was made. */
export interface PanelSourceField {
  readonly id: string;
  readonly value: number | null;
  readonly raw: string;
  readonly status: FieldStatus;
  readonly method: FieldMethod;
}

/** Where a panel value came from: the document and its fields. */
export interface PanelProvenance {
  readonly document: string;
  readonly sha256: string;
  /** The source fields in crosswalk order; a field the record lacks is absent here and named by the blank reason. */
  readonly fields: readonly PanelSourceField[];
}

/** One line of the panel: one agency, one year, one indicator, from one document. */
export interface PanelRow {
  readonly agencyKey: string;
  /** The agency as the report names itself (meta.agency). */
  readonly agencyName: string;
  readonly year: number;
  readonly indicatorId: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly unit: string;
  /** The harmonised value; null with `blankReason` when it cannot be given. */
  readonly value: number | null;
  readonly blankReason: PanelBlankReason | null;
  readonly form: CrosswalkForm;
  readonly sourceFields: readonly string[];
  readonly summed: boolean;
  readonly comparability: Comparability;
  /** The crosswalk's note for this form (and the indicator's general note, when it has one). */
  readonly comparabilityNote: string;
  readonly provenance: PanelProvenance;
}
