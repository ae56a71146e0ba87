import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmProcessor } from '../../src/extract/createLlmProcessor.ts';
import { columnOrderSectionThree, goldOracle, readSeed } from '../../src/eval/llm/buildLlmCases.ts';
import { findTemplate } from '../../src/templates/registry.ts';
import type { StandInRequest } from '../../src/eval/llm/standInModel.ts';
import { blindParser, documentOf, standInHandler, testClient, testPrompts } from './support.ts';
import { assessFields } from '../../src/score/assessFields.ts';
import type { CalibrationLookup } from '../../src/score/CalibrationTable.ts';
import { testCalibration } from '../support/testCalibration.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const prices = { inputPerMillion: 0.15, outputPerMillion: 0.6 };

describe('a messy section resolved end to end', () => {
  it('reads section 三 printed in column order (PDF extraction) into values whose evidence points at the original text', async () => {
    const seed = readSeed('002');
    const built = columnOrderSectionThree(seed.text, seed.gold);
    const template = findTemplate('gov-2019')!;
    const sectionThree = template.tables.find((table) => table.id === '三')!.rows.flatMap((row) => row.cells).filter((id): id is string => id !== null);
    const seen: StandInRequest[] = [];
    server.use(standInHandler(goldOracle(seed.gold, built.cellOrder), seen));
    // LLM readings are auto only where their bucket was measured: here, as if LLM values confirmed non-trivially
    // by the rules had been measured on labelled data (the committed calibration has no LLM buckets).
    const measuredLlm: CalibrationLookup = (bucket) => (/^llm\/\w+\/confirmed\//u.test(bucket) ? { fields: 1_000_000, wrong: 0 } : testCalibration(bucket));
    const processor = createLlmProcessor({
      assess: (input) => assessFields({ ...input, calibration: measuredLlm }),
      client: testClient(), model: 'test-model', prompts: testPrompts(), tokenBudgetPerDocument: 200_000, prices,
      extract: blindParser(sectionThree),
    });
    const processed = await processor.process(documentOf('002_column_order.txt', built.text));

    expect(processed.llm).toBe('used');
    const requestForThree = seen.find((body) => body.messages.at(-1)!.content.includes('applications.newReceived.naturalPerson'));
    expect(requestForThree, 'one request carries section 三').toBeDefined();
    const lastMessage = requestForThree!.messages.at(-1)!.content;
    expect(lastMessage).not.toContain('五、存在的主要问题'); // the section, not the whole report
    const byId = new Map(processed.record.fields.map((field) => [field.id, field]));
    let auto = 0;
    let exact = 0;
    let covering = 0;
    for (const id of sectionThree) {
      const field = byId.get(id)!;
      expect(field.value, id).toBe(seed.gold.fields[id]);
      expect(field.method, id).toBe('llm');
      expect(field.evidence, id).not.toBeNull();
      expect(processed.decodedText.slice(field.evidence!.start, field.evidence!.end), id).toBe(field.evidence!.text);
      expect(field.evidence!.text, id).toContain(String(field.value));
      // The evidence covers the very cell printed for this field (the cell itself when the number occurs once in
      // the quote), unless the quote (a run of zeros, say) occurs more than once in the section: then it points
      // at the first occurrence, and the issues say so.
      const repeated = field.issues.some((issue) => /the quote occurs \d+ times/u.test(issue));
      if (!repeated) {
        const cell = built.cellOffsets.get(id)!;
        expect(field.evidence!.start, id).toBeLessThanOrEqual(cell);
        expect(field.evidence!.end, id).toBeGreaterThan(cell);
        covering++;
        if (field.evidence!.text === String(field.value)) exact++;
      }
      if (field.status === 'auto') auto++;
      expect(field.issues.some((issue) => issue.includes('prompt v1')), id).toBe(true);
    }
    // The cells of nonzero rows are confirmed by the section's rules; all-zero rows stay in review (0 = 0 + 0 confirms little).
    expect(auto).toBeGreaterThan(sectionThree.length / 4);
    expect(covering).toBeGreaterThan(sectionThree.length / 2);
    expect(exact).toBeGreaterThan(0);
    expect(processed.usage!.calls).toBeGreaterThanOrEqual(1);
    expect(processed.usage!.inputTokens).toBeGreaterThan(0);
  });
});
