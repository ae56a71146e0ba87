/** Share of a text's lines that show cells apart (runs of spaces, tabs, pipes) above which it is laid out in cells. */
const MIN_CELLED_LINES = 0.05;

/**
 * Whether a text shows its table cells apart on their lines: runs of three or more spaces (pdftotext -layout
 * aligns columns so) or tabs between words, or pipes. Text in a PDF's reading order joins a line's runs by single
 * spaces or puts each on its own line.
 */
export function laidOutInCells(text: string): boolean {
  let lines = 0;
  let celled = 0;
  for (const line of text.split(/\r\n?|\n/u)) {
    if (line.trim().length < 2) continue;
    lines++;
    // A pipe shows a cell's edge even where the row is broken one cell per line ("3 |"): no PDF draws its rules so.
    if (/\S(?: {3,}|\t+)\S|\|/u.test(line)) celled++;
  }
  return lines > 0 && celled / lines >= MIN_CELLED_LINES;
}
