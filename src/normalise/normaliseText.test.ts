import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../ingest/decodeBytes.ts';
import { renderDocument } from '../ingest/renderDocument.ts';
import { MappedText } from '../text/MappedText.ts';
import { normaliseText } from './normaliseText.ts';

function normalise(original: string): MappedText {
  return normaliseText(renderDocument(original));
}

/** The original substring the first occurrence of `needle` in the normalised text maps to. */
function originalOf(normalised: MappedText, original: string, needle: string): string {
  const at = normalised.text.indexOf(needle);
  expect(at, `"${needle}" in normalised text`).toBeGreaterThanOrEqual(0);
  const span = normalised.toOriginal(at, at + needle.length);
  return original.slice(span.start, span.end);
}

const fixtures = new URL('../../test/fixtures/', import.meta.url);

function fixture(path: string): string {
  return readFileSync(new URL(path, fixtures), 'utf8');
}

describe('normaliseText: characters', () => {
  it('folds full-width forms to ASCII, one for one', () => {
    const original = '（一）收到申请数：１２件，＋５，－３，ＡＢＣ／ｘ';
    const normalised = normalise(original);
    expect(normalised.text).toBe('(一)收到申请数:12件,+5,-3,ABC/x');
    expect(originalOf(normalised, original, '12')).toBe('１２');
    expect(originalOf(normalised, original, '(一)')).toBe('（一）');
  });

  it('turns U+3000 into two spaces (cell separators in wild/45), but removes a single one inside a word', () => {
    expect(normalise('规章\u3000\u30000\u3000\u30005').text).toBe('规章    0    5');
    expect(normalise('\u3000\u3000一、总体情况').text).toBe('    一、总体情况');
    expect(normalise('统\u3000计\u3000指\u3000标').text).toBe('统计指标');
    expect(normalise('合计\u300012').text).toBe('合计  12');
  });

  it('turns no-break and fixed-width spaces into spaces and drops zero-width characters', () => {
    expect(normalise('收到\u200b申请数\u00a05\u2002件\ufeff').text).toBe('收到申请数 5 件');
  });

  it('drops soft hyphens, which a crawled page\'s &shy; leaves even inside a number, and maps the number back whole', () => {
    const original = '行政许可 262\u00ad9 件';
    const normalised = normalise(original);
    expect(normalised.text).toBe('行政许可 2629 件');
    expect(originalOf(normalised, original, '2629')).toBe('262\u00ad9');
  });

  it('folds a table drawn with box-drawing characters to the ASCII grid, one for one: strokes to dashes and bars, junctions to crosses', () => {
    const original = ['┌────┬──┐', '│ 规章 │ 3 │', '╠════╬══╣', '┃ 行政许可 ┃ 12 ┃', '└────┴──┘'].join('\n');
    const normalised = normalise(original);
    expect(normalised.text).toBe(['+----+--+', '| 规章 | 3 |', '+----+--+', '| 行政许可 | 12 |', '+----+--+'].join('\n'));
    expect(originalOf(normalised, original, '| 行政许可 | 12 |')).toBe('┃ 行政许可 ┃ 12 ┃');
  });

  it('removes spaces inside Chinese words, never between digits or around tabs and line breaks', () => {
    expect(normalise('统 计 指 标\t单 位\t统 计 数').text).toBe('统计指标\t单位\t统计数');
    expect(normalise('结 果 维 持\t结 果 纠 正').text).toBe('结果维持\t结果纠正');
    expect(normalise('0 0 0 12 3').text).toBe('0 0 0 12 3');
    expect(normalise('行政许可 0 5\n规章  3').text).toBe('行政许可 0 5\n规章  3');
    expect(normalise('银川经 开区、 重服务').text).toBe('银川经开区、重服务');
    expect(normalise('收到 \t 申请').text).toBe('收到 \t 申请');
  });

  it('maps a normalised span back to the original substring', () => {
    const original = '统 计 指 标\t单位\n（１）收到申请数\t件\t１\u3000２';
    const normalised = normalise(original);
    expect(normalised.text).toBe('统计指标\t单位\n(1)收到申请数\t件\t1  2');
    expect(originalOf(normalised, original, '统计指标')).toBe('统 计 指 标');
    expect(originalOf(normalised, original, '1  2')).toBe('１\u3000２');
    expect(originalOf(normalised, original, '收到申请数')).toBe('收到申请数');
  });
});

describe('normaliseText: page artefacts', () => {
  it('cuts page footer lines of every usual form, leaving the page break they marked (a form feed, as pdftotext prints)', () => {
    const footers = ['— 3 —', '- 3 -', '-3-', '－３－', '第 3 页', '第3页 共10页', '第3页/共10页', '共10页 第3页', '3/10', ' 12 / 40 ', 'Page 3 of 10'];
    for (const footer of footers) {
      expect(normalise(`政府公报公开政\n${footer}\n府信息数\t条\t29`).text, footer).toBe('政府公报公开政\n\f府信息数\t条\t29');
    }
    // Where pdftotext printed the form feed after the footer, it is the break: no second one.
    expect(normalise('0\n0\n\n- 4 -\n\f3.补正后申请内容仍不明确').text).toBe('0\n0\n\n\f3.补正后申请内容仍不明确');
  });

  it('keeps lines that only look like footers in part', () => {
    const kept = '3\n-3\n第3页有表格\n2019年第3期\n0 0 0\n';
    expect(normalise(kept).text).toBe(kept);
  });

  it('rejoins words cut by page numbers glued to page-long lines (seed 004)', () => {
    const original = fixture('corpus/004_36f0e1c09a832b79.txt');
    const normalised = normalise(original);
    expect(normalised.text).not.toMatch(/\n\d{1,2}、/u);
    expect(normalised.text).toContain('1.政府公报公开政府信息数条292.政府网站公开政府信息数条2351');
    expect(normalised.text).toContain('最多跑一次”改革为主线');
    expect(normalised.text.startsWith('《宁波保税区出口加工区.docx》由会员分享')).toBe(true);
    expect(normalised.text).toContain('\n宁波保税区(出口加工区)2018年政府信息公开工作年度报告');
    expect(originalOf(normalised, original, '政府公报公开政府信息数')).toBe('政府公报公开政\n22、府信息数');
  });

  it('cuts bare page numbers that end their pages when two pages number alike, and keeps a lone one', () => {
    const paged = '行政许可\n0\n\n            2\n\f\n行政处罚\n7\n   3\n\f行政强制\n5\n';
    expect(normalise(paged).text).toBe('行政许可\n0\n\n\f\n行政处罚\n7\n\f行政强制\n5\n');
    // One page break: the number before it may be a value the break cut from its row.
    const single = '行政许可\n0\n\n            2\n\f\n行政处罚\n7\n';
    expect(normalise(single).text).toBe(single);
    // Numbers that do not count the pages (a cell-per-line value before each break) are kept.
    const values = '行政许可\n0\n9\n\f行政处罚\n7\n4\n\f行政强制\n5\n';
    expect(normalise(values).text).toBe(values);
    const zeroOne = '行政许可\n0\n\f行政处罚\n1\n\f行政强制\n5\n';
    expect(normalise(zeroOne).text).toBe(zeroOne);
  });

  it('leaves a numbered list alone', () => {
    const list = '主要做法:\n1、加强组织领导。\n2、细化工作部署。\n3、严格保密审查。\n4、注重业务培训。\n';
    expect(normalise(list).text).toBe(list);
    const longItems = Array.from({ length: 4 }, (_, index) => `${index + 1}、${'加强政府信息公开工作,'.repeat(8)}完成。`).join('\n');
    expect(normalise(longItems).text).toBe(longItems);
  });

  it('cuts list-table header rows repeated at page breaks, keeping the first', () => {
    const original = '统计指标\t单位\t统计数\t\n一、主动公开情况\t\t\n1.政府公报\t条\t3\n\n统计指标\t单位\t统计数\n2.政府网站\t条\t5\n统 计 指 标  单 位  统 计 数\n3.政务微博\t条\t0\n';
    expect(normalise(original).text).toBe('统计指标\t单位\t统计数\t\n一、主动公开情况\t\t\n1.政府公报\t条\t3\n\n2.政府网站\t条\t5\n3.政务微博\t条\t0\n');
  });

  it('keeps the repeated sub-table headers of the new forms and repeated row labels', () => {
    const original = '信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t0\t0\t0\n(二)被依法纠错数 | 件 | |\n(二)被依法纠错数 | 件 | |\n';
    expect(normalise(original).text).toBe(original);
  });

  it('cuts the repeated 统计指标 header of seed 000 and the footers of hongze_2023', () => {
    const seed = normalise(fixture('corpus/000_b19e0a271049421c.txt')).text;
    expect(seed.match(/统计指标\t单位\t统计数/gu)).toHaveLength(1);
    const hongze = normalise(fixture('wild/hongze_2023.txt')).text;
    expect(hongze).not.toMatch(/^- \d+ -$/mu);
  });
});

describe('the 5 seeds and every wild file', () => {
  const files = [
    ...readdirSync(new URL('corpus/', fixtures)).map((name) => `corpus/${name}`),
    ...readdirSync(new URL('wild/', fixtures)).filter((name) => name.endsWith('.txt')).map((name) => `wild/${name}`),
  ];

  it('decode, render and normalise without error, with every offset inside the decoded text', () => {
    expect(files.length).toBeGreaterThanOrEqual(41);
    for (const file of files) {
      const decoded = decodeBytes(readFileSync(new URL(file, fixtures)));
      const normalised = normaliseText(renderDocument(decoded.text));
      expect(normalised.text.length, file).toBeGreaterThan(0);
      expect(normalised.originalLength, file).toBe(decoded.text.length);
      let previousStart = 0;
      for (let index = 0; index < normalised.text.length; index++) {
        const start = normalised.originStart[index]!;
        const end = normalised.originEnd[index]!;
        if (start < previousStart || end < start || end > decoded.text.length) throw new Error(`${file}: bad offsets at ${index}`);
        previousStart = start;
      }
    }
  });
});
