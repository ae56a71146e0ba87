import { z } from 'zod';
import { fieldFindingSchema } from './FieldFinding.ts';

/** Template ids a document can be recognised as. `unknown` means no field is read. */
export const templateIdSchema = z.enum(['gov-2014', 'gov-2019', 'gov-2021', 'unknown']);
/** A template id, or `unknown`. */
export type TemplateId = z.infer<typeof templateIdSchema>;

/** How a value was obtained. */
export const fieldMethodSchema = z.enum(['table', 'text', 'llm', 'inferred', 'reviewer']);
/** How a value was obtained. */
export type FieldMethod = z.infer<typeof fieldMethodSchema>;

/** Where a field stands: `auto` is committed without review; `review` waits for a person. */
export const fieldStatusSchema = z.enum(['auto', 'review', 'approved', 'corrected', 'rejected']);
/** Where a field stands. */
export type FieldStatus = z.infer<typeof fieldStatusSchema>;

/** A box on a page in PDF units (1/72 inch) from the page's top-left corner. */
export const pageBoxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});

/**
 * A span of the ORIGINAL decoded text (end exclusive) and the text it covers; for a PDF also the page (from 1)
 * and the box the cell was printed in (a blank cell's box is its column's width, so it can be highlighted).
 */
export const evidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  page: z.number().int().positive().optional(),
  box: pageBoxSchema.optional(),
});
/** A span of the original decoded text. */
export type Evidence = z.infer<typeof evidenceSchema>;

/** One field of one report, exactly as output-contract.md describes it. */
export const fieldRecordSchema = z.object({
  id: z.string(),
  value: z.number().nullable(),
  raw: z.string(),
  unit: z.string(),
  method: fieldMethodSchema,
  confidence: z.number().min(0).max(1),
  status: fieldStatusSchema,
  evidence: evidenceSchema.nullable(),
  issues: z.array(z.string()),
  /**
   * The same as `issues`, as typed data (kind, rule id, numbers, cells): what code decides on. `issues` are these
   * findings in words (describeFinding). Absent in records stored before findings existed.
   */
  findings: z.array(fieldFindingSchema).optional(),
});
/** One field of one report. */
export type FieldRecord = z.infer<typeof fieldRecordSchema>;

/** What the report says about itself: who issued it and which year the statistics cover. */
export const reportMetaSchema = z.object({
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
});
/** Issuing agency and reporting year. */
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** What the document was submitted as: plain text, an HTML page, a PDF (with its page count) or a Word .docx. */
export const inputSourceSchema = z.object({
  kind: z.enum(['text', 'html', 'pdf', 'docx']),
  pages: z.number().int().positive().optional(),
});
/** What the document was submitted as. */
export type InputSource = z.infer<typeof inputSourceSchema>;

/** One extraction record: the contract that the store, the dataset and the evaluation read. */
export const extractionRecordSchema = z.object({
  document: z.string(),
  sha256: z.string(),
  template: templateIdSchema,
  meta: reportMetaSchema,
  fields: z.array(fieldRecordSchema),
  /** Absent in records made before PDF and Word input existed (they were text or HTML). */
  input: inputSourceSchema.optional(),
});
/** One extraction record. */
export type ExtractionRecord = z.infer<typeof extractionRecordSchema>;
