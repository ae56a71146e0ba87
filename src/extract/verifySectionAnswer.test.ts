import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/registry.ts';
import { MappedText, MappedTextBuilder } from '../text/MappedText.ts';
import type { SectionWork } from './planSectionWork.ts';
import { verifySectionAnswer } from './verifySectionAnswer.ts';

const template = findTemplate('gov-2019')!;
const fieldsOf = (...ids: string[]) => ids.map((id) => template.fields.find((field) => field.id === id)!);

/** A normalised text that differs from the original: full-width digits and a page footer cut out. */
function normalisedFrom(original: string): MappedText {
  const source = MappedText.identity(original);
  const builder = new MappedTextBuilder(source);
  const footer = original.indexOf('— 3 —\n');
  for (let index = 0; index < original.length; index++) {
    if (index >= footer && index < footer + '— 3 —\n'.length) continue;
    const character = original[index]!;
    const code = character.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) builder.replace(index, index + 1, String.fromCharCode(code - 0xfee0));
    else builder.copy(index, index + 1);
  }
  return builder.build();
}

function verify(original: string, fieldIds: string[], answer: { id: string; value: number | null; evidence: string }[]) {
  const normalised = normalisedFrom(original);
  const start = normalised.text.indexOf('三、');
  const work: SectionWork = {
    id: 'gov-2019/三', heading: '三、收到和处理政府信息公开申请情况', start, end: normalised.text.length,
    text: normalised.text.slice(start), fields: fieldsOf(...fieldIds), origin: 'located',
  };
  return verifySectionAnswer({ answer: { fields: answer }, work, template, normalised, decodedText: original, model: 'm', promptVersion: 'v1' });
}

describe('verifySectionAnswer', () => {
  const original = '报告正文：全年受理35件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t２８\t1\n— 3 —\n（七）总计\t２８\t1\n';

  it('maps the evidence of a believed value back to the ORIGINAL text, through the normalisation', () => {
    const verdicts = verify(original, ['applications.newReceived.naturalPerson'], [
      { id: 'applications.newReceived.naturalPerson', value: 28, evidence: '本年新收政府信息公开申请数量\t28\t1' },
    ]);
    const verdict = verdicts.get('applications.newReceived.naturalPerson')!;
    expect(verdict.kind).toBe('accepted');
    if (verdict.kind !== 'accepted') return;
    expect(original.slice(verdict.cell.start, verdict.cell.end)).toBe('２８');
    expect(verdict.cell.raw).toBe('２８');
    expect(verdict.cell).toMatchObject({ method: 'llm', layout: 'llm', labelScore: 1, value: 28 });
    expect(verdict.cell.notes.join()).toMatch(/read by m \(prompt v1\)/);
  });

  it('a quote across the cut page footer is still found (the parser cut it too)', () => {
    const verdict = verify(original, ['applications.resultTotal.naturalPerson'], [
      { id: 'applications.resultTotal.naturalPerson', value: 28, evidence: '申请数量\t28\t1\n（七）总计\t28' },
    ]).get('applications.resultTotal.naturalPerson')!;
    expect(verdict.kind).toBe('accepted');
  });

  it('rejects what cannot be shown: a missing quote, a number outside the quote, a quote outside the section', () => {
    const verdicts = verify(original, ['applications.newReceived.naturalPerson', 'applications.newReceived.commercial', 'applications.newReceived.total'], [
      { id: 'applications.newReceived.naturalPerson', value: 28, evidence: '新收申请28件' },
      { id: 'applications.newReceived.commercial', value: 2, evidence: '本年新收政府信息公开申请数量\t28\t1' },
      { id: 'applications.newReceived.total', value: 35, evidence: '全年受理35件' },
    ]);
    expect(verdicts.get('applications.newReceived.naturalPerson')).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/not in the document/) });
    expect(verdicts.get('applications.newReceived.commercial')).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/does not contain the number 2/) });
    expect(verdicts.get('applications.newReceived.total')).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/not in the section sent/) });
  });

  it('one printed number cannot be the value of two fields', () => {
    const verdicts = verify(original, ['applications.newReceived.commercial', 'applications.resultTotal.commercial'], [
      { id: 'applications.newReceived.commercial', value: 1, evidence: '申请数量\t28\t1' },
      { id: 'applications.resultTotal.commercial', value: 1, evidence: '申请数量\t28\t1' },
    ]);
    for (const verdict of verdicts.values()) expect(verdict).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/same printed number/) });
  });

  it('a field answered twice with different values is not believed; a blank answer is a blank verdict', () => {
    const verdicts = verify(original, ['applications.newReceived.naturalPerson', 'applications.newReceived.research'], [
      { id: 'applications.newReceived.naturalPerson', value: 28, evidence: '本年新收政府信息公开申请数量\t28' },
      { id: 'applications.newReceived.naturalPerson', value: 1, evidence: '本年新收政府信息公开申请数量\t28\t1' },
      { id: 'applications.newReceived.research', value: null, evidence: '一、本年新收政府信息公开申请数量' },
    ]);
    expect(verdicts.get('applications.newReceived.naturalPerson')).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/twice/) });
    expect(verdicts.get('applications.newReceived.research')).toMatchObject({ kind: 'blank' });
  });
});
