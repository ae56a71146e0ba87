import type OpenAI from 'openai';
import type { SectionReading } from '../parse/ParseResult.ts';
import type { DocumentProcessor, LlmUsage, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import { extractDocument, type DocumentInput, type ExtractionResult } from '../pipeline/extractDocument.ts';
import { placeEvidence } from '../ingest/pdf/placeEvidence.ts';
import { prepareDocumentInput } from '../pipeline/prepareDocumentInput.ts';
import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { assessFields, type AssessmentInput } from '../score/assessFields.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import { adjustForLlm } from './adjustForLlm.ts';
import { answerCacheKey, type AnswerCache } from './AnswerCache.ts';
import { askSectionModel } from './askSectionModel.ts';
import { createConcurrencyLimit, type ConcurrencyLimit } from './createConcurrencyLimit.ts';
import type { LlmCallRecord, LlmPrices } from './LlmCallRecord.ts';
import { isLlmCallError, LlmCallError } from './LlmCallError.ts';
import { mergeLlmReadings } from './mergeLlmReadings.ts';
import { planSectionWork, type SectionPlan, type SectionWork } from './planSectionWork.ts';
import type { PromptSet } from './PromptSet.ts';
import type { SectionAnswer } from './sectionAnswerSchema.ts';
import { createTokenBudget, type TokenBudget } from './TokenBudget.ts';
import { verifySectionAnswer, type LlmFieldVerdict } from './verifySectionAnswer.ts';

/** Everything the LLM processor needs; main builds it from the configuration (createProcessor). */
export interface LlmProcessorOptions {
  /** An openai client pointed at any OpenAI-compatible endpoint (its fetch may record or replay). */
  readonly client: OpenAI;
  readonly model: string;
  readonly prompts: PromptSet;
  /** Tokens one document may spend, retries and repairs included. */
  readonly tokenBudgetPerDocument: number;
  readonly prices: LlmPrices;
  readonly cache?: AnswerCache;
  /** Calls in flight at once across every document this processor handles (default 4). */
  readonly concurrency?: number;
  /** Or a limit shared with other processors. */
  readonly limit?: ConcurrencyLimit;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly outputLimitParameter?: 'max_completion_tokens' | 'max_tokens';
  /**
   * The deterministic path (tests inject a parser that leaves a section unread; the server runs it on its
   * extraction threads, pipeline/threads).
   */
  readonly extract?: (input: DocumentInput) => ExtractionResult | Promise<ExtractionResult>;
  /** Rules and scoring (default assessFields). */
  readonly assess?: (input: AssessmentInput) => FieldRecord[];
  /** Every call as it completes (operators' logs, the service's stats). */
  readonly onCall?: (call: LlmCallRecord) => void;
}

/** What happened to one section. */
interface SectionOutcome {
  readonly work: SectionWork;
  readonly answer?: SectionAnswer;
  readonly failure?: LlmCallError;
  readonly cached: boolean;
}

/**
 * A DocumentProcessor that runs the deterministic path and sends ONLY the sections it could not settle to an
 * LLM, one call per section with the fields still unread in it. Answers are believed only where their quotes
 * are found in the document and contain the numbers; they are merged into the parse, the rules and scoring
 * run again, and adjustForLlm settles agreement and disagreement with the parser. Failures never lose the
 * document: its record comes out with those fields in review, and `pendingLlmSections` says what to retry.
 */
export function createLlmProcessor(options: LlmProcessorOptions): DocumentProcessor {
  const limit = options.limit ?? createConcurrencyLimit(options.concurrency ?? 4);
  const extract = options.extract ?? extractDocument;
  const assess = options.assess ?? assessFields;
  const model = options.model;
  const promptVersion = options.prompts.version;

  return {
    async process(input): Promise<ProcessedDocument> {
      const extraction = await extract(await prepareDocumentInput(input));
      const template = extraction.template;
      const plan = planSectionWork(extraction);
      const notRead = notReadByPlan(plan);
      if (!template || plan.work.length === 0) return withoutCalls(extraction, notRead, model, promptVersion);

      const budget = createTokenBudget(options.tokenBudgetPerDocument);
      const calls: LlmCallRecord[] = [];
      const context: SectionContext = {
        options, limit, template, budget,
        recordCall: (call) => {
          calls.push(call);
          options.onCall?.(call);
        },
      };
      // Small sections first: they reserve little, and the big one then adapts its retries to what is left.
      const ordered = [...plan.work].sort((a, b) => a.fields.length - b.fields.length);
      const outcomes = await Promise.all(ordered.map((work) => readSection(work, context)));

      const verdicts = new Map<string, LlmFieldVerdict>();
      for (const outcome of outcomes) {
        if (outcome.failure) {
          for (const field of outcome.work.fields) notRead.set(field.id, outcome.failure.message);
          continue;
        }
        const sectionVerdicts = verifySectionAnswer({
          answer: outcome.answer!, work: outcome.work, template, normalised: extraction.normalised, decodedText: extraction.decodedText, model, promptVersion,
        });
        for (const [fieldId, verdict] of sectionVerdicts) verdicts.set(fieldId, verdict);
      }
      const merged = mergeLlmReadings(extraction.parse, verdicts, locatedSections(plan, extraction), weakReadings(extraction));
      const scored = assess({ template, parse: merged, decodedText: extraction.decodedText, normalised: extraction.normalised });
      const fields = placeEvidence(adjustForLlm({ fields: scored, parserCells: extraction.parse.cells, verdicts, notRead, model, promptVersion }), extraction.placements ?? []);

      const usage = summariseUsage(calls, model, promptVersion, options.prices);
      const failed = outcomes.filter((outcome) => outcome.failure);
      return {
        record: { ...extraction.record, fields },
        decodedText: extraction.decodedText,
        encoding: extraction.encoding,
        llm: failed.length > 0 ? 'failed' : 'used',
        usage,
        messages: describeRun(outcomes, fields, verdicts, usage, options.prices, plan.unlocated.length + plan.empty.length),
        pendingLlmSections: failed.filter((outcome) => outcome.failure!.retryable).map((outcome) => outcome.work.id),
      };
    },
  };
}

/** What reading one section needs from the document's run. */
interface SectionContext {
  readonly options: LlmProcessorOptions;
  readonly limit: ConcurrencyLimit;
  readonly template: TemplateDefinition;
  readonly budget: TokenBudget;
  readonly recordCall: (call: LlmCallRecord) => void;
}

/** One section: from the cache, or one call (with its one repair) under the concurrency limit. */
async function readSection(work: SectionWork, context: SectionContext): Promise<SectionOutcome> {
  const { options, template } = context;
  const fieldIds = work.fields.map((field) => field.id);
  const key = answerCacheKey({
    model: options.model, promptVersion: options.prompts.version, promptFingerprint: options.prompts.fingerprint, templateId: template.id,
    sectionText: work.text, fieldIds,
  });
  const cached = await options.cache?.get(key);
  if (cached) {
    context.recordCall({ section: work.id, attempt: 'answer', inputTokens: 0, outputTokens: 0, estimatedCost: 0, cached: true, usageReported: true, outcome: 'ok' });
    return { work, answer: cached.answer, cached: true };
  }
  try {
    const answer = await context.limit(() => askSectionModel(
      { sectionId: work.id, template, heading: work.heading, fields: work.fields, text: work.text },
      {
        client: options.client, model: options.model, prompts: options.prompts, budget: context.budget, prices: options.prices,
        recordCall: context.recordCall, timeoutMs: options.timeoutMs ?? 60_000, maxRetries: options.maxRetries ?? 2,
        outputLimitParameter: options.outputLimitParameter ?? 'max_completion_tokens',
      },
    ));
    await options.cache?.set({ key, model: options.model, promptVersion: options.prompts.version, answer, createdAt: new Date().toISOString() });
    return { work, answer, cached: false };
  } catch (error) {
    if (!isLlmCallError(error)) throw error;
    return { work, failure: error, cached: false };
  }
}

/** Why the fields no call can help were not sent. */
function notReadByPlan(plan: SectionPlan): Map<string, string> {
  const notRead = new Map<string, string>();
  for (const field of plan.unlocated) notRead.set(field.id, 'no section of the document could be found for this field');
  for (const field of plan.empty) notRead.set(field.id, 'its section prints no numbers (an empty table, or a report cut off): nothing for a model to read');
  return notRead;
}

/** The document when no call is worth making. */
function withoutCalls(extraction: ExtractionResult, notRead: ReadonlyMap<string, string>, model: string, promptVersion: string): ProcessedDocument {
  const fields = adjustForLlm({ fields: extraction.record.fields, parserCells: extraction.parse.cells, verdicts: new Map(), notRead, model, promptVersion });
  return {
    record: { ...extraction.record, fields },
    decodedText: extraction.decodedText,
    encoding: extraction.encoding,
    llm: 'not-needed',
    usage: null,
    messages: !extraction.template
      ? ['LLM not asked: no template recognised, so there are no fields to read']
      : notRead.size > 0 ? [`LLM not asked: ${notRead.size} unread field(s), but their sections are missing or print no numbers`] : [],
    pendingLlmSections: [],
  };
}

/** The sections found by their heading, as SectionReadings (original offsets) for the merged parse. */
function locatedSections(plan: SectionPlan, extraction: ExtractionResult): SectionReading[] {
  return plan.work
    .filter((work) => work.origin === 'located')
    .map((work) => {
      const span = extraction.normalised.toOriginal(work.start, work.end);
      return { id: work.id, heading: work.heading, start: span.start, end: span.end, fieldIds: work.fields.map((field) => field.id), resolved: false };
    });
}

/** Confidence below which a parser reading in review is weak: a believed LLM reading that differs replaces it. */
const WEAK_CONFIDENCE = 0.5;

/** Fields the parser read but could not stand behind (ambiguous, or scored far below auto). */
function weakReadings(extraction: ExtractionResult): Set<string> {
  const weak = new Set<string>();
  for (const field of extraction.record.fields) {
    if (field.status !== 'review' || !extraction.parse.cells.has(field.id)) continue;
    const cell = extraction.parse.cells.get(field.id)!;
    if (cell.ambiguous || cell.value === null || field.confidence < WEAK_CONFIDENCE) weak.add(field.id);
  }
  return weak;
}

/** Per-document totals, with every call listed. */
function summariseUsage(calls: readonly LlmCallRecord[], model: string, promptVersion: string, prices: LlmPrices): LlmUsage {
  const inputTokens = calls.reduce((total, call) => total + call.inputTokens, 0);
  const outputTokens = calls.reduce((total, call) => total + call.outputTokens, 0);
  const estimatedCost = Math.round(calls.reduce((total, call) => total + call.estimatedCost, 0) * 1e8) / 1e8;
  return {
    calls: calls.filter((call) => !call.cached).length,
    inputTokens,
    outputTokens,
    estimatedCost,
    model,
    promptVersion,
    currency: prices.currency ?? 'USD',
    cachedSections: calls.filter((call) => call.cached).length,
    callDetails: calls,
  };
}

/** Sentences for stderr and the UI. */
function describeRun(
  outcomes: readonly SectionOutcome[],
  fields: readonly FieldRecord[],
  verdicts: ReadonlyMap<string, LlmFieldVerdict>,
  usage: LlmUsage,
  prices: LlmPrices,
  unlocated: number,
): string[] {
  const messages: string[] = [];
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const outcome of outcomes) {
    const name = outcome.work.id;
    if (outcome.failure) {
      messages.push(`LLM failed on ${name}: ${outcome.failure.message}; ${outcome.work.fields.length} field(s) left for review${outcome.failure.retryable ? ' (will be retried)' : ''}`);
      continue;
    }
    const ids = outcome.work.fields.map((field) => field.id);
    const counts = { auto: 0, review: 0, rejected: 0 };
    for (const id of ids) {
      if (byId.get(id)?.status === 'auto') counts.auto++;
      else counts.review++;
      if (verdicts.get(id)?.kind === 'rejected') counts.rejected++;
    }
    messages.push(
      `LLM read ${name}${outcome.cached ? ' (from the cache)' : ''}: ${ids.length} field(s) asked, ${counts.auto} auto, ${counts.review} review` +
        (counts.rejected > 0 ? `, ${counts.rejected} answer(s) not believed` : ''),
    );
  }
  if (unlocated > 0) messages.push(`LLM not asked for ${unlocated} field(s): their sections are missing or print no numbers`);
  messages.push(
    `LLM usage: ${usage.calls} call(s), ${usage.inputTokens} tokens in, ${usage.outputTokens} out, ~${usage.estimatedCost.toFixed(4)} ${prices.currency ?? 'USD'} (${usage.model}, prompt ${usage.promptVersion})`,
  );
  return messages;
}
