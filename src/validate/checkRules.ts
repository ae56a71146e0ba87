import { failuresExplainedByBlanks, notInDoubtForBlanks } from './failuresExplainedByBlanks.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import type { FieldFinding } from '../record/FieldFinding.ts';
import { evaluateRule, ruleEvaluationFinding, type RuleEvaluation } from './evaluateRule.ts';
import { readBlanksAsZero } from './readBlanksAsZero.ts';
import { findAbsentZeros, findProvenZeros, type ProofEligibility } from './findProvenZeros.ts';

export type { AbsentRowEligibility, ProofEligibility } from './findProvenZeros.ts';

/** What the rules say about one field. */
export interface FieldRuleFindings {
  /** Hard rules that hold with the values as read (each one confirms every field in it). */
  readonly confirmedBy: readonly RuleEvaluation[];
  /** True when a confirming rule involves a value other than 0 (0 = 0 + 0 confirms much less). */
  readonly confirmedNonTrivially: boolean;
  /** Hard rules that hold only once blanks are proposed as 0 (a weaker confirmation of the filled cells). */
  readonly heldWithProposals: readonly RuleDefinition[];
  /** Hard rules that fail, as read or with blanks taken as 0: the field goes to review. */
  readonly failedHard: readonly RuleDefinition[];
  /** Soft rules that fail: a warning. */
  readonly failedSoft: readonly RuleDefinition[];
  /** The hard rule that makes this blank cell 0 if anything, when it is proposed as 0. */
  readonly proposedZeroBy: RuleDefinition | null;
  /** The hard rule that proves this blank cell 0 (its total and other parts printed, the sum exact), if any. */
  readonly provenZeroBy: RuleDefinition | null;
  /**
   * True when the proof rests on cells read with a doubt (an inexact label, a repair, a section the parser could not
   * resolve): the sum holds as printed, but a premise may be misread (see ProofEligibility.doubtful).
   */
  readonly provenZeroDoubtful?: boolean;
  /** The hard rule that proves this unprinted row's cell 0 (see findAbsentZeros), if any. */
  readonly absentZeroBy: RuleDefinition | null;
  /** Findings for the record, in rule order (failures, proposals, proofs). */
  readonly findings: readonly FieldFinding[];
}

/** The outcome of every rule of a template on one set of values. */
export interface RuleCheck {
  /** Each rule evaluated on the values as read (null never taken as 0). */
  readonly evaluations: readonly RuleEvaluation[];
  /** Findings per field id (fields in no rule have none). */
  readonly fields: ReadonlyMap<string, FieldRuleFindings>;
  /** Blank cells that the hard rules force to 0 (proposed for a reviewer; the value stays null). */
  readonly proposedZeros: ReadonlySet<string>;
  /** Blank cells proven 0 (see findProvenZeros), with the rule that proves each: the rules were checked with them as 0. */
  readonly provenZeros: ReadonlyMap<string, RuleDefinition>;
  /** Cells of rows the document does not print, proven 0 the same way (see findAbsentZeros): their value is 0, but a person confirms it. */
  readonly absentZeros: ReadonlyMap<string, RuleDefinition>;
  /** Hard rules that fail, or cannot hold with blanks as 0. */
  readonly failedHardRules: readonly RuleDefinition[];
}

interface MutableFindings {
  confirmedBy: RuleEvaluation[];
  confirmedNonTrivially: boolean;
  heldWithProposals: RuleDefinition[];
  failedHard: RuleDefinition[];
  failedSoft: RuleDefinition[];
  proposedZeroBy: RuleDefinition | null;
  provenZeroBy: RuleDefinition | null;
  absentZeroBy: RuleDefinition | null;
  findings: FieldFinding[];
}

/**
 * Checks every rule on values looked up by field id: a number, null for a cell printed blank, undefined for a
 * cell not read at all. Used by scoring, and by anything that re-checks a record after values change (the
 * review service, the LLM merge), so the same code decides everywhere.
 *
 * Blanks: a hard sum rule that holds only with its blank cells taken as 0 (and no other reading fits)
 * proposes those blanks as 0; proposals propagate (a rule completed by earlier proposals is checked with
 * them). A rule that cannot hold even with blanks as 0 (a blank total next to filled parts) is a failure.
 * With `proof`, blanks a printed total proves 0 (findProvenZeros) are checked as 0 and are no longer proposals.
 * Printed values are never changed here.
 */
export function checkRules(
  rules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  proof?: ProofEligibility,
): RuleCheck {
  const asRead = checkRulesOn(rules, valueOf, new Map());
  if (!proof) return asRead;
  // A cell whose failing sums only a blank on their short side breaks (a row's total left blank beside its parts) is
  // not in doubt for them, unless it is that blank: it may serve in a proof, or be proven 0 by another rule.
  const failing = failingOn(asRead, valueOf, proof.blank);
  const provenZeros = findProvenZeros(rules, valueOf, proof, failing);
  const checked = provenZeros.size === 0 ? asRead : checkRulesOn(rules, (fieldId) => (provenZeros.has(fieldId) ? 0 : valueOf(fieldId)), provenZeros);
  const absentZeros = findAbsentZeros(rules, valueOf, proof, failing, provenZeros);
  const doubtfulZeros = proof.doubtful
    ? findDoubtfulZeros(rules, valueOf, proof.doubtful, failingOn(asRead, valueOf, proof.doubtful.blank), provenZeros)
    : new Map<string, RuleDefinition>();
  if (absentZeros.size === 0 && doubtfulZeros.size === 0) return checked;
  // Recorded beside the check, not fed back into it: the rules stay checked on what the document prints.
  const fields = new Map(checked.fields);
  const provenAll = new Map(checked.provenZeros);
  for (const [id, rule] of doubtfulZeros) {
    const findings = fields.get(id);
    // Only a blank the check proposed as 0 (its rule holds with it as 0): the proof names the same cells.
    if (!findings?.proposedZeroBy) continue;
    provenAll.set(id, rule);
    fields.set(id, {
      ...findings,
      proposedZeroBy: null,
      provenZeroBy: rule,
      provenZeroDoubtful: true,
      findings: [...findings.findings.filter((finding) => finding.kind !== 'proposed-zero'), { kind: 'proven-zero', ruleId: rule.id }],
    });
  }
  for (const [id, rule] of absentZeros) {
    // A field of no evaluated rule (every rule it is in was skipped as unread) has no findings yet.
    const findings = fields.get(id) ?? emptyFindings();
    fields.set(id, { ...findings, absentZeroBy: rule, findings: [...findings.findings, { kind: 'absent-row-zero', ruleId: rule.id }] });
  }
  return { ...checked, fields, provenZeros: provenAll, absentZeros };
}

/**
 * The cells of failing hard rules that take part in no proof: all of them, but those whose failing sums only blanks
 * `isBlank` accepts explain (failuresExplainedByBlanks). Each proof asks with its own premises: the doubtful proof
 * (a section left unresolved, say) accepts the blank totals that explain a row's failure on the same looser terms as
 * the blanks it proves.
 */
function failingOn(asRead: RuleCheck, valueOf: (fieldId: string) => number | null | undefined, isBlank: (fieldId: string) => boolean): Set<string> {
  const explained = failuresExplainedByBlanks(asRead.failedHardRules, valueOf, isBlank);
  return new Set([...asRead.fields].filter(([id, findings]) => findings.failedHard.length > 0
    && !notInDoubtForBlanks(id, findings.failedHard, explained)).map(([id]) => id));
}

/** Blanks proven 0 by findProvenZeros on the doubtful premises, that the strict premises did not prove. */
function findDoubtfulZeros(
  rules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  eligibility: Pick<ProofEligibility, 'printed' | 'blank'>,
  failing: ReadonlySet<string>,
  strict: ReadonlyMap<string, RuleDefinition>,
): Map<string, RuleDefinition> {
  // The looser premises admit every strict one, so the strictly proven blanks are proven again here and dropped.
  const doubtful = findProvenZeros(rules, valueOf, eligibility, failing);
  for (const id of strict.keys()) doubtful.delete(id);
  return doubtful;
}

/** The findings of a field no rule has said anything of yet. */
function emptyFindings(): MutableFindings {
  return { confirmedBy: [], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [], proposedZeroBy: null, provenZeroBy: null, absentZeroBy: null, findings: [] };
}

function checkRulesOn(
  rules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  provenZeros: ReadonlyMap<string, RuleDefinition>,
): RuleCheck {
  const proposedZeros = findForcedZeros(rules, valueOf);
  const withProposals = (fieldId: string) => (proposedZeros.has(fieldId) ? 0 : valueOf(fieldId));
  const fields = new Map<string, MutableFindings>();
  const findingsOf = (fieldId: string): MutableFindings => {
    let findings = fields.get(fieldId);
    if (!findings) {
      findings = emptyFindings();
      fields.set(fieldId, findings);
    }
    return findings;
  };
  const evaluations: RuleEvaluation[] = [];
  const failedHardRules: RuleDefinition[] = [];
  for (const rule of rules) {
    const fieldIds = [...rule.left, ...rule.right];
    const evaluation = evaluateRule(rule, valueOf);
    evaluations.push(evaluation);
    if (evaluation.outcome === 'pass') {
      if (rule.severity !== 'hard') continue;
      const nonTrivial = fieldIds.some((id) => (valueOf(id) ?? 0) !== 0);
      for (const id of fieldIds) {
        const findings = findingsOf(id);
        findings.confirmedBy.push(evaluation);
        findings.confirmedNonTrivially ||= nonTrivial;
      }
      continue;
    }
    if (evaluation.outcome === 'fail') {
      const finding = ruleEvaluationFinding(evaluation)!;
      for (const id of fieldIds) {
        const findings = findingsOf(id);
        if (rule.severity === 'hard') findings.failedHard.push(rule);
        else findings.failedSoft.push(rule);
        findings.findings.push(finding);
      }
      if (rule.severity === 'hard') failedHardRules.push(rule);
      continue;
    }
    if (rule.severity !== 'hard' || rule.kind !== 'equal') continue;
    // Incomplete hard sum: read it again with the proposed zeros.
    const completed = evaluateRule(rule, withProposals);
    if (completed.outcome === 'pass') {
      for (const id of fieldIds) {
        const findings = findingsOf(id);
        if (proposedZeros.has(id)) {
          findings.proposedZeroBy ??= rule;
        } else {
          findings.heldWithProposals.push(rule);
        }
      }
      continue;
    }
    const blankReading = completed.outcome === 'fail'
      ? { outcome: 'contradicted' as const, blanks: evaluation.missing, leftSum: completed.leftSum, rightSum: completed.rightSum }
      : readBlanksAsZero(rule, withProposals);
    let finding: FieldFinding;
    if (blankReading.outcome === 'contradicted') {
      finding = { kind: 'rule-blanks-contradict', ruleId: rule.id, blanks: [...evaluation.missing], leftSum: blankReading.leftSum ?? 0, rightSum: blankReading.rightSum ?? 0 };
    } else {
      const bound = exceedsWhateverUnknown(rule, valueOf);
      if (bound === null) continue;
      finding = bound;
    }
    failedHardRules.push(rule);
    for (const id of fieldIds) {
      const findings = findingsOf(id);
      findings.failedHard.push(rule);
      findings.findings.push(finding);
    }
  }
  for (const id of proposedZeros) {
    const findings = findingsOf(id);
    const rule = findings.proposedZeroBy;
    // The value stays null and the method stays 'table' (the gold keeps blanks as printed, and the dataset
    // must not carry a 0 nobody printed or confirmed); the proposal lives in this sentence and becomes
    // method 'inferred' only when a reviewer accepts it.
    if (rule) findings.findings.push({ kind: 'proposed-zero', ruleId: rule.id });
  }
  for (const [id, rule] of provenZeros) {
    const findings = findingsOf(id);
    findings.provenZeroBy = rule;
    findings.findings.push({ kind: 'proven-zero', ruleId: rule.id });
  }
  return { evaluations, fields, proposedZeros, provenZeros, absentZeros: new Map(), failedHardRules };
}

/**
 * For a sum rule with unknown cells (blank or unread) on one side only: counts are never negative, so when
 * the known cells of that side already add up to more than the other, fully known side, the rule fails
 * whatever the unknown cells hold. Returns that finding ("0 ≠ 21 + ?" in words), or null.
 */
function exceedsWhateverUnknown(rule: RuleDefinition, valueOf: (fieldId: string) => number | null | undefined): FieldFinding | null {
  const side = (ids: readonly string[]) => {
    let known = 0;
    let unknown = 0;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === null || value === undefined) unknown++;
      else known += value;
    }
    return { known, unknown };
  };
  const left = side(rule.left);
  const right = side(rule.right);
  const finding = (): FieldFinding => ({
    kind: 'rule-cannot-hold', ruleId: rule.id, leftKnown: left.known, leftUnknown: left.unknown, rightKnown: right.known, rightUnknown: right.unknown,
  });
  if (left.unknown === 0 && right.unknown > 0 && right.known > left.known + 1e-6) return finding();
  if (rule.kind === 'equal' && right.unknown === 0 && left.unknown > 0 && left.known > right.known + 1e-6) return finding();
  return null;
}

/** Blank cells forced to 0 by some hard rule, propagated until nothing changes. */
function findForcedZeros(rules: readonly RuleDefinition[], valueOf: (fieldId: string) => number | null | undefined): Set<string> {
  const proposed = new Set<string>();
  const current = (fieldId: string) => (proposed.has(fieldId) ? 0 : valueOf(fieldId));
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      const reading = readBlanksAsZero(rule, current);
      if (reading.outcome !== 'forced-zero') continue;
      for (const id of reading.blanks) {
        if (!proposed.has(id)) {
          proposed.add(id);
          changed = true;
        }
      }
    }
  }
  return proposed;
}
