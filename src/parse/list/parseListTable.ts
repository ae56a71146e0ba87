import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { ParseResult } from '../ParseResult.ts';

/**
 * Reads a list table (统计指标 / 单位 / 统计数: one value per labelled row) in any layout it is found in.
 * STUB: replaced by the gov-2014 parser.
 */
export function parseListTable(text: MappedText, template: TemplateDefinition, table: TableDefinition): ParseResult {
  void text;
  void template;
  return { cells: new Map(), sections: [], notes: [`list table ${table.id}: no parser yet`] };
}
