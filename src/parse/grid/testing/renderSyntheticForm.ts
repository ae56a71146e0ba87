import { sectionOfTable } from '../../../templates/newFormatTables.ts';
import type { RowDefinition, TemplateDefinition } from '../../../templates/TemplateDefinition.ts';

/** Layouts the synthetic forms are printed in. */
export type SyntheticLayout = 'tab' | 'pipe' | 'space' | 'cell-per-line' | 'html';

/** How a synthetic form is printed. */
export interface SyntheticOptions {
  readonly layout: SyntheticLayout;
  /** Column header of 社会公益组织 (e.g. the variant 社会组织). */
  readonly publicInterestHeader?: string;
  /** Label printed for a row instead of its canonical label, by row key. */
  readonly rowLabels?: Readonly<Record<string, string>>;
}

const APPLICANT_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const APPEAL_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * Prints a new-format form (sections 二, 三, 四 with their headings) in one layout, with the given printed
 * cell texts ("" for a blank cell). For tests of the grid parser: every table of the template, rows labelled
 * as printed on the form, header rows included.
 */
export function renderSyntheticForm(template: TemplateDefinition, cells: Readonly<Record<string, string>>, options: SyntheticOptions): string {
  const printer = printers[options.layout];
  const parts: string[] = ['某某局2020年政府信息公开工作年度报告', '一、总体情况', '全年主动公开政府信息120条。', '二、主动公开政府信息情况'];
  const section = (id: string) => template.tables.filter((table) => sectionOfTable(table) === id);
  const two: string[][] = [];
  for (const table of section('二')) {
    two.push([table.heading[2]!]);
    two.push(['信息内容', ...table.columns.map((column) => column.labels[0]!)]);
    for (const row of table.rows) two.push([labelOf(row, options), ...row.cells.flatMap((field) => (field ? [cells[field] ?? ''] : []))]);
  }
  parts.push(printer.table(two, { kind: '二' }));
  parts.push('三、收到和处理政府信息公开申请情况');
  const headers = APPLICANT_HEADERS.map((header) => (header === '社会公益组织' ? options.publicInterestHeader ?? header : header));
  const three: string[][] = [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], ['自然人', '法人或其他组织', '总计'], headers.slice(1, 6)];
  const table = section('三')[0]!;
  for (const row of table.rows) three.push([labelOf(row, options), ...row.cells.map((field) => cells[field!] ?? '')]);
  parts.push(printer.table(three, { kind: '三', headerRows: 3, fullHeader: headers }));
  parts.push('四、政府信息公开行政复议、行政诉讼情况');
  const appeals = section('四')[0]!.rows[0]!;
  const four: string[][] = [
    ['行政复议', '行政诉讼'],
    [...APPEAL_PARTS, '未经复议直接起诉', '复议后起诉'],
    [...APPEAL_PARTS, ...APPEAL_PARTS],
    appeals.cells.map((field) => cells[field!] ?? ''),
  ];
  parts.push(printer.table(four, { kind: '四', headerRows: 3 }));
  parts.push('五、存在的主要问题及改进情况', '信息公开工作仍有不足。', '某某局', '2021年1月20日');
  return parts.join(printer.paragraph) + '\n';
}

function labelOf(row: RowDefinition, options: SyntheticOptions): string {
  return options.rowLabels?.[row.key] ?? row.labels[0]!;
}

interface TableShape {
  readonly kind: '二' | '三' | '四';
  readonly headerRows?: number;
  readonly fullHeader?: readonly string[];
}

interface Printer {
  readonly paragraph: string;
  table(rows: readonly (readonly string[])[], shape: TableShape): string;
}

const printers: Readonly<Record<SyntheticLayout, Printer>> = {
  tab: { paragraph: '\n\n', table: (rows) => rows.map((row) => row.join('\t')).join('\n') },
  pipe: { paragraph: '\n\n', table: (rows) => rows.map((row) => `| ${row.join(' | ')} |`).join('\n') },
  space: { paragraph: '\n', table: (rows) => rows.map((row) => row.join('  ')).join('\n') },
  'cell-per-line': {
    paragraph: '\r\r\r\r\r\r',
    table: (rows) => rows.map((row) => row.join('\r\r\r')).join('\r\r\r\r\r'),
  },
  html: { paragraph: '', table: htmlTable },
};

/** An HTML table as scraped pages print it: blank cells as &nbsp;, 三's label area three columns wide. */
function htmlTable(rows: readonly (readonly string[])[], shape: TableShape): string {
  const cell = (text: string, attributes = '') => `<td${attributes}><p>${text === '' ? '&nbsp;' : text}</p></td>`;
  const lines: string[] = ['<table border="1"><tbody>'];
  if (shape.kind === '三') {
    const header = shape.fullHeader!;
    lines.push(`<tr>${cell(rows[0]![0]!, ' colspan="3" rowspan="3"')}${cell('申请人情况', ' colspan="7"')}</tr>`);
    lines.push(`<tr>${cell(header[0]!, ' rowspan="2"')}${cell('法人或其他组织', ' colspan="5"')}${cell(header[6]!, ' rowspan="2"')}</tr>`);
    lines.push(`<tr>${header.slice(1, 6).map((text) => cell(text)).join('')}</tr>`);
    for (const row of rows.slice(3)) lines.push(`<tr>${cell(row[0]!, ' colspan="3"')}${row.slice(1).map((text) => cell(text)).join('')}</tr>`);
  } else if (shape.kind === '四') {
    lines.push(`<tr>${cell('行政复议', ' colspan="5"')}${cell('行政诉讼', ' colspan="10"')}</tr>`);
    lines.push(`<tr>${APPEAL_PARTS.map((text) => cell(text, ' rowspan="2"')).join('')}${cell('未经复议直接起诉', ' colspan="5"')}${cell('复议后起诉', ' colspan="5"')}</tr>`);
    lines.push(`<tr>${[...APPEAL_PARTS, ...APPEAL_PARTS].map((text) => cell(text)).join('')}</tr>`);
    lines.push(`<tr>${rows[3]!.map((text) => cell(text)).join('')}</tr>`);
  } else {
    // Section 二 as the Shanghai pages print it: a title row across, values in a colspan-2 cell.
    for (const row of rows) {
      if (row.length === 1) lines.push(`<tr>${cell(row[0]!, ' colspan="5"')}</tr>`);
      else if (row[0] === '信息内容') lines.push(`<tr>${row.map((text, index) => cell(text, index === 2 ? ' colspan="2"' : '')).join('')}</tr>`);
      else lines.push(`<tr>${row.map((text, index) => cell(text, index === 1 ? ' colspan="2"' : '')).join('')}</tr>`);
    }
  }
  lines.push('</tbody></table>');
  return lines.join('');
}

/** Every field of a template with a printed value: the field's index as text, 采购总金额 in 元, 增/减 signed. */
export function sampleCells(template: TemplateDefinition): Record<string, string> {
  const cells: Record<string, string> = {};
  template.fields.forEach((field, index) => {
    if (field.id.endsWith('.change')) cells[field.id] = index % 2 === 0 ? `+${index}` : `-${index}`;
    else if (field.id === 'disclosure.procurement.amount') cells[field.id] = '251000元';
    else if (field.id === 'disclosure.fees.amount') cells[field.id] = '1163.54';
    else cells[field.id] = String(index % 17);
  });
  return cells;
}

/** The value a printed sample cell stands for (null for a blank). */
export function expectedValue(fieldId: string, printed: string): number | null {
  if (printed === '' || printed === '/' || printed === '—') return null;
  if (fieldId === 'disclosure.procurement.amount' && printed.endsWith('元') && !printed.endsWith('万元')) return Number(printed.slice(0, -1)) / 10000;
  return Number(printed);
}
