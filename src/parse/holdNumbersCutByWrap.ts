import { doubtedCell } from './doubtedCell.ts';
import { CUT_BY_WRAP_NOTE, numbersCutByWrapIn } from './numbersCutByWrap.ts';
import type { CellReading } from './ParseResult.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/**
 * Holds every value read at a hard wrap that may have cut its number (numbersCutByWrap: "行政许可 19" / "0 …" for
 * 190), whichever reader read it: the value as read stays the reviewer's proposal. Seeds of an independent
 * renderer's hard-wrapped flat text had committed 19 for 190, 24 for 244 and 18651 for 18651.06. Rows of tab or bar
 * cells broken at a digit at any width hold the cells no hard rule binds: tab rows broken at a random character had
 * committed 186 for 18651.06 and 1 for 13 in section 二, where nothing else checks them. A cell a hard rule binds is
 * left to its rules (a piece too few or too many breaks them), unless the rule holds as well with the pieces of its
 * broken cells put back together, one or several: "（二）申请办结数\t件\t1" / "3" and "1.按时办结数\t件\t1" / "3" hold
 * 1 = 1 + 0 and 13 = 13 + 0 alike (seed 7 tab-broken committed 1 for 13 twice). `hardRules`: the template's hard rules.
 */
export function holdNumbersCutByWrap(cells: ReadonlyMap<string, CellReading>, decodedText: string, hardRules: readonly RuleDefinition[]): Map<string, CellReading> {
  const held = new Map(cells);
  const cutByWrap = numbersCutByWrapIn(decodedText);
  let rowsBroken: ((start: number, end: number) => boolean) | undefined;
  // Each broken cell's value with the digits across the break put back (undefined where none can be read).
  const broken = new Map<string, number | undefined>();
  for (const [fieldId, cell] of cells) {
    if (cell.ambiguous || cell.value === null || cell.end <= cell.start) continue;
    if (cutByWrap(cell.start, cell.end)) held.set(fieldId, doubtedCell(cell, CUT_BY_WRAP_NOTE, { splitPiece: true }));
    else if ((rowsBroken ??= numbersCutByWrapIn(decodedText, true))(cell.start, cell.end)) broken.set(fieldId, joinedAcrossBreak(decodedText, cell.start, cell.end));
  }
  const valueOf = (fieldId: string): number => held.get(fieldId)?.value ?? 0;
  for (const [fieldId] of broken) {
    const rules = hardRules.filter((rule) => rule.left.includes(fieldId) || rule.right.includes(fieldId));
    const decided = rules.length > 0 && rules.every((rule) => !holdsWithPiecesJoined(rule, broken, valueOf));
    if (!decided) held.set(fieldId, doubtedCell(cells.get(fieldId)!, CUT_BY_WRAP_NOTE, { splitPiece: true }));
  }
  return held;
}

/** Most broken cells of one rule whose joinings are tried together (2^n combinations). */
const MAX_JOINED = 4;

/**
 * Whether the rule, holding as read, holds as well with some of its broken cells' pieces put back together (each
 * combination of them): then it cannot tell the readings apart. A rule that fails as read is left to its own finding.
 */
function holdsWithPiecesJoined(rule: RuleDefinition, broken: ReadonlyMap<string, number | undefined>, valueOf: (fieldId: string) => number): boolean {
  // (A joining that leaves the value as it is, "0" / "0" for 00, gives the rule nothing to tell.)
  const joinable = [...rule.left, ...rule.right].filter((fieldId) => broken.get(fieldId) !== undefined && broken.get(fieldId) !== valueOf(fieldId)).slice(0, MAX_JOINED);
  const holds = (value: (fieldId: string) => number): boolean => {
    const left = rule.left.reduce((sum, fieldId) => sum + value(fieldId), 0);
    const right = rule.right.reduce((sum, fieldId) => sum + value(fieldId), 0);
    return rule.kind === 'equal' ? Math.abs(left - right) < 1e-6 : left <= right + 1e-6;
  };
  if (!holds(valueOf)) return false;
  for (let mask = 1; mask < 1 << joinable.length; mask++) {
    const joined = new Set(joinable.filter((_, index) => (mask >> index) & 1));
    if (holds((fieldId) => (joined.has(fieldId) ? broken.get(fieldId)! : valueOf(fieldId)))) return true;
  }
  return false;
}

/**
 * The number the cell's digits make with the digits across the line break next to them: those opening the next line
 * when the cell ends its line ("1" / "3" → 13, "18651." / "06" → 18651.06), those ending the previous line when the
 * cell opens its line. Undefined where the break has no digits beside it.
 */
function joinedAcrossBreak(text: string, start: number, end: number): number | undefined {
  const digits = (piece: string) => piece.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10)).replace(/[．]/gu, '.').replace(/[,，]/gu, '');
  const own = text.slice(start, end);
  const after = /^[.．,，]?\r?\n([.．,，]?[0-9０-９]+(?:[.．][0-9０-９]+)?)/u.exec(text.slice(end, end + 40));
  if (after) return toNumber(digits(`${own}${text.slice(end, end + after[0].length).replace(/\r?\n/u, '')}`));
  const before = /([0-9０-９]+[.．,，]?)\r?\n$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (before) return toNumber(digits(`${before[1]}${own}`));
  return undefined;
}

function toNumber(printed: string): number | undefined {
  const value = Number(printed);
  return Number.isFinite(value) ? value : undefined;
}
