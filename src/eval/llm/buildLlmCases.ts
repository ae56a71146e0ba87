import { readFileSync } from 'node:fs';
import { goldDocuments } from '../goldDocuments.ts';
import { readGoldFile, type GoldFile } from '../goldFile.ts';
import { applicantColumnDefinitions } from '../../templates/newFormatTables.ts';
import { findTemplate } from '../../templates/registry.ts';
import type { TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { StandInOracle } from './standInModel.ts';

/** A document for the LLM evaluation: its bytes, the true values, and what the stand-in model may know. */
export interface LlmEvaluationCase {
  readonly name: string;
  /** `seed`, `variant`, `wild`: fixtures as they are; `needs-llm`: a seed rewritten so a section needs the LLM. */
  readonly set: 'seeds' | 'variants' | 'wild' | 'needs-llm';
  readonly bytes: Uint8Array;
  readonly gold: GoldFile;
  readonly oracle: StandInOracle;
}

const defaultFixtures = new URL('../../../test/fixtures/', import.meta.url);

/** The seed gold files by prefix. */
export const seedNames: Readonly<Record<string, string>> = {
  '000': '000_b19e0a271049421c',
  '001': '001_f8ed6e34138a7c30',
  '002': '002_2520afaa29647670',
  '003': '003_325a78626e0cba12',
  '004': '004_36f0e1c09a832b79',
};

/** Reads a seed: its text and gold. */
export function readSeed(prefix: string, fixtures: URL = defaultFixtures): { text: string; gold: GoldFile } {
  const name = seedNames[prefix];
  if (!name) throw new RangeError(`no seed ${prefix}`);
  return {
    text: readFileSync(new URL(`corpus/${name}.txt`, fixtures), 'utf8'),
    gold: readGoldFile(new URL(`gold/${name}.json`, fixtures)),
  };
}

/**
 * Every document with gold the LLM evaluation runs on: the seeds, the garbled variants, the wild reports that
 * have gold (wild-gold/), and the documents built so that a section needs the LLM (llmCases).
 */
export function evaluationCases(fixtures: URL = defaultFixtures): LlmEvaluationCase[] {
  const cases: LlmEvaluationCase[] = [];
  const sets = [['seeds', 'gold/', 'corpus/'], ['variants', 'variants/gold/', 'variants/'], ['wild', 'wild-gold/', 'wild/']] as const;
  for (const [set, goldDirectory, documentDirectory] of sets) {
    for (const { gold, bytes } of goldDocuments(new URL(goldDirectory, fixtures), new URL(documentDirectory, fixtures))) {
      cases.push({ name: gold.document, set, bytes, gold, oracle: goldOracle(gold) });
    }
  }
  return [...cases, ...llmCases(fixtures)];
}

/**
 * Documents whose tables no rule-based reading can be trusted on, built from the seeds' gold values:
 * - 002 with section 三 printed as PDF extraction gives it: labels in one block, then every cell one per line
 *   in COLUMN order (blank cells leave no line);
 * - 002 with sections 二 and 四 written as prose (a narrative-only report);
 * - 000, 001, 003 with the gov-2014 table in column order (labels, then units, then values).
 */
export function llmCases(fixtures: URL = defaultFixtures): LlmEvaluationCase[] {
  const encode = (text: string) => new TextEncoder().encode(text);
  const cases: LlmEvaluationCase[] = [];
  const seed002 = readSeed('002', fixtures);
  const columnOrder = columnOrderSectionThree(seed002.text, seed002.gold);
  cases.push({
    name: '002_section3_column_order.txt', set: 'needs-llm', bytes: encode(columnOrder.text), gold: { ...seed002.gold, document: '002_section3_column_order.txt' },
    oracle: goldOracle(seed002.gold, columnOrder.cellOrder),
  });
  cases.push({
    name: '002_narrative_sections.txt', set: 'needs-llm', bytes: encode(narrativeSections(seed002.text, seed002.gold)),
    gold: { ...seed002.gold, document: '002_narrative_sections.txt' }, oracle: goldOracle(seed002.gold),
  });
  for (const prefix of ['000', '001', '003']) {
    const seed = readSeed(prefix, fixtures);
    const built = columnOrderListTable(seed.text, seed.gold);
    const name = `${prefix}_table_column_order.txt`;
    cases.push({ name, set: 'needs-llm', bytes: encode(built.text), gold: { ...seed.gold, document: name }, oracle: goldOracle(seed.gold, built.cellOrder) });
  }
  return cases;
}

/**
 * An oracle from gold values; with `cellOrder` (field ids in the order their values are printed one per line),
 * it also knows which printed line holds each field, as a careful reader of the layout would.
 */
export function goldOracle(gold: GoldFile, cellOrder?: readonly string[]): StandInOracle {
  return {
    valueOf: (fieldId) => gold.fields[fieldId],
    locate: cellOrder ? (fieldId, sectionText) => locateInValueLines(sectionText, cellOrder, fieldId) : undefined,
  };
}

/** Index of the k-th line of the trailing block of number-only lines, where k is the field's place in `cellOrder`. */
function locateInValueLines(sectionText: string, cellOrder: readonly string[], fieldId: string): number | undefined {
  const index = cellOrder.indexOf(fieldId);
  if (index < 0) return undefined;
  const starts: number[] = [];
  let position = 0;
  for (const line of sectionText.split('\n')) {
    if (/^\s*[+-]?\d+(?:\.\d+)?\s*$/u.test(line)) starts.push(position + line.search(/\S/u));
    else if (starts.length < cellOrder.length) starts.length = 0; // the value block is the last run of number lines
    position += line.length + 1;
  }
  const block = starts.slice(-cellOrder.length);
  return block.length === cellOrder.length ? block[index] : undefined;
}

function template(id: string): TemplateDefinition {
  const found = findTemplate(id);
  if (!found) throw new RangeError(`no template ${id}`);
  return found;
}

/** Replaces text[from heading start, to next heading start) by `replacement`. */
function replaceBetween(text: string, startMarker: string, endMarker: string, replacement: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  if (start < 0 || end < 0) throw new RangeError(`markers not found: ${startMarker} … ${endMarker}`);
  return `${text.slice(0, start)}${replacement}${text.slice(end)}`;
}

function printed(value: number | null, signed = false): string {
  if (value === null) return '';
  return signed && value > 0 ? `+${value}` : String(value);
}

/**
 * Section 三 of 002 with its cells one per line in column order. `cellOffsets` gives where each printed cell
 * starts in the returned text (blank cells print nothing and have none).
 */
export function columnOrderSectionThree(text: string, gold: GoldFile): { text: string; cellOrder: string[]; cellOffsets: Map<string, number> } {
  const definition = template(gold.template);
  const table = definition.tables.find((candidate) => candidate.id === '三');
  if (!table) throw new RangeError('no section 三');
  const lines = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)',
    '申请人情况',
    '自然人',
    '法人或其他组织',
    ...applicantColumnDefinitions.slice(1, 6).map((column) => column.labels[0]!),
    '总计',
    ...table.rows.map((row) => row.labels[0]!),
  ];
  const cellOrder: string[] = [];
  const lineOf = new Map<string, number>();
  for (let column = 0; column < table.columns.length; column++) {
    for (const row of table.rows) {
      const fieldId = row.cells[column];
      if (!fieldId) continue;
      const value = gold.fields[fieldId];
      if (value === null || value === undefined) continue;
      lineOf.set(fieldId, lines.length);
      lines.push(printed(value));
      cellOrder.push(fieldId);
    }
  }
  const startMarker = '三、收到和处理政府信息公开申请情况\n';
  const replaced = replaceBetween(text, startMarker, '四、政府信息公开行政复议、行政诉讼情况', `${lines.join('\n')}\n\n`);
  const sectionStart = text.indexOf(startMarker);
  const lineStarts: number[] = [];
  let offset = sectionStart;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const cellOffsets = new Map([...lineOf].map(([fieldId, line]) => [fieldId, lineStarts[line]!]));
  return { text: replaced, cellOrder, cellOffsets };
}

/** Sections 二 and 四 of 002 written as sentences. */
export function narrativeSections(text: string, gold: GoldFile): string {
  const value = (id: string) => gold.fields[id] ?? null;
  const count = (id: string, unit: string) => (value(id) === null ? '未填报' : `${value(id)}${unit}`);
  const change = (id: string) => {
    const v = value(id);
    if (v === null) return '未填报';
    return v > 0 ? `增加${v}项` : v < 0 ? `减少${-v}项` : '无增减';
  };
  const sectionTwo = [
    '二、主动公开政府信息情况',
    `本年度新制作规章${count('disclosure.rules.newlyMade', '件')}，新公开规章${count('disclosure.rules.newlyPublished', '件')}，对外公开规章总数量${count('disclosure.rules.totalPublic', '件')}。` +
      `本年新制作规范性文件${count('disclosure.normativeDocs.newlyMade', '件')}，新公开规范性文件${count('disclosure.normativeDocs.newlyPublished', '件')}，对外公开规范性文件总数量${count('disclosure.normativeDocs.totalPublic', '件')}。`,
    `行政许可上一年项目数量为${count('disclosure.licensing.prevYearItems', '项')}，本年${change('disclosure.licensing.change')}，处理决定${count('disclosure.licensing.decisions', '件')}。` +
      `其他对外管理服务事项上一年项目数量为${count('disclosure.otherServices.prevYearItems', '项')}，本年${change('disclosure.otherServices.change')}，处理决定${count('disclosure.otherServices.decisions', '件')}。`,
    `行政处罚上一年项目数量为${count('disclosure.penalties.prevYearItems', '项')}，本年${change('disclosure.penalties.change')}，处理决定${count('disclosure.penalties.decisions', '件')}。` +
      `行政强制上一年项目数量为${count('disclosure.enforcement.prevYearItems', '项')}，本年${change('disclosure.enforcement.change')}，处理决定${count('disclosure.enforcement.decisions', '件')}。`,
    `行政事业性收费上一年项目数量为${count('disclosure.fees.prevYearItems', '项')}，本年${change('disclosure.fees.change')}。` +
      `政府集中采购项目数量${count('disclosure.procurement.projects', '项')}，采购总金额${count('disclosure.procurement.amount', '万元')}。`,
    '',
    '',
  ].join('\n');
  const appeals = (group: string, name: string) =>
    `${name}结果维持${count(`${group}.upheld`, '件')}，结果纠正${count(`${group}.corrected`, '件')}，其他结果${count(`${group}.other`, '件')}，尚未审结${count(`${group}.pending`, '件')}，总计${count(`${group}.total`, '件')}`;
  const sectionFour = [
    '四、政府信息公开行政复议、行政诉讼情况',
    `本年度${appeals('reconsideration', '行政复议：')}。行政诉讼中，${appeals('litigationDirect', '未经复议直接起诉的，')}；${appeals('litigationAfterReconsideration', '复议后起诉的，')}。`,
    '',
    '',
  ].join('\n');
  const withTwo = replaceBetween(text, '二、主动公开政府信息情况\n', '三、收到和处理政府信息公开申请情况\n', sectionTwo);
  return replaceBetween(withTwo, '四、政府信息公开行政复议、行政诉讼情况\n', '五、存在的主要问题及改进情况', sectionFour);
}

/** A gov-2014 report whose table is printed in column order: every label, then every unit, then every value. */
export function columnOrderListTable(text: string, gold: GoldFile): { text: string; cellOrder: string[] } {
  const definition = template(gold.template);
  const cut = [text.indexOf('\n政府信息公开情况统计表'), text.indexOf('\n统计指标')].filter((at) => at >= 0);
  const narrative = cut.length > 0 ? text.slice(0, Math.min(...cut)) : text;
  const fields = definition.fields;
  const cellOrder: string[] = [];
  const values: string[] = [];
  for (const field of fields) {
    const value = gold.fields[field.id];
    if (value === null || value === undefined) continue;
    values.push(printed(value));
    cellOrder.push(field.id);
  }
  const table = ['', '政府信息公开情况统计表', '统计指标', '单位', '统计数', ...fields.map((field) => field.label), ...fields.map((field) => field.unit), ...values, ''];
  return { text: `${narrative}${table.join('\n')}`, cellOrder };
}
