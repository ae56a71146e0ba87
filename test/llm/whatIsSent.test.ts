import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmProcessor } from '../../src/extract/createLlmProcessor.ts';
import { planSectionWork } from '../../src/extract/planSectionWork.ts';
import { readSeed } from '../../src/eval/llm/buildLlmCases.ts';
import { COMPLETIONS_URL, completion, documentOf, goldExtraction, SECTION_THREE, testClient, testPrompts } from './support.ts';
import { assessForTests } from '../support/testCalibration.ts';

const server = setupServer();
const requests: unknown[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

function recordRequests() {
  server.use(http.post(COMPLETIONS_URL, async ({ request }) => {
    requests.push(await request.json());
    return HttpResponse.json(completion('{"fields":[]}'));
  }));
}

const seed = readSeed('002');
const options = { assess: assessForTests, client: testClient(), model: 'test-model', prompts: testPrompts(), tokenBudgetPerDocument: 100_000, prices: { inputPerMillion: 0, outputPerMillion: 0 } };

describe('what is sent to the LLM', () => {
  it('nothing when the parser settled every field: no call, the record unchanged', async () => {
    recordRequests();
    const extract = goldExtraction(seed.gold, [], SECTION_THREE);
    const settled = (input: Parameters<typeof extract>[0]) => {
      const result = extract(input);
      return { ...result, record: { ...result.record, fields: result.record.fields.map((field) => ({ ...field, status: 'auto' as const })) } };
    };
    const input = documentOf('002.txt', seed.text);
    const processed = await createLlmProcessor({ ...options, extract: settled }).process(input);
    expect(requests).toHaveLength(0);
    expect(processed.llm).toBe('not-needed');
    expect(processed.usage).toBeNull();
    expect(processed.record).toEqual(settled(input).record);
  });

  it('nothing for a report with no recognised template, and it says why', async () => {
    recordRequests();
    const bytes = readFileSync(new URL('../fixtures/wild/09_pingtan_dishui_2013_notable.txt', import.meta.url));
    const processed = await createLlmProcessor(options).process({ name: 'notable.txt', bytes });
    expect(requests).toHaveLength(0);
    expect(processed.record.template).toBe('unknown');
    expect(processed.messages.join()).toMatch(/no template recognised/);
  });

  it('one call per unsettled section, with the section text and only the unread fields', () => {
    const unread = ['applications.granted.total', 'litigationDirect.total'];
    const extract = goldExtraction(seed.gold, unread, SECTION_THREE);
    const plan = planSectionWork(extract(documentOf('002.txt', seed.text)));
    const three = plan.work.find((work) => work.fields.some((field) => field.id === 'applications.granted.total'))!;
    expect(three.text.startsWith('三、收到和处理政府信息公开申请情况')).toBe(true);
    expect(three.text).not.toContain('五、存在的主要问题');
    const four = plan.work.find((work) => work.fields.some((field) => field.id === 'litigationDirect.total'))!;
    expect(four.text.startsWith('四、政府信息公开行政复议、行政诉讼情况')).toBe(true);
    expect(four.text).not.toContain('五、存在的主要问题');
    expect(plan.work.flatMap((work) => work.fields.map((field) => field.id)).sort()).toEqual([...unread].sort());
  });

  it('no call for a section that prints no numbers (an empty table): the fields say why', async () => {
    recordRequests();
    const emptied = seed.text.replace(/^(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(?=五、存在的主要问题)/mu, '$1\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\n');
    const processed = await createLlmProcessor({ ...options, extract: goldExtraction(seed.gold, ['litigationDirect.total'], SECTION_THREE) })
      .process(documentOf('002_empty_four.txt', emptied));
    expect(requests).toHaveLength(0);
    const field = processed.record.fields.find((candidate) => candidate.id === 'litigationDirect.total')!;
    expect(field.status).toBe('review');
    expect(field.issues.join()).toMatch(/prints no numbers/);
  });
});
