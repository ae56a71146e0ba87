import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../pipeline/extractDocument.ts';
import { gov2014 } from './gov2014.ts';
import { detectTemplate } from './detectTemplate.ts';
import { templates } from './registry.ts';

const wildDirectory = new URL('../../test/fixtures/wild/', import.meta.url);

/** Expected templates of the real reports in test/fixtures/wild (from their SOURCES.md). */
function expectedWildTemplate(file: string): string {
  if (/localtable|notable/.test(file)) return 'unknown';
  if (/gov2014|_2018_/.test(file)) return 'gov-2014';
  const year = Number(/(20\d{2})/.exec(file)?.[1]);
  return year >= 2021 ? 'gov-2021' : 'gov-2019';
}

describe('detectTemplate', () => {
  const files = readdirSync(wildDirectory).filter((file) => file.endsWith('.txt'));

  it.each(files)('recognises the form of wild/%s', (file) => {
    const result = extractDocument({ name: file, bytes: readFileSync(new URL(file, wildDirectory)) });
    expect(result.record.template).toBe(expectedWildTemplate(file));
  });

  it('never reads a provincial 指标名称/计量单位/历年累计 table as gov-2014', () => {
    const text = '指标名称\t计量单位\t年度\t历年累计\n主动公开政府信息数\t条\t12\t300\n收到申请数\t件\t1\t5\n行政复议数量\t件\t0\t0\n';
    expect(detectTemplate(text, templates, 2013).template).toBeNull();
  });

  it('needs the table, not one phrase in the narrative', () => {
    expect(detectTemplate('本年主动公开政府信息数12条。', templates, 2016).template).toBeNull();
  });

  it('reads a gov-2014 table with spaces inside its labels', () => {
    const text = '统 计 指 标\t单位\t统计数\n主 动 公 开 政 府 信 息 数\t条\t1\n收 到 申 请 数\t件\t0\n行 政 复 议 数 量\t件\t0\n';
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('reads a gov-2014 table whose labels wrap around their values (pdftotext -layout, split tab rows)', () => {
    const text = [
      '统计指标                单位      统计数',
      '（一）主动公开政府       条        245',
      '信息数（不同渠道和方式公开相同信息计1条）',
      '1.收到申请数             件          3',
      '- 2 -',
      '（一）行政复议数         件          0',
      '量',
    ].join('\n');
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('reads a gov-2014 table whose labels carry OCR confusions (开→幵, 政→玫)', () => {
    const text = '统计指标\t单位\t统计数\n（一）主动公幵玫府信息数\t条\t3519\n1.收到申请数\t件\t2\n（一）行政复议数量\t件\t0\n';
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('reads a gov-2014 table whose narrow label column wraps with the unit beside its first line', () => {
    const text = [
      '统计指标      单位   统计数',
      '（一）主动公开    条',
      '政府信息数（不',
      '同渠道和方式公',
      '开相同信息计1',
      '条）                   4441',
      '（一）收到申请    件',
      '数                       13',
      '（一）行政复议    件',
      '数量                      0',
    ].join('\n');
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('reads a five-character marker through one OCR confusion (收到申请数 → 收到甲请数)', () => {
    const text = '| 统计指标 | 单位 | 统计数 |\n| （一）主动公开政府信息数 | 条 | 219 |\n| （一）收到甲请数 | 件 | 488 |\n| （一）行政复议数量 | 件 | 0 |\n';
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('reads markers through several OCR confusions, each costing nothing (收到申请数 → 收到甲请敫, seed 4598 variant 515)', () => {
    const text = '| 统计指标 | 单位 | 统计数 |\n| （一）主动公开玫府信息数 | 条 | 219 |\n| （一）收到甲请敫 | 件 | 488 |\n| （一）行政复议敫量 | 件 | 0 |\n';
    expect(detectTemplate(text, templates, 2016).template).toBe(gov2014);
  });

  it('does not rescue a narrative with near-miss phrases into a template', () => {
    const text = '二、主动公开政府信息情况\n全年主动公开政府信息12条。\n三、依申请公开政府信息情况\n收到申请2件。\n五、行政复议情况\n无。\n';
    expect(detectTemplate(text, templates, 2016).template).toBeNull();
  });
});

describe('columnLabelLevels', () => {
  it('parts a label at the slashes between its levels, not at a slash inside a word', async () => {
    const { columnLabelLevels } = await import('./TemplateDefinition.ts');
    expect(columnLabelLevels('行政诉讼/未经复议直接起诉/结果维持')).toEqual(['行政诉讼', '未经复议直接起诉', '结果维持']);
    expect(columnLabelLevels('本年增/减')).toEqual(['本年增/减']);
    expect(columnLabelLevels('增/减')).toEqual(['增/减']);
  });
});
