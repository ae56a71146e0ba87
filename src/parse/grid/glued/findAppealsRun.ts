import { readGluedRun, type GluedRun } from './readGluedRun.ts';

/** The 15 cells of section 四 as one run after the section's column headings. */
export interface AppealsRun {
  /** Compact offset of the section heading ("行政复议" where it was found). */
  readonly headingStart: number;
  readonly run: GluedRun;
  /** 1 for the heading as the form prints it, less for a typo such as 行政法复议. */
  readonly labelScore: number;
}

/** Longest stretch of heading text between "行政复议" and the first digit of the section. */
const MAX_HEADER_LENGTH = 260;

/**
 * Finds the digits of section 四 on the compact view, from `from` on: after a "行政复议" (or the typo
 * 行政法复议) whose column headings (…尚未审结, 总计) run up to the first digit with nothing else in between.
 * The same words in the introduction are passed over because no column headings follow them.
 */
export function findAppealsRun(text: string, from: number): AppealsRun | undefined {
  const heading = /行政法?复议/gu;
  heading.lastIndex = from;
  for (let match = heading.exec(text); match; match = heading.exec(text)) {
    const afterHeading = match.index + match[0].length;
    let digit = afterHeading;
    while (digit < text.length && digit - afterHeading <= MAX_HEADER_LENGTH && !/\d/u.test(text[digit]!)) digit++;
    const header = text.slice(afterHeading, digit);
    if (digit >= text.length || digit - afterHeading > MAX_HEADER_LENGTH) continue;
    if (!/审结/u.test(header) || !/总计|合计/u.test(header) || /五、|[。；]/u.test(header)) continue;
    const run = readGluedRun(text, digit, Math.min(text.length, digit + 120), undefined, false);
    if (!run) continue;
    return { headingStart: match.index, run, labelScore: match[0] === '行政复议' ? 1 : 0.9 };
  }
  return undefined;
}
