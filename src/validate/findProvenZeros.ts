import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/**
 * Which cells may take part in a proof that a blank is 0 (rules.md): a printed cell read with confidence (a
 * total or another part), a blank that is really a blank (not an unread value, not next to unread digits).
 * Scoring decides; without it nothing is proven.
 */
export interface ProofEligibility {
  /** A cell printed with a value, read with confidence: it may serve as a total or a part of a proof. */
  readonly printed: (fieldId: string) => boolean;
  /** A cell read blank that may be proven 0. */
  readonly blank: (fieldId: string) => boolean;
  /** Rows the document does not print, proven 0 (findAbsentZeros); without it none is. */
  readonly absentRows?: AbsentRowEligibility;
  /**
   * Looser premises for a second proof: cells read unambiguously whatever their label match, repairs or section
   * state. rules.md proves a blank 0 from any printed total its printed parts reach; the strict premises above are
   * ours, against a misread premise. A blank proven only with these is marked doubtful and measured apart by the
   * calibration, instead of being held as a mere proposal. Without it there is no second proof.
   */
  readonly doubtful?: Pick<ProofEligibility, 'printed' | 'blank' | 'ruleProves'>;
  /**
   * Whether a rule may prove anything at all (every rule may without it): a sum whose cells a misreading could move
   * among themselves unseen (a row whose values may stand a cell to the left or right) still holds as read.
   */
  readonly ruleProves?: (rule: RuleDefinition) => boolean;
}

/**
 * Which cells may take part in proving 0 a row the document does not print (such as the 2021 form's three
 * sub-rows of （六）其他处理 printed as the 2019 form's one aggregate row). The proof only proposes a value a
 * person confirms, so a printed cell needs a value read unambiguously and unrepaired, whether or not its section
 * resolved. A part whose label matched its row only inexactly may be the row that holds the absent rows' counts
 * (the aggregate row's label matches the 2021 form's 3.其他 only roughly): it takes part only when it is 0.
 */
export interface AbsentRowEligibility {
  /** A field with no cell at all. */
  readonly absent: (fieldId: string) => boolean;
  /** A cell printed with a value, read unambiguously and unrepaired. */
  readonly printed: (fieldId: string) => boolean;
  /** The printed cell's row label matched exactly. */
  readonly exactLabel: (fieldId: string) => boolean;
}

/**
 * Blank cells proven 0 (rules.md): a hard sum rule whose total side is all printed and read with confidence,
 * whose other parts are printed (or already proven 0) and read with confidence, and whose sum holds exactly
 * with the blank parts as 0: counts are never negative, so each blank part is 0. Only parts are proven: a
 * blank total is never filled, and a proven 0 never serves as a total. Cells in a hard rule that fails as
 * read take part in no proof. Propagates (a part proven by one rule counts as known in the next).
 */
export function findProvenZeros(
  rules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  proof: ProofEligibility,
  failing: ReadonlySet<string>,
): Map<string, RuleDefinition> {
  const proven = new Map<string, RuleDefinition>();
  // Asked of the same cells on every pass until nothing changes: each cell's answer is worked out once.
  const printedCells = new Map<string, boolean>();
  const printed = (id: string) => {
    let known = printedCells.get(id);
    if (known === undefined) {
      const value = valueOf(id);
      known = value !== null && value !== undefined && !failing.has(id) && proof.printed(id);
      printedCells.set(id, known);
    }
    return known;
  };
  const cells: ProofCells = {
    rule: proof.ruleProves ?? proveAny,
    total: printed,
    part: printed,
    unknown: (id) => valueOf(id) === null && !failing.has(id) && proof.blank(id),
    settled: (id) => proven.has(id),
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      const blanks = partsProvenZero(rule, valueOf, cells);
      if (blanks.length === 0) continue;
      for (const id of blanks) proven.set(id, rule);
      changed = true;
    }
  }
  return proven;
}

/**
 * Cells of rows the document does not print, proven 0 (the printed-blank proof of findProvenZeros, with absent
 * rows in place of blanks): a hard sum rule whose total side is printed and read with confidence, whose other
 * parts are printed (or proven 0) and read with confidence (an inexactly labelled part only as 0: see
 * AbsentRowEligibility), and whose sum holds exactly without the absent
 * parts: counts are never negative, so each absent part is 0. Only parts, never a total; no cell of a failing
 * rule. The value is recorded with a finding that keeps the field in review: a row the document does not print
 * may also be a row the parser did not find, so a person confirms it.
 */
export function findAbsentZeros(
  rules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  proof: ProofEligibility,
  failing: ReadonlySet<string>,
  provenZeros: ReadonlyMap<string, RuleDefinition>,
): Map<string, RuleDefinition> {
  const absentZeros = new Map<string, RuleDefinition>();
  const eligible = proof.absentRows;
  if (!eligible) return absentZeros;
  const printed = (id: string) => {
    const value = valueOf(id);
    return value !== null && value !== undefined && !failing.has(id) && eligible.printed(id);
  };
  const cells: ProofCells = {
    rule: proof.ruleProves ?? proveAny,
    total: printed,
    part: (id) => printed(id) && (valueOf(id) === 0 || eligible.exactLabel(id)),
    unknown: (id) => valueOf(id) === undefined && !failing.has(id) && eligible.absent(id),
    settled: (id) => provenZeros.has(id),
  };
  for (const rule of rules) {
    const missing = partsProvenZero(rule, valueOf, cells);
    for (const id of missing) if (!absentZeros.has(id)) absentZeros.set(id, rule);
  }
  return absentZeros;
}

/** Counts are integers; amounts in sums (none today) would differ by rounding only below this. */
const PROOF_EPSILON = 1e-6;

/** Every rule may prove (no ProofEligibility.ruleProves). */
const proveAny = (): boolean => true;

/** How one proof sees a rule's cells. */
interface ProofCells {
  /** Whether the rule may prove at all. */
  readonly rule: (rule: RuleDefinition) => boolean;
  /** A cell that may serve as the total (every cell of the rule's left side must). */
  readonly total: (fieldId: string) => boolean;
  /** A part known and read with confidence. */
  readonly part: (fieldId: string) => boolean;
  /** A part not known that the proof may prove 0. */
  readonly unknown: (fieldId: string) => boolean;
  /** A part already proven 0: it adds nothing. */
  readonly settled: (fieldId: string) => boolean;
}

/**
 * The unknown parts a hard sum rule proves 0 (counts are never negative): its total side all usable as a total, each
 * other part known or settled, and the known parts adding up to the total exactly. Empty when the rule proves none.
 */
function partsProvenZero(rule: RuleDefinition, valueOf: (fieldId: string) => number | null | undefined, cells: ProofCells): string[] {
  if (rule.kind !== 'equal' || rule.severity !== 'hard' || !cells.rule(rule) || !rule.left.every(cells.total)) return [];
  const total = rule.left.reduce((sum, id) => sum + (valueOf(id) ?? 0), 0);
  let parts = 0;
  const unknown: string[] = [];
  for (const id of rule.right) {
    if (cells.settled(id)) continue;
    if (cells.part(id)) parts += valueOf(id) ?? 0;
    else if (cells.unknown(id)) unknown.push(id);
    else return [];
  }
  return unknown.length > 0 && Math.abs(total - parts) <= PROOF_EPSILON ? unknown : [];
}
