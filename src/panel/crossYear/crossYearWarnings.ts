import { formatRuleNumber } from '../../validate/evaluateRule.ts';
import type { CrossYearFinding } from './checkCrossYear.ts';

/** A broken cross-year chain as shown on one of its two documents. */
export interface CrossYearWarning {
  readonly ruleId: string;
  /** [N, N+1] */
  readonly years: readonly [number, number];
  /** This document's fields in the rule. */
  readonly fieldIds: readonly string[];
  /** The other document of the pair. */
  readonly otherSha256: string;
  readonly leftSum: number;
  readonly rightSum: number;
  /** The sentence for the record's issues: the rule with its numbers and years. */
  readonly message: string;
}

/**
 * The soft warnings of broken chains, by document sha256: each broken finding appears on both its documents,
 * with the fields of that document. Holding and unchecked findings give none.
 */
export function crossYearWarnings(findings: readonly CrossYearFinding[]): Map<string, CrossYearWarning[]> {
  const bySha = new Map<string, CrossYearWarning[]>();
  for (const finding of findings) {
    if (finding.outcome !== 'breaks') continue;
    const years: [number, number] = [finding.earlier.year, finding.later.year];
    const message = `cross-year warning ${finding.ruleId}: ${finding.description.replaceAll('N+1', String(years[1])).replaceAll('(N)', `(${years[0]})`)} (${formatRuleNumber(finding.leftSum)} ≠ ${formatRuleNumber(finding.rightSum)})`;
    for (const side of ['earlier', 'later'] as const) {
      const sha256 = finding[side].sha256;
      const warning: CrossYearWarning = {
        ruleId: finding.ruleId,
        years,
        fieldIds: [...new Set(finding.terms.filter((term) => term.year === side).map((term) => term.fieldId))],
        otherSha256: finding[side === 'earlier' ? 'later' : 'earlier'].sha256,
        leftSum: finding.leftSum!,
        rightSum: finding.rightSum!,
        message,
      };
      bySha.set(sha256, [...(bySha.get(sha256) ?? []), warning]);
    }
  }
  return bySha;
}
