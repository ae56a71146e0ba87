/** The sections of the new-format forms that hold grid tables. */
export type GridSectionId = '二' | '三' | '四';

/** Where a section's table stands in the normalised text. */
export interface SectionRegion {
  readonly start: number;
  readonly end: number;
}

/**
 * A phrase as a pattern that lets spaces and line breaks stand between its characters: narrow table cells wrap
 * their words over lines ("本 列 数 \n据 的 勾 稽"), and a PDF's text often spaces every character.
 */
function phrase(words: string): string {
  // Han characters only, each optionally followed by "?" (an optional character): no other pattern syntax.
  return (words.match(/\p{Script=Han}\??/gu) ?? []).join('\\s*');
}

const ARTICLE_TWENTY_FIRST_ITEM = /第\s*二\s*十\s*条\s*第?\s*[（(]\s*[一1]\s*[)）]\s*项/u;
const SECTION_TWO_FALLBACK = new RegExp(phrase('信息内容'), 'u');
// The section's heading and its second row label come last: OCR damage to the three phrases above them (本列敫据,
// 申请入情况, 申请敫量) must not lose the whole table.
const SECTION_THREE_ANCHORS = [
  new RegExp(phrase('本列数据的?勾稽关系'), 'u'), new RegExp(phrase('申请人情况'), 'u'), new RegExp(phrase('本年新收政府信息公开申请数量'), 'u'),
  new RegExp(phrase('收到和处理政府信息公开申请'), 'u'), new RegExp(phrase('上年结转政府信息公开申请'), 'u'),
];
const SECTION_FOUR_ANCHOR = new RegExp(`${phrase('行政复议')}[\\s\\S]{0,60}?${phrase('行政诉讼')}`, 'u');
const AFTER_SECTION_FOUR = new RegExp(`(?:^|[\\r\\n>])\\s*(?:#+\\s*)?[五六]\\s*[、.．]|${phrase('存在的主要问题')}|<\\/table>`, 'u');
/** Longest stretch read as section 四 when no next heading closes it. */
const SECTION_FOUR_MAX_LENGTH = 4000;
/** Longest stretch read as section 三 when section 四 is not found (HTML markup included). */
const SECTION_THREE_MAX_LENGTH = 60000;
/** Longest stretch read as section 二 when section 三 is not found. */
const SECTION_TWO_MAX_LENGTH = 6000;

/**
 * Finds the table regions of sections 二, 三 and 四 by what only the tables print: 第二十条第（一）项 (or
 * 信息内容) for 二, the 本列数据的勾稽关系 note (or 申请人情况, or the first row label) for 三, the 行政复议 …
 * 行政诉讼 heading for 四, which runs to the next numbered heading. Narrative before the tables is left out.
 * A section whose anchor is missing has no region.
 */
export function findGridSections(text: string): Partial<Record<GridSectionId, SectionRegion>> {
  const twoAnchor = firstMatch(text, [ARTICLE_TWENTY_FIRST_ITEM, SECTION_TWO_FALLBACK], 0);
  const threeAnchor = firstMatch(text, SECTION_THREE_ANCHORS, twoAnchor ?? 0);
  const fourSearchFrom = threeAnchor ?? twoAnchor ?? 0;
  const fourAnchor = firstMatch(text, [SECTION_FOUR_ANCHOR], fourSearchFrom + 1);
  const regions: Partial<Record<GridSectionId, SectionRegion>> = {};
  const threeStart = threeAnchor === undefined ? undefined : regionStart(text, threeAnchor, twoAnchor);
  const fourStart = fourAnchor === undefined ? undefined : regionStart(text, fourAnchor, threeAnchor ?? twoAnchor);
  if (twoAnchor !== undefined) {
    const start = regionStart(text, twoAnchor, undefined);
    const end = threeStart ?? fourStart ?? Math.min(text.length, start + SECTION_TWO_MAX_LENGTH);
    if (end > start) regions['二'] = { start, end };
  }
  if (threeStart !== undefined) {
    const end = fourStart ?? Math.min(text.length, threeStart + SECTION_THREE_MAX_LENGTH);
    if (end > threeStart) regions['三'] = { start: threeStart, end };
  }
  if (fourStart !== undefined && fourAnchor !== undefined) {
    const searchFrom = fourAnchor + 4;
    const limit = Math.min(text.length, searchFrom + SECTION_FOUR_MAX_LENGTH);
    const next = AFTER_SECTION_FOUR.exec(text.slice(searchFrom, limit));
    // The next heading's line stays in the region: the line-break run before it can hold the last blank cells.
    const end = next ? (next[0].startsWith('</') ? searchFrom + next.index + next[0].length : lineEnd(text, searchFrom + next.index + next[0].length)) : limit;
    regions['四'] = { start: fourStart, end };
  }
  return regions;
}

function lineEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  return index;
}

function firstMatch(text: string, patterns: readonly RegExp[], from: number): number | undefined {
  const rest = text.slice(from);
  for (const pattern of patterns) {
    const match = pattern.exec(rest);
    if (match) return from + match.index;
  }
  return undefined;
}

/**
 * The start of the line an anchor stands on, or of the HTML table it stands in (or follows) when that is
 * later; the anchor itself when the previous section's anchor stands on the same line (a table run together
 * on one line).
 */
function regionStart(text: string, anchor: number, previousAnchor: number | undefined): number {
  let lineStart = anchor;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const table = text.lastIndexOf('<table', anchor);
  if (table > lineStart) {
    const closed = text.indexOf('</table>', table);
    if (closed < 0 || closed > anchor) return table;
    // The anchor follows a table that is already closed (a heading between tables on one long HTML line).
    lineStart = Math.max(lineStart, closed + '</table>'.length);
  }
  if (previousAnchor !== undefined && lineStart <= previousAnchor) return anchor;
  // A table run together with the narrative on one long line: what precedes the anchor on that line is the
  // heading and running text, whose numbers ("2748条", "9件") are not cells.
  if (anchor - lineStart > RUN_TOGETHER_PREFIX) return anchor;
  // A wrapped line that opens with the previous table's last cells and rows before this section's numbered heading
  // ("6 0 35 四、结转下年度继续办理 0 0 0 0 0 0 0 四、政府信息公开行政复议、行政诉讼情况"): the section starts at its heading.
  // (The row label 四、结转… numbers itself like a heading: the heading is the numbered one nearest the anchor.)
  const prefix = text.slice(lineStart, anchor);
  const headings = [...prefix.matchAll(NUMBERED_HEADING)];
  const heading = headings[headings.length - 1];
  if (heading && /\p{Nd}/u.test(prefix.slice(0, heading.index))) return lineStart + heading.index;
  return lineStart;
}

/** A numbered heading's ordinal ("四、", "三."). */
const NUMBERED_HEADING = /[一二三四五六七八九十]\s*[、.．]/gu;

/** Longer than any row's leading label or pipe/tab prefix: text before an anchor beyond this is narrative. */
const RUN_TOGETHER_PREFIX = 160;
