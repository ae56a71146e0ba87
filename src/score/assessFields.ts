import type { FieldRecord } from '../record/ExtractionRecord.ts';
import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { MappedText } from '../text/MappedText.ts';

/** What assessFields needs: the template, what was read, and the texts to quote evidence and narrative from. */
export interface AssessmentInput {
  readonly template: TemplateDefinition;
  readonly parse: ParseResult;
  /** The original decoded text (evidence offsets point here). */
  readonly decodedText: string;
  /** The normalised text the parser read (for narrative checks). */
  readonly normalised: MappedText;
}

/**
 * Turns what the parser read into the record's fields: one per field id of the template, in template order,
 * with rules checked (hard failures → review with the rule written out; blanks proposed as 0 where only that
 * makes a sum hold), the narrative compared with the table, and confidence/status from real signals.
 * STUB: replaced by the validate/score stage.
 */
export function assessFields(input: AssessmentInput): FieldRecord[] {
  return input.template.fields.map((field) => {
    const cell = input.parse.cells.get(field.id);
    return {
      id: field.id,
      value: cell?.value ?? null,
      raw: cell?.raw ?? '',
      unit: field.unit,
      method: cell?.method ?? 'table',
      confidence: 0,
      status: 'review',
      evidence: cell ? { start: cell.start, end: cell.end, text: input.decodedText.slice(cell.start, cell.end) } : null,
      issues: cell ? [] : ['not found in the document'],
    };
  });
}
