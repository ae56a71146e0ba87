import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { loadConfig, type Config } from '../config/loadConfig.ts';
import { createMemoryAnswerCache } from '../extract/AnswerCache.ts';
import { buildSectionMessages } from '../extract/buildSectionMessages.ts';
import { createLlmProcessor } from '../extract/createLlmProcessor.ts';
import { createProcessor } from '../extract/createProcessor.ts';
import { estimateMessageTokens } from '../extract/estimateTokens.ts';
import { loadPromptSet } from '../extract/loadPromptSet.ts';
import type { PromptSet } from '../extract/PromptSet.ts';
import { createRecordingFetch, createReplayFetch } from '../extract/recordReplayFetch.ts';
import type { DocumentProcessor, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import { extractDocument } from '../pipeline/extractDocument.ts';
import { compareWithGold, type DocumentEvaluation } from './compareWithGold.ts';
import { summarise, type SetSummary } from './evaluateFixtures.ts';
import { evaluationCases, type LlmEvaluationCase } from './llm/buildLlmCases.ts';
import { createStandInFetch } from './llm/standInModel.ts';

/** One document run both ways. */
export interface LlmDocumentResult {
  readonly name: string;
  readonly set: LlmEvaluationCase['set'];
  readonly withoutLlm: DocumentEvaluation;
  readonly withLlm: DocumentEvaluation;
  readonly llm: ProcessedDocument['llm'];
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly estimatedCost: number;
  /** Estimated tokens of one request carrying the whole document and every field of its template. */
  readonly wholeDocumentTokens: number;
  readonly messages: readonly string[];
}

/** Figures of one set of documents, without and with the LLM. */
export interface LlmSetFigures {
  readonly set: string;
  readonly withoutLlm: SetSummary;
  readonly withLlm: SetSummary;
  readonly documents: number;
  /** Documents where the LLM was called (or answered from the cache). */
  readonly documentsUsingLlm: number;
  readonly callsPerDocument: number;
  readonly inputTokensPerDocument: number;
  readonly outputTokensPerDocument: number;
  readonly tokensPerDocument: number;
  readonly costPerDocument: number;
  /** What one whole-document request per document would have cost in tokens (estimate, see wholeDocumentTokens). */
  readonly wholeDocumentTokensPerDocument: number;
}

/** The LLM evaluation. */
export interface LlmEvaluationReport {
  /** Who answered: the configured endpoint, or the recorded fixtures with the stand-in model for misses. */
  readonly endpoint: string;
  readonly replay: { readonly replayed: number; readonly answeredLive: number } | null;
  readonly sets: readonly LlmSetFigures[];
  readonly total: LlmSetFigures;
  readonly documents: readonly LlmDocumentResult[];
}

/** How the LLM processor of each case is made, and what the whole-document estimate uses. */
export interface LlmEvaluationOptions {
  readonly cases: readonly LlmEvaluationCase[];
  readonly processorFor: (testCase: LlmEvaluationCase) => DocumentProcessor;
  readonly prompts: PromptSet;
  readonly endpoint: string;
}

/** Output tokens per field assumed for the whole-document estimate when the run observed none. */
const DEFAULT_OUTPUT_TOKENS_PER_FIELD = 40;

/**
 * Runs every case through the deterministic path and through the LLM processor and compares both with gold:
 * accuracy, auto-precision, review rate (compareWithGold/summarise, the same definitions as `npm run eval`),
 * LLM calls, tokens and cost per document, next to what sending each whole document (all its template's
 * fields in one request) would have cost in tokens.
 */
export async function evaluateWithLlm(options: LlmEvaluationOptions): Promise<LlmEvaluationReport> {
  const documents: LlmDocumentResult[] = [];
  const pending: { testCase: LlmEvaluationCase; whole: { prompt: number; fields: number } }[] = [];
  for (const testCase of options.cases) {
    const input = { name: testCase.name, bytes: testCase.bytes };
    const deterministic = extractDocument(input);
    const processed = await options.processorFor(testCase).process(input);
    const usage = processed.usage;
    const whole = wholeDocumentPrompt(deterministic, options.prompts);
    pending.push({ testCase, whole });
    documents.push({
      name: testCase.name,
      set: testCase.set,
      withoutLlm: compareWithGold(deterministic.record, testCase.gold),
      withLlm: compareWithGold(processed.record, testCase.gold),
      llm: processed.llm,
      calls: usage?.calls ?? 0,
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      estimatedCost: usage?.estimatedCost ?? 0,
      wholeDocumentTokens: whole.prompt,
      messages: processed.messages,
    });
  }
  // The answer to a whole-document request is as long per field as the answers observed in this run.
  const answeredFields = documents.reduce((total, document) => total + (document.calls > 0 ? fieldsAsked(document) : 0), 0);
  const outputTokens = documents.reduce((total, document) => total + document.outputTokens, 0);
  const perField = answeredFields > 0 ? outputTokens / answeredFields : DEFAULT_OUTPUT_TOKENS_PER_FIELD;
  const completed = documents.map((document, index) => ({
    ...document,
    wholeDocumentTokens: Math.round(document.wholeDocumentTokens + perField * pending[index]!.whole.fields),
  }));
  const setNames = [...new Set(completed.map((document) => document.set))];
  return {
    endpoint: options.endpoint,
    replay: null,
    sets: setNames.map((set) => figures(set, completed.filter((document) => document.set === set))),
    total: figures('all', completed),
    documents: completed,
  };
}

function fieldsAsked(document: LlmDocumentResult): number {
  const asked = document.messages.map((message) => /(\d+) field\(s\) asked/u.exec(message)?.[1]).filter(Boolean).map(Number);
  return asked.reduce((total, count) => total + count, 0);
}

function wholeDocumentPrompt(extraction: ReturnType<typeof extractDocument>, prompts: PromptSet): { prompt: number; fields: number } {
  const template = extraction.template;
  if (!template) return { prompt: 0, fields: 0 };
  const messages = buildSectionMessages({ template, heading: template.title, fields: template.fields, text: extraction.normalised.text }, prompts);
  // The response schema lists every field id once in its enum.
  const schema = template.fields.reduce((total, field) => total + Math.ceil((field.id.length + 3) / 3), 120);
  return { prompt: estimateMessageTokens(messages) + schema, fields: template.fields.length };
}

function figures(set: string, documents: readonly LlmDocumentResult[]): LlmSetFigures {
  const count = documents.length || 1;
  const sum = (pick: (document: LlmDocumentResult) => number) => documents.reduce((total, document) => total + pick(document), 0);
  return {
    set,
    withoutLlm: summarise(documents.map((document) => document.withoutLlm)),
    withLlm: summarise(documents.map((document) => document.withLlm)),
    documents: documents.length,
    documentsUsingLlm: documents.filter((document) => document.llm === 'used' || document.llm === 'failed').length,
    callsPerDocument: sum((document) => document.calls) / count,
    inputTokensPerDocument: sum((document) => document.inputTokens) / count,
    outputTokensPerDocument: sum((document) => document.outputTokens) / count,
    tokensPerDocument: sum((document) => document.inputTokens + document.outputTokens) / count,
    costPerDocument: sum((document) => document.estimatedCost) / count,
    wholeDocumentTokensPerDocument: sum((document) => document.wholeDocumentTokens) / count,
  };
}

/** The report as text. */
export function formatLlmEvaluation(report: LlmEvaluationReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`.padStart(8);
  const lines = [`== LLM evaluation — answers from: ${report.endpoint}`];
  if (report.replay) lines.push(`   requests replayed from fixtures: ${report.replay.replayed}; answered live by the stand-in (not recorded): ${report.replay.answeredLive}`);
  lines.push('', '  set         docs  LLM  | accuracy  auto-prec  review   wrong-auto | calls/doc  tokens/doc (in+out)   whole-doc tokens/doc');
  for (const set of [...report.sets, report.total]) {
    const row = (summary: SetSummary) =>
      `${percent(summary.accuracy)}  ${percent(summary.autoPrecision)}  ${percent(summary.reviewRate)}  ${String(summary.wrongAuto).padStart(5)}     `;
    lines.push(`  ${set.set.padEnd(10)} ${String(set.documents).padStart(4)}  without | ${row(set.withoutLlm)}|`);
    lines.push(
      `  ${''.padEnd(10)} ${String(set.documentsUsingLlm).padStart(4)}  with    | ${row(set.withLlm)}| ${set.callsPerDocument.toFixed(2).padStart(8)}  ` +
        `${Math.round(set.tokensPerDocument).toString().padStart(7)} (${Math.round(set.inputTokensPerDocument)}+${Math.round(set.outputTokensPerDocument)})`.padEnd(22) +
        `  ${Math.round(set.wholeDocumentTokensPerDocument).toString().padStart(8)}`,
    );
  }
  lines.push('', `  cost per document (configured prices): ${report.total.costPerDocument.toFixed(5)}`);
  lines.push('', '  documents that used the LLM:');
  for (const document of report.documents.filter((candidate) => candidate.llm === 'used' || candidate.llm === 'failed')) {
    lines.push(
      `   ${document.name.padEnd(44)} ${document.set.padEnd(9)} accuracy ${document.withoutLlm.correct}/${document.withoutLlm.fields} → ${document.withLlm.correct}/${document.withLlm.fields}` +
        `  auto ${document.withLlm.auto} (wrong ${document.withLlm.wrongAuto.length})  calls ${document.calls}  tokens ${document.inputTokens}+${document.outputTokens}  whole-doc ~${document.wholeDocumentTokens}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run eval -- --llm [--json] [--record-fixtures | --noisy]`: with an endpoint configured (OPENAI_API_KEY /
 * OPENAI_BASE_URL), every LLM request goes to it; otherwise requests are answered from the recorded fixtures
 * in test/fixtures/llm/eval, and a request not recorded there by the DETERMINISTIC STAND-IN model (see
 * eval/llm/standInModel), whose figures measure the machinery, not a model. `--record-fixtures` re-records the
 * fixtures from the stand-in; `--noisy` makes the stand-in answer 10% of the fields with scripted mistakes, to
 * show what the belief checks catch. Exit code 1 when any `auto` field is wrong with the LLM.
 */
export async function runLlmEvaluationCommand(args: readonly string[], environment: Record<string, string | undefined>, write: (text: string) => void): Promise<number> {
  const config: Config = loadConfig(environment);
  const fixtureDirectory = fileURLToPath(new URL('../../test/fixtures/llm/eval/', import.meta.url));
  const prompts = loadPromptSet(config.llm.promptDirectory, config.llm.promptVersion);
  const endpointConfigured = config.llm.apiKey !== undefined || config.llm.baseUrl !== undefined || config.llm.replayDirectory !== undefined;
  const counts = { replayed: 0, answeredLive: 0 };
  const record = args.includes('--record-fixtures');
  const noisy = args.includes('--noisy');
  let processorFor: (testCase: LlmEvaluationCase) => DocumentProcessor;
  let endpoint: string;
  if (endpointConfigured) {
    endpoint = `${config.llm.model} at ${config.llm.replayDirectory ?? config.llm.baseUrl ?? 'api.openai.com'}`;
    processorFor = () => createProcessor(config, { llm: true }, { cache: createMemoryAnswerCache() });
  } else {
    endpoint = noisy
      ? 'the deterministic stand-in model with 10% scripted mistakes (column shifts, balanced values, invented quotes), NOT a real LLM'
      : record
        ? `the deterministic stand-in model, recording into ${fixtureDirectory}`
        : `recorded fixtures (${fixtureDirectory}) made by the deterministic stand-in model, NOT a real LLM`;
    processorFor = (testCase) => {
      const standIn = createStandInFetch(testCase.oracle, noisy ? { errorRate: 0.1 } : {});
      const fetch = noisy ? standIn : record
        ? createRecordingFetch(fixtureDirectory, standIn)
        : createReplayFetch(fixtureDirectory, {
          fallback: standIn,
          onMiss: () => {
            counts.answeredLive++;
          },
        });
      return createLlmProcessor({
        client: new OpenAI({ apiKey: 'stand-in', baseURL: 'http://stand-in.invalid/v1', maxRetries: 0, fetch }),
        model: 'stand-in',
        prompts,
        tokenBudgetPerDocument: config.llm.tokenBudgetPerDocument,
        prices: { inputPerMillion: config.llm.priceInputPerMillion, outputPerMillion: config.llm.priceOutputPerMillion, currency: config.llm.currency },
        maxRetries: 0,
      });
    };
  }
  const evaluated = await evaluateWithLlm({ cases: evaluationCases(), processorFor, prompts, endpoint });
  const calls = evaluated.documents.reduce((total, document) => total + document.calls, 0);
  const report: LlmEvaluationReport = endpointConfigured || record || noisy
    ? evaluated
    : { ...evaluated, replay: { replayed: Math.max(0, calls - counts.answeredLive), answeredLive: counts.answeredLive } };
  write(args.includes('--json') ? `${JSON.stringify(report)}\n` : formatLlmEvaluation(report));
  return report.total.withLlm.wrongAuto > 0 ? 1 : 0;
}
