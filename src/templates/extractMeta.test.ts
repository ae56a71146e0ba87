import { describe, expect, it } from 'vitest';
import { extractMeta } from './extractMeta.ts';

describe('extractMeta', () => {
  it('reads agency and year from a title', () => {
    expect(extractMeta('银川经济技术开发区 2018 年政府信息公开工作年度报告\n\n本报告…')).toEqual({ agency: '银川经济技术开发区', year: 2018 });
  });

  it('reads a title with the year first', () => {
    expect(extractMeta('2019年川主乡政府信息公开工作年度报告\n来源:川主乡\n发布日期:2020-01-31')).toEqual({ agency: '川主乡', year: 2019 });
  });

  it('reads a title broken over two lines', () => {
    expect(extractMeta('淮安市人民政府\n2024 年政府信息公开工作年度报告\n\n本报告…')).toEqual({ agency: '淮安市人民政府', year: 2024 });
  });

  it('reads a title a printed page wrapped inside a word, anywhere after the year', () => {
    expect(extractMeta('首页 > 政务公开 > 年报\n\n济宁市任城区人民政府2022年政\n府信息公开工作年度报告\n')).toEqual({ agency: '济宁市任城区人民政府', year: 2022 });
    expect(extractMeta('苏州市生态环境局2021年政府信息公\n开工作年度报告\n本报告根据…')).toEqual({ agency: '苏州市生态环境局', year: 2021 });
    expect(extractMeta('某县交通运输局2020年\n度政府信息公开工作年度报\n告\n')).toEqual({ agency: '某县交通运输局', year: 2020 });
  });

  it('keeps a crawler header on the line before out of the agency', () => {
    const text = '标题,时间,内容,一级类别,来源网站,访问地址,附件链接\n河北省教育厅2019年政府信息公开工作年度报告,2020年01月16日,"根据…';
    expect(extractMeta(text)).toEqual({ agency: '河北省教育厅', year: 2019 });
  });

  it('takes the reporting year from the statistics period, not the publication date', () => {
    const text = '关于政务公开的报告\n发布日期：2021-01-15\n本报告所列数据的统计期限为2020年1月1日至2020年12月31日。';
    expect(extractMeta(text).year).toBe(2020);
  });

  it('repairs known OCR noise in the agency name', () => {
    expect(extractMeta('# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n').agency).toBe('沭阳县人民政府');
  });

  it('falls back to the form header for the agency', () => {
    const text = '政府信息公开情况统计表\n(2018年度)\n填报单位(盖章):昆明高新区管委会办公室\n';
    expect(extractMeta(text)).toEqual({ agency: '昆明高新区管委会办公室', year: 2018 });
  });

  it.each(['2018 年政府信息公开工作年度报告', '人民政府2019年政府信息公开工作年度报告', '办公室2020年度政府信息公开工作年度报告', '2021年区政府信息公开工作年度报告'])(
    'never takes a bare generic word for the agency: %s',
    (title) => {
      expect(extractMeta(`${title}\n正文`).agency).toBeNull();
    },
  );

  it('keeps a named agency that ends in a generic word', () => {
    expect(extractMeta('2019年长桥乡人民政府政府信息公开工作年度报告\n').agency).toBe('长桥乡人民政府');
    expect(extractMeta('2023年区统计局政府信息公开工作年度报告\n').agency).toBe('区统计局');
  });
});
