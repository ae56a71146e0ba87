import type { CompactView } from './compactView.ts';
import { findRowLabel, type LabelMatch } from './findRowLabel.ts';
import type { GridRowSpec } from './gridRowSpecs.ts';
import { readGluedRun, type GluedRun } from './readGluedRun.ts';

/** A row found in running text: its label and the run of digits printed after it. */
export interface LocatedRow {
  readonly spec: GridRowSpec;
  readonly label: LabelMatch;
  readonly run?: GluedRun;
  /** The run cut where the printed text had spaces: compact [start, end) of each piece. */
  readonly pieces: readonly (readonly [number, number])[];
}

/** How far ahead of the previous label (compact characters) the next one is looked for. */
const SEARCH_WINDOW = 400;
/** Where the last row's run may end at most, past its label. */
const LAST_ROW_REACH = 120;

/**
 * Finds the rows of a section in order in compact text[from, to): each label searched after the previous
 * one (weak labels such as "3.其他" right after the previous row's digits), then each row's run read between
 * its label and the next row's, with the next row's glued ordinal cut off. For gov-2021 section 三, a
 * document that prints a single (六)其他处理 row gets the virtual `otherCombined` row when none of the three
 * sub-rows is found.
 */
export function locateGluedRows(
  view: CompactView,
  specs: readonly GridRowSpec[],
  from: number,
  to: number,
  allowSignsAndDecimals: boolean,
): LocatedRow[] {
  const text = view.text;
  const labels: { spec: GridRowSpec; label: LabelMatch }[] = [];
  let searchFrom = from;
  let weakFrom = from;
  for (const spec of specs) {
    if (spec.virtual) continue;
    const window = Math.min(to, searchFrom + SEARCH_WINDOW);
    const label = findRowLabel(text, spec, searchFrom, window, false) ?? findRowLabel(text, spec, weakFrom, window, true);
    if (!label) continue;
    labels.push({ spec, label });
    searchFrom = label.end;
    weakFrom = readGluedRun(text, label.end, to, undefined, allowSignsAndDecimals)?.end ?? label.end;
  }
  addCombinedOtherRow(text, specs, labels);

  return labels.map(({ spec, label }, index) => {
    const next = labels[index + 1];
    const end = next ? next.label.start : Math.min(to, label.end + LAST_ROW_REACH);
    // The form's next row, when its label was not found, still printed its ordinal right after these digits.
    const formNext = specs.slice(specs.indexOf(spec) + 1).find((candidate) => !candidate.virtual);
    const unfoundOrdinal = formNext !== undefined && formNext !== next?.spec ? formNext.ordinal : undefined;
    const run = readGluedRun(text, label.end, end, next?.spec.ordinal, allowSignsAndDecimals, unfoundOrdinal);
    return { spec, label, ...(run ? { run } : {}), pieces: run ? runPieces(view, run.start, run.end) : [] };
  });
}

/** gov-2021 documents printing (六)其他处理 as one row: found between 5.要求行政机关确认… and (七)总计. */
function addCombinedOtherRow(text: string, specs: readonly GridRowSpec[], labels: { spec: GridRowSpec; label: LabelMatch }[]): void {
  const combined = specs.find((spec) => spec.virtual);
  if (!combined) return;
  const subRows = new Set(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling']);
  if (labels.some((entry) => subRows.has(entry.spec.key))) return;
  const totalIndex = labels.findIndex((entry) => entry.spec.key === 'resultTotal');
  if (totalIndex <= 0) return;
  const previous = labels[totalIndex - 1]!;
  const label = findRowLabel(text, combined, previous.label.end, labels[totalIndex]!.label.start, false);
  if (label) labels.splice(totalIndex, 0, { spec: combined, label });
}

/** Splits compact [start, end) where the printed text had whitespace (a gap in the view's source indexes). */
export function runPieces(view: CompactView, start: number, end: number): [number, number][] {
  const result: [number, number][] = [];
  let pieceStart = start;
  for (let index = start + 1; index < end; index++) {
    if (view.sourceIndex[index]! !== view.sourceIndex[index - 1]! + 1) {
      result.push([pieceStart, index]);
      pieceStart = index;
    }
  }
  result.push([pieceStart, end]);
  return result;
}
