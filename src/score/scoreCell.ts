import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldRuleFindings } from '../validate/checkRules.ts';
import type { NarrativeFinding } from '../validate/checkNarrative.ts';
import { classifyLayout, confidencePolicy as policy } from './confidencePolicy.ts';

/** Everything known about one field when its confidence is decided. */
export interface CellSignals {
  readonly cell: CellReading | undefined;
  readonly rules: FieldRuleFindings | undefined;
  readonly narrative: readonly NarrativeFinding[];
  /** For a blank cell: a number-like piece that stands unread in its row (see findDoubtfulBlanks). */
  readonly unreadInRow?: string;
  /** The parser could not read the section this field belongs to with certainty (SectionReading.resolved). */
  readonly sectionUnresolved?: boolean;
}

/** A field's confidence and whether anything forbids committing it without a person. */
export interface CellScore {
  readonly confidence: number;
  /** Reasons the field cannot be `auto` whatever its confidence (missing, ambiguous, failed rule, proposal). */
  readonly blockers: readonly string[];
}

/**
 * Confidence from real signals: how the cell was read (layout, label match, repairs, ambiguity), what the
 * rules say (a passing hard rule confirms, a failing one caps), and whether the narrative agrees.
 */
export function scoreCell(signals: CellSignals): CellScore {
  const { cell, rules, narrative } = signals;
  if (!cell) return { confidence: 0, blockers: ['not found'] };
  const layoutClass = classifyLayout(cell.layout);
  let confidence = readingConfidence(cell);
  if (rules && rules.failedHard.length === 0) {
    if (rules.confirmedBy.length > 0) {
      let factor: number = rules.confirmedNonTrivially ? policy.confirmedNonTrivially : policy.confirmedTrivially;
      // A glued run was split so that the rules hold: they cannot also confirm the split.
      if (layoutClass === 'gluedDigits') factor = Math.max(factor, policy.gluedConfirmationFloor);
      confidence = 1 - (1 - confidence) * factor;
    } else if (rules.heldWithProposals.length > 0) {
      confidence = 1 - (1 - confidence) * policy.heldWithProposals;
    }
  }
  if (rules) confidence -= policy.softRulePenalty * Math.min(2, rules.failedSoft.length);
  const disagreements = narrative.filter((finding) => !finding.agrees).length;
  if (disagreements > 0) confidence -= policy.narrativeDisagreementPenalty;
  else if (narrative.length > 0) confidence = 1 - (1 - confidence) * policy.narrativeAgreement;

  // Caps come last: no agreement elsewhere lifts a field over what blocks it.
  const blockers: string[] = [];
  const cap = (limit: number, blocker: string | null) => {
    confidence = Math.min(confidence, limit);
    if (blocker) blockers.push(blocker);
  };
  if (cell.value === null && /[0-9０-９]/u.test(cell.raw)) cap(policy.unreadValueCap, 'value not read');
  if (signals.unreadInRow !== undefined) cap(policy.doubtfulBlankCap, 'blank next to an unread value');
  if (cell.ambiguous) cap(policy.ambiguousCap, 'ambiguous');
  if (rules && rules.failedHard.length > 0) cap(policy.failedRuleCap, 'rule failed');
  if (rules?.proposedZeroBy) cap(policy.proposedZeroCap, 'blank proposed as 0');
  // Cells placed by position (column order, glued digits) stand or fall with the whole section's reading.
  if (signals.sectionUnresolved && (layoutClass === 'columnOrder' || layoutClass === 'gluedDigits')) {
    cap(policy.unresolvedPositionalCap, null);
  }
  return { confidence: clamp(confidence), blockers };
}

/** Confidence from how the cell itself was read, before any rule or narrative. */
function readingConfidence(cell: CellReading): number {
  let confidence: number;
  if (cell.method === 'table') confidence = policy.layout[classifyLayout(cell.layout)];
  else confidence = policy.method[cell.method];
  if (cell.labelScore < policy.exactLabel) {
    confidence *= policy.labelFloor + (1 - policy.labelFloor) * Math.max(0, Math.min(1, cell.labelScore));
  }
  let counted = 0;
  for (const repair of cell.repairs) {
    if (counted >= policy.maxRepairPenalties) break;
    confidence -= isOcrRepair(repair) ? policy.ocrRepairPenalty : policy.otherRepairPenalty;
    counted++;
  }
  if (cell.value === null) confidence -= policy.blankPenalty;
  return confidence;
}

function isOcrRepair(repair: string): boolean {
  return /OCR|letter|[OolIZSB]\s*(?:→|->|as)\s*\d/u.test(repair);
}

function clamp(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}
