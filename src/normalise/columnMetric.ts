/**
 * How a text laid out in display columns measures them: in characters (`pdftotext -layout`: one grid cell a
 * character, whatever its width) or in display width (tools that give CJK and full-width forms two columns). The two
 * differ only past CJK words, so a row's label shifts its numbers in the one and not in the other.
 */
export type ColumnMetric = 'chars' | 'display';

/** Display width of one character: CJK and full-width forms two columns, everything else one. */
export function characterWidth(codePoint: number): number {
  return codePoint >= 0x2e80 ? 2 : 1;
}

/** Display width of a text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidth(character.codePointAt(0)!);
  return width;
}

/** Longest line looked at: a table row laid out on a page is far shorter (a flattened table is one long line). */
export const MAX_LINE = 400;

/**
 * The metric in which a text's table rows line up: rows whose labels differ in length put their numbers in the same
 * columns in the right metric only. Counted over consecutive lines of words and numbers (a table's rows, a list's
 * label, unit and value): the number ends one line shares with the next, in each metric; characters when they tie
 * (pdftotext's grid).
 */
export function columnMetric(text: string): ColumnMetric {
  return measuredMetric(text) ?? 'chars';
}

/**
 * The metric the text's rows show, or undefined when they show none (no two lines share a number end in either
 * metric more often than in the other): a caller with a default of its own keeps it then.
 */
export function measuredMetric(text: string): ColumnMetric | undefined {
  // Asked again for the same texts by each section's check (parse/grid/digitsAboveOrBelow), for the decoded text and
  // the normalised one in turn: the last two answers are kept.
  for (const entry of recent) if (entry.text === text) return entry.metric;
  const metric = measureColumnMetric(text);
  recent.unshift({ text, metric });
  recent.length = Math.min(recent.length, RECENT_TEXTS);
  return metric;
}

const RECENT_TEXTS = 2;

/** Lines between two rows of one table at most: a row's label may wrap over a few lines around its numbers. */
const MAX_ROW_DISTANCE = 6;
const recent: { text: string; metric: ColumnMetric | undefined }[] = [];

function measureColumnMetric(text: string): ColumnMetric | undefined {
  const scores = { chars: 0, display: 0 };
  let previous: { chars: Set<number>; display: Set<number>; line: number } | undefined;
  let lineNumber = -1;
  // A form feed starts a page in no column: pdftotext writes it before the page's first line.
  for (const line of text.split(/\r\n|\r|\n|\f/u)) {
    lineNumber++;
    if (line.length > MAX_LINE) continue;
    const ends = { chars: new Set<number>(), display: new Set<number>() };
    let words = false;
    let numbers = 0;
    let displayX = 0;
    let charX = 0;
    for (const match of line.matchAll(/\S+/gu)) {
      displayX += displayWidth(line.slice(charX, match.index)) + displayWidth(match[0]);
      charX = match.index + match[0].length;
      if (!/^[0-9０-９]+$/u.test(match[0])) {
        words = true;
        continue;
      }
      numbers++;
      ends.chars.add(charX);
      ends.display.add(displayX);
    }
    if (numbers === 0 || !words) continue;
    // Only rows of one table line up: a title's year far above a table's first row ending in the same column tells
    // nothing (seed 4575, variant 663: the title's "2020" made a display-width table measure in characters).
    if (previous && lineNumber - previous.line <= MAX_ROW_DISTANCE) {
      for (const metric of ['chars', 'display'] as const) {
        for (const end of ends[metric]) if (previous[metric].has(end)) scores[metric]++;
      }
    }
    previous = { ...ends, line: lineNumber };
  }
  return scores.display > scores.chars ? 'display' : scores.chars > scores.display ? 'chars' : undefined;
}
