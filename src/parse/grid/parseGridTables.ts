import type { TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { ParseResult } from '../ParseResult.ts';

/**
 * Reads the grid tables of the new-format forms (sections 二, 三, 四) in any layout they are found in.
 * STUB: replaced by the gov-2019/gov-2021 parser.
 */
export function parseGridTables(text: MappedText, template: TemplateDefinition): ParseResult {
  void text;
  return { cells: new Map(), sections: [], notes: [`grid tables of ${template.id}: no parser yet`] };
}
