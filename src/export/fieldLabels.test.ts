import { describe, expect, it } from 'vitest';
import { templates } from '../templates/registry.ts';
import { shortLabelsOf } from './templateLabels.ts';
import { fieldLabelPath, labelPathText, LABEL_PATH_SEPARATOR } from './fieldLabels.ts';

describe('field labels', () => {
  it('splits every spec label into segments that rejoin to it, keeping 本年增/减 whole', () => {
    for (const template of templates) {
      for (const field of template.fields) {
        const path = fieldLabelPath(field.label);
        const rejoined = path.row.join('/') + (path.column.length > 0 ? ` × ${path.column.join('/')}` : '');
        expect(rejoined).toBe(field.label);
        for (const segment of [...path.row, ...path.column]) expect(segment).not.toContain(LABEL_PATH_SEPARATOR.trim());
      }
    }
    expect(fieldLabelPath('二、主动公开政府信息情况/第二十条第（五）项/行政许可/本年增/减').row.at(-1)).toBe('本年增/减');
    expect(fieldLabelPath('三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/商业企业')).toEqual({
      row: ['三、收到和处理政府信息公开申请情况', '三', '（三）不予公开', '1.属于国家秘密'],
      column: ['法人或其他组织', '商业企业'],
    });
    expect(labelPathText('a/本年增/减 × 自然人')).toBe(`a${LABEL_PATH_SEPARATOR}本年增/减 × 自然人`);
  });

  it('gives every field a short Chinese label unique within its template', () => {
    for (const template of templates) {
      const labels = shortLabelsOf(template.id);
      expect(labels.size).toBe(template.fields.length);
      expect(new Set(labels.values()).size).toBe(template.fields.length);
    }
    expect(shortLabelsOf('gov-2014').get('requests.completed')).toBe('申请办结数');
    expect(shortLabelsOf('gov-2014').get('reconsideration.corrected')).not.toBe(shortLabelsOf('gov-2014').get('litigation.corrected'));
  });
});
