import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import type { CellReading } from '../ParseResult.ts';
import type { RowChoice } from './readRowCell.ts';

/**
 * Chooses between the readings of a row whose value is one of two printed numbers (a page number beside it),
 * by the form's hard sum rules: a reading is kept when every hard rule on the field that can be evaluated (all
 * its other fields read, certain and printed) holds with it. Exactly one reading kept, by at least one rule:
 * the cell takes it and is no longer ambiguous (placement `split`). Otherwise the cell stays ambiguous.
 * Returns the resolved cell, or undefined when the rules do not decide.
 */
export function resolveRowChoices(
  cell: CellReading,
  choices: readonly RowChoice[],
  rules: readonly RuleDefinition[],
  cells: ReadonlyMap<string, CellReading>,
): CellReading | undefined {
  const evaluable = rules.filter((rule) => rule.severity === 'hard' && rule.kind === 'equal' && [...rule.left, ...rule.right].includes(cell.fieldId))
    .filter((rule) => [...rule.left, ...rule.right].every((fieldId) => fieldId === cell.fieldId || isCertainNumber(cells.get(fieldId))));
  if (evaluable.length === 0) return undefined;
  const kept = choices.filter((choice) => evaluable.every((rule) => holds(rule, cell.fieldId, choice.value, cells)));
  if (kept.length !== 1) return undefined;
  const chosen = kept[0]!;
  return {
    ...cell,
    raw: chosen.raw, value: chosen.value, start: chosen.start, end: chosen.end,
    layout: 'flattened-solved', ambiguous: false,
    notes: [...cell.notes, `"${chosen.raw}" chosen: the only reading with which ${evaluable.map((rule) => rule.id).join(', ')} hold${evaluable.length === 1 ? 's' : ''}`],
    support: { readings: 1, anchored: cell.support?.anchored ?? true, placement: 'split' },
  };
}

function isCertainNumber(cell: CellReading | undefined): boolean {
  return cell !== undefined && !cell.ambiguous && cell.value !== null;
}

function holds(rule: RuleDefinition, fieldId: string, value: number, cells: ReadonlyMap<string, CellReading>): boolean {
  const valueOf = (id: string): number => (id === fieldId ? value : cells.get(id)!.value!);
  const left = rule.left.reduce((total, id) => total + valueOf(id), 0);
  const right = rule.right.reduce((total, id) => total + valueOf(id), 0);
  return Math.abs(left - right) < 1e-6;
}
