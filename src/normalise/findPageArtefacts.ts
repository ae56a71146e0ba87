import { findBareNumberPages } from '../text/bareNumberPages.ts';

/** A span of text to cut, [start, end). */
export interface Cut {
  readonly start: number;
  readonly end: number;
  /** Why: 'page-footer', 'page-number', 'repeated-header'. */
  readonly reason: string;
}

interface Line {
  readonly start: number;
  /** End of the line's text, before its "\n". */
  readonly end: number;
}

/** A line that is only a page footer: "— 3 —", "- 3 -", "-3-", "第 3 页", "第3页 共10页", "3/10", "Page 3 of 10". */
const PAGE_FOOTER = new RegExp(
  [
    String.raw`[-—–―─]{1,2}\s*\d{1,4}\s*[-—–―─]{1,2}`,
    String.raw`第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?`,
    String.raw`共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页`,
    String.raw`\d{1,4}\s*/\s*\d{1,4}`,
    String.raw`[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?`,
  ]
    .map((form) => `(?:${form})`)
    .join('|')
    .replace(/^/, String.raw`^[ \t]*(?:`)
    .concat(String.raw`)[ \t]*$`),
  'u',
);

/** A line that is only a number: a page number when it ends a page of a numbered sequence (bareFooters). */
const BARE_NUMBER = /^[ \t]*(\d{1,3})[ \t]*$/u;
/** Bare page numbers are cut only when this many pages agree on the numbering (one lone number may be a value). */
const MIN_BARE_FOOTERS = 2;

/** A line starting with a page number printed as "NN、" (seed 004: the page number of a converted document). */
const PAGE_NUMBER_PREFIX = /^(\d{1,3})、/u;
/** Sentence ends: a line ending in one of these was not cut in mid-word. */
const SENTENCE_END = /[。；;！!？?：:]\s*$/u;
/** A numbered run is page debris only when its lines are page-long, not list items. */
const MIN_DEBRIS_RUN = 3;
const MIN_DEBRIS_LINE_LENGTH = 60;

/** Cells a list table's header row is made of (统计指标 单位 统计数; provincial: 指标名称 计量单位 …). */
const HEADER_WORDS = new Set(['统计指标', '指标名称', '指标', '单位', '计量单位', '统计数', '统计数据', '数量', '数值', '年度', '历年累计', '序号', '备注']);
const HEADER_ANCHORS = new Set(['统计指标', '指标名称']);
const HEADER_WORDS_LONGEST_FIRST = [...HEADER_WORDS].sort((first, second) => second.length - first.length);

/**
 * Finds what page breaks leave in a converted report: footer lines (— 3 —, 第 3 页), page numbers cut into
 * running text ("政府公报公开政\n22、府信息数": the cut joins the word), and list-table header rows
 * (统计指标 单位 统计数) repeated at the top of each page (the first is kept). Returns the cuts in order.
 */
export function findPageArtefacts(text: string): Cut[] {
  const lines = splitLines(text);
  const cuts: Cut[] = [];
  const kept: Line[] = [];
  const seenHeaders = new Set<string>();
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    if (PAGE_FOOTER.test(content)) {
      cuts.push({ start: line.start, end: lineEndWithBreak(text, line), reason: 'page-footer' });
      continue;
    }
    const header = listHeaderKey(content);
    if (header !== undefined) {
      if (seenHeaders.has(header)) {
        cuts.push({ start: line.start, end: lineEndWithBreak(text, line), reason: 'repeated-header' });
        continue;
      }
      seenHeaders.add(header);
    }
    kept.push(line);
  }
  cuts.push(...pageNumberDebris(text, kept));
  cuts.push(...bareFooters(text, lines));
  for (const page of findBareNumberPages(text, lines)) cuts.push({ start: page.start, end: page.end < text.length ? page.end + 1 : page.end, reason: 'page-footer' });
  return mergeCuts(cuts);
}

/**
 * Lines holding only a number that end a page (the next non-blank line starts with a form feed) are page footers
 * when at least two of them count the pages alike: each is its page's index plus one offset ("2" ending the
 * first page, "3" the second). A lone number before a page break may be a value a page break cut from its row,
 * so a number that does not fit the document's numbering is kept.
 */
function bareFooters(text: string, lines: readonly Line[]): Cut[] {
  const candidates: { line: Line; offset: number }[] = [];
  let page = 0;
  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end);
    page += (content.match(/\f/gu) ?? []).length;
    const number = BARE_NUMBER.exec(content)?.[1];
    if (number === undefined) return;
    let next = index + 1;
    // Blank lines only: trim() would take the form feed for a blank too.
    while (next < lines.length && /^[ \t]*$/u.test(text.slice(lines[next]!.start, lines[next]!.end))) next++;
    if (next < lines.length && text[lines[next]!.start] === '\f') candidates.push({ line, offset: Number(number) - page });
  });
  const agreeing = new Map<number, number>();
  for (const { offset } of candidates) agreeing.set(offset, (agreeing.get(offset) ?? 0) + 1);
  return candidates
    // A page is numbered from 1 at least: "0" ending the first page and "1" the second are values.
    .filter(({ offset }) => offset >= 1 && (agreeing.get(offset) ?? 0) >= MIN_BARE_FOOTERS)
    .map(({ line }) => ({ start: line.start, end: lineEndWithBreak(text, line), reason: 'page-footer' }));
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', start)) {
    lines.push({ start, end: index });
    start = index + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function lineEndWithBreak(text: string, line: Line): number {
  return line.end < text.length ? line.end + 1 : line.end;
}

/** The key of a list-table header row, or undefined when the line is not one. */
function listHeaderKey(content: string): string | undefined {
  if (content.length > 80 || !/[统指]/u.test(content)) return undefined;
  // spaces between the words may already be gone (统计指标 单位 → 统计指标单位), so segment the letters
  const letters = content.replace(/[\s|:-]+/gu, '');
  const words = segmentHeaderWords(letters);
  if (!words || words.length < 2 || !words.some((word) => HEADER_ANCHORS.has(word))) return undefined;
  return words.join('|');
}

/** Splits `letters` into header words, longest first; undefined when it is not made only of them. */
function segmentHeaderWords(letters: string): string[] | undefined {
  const words: string[] = [];
  let position = 0;
  while (position < letters.length) {
    const word = HEADER_WORDS_LONGEST_FIRST.find((candidate) => letters.startsWith(candidate, position));
    if (!word) return undefined;
    words.push(word);
    position += word.length;
  }
  return words;
}

/**
 * Runs of consecutive lines numbered 1、2、3、… whose lines are page-long and mostly cut in mid-sentence are
 * pages of a converted document with their page number glued to the text: the number is cut, and (but for
 * the run's first line) so is the line break before it, which rejoins the word the page break cut.
 */
function pageNumberDebris(text: string, lines: readonly Line[]): Cut[] {
  const cuts: Cut[] = [];
  let index = 0;
  while (index < lines.length) {
    const number = pageNumberOf(text, lines[index]!);
    if (number === undefined) {
      index++;
      continue;
    }
    let end = index + 1;
    while (end < lines.length && pageNumberOf(text, lines[end]!) === number + (end - index)) end++;
    const run = lines.slice(index, end);
    if (isPageDebris(text, run)) {
      run.forEach((line, position) => {
        const prefix = PAGE_NUMBER_PREFIX.exec(text.slice(line.start, line.end))![0].length;
        const start = position === 0 ? line.start : run[position - 1]!.end;
        cuts.push({ start, end: line.start + prefix, reason: 'page-number' });
      });
    }
    index = end;
  }
  return cuts;
}

function pageNumberOf(text: string, line: Line): number | undefined {
  const match = PAGE_NUMBER_PREFIX.exec(text.slice(line.start, Math.min(line.end, line.start + 5)));
  return match ? Number(match[1]) : undefined;
}

function isPageDebris(text: string, run: readonly Line[]): boolean {
  if (run.length < MIN_DEBRIS_RUN) return false;
  const totalLength = run.reduce((sum, line) => sum + (line.end - line.start), 0);
  if (totalLength / run.length < MIN_DEBRIS_LINE_LENGTH) return false;
  let midSentence = 0;
  for (let position = 0; position < run.length - 1; position++) {
    const line = run[position]!;
    if (!SENTENCE_END.test(text.slice(Math.max(line.start, line.end - 3), line.end))) midSentence++;
  }
  return midSentence * 2 >= run.length - 1;
}

/** Sorts cuts and merges overlapping ones (a page-number cut spanning a footer line). */
function mergeCuts(cuts: Cut[]): Cut[] {
  const sorted = [...cuts].sort((first, second) => first.start - second.start);
  const merged: Cut[] = [];
  for (const cut of sorted) {
    const last = merged[merged.length - 1];
    if (last && cut.start <= last.end) merged[merged.length - 1] = { ...last, end: Math.max(last.end, cut.end) };
    else merged.push(cut);
  }
  return merged;
}
