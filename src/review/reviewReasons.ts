import type { FieldRecord } from '../record/ExtractionRecord.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import { ruleOfIssue } from './ruleImpact.ts';

/**
 * Why a field in review needs a person, as filterable reason keys: `rule:<rule id>` (a hard rule fails),
 * `warning:<rule id>`, `proposed-zero`, `missing`, `ambiguous`, `llm`, `other`, or `low-confidence` when the
 * field carries no issue at all.
 */
export function reasonsOfField(template: TemplateDefinition | undefined, field: FieldRecord): string[] {
  if (field.issues.length === 0) return ['low-confidence'];
  const reasons = new Set<string>();
  for (const issue of field.issues) {
    const rule = template ? ruleOfIssue(template, issue) : undefined;
    if (rule) reasons.add(`${rule.severity === 'hard' ? 'rule' : 'warning'}:${rule.id}`);
    else if (issue.startsWith('rule:')) reasons.add('rule');
    else if (issue.startsWith('warning:')) reasons.add('warning');
    else if (issue.startsWith('proposed 0')) reasons.add('proposed-zero');
    else if (issue.includes('not found')) reasons.add('missing');
    else if (issue.startsWith('ambiguous')) reasons.add('ambiguous');
    else if (/\bLLM\b/i.test(issue)) reasons.add('llm');
    else reasons.add('other');
  }
  return [...reasons];
}

/** True when `reason` (a summary's reason key) matches a filter: exact key, or its kind (`rule` matches `rule:x`). */
export function reasonMatches(reason: string, filter: string): boolean {
  return reason === filter || reason.startsWith(`${filter}:`);
}
