import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { findTemplate } from '../../templates/registry.ts';
import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import { evaluateRule } from '../../validate/evaluateRule.ts';
import { crossYearRules as projectRules, ruleApplies, type CrossYearRule, type CrossYearTerm } from './crossYearRules.ts';
import { evaluateCrossYearRule, type TermValue } from './evaluateCrossYearRule.ts';

/**
 * A printed row the parser could not settle: its fields in order and every reading of its glued run that the
 * document's own rules leave standing (one value per field). What the parser must expose for an ambiguous row.
 */
export interface AmbiguousRow {
  readonly fieldIds: readonly string[];
  readonly readings: readonly (readonly number[])[];
  /** The run as printed, for the reviewer's note. */
  readonly printed: string;
}

/** A report and its ambiguous rows (none for a neighbour whose values are all settled). */
export interface SettleSubject {
  readonly record: ExtractionRecord;
  readonly rows: readonly AmbiguousRow[];
}

/** A neighbouring report whose values decided a row's outcome (settled it, or contradicted every reading), and by which rules. */
export interface DecidedBy {
  readonly year: number;
  readonly sha256: string;
  readonly document: string;
  readonly ruleIds: readonly string[];
}

/**
 * What the neighbouring years say about one ambiguous row.
 * - `settled`: exactly one reading is consistent; `chosen` is it, every field is in `values`.
 * - `partly-settled`: several readings stay, but some fields have one value in all of them (in `values`).
 * - `undecided`: several readings stay and differ in every field.
 * - `contradicted`: no reading fits the neighbour (a broken chain or a misread neighbour): nothing is settled.
 * - `no-evidence`: no cross-year rule touching the row can be checked (no neighbour, or its values unsettled).
 * - `too-many`: the combinations exceed the work limit: nothing is settled.
 */
export interface RowSettlement {
  readonly fieldIds: readonly string[];
  readonly printed: string;
  readonly outcome: 'settled' | 'partly-settled' | 'undecided' | 'contradicted' | 'no-evidence' | 'too-many';
  readonly chosen: readonly number[] | null;
  readonly values: readonly { readonly fieldId: string; readonly value: number }[];
  readonly consistentReadings: readonly (readonly number[])[];
  readonly decidedBy: readonly DecidedBy[];
}

/** Limits and rules; the defaults are the project's. */
export interface SettleOptions {
  readonly rules?: readonly CrossYearRule[];
  /** Combinations of readings tried at most (the product over every ambiguous row of the subject and neighbours). */
  readonly maxCombinations?: number;
}

const SETTLED = new Set(['auto', 'approved', 'corrected']);
const DEFAULT_MAX_COMBINATIONS = 200_000;

/**
 * Settles the subject's ambiguous rows by the neighbouring years (reports of the same agency for N−1 and/or N+1):
 * every combination of readings — the subject's rows and any ambiguous rows of the neighbours, which are settled
 * jointly — is checked against the cross-year rules, and against each document's own hard rules that touch an
 * ambiguous field (a row's readings are projections of the document's solution: a combination its own rules reject
 * is out; a rule that fails in every combination is a printed inconsistency and is ignored). A neighbour's other
 * fields count only when settled (auto, approved, corrected). A row is settled when exactly one of its readings
 * appears in the consistent combinations; the result says which year(s) settled it. Method stays `table`: the
 * reading is the printed digits, the neighbour only chooses between splits.
 */
export function settleByNeighbour(subject: SettleSubject, neighbours: readonly SettleSubject[], options: SettleOptions = {}): RowSettlement[] {
  const rules = options.rules ?? projectRules;
  const maxCombinations = options.maxCombinations ?? DEFAULT_MAX_COMBINATIONS;
  const year = subject.record.meta.year;
  const adjacent = year === null ? [] : neighbours.filter((neighbour) => neighbour.record.meta.year === year - 1 || neighbour.record.meta.year === year + 1);
  const documents = [subject, ...adjacent];
  const variables = documents.flatMap((document, documentIndex) => document.rows.map((row) => ({ documentIndex, row })));

  // Cross-year rules between the subject and each neighbour, oriented (which document is earlier).
  const pairs = adjacent.flatMap((neighbour, index) => {
    const subjectEarlier = neighbour.record.meta.year === year! + 1;
    const earlier = subjectEarlier ? 0 : index + 1;
    const later = subjectEarlier ? index + 1 : 0;
    return rules
      .filter((rule) => ruleApplies(rule, documents[earlier]!.record.template, documents[later]!.record.template))
      .map((rule) => ({ rule, earlier, later, neighbourIndex: index + 1 }));
  });
  const ownRules = documents.map((document) => hardRulesTouching(document));
  const fieldMaps = documents.map((document) => new Map<string, FieldRecord>(document.record.fields.map((field) => [field.id, field])));

  const noEvidence = (outcome: 'no-evidence' | 'too-many'): RowSettlement[] => subject.rows.map((row) => ({
    fieldIds: row.fieldIds, printed: row.printed, outcome, chosen: null, values: [], consistentReadings: [], decidedBy: [],
  }));
  const combinations = variables.reduce((product, variable) => product * Math.max(variable.row.readings.length, 1), 1);
  if (variables.some((variable) => variable.row.readings.length === 0)) return noEvidence('no-evidence');
  if (combinations > maxCombinations) return noEvidence('too-many');

  const choice = variables.map(() => 0);
  const valueIn = (documentIndex: number, fieldId: string): TermValue => {
    for (let index = 0; index < variables.length; index++) {
      const variable = variables[index]!;
      if (variable.documentIndex !== documentIndex) continue;
      const position = variable.row.fieldIds.indexOf(fieldId);
      if (position >= 0) return { value: variable.row.readings[choice[index]!]![position]! };
    }
    const field = fieldMaps[documentIndex]!.get(fieldId);
    if (!field || !SETTLED.has(field.status)) return { value: null, why: 'not-read' };
    return field.value === null ? { value: null, why: 'blank' } : { value: field.value };
  };
  const isVariableField = (documentIndex: number, fieldId: string) =>
    variables.some((variable) => variable.documentIndex === documentIndex && variable.row.fieldIds.includes(fieldId));

  // Which cross-year rules are checkable and touch an ambiguous field: only those can tell readings apart.
  const deciding = pairs.filter(({ rule, earlier, later }) => {
    const terms = [...rule.left, ...rule.right];
    const documentOf = (term: CrossYearTerm) => (term.year === 'earlier' ? earlier : later);
    const touches = terms.some((term) => isVariableField(documentOf(term), term.fieldId));
    const checkable = terms.every((term) => isVariableField(documentOf(term), term.fieldId) || valueIn(documentOf(term), term.fieldId).value !== null);
    return touches && checkable;
  });

  // Own rules that fail in every combination are printed inconsistencies, not a choice: find them first.
  const ownOutcomes: { passedSomewhere: boolean[] }[] = ownRules.map((list) => ({ passedSomewhere: list.map(() => false) }));
  const consistent: number[][] = [];
  const combinationsTried: { choice: number[]; ownFailures: [number, number][] }[] = [];
  const visit = (index: number): void => {
    if (index === variables.length) {
      for (const { rule, earlier, later } of deciding) {
        const evaluation = evaluateCrossYearRule(rule, (term) => valueIn(term.year === 'earlier' ? earlier : later, term.fieldId));
        if (evaluation.outcome === 'breaks') return;
      }
      const ownFailures: [number, number][] = [];
      ownRules.forEach((list, documentIndex) => list.forEach((rule, ruleIndex) => {
        const evaluation = evaluateRule(rule, (fieldId) => {
          const found = valueIn(documentIndex, fieldId);
          return found.value;
        });
        if (evaluation.outcome === 'fail') ownFailures.push([documentIndex, ruleIndex]);
        else ownOutcomes[documentIndex]!.passedSomewhere[ruleIndex] = true;
      }));
      combinationsTried.push({ choice: [...choice], ownFailures });
      return;
    }
    const count = variables[index]!.row.readings.length;
    for (let reading = 0; reading < count; reading++) {
      choice[index] = reading;
      visit(index + 1);
    }
  };
  if (deciding.length === 0) return noEvidence('no-evidence');
  visit(0);
  for (const tried of combinationsTried) {
    const fails = tried.ownFailures.some(([documentIndex, ruleIndex]) => ownOutcomes[documentIndex]!.passedSomewhere[ruleIndex]);
    if (!fails) consistent.push(tried.choice);
  }

  return subject.rows.map((row, rowIndex): RowSettlement => {
    const touching = deciding.filter(({ rule, earlier, later }) =>
      [...rule.left, ...rule.right].some((term) => (term.year === 'earlier' ? earlier : later) === 0 && row.fieldIds.includes(term.fieldId)));
    // A row no deciding rule touches directly may still be decided through another row of its document's rules.
    const neighboursUsed = [...new Set(deciding.map((pair) => pair.neighbourIndex))];
    const decidedBy: DecidedBy[] = (touching.length > 0 ? [...new Set(touching.map((pair) => pair.neighbourIndex))] : neighboursUsed).map((neighbourIndex) => {
      const record = documents[neighbourIndex]!.record;
      const ruleIds = deciding.filter((pair) => pair.neighbourIndex === neighbourIndex).map((pair) => pair.rule.id);
      return { year: record.meta.year!, sha256: record.sha256, document: record.document, ruleIds };
    });
    const readingIndexes = [...new Set(consistent.map((combination) => combination[rowIndex]!))].sort((left, right) => left - right);
    const consistentReadings = readingIndexes.map((index) => row.readings[index]!);
    const base = { fieldIds: row.fieldIds, printed: row.printed, consistentReadings };
    if (consistentReadings.length === 0) return { ...base, outcome: 'contradicted', chosen: null, values: [], decidedBy };
    if (consistentReadings.length === 1) {
      const chosen = consistentReadings[0]!;
      return { ...base, outcome: 'settled', chosen, values: row.fieldIds.map((fieldId, index) => ({ fieldId, value: chosen[index]! })), decidedBy };
    }
    // Fields every printed reading already agreed on were read by the parser: only newly agreed ones are news.
    const before = new Set(agreed(row, row.readings).map((entry) => entry.fieldId));
    const values = agreed(row, consistentReadings).filter((entry) => !before.has(entry.fieldId));
    if (values.length > 0) return { ...base, outcome: 'partly-settled', chosen: null, values, decidedBy };
    return { ...base, outcome: touching.length === 0 && consistentReadings.length === row.readings.length ? 'no-evidence' : 'undecided', chosen: null, values: [], decidedBy: [] };
  });
}

/** The fields with one value in every reading left. */
function agreed(row: AmbiguousRow, readings: readonly (readonly number[])[]): { fieldId: string; value: number }[] {
  return row.fieldIds.flatMap((fieldId, index) => {
    const values = new Set(readings.map((reading) => reading[index]!));
    return values.size === 1 ? [{ fieldId, value: [...values][0]! }] : [];
  });
}

/** The document's hard equal rules that touch one of its ambiguous fields. */
function hardRulesTouching(subject: SettleSubject): RuleDefinition[] {
  const template = findTemplate(subject.record.template);
  if (!template) return [];
  const ambiguous = new Set(subject.rows.flatMap((row) => row.fieldIds));
  return template.rules.filter((rule) => rule.severity === 'hard' && rule.kind === 'equal' && [...rule.left, ...rule.right].some((id) => ambiguous.has(id)));
}
