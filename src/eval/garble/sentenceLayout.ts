import { findTemplate } from '../../templates/registry.ts';
import { columnLabelLevels } from '../../templates/TemplateDefinition.ts';
import type { FormCell, FormRow, FormTable, PrintedForm } from './PrintedForm.ts';
import type { Rendered, RenderedLine } from './Rendered.ts';
import { rowGroups } from './Rendered.ts';

/** How a report writes its tables as sentences. */
export interface SentenceOptions {
  /** After a row's label: "：", ":", a space, or nothing. */
  readonly colon: string;
  /** Between a row's cells: "，", "；", "、", a space, or nothing. */
  readonly separator: string;
  /** The field's unit printed after each bare number ("12件"). */
  readonly units: boolean;
  /** What a blank cell prints after its column's name ("商业企业/"). */
  readonly blank: string;
  /** Section 四's two 行政诉讼 groups printed in the other order. */
  readonly swapLitigation: boolean;
  /** Blank cells left out of the sentence, their names too ("自然人18件，总计18件"), instead of a blank mark. */
  readonly omitBlanks: boolean;
}

/**
 * A report that writes each table row as a sentence naming its cells ("一、本年新收政府信息公开申请数量：自然人12件，
 * 商业企业/，…，总计14件。"), as agencies do on pages with no table markup: the column of each value is named by the
 * last part of its field's label; rows without values (group headings) are a line of their own; section 四 is a
 * sentence per group (行政复议：结果维持1件…; 行政诉讼（未经复议直接起诉）：…). Column headers are not printed, titles are.
 */
export function sentenceLayout(form: PrintedForm, options: SentenceOptions): Rendered {
  const template = findTemplate(form.template);
  const labels = new Map(template?.fields.map((field) => [field.id, { label: field.label, unit: field.unit }]) ?? []);
  const lines: RenderedLine[] = [];
  for (const block of form.blocks) {
    if (block.kind !== 'table') {
      lines.push({ text: block.text, breakable: true }, { text: '', breakable: true });
      continue;
    }
    const table = block.table;
    // Column headers are not printed; a title across the table (section 二's 第二十条第（一）项) is, as a line.
    const rows = table.rows
      .filter((row) => !row.header || row.cells.every((cell) => cell.role === 'title'))
      .map((row) => (row.header ? [[{ text: row.cells.map((cell) => cell.text).join(''), table: table.id }]] : sentencesOf(table, row, options, labels)));
    lines.push(...rowGroups(rows.flat()), { text: '', breakable: true });
  }
  return { kind: 'lines', lines };
}

type FieldLabels = ReadonlyMap<string, { readonly label: string; readonly unit: string }>;

/** The sentences of one row: one, or (section 四) one per group of cells. */
function sentencesOf(table: FormTable, row: FormRow, options: SentenceOptions, labels: FieldLabels): RenderedLine[][] {
  const rowLabel = row.cells.filter((cell) => cell.role === 'label').map((cell) => cell.text).join('');
  const values = row.cells.filter((cell) => cell.role === 'value');
  const line = (text: string): RenderedLine[] => [{ text, table: table.id }];
  if (values.length === 0) return rowLabel === '' ? [] : [line(rowLabel)];
  const unitCell = row.cells.find((cell) => cell.role === 'unit');
  // gov-2014: one value per row, its unit printed beside it.
  if (values.length === 1 && unitCell) return [line(`${rowLabel}${options.colon}${valueText(values[0]!, unitCell.text, options)}。`)];
  const groups = new Map<string, { name: string; cell: FormCell }[]>();
  for (const cell of values) {
    const path = columnPath(labels.get(cell.field ?? '')?.label ?? '', table.section);
    const group = table.section === '四' ? path.slice(0, -1).join('/') : '';
    groups.set(group, [...(groups.get(group) ?? []), { name: path.at(-1) ?? '', cell }]);
  }
  let entries = [...groups.entries()];
  if (options.swapLitigation && entries.length === 3) entries = [entries[0]!, entries[2]!, entries[1]!];
  return entries.map(([group, cells]) => {
    const head = group === '' ? rowLabel : groupHeading(group);
    const printed = options.omitBlanks ? cells.filter(({ cell }) => cell.text !== '') : cells;
    const named = printed.map(({ name, cell }) => `${name}${cell.text === '' ? options.blank : valueText(cell, unitOf(cell, labels), options)}`);
    return line(`${head}${options.colon}${named.join(options.separator)}。`);
  });
}

/** A value as the sentence prints it: the cell's text, its unit after a bare number when the report prints units. */
function valueText(cell: FormCell, unit: string, options: SentenceOptions): string {
  if (cell.text === '') return options.blank;
  return options.units && /^[\d.,]+$/u.test(cell.text) ? `${cell.text}${unit}` : cell.text;
}

function unitOf(cell: FormCell, labels: FieldLabels): string {
  return labels.get(cell.field ?? '')?.unit ?? '';
}

/**
 * The column path of a field's label below its row: "…/（一）予以公开 × 法人或其他组织/商业企业" → 商业企业; "…/规章/本年制发件数"
 * → 本年制发件数; in section 四 the groups above it too: "四、…/行政诉讼/未经复议直接起诉/结果维持" → 行政诉讼, 未经复议直接起诉, 结果维持.
 */
function columnPath(label: string, section: string): string[] {
  const crossed = label.split(' × ');
  if (crossed.length > 1) return [columnLabelLevels(crossed.at(-1)!).at(-1)!];
  // (A slash inside a word, "本年增/减", parts no levels.)
  const parts = columnLabelLevels(label).slice(1);
  return section === '四' ? parts : [parts.at(-1) ?? ''];
}

/** A group of section 四 as a sentence names it: 行政复议; 行政诉讼（未经复议直接起诉）. */
function groupHeading(group: string): string {
  const [top, name] = group.split('/');
  return name === undefined ? top ?? '' : `${top}（${name}）`;
}

