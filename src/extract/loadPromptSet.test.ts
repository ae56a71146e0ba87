import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/registry.ts';
import { MappedText } from '../text/MappedText.ts';
import { buildSectionMessages } from './buildSectionMessages.ts';
import { loadPromptSet } from './loadPromptSet.ts';
import { verifySectionAnswer } from './verifySectionAnswer.ts';

const directory = fileURLToPath(new URL('../../prompts', import.meta.url));

describe('prompts/v1', () => {
  const prompts = loadPromptSet(directory, 'v1');

  it('has a system message and worked examples for every template', () => {
    expect(prompts.system).toMatch(/DATA/);
    for (const id of ['gov-2014', 'gov-2019', 'gov-2021']) expect(prompts.examples[id]?.length, id).toBeGreaterThanOrEqual(2);
    expect(prompts.fingerprint).toMatch(/^[0-9a-f]{16}$/u);
  });

  it('every example answer passes the checks a real answer must pass (ids of the template, quotes found, numbers in them)', () => {
    for (const [templateId, examples] of Object.entries(prompts.examples)) {
      const template = findTemplate(templateId)!;
      for (const example of examples) {
        const fields = example.answer.fields.map((answered) => template.fields.find((field) => field.id === answered.id));
        expect(fields.every(Boolean), `${templateId}: unknown id in ${JSON.stringify(example.answer)}`).toBe(true);
        const verdicts = verifySectionAnswer({
          answer: example.answer,
          work: { id: 'example', heading: example.heading, start: 0, end: example.text.length, text: example.text, fields: fields.map((field) => field!), origin: 'located' },
          template, normalised: MappedText.identity(example.text), decodedText: example.text, model: 'm', promptVersion: 'v1',
        });
        for (const [id, verdict] of verdicts) {
          const answered = example.answer.fields.find((field) => field.id === id)!;
          expect(verdict.kind, `${templateId} ${id}: ${JSON.stringify(verdict)}`).toBe(answered.value === null ? 'blank' : 'accepted');
        }
      }
    }
  });

  it('builds system, example pairs, then the request with the section fenced as data', () => {
    const template = findTemplate('gov-2019')!;
    const messages = buildSectionMessages({ template, heading: '四、政府信息公开行政复议、行政诉讼情况', fields: template.fields.slice(-2), text: '行政复议\n0' }, prompts);
    expect(messages[0]!.role).toBe('system');
    expect(messages.at(-1)!.content).toMatch(/<document>\n行政复议\n0\n<\/document>$/u);
    expect(messages.at(-1)!.content).toContain('litigationAfterReconsideration.total | 行政诉讼/复议后起诉/总计 | 件');
    expect(messages.filter((message) => message.role === 'assistant')).toHaveLength(prompts.examples['gov-2019']!.length);
  });

  it('a missing version fails at wiring time with a clear error', () => {
    expect(() => loadPromptSet(directory, 'v999')).toThrow(/prompt version "v999" not found/);
  });
});
