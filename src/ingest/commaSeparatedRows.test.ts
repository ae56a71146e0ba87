import { describe, expect, it } from 'vitest';
import { MappedText } from '../text/MappedText.ts';
import { commaSeparatedRows } from './commaSeparatedRows.ts';
import { createRandom } from '../eval/garble/random.ts';

function convert(text: string): MappedText {
  return commaSeparatedRows(MappedText.identity(text));
}

const SECTION_THREE = [
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,申请人情况',
  '自然人,法人或其他组织,总计',
  '一、本年新收政府信息公开申请数量,266,0,0,0,0,0,266',
  '三、本年度办理结果,（一）予以公开,13,0,,0,0,0,13',
  ',（二）部分公开（区分处理的，只计这一情形，不计其他情形）,0,0,0,0,0,0,0',
].join('\n');

describe('commaSeparatedRows', () => {
  it('reads comma-separated table rows as tab-separated cells, every offset kept', () => {
    const converted = convert(SECTION_THREE);
    expect(converted.text.split('\n')[3]).toBe('一、本年新收政府信息公开申请数量\t266\t0\t0\t0\t0\t0\t266');
    expect(converted.text.split('\n')[4]).toBe('三、本年度办理结果\t（一）予以公开\t13\t0\t\t0\t0\t0\t13');
    // A header row of words goes with them; a comma inside prose words ("，") is no separator.
    expect(converted.text.split('\n')[2]).toBe('自然人\t法人或其他组织\t总计');
    expect(converted.text).toHaveLength(SECTION_THREE.length);
    const at = converted.text.indexOf('266');
    expect(converted.toOriginal(at, at + 3)).toEqual({ start: SECTION_THREE.indexOf('266'), end: SECTION_THREE.indexOf('266') + 3 });
  });

  it('takes quoted fields whole, a number with thousands separators and doubled quotes among them', () => {
    const text = ['"统计指标","单位","统计数"', '"（一）收到申请数","件","2,985"', '"1.当面申请数","件",138', '"其中：""网络""申请数",件,"1,200"'].join('\n');
    const lines = convert(text).text.split('\n');
    expect(lines[1]).toBe(' （一）收到申请数 \t 件 \t 2,985 ');
    expect(lines[2]).toBe(' 1.当面申请数 \t 件 \t138');
    expect(lines[3]).toBe(' 其中：" 网络" 申请数 \t件\t 1,200 ');
  });

  it('drops a column of row numbers a dataframe writes first, which would read as the cells of rows left blank', () => {
    const text = ['0,信息内容,本年新制作数量,本年新公开数量', '1,规章,0,0,0', '2,行政许可,,,12', '3,其他对外管理服务事项,8029,0,0'].join('\n');
    const lines = convert(text).text.split('\n');
    expect(lines[2]).toBe('  行政许可\t\t\t12');
    expect(lines[3]).toBe('  其他对外管理服务事项\t8029\t0\t0');
    // A first column of numbers that do not count on by one is the table's.
    const counts = ['信息内容,本年新制作数量,本年新公开数量', '5,2,2,3', '7,11,11,119', '2,0,0,0'].join('\n');
    expect(convert(`${counts}\n规章,1,1,1`).text.split('\n')[1]).toBe('5\t2\t2\t3');
  });

  it('reads rows whose cells an OCR misread or whose labels are spaced out, row numbers before them', () => {
    const label = '"（ 四 ） 政 府 信 息 公 开 专 项 经 费 （ 不 包 括 用 于 政 府 公 报 编 辑 管 理 及 政 府 网 站 建 设 维 护 等 方 面 的 经 费 ）"';
    const text = ['7,2.政府网站公开政府信息数,条,3497', '8,3.政务微博公开政府信息数,条,I987', '9,5.其他方式公开政府信息数,条,O', `10,${label},万元,8`].join('\n');
    const lines = convert(text).text.split('\n');
    expect(lines[1]).toBe('  3.政务微博公开政府信息数\t条\tI987');
    expect(lines[2]).toBe('  5.其他方式公开政府信息数\t条\tO');
    expect(lines[3]!.endsWith('\t万元\t8')).toBe(true);
  });

  it('reads rows printed in full-width forms with OCR letters among them, before the forms are folded', () => {
    const text = ['2,规章,０,０,７', '3,规范性文件,７７,７７,ｌ６６', '4,行政事业性收费,３５,－Ｉ５', '5,2.其他法律行政法规禁止公开,０,ｏ,Ｏ,Ｏ,ｏ,０,ｏ'].join('\n');
    const lines = convert(text).text.split('\n');
    expect(lines[1]).toBe('  规范性文件\t７７\t７７\tｌ６６');
    expect(lines[2]).toBe('  行政事业性收费\t３５\t－Ｉ５');
    expect(lines[3]).toBe('  2.其他法律行政法规禁止公开\t０\tｏ\tＯ\tＯ\tｏ\t０\tｏ');
  });

  it('leaves alone text that prints no table rows of comma-separated values', () => {
    const prose = '全年共受理申请2,985件，办结2,900件。\n其中当面申请1,200件，网络申请1,785件。\n行政复议,行政诉讼';
    expect(convert(prose).text).toBe(prose);
    // Columns aligned in spaces with thousands separators (pdftotext -layout) are no comma-separated rows.
    const aligned = [
      ' 一、本年新收政府信息公开申请数量        2,225     211        0     118       245   2,799',
      ' （四）无法提供  1.本机关不掌握相关政府信息     1,383      0         0      77        73   1,533',
      ' （七）总计                                2,225     186        0     128       247   2,786',
    ].join('\n');
    expect(convert(aligned).text).toBe(aligned);
    // One row alone is not enough to call a text CSV.
    const one = '规章,2,2,3\n全年主动公开政府信息1,803条。';
    expect(convert(one).text).toBe(one);
  });

  it('keeps thousands separators in the prose of a text whose table is comma-separated', () => {
    const text = `全年共受理申请2,985件。\n${SECTION_THREE}`;
    expect(convert(text).text.split('\n')[0]).toBe('全年共受理申请2,985件。');
  });

  it('never changes a text\'s length nor any character but separators and quotes (random lines)', () => {
    const next = createRandom(20261204);
    const alphabet = ['1', '0', '2', ',', '"', ' ', '件', '申请', '（一）', '，', '\n', '-', '.'];
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: 40 + Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      const converted = convert(`${SECTION_THREE}\n${text}`);
      const original = `${SECTION_THREE}\n${text}`;
      expect(converted.text).toHaveLength(original.length);
      for (let index = 0; index < original.length; index++) {
        if (converted.text[index] !== original[index]) expect(`${original[index]}>${converted.text[index]}`).toMatch(/^(,>\t|">\s)$/u);
      }
    }
  });
});
