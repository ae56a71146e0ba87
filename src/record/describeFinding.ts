import type { FieldDefinition, RuleDefinition } from '../templates/TemplateDefinition.ts';
import type { FieldFinding } from './FieldFinding.ts';

/** Languages findings are written in. Only English is written today; Chinese falls back to it until written. */
export type FindingLanguage = 'en' | 'zh';

/** What a finding is written with: the language, and the form's rules and fields (descriptions, Chinese labels). */
export interface FindingContext {
  readonly language: FindingLanguage;
  readonly rules?: readonly RuleDefinition[];
  /** The form's fields: their Chinese labels for the Chinese rendering. */
  readonly fields?: readonly FieldDefinition[];
}

/** Longest quote written into a sentence. */
const QUOTE_LIMIT = 40;

/**
 * THE place findings become words: the record's `issues` are these sentences. A rule is written with its
 * description from the form (or its id when the form is not at hand), numbers as a reviewer reads them.
 */
export function describeFinding(finding: FieldFinding, context: FindingContext): string {
  // The Chinese rendering comes with the reviewer-experience issue; until then every language reads English.
  return describeInEnglish(finding, context);
}

/** describeFinding over a list, each sentence once, in order. */
export function describeFindings(findings: readonly FieldFinding[], context: FindingContext): string[] {
  return [...new Set(findings.map((finding) => describeFinding(finding, context)).filter((sentence) => sentence.length > 0))];
}

/** A rule as written on the form (its description), or its id when the form is not at hand. */
function ruleText(context: FindingContext, id: string): string {
  return context.rules?.find((candidate) => candidate.id === id)?.description ?? id;
}

/** The model that gave an answer, with its prompt version. */
function modelText(answer: { model: string; promptVersion: string }): string {
  return `${answer.model} (prompt ${answer.promptVersion})`;
}

// Helpers live outside the switch: one closure per sentence written shows up in the hot path of every document.
function describeInEnglish(finding: FieldFinding, context: FindingContext): string {
  switch (finding.kind) {
    case 'not-found':
      return 'not found in the document';
    case 'value-not-read':
      return `no value read from the printed '${finding.raw}'`;
    case 'impossible-value':
      return `${formatRuleNumber(finding.value)} cannot stand here: ${finding.problem === 'negative' ? 'only 本年增/减 may be negative' : 'only amounts (万元) take decimals'}`;
    case 'doubtful-blank':
      return `read as blank, but '${finding.piece}' stands unread in the same row`;
    case 'ambiguous':
      return finding.explanation ?? 'ambiguous: more than one reading of the table satisfies every rule, and they differ in this cell';
    case 'printed-inconsistency':
      return `rule: no reading of the printed digits satisfies the form's rules (${finding.note})`;
    case 'repair':
    case 'note':
      return finding.text;
    case 'rule-failed': {
      const relation = context.rules?.find((candidate) => candidate.id === finding.ruleId)?.kind === 'atMost' ? '>' : '≠';
      return `${finding.severity === 'hard' ? 'rule' : 'warning'}: ${ruleText(context, finding.ruleId)} (${formatRuleNumber(finding.leftSum)} ${relation} ${formatRuleNumber(finding.rightSum)})`;
    }
    case 'rule-unchecked':
      return `${finding.severity === 'hard' ? 'rule' : 'warning'}: ${ruleText(context, finding.ruleId)} (cannot check: ${finding.missing.join(', ')} blank or unread)`;
    case 'rule-blanks-contradict':
      return `rule: ${ruleText(context, finding.ruleId)} (cannot hold as printed: ${finding.blanks.join(', ')} blank; with blanks as 0: ${formatRuleNumber(finding.leftSum)} ≠ ${formatRuleNumber(finding.rightSum)})`;
    case 'rule-cannot-hold': {
      const side = (known: number, unknown: number) => (unknown > 0 ? `${formatRuleNumber(known)} + ?` : formatRuleNumber(known));
      return `rule: ${ruleText(context, finding.ruleId)} (cannot hold whatever the blank or unread cells hold: ${side(finding.leftKnown, finding.leftUnknown)} ≠ ${side(finding.rightKnown, finding.rightUnknown)})`;
    }
    case 'likeliest-reading':
      return `offered ${formatRuleNumber(finding.value)}: the likeliest reading, not read with certainty: approve or correct`;
    case 'proposed-zero':
      return `proposed 0 (inferred): blank; proposed 0 because ${ruleText(context, finding.ruleId)} holds only with blanks as 0`;
    case 'proven-zero':
      return `proven 0 (inferred): blank; ${ruleText(context, finding.ruleId)} holds with the printed values, and counts are never negative`;
    case 'proof-in-doubt':
      return `not proven 0: ${ruleText(context, finding.ruleId)} would prove it, but ${finding.heldField} in the same row is held for review`;
    case 'nothing-read':
      return 'read as blank, but no number was read anywhere in the document\'s tables: the blank may be a value the reading missed';
    case 'absent-row-zero':
      return `0 (inferred): the row is not printed; ${ruleText(context, finding.ruleId)} holds with the printed values without it, and counts are never negative`;
    case 'narrative-disagrees':
      return `narrative: '${finding.quote}' says ${formatRuleNumber(finding.stated)}, table says ${formatRuleNumber(finding.tableValue)}`;
    case 'cross-year-broken':
      return `cross-year warning: ${finding.ruleId} breaks between ${finding.years[0]} and ${finding.years[1]} (${formatRuleNumber(finding.leftSum)} ≠ ${formatRuleNumber(finding.rightSum)}; other report: ${finding.otherDocument})`;
    case 'cross-year-settled':
      return `settled by ${finding.decidedBy.map((by) => `the ${by.year} report (${by.document})`).join(' and ')}: of the readings of the printed '${finding.printed}' the form's rules allow, only this one keeps ${[...new Set(finding.decidedBy.flatMap((by) => by.ruleIds))].join(', ')}`;
    case 'llm-not-read':
      return `llm: not read: ${finding.reason}`;
    case 'llm-unanswered':
      return `llm: ${modelText(finding)} gave no answer for this field`;
    case 'llm-rejected':
      return `llm: answer not believed (${modelText(finding)} said ${showValue(finding.value)}): ${finding.reason}`;
    case 'llm-blank-unconfirmed':
      return `llm: ${modelText(finding)} reports this cell blank or not stated ("${clip(finding.quote)}"); a blank cannot be shown by a quote: confirm`;
    case 'llm-agrees':
      return `llm: ${modelText(finding)} read the same value from "${clip(finding.quote)}"`;
    case 'llm-disagrees': {
      const kept = finding.shown === 'llm' ? `the LLM's value is shown (the parser's reading was weak)` : `the parser's value is shown`;
      return `llm: disagreement: the parser read ${showValue(finding.parserValue)} ("${finding.parserRaw}"), ${modelText(finding)} read ${showValue(finding.llmValue)} from "${clip(finding.quote)}"; ${kept}: confirm which`;
    }
  }
}

/** Prints a rule sum the way a reviewer reads it: integers as such, amounts with at most six decimals, '?' for none. */
export function formatRuleNumber(value: number | null): string {
  if (value === null) return '?';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

function showValue(value: number | null): string {
  return value === null ? 'blank' : String(value);
}

/** A quote as sentences write it: whitespace flattened, cut at 40 characters with "…". */
function clip(quote: string): string {
  const flat = quote.replace(/\s+/gu, ' ');
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat;
}
