import { findRowLabel } from './findRowLabel.ts';
import type { GridRowSpec } from './gridRowSpecs.ts';

/** Headings that open the table of sections 二 and 三 on the compact view. */
const TABLE_OPENERS: Readonly<Record<'二' | '三', readonly string[]>> = {
  二: ['第二十条'],
  三: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请'],
};

/** How far after its heading (compact characters) a table's first row label must be. */
const FIRST_ROW_REACH: Readonly<Record<'二' | '三', number>> = { 二: 200, 三: 500 };

/**
 * Where the table of section 二 or 三 starts on the compact view: the first heading ("第二十条",
 * "收到和处理政府信息公开申请情况") followed closely by the table's first row label, so the same words in the
 * introduction ("本报告包括…收到和处理政府信息公开申请情况…") are passed over. Falls back to the first row
 * label itself when it is followed by digits. undefined when the table is not there.
 */
export function findSectionStart(text: string, specs: readonly GridRowSpec[], sectionId: '二' | '三', from = 0): number | undefined {
  const first = specs[0];
  if (!first) return undefined;
  for (const opener of TABLE_OPENERS[sectionId]) {
    let at = text.indexOf(opener, from);
    while (at >= 0) {
      if (findRowLabel(text, first, at, at + opener.length + FIRST_ROW_REACH[sectionId], false)) return at;
      at = text.indexOf(opener, at + opener.length);
    }
  }
  let position = from;
  for (;;) {
    const label = findRowLabel(text, first, position, text.length, false);
    if (!label) return undefined;
    if (/^[^\d]{0,6}\d/u.test(text.slice(label.end, label.end + 8))) return label.start;
    position = label.end;
  }
}
