import { describe, expect, it } from 'vitest';
import { evaluationText, reasonText, ruleFormula } from '../../review-ui/ruleText.ts';
import { en } from '../../review-ui/i18n/en.ts';
import { zh } from '../../review-ui/i18n/zh.ts';
import { findTemplate, templates } from '../../src/templates/registry.ts';
import { evaluateRule } from '../../src/validate/evaluateRule.ts';

/** The keys of a catalogue, nested groups included ("errors.conflict"). */
function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]);
}

describe('review UI words', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
    for (const catalogue of [zh, en]) {
      for (const [key, value] of Object.entries(catalogue)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('writes a rule with the form\'s Chinese labels and the values, never field ids', () => {
    const template = findTemplate('gov-2014')!;
    const rule = template.rules.find((candidate) => candidate.id === 'requests.completed')!;
    const values: Record<string, number | null> = { 'requests.completed': 0, 'requests.completedOnTime': 2, 'requests.completedExtended': 0 };
    const valueOf = (id: string) => values[id];
    expect(evaluationText('gov-2014', evaluateRule(rule, valueOf), valueOf)).toBe('勾稽关系：申请办结数(0) ≠ 按时办结数(2) + 延期办结数(0)');
    values['requests.completed'] = 2;
    expect(ruleFormula('gov-2014', rule, valueOf, evaluateRule(rule, valueOf).outcome)).toBe('申请办结数(2) = 按时办结数(2) + 延期办结数(0)');
    values['requests.completedExtended'] = null;
    expect(evaluationText('gov-2014', evaluateRule(rule, valueOf), valueOf)).toBe('勾稽关系：申请办结数(2) = 按时办结数(2) + 延期办结数(空白)（无法核对：延期办结数 为空白或未读出）');
    expect(reasonText('rule:requests.completed', 'gov-2014')).toBe('勾稽关系不成立：申请办结数 = 按时办结数 + 延期办结数');
    expect(reasonText('proposed-zero', 'gov-2014')).toBe('空白处建议填 0');
    expect(reasonText('rule:requests.completed', null)).toBe('勾稽关系不成立：申请办结数 = 按时办结数 + 延期办结数');
    expect(reasonText('rule:no.such.rule', 'gov-2014')).toBe('勾稽关系不成立（no.such.rule）');
  });

  it('names every field of every rule by a Chinese label', () => {
    for (const template of templates) {
      for (const rule of template.rules) expect(ruleFormula(template.id, rule)).not.toMatch(/[A-Za-z]/);
    }
  });
});
