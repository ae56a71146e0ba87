import type { TableDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';

/** A span of the normalised text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Longest section text sent in one call (characters): a form's section is far shorter. */
export const MAX_SECTION_LENGTH = 12_000;

/** Headings of the report's closing parts, which end the last table section. */
const CLOSING_HEADINGS = ['存在的主要问题及改进情况', '存在的主要问题', '其他需要报告的事项', '其他需要报告事项'];

/**
 * Finds a section of the form the parser left no reading for, by its heading: the occurrence of a heading
 * variant that starts a line wins over one inside a sentence (the report's introduction names every section),
 * and the section ends where the next section's heading, or the report's closing part, begins.
 * `tables` are the tables of the section; undefined when none is found.
 */
export function locateTableSection(text: string, template: TemplateDefinition, tables: readonly TableDefinition[]): TextSpan | undefined {
  const first = tables[0];
  if (!first) return undefined;
  const start = findHeading(text, first.heading, 0, 'last');
  if (start === undefined) return undefined;
  const later = template.tables.slice(template.tables.indexOf(tables[tables.length - 1]!) + 1);
  const endMarkers = [...later.flatMap((table) => table.heading.slice(0, 2)), ...CLOSING_HEADINGS];
  const after = start + 2;
  let end = Math.min(text.length, start + MAX_SECTION_LENGTH);
  for (const marker of endMarkers) {
    const position = findHeading(text, [marker], after, 'first');
    if (position !== undefined && position < end) end = position;
  }
  return { start, end };
}

/**
 * The stretch of text that holds a form's fields when the template defines no table layout for them (a list
 * table): from the first place a field label is printed to the end of the table lines after the last one.
 */
export function locateLabelledRegion(text: string, labels: readonly string[]): TextSpan | undefined {
  let first = Infinity;
  let last = -Infinity;
  let found = 0;
  for (const label of labels) {
    if (label.length < 3) continue;
    const at = text.indexOf(label);
    if (at < 0) continue;
    found++;
    first = Math.min(first, at);
    last = Math.max(last, text.lastIndexOf(label) + label.length);
  }
  // A handful of labels in the narrative is not a table.
  if (found < Math.min(3, labels.length) || !Number.isFinite(first)) return undefined;
  const start = lineStartBefore(text, first);
  return { start, end: endOfTableLines(text, last, start + MAX_SECTION_LENGTH) };
}

/**
 * Extends a table region past its last label over the lines that still look like table content (numbers,
 * units, short cells: the value block of a table printed in column order comes after all its labels), up to
 * the first line of prose or `limit`.
 */
function endOfTableLines(text: string, from: number, limit: number): number {
  let end = text.indexOf('\n', from);
  if (end < 0) return Math.min(text.length, limit);
  while (end < text.length && end < limit) {
    const next = text.indexOf('\n', end + 1);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(end + 1, lineEnd).trim();
    const prose = line.length > 40 && (line.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) > line.length * 0.6 && !/\t|\|/u.test(line);
    if (prose) break;
    end = lineEnd;
    if (next < 0) break;
  }
  return Math.min(end, limit, text.length);
}

/**
 * Where a heading starts: the first occurrence (after `from`) of a variant that starts a line; failing that (a
 * report flattened into one line), an occurrence inside a sentence of the first variant found, the first or
 * the last one as the caller asks (the introduction names every section before the real heading, so a
 * section's start takes the last one).
 */
function findHeading(text: string, variants: readonly string[], from: number, inSentence: 'first' | 'last'): number | undefined {
  const usable = variants.filter((variant) => variant.length >= 4);
  for (const variant of usable) {
    for (let at = text.indexOf(variant, from); at >= 0; at = text.indexOf(variant, at + 1)) {
      const lineStart = lineStartBefore(text, at);
      if (HEADING_PREFIX.test(text.slice(lineStart, at))) return lineStart;
    }
  }
  for (const variant of usable) {
    const at = inSentence === 'first' ? text.indexOf(variant, from) : text.lastIndexOf(variant);
    if (at >= from) return at;
  }
  return undefined;
}

/** What may precede a heading on its line: markup, and the heading's own ordinal. */
const HEADING_PREFIX = /^[\s#*>|]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*$/u;

function lineStartBefore(text: string, position: number): number {
  const newline = text.lastIndexOf('\n', position - 1);
  return newline + 1;
}
