import type { CellReading, ParseResult, SectionReading } from '../parse/ParseResult.ts';
import type { LlmFieldVerdict } from './verifySectionAnswer.ts';

/**
 * The parse with the LLM's believed readings added: a field the parser did not read gets the LLM's cell
 * (method `llm`, layout `llm`, notes naming the model and prompt version). A field the parser read keeps the
 * parser's cell, except where that reading is `weak` (ambiguous, blank where a number is printed, or scored
 * far below auto) and the model's value, believed, differs: then the LLM's reading is the one the rules are
 * checked on, and adjustForLlm keeps the field in review showing both. Sections found by their heading are
 * added so later checks know where the tables are.
 */
export function mergeLlmReadings(
  parse: ParseResult,
  verdicts: ReadonlyMap<string, LlmFieldVerdict>,
  locatedSections: readonly SectionReading[],
  weak: ReadonlySet<string> = new Set(),
): ParseResult {
  const cells = new Map<string, CellReading>(parse.cells);
  for (const verdict of verdicts.values()) {
    if (verdict.kind === 'accepted' && weak.has(verdict.fieldId) && cells.get(verdict.fieldId)?.value !== verdict.value) {
      cells.set(verdict.fieldId, verdict.cell);
      continue;
    }
    if (verdict.kind !== 'accepted' && verdict.kind !== 'blank') continue;
    if (cells.has(verdict.fieldId)) continue;
    cells.set(verdict.fieldId, verdict.cell);
  }
  const known = new Set(parse.sections.map((section) => section.id));
  return {
    cells,
    sections: [...parse.sections, ...locatedSections.filter((section) => !known.has(section.id))],
    notes: parse.notes,
  };
}
