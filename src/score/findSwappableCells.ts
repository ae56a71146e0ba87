import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/** What findSwappableCells needs: the hard rules, the groups of cells read together, and their values. */
export interface SwapInput {
  readonly rules: readonly RuleDefinition[];
  /** Cells placed by their order in the text, grouped by the section they were read in. */
  readonly groups: readonly (readonly string[])[];
  readonly valueOf: (fieldId: string) => number | null | undefined;
}

/**
 * Cells whose value could trade places with another cell of their group without any hard rule noticing: the two
 * stand in exactly the same hard rules on the same side ("litigationDirect.corrected" and ".other" are both parts of
 * the one sum "…total = upheld + corrected + other + pending"), and their values differ. Where a program may draw a
 * row's cells in another order than printed (a PDF's reading order), the order is all that places such a cell, and
 * the rules that confirm it hold whichever of the two values it takes. Cells in different rules (a row sum and a
 * column sum) are not swappable: a swap breaks both.
 */
export function findSwappableCells(input: SwapInput): ReadonlySet<string> {
  const hard = input.rules.filter((rule) => rule.severity === 'hard' && rule.kind === 'equal');
  // A cell's place in the rules: for each hard rule it stands in, the rule and the side.
  const signatureOf = (fieldId: string): string => hard
    .flatMap((rule, index) => (rule.left.includes(fieldId) ? [`${index}L`] : rule.right.includes(fieldId) ? [`${index}R`] : []))
    .join(' ');
  const swappable = new Set<string>();
  for (const group of input.groups) {
    const bySignature = new Map<string, { fieldId: string; value: number }[]>();
    for (const fieldId of group) {
      const value = input.valueOf(fieldId);
      if (value === null || value === undefined) continue;
      const signature = signatureOf(fieldId);
      // A cell in no rule has nothing to confirm it whatever its place: other signals hold it.
      if (signature === '') continue;
      const cells = bySignature.get(signature) ?? [];
      cells.push({ fieldId, value });
      bySignature.set(signature, cells);
    }
    for (const cells of bySignature.values()) {
      // Cells of one signature all printing the same value lose nothing to a swap.
      if (new Set(cells.map((cell) => cell.value)).size < 2) continue;
      for (const cell of cells) swappable.add(cell.fieldId);
    }
  }
  return swappable;
}
