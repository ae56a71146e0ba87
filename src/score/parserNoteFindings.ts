import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldFinding } from '../record/FieldFinding.ts';

/**
 * The parser's notes as findings, and why an ambiguous cell waits for a person: a printed inconsistency (no
 * reading of the printed digits satisfies the rules) is a rule failure; a parser note that already explains
 * the ambiguity is the ambiguity's explanation; otherwise several readings satisfy every rule.
 * The parser writes its notes as sentences (CellReading.notes); this is the ONE place that reads their wording,
 * until the parser reports them typed.
 */
export function parserNoteFindings(cell: CellReading): FieldFinding[] {
  const findings: FieldFinding[] = [];
  let explained = false;
  for (const note of cell.notes) {
    if (cell.ambiguous && !explained && note.startsWith('ambiguous')) {
      findings.push({ kind: 'ambiguous', explanation: note });
      explained = true;
    } else findings.push({ kind: 'note', text: note });
  }
  if (!cell.ambiguous) return findings;
  const inconsistency = cell.notes.find((note) => /printed inconsistency/u.test(note));
  if (inconsistency !== undefined) findings.push({ kind: 'printed-inconsistency', note: inconsistency });
  else if (!explained) findings.push({ kind: 'ambiguous' });
  return findings;
}
