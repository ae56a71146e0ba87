import { describe, expect, it } from 'vitest';
import { findPrintedNumbers } from './findPrintedNumbers.ts';

const values = (text: string, unit = '件') => findPrintedNumbers(text, unit).map((number) => number.value);

describe('findPrintedNumbers', () => {
  it('reads whole tokens: the 2 of 2020年 is not a printed 2', () => {
    expect(values('2020年受理依申请公开35件')).toEqual([2020, 35]);
  });

  it('keeps signs, and reads a range hyphen as no sign', () => {
    expect(values('行政许可\t142\t+5\t440\n其他\t469\t-3')).toEqual([142, 5, 440, 469, -3]);
    expect(values('2019-2020')).toEqual([2019, 2020]);
  });

  it('converts 元 to 万元 when the field is in 万元, like the parser', () => {
    expect(values('政府集中采购\t3\t251000元', '万元')).toEqual([3, 25.1]);
    expect(values('9114.72 万元', '万元')).toEqual([9114.72]);
  });

  it('offers the value glued to the next row ordinal as well as the whole run', () => {
    const numbers = findPrintedNumbers('收到申请数件131.当面申请数件52.传真', '件');
    expect(numbers.map((number) => [number.text, number.value])).toEqual([['131', 131], ['13', 13], ['52', 52], ['5', 5]]);
  });

  it('repairs OCR letters inside numeric tokens, and ignores letters in words', () => {
    expect(values('制发规范性文件总数\t件\t1O')).toEqual([10]);
    expect(values('www.gov.cn/Ol')).toEqual([]);
  });

  it('splits comma lists and keeps thousands separators', () => {
    expect(values('28,1,0')).toEqual([28, 1, 0]);
    expect(values('24,328条', '条')).toEqual([24328]);
  });

  it('reads full-width digits and decimals', () => {
    expect(values('０．０００', '万元')).toEqual([0]);
    expect(values('本年收费金额\t0.000000', '万元')).toEqual([0]);
  });

  it('does not read cells run together ("0000000", "0110") as one number', () => {
    expect(values('申请数量\t0000000\t0110\t0.5\t0')).toEqual([0.5, 0]);
  });

  it('gives spans into the text', () => {
    const [number] = findPrintedNumbers('总计\t35\t', '件');
    expect(number).toMatchObject({ start: 3, end: 5, text: '35' });
  });
});
