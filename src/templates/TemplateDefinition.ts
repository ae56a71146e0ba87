/** One field of a template: the id used everywhere, the form's Chinese label and the unit values are stored in. */
export interface FieldDefinition {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** The field this one is a "其中" (of which) part of, as the spec gives it. */
  readonly parent?: string;
}

/**
 * A consistency rule (勾稽关系) between fields of one report: sum(left) = sum(right) for `equal`,
 * sum(left) ≤ sum(right) for `atMost`. Hard rules send every field in them to review when they fail;
 * soft rules add a warning.
 */
export interface RuleDefinition {
  readonly id: string;
  readonly kind: 'equal' | 'atMost';
  readonly severity: 'hard' | 'soft';
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** How a reviewer reads the rule, e.g. "requests.completed = requests.completedOnTime + requests.completedExtended". */
  readonly description: string;
}

/** Words that tell one template from another; see detectTemplate. */
export interface DetectionMarkers {
  /** Each entry is a list of alternatives; every entry must match at least one alternative. */
  readonly required: readonly (readonly string[])[];
  /** Supporting phrases: each one found adds to the score. */
  readonly supporting: readonly string[];
  /** Phrases that rule the template out when found inside the table region. */
  readonly excluding: readonly string[];
}

/**
 * A template as data: its fields, rules, markers and the table layout the parser reads. A new form (a
 * provincial table, say) is added as one file exporting one of these and registering it in templates/registry.
 */
export interface TemplateDefinition {
  readonly id: 'gov-2014' | 'gov-2019' | 'gov-2021';
  readonly title: string;
  /** Reporting years the form was in use for (inclusive); used as a tie-breaker in detection. */
  readonly years: readonly [number, number];
  readonly fields: readonly FieldDefinition[];
  readonly rules: readonly RuleDefinition[];
  readonly detection: DetectionMarkers;
  /** The tables of the form, in the order they are printed. */
  readonly tables: readonly TableDefinition[];
  /** Older shapes of the tables agencies still print under this form. */
  readonly printings?: readonly TablePrinting[];
}

/**
 * A table of a form. `list` tables have one value per labelled row (the gov-2014 统计指标/单位/统计数 table).
 * `grid` tables have labelled rows and labelled columns (the 2019/2021 sections 二, 三, 四).
 */
export interface TableDefinition {
  readonly id: string;
  readonly kind: 'list' | 'grid';
  /** Heading of the section the table sits in, e.g. "三、收到和处理政府信息公开申请情况". */
  readonly heading: readonly string[];
  readonly rows: readonly RowDefinition[];
  /** Column keys in printed order (grid tables); a list table has one implicit column. */
  readonly columns: readonly ColumnDefinition[];
  /**
   * Labels the form prints beside several rows at once (a row-spanning group cell: （三）不予公开 beside 1.属于国家秘密 …
   * 8.属于行政查询事项), never a row's own: a piece of one ("予公开", the second line of a wrapped "（三）不 / 予公开") is
   * no row's label, however like one it reads.
   */
  readonly groupLabels?: readonly string[];
}

/** A printed row: the label variants that identify it and the field id of each of its cells. */
export interface RowDefinition {
  readonly key: string;
  /** Label variants, most canonical first; matched after normalisation, by meaning not exact string. */
  readonly labels: readonly string[];
  /** Field ids of this row's cells, one per column (list tables: one). null where the form prints no cell. */
  readonly cells: readonly (string | null)[];
  /** Printed unit where the form prints one (list tables). */
  readonly unit?: string;
}

/** A printed column of a grid table. */
export interface ColumnDefinition {
  readonly key: string;
  /**
   * Label variants; a label printed under a group heading names its levels from the top, parted by "/"
   * ("行政复议/结果维持"). A slash inside a word ("本年增/减") parts no levels: see columnLabelLevels.
   */
  readonly labels: readonly string[];
}

/** The levels of a column label, top first: "行政复议/结果维持" → 行政复议, 结果维持; "本年增/减" is one word (no level is one character). */
export function columnLabelLevels(label: string): string[] {
  const levels: string[] = [];
  for (const part of label.split('/')) {
    const last = levels.length - 1;
    if (last >= 0 && (part.trim().length <= 1 || levels[last]!.trim().length <= 1)) levels[last] = `${levels[last]}/${part}`;
    else levels.push(part);
  }
  return levels;
}

/**
 * An older shape of a form's tables that agencies still print under the form (the 2021 form printed with the 2019
 * form's single （六）其他处理 row): read with its own tables and rules, then mapped back onto the form's fields.
 */
export interface TablePrinting {
  readonly id: string;
  readonly tables: readonly TableDefinition[];
  readonly rules: readonly RuleDefinition[];
  /** The printed row whose cells are, column by column, the sums of the form's `parts` rows (keys). */
  readonly combinedRow: { readonly printed: string; readonly parts: readonly string[] };
  /**
   * Labels of the form's own part rows: when any is printed, the document prints the form's rows and this
   * printing is not used. Matched with whitespace removed.
   */
  readonly partLabels: readonly string[];
  /**
   * Heads of part rows whose label alone is too common to look for ("3.其他"): the document prints the form's rows when
   * one is printed followed by no CJK character (a cell boundary or its values), whitespace removed.
   */
  readonly partRowHeads?: readonly string[];
  /** A label the combined row prints: the printing is used only when the text shows it. */
  readonly combinedLabel: string;
}
