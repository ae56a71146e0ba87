import { sectionOfTable } from '../../src/templates/newFormatTables.ts';
import type { TemplateDefinition } from '../../src/templates/TemplateDefinition.ts';
import { createRandom } from '../../src/eval/garble/random.ts';

/**
 * Renders a new-format report's gold values into the layouts the layout readers were not built for (issue 7's
 * measured failures): the whole report on one line, one line per table, running text with page debris and
 * ordinals glued to values, HTML with spacer cells and units in the cells, tab rows hard-wrapped at a fixed
 * width with page footers and repeated headers. Seeded: the same seed gives the same document.
 */
export type AdversarialLayout = 'one-line' | 'table-per-line' | 'flattened-debris' | 'html-spacers' | 'hard-wrap' | 'ocr-letters';

export const ADVERSARIAL_LAYOUTS: readonly AdversarialLayout[] = ['one-line', 'table-per-line', 'flattened-debris', 'html-spacers', 'hard-wrap', 'ocr-letters'];

/** What the renderer needs of a gold file. */
export interface GoldValues {
  readonly agency: string | null;
  readonly year: number | null;
  readonly fields: Readonly<Record<string, number | null>>;
}

interface PrintedTable {
  readonly title: string | undefined;
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly { readonly label: string; readonly values: readonly string[] }[];
}

const GROUP_LABELS: Readonly<Record<string, string>> = {
  granted: '三、本年度办理结果',
  deniedStateSecret: '（三）不予公开',
  unableNotHeld: '（四）无法提供',
  notProcessedComplaint: '（五）不予处理',
  otherOverdueAmendment: '（六）其他处理',
};
const APPLICANT_HEADER = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const APPEALS_HEADER = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
export const seededRandom = createRandom;

function printedTables(template: TemplateDefinition, gold: GoldValues, units: boolean): Record<'二' | '三' | '四', PrintedTable[]> {
  const unitOf = new Map(template.fields.map((field) => [field.id, field.unit]));
  const print = (fieldId: string): string => {
    const value = gold.fields[fieldId];
    if (value === null || value === undefined) return '';
    if (unitOf.get(fieldId) === '万元') return units ? `${value} 万元` : String(value);
    if (fieldId.endsWith('.change') && value > 0) return `+${value}`;
    return String(value);
  };
  const tables = (id: string) => template.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === id);
  const two = tables('二').map((table) => ({
    title: table.heading[2],
    header: [['信息内容', ...table.columns.map((column) => column.labels[0]!)]],
    rows: table.rows.map((row) => ({ label: row.labels[0]!, values: row.cells.filter((cell): cell is string => cell !== null).map(print) })),
  }));
  const threeTable = tables('三')[0]!;
  const three = [{
    title: undefined,
    header: [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ...APPLICANT_HEADER]],
    rows: threeTable.rows.map((row) => {
      const group = GROUP_LABELS[row.key];
      return { label: group ? `${group} ${row.labels[0]!}` : row.labels[0]!, values: row.cells.map((cell) => print(cell!)) };
    }),
  }];
  const appeals = tables('四')[0]!.rows[0]!;
  const four = [{ title: undefined, header: [APPEALS_HEADER], rows: [{ label: '', values: appeals.cells.map((cell) => print(cell!)) }] }];
  return { 二: two, 三: three, 四: four };
}

const HEADINGS = {
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
} as const;

function preamble(gold: GoldValues): string[] {
  return [
    `${gold.agency ?? '某某局'}${gold.year ?? 2020}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${gold.year ?? 2020}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。`,
  ];
}
const CLOSING = ['五、存在的主要问题及改进情况', '信息公开工作仍有不足，下一步将加强培训。', '六、其他需要报告事项', '无。'];

/** Cells of a table in reading order, blank cells left out (a space-separated printing loses them). */
function spacedTable(table: PrintedTable): string {
  const parts: string[] = [];
  if (table.title) parts.push(table.title);
  for (const header of table.header) parts.push(...header);
  for (const row of table.rows) {
    if (row.label) parts.push(row.label);
    parts.push(...row.values.filter((value) => value !== ''));
  }
  return parts.join(' ');
}

/** Renders one layout of a report. */
export function renderAdversarial(template: TemplateDefinition, gold: GoldValues, layout: AdversarialLayout, seed: number): string {
  const random = seededRandom(seed);
  const tables = printedTables(template, gold, layout === 'html-spacers');
  const sections = (['二', '三', '四'] as const);
  switch (layout) {
    case 'one-line':
      return [...preamble(gold), ...sections.flatMap((id) => [HEADINGS[id], ...tables[id].map(spacedTable)]), ...CLOSING].join(' ') + '\n';
    case 'table-per-line':
      return [...preamble(gold), ...sections.flatMap((id) => [HEADINGS[id], ...tables[id].map(spacedTable)]), ...CLOSING].join('\n') + '\n';
    case 'flattened-debris':
      return flattenedWithDebris(gold, tables, random);
    case 'html-spacers':
      return htmlWithSpacers(gold, tables, random);
    case 'hard-wrap':
      return hardWrapped(gold, tables, random);
    case 'ocr-letters':
      return ocrLetters(gold, tables, random);
  }
}

/** Letters OCR reads for digits that no reader repairs (S, Z, B, b), and the bar it reads for 1. */
const OCR_LETTERS: Readonly<Record<string, string>> = { 5: 'S', 2: 'Z', 8: 'B', 6: 'b', 1: '|' };

/**
 * An OCR'd scan: tab rows, one cell per line, or a markdown table (a separator row under each header, as the cells of
 * its rows); in about one value in five, digits read as the letters they look like ("S" for 5, "|927" for 1927; in a
 * markdown row "| 7| |" for 71, a bar among the boundaries). A value so printed cannot be read: it must never come
 * out as a certain value.
 */
function ocrLetters(gold: GoldValues, tables: Record<'二' | '三' | '四', PrintedTable[]>, random: () => number): string {
  const draw = random();
  const style = draw < 1 / 3 ? 'markdown' : draw < 2 / 3 ? 'cell-per-line' : 'tab';
  const garble = (value: string): string => (random() < 0.2
    ? [...value].map((character) => (OCR_LETTERS[character] !== undefined && random() < 0.5 ? OCR_LETTERS[character] : character)).join('')
    : value);
  const printRow = (cells: readonly string[]): string[] => {
    if (style === 'cell-per-line') return cells.map((cell) => cell || ' ');
    if (style === 'markdown') return [`| ${cells.join(' | ')} |`];
    return [cells.join('\t')];
  };
  const lines = [...preamble(gold)];
  for (const id of ['二', '三', '四'] as const) {
    lines.push(HEADINGS[id]);
    for (const table of tables[id]) {
      if (table.title) lines.push(table.title);
      for (const header of table.header) lines.push(...printRow(header));
      const first = table.rows[0];
      const columns = first ? (first.label ? 1 : 0) + first.values.length : 0;
      if (style === 'markdown' && columns > 0) lines.push(`|${'---|'.repeat(columns)}`);
      for (const row of table.rows) lines.push(...printRow([...(row.label ? [row.label] : []), ...row.values.map(garble)]));
    }
  }
  return [...lines, ...CLOSING].join('\n') + '\n';
}

/**
 * Running text: every cell separated by a space, a row ordinal glued to the value before it ("172.没有…"),
 * lines broken at a random width, page footers ("- 3 -", "第 3 页") between lines.
 */
function flattenedWithDebris(gold: GoldValues, tables: Record<'二' | '三' | '四', PrintedTable[]>, random: () => number): string {
  const words: string[] = [];
  for (const id of ['二', '三', '四'] as const) {
    words.push(HEADINGS[id]);
    for (const table of tables[id]) {
      for (const word of spacedTable(table).split(' ')) {
        const previous = words[words.length - 1];
        if (/^\d+\./u.test(word) && previous !== undefined && /\d$/u.test(previous) && random() < 0.7) words[words.length - 1] = previous + word;
        else words.push(word);
      }
    }
  }
  const width = 50 + Math.floor(random() * 50);
  const lines: string[] = [];
  let line = '';
  let page = 2;
  for (const word of words) {
    if (line.length + word.length > width && line !== '') {
      lines.push(line);
      line = '';
      if (random() < 0.15) lines.push(random() < 0.5 ? `- ${page++} -` : `第 ${page++} 页`);
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return [...preamble(gold), ...lines, ...CLOSING].join('\n') + '\n';
}

/** An HTML report: one or two empty spacer cells between a row's label and its values, units inside value cells. */
function htmlWithSpacers(gold: GoldValues, tables: Record<'二' | '三' | '四', PrintedTable[]>, random: () => number): string {
  const spacers = 1 + Math.floor(random() * 2);
  const cell = (text: string) => `<td>${text}</td>`;
  const parts = ['<html><body>', ...preamble(gold).map((text) => `<p>${text}</p>`)];
  for (const id of ['二', '三', '四'] as const) {
    parts.push(`<p>${HEADINGS[id]}</p>`);
    for (const table of tables[id]) {
      parts.push('<table>');
      if (table.title) parts.push(`<tr>${cell(table.title)}</tr>`);
      for (const header of table.header) parts.push(`<tr>${header.map(cell).join('')}</tr>`);
      for (const row of table.rows) parts.push(`<tr>${cell(row.label)}${cell('').repeat(spacers)}${row.values.map(cell).join('')}</tr>`);
      parts.push('</table>');
    }
  }
  parts.push(...CLOSING.map((text) => `<p>${text}</p>`), '</body></html>');
  return parts.join('\n') + '\n';
}

/**
 * Tab rows hard-wrapped at a fixed width (a value may move to the next line), a page footer every so many
 * lines, the header of section 三 repeated after it.
 */
function hardWrapped(gold: GoldValues, tables: Record<'二' | '三' | '四', PrintedTable[]>, random: () => number): string {
  const width = 30 + Math.floor(random() * 40);
  const lines: string[] = [...preamble(gold)];
  let page = 2;
  let sinceFooter = 0;
  const push = (line: string, header: string | undefined) => {
    for (let from = 0; from < line.length; from += width) {
      lines.push(line.slice(from, from + width));
      if (++sinceFooter >= 12) {
        lines.push(`第 ${page++} 页`);
        if (header) lines.push(header);
        sinceFooter = 0;
      }
    }
  };
  for (const id of ['二', '三', '四'] as const) {
    lines.push(HEADINGS[id]);
    for (const table of tables[id]) {
      const header = table.header.map((row) => row.join('\t')).join('\n');
      if (table.title) push(table.title, undefined);
      lines.push(header);
      for (const row of table.rows) push([row.label, ...row.values].join('\t'), id === '三' ? header : undefined);
    }
  }
  return [...lines, ...CLOSING].join('\n') + '\n';
}
