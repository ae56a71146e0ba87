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
  /** Combinations of readings tried at most per group of linked rows. */
  readonly maxCombinations?: number;
}

const SETTLED = new Set(['auto', 'approved', 'corrected']);
const DEFAULT_MAX_COMBINATIONS = 50_000;

/** A row of one of the documents (0 = the subject, then the adjacent neighbours) whose reading is to be chosen. */
interface Variable {
  readonly documentIndex: number;
  readonly row: AmbiguousRow;
}

/** A rule instance between the documents: a cross-year rule on a (subject, neighbour) pair, or a document's own hard rule. */
interface Constraint {
  readonly variables: readonly number[];
  readonly crossYear: { readonly rule: CrossYearRule; readonly neighbourIndex: number } | null;
  /** pass / fail / incomplete under the current choice of readings. */
  readonly evaluate: () => 'pass' | 'fail' | 'incomplete';
}

/**
 * Settles the subject's ambiguous rows by the neighbouring years (reports of the same agency for N−1 and/or N+1).
 * The rows of the subject and of its neighbours (a neighbour's own ambiguous rows are settled jointly) are linked by
 * the cross-year rules and by each document's own hard rules that touch them; each group of linked rows is solved
 * on its own: every combination of readings is tried; a rule that fails in every combination is a broken chain (or
 * a printed inconsistency) and decides nothing — a neighbour with a broken chain decides nothing at all — and the
 * combinations every other rule allows are kept. A neighbour's
 * other fields count only when settled (auto, approved, corrected). A row is settled when exactly one of its readings
 * is kept; the result says which year(s) decided. Method stays `table`: the reading is the printed digits, the
 * neighbour only chooses between splits.
 */
export function settleByNeighbour(subject: SettleSubject, neighbours: readonly SettleSubject[], options: SettleOptions = {}): RowSettlement[] {
  const rules = options.rules ?? projectRules;
  const maxCombinations = options.maxCombinations ?? DEFAULT_MAX_COMBINATIONS;
  const year = subject.record.meta.year;
  const adjacent = year === null ? [] : neighbours.filter((neighbour) => neighbour.record.meta.year === year - 1 || neighbour.record.meta.year === year + 1);
  const documents = [subject, ...adjacent];
  const variables: Variable[] = documents.flatMap((document, documentIndex) =>
    document.rows.filter((row) => row.readings.length > 0).map((row) => ({ documentIndex, row })));
  const choice = variables.map(() => 0);
  const fieldMaps = documents.map((document) => new Map<string, FieldRecord>(document.record.fields.map((field) => [field.id, field])));

  const variableByField = new Map<string, number>();
  variables.forEach((variable, index) => {
    for (const fieldId of variable.row.fieldIds) variableByField.set(`${variable.documentIndex}|${fieldId}`, index);
  });
  const variableOf = (documentIndex: number, fieldId: string): number => variableByField.get(`${documentIndex}|${fieldId}`) ?? -1;
  const valueIn = (documentIndex: number, fieldId: string): TermValue => {
    const index = variableOf(documentIndex, fieldId);
    if (index >= 0) {
      const variable = variables[index]!;
      return { value: variable.row.readings[choice[index]!]![variable.row.fieldIds.indexOf(fieldId)]! };
    }
    const field = fieldMaps[documentIndex]!.get(fieldId);
    if (!field || !SETTLED.has(field.status)) return { value: null, why: 'not-read' };
    return field.value === null ? { value: null, why: 'blank' } : { value: field.value };
  };
  const variablesIn = (documentIndex: number, fieldIds: readonly string[]) =>
    [...new Set(fieldIds.map((fieldId) => variableOf(documentIndex, fieldId)).filter((index) => index >= 0))];

  const constraints: Constraint[] = [];
  adjacent.forEach((neighbour, offset) => {
    const neighbourIndex = offset + 1;
    const subjectEarlier = neighbour.record.meta.year === year! + 1;
    const earlier = subjectEarlier ? 0 : neighbourIndex;
    const later = subjectEarlier ? neighbourIndex : 0;
    for (const rule of rules) {
      if (!ruleApplies(rule, documents[earlier]!.record.template, documents[later]!.record.template)) continue;
      const documentOf = (term: CrossYearTerm) => (term.year === 'earlier' ? earlier : later);
      const terms = [...rule.left, ...rule.right];
      const linked = [...new Set(terms.map((term) => variableOf(documentOf(term), term.fieldId)).filter((index) => index >= 0))];
      if (linked.length === 0) continue;
      constraints.push({
        variables: linked,
        crossYear: { rule, neighbourIndex },
        evaluate: () => {
          const outcome = evaluateCrossYearRule(rule, (term) => valueIn(documentOf(term), term.fieldId)).outcome;
          return outcome === 'holds' ? 'pass' : outcome === 'breaks' ? 'fail' : 'incomplete';
        },
      });
    }
  });
  documents.forEach((document, documentIndex) => {
    for (const rule of hardRulesTouching(document)) {
      constraints.push({
        variables: variablesIn(documentIndex, [...rule.left, ...rule.right]),
        crossYear: null,
        evaluate: () => evaluateRule(rule, (fieldId) => valueIn(documentIndex, fieldId).value).outcome,
      });
    }
  });

  const component = linkedGroups(variables.length, constraints);
  const settlements = new Map<number, RowSettlement>();
  for (const members of new Set(component)) {
    const indexes = component.map((group, index) => (group === members ? index : -1)).filter((index) => index >= 0);
    const subjectRows = indexes.filter((index) => variables[index]!.documentIndex === 0);
    if (subjectRows.length === 0) continue;
    const inGroup = constraints.filter((constraint) => constraint.variables.some((index) => indexes.includes(index)));
    const outcome = solveGroup(indexes, inGroup);
    for (const index of subjectRows) settlements.set(index, settle(variables[index]!.row, index, outcome));
  }
  return subject.rows.map((row) => {
    const index = variables.findIndex((variable) => variable.documentIndex === 0 && variable.row === row);
    return settlements.get(index) ?? empty(row, 'no-evidence');
  });

  /** Every combination of the group's readings against its rules. */
  function solveGroup(indexes: readonly number[], inGroup: readonly Constraint[]): GroupOutcome {
    const crossYear = inGroup.filter((constraint) => constraint.crossYear !== null);
    if (crossYear.length === 0) return { kind: 'no-evidence' };
    const combinations = indexes.reduce((product, index) => product * variables[index]!.row.readings.length, 1);
    if (combinations > maxCombinations) return { kind: 'too-many' };
    const passedSomewhere = inGroup.map(() => false);
    const tried: { choice: number[]; failed: number[] }[] = [];
    const visit = (position: number): void => {
      if (position === indexes.length) {
        const failed: number[] = [];
        inGroup.forEach((constraint, constraintIndex) => {
          const result = constraint.evaluate();
          if (result === 'fail') failed.push(constraintIndex);
          else if (result === 'pass') passedSomewhere[constraintIndex] = true;
        });
        tried.push({ choice: indexes.map((index) => choice[index]!), failed });
        return;
      }
      const index = indexes[position]!;
      for (let reading = 0; reading < variables[index]!.row.readings.length; reading++) {
        choice[index] = reading;
        visit(position + 1);
      }
    };
    visit(0);
    // A rule no combination satisfies tells no reading from another: a broken chain or a printed inconsistency.
    // A neighbour with a broken chain is not trusted for the others either (misread, or not the same agency).
    const broken = crossYear.filter((constraint) => !passedSomewhere[inGroup.indexOf(constraint)] && tried.some((entry) => entry.failed.includes(inGroup.indexOf(constraint))));
    const untrusted = new Set(broken.map((constraint) => constraint.crossYear!.neighbourIndex));
    const ignored = inGroup.map((constraint, constraintIndex) =>
      !passedSomewhere[constraintIndex] || (constraint.crossYear !== null && untrusted.has(constraint.crossYear.neighbourIndex)));
    const deciding = crossYear.filter((constraint) => !ignored[inGroup.indexOf(constraint)]);
    const kept = tried.filter((entry) => entry.failed.every((constraintIndex) => ignored[constraintIndex]));
    return { kind: 'solved', indexes, kept: kept.map((entry) => entry.choice), deciding, broken };
  }

  function settle(row: AmbiguousRow, variableIndex: number, outcome: GroupOutcome): RowSettlement {
    if (outcome.kind !== 'solved') return empty(row, outcome.kind);
    const neighboursOf = (list: readonly Constraint[]): DecidedBy[] =>
      [...new Set(list.map((constraint) => constraint.crossYear!.neighbourIndex))].map((neighbourIndex) => {
        const record = documents[neighbourIndex]!.record;
        const ruleIds = [...new Set(list.filter((constraint) => constraint.crossYear!.neighbourIndex === neighbourIndex).map((constraint) => constraint.crossYear!.rule.id))];
        return { year: record.meta.year!, sha256: record.sha256, document: record.document, ruleIds };
      });
    const position = outcome.indexes.indexOf(variableIndex);
    const readingIndexes = [...new Set(outcome.kept.map((combination) => combination[position]!))].sort((left, right) => left - right);
    const consistentReadings = readingIndexes.map((index) => row.readings[index]!);
    const base = { fieldIds: row.fieldIds, printed: row.printed, consistentReadings };
    if (outcome.deciding.length === 0) {
      // Every chain touching the row is broken whatever the reading: flag it, settle nothing.
      return outcome.broken.length > 0
        ? { ...base, consistentReadings: [], outcome: 'contradicted', chosen: null, values: [], decidedBy: neighboursOf(outcome.broken) }
        : { ...base, outcome: 'no-evidence', chosen: null, values: [], decidedBy: [] };
    }
    const decidedBy = neighboursOf(outcome.deciding);
    if (consistentReadings.length === 0) return { ...base, outcome: 'contradicted', chosen: null, values: [], decidedBy };
    if (consistentReadings.length === 1) {
      const chosen = consistentReadings[0]!;
      return { ...base, outcome: 'settled', chosen, values: row.fieldIds.map((fieldId, index) => ({ fieldId, value: chosen[index]! })), decidedBy };
    }
    // Fields every printed reading already agreed on were read by the parser: only newly agreed ones are news.
    const before = new Set(agreed(row, row.readings).map((entry) => entry.fieldId));
    const values = agreed(row, consistentReadings).filter((entry) => !before.has(entry.fieldId));
    if (values.length > 0) return { ...base, outcome: 'partly-settled', chosen: null, values, decidedBy };
    return { ...base, outcome: 'undecided', chosen: null, values: [], decidedBy: [] };
  }
}

/** How a group of linked rows came out. */
type GroupOutcome =
  | { readonly kind: 'no-evidence' | 'too-many' }
  | {
    readonly kind: 'solved';
    readonly indexes: readonly number[];
    /** The combinations (reading index per row of `indexes`) every deciding rule allows. */
    readonly kept: readonly (readonly number[])[];
    /** Cross-year rules that told readings apart, and those that fail in every combination (their neighbour then decides nothing). */
    readonly deciding: readonly Constraint[];
    readonly broken: readonly Constraint[];
  };

function empty(row: AmbiguousRow, outcome: 'no-evidence' | 'too-many'): RowSettlement {
  return { fieldIds: row.fieldIds, printed: row.printed, outcome, chosen: null, values: [], consistentReadings: [], decidedBy: [] };
}

/** Union-find over the variables by shared constraints: the group id (its root) of every variable. */
function linkedGroups(count: number, constraints: readonly Constraint[]): number[] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
  for (const constraint of constraints) {
    const [first, ...rest] = constraint.variables;
    if (first === undefined) continue;
    for (const other of rest) parent[root(other)] = root(first);
  }
  return parent.map((_, index) => root(index));
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
