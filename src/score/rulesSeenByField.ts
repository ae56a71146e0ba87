import { NUMBER_STREAM_LAYOUT } from '../parse/grid/stream/readNumberStream.ts';
import type { ParseResult } from '../parse/ParseResult.ts';
import type { FieldRuleFindings, RuleCheck } from '../validate/checkRules.ts';
import { onlyConfirmationsBeyond, withoutConfirmationsThrough } from './confirmationsSeenBy.ts';
import { placementOf } from './FieldSignals.ts';

/** Cells found doubtful before the rules are seen: confirmations through them count for no other field. */
export interface DoubtedConfirmers {
  /** Values whose digits admit another reading ("04", "１９2"). */
  readonly runTogether: ReadonlySet<string>;
  /** Values that may be a bare page number on a line of its own. */
  readonly pageNumberCells: ReadonlySet<string>;
}

/**
 * Each field's rule findings as they count for it: the rules checked as read, less the confirmations that come
 * through a cell whose own reading is in doubt in a way that concerns this field's.
 */
export function rulesSeenByField(
  fieldIds: readonly string[],
  rules: RuleCheck,
  parse: ParseResult,
  decodedText: string,
  doubted: DoubtedConfirmers,
): Map<string, FieldRuleFindings | undefined> {
  const { runTogether, pageNumberCells } = doubted;
  // Cells of hard rules that fail as read.
  const failingCells = new Set(rules.failedHardRules.flatMap((rule) => [...rule.left, ...rule.right]));
  const streamJoins = new Set([...parse.cells.values()].filter((cell) => cell.layout === NUMBER_STREAM_LAYOUT && cell.value !== null
    && cell.end > cell.start && /[\n\r]/u.test(decodedText.slice(cell.start, cell.end))).map((cell) => cell.fieldId));
  const sharedCells = new Set([...parse.cells.values()].filter((cell) => cell.support?.shareOfRun === true).map((cell) => cell.fieldId));
  const seenBy = (fieldId: string): FieldRuleFindings | undefined => {
    const cell = parse.cells.get(fieldId);
    let seen = rules.fields.get(fieldId);
    if (runTogether.has(fieldId)) seen = withoutConfirmationsThrough(seen, fieldId, runTogether);
    // A value not read from a cell of its own (a glued run split, a row counted off, laid in jointly or by
    // position) is confirmed by a rule only while the rule's other cells break no rule: "0 0 0 0 0 1 | 1" for
    // "_ 0 0 0 0 0 | 11" holds its row sum, the total's column sum fails; a row of another row's values counted in
    // (a PDF's reading order) holds its own sum while its columns' sums fail.
    if (cell && placementOf(cell) !== 'cell') seen = withoutConfirmationsThrough(seen, fieldId, failingCells);
    // Nor by a rule through a value that may be a bare page number on a line of its own: page 12 after "0 2 2 1 7" held
    // the sum 2 + 2 + 1 + 7 = 12 of a row counted a cell off (measureIndependentBreaks seed 171, bare-pages: three
    // committed). (Page numbers run into one-line text, missing from a marked sequence, are measured apart instead:
    // `…/beside-page-number`, tens of thousands of such confirmed cells with none wrong.)
    if (cell && placementOf(cell) !== 'cell' && pageNumberCells.size > 0) seen = withoutConfirmationsThrough(seen, fieldId, pageNumberCells);
    // Nor, in a section's numbers laid in by the one reading whose rules hold, by a rule through a number that reading
    // joined from digits on lines of their own ("1" / "2" read 12): the join and a page number after the section's
    // cells may be what made it hold (3 | 3 | 12 | 9 | 27 for 3 | 3 | 1 | 2 | 9 with page 27 below:
    // measureIndependentBreaks seed 253, bare-pages, 9 and 27 committed).
    if (cell?.layout === NUMBER_STREAM_LAYOUT && streamJoins.size > 0 && !streamJoins.has(fieldId)) seen = withoutConfirmationsThrough(seen, fieldId, streamJoins);
    // A row's share of a run cut again with the rows beside it was chosen because it holds its own row's rules:
    // only a rule reaching a cell read otherwise confirms it ("4 0 0 0 1 0 5" of an unanchored 总计 row, cut from the
    // run of the row before it, holds that row's sum as well).
    if (cell?.support?.shareOfRun === true) seen = onlyConfirmationsBeyond(seen, sharedCells);
    return seen;
  };
  return new Map(fieldIds.map((fieldId) => [fieldId, seenBy(fieldId)]));
}
