/** Review-service benchmark. STUB: replaced by the review-service work. */
export async function runServiceBenchmark(): Promise<void> {
  console.log('service benchmark: not built yet');
}
