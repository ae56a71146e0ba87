import type { RuleDefinition } from './TemplateDefinition.ts';

/** Applicant columns of section 三 of the 2019/2021 forms, in printed order; `total` is 总计. */
export const applicantColumns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;
const partColumns = applicantColumns.slice(0, 6);

const deniedRows = [
  'deniedStateSecret', 'deniedLawForbidden', 'deniedSafetyStability', 'deniedThirdParty',
  'deniedInternalAffairs', 'deniedProcessInfo', 'deniedEnforcementFile', 'deniedQuery',
];
const unableRows = ['unableNotHeld', 'unableNeedsCreation', 'unableUnclear'];
const notProcessedRows = [
  'notProcessedComplaint', 'notProcessedDuplicate', 'notProcessedPublication', 'notProcessedMassRepeated', 'notProcessedConfirmation',
];

/** Row keys of section 三 (without the `applications.` prefix), in printed order, for a form's "other handling" rows. */
export function applicationRows(otherRows: readonly string[]): string[] {
  return [
    'newReceived', 'carriedOver', 'granted', 'partiallyGranted', ...deniedRows, ...unableRows, ...notProcessedRows,
    ...otherRows, 'resultTotal', 'carriedForward',
  ];
}

/** Outcome rows that add up to (七)总计. */
function outcomeRows(otherRows: readonly string[]): string[] {
  return ['granted', 'partiallyGranted', ...deniedRows, ...unableRows, ...notProcessedRows, ...otherRows];
}

/** Section 四 groups. */
export const appealGroups = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;

/** The rules of rules.md for the new-format forms (gov-2019: otherRows = [otherHandling]). */
export function newFormatRules(otherRows: readonly string[]): RuleDefinition[] {
  const rules: RuleDefinition[] = [];
  const field = (row: string, column: string) => `applications.${row}.${column}`;
  for (const column of applicantColumns) {
    rules.push({
      id: `flow.${column}`,
      kind: 'equal',
      severity: 'hard',
      left: [field('newReceived', column), field('carriedOver', column)],
      right: [field('resultTotal', column), field('carriedForward', column)],
      description: `${field('newReceived', column)} + ${field('carriedOver', column)} = ${field('resultTotal', column)} + ${field('carriedForward', column)}`,
    });
    const outcomes = outcomeRows(otherRows).map((row) => field(row, column));
    rules.push({
      id: `outcomes.${column}`,
      kind: 'equal',
      severity: 'hard',
      left: [field('resultTotal', column)],
      right: outcomes,
      description: `${field('resultTotal', column)} = sum of the outcome rows (予以公开 … 其他处理) in column ${column}`,
    });
  }
  for (const row of applicationRows(otherRows)) {
    rules.push({
      id: `row.${row}`,
      kind: 'equal',
      severity: 'hard',
      left: [field(row, 'total')],
      right: partColumns.map((column) => field(row, column)),
      description: `${field(row, 'total')} = ${partColumns.map((column) => field(row, column)).join(' + ')}`,
    });
  }
  for (const group of appealGroups) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((part) => `${group}.${part}`);
    rules.push({
      id: `appeals.${group}`,
      kind: 'equal',
      severity: 'hard',
      left: [`${group}.total`],
      right: parts,
      description: `${group}.total = ${parts.join(' + ')}`,
    });
  }
  return rules;
}
