import type { SectionReading } from '../parse/ParseResult.ts';
import type { ExtractionResult } from '../pipeline/extractDocument.ts';
import { sectionOfTable } from '../templates/newFormatTables.ts';
import type { FieldDefinition, TableDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { MappedText } from '../text/MappedText.ts';
import { findPrintedNumbers } from './findPrintedNumbers.ts';
import { locateLabelledRegion, locateTableSection, MAX_SECTION_LENGTH, type TextSpan } from './locateSection.ts';

/** One LLM call to make: a section of the document and the fields still unread in it. */
export interface SectionWork {
  /** "gov-2019/三": the parser's section id, or the section found by its heading. */
  readonly id: string;
  readonly heading: string;
  /** Span of the normalised text sent. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly fields: readonly FieldDefinition[];
  /** `parser`: a section the parser found but could not settle; `located`: found by its heading. */
  readonly origin: 'parser' | 'located';
}

/** The calls worth making for one document, and the fields no call can help. */
export interface SectionPlan {
  readonly work: readonly SectionWork[];
  /** Fields no section of the document could be found for. */
  readonly unlocated: readonly FieldDefinition[];
  /** Fields whose section prints no number at all (an empty table, a report cut off): nothing to read. */
  readonly empty: readonly FieldDefinition[];
}

/**
 * Decides what goes to the LLM: for each section of the form (二, 三, 四; the gov-2014 table) that the parser
 * could not settle or found no trace of, ONE call with the fields in it that the deterministic path did not
 * commit. A field the parser read with certainty (status `auto`) is never sent; a section the parser settled
 * is never sent. The text sent spans what the parser reported for the section and the section as found by its
 * heading (a table printed in column order has its values after all its labels, outside the parser's spans).
 */
export function planSectionWork(extraction: ExtractionResult): SectionPlan {
  const template = extraction.template;
  if (!template) return { work: [], unlocated: [], empty: [] };
  const text = extraction.normalised.text;
  const certain = new Set(extraction.record.fields.filter((field) => field.status !== 'review').map((field) => field.id));
  const fieldById = new Map(template.fields.map((field) => [field.id, field]));
  const tableOf = tablesByField(template);
  const groups = new Map<string, WorkGroup>();
  const groupOf = (fieldId: string): WorkGroup => {
    const table = tableOf.get(fieldId);
    const key = table ? sectionOfTable(table) : 'table';
    let group = groups.get(key);
    if (!group) {
      const tables = table ? template.tables.filter((candidate) => sectionOfTable(candidate) === key) : [];
      group = { id: `${template.id}/${key}`, heading: table?.heading[0] ?? template.title, tables, fields: new Set(), spans: [], parserSections: [] };
      groups.set(key, group);
    }
    return group;
  };

  const covered = new Set<string>();
  for (const section of extraction.parse.sections) {
    const span = normalisedSpanOf(extraction.normalised, section);
    if (span) for (const id of section.fieldIds) covered.add(id);
    if (section.resolved) continue;
    const pending = section.fieldIds.filter((id) => !certain.has(id) && fieldById.has(id));
    const touched = new Set<WorkGroup>();
    for (const id of pending) {
      const group = groupOf(id);
      group.fields.add(id);
      touched.add(group);
    }
    if (!span) continue;
    for (const group of touched) {
      group.spans.push(span);
      group.parserSections.push(section.id);
    }
  }
  for (const field of template.fields) {
    if (!covered.has(field.id) && !certain.has(field.id)) groupOf(field.id).fields.add(field.id);
  }

  const work: SectionWork[] = [];
  const unlocated: FieldDefinition[] = [];
  const empty: FieldDefinition[] = [];
  for (const group of groups.values()) {
    if (group.fields.size === 0) continue;
    const located = group.tables.length > 0
      ? locateTableSection(text, template, group.tables)
      : locateLabelledRegion(text, template.fields.map((field) => coreLabel(field.label)));
    const span = combineSpans(group.spans, located);
    const fields = [...group.fields].map((id) => fieldById.get(id)!);
    if (!span) {
      unlocated.push(...fields);
      continue;
    }
    if (!printsValues(text.slice(span.start, span.end))) {
      empty.push(...fields);
      continue;
    }
    work.push({
      id: group.parserSections.length === 1 ? group.parserSections[0]! : group.id,
      heading: group.heading,
      ...span,
      text: text.slice(span.start, span.end),
      fields,
      origin: group.spans.length > 0 ? 'parser' : 'located',
    });
  }
  return { work, unlocated, empty };
}

/** Fields to send for one section of the form, and where the parser saw it. */
interface WorkGroup {
  readonly id: string;
  readonly heading: string;
  readonly tables: readonly TableDefinition[];
  readonly fields: Set<string>;
  readonly spans: TextSpan[];
  readonly parserSections: string[];
}

/** How far the section found by its heading may lie from the parser's spans and still be joined to them. */
const JOIN_DISTANCE = 2_000;

/** The parser's spans of a section, joined with the section found by its heading when they are near. */
function combineSpans(spans: readonly TextSpan[], located: TextSpan | undefined): TextSpan | undefined {
  if (spans.length === 0) return located;
  let start = Math.min(...spans.map((span) => span.start));
  let end = Math.max(...spans.map((span) => span.end));
  if (located && located.start <= end + JOIN_DISTANCE && located.end >= start - JOIN_DISTANCE) {
    start = Math.min(start, located.start);
    end = Math.max(end, located.end);
  }
  return { start, end: Math.min(end, start + MAX_SECTION_LENGTH) };
}

function tablesByField(template: TemplateDefinition): Map<string, TableDefinition> {
  const tableOf = new Map<string, TableDefinition>();
  for (const table of template.tables) {
    for (const row of table.rows) for (const id of row.cells) if (id !== null) tableOf.set(id, table);
  }
  return tableOf;
}

/** True when a section prints at least one number that is not a row's ordinal ("1.属于国家秘密"). */
function printsValues(sectionText: string): boolean {
  return findPrintedNumbers(sectionText, '').some((number) => !/^\s*[.．、]/u.test(sectionText.slice(number.end)));
}

/** The span of the normalised text whose characters come from the section's span of the original. */
export function normalisedSpanOf(normalised: MappedText, section: Pick<SectionReading, 'start' | 'end'>): TextSpan | undefined {
  let start = -1;
  let end = -1;
  for (let index = 0; index < normalised.text.length; index++) {
    if (normalised.originStart[index]! >= section.start && normalised.originEnd[index]! <= section.end) {
      if (start < 0) start = index;
      end = index + 1;
    }
  }
  if (start < 0) return undefined;
  return { start, end: Math.min(end, start + MAX_SECTION_LENGTH) };
}

/** A field label as printed in a list table: without ordinal ("（一）", "1.", "其中：") or parenthetical note. */
export function coreLabel(label: string): string {
  const last = label.slice(label.lastIndexOf('/') + 1);
  return last
    .replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、|其中[:：])+/u, '')
    .replace(/[（(][^（）()]*[)）]$/u, '')
    .trim();
}
