import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import type { CellReading } from '../parse/ParseResult.ts';

/**
 * Fields in a hard rule one of whose cells is held as a piece of a number split over lines (CellReading.splitPiece):
 * that rule went unchecked, and might have failed on them. The pieces themselves are left out.
 */
export function fieldsBesideSplitPieces(rules: readonly RuleDefinition[], cells: Iterable<CellReading>): Set<string> {
  const pieces = new Set([...cells].filter((cell) => cell.splitPiece === true).map((cell) => cell.fieldId));
  if (pieces.size === 0) return new Set();
  return new Set(rules.filter((rule) => rule.severity === 'hard').flatMap((rule) => {
    const ids = [...rule.left, ...rule.right];
    return ids.some((id) => pieces.has(id)) ? ids.filter((id) => !pieces.has(id)) : [];
  }));
}
