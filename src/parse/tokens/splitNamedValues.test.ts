import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../templates/registry.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { splitNamedValues } from './splitNamedValues.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const template = findTemplate('gov-2021')!;
const skeleton = sectionSkeleton(template, template.tables.filter((table) => table.id === '三'));

function values(text: string): string[] {
  // (A row ordinal the tokeniser kept as a value is marked as one: the solver cuts it off.)
  return splitNamedValues(tokeniseRegion(text, 0, text.length), skeleton).flatMap((token) => (token.kind === 'value' && !token.ordinalTail ? [token.raw] : []));
}

describe('splitNamedValues', () => {
  it('takes back the values of a sentence with 、 between its cells, which read like ordinals run into labels', () => {
    expect(values('一、本年新收政府信息公开申请数量自然人71、商业企业3、科研机构0、社会公益组织0、法\n律服务机构0、其他0、总计74。'))
      .toEqual(['71', '3', '0', '0', '0', '0', '74']);
  });

  it('leaves a row ordinal after a full stop an ordinal ("…总计0。3、其他")', () => {
    expect(values('2.申请人逾期未按收费通知要求缴纳费用自然人0、商业企业0、科研机构0、社会公益组织0、法律服务机构0、其他0、总计0。\n3、其他自然人0'))
      .toEqual(['0', '0', '0', '0', '0', '0', '0', '0']);
    expect(values('…其他0、总计0。\n3、其他：自然人0')).toEqual(['0', '0', '0']);
  });

  it('takes an OCR letter after a cell name for its number ("其他结果O、", "总计l。"), never a letter inside the words', () => {
    expect(values('自然人5、商业企业O、科研机构0、社会公益组织0、法律服务机构0、其他0、总计l。')).toEqual(['5', 'O', '0', '0', '0', '0', 'l']);
    expect(values('自然人5、其他Ol法律、总计O')).toEqual(['5', 'O']);
  });
});
