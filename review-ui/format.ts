import type { DocumentSummary } from '../src/store/storeSchemas.ts';

/** A number as a reviewer reads it (blank for null). */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'blank';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/** A state label for a document. */
export function stateLabel(summary: Pick<DocumentSummary, 'state' | 'reviewCount' | 'template'>): string {
  switch (summary.state) {
    case 'queued':
      return 'extracting…';
    case 'review':
      return summary.template === 'unknown' ? 'needs a look (no known template)' : `in review (${summary.reviewCount})`;
    default:
      return summary.state;
  }
}

/** A timestamp in the reader's local time, to the minute. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
