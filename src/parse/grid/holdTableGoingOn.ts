import { columnLabelLevels, type TableDefinition, type TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import { doubtedCell } from '../doubtedCell.ts';
import type { CellReading } from '../ParseResult.ts';

/** The note on a cell held because its section's table goes on past the section's end. */
export const TABLE_GOES_ON_NOTE = 'ambiguous: the table\'s own header words and numbers stand past the next heading: its rows may print more values than were read';

/** Lines looked at past a section's end, up to the first line of prose. */
const MAX_LINES = 40;

/**
 * Holds the cells a section's rows placed jointly took as 0 or blank (CellSupport.zeroOrBlank) when its table goes on
 * past the section's end: a PDF's reading order drew the next section's heading among the table's blocks, and after
 * the heading come header words only this table prints and numbers alone on their lines ("五、存在的主要问题及改进情况
 * / 复议后起诉 / 总 / 计 / … / 0 / 3 / 3 / 1 / 2 / 9"). The section ends at the heading, so its last row looked short and
 * its missing values were taken for blanks (a fresh print, seed 4909 document 132: 3 | 3 | 1 | 2 | 9 committed as 0).
 */
export function holdTableGoingOn(cells: Map<string, CellReading>, template: TemplateDefinition, tables: readonly TableDefinition[], text: string, sectionEnd: number): void {
  const held = [...cells].filter(([, cell]) => !cell.ambiguous && cell.support?.placement === 'joint' && cell.support.zeroOrBlank === true);
  if (held.length === 0 || !tableGoesOn(text, sectionEnd, ownHeaderWords(template, tables))) return;
  for (const [fieldId, cell] of held) cells.set(fieldId, doubtedCell(cell, TABLE_GOES_ON_NOTE));
}

/** Whether header words of the table and numbers standing alone on their lines follow `from` before any prose. */
export function tableGoesOn(text: string, from: number, headerWords: ReadonlySet<string>): boolean {
  let header = false;
  let number = false;
  for (const line of text.slice(from).split(/\r\n|\r|\n/u).slice(0, MAX_LINES)) {
    // A sentence ends the table's leftovers: the next section's prose has begun.
    if (/[。；]/u.test(line)) break;
    const words = line.split(/[\s\u3000]+/u).filter((word) => word !== '');
    if (words.length === 0) continue;
    if (words.every((word) => NUMBER.test(word))) number = true;
    else if (words.some((word) => headerWords.has(word))) header = true;
  }
  return header && number;
}

const NUMBER = /^[+-]?\p{Nd}[\p{Nd},.]*$/u;

/**
 * The column labels (each level, two characters or more) the tables print and no other table of the form holds in a
 * column label or a row label: "复议后起诉" is section 四's own; "总计" every section's, and "其他" (三's) a piece of 四's
 * "其他结果", which a narrow header cell prints apart ("其他 / 结果").
 */
export function ownHeaderWords(template: TemplateDefinition, tables: readonly TableDefinition[]): ReadonlySet<string> {
  // The form's words do not change: worked out once per section's tables (parseGridTables hands out the same array).
  let words = headerWordsCache.get(tables);
  if (!words) {
    words = headerWordsOf(template, tables);
    headerWordsCache.set(tables, words);
  }
  return words;
}

const headerWordsCache = new WeakMap<readonly TableDefinition[], ReadonlySet<string>>();

function headerWordsOf(template: TemplateDefinition, tables: readonly TableDefinition[]): ReadonlySet<string> {
  const levelsOf = (table: TableDefinition) => table.columns.flatMap((column) => column.labels.flatMap(columnLabelLevels)).map((level) => level.trim()).filter((level) => level.length >= 2);
  const otherTables = template.tables.filter((table) => !tables.includes(table));
  const others = [...otherTables.flatMap(levelsOf), ...otherTables.flatMap((table) => table.rows.flatMap((row) => row.labels))];
  return new Set(tables.flatMap(levelsOf).filter((level) => !others.some((other) => other.includes(level))));
}
