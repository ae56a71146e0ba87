import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError, RateLimitError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { makeParseableResponseFormat } from 'openai/lib/parser';
import { buildSectionMessages, type ChatMessage, type SectionRequestInput } from './buildSectionMessages.ts';
import { estimateMessageTokens, estimateTokens } from './estimateTokens.ts';
import { estimateCost, type LlmCallRecord, type LlmPrices } from './LlmCallRecord.ts';
import { LlmCallError, type LlmFailureKind } from './LlmCallError.ts';
import type { PromptSet } from './PromptSet.ts';
import { createSectionAnswerSchema, readSectionAnswer, type SectionAnswer, type SectionAnswerReading } from './sectionAnswerSchema.ts';
import type { TokenBudget } from './TokenBudget.ts';

/** How calls are made: the client, the model, limits, and where each call's cost is reported. */
export interface SectionCallOptions {
  readonly client: OpenAI;
  readonly model: string;
  readonly prompts: PromptSet;
  readonly budget: TokenBudget;
  /** Milliseconds one HTTP attempt may take. */
  readonly timeoutMs: number;
  /** SDK retries of an attempt that failed with 429, 5xx, a timeout or a lost connection (with backoff). */
  readonly maxRetries: number;
  readonly outputLimitParameter: 'max_completion_tokens' | 'max_tokens';
  readonly prices: LlmPrices;
  readonly recordCall: (call: LlmCallRecord) => void;
}

/** Output tokens allowed per requested field (an id, a number and an 80-character quote), and per answer. */
const OUTPUT_TOKENS_PER_FIELD = 100;
const OUTPUT_TOKENS_BASE = 60;
const OUTPUT_TOKENS_CAP = 16_000;

/**
 * Asks the model for one section: strict structured output from the zod schema through
 * `client.chat.completions.parse`, then parse → validate → ONE repair request carrying the validation errors →
 * a typed LlmCallError. The SDK retries 429/5xx/timeouts within `maxRetries` (fewer when the token budget
 * cannot cover them); refusals, empty and cut-off answers are not retried. Every request reserves its worst
 * case in the document's budget first and is not made when it does not fit.
 */
export async function askSectionModel(request: SectionRequestInput & { readonly sectionId: string }, options: SectionCallOptions): Promise<SectionAnswer> {
  const fieldIds = request.fields.map((field) => field.id);
  const schema = createSectionAnswerSchema(fieldIds);
  const wire = zodResponseFormat(schema, 'section_answer');
  const responseFormat = makeParseableResponseFormat<SectionAnswerReading>(
    { type: 'json_schema', json_schema: wire.json_schema },
    (content) => readSectionAnswer(content, fieldIds),
  );
  const schemaTokens = estimateTokens(JSON.stringify(wire.json_schema));
  const maxOutputTokens = Math.min(OUTPUT_TOKENS_CAP, OUTPUT_TOKENS_BASE + OUTPUT_TOKENS_PER_FIELD * fieldIds.length);
  const context = { section: request.sectionId, model: options.model, promptVersion: options.prompts.version };
  const messages = buildSectionMessages(request, options.prompts);

  const first = await send(messages, 'answer');
  if (first.reading.ok) return first.reading.answer;
  const repairMessages: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.content },
    {
      role: 'user',
      content: [
        'Your answer does not match the required JSON schema:',
        ...first.reading.errors.map((error) => `- ${error}`),
        'Answer again with only the corrected JSON: {"fields":[{"id":…,"value":…,"evidence":…}]}, every requested id once.',
      ].join('\n'),
    },
  ];
  const repaired = await send(repairMessages, 'repair');
  if (repaired.reading.ok) return repaired.reading.answer;
  throw new LlmCallError('invalid-answer', repaired.reading.errors.slice(0, 3).join('; '), {
    ...context,
    validationErrors: [...first.reading.errors, ...repaired.reading.errors],
    excerpt: repaired.content.slice(0, 200),
  });

  async function send(conversation: readonly ChatMessage[], attempt: 'answer' | 'repair'): Promise<{ reading: SectionAnswerReading; content: string }> {
    const promptTokens = estimateMessageTokens(conversation) + schemaTokens;
    const perAttempt = promptTokens + maxOutputTokens;
    const affordableAttempts = Math.floor(options.budget.available() / perAttempt);
    if (affordableAttempts < 1) {
      throw new LlmCallError('budget-exhausted', `the ${attempt === 'repair' ? 'repair ' : ''}request needs up to ${perAttempt} tokens, ${options.budget.available()} of ${options.budget.limit} are left`, context);
    }
    const retries = Math.min(options.maxRetries, affordableAttempts - 1);
    const reservation = options.budget.reserve(perAttempt * (retries + 1));
    if (!reservation) throw new LlmCallError('budget-exhausted', `${options.budget.available()} of ${options.budget.limit} tokens are left`, context);
    const report = (inputTokens: number, outputTokens: number, outcome: LlmCallRecord['outcome'], usageReported: boolean) => {
      options.recordCall({
        section: request.sectionId, attempt, inputTokens, outputTokens, estimatedCost: estimateCost(inputTokens, outputTokens, options.prices),
        cached: false, usageReported, outcome,
      });
    };
    let completion;
    try {
      completion = await options.client.chat.completions.parse(
        {
          model: options.model,
          messages: conversation.map((message) => ({ role: message.role, content: message.content })),
          response_format: responseFormat,
          ...(acceptsTemperature(options.model) ? { temperature: 0 } : {}),
          [options.outputLimitParameter]: maxOutputTokens,
        },
        { timeout: options.timeoutMs, maxRetries: retries },
      );
    } catch (error) {
      const failure = toLlmCallError(error, context);
      // A cut-off answer used the whole output allowance; an abandoned attempt may have been processed.
      const charged = failure.kind === 'truncated' ? perAttempt : failure.kind === 'timeout' || failure.kind === 'content-filter' ? promptTokens : 0;
      reservation.settle(charged);
      if (failure.kind === 'truncated' || failure.kind === 'content-filter') {
        report(promptTokens, failure.kind === 'truncated' ? maxOutputTokens : 0, failure.kind === 'truncated' ? 'truncated' : 'filtered', false);
      }
      throw failure;
    }
    const usage = completion.usage;
    const inputTokens = usage?.prompt_tokens ?? promptTokens;
    const choice = completion.choices[0];
    const content = choice?.message.content ?? '';
    const outputTokens = usage?.completion_tokens ?? estimateTokens(content);
    reservation.settle(inputTokens + outputTokens);
    const refusal = choice?.message.refusal;
    if (refusal) {
      report(inputTokens, outputTokens, 'refused', usage !== undefined);
      throw new LlmCallError('refusal', refusal.slice(0, 200), { ...context, excerpt: refusal.slice(0, 200) });
    }
    if (content.trim() === '' || !choice?.message.parsed) {
      report(inputTokens, outputTokens, 'empty', usage !== undefined);
      throw new LlmCallError('empty-answer', '', context);
    }
    const reading = choice.message.parsed;
    report(inputTokens, outputTokens, reading.ok ? 'ok' : 'invalid', usage !== undefined);
    return { reading, content };
  }
}

/** Reasoning models (o1, o3, gpt-5, …) accept only their default temperature. */
function acceptsTemperature(model: string): boolean {
  return !/^(?:o\d|gpt-5)/u.test(model);
}

/** Maps what the SDK throws to the stage's typed error; anything that is not the SDK's is rethrown. */
export function toLlmCallError(error: unknown, context: Record<string, unknown>): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const kind = failureKind(error);
  if (kind === undefined) throw error;
  const status = error instanceof APIError ? error.status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new LlmCallError(kind, message.slice(0, 300), { ...context, ...(status !== undefined ? { status } : {}) }, { cause: error });
}

function failureKind(error: unknown): LlmFailureKind | undefined {
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIUserAbortError || error instanceof APIConnectionError) return 'connection';
  if (error instanceof RateLimitError) return 'rate-limited';
  if (error instanceof APIError) {
    if (error.headers?.get('x-gongkai-replay') === 'missing') return 'replay-missing';
    if (typeof error.status === 'number' && error.status >= 500) return 'server-error';
    return 'request-rejected';
  }
  if (error instanceof LengthFinishReasonError) return 'truncated';
  if (error instanceof ContentFilterFinishReasonError) return 'content-filter';
  if (error instanceof OpenAIError) return 'request-rejected';
  return undefined;
}
