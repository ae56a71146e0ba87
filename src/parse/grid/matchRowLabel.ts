import { canonicalLabel, labelSimilarity } from '../../normalise/labelKey.ts';
import type { RowDefinition, TableDefinition } from '../../templates/TemplateDefinition.ts';
import { parseLabelOrdinal } from '../list/compileListRows.ts';

/** A template row a printed row may be. */
export interface RowCandidate {
  readonly table: TableDefinition;
  readonly row: RowDefinition;
}

/** The outcome of matching a printed label against the rows of a section. */
export type RowMatch =
  | { readonly kind: 'matched'; readonly candidate: RowCandidate; readonly score: number }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly RowCandidate[]; readonly score: number }
  | { readonly kind: 'none' };

/** Lowest similarity at which a printed label is taken for a template row. */
export const ROW_MATCH_THRESHOLD = 0.6;
/** A second row this close to the best makes the label ambiguous. */
const AMBIGUITY_MARGIN = 0.1;
/** Longest printed label compared (the longest row label of the forms is under 45 characters). */
const MAX_LABEL_LENGTH = 90;
/** Longest printed label text that is matched only exactly, never by similarity. */
const MAX_FRAGMENT_LENGTH = 2;
/**
 * How many trailing label cells are joined at most (a label wrapped over cells or lines): the longest labels, 35
 * characters, wrapped in a cell five characters wide, take eight lines.
 */
const MAX_JOINED_LABELS = 8;

/** Row candidates of a section with their variants' canonical keys, for the exact-match fast path. */
export interface RowIndex {
  readonly candidates: readonly RowCandidate[];
  readonly byCanonical: ReadonlyMap<string, readonly RowCandidate[]>;
  /** Matches already made against this index, by label cells. */
  readonly matches: Map<string, RowMatch>;
  /** The canonical keys of the tables' group labels (TableDefinition.groupLabels). */
  readonly groupKeys: readonly string[];
}

const indexCache = new WeakMap<readonly TableDefinition[], RowIndex>();
const MAX_CACHED_MATCHES = 5_000;

/** Indexes the rows of some tables by the canonical keys of their label variants. */
export function indexRows(tables: readonly TableDefinition[]): RowIndex {
  const cached = indexCache.get(tables);
  if (cached) return cached;
  const candidates: RowCandidate[] = [];
  const byCanonical = new Map<string, RowCandidate[]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const candidate = { table, row };
      candidates.push(candidate);
      for (const label of row.labels) {
        const key = canonicalLabel(label);
        const list = byCanonical.get(key) ?? [];
        if (!list.includes(candidate)) list.push(candidate);
        byCanonical.set(key, list);
      }
    }
  }
  const groupKeys = tables.flatMap((table) => (table.groupLabels ?? []).map((label) => canonicalLabel(label)));
  const index = { candidates, byCanonical, matches: new Map<string, RowMatch>(), groupKeys };
  indexCache.set(tables, index);
  return index;
}

/**
 * Matches a row's label cells (in printed order) to one template row by meaning: the last cell alone, then
 * the last cells joined (a label wrapped over two cells). A label two rows fit about equally well is
 * ambiguous rather than guessed.
 */
export function matchRowLabel(labels: readonly string[], index: RowIndex): RowMatch {
  if (labels.length === 0) return { kind: 'none' };
  const key = labels.slice(-MAX_JOINED_LABELS).join('\u0000');
  const known = index.matches.get(key);
  if (known) return known;
  const match = computeMatch(labels, index);
  if (index.matches.size >= MAX_CACHED_MATCHES) index.matches.clear();
  index.matches.set(key, match);
  return match;
}

function computeMatch(labels: readonly string[], index: RowIndex): RowMatch {
  const texts: string[] = [];
  for (let count = 1; count <= Math.min(MAX_JOINED_LABELS, labels.length); count++) {
    const text = labels.slice(labels.length - count).join('');
    // Longer than any label of the forms (with its notes): prose, not worth comparing.
    if (text.length > MAX_LABEL_LENGTH) break;
    texts.push(text);
  }
  if (texts.length === 0) return { kind: 'none' };
  // A printed row number ("7.属于行", its label wrapped) rules out the rows the form numbers otherwise ("8.属于行政查询
  // 事项"): the words left after the cut fit both.
  const printed = printedOrdinal(labels.slice(-MAX_JOINED_LABELS));
  const numberedAlike = (candidate: RowCandidate): boolean => printed === undefined || ordinalOf(candidate) === undefined || ordinalOf(candidate) === printed;
  for (const text of texts) {
    for (const key of exactKeys(text, index)) {
      const exact = index.byCanonical.get(key)?.filter(numberedAlike);
      if (exact && exact.length === 1) return { kind: 'matched', candidate: exact[0]!, score: 1 };
      if (exact && exact.length > 1) return { kind: 'ambiguous', candidates: exact, score: 1 };
    }
  }
  // Two characters that are no label ("申请", the wrapped tail of "1.信访举报投诉类申请") are in too many labels to
  // tell rows apart: only a longer text is matched by similarity.
  // Nor is a piece of a group label ("予公开" of a wrapped "（三）不 / 予公开") compared: it is no row's, however like
  // one it reads ("予以公开").
  const comparable = texts.filter((text) => {
    const key = canonicalLabel(text);
    return key.length > MAX_FRAGMENT_LENGTH && !index.groupKeys.some((group) => group.includes(key));
  });
  if (comparable.length === 0) return { kind: 'none' };
  const scores = index.candidates.filter(numberedAlike).map((candidate) => {
    let best = 0;
    for (const text of comparable) for (const label of candidate.row.labels) best = Math.max(best, labelSimilarity(text, label));
    return { candidate, score: best };
  });
  scores.sort((first, second) => second.score - first.score);
  const best = scores[0];
  if (!best || best.score < ROW_MATCH_THRESHOLD) return { kind: 'none' };
  const rivals = scores.filter((entry) => entry.score >= ROW_MATCH_THRESHOLD && best.score - entry.score < AMBIGUITY_MARGIN);
  if (rivals.length > 1) return { kind: 'ambiguous', candidates: rivals.map((entry) => entry.candidate), score: best.score };
  return { kind: 'matched', candidate: best.candidate, score: best.score };
}

/**
 * The canonical keys a printed label is exactly: its own, and, where it opens with one of the table's group labels
 * (the merged cell before the row's, joined into one: "三、本年度办理结果 （一）予以公开", "（三）不予公开 1.属于国家秘密"),
 * the key of what follows the group label. The row is named as exactly as by its own label alone.
 */
function exactKeys(text: string, index: RowIndex): string[] {
  const keys = [canonicalLabel(text)];
  const whole = keys[0]!;
  for (const group of index.groupKeys) {
    if (whole.length <= group.length || !whole.startsWith(group)) continue;
    // The shortest opening of the printed text that is the group label; the rest is canonicalised on its own (an
    // ordinal after the group label, "（一）", is then dropped as the rest's leading ordinal).
    for (let end = 1; end < text.length; end++) {
      if (canonicalLabel(text.slice(0, end)) !== group) continue;
      const rest = canonicalLabel(text.slice(end));
      if (rest.length > 0 && !keys.includes(rest)) keys.push(rest);
      break;
    }
  }
  return keys;
}

/** The Arabic row number the last numbered label cell opens with ("7" of "7.属于行"), if any. */
function printedOrdinal(labels: readonly string[]): string | undefined {
  for (let index = labels.length - 1; index >= 0; index--) {
    const ordinal = parseLabelOrdinal(labels[index]!).ordinal;
    if (ordinal?.kind === 'arabic') return ordinal.token;
  }
  return undefined;
}

const ordinals = new WeakMap<RowDefinition, string | null>();

/** The Arabic row number the form prints before the row's label, if any. */
function ordinalOf(candidate: RowCandidate): string | undefined {
  let known = ordinals.get(candidate.row);
  if (known === undefined) {
    const ordinal = parseLabelOrdinal(candidate.row.labels[0] ?? '').ordinal;
    known = ordinal?.kind === 'arabic' ? ordinal.token : null;
    ordinals.set(candidate.row, known);
  }
  return known ?? undefined;
}
