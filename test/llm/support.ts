import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import OpenAI from 'openai';
import type { CellReading, ParseResult } from '../../src/parse/ParseResult.ts';
import { MappedText } from '../../src/text/MappedText.ts';
import { extractDocument, type DocumentInput, type ExtractionResult } from '../../src/pipeline/extractDocument.ts';
import { assessForTests } from '../support/testCalibration.ts';
import { loadPromptSet } from '../../src/extract/loadPromptSet.ts';
import type { PromptSet } from '../../src/extract/PromptSet.ts';
import { answerAsStandIn, type StandInOracle, type StandInRequest } from '../../src/eval/llm/standInModel.ts';

/** The msw-intercepted endpoint the real openai client is pointed at. */
export const BASE_URL = 'https://llm.test/v1';
export const COMPLETIONS_URL = `${BASE_URL}/chat/completions`;

/** A real openai client against the intercepted endpoint (no retries unless asked). */
export function testClient(options: { maxRetries?: number; timeout?: number } = {}): OpenAI {
  return new OpenAI({ apiKey: 'sk-test', baseURL: BASE_URL, maxRetries: options.maxRetries ?? 0, timeout: options.timeout ?? 10_000 });
}

let prompts: PromptSet | undefined;
/** The committed prompt set, v1. */
export function testPrompts(): PromptSet {
  return (prompts ??= loadPromptSet(fileURLToPath(new URL('../../prompts', import.meta.url)), 'v1'));
}

/** A chat completion carrying `content` (or a refusal), as the endpoint would return it. */
export function completion(content: string | null, options: { refusal?: string; finishReason?: string; promptTokens?: number; completionTokens?: number } = {}) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'test-model',
    choices: [{
      index: 0,
      message: { role: 'assistant', content, refusal: options.refusal ?? null },
      finish_reason: options.finishReason ?? 'stop',
      logprobs: null,
    }],
    usage: { prompt_tokens: options.promptTokens ?? 1000, completion_tokens: options.completionTokens ?? 200, total_tokens: (options.promptTokens ?? 1000) + (options.completionTokens ?? 200) },
  };
}

/** An msw handler answering every request as the stand-in model with the given oracle, counting requests. */
export function standInHandler(oracle: StandInOracle, seen: StandInRequest[] = []) {
  return http.post(COMPLETIONS_URL, async ({ request }) => {
    const body = (await request.json()) as StandInRequest;
    seen.push(body);
    return HttpResponse.json(answerAsStandIn(body, oracle));
  });
}

/**
 * The deterministic path with the parser blinded on some fields: their cells are dropped and the sections
 * holding them are marked unresolved, and the record is scored again, as if the parser could not read them.
 * The real parser reads more and more layouts; this keeps the LLM path under test whatever it can read.
 */
export function blindParser(fieldIds: readonly string[]): (input: DocumentInput) => ExtractionResult {
  const blind = new Set(fieldIds);
  return (input) => {
    const result = extractDocument(input);
    if (!result.template) return result;
    const cells = new Map<string, CellReading>([...result.parse.cells].filter(([id]) => !blind.has(id)));
    const parse: ParseResult = {
      cells,
      sections: result.parse.sections.map((section) => (section.fieldIds.some((id) => blind.has(id)) ? { ...section, resolved: false } : section)),
      notes: result.parse.notes,
    };
    const fields = assessForTests({ template: result.template, parse, decodedText: result.decodedText, normalised: result.normalised });
    return { ...result, parse, record: { ...result.record, fields }, unresolvedSections: parse.sections.filter((section) => !section.resolved) };
  };
}

/** Bytes of a text document. */
export function documentOf(name: string, text: string): DocumentInput {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** A section of the text: from the line holding `startMarker` to the line holding `endMarker`. */
export function spanBetween(text: string, startMarker: string, endMarker: string): { start: number; end: number } {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + 1);
  if (start < 0 || end < 0) throw new RangeError(`markers not found: ${startMarker} … ${endMarker}`);
  return { start, end };
}

/**
 * An extraction in which a flawless parser read every gold value except `unread`, and reports `section` (section
 * 三, the applications table) as not settled; unread fields of other sections it reports nowhere. Decoding and template detection are the real pipeline's;
 * with `identityText` the normalised text is the decoded text itself, so requests (and their recorded
 * fixtures) do not depend on the normaliser.
 */
export function goldExtraction(
  gold: { readonly fields: Readonly<Record<string, number | null>> },
  unread: readonly string[],
  section: { readonly id: string; readonly heading: string; readonly startMarker: string; readonly endMarker: string },
  options: { readonly identityText?: boolean; readonly override?: Readonly<Record<string, Partial<CellReading>>> } = {},
): (input: DocumentInput) => ExtractionResult {
  const skip = new Set(unread);
  return (input) => {
    const real = extractDocument(input);
    const template = real.template;
    if (!template) throw new Error('goldExtraction: no template detected');
    const normalised = options.identityText ? MappedText.identity(real.decodedText) : real.normalised;
    const cells = new Map<string, CellReading>();
    for (const field of template.fields) {
      const value = gold.fields[field.id];
      if (skip.has(field.id) || value === undefined) continue;
      cells.set(field.id, {
        fieldId: field.id, raw: value === null ? '' : String(value), value, start: 0, end: 0, method: 'table', layout: 'tab-row',
        labelScore: 1, repairs: [], ambiguous: false, notes: [], ...options.override?.[field.id],
      });
    }
    const span = spanBetween(real.decodedText, section.startMarker, section.endMarker);
    const sectionFields = template.fields.map((field) => field.id).filter((id) => id.startsWith('applications.'));
    const parse: ParseResult = {
      cells,
      sections: [{ id: section.id, heading: section.heading, ...span, fieldIds: sectionFields, resolved: false }],
      notes: [],
    };
    const fields = assessForTests({ template, parse, decodedText: real.decodedText, normalised });
    return { ...real, normalised, parse, record: { ...real.record, fields }, unresolvedSections: parse.sections };
  };
}

/** Section 三 of the new-format forms, as goldExtraction takes it. */
export const SECTION_THREE = {
  id: 'gov-2019/三',
  heading: '三、收到和处理政府信息公开申请情况',
  startMarker: '三、收到和处理政府信息公开申请情况\n',
  endMarker: '四、政府信息公开行政复议、行政诉讼情况',
} as const;
