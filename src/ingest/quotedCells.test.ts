import { describe, expect, it } from 'vitest';
import { MappedText } from '../text/MappedText.ts';
import { quotedCells } from './quotedCells.ts';

const rows = ['规章\t0\t0\t5', '行政规范性文件\t3\t1\t12', '行政许可\t20', '行政处罚\t7', '行政强制\t0'];

describe('quotedCells', () => {
  it('makes a spreadsheet\'s wrapped cell whole in tab-separated rows: the line break cut, the quotes spaces, every offset kept', () => {
    const original = ['"一、本年新收\n政府信息公开申请数量"\t70\t36', '"二、上年\n结转政府信息公开申请数量"\t0\t3', ...rows].join('\n');
    const result = quotedCells(MappedText.identity(original));
    expect(result.text.split('\n').slice(0, 2)).toEqual([' 一、本年新收政府信息公开申请数量 \t70\t36', ' 二、上年结转政府信息公开申请数量 \t0\t3']);
    const at = result.text.indexOf('政府信息公开申请数量');
    const span = result.toOriginal(at, at + 2);
    expect(original.slice(span.start, span.end)).toBe('政府');
  });

  it('keeps the quotes of comma-separated rows (commaSeparatedRows reads them) and cuts only the line breaks inside', () => {
    const original = ['"一、本年新收\n政府信息公开申请数量",70,"1,234"', ...rows.map((row) => row.replaceAll('\t', ','))].join('\n');
    expect(quotedCells(MappedText.identity(original)).text.split('\n')[0]).toBe('"一、本年新收政府信息公开申请数量",70,"1,234"');
  });

  it('leaves prose alone: quotes inside a line, a text of few separated lines, a quote never closed where a cell ends', () => {
    const prose = ['本机关推进"放管服"改革，', '"互联网+政务服务"\n全面推行。'].join('\n');
    expect(quotedCells(MappedText.identity([prose, ...rows].join('\n'))).text).toBe([prose, ...rows].join('\n'));
    const few = '"一、本年新收\n政府信息公开申请数量"\t70\n规章\t0';
    expect(quotedCells(MappedText.identity(few)).text).toBe(few);
    const unclosed = ['"一、本年新收\t70', ...rows].join('\n');
    expect(quotedCells(MappedText.identity(unclosed)).text).toBe(unclosed);
  });
});
