import { findTemplate } from '../../templates/registry.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import { rowLabels2019, rowLabels2021 } from './formRowLabels.ts';
import type { FormBlock, FormCell, FormRow, FormTable, PrintedForm } from './PrintedForm.ts';
import { integer, pick, type Random } from './random.ts';
import type { SourceDocument } from './sourceDocuments.ts';

/**
 * Prints a labelled document's values into its form as the real reports do (wording from test/fixtures/wild:
 * title with agency and year, the 《条例》 lead paragraph, 一、总体情况 with a few numbers in the prose, the
 * section headings, the tables with their merged header cells, the closing sections, agency and date).
 * Rows, columns and field ids come from the template definition (src/templates); the section-三 group labels
 * from formRowLabels. A cell the gold does not list is printed blank (it is not scored).
 */
/** How the form itself is printed, before any layout. */
export interface PrintOptions {
  /**
   * A gov-2021 form printed with the 2019 form's single （六）其他处理 row (real reports do: hongze 2023/2024): its
   * cells print the sums of the three sub-rows, which are not printed.
   */
  readonly combinedOtherRow?: boolean;
}

export function buildPrintedForm(source: SourceDocument, next: Random, options: PrintOptions = {}): PrintedForm {
  const template = findTemplate(source.template);
  if (!template) throw new Error(`buildPrintedForm: no template ${source.template}`);
  const agency = source.agency ?? source.agencyAliases[0] ?? '某某县人民政府办公室';
  const year = source.year ?? template.years[0];
  const amounts = new Set(template.fields.filter((field) => field.unit === '万元').map((field) => field.id));
  const value = (field: string): FormCell => {
    const printed = source.fields[field] ?? null;
    return { text: printed === null ? '' : String(printed), role: 'value', field, value: printed, ...(amounts.has(field) ? { amount: true } : {}) };
  };
  const number = (field: string) => source.fields[field];
  const blocks: FormBlock[] = [
    { kind: 'title', text: pick(next, [`${agency}${year}年政府信息公开工作年度报告`, `${agency} ${year} 年政府信息公开工作年度报告`, `${year}年${agency}政府信息公开工作年度报告`]) },
    ...leadParagraphs(agency, year, next).map((text): FormBlock => ({ kind: 'paragraph', text })),
  ];
  if (template.id === 'gov-2014') {
    const received = number('requests.received');
    const published = number('active.total');
    blocks.push(
      { kind: 'heading', text: '一、概述' },
      { kind: 'paragraph', text: `${year}年，${agency}认真贯彻落实《条例》和上级部署，建立健全政府信息公开工作机制，全年工作运行平稳。` },
      { kind: 'heading', text: '二、主动公开政府信息情况' },
      { kind: 'paragraph', text: published === null || published === undefined ? '全年通过门户网站等渠道主动公开政府信息。' : `全年主动公开政府信息${published}条，其中通过政府网站公开${number('active.viaWebsite') ?? 0}条。` },
      { kind: 'heading', text: '三、依申请公开政府信息情况' },
      { kind: 'paragraph', text: received === null || received === undefined ? '依法依规办理政府信息公开申请。' : `全年共受理政府信息公开申请${received}件，均在法定期限内答复。` },
      { kind: 'heading', text: '四、政府信息公开的收费及减免情况' },
      { kind: 'paragraph', text: '本年度未收取政府信息公开相关费用。' },
      { kind: 'heading', text: '五、因政府信息公开申请行政复议、提起行政诉讼的情况' },
      { kind: 'paragraph', text: appealsParagraph(number('reconsideration.total'), number('litigation.total')) },
      { kind: 'heading', text: pick(next, ['附件：政府信息公开情况统计表', '政府信息公开情况统计表', `${agency}${year}年度政府信息公开情况统计表`]) },
      { kind: 'table', table: listTable(template, value) },
      { kind: 'heading', text: '六、存在的主要问题及改进措施' },
      { kind: 'paragraph', text: '公开内容还不够丰富，下一步将加强培训，规范公开流程。' },
    );
  } else {
    const received = number('applications.newReceived.total');
    blocks.push(
      { kind: 'heading', text: '一、总体情况' },
      { kind: 'paragraph', text: `（一）主动公开。${year}年，我单位通过门户网站、政务新媒体等渠道主动公开各类政府信息${integer(next, 40, 3000)}条，发布政策解读${integer(next, 1, 60)}篇。` },
      { kind: 'paragraph', text: received === null || received === undefined ? '（二）依申请公开。本年度依法依规办理政府信息公开申请，按时答复率100%。' : `（二）依申请公开。全年共收到政府信息公开申请${received}件，均在法定期限内答复。` },
      { kind: 'paragraph', text: '（三）政府信息管理。严格落实“先审查、后公开”和“一事一审”制度，全年未发生泄密事件。' },
      { kind: 'heading', text: '二、主动公开政府信息情况' },
      ...sectionTables(template, '二').map((table): FormBlock => ({ kind: 'table', table: sectionTwoTable(table, value) })),
      { kind: 'heading', text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'table', table: applicationsTable(template, value, options.combinedOtherRow === true) },
      { kind: 'heading', text: '四、政府信息公开行政复议、行政诉讼情况' },
      { kind: 'table', table: appealsTable(template, value) },
      { kind: 'heading', text: '五、存在的主要问题及改进情况' },
      { kind: 'paragraph', text: '（一）存在的主要问题。政策解读形式较为单一，信息公开的及时性有待提高。（二）改进措施。一是丰富解读形式；二是加强人员培训；三是完善审核机制。' },
      { kind: 'heading', text: '六、其他需要报告的事项' },
      { kind: 'paragraph', text: `本年度未收取信息处理费。${agency}${year}年度政务公开工作要点落实情况已在门户网站公开。` },
    );
  }
  blocks.push({ kind: 'paragraph', text: agency }, { kind: 'paragraph', text: `${year + 1}年${integer(next, 1, 3)}月${integer(next, 10, 28)}日` });
  return { template: template.id, agency, year, blocks };
}

function leadParagraphs(agency: string, year: number, next: Random): string[] {
  return [
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制。` +
      `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${agency}办公室联系（电话：0${integer(next, 10, 99)}-${integer(next, 60000000, 89999999)}）。`,
  ];
}

function sectionTables(template: TemplateDefinition, section: string): TableDefinition[] {
  return template.tables.filter((table) => sectionOfTable(table) === section);
}

const cell = (text: string, role: FormCell['role'], colspan = 1, rowspan = 1): FormCell => ({
  text, role, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}),
});
const row = (cells: FormCell[], header = false, coveredBy?: string): FormRow => ({ cells, header, ...(coveredBy ? { coveredBy } : {}) });

/** The gov-2014 统计指标 / 单位 / 统计数 table: heading rows across, value rows label | unit | value. */
function listTable(template: TemplateDefinition, value: (field: string) => FormCell): FormTable {
  const table = template.tables[0]!;
  const rows: FormRow[] = [row([cell('统计指标', 'header'), cell('单位', 'header'), cell('统计数', 'header')], true)];
  for (const definition of table.rows) {
    const field = definition.cells[0];
    if (!field) rows.push(row([cell(definition.labels[0]!, 'label', 3)]));
    else rows.push(row([cell(definition.labels[0]!, 'label'), cell(definition.unit ?? '', 'unit'), value(field)]));
  }
  return { id: table.id, section: 'list', rows };
}

/** One small table of section 二: the 第二十条 item title across, 信息内容 + column headers, the value rows. */
function sectionTwoTable(table: TableDefinition, value: (field: string) => FormCell): FormTable {
  const printed = table.columns.map((_, index) => table.rows.some((definition) => definition.cells[index] !== null));
  const columns = table.columns.filter((_, index) => printed[index]);
  const width = 1 + columns.length;
  // The form's section-二 tables are four cells wide; narrower ones stretch their last cell.
  const stretch = (cells: FormCell[]): FormCell[] => cells.map((item, index) => (index === cells.length - 1 && width < 4 ? { ...item, colspan: 4 - width + 1 } : item));
  const rows: FormRow[] = [
    row([cell(table.heading[2] ?? '', 'title', 4)], true),
    row(stretch([cell('信息内容', 'header'), ...columns.map((column) => cell(column.labels[0]!, 'header'))]), true),
  ];
  for (const definition of table.rows) {
    const cells = definition.cells.filter((field, index): field is string => printed[index] === true && field !== null);
    rows.push(row(stretch([cell(definition.labels[0]!, 'label'), ...cells.map(value)])));
  }
  return { id: table.id, section: '二', rows };
}

const APPLICANT_HEADERS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const TOP_ROW = /^[一二四]、/u;

/** Section 三: three header rows with merged cells, a label area three cells wide, group labels merged down. */
function applicationsTable(template: TemplateDefinition, printedValue: (field: string) => FormCell, combinedOtherRow: boolean): FormTable {
  const full = sectionTables(template, '三')[0]!;
  const combine = combinedOtherRow && template.id === 'gov-2021';
  const labels = template.id === 'gov-2021' && !combine ? rowLabels2021 : rowLabels2019;
  const table = combine ? { ...full, rows: full.rows.filter((definition) => !COMBINED_AWAY.has(definition.key)) } : full;
  const value = combine ? combinedValue(printedValue) : printedValue;
  const rows: FormRow[] = [
    row([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'header', 3, 3), cell('申请人情况', 'header', 7)], true),
    row([cell('自然人', 'header', 1, 2), cell('法人或其他组织', 'header', 5), cell('总计', 'header', 1, 2)], true),
    row(APPLICANT_HEADERS.map((text) => cell(text, 'header')), true),
  ];
  const keys = table.rows.map((definition) => definition.key);
  const groupOf = keys.map((key) => labels[key]![0]);
  // How many rows a group label spans: itself and the following rows with no group label of their own.
  const span = (index: number) => {
    let end = index + 1;
    while (end < keys.length && groupOf[end] === '' && !TOP_ROW.test(groupOf[end]!)) end++;
    return end - index;
  };
  const outcomes = keys.filter((key) => !TOP_ROW.test(labels[key]![0])).length;
  let group = '';
  let outerOpen = false;
  table.rows.forEach((definition, index) => {
    const [head, tail] = labels[definition.key]!;
    const values = definition.cells.map((field) => value(field!));
    if (TOP_ROW.test(head)) {
      outerOpen = false;
      group = '';
      rows.push(row([cell(head, 'label', 3), ...values]));
    } else if (head === '三、本年度办理结果') {
      outerOpen = true;
      group = '';
      rows.push(row([cell(head, 'label', 1, outcomes), cell(tail, 'label', 2), ...values]));
    } else if (head !== '' && tail !== '') {
      group = head;
      rows.push(row([cell(head, 'label', 1, span(index)), cell(tail, 'label'), ...values], false, outerOpen ? '三、本年度办理结果' : undefined));
    } else if (head !== '') {
      group = '';
      rows.push(row([cell(head, 'label', 2), ...values], false, outerOpen ? '三、本年度办理结果' : undefined));
    } else {
      rows.push(group === ''
        ? row([cell(tail, 'label', 2), ...values], false, '三、本年度办理结果')
        : row([cell(tail, 'label'), ...values], false, group));
    }
  });
  return { id: table.id, section: '三', rows };
}

/**
 * The combined （六）其他处理 row as the gov-2021 template's older printing defines it: the row that prints the sums
 * (otherHandling) and the sub-rows it stands for. The others are left out of the printed table.
 */
const COMBINED_ROW = combinedRowOf('gov-2021');
const COMBINED_AWAY = new Set(COMBINED_ROW.parts.filter((key) => key !== COMBINED_ROW.printed));
const COMBINED_PREFIX = `applications.${COMBINED_ROW.printed}.`;

function combinedRowOf(templateId: string): { readonly printed: string; readonly parts: readonly string[] } {
  const combined = findTemplate(templateId)?.printings?.find((printing) => printing.id === 'combined-other-row')?.combinedRow;
  if (!combined) throw new Error(`buildPrintedForm: ${templateId} has no combined-other-row printing`);
  return combined;
}

/** Cell printer for a form with a combined （六） row: an otherHandling cell prints the three sub-rows' sum. */
function combinedValue(value: (field: string) => FormCell): (field: string) => FormCell {
  return (field) => {
    if (!field.startsWith(COMBINED_PREFIX)) return value(field);
    const column = field.slice(field.lastIndexOf('.') + 1);
    const parts = COMBINED_ROW.parts.map((row) => value(`applications.${row}.${column}`).value ?? null);
    const printed = parts.every((part) => part === null) ? null : parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
    return { ...value(field), text: printed === null ? '' : String(printed), value: printed };
  };
}

/**
 * The gold of the sub-rows a combined （六） row stands for: 0 where the combined cell prints 0, blank where it is
 * blank, and unknowable (dropped from the gold, not scored) where it prints more than 0.
 */
export function combinedRowGold(fields: Readonly<Record<string, number | null>>): Record<string, number | null> {
  const gold: Record<string, number | null> = { ...fields };
  for (const id of Object.keys(fields)) {
    if (!id.startsWith(COMBINED_PREFIX)) continue;
    const column = id.slice(id.lastIndexOf('.') + 1);
    const partIds = COMBINED_ROW.parts.map((row) => `applications.${row}.${column}`);
    const parts = partIds.map((partId) => fields[partId] ?? null);
    // A blank combined cell keeps its parts' blanks; a printed 0 makes each part 0 (counts are non-negative).
    if (parts.every((part) => part === null)) continue;
    const sum = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
    for (const partId of partIds) {
      if (!(partId in fields)) continue;
      if (sum === 0) gold[partId] = 0;
      else delete gold[partId];
    }
  }
  return gold;
}

const APPEAL_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Section 四: 行政复议 ×5 and 行政诉讼 (未经复议直接起诉 ×5, 复议后起诉 ×5) over three header rows, one value row. */
function appealsTable(template: TemplateDefinition, value: (field: string) => FormCell): FormTable {
  const table = sectionTables(template, '四')[0]!;
  return {
    id: table.id,
    section: '四',
    rows: [
      row([cell('行政复议', 'header', 5), cell('行政诉讼', 'header', 10)], true),
      row([...APPEAL_PARTS.map((text) => cell(text, 'header', 1, 2)), cell('未经复议直接起诉', 'header', 5), cell('复议后起诉', 'header', 5)], true),
      row([...APPEAL_PARTS, ...APPEAL_PARTS].map((text) => cell(text, 'header')), true),
      row(table.rows[0]!.cells.map((field) => value(field!))),
    ],
  };
}

/**
 * What the old form's narrative says of appeals, as the table has it: "none" only when both totals are 0 (a report
 * whose narrative contradicts its table is a different document, one the engine rightly sends to review).
 */
function appealsParagraph(reconsideration: number | null | undefined, litigation: number | null | undefined): string {
  if (reconsideration === 0 && litigation === 0) return '本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。';
  if (typeof reconsideration === 'number' && typeof litigation === 'number') {
    return `本年度因政府信息公开申请提起行政复议${reconsideration}件、行政诉讼${litigation}件。`;
  }
  return '因政府信息公开申请行政复议、提起行政诉讼的情况见统计表。';
}
