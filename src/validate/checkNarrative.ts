import type { TemplateId } from '../record/ExtractionRecord.ts';
import type { MappedText } from '../text/MappedText.ts';
import { narrativeClaims, type NarrativeClaim } from './narrativeClaims.ts';

/** Tolerance for amounts with decimals. */
const EPSILON = 1e-6;
/** Longest quote written into an issue. */
const QUOTE_LIMIT = 36;

/** One narrative statement compared with the table. */
export interface NarrativeFinding {
  readonly claimId: string;
  /** Fields of the reading the statement is reported on (the first comparable reading). */
  readonly fieldIds: readonly string[];
  readonly stated: number;
  /** The table's value (sum) for `fieldIds`. */
  readonly tableValue: number;
  readonly agrees: boolean;
  /** The statement as it stands in the text (whitespace removed), shortened for an issue. */
  readonly quote: string;
  /** Span of the statement in the original decoded text. */
  readonly start: number;
  readonly end: number;
}

/** What checkNarrative needs. */
export interface NarrativeInput {
  readonly templateId: TemplateId;
  /** The normalised text (full-width digits already half-width), mapped to the decoded text. */
  readonly text: MappedText;
  /** Value of a field as read: number, null for blank, undefined when not read. */
  readonly valueOf: (fieldId: string) => number | null | undefined;
  /** Spans of the ORIGINAL text that are tables, not narrative (the parser's sections). */
  readonly tableSpans?: readonly { readonly start: number; readonly end: number }[];
  /** Claims to look for (defaults to narrativeClaims). */
  readonly claims?: readonly NarrativeClaim[];
}

/**
 * Compares numbers the narrative states ("共受理政府信息公开申请3件", "召开新闻发布会4场", "没有…行政复议")
 * with the table. Table lines (tabs or pipes) and the parser's table sections are not narrative. A statement
 * is compared only where the table has a value; blanks and unread cells are left alone.
 */
export function checkNarrative(input: NarrativeInput): NarrativeFinding[] {
  const claims = (input.claims ?? narrativeClaims).filter((claim) => claim.templates.includes(input.templateId));
  if (claims.length === 0) return [];
  const narrative = compactNarrative(input.text, input.tableSpans ?? []);
  const findings: NarrativeFinding[] = [];
  for (const claim of claims) {
    claim.pattern.lastIndex = 0;
    for (const match of narrative.text.matchAll(claim.pattern)) {
      const matchStart = match.index ?? 0;
      if (claim.notAfter && claim.notAfter.test(narrative.text.slice(Math.max(0, matchStart - 12), matchStart))) continue;
      const matchEnd = matchStart + match[0].length;
      if (claim.notBefore && claim.notBefore.test(narrative.text.slice(matchEnd, matchEnd + 12))) continue;
      const digits = match.slice(1).find((group) => group !== undefined);
      const stated = claim.states === 'none' ? 0 : Number(digits);
      if (!Number.isFinite(stated)) continue;
      const finding = compare(claim, stated, input.valueOf);
      if (!finding) continue;
      const span = input.text.toOriginal(narrative.origin[matchStart]!, narrative.origin[matchEnd - 1]! + 1);
      findings.push({ claimId: claim.id, ...finding, quote: shorten(match[0]), start: span.start, end: span.end });
    }
  }
  return findings;
}

/** The issue sentence for a disagreement: "narrative: '…受理…35件' says 35, table says 36". */
export function describeNarrativeFinding(finding: NarrativeFinding): string {
  return `narrative: '${finding.quote}' says ${formatNumber(finding.stated)}, table says ${formatNumber(finding.tableValue)}`;
}

function compare(claim: NarrativeClaim, stated: number, valueOf: NarrativeInput['valueOf']) {
  let first: { fieldIds: readonly string[]; tableValue: number } | null = null;
  for (const reading of claim.readings) {
    let sum = 0;
    let comparable = true;
    for (const id of reading) {
      const value = valueOf(id);
      if (value === null || value === undefined) {
        comparable = false;
        break;
      }
      sum += value;
    }
    if (!comparable) continue;
    if (Math.abs(sum - stated) <= EPSILON) return { fieldIds: reading, stated, tableValue: sum, agrees: true };
    first ??= { fieldIds: reading, tableValue: sum };
  }
  return first ? { ...first, stated, agrees: false } : null;
}

/**
 * The narrative with table lines and table sections blanked out (each run replaced by one clause break, so no
 * pattern runs across a table) and whitespace removed (PDF text breaks sentences and even words: "依申请公 开");
 * `origin` maps each character back to its offset in the normalised text.
 */
function compactNarrative(text: MappedText, tableSpans: readonly { start: number; end: number }[]): { text: string; origin: Int32Array } {
  const source = text.text;
  // The kept characters are runs of the source: each run is appended as one slice (not character by character),
  // which is most of this function's cost on a long narrative.
  const parts: string[] = [];
  const origin = new Int32Array(source.length + 1);
  let size = 0;
  let lineStart = 0;
  let inBreak = false;
  let runStart = -1;
  const endRun = (at: number) => {
    if (runStart < 0) return;
    parts.push(source.slice(runStart, at));
    runStart = -1;
  };
  const pushBreak = (at: number) => {
    if (inBreak) return;
    parts.push('。');
    origin[size++] = at;
    inBreak = true;
  };
  const inTable = tableSpans.length > 0 ? spanMask(tableSpans, text.originalLength) : undefined;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    if (isTableLine(source, lineStart, lineEnd)) {
      pushBreak(lineStart);
    } else {
      for (let index = lineStart; index < lineEnd; index++) {
        if (inTable && inTable[text.originStart[index]!] === 1) {
          endRun(index);
          pushBreak(index);
          continue;
        }
        if (isWhitespace(source.charCodeAt(index))) {
          endRun(index);
          continue;
        }
        if (runStart < 0) runStart = index;
        origin[size++] = index;
        inBreak = false;
      }
      endRun(lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  return { text: parts.join(''), origin: origin.subarray(0, size) };
}

function isTableLine(source: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x09 || code === 0x7c) return true; // tab, pipe
  }
  return false;
}

/**
 * Marks every offset of the original text that falls inside any of the spans (1) so that each character costs one
 * array read (this runs once per character); one entry past the end for offsets at the very end.
 */
function spanMask(tableSpans: readonly { start: number; end: number }[], originalLength: number): Uint8Array {
  const mask = new Uint8Array(originalLength + 1);
  for (const span of tableSpans) mask.fill(1, Math.max(0, span.start), Math.max(0, Math.min(span.end, mask.length)));
  return mask;
}

/** The characters `\s` matches in a Unicode pattern, tested by code (this runs once per character). */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function shorten(quote: string): string {
  if (quote.length <= QUOTE_LIMIT) return quote;
  return `…${quote.slice(quote.length - QUOTE_LIMIT + 1)}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
