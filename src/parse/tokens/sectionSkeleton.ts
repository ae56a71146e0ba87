import { canonicalLabel } from '../../normalise/labelKey.ts';
import { columnLabelLevels, type RowDefinition, type RuleDefinition, type TableDefinition, type TemplateDefinition } from '../../templates/TemplateDefinition.ts';

/** One printed row of a section as the solver aligns it: its cells in column order and what binds them. */
export interface SkeletonRow {
  readonly table: TableDefinition;
  readonly row: RowDefinition;
  /** Field ids of the cells the form prints, in column order (a null cell of the form is not printed). */
  readonly fieldIds: readonly string[];
  /** The Arabic ordinal the form prints before the row label ("2" for "2.没有现成信息…"), if any. */
  readonly ordinal: string | undefined;
  /** Rules whose every field is a cell of this row (row sums, section 四 group sums). */
  readonly rules: readonly RuleDefinition[];
  /** Canonical keys of the row's label variants (canonicalLabel). */
  readonly labelKeys: readonly string[];
  /**
   * The numeral of the group the row stands in ("五" for 5.要求行政机关确认… under （五）不予处理), from its fields'
   * label path in the form's field list; undefined for a row in no group.
   */
  readonly group: string | undefined;
  /** Per cell (as fieldIds), the printed words of its column's labels, the last level of each ("法人或其他组织/商业企业" → 商业企业). */
  readonly columnKeys: readonly ReadonlySet<string>[];
  /**
   * Per cell, the printed name of the group its column stands in (the level above the last: "行政复议/结果维持" →
   * 行政复议; section 四's three groups), undefined for a column in no group.
   */
  readonly columnGroups: readonly (string | undefined)[];
}

/** A label as printed, its spaces dropped: how column labels are compared with the words of a text. */
export function printedWord(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** A group's heading as the forms print it: （五）不予处理. */
const GROUP_HEADING = /^[（(]([一二三四五六七八九十]+)[)）]/u;

const ORDINAL = /^(\d{1,2})\s*[.、．]/u;
const cache = new WeakMap<readonly TableDefinition[], readonly SkeletonRow[]>();

/** The rows of some tables of a template in printed order, with their cells, ordinals and row rules. */
export function sectionSkeleton(template: TemplateDefinition, tables: readonly TableDefinition[]): readonly SkeletonRow[] {
  const cached = cache.get(tables);
  if (cached) return cached;
  const rows: SkeletonRow[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const fieldIds = row.cells.filter((cell): cell is string => cell !== null);
      const inRow = new Set(fieldIds);
      const rules = template.rules.filter((rule) => [...rule.left, ...rule.right].every((id) => inRow.has(id)));
      const ordinal = row.labels.map((label) => ORDINAL.exec(label)?.[1]).find((found) => found !== undefined);
      const path = template.fields.find((field) => field.id === fieldIds[0])?.label.split('/') ?? [];
      const group = path.map((segment) => GROUP_HEADING.exec(segment)?.[1]).find((found) => found !== undefined);
      const columnKeys = fieldIds.map((fieldId) => new Set((table.columns[row.cells.indexOf(fieldId)]?.labels ?? []).map((label) => printedWord(columnLabelLevels(label).at(-1)!))));
      const columnGroups = fieldIds.map((fieldId) => {
        const levels = (table.columns[row.cells.indexOf(fieldId)]?.labels ?? []).map(columnLabelLevels).find((found) => found.length >= 2);
        return levels ? printedWord(levels.at(-2)!) : undefined;
      });
      rows.push({ table, row, fieldIds, ordinal, rules, labelKeys: row.labels.map(canonicalLabel), group, columnKeys, columnGroups });
    }
  }
  cache.set(tables, rows);
  return rows;
}
