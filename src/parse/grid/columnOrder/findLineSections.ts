import type { GridRowSpec } from '../glued/gridRowSpecs.ts';
import type { LineToken } from './lineTokens.ts';

/** Token index ranges [start, end) of the sections of a new-format form in a line-oriented text. */
export interface LineSections {
  readonly 二?: readonly [number, number];
  readonly 三?: readonly [number, number];
  readonly 四?: readonly [number, number];
}

/** Tokens after a heading within which the table's first row label must appear. */
const FIRST_ROW_REACH = 80;
/** Tokens a section may span at most when its end is not found. */
const SECTION_REACH = 1_500;

/**
 * Finds where sections 二, 三 and 四 of a new-format form sit among the line tokens: 二 from the first
 * "第二十条" followed by its first row label, 三 from "收到和处理政府信息公开申请" followed by 本年新收…, 四 from the
 * next "行政复议" heading, each up to the next section's heading ("五、" or "存在的主要问题" ends 四).
 */
export function findLineSections(
  tokens: readonly LineToken[],
  disclosureSpecs: readonly GridRowSpec[],
  applicationSpecs: readonly GridRowSpec[],
): LineSections {
  const threeStart = headingFollowedBy(tokens, 0, (text) => text.includes('收到和处理政府信息公开申请'), applicationSpecs[0]);
  const twoStart = headingFollowedBy(tokens, 0, (text) => text.includes('第二十条'), disclosureSpecs[0]);
  const fourStart = threeStart === undefined
    ? undefined
    : nextText(tokens, threeStart + 1, (text) => /行政法?复议/u.test(text) && !text.includes('收到和处理'));
  const fiveStart = fourStart === undefined ? undefined : nextText(tokens, fourStart + 1, (text) => /^五[、.]|存在的主要问题/u.test(text));
  const sections: { -readonly [K in keyof LineSections]: LineSections[K] } = {};
  if (twoStart !== undefined && (threeStart === undefined || twoStart < threeStart)) {
    sections.二 = [twoStart, threeStart ?? Math.min(tokens.length, twoStart + SECTION_REACH)];
  }
  if (threeStart !== undefined) sections.三 = [threeStart, fourStart ?? Math.min(tokens.length, threeStart + SECTION_REACH)];
  if (fourStart !== undefined) sections.四 = [fourStart, fiveStart ?? Math.min(tokens.length, fourStart + SECTION_REACH)];
  return sections;
}

function headingFollowedBy(
  tokens: readonly LineToken[],
  from: number,
  isHeading: (text: string) => boolean,
  firstRow: GridRowSpec | undefined,
): number | undefined {
  if (!firstRow) return undefined;
  for (let index = nextText(tokens, from, isHeading); index !== undefined; index = nextText(tokens, index + 1, isHeading)) {
    const reach = Math.min(tokens.length, index + FIRST_ROW_REACH);
    // The label text of the lines after the heading, joined: a label wrapped in a narrow cell ("一、本年新" / "收政府信息")
    // holds its pattern only across lines.
    let labelText = '';
    for (let next = index; next < reach; next++) {
      const token = tokens[next]!;
      if (token.kind === 'text') labelText += token.text;
    }
    if (firstRow.patterns.some((pattern) => pattern.strong && labelText.includes(pattern.text))) return index;
  }
  return undefined;
}

function nextText(tokens: readonly LineToken[], from: number, test: (text: string) => boolean): number | undefined {
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text' && test(token.text)) return index;
  }
  return undefined;
}
