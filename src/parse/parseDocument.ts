import type { MappedText } from '../text/MappedText.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { ParseResult } from './ParseResult.ts';

/**
 * Reads every field of the detected template from the normalised text, deterministically.
 * STUB: replaced by the parse stage (list tables for gov-2014, grid tables for gov-2019/gov-2021).
 */
export function parseDocument(text: MappedText, template: TemplateDefinition): ParseResult {
  void text;
  return { cells: new Map(), sections: [], notes: [`no parser yet for ${template.id}`] };
}
