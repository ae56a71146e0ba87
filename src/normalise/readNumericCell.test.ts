import { describe, expect, it } from 'vitest';
import { readNumericCell } from './readNumericCell.ts';

describe('readNumericCell', () => {
  it('reads blank marks as null', () => {
    for (const raw of ['', '  ', '/', '\\', '—', '——', '-', '－', '–', '无', '／', '\u3000']) {
      expect(readNumericCell(raw, '件'), JSON.stringify(raw)).toEqual({ value: null, repairs: [] });
    }
  });

  it('reads plain, signed, decimal, full-width and grouped numbers without repairs', () => {
    expect(readNumericCell('0', '件')).toEqual({ value: 0, repairs: [] });
    expect(readNumericCell(' 292 ', '条')).toEqual({ value: 292, repairs: [] });
    expect(readNumericCell('+5', '项')).toEqual({ value: 5, repairs: [] });
    expect(readNumericCell('＋5', '项')).toEqual({ value: 5, repairs: [] });
    expect(readNumericCell('-3', '项')).toEqual({ value: -3, repairs: [] });
    expect(readNumericCell('－3', '项')).toEqual({ value: -3, repairs: [] });
    expect(readNumericCell('9114.72', '万元')).toEqual({ value: 9114.72, repairs: [] });
    expect(readNumericCell('1,234', '条')).toEqual({ value: 1234, repairs: [] });
    expect(readNumericCell('１，２３４', '条')).toEqual({ value: 1234, repairs: [] });
    expect(readNumericCell('１２', '件')).toEqual({ value: 12, repairs: [] });
    expect(readNumericCell('-0', '件')).toEqual({ value: 0, repairs: [] });
    expect(readNumericCell('\u22123', '项')).toEqual({ value: -3, repairs: [] });
  });

  it('repairs OCR letters only inside otherwise numeric cells, saying so', () => {
    expect(readNumericCell('1O', '件')).toEqual({ value: 10, repairs: ["OCR: 'O' read as 0"] });
    expect(readNumericCell('o', '件')).toEqual({ value: 0, repairs: ["OCR: 'o' read as 0"] });
    expect(readNumericCell('〇', '件')).toEqual({ value: 0, repairs: ["OCR: '〇' read as 0"] });
    expect(readNumericCell('l2', '件')).toEqual({ value: 12, repairs: ["OCR: 'l' read as 1"] });
    expect(readNumericCell('I0O', '件')).toEqual({ value: 100, repairs: ["OCR: 'I' read as 1", "OCR: 'O' read as 0"] });
    expect(readNumericCell('1S2', '件')).toEqual({ value: 152, repairs: ["OCR: 'S' read as 5"] });
    expect(readNumericCell('3B0', '件')).toEqual({ value: 380, repairs: ["OCR: 'B' read as 8"] });
    expect(readNumericCell('S2', '件')).toBeUndefined();
    expect(readNumericCell('l', '件')).toBeUndefined();
    // Letters only: a number when more than one ("IO" for 10, "II" for 11) or a printed 0; a one alone stays unread.
    expect(readNumericCell('IO', '件')).toEqual({ value: 10, repairs: ["OCR: 'I' read as 1", "OCR: 'O' read as 0"] });
    expect(readNumericCell('II', '件')).toEqual({ value: 11, repairs: ["OCR: 'I' read as 1"] });
    expect(readNumericCell('I', '件')).toBeUndefined();
    // A sign shows a number: a signed letter alone is its digit.
    expect(readNumericCell('-I', '件')).toEqual({ value: -1, repairs: ["OCR: 'I' read as 1"] });
    expect(readNumericCell('+l', '件')).toEqual({ value: 1, repairs: ["OCR: 'l' read as 1"] });
    expect(readNumericCell('Oil', '件')).toBeUndefined();
    expect(readNumericCell('NO', '件')).toBeUndefined();
  });

  it('accepts a printed unit that matches the field, converts 元 to 万元 exactly', () => {
    expect(readNumericCell('9114.72 万元', '万元')).toEqual({ value: 9114.72, repairs: [] });
    expect(readNumericCell('9114.72万', '万元')).toEqual({ value: 9114.72, repairs: [] });
    expect(readNumericCell('251000元', '万元')).toEqual({ value: 25.1, repairs: ['251000元 converted to 25.1 万元'] });
    expect(readNumericCell('123456.78元', '万元')?.value).toBe(12.345678);
    expect(readNumericCell('3元', '万元')?.value).toBe(0.0003);
    expect(readNumericCell('1.5万元', '元')?.value).toBe(15000);
    expect(readNumericCell('12条', '条')).toEqual({ value: 12, repairs: [] });
    expect(readNumericCell('12 人次', '人次')).toEqual({ value: 12, repairs: [] });
    expect(readNumericCell('3篇', '篇')).toEqual({ value: 3, repairs: [] });
    expect(readNumericCell('12件', '条')).toBeUndefined();
    expect(readNumericCell('12元', '件')).toBeUndefined();
  });

  it('returns undefined for text, percentages and malformed numbers', () => {
    for (const raw of ['政府网站', '5%', '50％', '1,23', '1.2.3', '.5', '5.', '3 4', '0 0 0', '约5', '+', '一', '1-2']) {
      expect(readNumericCell(raw, '件'), raw).toBeUndefined();
    }
  });
});
