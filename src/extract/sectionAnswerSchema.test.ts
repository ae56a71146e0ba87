import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { createSectionAnswerSchema, readSectionAnswer } from './sectionAnswerSchema.ts';

describe('the answer schema', () => {
  const ids = ['a.total', 'a.part'];

  it('is strict: only the requested ids, a number or null, a quote, nothing else', () => {
    expect(readSectionAnswer('{"fields":[{"id":"a.total","value":3,"evidence":"总计 3"}]}', ids)).toMatchObject({ ok: true });
    expect(readSectionAnswer('{"fields":[{"id":"a.total","value":null,"evidence":"总计"}]}', ids)).toMatchObject({ ok: true });
    const extraKey = readSectionAnswer('{"fields":[{"id":"a.total","value":3,"evidence":"x","confidence":1}]}', ids);
    expect(extraKey.ok).toBe(false);
    const otherId = readSectionAnswer('{"fields":[{"id":"b.total","value":3,"evidence":"x"}]}', ids);
    expect(otherId.ok ? [] : otherId.errors.join()).toMatch(/fields\.0\.id/);
    const stringValue = readSectionAnswer('{"fields":[{"id":"a.total","value":"3","evidence":"x"}]}', ids);
    expect(stringValue.ok ? [] : stringValue.errors.join()).toMatch(/fields\.0\.value/);
    expect(readSectionAnswer('{"fields":[],"notes":"x"}', ids).ok).toBe(false);
  });

  it('reports malformed JSON as an error to send back, and accepts a fenced answer', () => {
    const broken = readSectionAnswer('{"fields": [', ids);
    expect(broken.ok ? '' : broken.errors[0]).toMatch(/^not valid JSON/);
    expect(readSectionAnswer('```json\n{"fields":[]}\n```', ids).ok).toBe(true);
  });

  it('becomes a strict JSON schema for structured outputs, with the ids as an enum', () => {
    const format = zodResponseFormat(createSectionAnswerSchema(ids), 'section_answer');
    expect(format.json_schema.strict).toBe(true);
    const schema = JSON.stringify(format.json_schema.schema);
    expect(schema).toContain('"enum":["a.total","a.part"]');
    expect(schema).toContain('"additionalProperties":false');
    expect(schema).not.toContain('maxLength');
  });
});
