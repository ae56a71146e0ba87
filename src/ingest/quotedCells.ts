import { MappedTextBuilder, type MappedText } from '../text/MappedText.ts';

/** Lines holding a tab or a comma a text must print before its quoted fields are read as a spreadsheet's. */
const MIN_SEPARATED_LINES = 5;
/** Most line breaks one quoted field spans (a long label a spreadsheet cell wrapped). */
const MAX_FIELD_LINES = 4;
/** Longest quoted field, quotes excluded. */
const MAX_FIELD_LENGTH = 200;

const QUOTE = 0x22;
const TAB = 0x09;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;

/**
 * Cells a spreadsheet quoted when it saved its rows as text: a cell holding a line break (a long label wrapped in
 * its cell: "\"一、本年新收\n政府信息公开申请数量\"\t70\t36") or a quote is written between quotes, and its line
 * breaks end no row. Each line break inside such a field is cut, so the row is one line again; in tab-separated rows
 * the quotes become spaces (the cell as printed), in comma-separated rows they stay for commaSeparatedRows, which reads
 * them with the commas they may hold. A field counts as quoted only from a quote opening a line or following a tab or
 * comma to a quote closing the line or followed by a tab or comma, with no tab inside, and only in a text of at least
 * MIN_SEPARATED_LINES lines holding tabs or commas: prose keeps its quotes and its lines.
 */
export function quotedCells(view: MappedText): MappedText {
  const text = view.text;
  if (text.indexOf('"') < 0 || !hasSeparatedLines(text)) return view;
  const builder = new MappedTextBuilder(view);
  let copiedTo = 0;
  const replace = (at: number, replacement: string): void => {
    builder.copy(copiedTo, at);
    builder.replace(at, at + 1, replacement);
    copiedTo = at + 1;
  };
  let changed = false;
  for (let open = text.indexOf('"'); open >= 0; open = text.indexOf('"', open + 1)) {
    const before = open === 0 ? LINE_FEED : text.charCodeAt(open - 1);
    if (before !== LINE_FEED && before !== TAB && before !== COMMA) continue;
    const field = closingQuote(text, open);
    if (field === undefined) continue;
    const after = field.close + 1 >= text.length ? LINE_FEED : text.charCodeAt(field.close + 1);
    const tabSeparated = before === TAB || after === TAB || (before === LINE_FEED && after === LINE_FEED && lineHasTab(text, open));
    if (!tabSeparated && field.lineBreaks.length === 0) {
      open = field.close;
      continue;
    }
    if (tabSeparated) replace(open, ' ');
    for (const lineBreak of field.lineBreaks) replace(lineBreak, '');
    if (tabSeparated) replace(field.close, ' ');
    changed = true;
    open = field.close;
  }
  if (!changed) return view;
  builder.copy(copiedTo, text.length);
  return builder.build();
}

/**
 * The quote closing the field opened at `open` and the line breaks inside it; undefined when the field holds a tab,
 * spans too many lines or characters, or its closing quote is not followed by a tab, a comma or the line's end. A
 * doubled quote inside the field is a quote of its text.
 */
function closingQuote(text: string, open: number): { close: number; lineBreaks: number[] } | undefined {
  const lineBreaks: number[] = [];
  const limit = Math.min(text.length, open + 1 + MAX_FIELD_LENGTH + 1);
  for (let index = open + 1; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === TAB) return undefined;
    if (code === LINE_FEED) {
      lineBreaks.push(index);
      if (lineBreaks.length > MAX_FIELD_LINES) return undefined;
    } else if (code === QUOTE) {
      if (text.charCodeAt(index + 1) === QUOTE) {
        index++;
        continue;
      }
      const after = index + 1 >= text.length ? LINE_FEED : text.charCodeAt(index + 1);
      return after === TAB || after === COMMA || after === LINE_FEED ? { close: index, lineBreaks } : undefined;
    }
  }
  return undefined;
}

function hasSeparatedLines(text: string): boolean {
  let count = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes('\t') || line.includes(',')) count++;
    if (count >= MIN_SEPARATED_LINES) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

function lineHasTab(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return text.slice(start, end).includes('\t');
}
