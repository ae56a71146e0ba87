import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { isLlmFinding, type FieldFinding } from '../record/FieldFinding.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * Why a field in review needs a person, as filterable reason keys: `rule:<rule id>` (a hard rule fails),
 * `warning:<rule id>`, `rule` (printed digits no reading fits), `proposed-zero`, `missing`, `ambiguous`, `offered`
 * (the likeliest reading is shown, to approve or correct), `llm`,
 * `other`, or `low-confidence` when the field carries no finding at all. Read from the typed findings; a record
 * stored before findings existed has only sentences, which are `other`.
 */
export function reasonsOfField(template: TemplateDefinition | undefined, field: FieldRecord): string[] {
  const findings = field.findings;
  if (findings === undefined) return field.issues.length === 0 ? ['low-confidence'] : ['other'];
  const reasons = new Set<string>();
  for (const finding of findings) {
    const reason = reasonOf(template, finding);
    if (reason !== null) reasons.add(reason);
  }
  return reasons.size === 0 ? ['low-confidence'] : [...reasons];
}

function reasonOf(template: TemplateDefinition | undefined, finding: FieldFinding): string | null {
  switch (finding.kind) {
    case 'rule-failed':
    case 'rule-unchecked': {
      const known = template === undefined || template.rules.some((rule) => rule.id === finding.ruleId);
      const kind = finding.severity === 'hard' ? 'rule' : 'warning';
      return known ? `${kind}:${finding.ruleId}` : kind;
    }
    case 'rule-blanks-contradict':
    case 'rule-cannot-hold':
      return `rule:${finding.ruleId}`;
    case 'printed-inconsistency':
      return 'rule';
    case 'proposed-zero':
    case 'proof-in-doubt':
      return 'proposed-zero';
    case 'not-found':
    case 'absent-row-zero':
    case 'nothing-read':
      return 'missing';
    case 'ambiguous':
      return 'ambiguous';
    case 'likeliest-reading':
      return 'offered';
    case 'proven-zero':
      // Not a reason to look: the printed total proves it.
      return null;
    default:
      return isLlmFinding(finding) ? 'llm' : 'other';
  }
}

/** True when `reason` (a summary's reason key) matches a filter: exact key, or its kind (`rule` matches `rule:x`). */
export function reasonMatches(reason: string, filter: string): boolean {
  return reason === filter || reason.startsWith(`${filter}:`);
}
