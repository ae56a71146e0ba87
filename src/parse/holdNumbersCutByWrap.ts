import { doubtedCell } from './doubtedCell.ts';
import { CUT_BY_WRAP_NOTE, CUT_ROW_SHIFT_NOTE, numbersCutByWrapIn } from './numbersCutByWrap.ts';
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
 *
 * A cut number's two pieces also count as two values where a row's cells are placed by their order: the row's other
 * cells may then stand a place off ("予以公开 19 0 0 0 11 3" / "0" for 19 | 0 | 0 | blank | 0 | 11 | 30, read as seven
 * values with 0 committed in the blank cell: measureIndependentBreaks seed 135, wrapped-flat). Where a rule of the
 * cut cell's row fails as read, or binds two cut cells of it, the row's other cells placed by order are held too.
 * `rowOf`: field → table row.
 */
export function holdNumbersCutByWrap(cells: ReadonlyMap<string, CellReading>, decodedText: string, hardRules: readonly RuleDefinition[], rowOf: ReadonlyMap<string, string>): Map<string, CellReading> {
  const held = new Map(cells);
  const cutByWrap = numbersCutByWrapIn(decodedText);
  let rowsBroken: ((start: number, end: number) => boolean) | undefined;
  // Each broken cell's value with the digits across the break put back (undefined where none can be read).
  const broken = new Map<string, number | undefined>();
  const cut: string[] = [];
  for (const [fieldId, cell] of cells) {
    if (cell.ambiguous || cell.value === null || cell.end <= cell.start) continue;
    if (cutByWrap(cell.start, cell.end) || thousandsGroupAfter(decodedText, cell.end)) {
      held.set(fieldId, doubtedCell(cell, CUT_BY_WRAP_NOTE, { splitPiece: true }));
      cut.push(fieldId);
    } else if ((rowsBroken ??= numbersCutByWrapIn(decodedText, true))(cell.start, cell.end)) broken.set(fieldId, joinedAcrossBreak(decodedText, cell.start, cell.end));
  }
  const valueOf = (fieldId: string): number => held.get(fieldId)?.value ?? 0;
  for (const [fieldId] of broken) {
    const rules = hardRules.filter((rule) => rule.left.includes(fieldId) || rule.right.includes(fieldId));
    const decided = rules.length > 0 && rules.every((rule) => !holdsWithPiecesJoined(rule, broken, valueOf) && brokenInOneRow(rule, broken, rowOf, valueOf) < 2);
    if (!decided) {
      held.set(fieldId, doubtedCell(cells.get(fieldId)!, CUT_BY_WRAP_NOTE, { splitPiece: true }));
      cut.push(fieldId);
    }
  }
  for (const fieldId of cut) holdRowPlacedBeside(fieldId, cells, held, hardRules, rowOf, cut, decodedText);
  return held;
}

/**
 * Whether the next line opens with a thousands group (",972"): the number was cut before its separator ("（一）收到申请数
 * | 件 | 29" / ",972 |"), and no cell opens so. Held whatever the rules say: a rule with a cell left unread (the row
 * above's "29,96" / "2") checks nothing, and 29 and 3 were committed for 29972 and 3347 (measureIndependentBreaks
 * seed 249, pipe-broken-cut).
 */
function thousandsGroupAfter(text: string, end: number): boolean {
  return /[0-9０-９]$/u.test(text.slice(Math.max(0, end - 1), end)) && THOUSANDS_TAIL.test(text.slice(end, end + 24));
}

const THOUSANDS_TAIL = /^[^\S\n\r]*(?:\r\n?|\n)[^\S\n\r]*[,，][0-9０-９]{3}(?![0-9０-９])/u;

/**
 * The most broken cells a rule binds in one table row. With two or more, the rule tells nothing of the breaks: a row
 * whose numbers were cut read as cells of their own may sum as well as the numbers did ("9" / "3 |", "10" / "6 |"
 * read 9 + 3 + 10 + 6 = 28 for 93 + 106 + 27 + 28 = 254: measureIndependentBreaks seed 141, pipe-broken-cut, five
 * cells committed). (A column's rule binding broken cells of several rows, one each, still checks them.)
 */
function brokenInOneRow(rule: RuleDefinition, broken: ReadonlyMap<string, number | undefined>, rowOf: ReadonlyMap<string, string>, valueOf: (fieldId: string) => number): number {
  const perRow = new Map<string, number>();
  for (const fieldId of [...rule.left, ...rule.right]) {
    // (Pieces that join into the value as read, "0" / "0" for 00, change nothing.)
    const joined = broken.get(fieldId);
    if (joined === undefined || joined === valueOf(fieldId)) continue;
    const row = rowOf.get(fieldId) ?? fieldId;
    perRow.set(row, (perRow.get(row) ?? 0) + 1);
  }
  return Math.max(0, ...perRow.values());
}

/**
 * Holds the cells placed by order in the cut cell's row, where a rule of that row fails with the values as read or
 * binds two cut cells of the row (their pieces may sum as the numbers they cut do). So are the row's cells read from
 * cells of their own on a line after the cut: the break made the cut's second piece a cell of its own there, and the
 * cells after it stand one place off, a blank among them perhaps dropped as padding ("（二）部分公开（…）\t1" / "2\t0\t0\t
 * \t0\t0\t12" read 1 | 2 | 0 | 0 | 0 | 0 | 12 for 12 | 0 | 0 | blank | 0 | 0 | 12: measureIndependentBreaks seed 277,
 * tab-broken, 0 committed in the blank cell).
 */
function holdRowPlacedBeside(fieldId: string, cells: ReadonlyMap<string, CellReading>, held: Map<string, CellReading>, hardRules: readonly RuleDefinition[], rowOf: ReadonlyMap<string, string>, cut: readonly string[], decodedText: string): void {
  const row = rowOf.get(fieldId);
  const cutCell = cells.get(fieldId)!;
  const afterTheBreak = (cell: CellReading): boolean => cell.start >= cutCell.end && /[\n\r]/u.test(decodedText.slice(cutCell.end, cell.start));
  if (row === undefined) return;
  const asRead = (id: string): number => cells.get(id)?.value ?? 0;
  const cutInRow = cut.filter((id) => rowOf.get(id) === row);
  for (const rule of hardRules) {
    const fields = [...rule.left, ...rule.right];
    if (!fields.includes(fieldId)) continue;
    if (holdsWith(rule, asRead) && cutInRow.filter((id) => fields.includes(id)).length < 2) continue;
    for (const other of fields) {
      const cell = held.get(other);
      if (other === fieldId || rowOf.get(other) !== row || !cell || cell.ambiguous || cell.value === null) continue;
      if (cell.support?.placement === 'cell' && !afterTheBreak(cell)) continue;
      held.set(other, doubtedCell(cell, CUT_ROW_SHIFT_NOTE));
    }
  }
}

function holdsWith(rule: RuleDefinition, value: (fieldId: string) => number): boolean {
  const left = rule.left.reduce((sum, fieldId) => sum + value(fieldId), 0);
  const right = rule.right.reduce((sum, fieldId) => sum + value(fieldId), 0);
  return rule.kind === 'equal' ? Math.abs(left - right) < 1e-6 : left <= right + 1e-6;
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
  const holds = (value: (fieldId: string) => number): boolean => holdsWith(rule, value);
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
