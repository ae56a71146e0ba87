import type { RowDefinition, TableDefinition } from '../../templates/TemplateDefinition.ts';
import { skeletonOfLabel } from './buildLabelSkeleton.ts';

/** The ordinal a form prints before a row label: （一）, 一、, 1., 其中：. */
export interface LabelOrdinal {
  readonly kind: 'bracketed' | 'numeral' | 'arabic' | 'ofWhich';
  /** The numeral itself ("一", "2"); "其中" for ofWhich. */
  readonly token: string;
  /** Matches the ordinal at the very end of a string (the text just before the label). */
  readonly before: RegExp;
  /** As printed in the template ("2."), for notes. */
  readonly printed: string;
}

/** One label variant of a row, and its skeleton (the Chinese characters after the ordinal). */
export interface LabelVariant {
  readonly label: string;
  readonly skeleton: string;
  /**
   * True when the skeleton also occurs inside another row's label, not at its start (同意公开答复数 inside
   * 不同意公开答复数, 政府网站在线访谈次数 inside 主要负责同志参加政府网站在线访谈次数): such a match counts only
   * where a label can start.
   */
  readonly embedded: boolean;
}

/** A row of a list table, ready for searching. */
export interface ListRowPattern {
  /** Position of the row in the table definition. */
  readonly index: number;
  readonly row: RowDefinition;
  /** The field the row's value cell holds; null for a heading row (no value printed). */
  readonly fieldId: string | null;
  readonly unit: string | undefined;
  readonly ordinal: LabelOrdinal | undefined;
  /** Variants, longest skeleton first. */
  readonly variants: readonly LabelVariant[];
  /** The section numeral (一 … 九) when this row opens a section of the form ("四、行政复议数量"). */
  readonly opensSection: string | undefined;
}

const NUMERALS = '一二三四五六七八九十';
const LEADING_ORDINAL = new RegExp(
  `^\\s*(?:[(（]\\s*([${NUMERALS}]+)\\s*[)）]|([${NUMERALS}]+)\\s*[、.．]|(\\d+)\\s*[.．、]|(其中)\\s*[:：]?)\\s*`,
  'u',
);
const TRAILING_SPACE = '[ \\t|｜\\u3000]*';

/** Splits the leading ordinal off a template label. */
export function parseLabelOrdinal(label: string): { ordinal: LabelOrdinal | undefined; rest: string } {
  const match = LEADING_ORDINAL.exec(label);
  if (!match) return { ordinal: undefined, rest: label };
  const rest = label.slice(match[0].length);
  const printed = match[0].trim();
  if (match[1]) {
    const token = match[1];
    return { rest, ordinal: { kind: 'bracketed', token, printed, before: new RegExp(`[(（]\\s*${token}\\s*[)）]${TRAILING_SPACE}$`, 'u') } };
  }
  if (match[2]) {
    const token = match[2];
    return { rest, ordinal: { kind: 'numeral', token, printed, before: new RegExp(`${token}\\s*[、.．]${TRAILING_SPACE}$`, 'u') } };
  }
  if (match[3]) {
    const token = match[3];
    // "2." / "2、" / "(2)" glued or not; a bare "2" only when it stands apart (line start, a space or a tab before).
    const before = new RegExp(`(?:[(（]\\s*${token}\\s*[)）]|${token}\\s*[.．、]|(?:^|[\\s|｜])${token}[ \\t\\u3000]+)${TRAILING_SPACE}$`, 'u');
    return { rest, ordinal: { kind: 'arabic', token, printed, before } };
  }
  return { rest, ordinal: { kind: 'ofWhich', token: '其中', printed, before: new RegExp(`其中\\s*[:：]?${TRAILING_SPACE}$`, 'u') } };
}

const cache = new WeakMap<TableDefinition, readonly ListRowPattern[]>();

/** Compiles the rows of a list table once (cached per table definition). */
export function compileListRows(table: TableDefinition): readonly ListRowPattern[] {
  const cached = cache.get(table);
  if (cached) return cached;
  const patterns = table.rows.map((row, index): ListRowPattern => {
    const first = parseLabelOrdinal(row.labels[0] ?? '');
    const seen = new Set<string>();
    const variants: LabelVariant[] = [];
    for (const label of row.labels) {
      const skeleton = skeletonOfLabel(parseLabelOrdinal(label).rest);
      if (skeleton.length === 0 || seen.has(skeleton)) continue;
      seen.add(skeleton);
      variants.push({ label, skeleton, embedded: false });
    }
    variants.sort((left, right) => right.skeleton.length - left.skeleton.length);
    const opensSection = first.ordinal?.kind === 'numeral' ? first.ordinal.token : undefined;
    return { index, row, fieldId: row.cells[0] ?? null, unit: row.unit, ordinal: first.ordinal, variants, opensSection };
  });
  const marked = patterns.map((pattern) => ({
    ...pattern,
    variants: pattern.variants.map((variant) => ({
      ...variant,
      embedded: patterns.some((other) => other !== pattern && other.variants.some((longer) => longer.skeleton.indexOf(variant.skeleton) > 0)),
    })),
  }));
  cache.set(table, marked);
  return marked;
}
