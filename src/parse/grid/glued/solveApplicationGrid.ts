/** Row keys of section 三 the column rules tie together (flow: 一 + 二 = 三(七) + 四). */
const NEW_RECEIVED = 'newReceived';
const CARRIED_OVER = 'carriedOver';
const RESULT_TOTAL = 'resultTotal';
const CARRIED_FORWARD = 'carriedForward';
const DEFAULT_MAX_WORK = 2_000_000;

/** The candidate readings of the rows of section 三, each a vector of the row's cells in column order. */
export interface ApplicationGridInput {
  /** Row key → its candidate cell vectors (all the same length); a row without candidates cannot be checked. */
  readonly candidates: ReadonlyMap<string, readonly (readonly number[])[]>;
  /** The outcome rows whose sum is (七)总计, in printed order. */
  readonly outcomeKeys: readonly string[];
  /** Bound on the partial-sum states kept per row; past it the outcome rule is not used. */
  readonly maxStates: number;
  /** Bound on the state × candidate steps of the whole solve; past it the rule being applied is dropped. */
  readonly maxWork?: number;
}

/** Which candidates of each row survive the column rules. */
export interface ApplicationGridSolution {
  /** Row key → indexes of its candidates used by at least one reading that satisfies every applied rule. */
  readonly used: ReadonlyMap<string, readonly number[]>;
  /** How many readings of the whole grid satisfy the applied rules (capped at MAX_SAFE_INTEGER). */
  readonly readings: number;
  /** The column rules applied: "outcomes" (予以公开 … 其他处理 = 总计), "flow" (一 + 二 = 三 + 四). */
  readonly applied: readonly string[];
  /** Column rules that admit no reading at all (the table as printed does not add up): not applied. */
  readonly failed: readonly string[];
  readonly notes: readonly string[];
}

interface State {
  readonly vector: readonly number[];
  count: number;
}

/**
 * Chooses, across rows, the candidate splits that satisfy the column rules of section 三: for every column,
 * the outcome rows add up to (七)总计, and 一 + 二 = (七) + 四. Dynamic programming over the outcome rows on
 * the vector of column partial sums (bounded by the largest (七) candidate), then a backward pass marking the
 * candidates that take part in some full solution. Work is bounded by `maxStates`; a rule that admits no
 * reading is reported in `failed` and the others are still applied.
 */
export function solveApplicationGrid(input: ApplicationGridInput): ApplicationGridSolution {
  const has = (key: string) => (input.candidates.get(key)?.length ?? 0) > 0;
  const outcomesUsable = has(RESULT_TOTAL) && input.outcomeKeys.length > 0 && input.outcomeKeys.every(has);
  const maxWork = input.maxWork ?? DEFAULT_MAX_WORK;
  const size = (key: string) => input.candidates.get(key)?.length ?? 0;
  const notes: string[] = [];
  let flowUsable = [NEW_RECEIVED, CARRIED_OVER, RESULT_TOTAL, CARRIED_FORWARD].every(has);
  if (flowUsable && (size(NEW_RECEIVED) * size(CARRIED_OVER) > maxWork || size(RESULT_TOTAL) * size(CARRIED_FORWARD) > maxWork)) {
    notes.push('flow rule not used: too many candidate splits to combine');
    flowUsable = false;
  }
  const attempts: { outcomes: boolean; flow: boolean }[] = [
    { outcomes: outcomesUsable, flow: flowUsable },
    ...(outcomesUsable && flowUsable ? [{ outcomes: true, flow: false }, { outcomes: false, flow: true }] : []),
  ];
  for (const attempt of attempts) {
    const solved = solveWith(input, attempt.outcomes, attempt.flow, notes);
    if (solved) {
      const failed: string[] = [];
      if (outcomesUsable && !attempt.outcomes) failed.push('outcomes');
      if (flowUsable && !attempt.flow) failed.push('flow');
      return { ...solved, failed, notes };
    }
  }
  const failed = [...(outcomesUsable ? ['outcomes'] : []), ...(flowUsable ? ['flow'] : [])];
  const unconstrained = solveWith(input, false, false, notes)!;
  return { ...unconstrained, failed, notes };
}

function solveWith(
  input: ApplicationGridInput,
  useOutcomes: boolean,
  useFlow: boolean,
  notes: string[],
): Omit<ApplicationGridSolution, 'failed' | 'notes'> | undefined {
  const candidatesOf = (key: string) => input.candidates.get(key) ?? [];
  const used = new Map<string, number[]>();
  for (const [key, list] of input.candidates) used.set(key, list.map((_, index) => index));
  const constrained = new Set<string>();
  const applied: string[] = [];

  let layers: Map<string, State>[] | undefined;
  if (useOutcomes) {
    layers = forwardLayers(input, notes, input.maxWork ?? DEFAULT_MAX_WORK);
    if (layers) {
      applied.push('outcomes');
      for (const key of [...input.outcomeKeys, RESULT_TOTAL]) constrained.add(key);
    }
  }
  const finalLayer = layers?.[layers.length - 1];
  const totals = candidatesOf(RESULT_TOTAL);
  const totalAllowed = totals.map((vector) => !finalLayer || finalLayer.has(keyOf(vector)));

  let readings = 0;
  const usedTotals = new Set<number>();
  if (useFlow) {
    applied.push('flow');
    for (const key of [NEW_RECEIVED, CARRIED_OVER, RESULT_TOTAL, CARRIED_FORWARD]) constrained.add(key);
    const inflow = new Map<string, [number, number][]>();
    candidatesOf(NEW_RECEIVED).forEach((received, receivedIndex) => {
      candidatesOf(CARRIED_OVER).forEach((carried, carriedIndex) => {
        const key = keyOf(addVectors(received, carried));
        const pairs = inflow.get(key) ?? [];
        pairs.push([receivedIndex, carriedIndex]);
        inflow.set(key, pairs);
      });
    });
    const usedReceived = new Set<number>();
    const usedCarried = new Set<number>();
    const usedForward = new Set<number>();
    totals.forEach((total, totalIndex) => {
      if (!totalAllowed[totalIndex]) return;
      candidatesOf(CARRIED_FORWARD).forEach((forward, forwardIndex) => {
        const pairs = inflow.get(keyOf(addVectors(total, forward)));
        if (!pairs) return;
        usedTotals.add(totalIndex);
        usedForward.add(forwardIndex);
        for (const [receivedIndex, carriedIndex] of pairs) {
          usedReceived.add(receivedIndex);
          usedCarried.add(carriedIndex);
        }
        const paths = finalLayer?.get(keyOf(total))?.count ?? 1;
        readings = capped(readings + pairs.length * paths);
      });
    });
    used.set(NEW_RECEIVED, [...usedReceived].sort(byNumber));
    used.set(CARRIED_OVER, [...usedCarried].sort(byNumber));
    used.set(CARRIED_FORWARD, [...usedForward].sort(byNumber));
  } else if (finalLayer) {
    totals.forEach((total, totalIndex) => {
      if (!totalAllowed[totalIndex]) return;
      usedTotals.add(totalIndex);
      readings = capped(readings + (finalLayer.get(keyOf(total))?.count ?? 0));
    });
  } else {
    readings = 1;
  }
  if (constrained.has(RESULT_TOTAL)) used.set(RESULT_TOTAL, [...usedTotals].sort(byNumber));
  if (constrained.size > 0 && readings === 0) return undefined;

  if (layers) markUsedOutcomes(input, layers, new Set([...usedTotals].map((index) => keyOf(totals[index]!))), used);
  for (const [key, list] of input.candidates) {
    if (!constrained.has(key)) readings = capped(readings * Math.max(1, list.length));
  }
  return { used, readings, applied };
}

/** Forward pass over the outcome rows: reachable column partial sums and how many ways reach each. */
function forwardLayers(input: ApplicationGridInput, notes: string[], maxWork: number): Map<string, State>[] | undefined {
  let work = 0;
  const totals = input.candidates.get(RESULT_TOTAL) ?? [];
  const width = totals[0]?.length ?? 0;
  const bound = Array.from({ length: width }, (_, column) => Math.max(...totals.map((vector) => vector[column] ?? 0)));
  const zero = new Array<number>(width).fill(0);
  const layers: Map<string, State>[] = [new Map([[keyOf(zero), { vector: zero, count: 1 }]])];
  for (const key of input.outcomeKeys) {
    const previous = layers[layers.length - 1]!;
    const next = new Map<string, State>();
    work += previous.size * (input.candidates.get(key)?.length ?? 0);
    if (work > maxWork) {
      notes.push(`outcome rule not used: combining the candidate splits would take more than ${maxWork} steps`);
      return undefined;
    }
    for (const state of previous.values()) {
      for (const candidate of input.candidates.get(key) ?? []) {
        const vector = addVectors(state.vector, candidate);
        if (vector.some((value, column) => value > bound[column]!)) continue;
        const stateKey = keyOf(vector);
        const existing = next.get(stateKey);
        if (existing) existing.count = capped(existing.count + state.count);
        else next.set(stateKey, { vector, count: state.count });
      }
    }
    if (next.size > input.maxStates) {
      notes.push(`outcome rule not used: more than ${input.maxStates} partial sums at row ${key}`);
      return undefined;
    }
    layers.push(next);
  }
  return layers;
}

/** Backward pass: the candidates of each outcome row that lead from a reachable state to an accepted total. */
function markUsedOutcomes(
  input: ApplicationGridInput,
  layers: Map<string, State>[],
  acceptedTotals: Set<string>,
  used: Map<string, number[]>,
): void {
  let reachable = acceptedTotals;
  for (let row = input.outcomeKeys.length - 1; row >= 0; row--) {
    const key = input.outcomeKeys[row]!;
    const candidates = input.candidates.get(key) ?? [];
    const before = new Set<string>();
    const usedHere = new Set<number>();
    for (const [stateKey, state] of layers[row]!) {
      candidates.forEach((candidate, index) => {
        if (reachable.has(keyOf(addVectors(state.vector, candidate)))) {
          before.add(stateKey);
          usedHere.add(index);
        }
      });
    }
    used.set(key, [...usedHere].sort(byNumber));
    reachable = before;
  }
}

function addVectors(left: readonly number[], right: readonly number[]): number[] {
  return left.map((value, index) => value + (right[index] ?? 0));
}

function keyOf(vector: readonly number[]): string {
  return vector.join(',');
}

function byNumber(left: number, right: number): number {
  return left - right;
}

function capped(value: number): number {
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}
