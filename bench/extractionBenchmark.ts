/** Deterministic-path benchmark. STUB: replaced by the evaluation/bench work. */
export async function runExtractionBenchmark(): Promise<void> {
  console.log('extraction benchmark: not built yet');
}
