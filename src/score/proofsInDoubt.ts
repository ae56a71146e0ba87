import type { FieldRecord } from '../record/ExtractionRecord.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The auto fields whose blank was proven 0 by a rule one of whose printed cells, in the blank's own table row, is
 * held for review: the row may have been read a cell beside its own, its sum holding either way, so the proof is in
 * doubt too (seed 4616, variant 838). Cells held in other rows leave a column's proof standing: a row read a cell
 * aside keeps every column sum but its own row's. Each with the rule and the held cell, for the reviewer.
 */
export function proofsInDoubt(
  fields: readonly FieldRecord[],
  proofOf: (fieldId: string) => RuleDefinition | null | undefined,
  rowOf: ReadonlyMap<string, string>,
): Map<string, { readonly proof: RuleDefinition; readonly heldField: string }> {
  const held = new Set(fields.filter((record) => record.status === 'review' && record.value !== null && record.method !== 'inferred').map((record) => record.id));
  const doubted = new Map<string, { readonly proof: RuleDefinition; readonly heldField: string }>();
  if (held.size === 0) return doubted;
  for (const record of fields) {
    const proof = proofOf(record.id);
    if (!proof || record.status !== 'auto') continue;
    const row = rowOf.get(record.id);
    const heldField = [...proof.left, ...proof.right].find((fieldId) => fieldId !== record.id && held.has(fieldId) && rowOf.get(fieldId) === row);
    if (heldField !== undefined) doubted.set(record.id, { proof, heldField });
  }
  return doubted;
}
