import type { TemplateId } from '../../record/ExtractionRecord.ts';

/** A field of one of the two reports a cross-year rule ties: the earlier year's (N) or the later's (N+1). */
export interface CrossYearTerm {
  readonly year: 'earlier' | 'later';
  readonly fieldId: string;
  readonly sign: 1 | -1;
}

/**
 * A soft rule between the reports of one agency for consecutive years: the signed sum of `left` equals that of
 * `right`. It applies when the earlier report is on one of `earlierForms` and the later on one of `laterForms`.
 */
export interface CrossYearRule {
  readonly id: string;
  readonly description: string;
  readonly earlierForms: readonly TemplateId[];
  readonly laterForms: readonly TemplateId[];
  readonly left: readonly CrossYearTerm[];
  readonly right: readonly CrossYearTerm[];
}

const NEW_FORMS: readonly TemplateId[] = ['gov-2019', 'gov-2021'];
const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;
const ITEM_ROWS = ['licensing', 'otherServices', 'penalties', 'enforcement', 'fees'] as const;
const IN_FORCE_ROWS = ['normativeDocs', 'rules'] as const;

const term = (year: 'earlier' | 'later', fieldId: string, sign: 1 | -1 = 1): CrossYearTerm => ({ year, fieldId, sign });

/**
 * The cross-year rules of rules.md and issue 12, as data:
 * - carry.<column>: 上年结转 of N+1 = 结转下年度继续办理 of N, per applicant column (gov-2019 and gov-2021 alike,
 *   so it runs across the 2020 → 2021 change of form);
 * - inForce.<row>: the 2021 form's 现行有效件数 of N+1 = that of N + 本年制发 − 本年废止 of N+1;
 * - prevYearItems.<row>: the 2019 form's 上一年项目数量 of N+1 = the item count of N (上一年项目数量 + 本年增/减 of N).
 */
export const crossYearRules: readonly CrossYearRule[] = [
  ...APPLICANT_COLUMNS.map((column): CrossYearRule => ({
    id: `carry.${column}`,
    description: `applications.carriedOver.${column} (N+1) = applications.carriedForward.${column} (N)`,
    earlierForms: NEW_FORMS,
    laterForms: NEW_FORMS,
    left: [term('later', `applications.carriedOver.${column}`)],
    right: [term('earlier', `applications.carriedForward.${column}`)],
  })),
  ...IN_FORCE_ROWS.map((row): CrossYearRule => ({
    id: `inForce.${row}`,
    description: `disclosure.${row}.inForce (N+1) = disclosure.${row}.inForce (N) + disclosure.${row}.issued (N+1) − disclosure.${row}.repealed (N+1)`,
    earlierForms: ['gov-2021'],
    laterForms: ['gov-2021'],
    left: [term('later', `disclosure.${row}.inForce`)],
    right: [term('earlier', `disclosure.${row}.inForce`), term('later', `disclosure.${row}.issued`), term('later', `disclosure.${row}.repealed`, -1)],
  })),
  ...ITEM_ROWS.map((row): CrossYearRule => ({
    id: `prevYearItems.${row}`,
    description: `disclosure.${row}.prevYearItems (N+1) = disclosure.${row}.prevYearItems (N) + disclosure.${row}.change (N)`,
    earlierForms: ['gov-2019'],
    laterForms: ['gov-2019'],
    left: [term('later', `disclosure.${row}.prevYearItems`)],
    right: [term('earlier', `disclosure.${row}.prevYearItems`), term('earlier', `disclosure.${row}.change`)],
  })),
];

/** True when the rule applies to this pair of forms. */
export function ruleApplies(rule: CrossYearRule, earlierForm: TemplateId, laterForm: TemplateId): boolean {
  return rule.earlierForms.includes(earlierForm) && rule.laterForms.includes(laterForm);
}
