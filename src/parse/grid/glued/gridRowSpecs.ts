import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import { foldLabel } from './compactView.ts';

/** What a printed cell may hold: a count (0, 64), a signed change (+5, -3, 0), an amount (9116.36). */
export type CellKind = 'count' | 'signed' | 'amount';

/** A string a row's label is searched by, on the compact view. */
export interface LabelPattern {
  readonly text: string;
  /** False for generic words that are also headings ("其他", "总计"): found only next to where the row is due. */
  readonly strong: boolean;
  /** How much of the canonical label the pattern covers (labelScore when it is what matched). */
  readonly score: number;
}

/** One printed row of a new-format section as the glued and column-order readers need it. */
export interface GridRowSpec {
  readonly key: string;
  /** Field ids of the row's printed cells, in printed order. */
  readonly fieldIds: readonly string[];
  readonly kinds: readonly CellKind[];
  readonly units: readonly string[];
  /** The canonical label, folded, ordinal dropped (for notes). */
  readonly canonical: string;
  readonly patterns: readonly LabelPattern[];
  /** Arabic ordinal printed before the label ("2" of "2.其他法律…"), which a glued run may swallow. */
  readonly ordinal?: string;
  /** A row the form does not define but documents print: gov-2021 (六)其他处理 as one row. No field is read from it. */
  readonly virtual?: boolean;
}

/** Section ids of the new-format forms. */
export type NewFormatSection = '二' | '三' | '四';

const CHINESE_ORDINALS = '一二三四五六七八九十';
const LEADING_ORDINAL = /^(?:\(?[一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}[、.]|\(?\d{1,2}\)|\d{1,2}[.、,])/u;

/** Labels that are also column headings or parts of other labels: searched only next to where the row is due. */
const GENERIC_WORDS = new Set(['其他', '总计', '合计', '小计']);

/** Extra search strings for labels PDF extraction mangles ("2.其他法律行政止公开"). */
const EXTRA_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  deniedLawForbidden: ['其他法律行政', '行政法规禁止'],
  notProcessedConfirmation: ['确认或重新出'],
  unableNotHeld: ['不掌握相关'],
};

/**
 * The rows of one section of a new-format form, in printed order, built from the template's table
 * definitions (label variants, field ids) plus what the glued and column-order readers need: cell kinds,
 * ordinals, generic labels marked weak. For gov-2021 section 三 a virtual "(六)其他处理" row is placed before
 * (七)总计 for documents that print the 2019-style single row; it is used only when none of the three sub-rows
 * is found.
 */
export function gridRowSpecs(template: TemplateDefinition, sectionId: NewFormatSection): readonly GridRowSpec[] {
  // The specs depend on the template alone, and the readers ask for them per section and per document.
  let bySection = specsCache.get(template);
  if (!bySection) {
    bySection = new Map();
    specsCache.set(template, bySection);
  }
  let specs = bySection.get(sectionId);
  if (!specs) {
    specs = buildGridRowSpecs(template, sectionId);
    bySection.set(sectionId, specs);
  }
  return specs;
}

const specsCache = new WeakMap<TemplateDefinition, Map<NewFormatSection, readonly GridRowSpec[]>>();

function buildGridRowSpecs(template: TemplateDefinition, sectionId: NewFormatSection): GridRowSpec[] {
  const unitOf = new Map(template.fields.map((field) => [field.id, field.unit]));
  const specs: GridRowSpec[] = [];
  for (const table of template.tables) {
    if (table.kind !== 'grid' || sectionOf(table.id) !== sectionId) continue;
    for (const row of table.rows) {
      const fieldIds = row.cells.filter((cell): cell is string => cell !== null);
      if (fieldIds.length === 0) continue;
      const units = fieldIds.map((id) => unitOf.get(id) ?? '');
      specs.push({
        key: row.key,
        fieldIds,
        kinds: fieldIds.map((id, index) => kindOf(id, units[index]!)),
        units,
        ...labelPatterns(row.labels, EXTRA_PATTERNS[row.key] ?? []),
      });
    }
  }
  if (sectionId === '三' && specs.some((spec) => spec.key === 'otherOverdueAmendment')) {
    const columns = specs.find((spec) => spec.key === 'newReceived')?.fieldIds.map((id) => id.slice(id.lastIndexOf('.') + 1)) ?? [];
    const totalAt = specs.findIndex((spec) => spec.key === 'resultTotal');
    specs.splice(totalAt < 0 ? specs.length : totalAt, 0, {
      key: 'otherCombined',
      fieldIds: columns.map((column) => `applications.otherCombined.${column}`),
      kinds: columns.map(() => 'count' as const),
      units: columns.map(() => '件'),
      ...labelPatterns(['（六）其他处理', '其他处理'], []),
      virtual: true,
    });
  }
  return specs;
}

/** The section a table id belongs to ("二.5" → "二"). */
function sectionOf(tableId: string): string {
  const dot = tableId.indexOf('.');
  return dot < 0 ? tableId : tableId.slice(0, dot);
}

function kindOf(fieldId: string, unit: string): CellKind {
  if (fieldId.endsWith('.change')) return 'signed';
  if (unit === '万元' || unit === '元') return 'amount';
  return 'count';
}

/** Removes a leading ordinal ("1.", "（一）", "二、") from a folded label. */
function stripOrdinal(folded: string): string {
  return folded.replace(LEADING_ORDINAL, '');
}

function labelPatterns(labels: readonly string[], extras: readonly string[]): Pick<GridRowSpec, 'canonical' | 'patterns' | 'ordinal'> {
  const folded = labels.map(foldLabel);
  const canonical = stripOrdinal(folded[0] ?? '');
  const patterns = new Map<string, LabelPattern>();
  const add = (text: string, strong: boolean, score: number) => {
    const existing = patterns.get(text);
    if (!existing || existing.score < score) patterns.set(text, { text, strong, score });
  };
  for (const label of folded) {
    const stripped = stripOrdinal(label);
    if (stripped.length === 0) continue;
    const score = Math.max(0.5, Math.min(1, stripped.length / Math.max(1, canonical.length)));
    const weak = GENERIC_WORDS.has(stripped);
    add(stripped, !weak, score);
    if (stripped !== label) {
      add(label, true, score);
      // "1.申请人…" is also printed "1、申请人…" and "1．申请人…".
      const arabic = /^(\d{1,2})[.、,]/u.exec(label);
      if (arabic) for (const mark of ['.', '、']) add(`${arabic[1]}${mark}${stripped}`, true, score);
    }
  }
  for (const extra of extras) add(foldLabel(extra), true, 0.7);
  return { canonical, patterns: [...patterns.values()], ...ordinalOf(folded[0] ?? '') };
}

/** The Arabic ordinal a label is printed with ("2.其他…" → "2", "二、上年结转…" → "2"); none for "（一）". */
function ordinalOf(label: string): { ordinal?: string } {
  const arabic = /^(\d{1,2})[.、,]/u.exec(label);
  if (arabic) return { ordinal: arabic[1]! };
  const chinese = /^([一二三四五六七八九])、/u.exec(label);
  if (chinese) return { ordinal: String(CHINESE_ORDINALS.indexOf(chinese[1]!) + 1) };
  return {};
}
