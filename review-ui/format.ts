import type { DocumentSummary } from '../src/store/storeSchemas.ts';
import { ApiError } from './api.ts';
import { t } from './i18n/locale.ts';

/** A number as a reviewer reads it ("空白" / "blank" for null). */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return t.blank;
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/** A state label for a document. */
export function stateLabel(summary: Pick<DocumentSummary, 'state' | 'reviewCount' | 'template'>): string {
  switch (summary.state) {
    case 'queued':
      return t.stateExtracting;
    case 'review':
      return summary.template === 'unknown' ? t.stateUnknownTemplate : t.stateInReview(summary.reviewCount);
    case 'committed':
      return t.stateCommitted;
    default:
      return t.states[summary.state] ?? summary.state;
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A timestamp in the reader's local time, to the minute, as 2026-12-03 14:05 in every language. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * An error in the reader's language, from its code (the server's English message stays as a secondary detail
 * in parentheses: it names the file, the limit, the field).
 */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return `${t.errors['network']} (${error instanceof Error ? error.message : String(error)})`;
  if (error.details['reason'] === 'invalid-token') return t.invalidToken;
  const words = t.errors[error.code] ?? t.errors['http']!;
  return error.message && error.message !== words ? `${words} (${error.message})` : words;
}

/** The name of a template in the reader's language. */
export function templateName(template: string | null | undefined): string {
  if (!template) return '—';
  return t.templateNames[template] ?? template;
}
