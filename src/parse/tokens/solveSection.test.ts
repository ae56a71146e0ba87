import { describe, expect, it } from 'vitest';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { solveSection } from './solveSection.ts';
import { createRandom } from '../../eval/garble/random.ts';

const units = new Map(gov2019.fields.map((field) => [field.id, field.unit]));
const tables = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const four = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '四');
const header = '三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计';
const ROWS: readonly (readonly [string, string])[] = [
  ['一、本年新收政府信息公开申请数量', '28 1 0 0 6 0 35'],
  ['二、上年结转政府信息公开申请数量', '0 0 0 0 0 0 0'],
  ['三、本年度办理结果 （一）予以公开', '13 0 0 0 0 0 13'],
];

function solve(text: string) {
  const view = MappedText.identity(text);
  const region = findGridSections(text)['三']!;
  return solveSection(view, gov2019, tables, region, units).cells;
}

describe('solveSection', () => {
  it('reads a table printed on one line by counting the values between row labels', () => {
    const cells = solve(`${header} ${ROWS.map(([label, values]) => `${label} ${values}`).join(' ')} 四、政府信息公开行政复议、行政诉讼情况`);
    expect(cells.get('applications.newReceived.total')?.value).toBe(35);
    expect(cells.get('applications.granted.naturalPerson')?.value).toBe(13);
    expect(cells.get('applications.granted.naturalPerson')?.support).toEqual({ readings: 1, anchored: true, placement: 'count' });
  });

  it('does not count a row\'s values into the row above when its label is wrapped with the values on its numbered first line', () => {
    // Tab cells, labels wrapped after a few characters, the values on each label's first line: anchors fall on the
    // wrapped tails ("新收政府信息公开申请数量"), and the run after each tail holds the next row's head and values.
    const text = `${header}\n一、本年\t28\t1\t0\t0\t6\t0\t35\n新收政府信息公开申请数量\n二、上年\t0\t0\t0\t0\t0\t0\t0\n结转政府信息公开申请数量\n三、本年度办理结果\t（一）予\t13\t0\t0\t0\t0\t0\t13\n以公开\n（二）部\t1\t0\t0\t0\t0\t0\t1\n分公开（区分处理的，只计这一情形，不计其他情形）\n（三）不予公开`;
    const cells = solve(text);
    for (const row of ['carriedOver', 'granted', 'partiallyGranted']) {
      const cell = cells.get(`applications.${row}.total`);
      expect(cell === undefined || cell.ambiguous || cell.value === null, row).toBe(true);
    }
  });

  it('does not give a row printing no value the values of the next row, whose OCR-damaged label follows it unanchored', () => {
    // A gov-2021 table flattened onto one line (seed 7919, variant 12099): 3.补正后甲请内容仍不明确 is not anchored.
    const text = `三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 由请人情况 自然入 法入或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他一、本年新收玫府信息公开申请数量 70 36 0 0 0 0 106二、上年结转政府信息公开由请敫量 0 3 0 0 0 0 3三、本年度办理结果（一）予以公开 27 1 0 0 0 0 28（二）部分公开（区分处理的，只计这一情形，不计其他情形） 13 0 0 0 0 0 13（三）不予公幵1.属于国家秘密2.其他法律行政法规禁止公开3.危及“三安全一稳定”4.保护第三方合法权益5.属干三类内部事务信息6.属于四类过程性信息7.属于行政执法案卷8.属于行政查询事项（四）无法提供1.本机关不掌握相关政府信息 13 38 0 0 0 0 512.没有现成信息需要另行制作3.补正后甲请内容仍不明确 17 0 0 0 0 0 17（五）不予处理1.信访举报投拆类申清2.重复申请3.要求提供公开出版物4.无正当理由太量反复申请5.要求行政机关确认或重新出具已获取信息（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请2.申请人逾期未按收费通知要求缴纳费用、行玫机关不再处理其政府信息公幵甲请3.其他（七）总计 70 39 0 0 0 0 109四、结转下年度继续办埋 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况`;
    const view = MappedText.identity(text);
    const sectionThree = gov2021.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
    const cells = solveSection(view, gov2021, sectionThree, findGridSections(text)['三']!, new Map(gov2021.fields.map((field) => [field.id, field.unit]))).cells;
    const total = cells.get('applications.unableNeedsCreation.total');
    expect(total === undefined || total.ambiguous || total.value === null, `read ${total?.value}`).toBe(true);
  });

  it('reads back a value between two blank marks that reads like the page marker "- 1 -", where the row fits only so', () => {
    const text = `${header} 一、本年新收政府信息公开申请数量 5 - 1 - - - 6 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年度办理结果 （一）予以公开 5 - 1 - - - 6 （二）部分公开 0 0 0 0 0 0 0 （三）不予公开`;
    const cells = solve(text);
    expect(cells.get('applications.granted.naturalPerson')?.value).toBe(5);
    expect(cells.get('applications.granted.research')?.value).toBe(1);
    expect(cells.get('applications.granted.commercial')?.value).toBeNull();
    expect(cells.get('applications.granted.total')?.value).toBe(6);
    expect(cells.get('applications.granted.total')?.support?.markerRead).toBe(true);
    // A row that fits as printed keeps the marker dropped: "- 2 -" between rows is a page number.
    const paged = solve(`${header} 一、本年新收政府信息公开申请数量 5 0 1 0 0 0 6 - 2 - 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年度办理结果 （一）予以公开 5 0 1 0 0 0 6`);
    expect(paged.get('applications.newReceived.total')?.value).toBe(6);
    expect(paged.get('applications.newReceived.total')?.support?.markerRead).toBeUndefined();
  });

  it('cuts the next row\'s ordinal off a glued value, and reads a wrapped row as one', () => {
    const text = `${header}\n（四）无法提供 1.本机关不掌握相关政府信息 10 1 0 0\n6 0 172.没有现成信息需要另行制作 0 0 0 0 0 0 03.补正后申请内容仍不明确 0 0 0 0 0 0 0\n（五）不予处理`;
    const cells = solve(text);
    expect(cells.get('applications.unableNotHeld.total')?.value).toBe(17);
    expect(cells.get('applications.unableNotHeld.legalService')?.value).toBe(6);
    expect(cells.get('applications.unableNeedsCreation.total')?.value).toBe(0);
  });

  it('reads a value of a leading zero outside a cell as a 0 with a page number run into it, where the row\'s rules then hold', () => {
    // Flattened text with page numbers glued to cells (seed 2026, variant 334): "03" is 0 and the page number 3;
    // read whole, "03 … 03" held the row's sum as 3 | … | 3.
    const text = `${header}\n（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 02.其他法律行政法规禁止公开 03 0 0 0 0 0 03.危及“三安全一稳定” 0 04 0 0 0 0 0 4.保护第三方合法权益 2 0 0 0 0 0 2 5.属于三类内部事务信息`;
    const cells = solve(text);
    expect(cells.get('applications.deniedLawForbidden.naturalPerson')?.value).toBe(0);
    expect(cells.get('applications.deniedLawForbidden.total')?.value).toBe(0);
    expect(cells.get('applications.deniedSafetyStability.commercial')?.value).toBe(0);
    expect(cells.get('applications.deniedSafetyStability.total')?.value).toBe(0);
    expect(cells.get('applications.deniedSafetyStability.total')?.support?.placement).toBe('split');
    // Where the number read whole is what holds the row, it stays whole.
    const whole = solve(`${header}\n（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0 2.其他法律行政法规禁止公开 3 0 0 0 0 0 03 3.危及“三安全一稳定” 0 0 0 0 0 0 0`);
    expect(whole.get('applications.deniedLawForbidden.total')?.value).toBe(3);
  });

  it('places a row whose blank cells left no trace only where its rules tell, and marks ambiguous the cells two windows disagree on', () => {
    const spaced = solve(`${header} 一、本年新收政府信息公开申请数量 5 5 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0`);
    // "5 5" in seven cells: the row sum puts the second 5 in 总计; which column holds the first, nothing tells.
    expect(spaced.get('applications.newReceived.naturalPerson')).toMatchObject({ value: null, ambiguous: true });
    expect(spaced.get('applications.newReceived.total')).toMatchObject({ value: 5, ambiguous: false, support: { placement: 'joint' } });
    expect(spaced.get('applications.carriedOver.total')?.value).toBe(0);
    const tabbed = solve(`${header}\n一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n`);
    expect(tabbed.get('applications.newReceived.naturalPerson')?.ambiguous).toBe(true);
    expect(tabbed.get('applications.newReceived.commercial')?.value).toBe(0);
  });

  it('chooses among windows of cells by the row rule (a spacer cell before the values)', () => {
    const cells = solve(`${header}\n三、本年度办理结果\t（一）予以公开\t\t258\t12\t\t\t1\t1\t\n（二）部分公开\t3\t\t\t\t\t\t3\n`);
    expect(cells.get('applications.granted.naturalPerson')?.value).toBe(258);
    expect(cells.get('applications.granted.otherOrg')?.value).toBe(1);
    expect(cells.get('applications.granted.total')?.value).toBeNull();
  });

  it('places the values of a row flattened with single spaces where longer runs of spaces left empty cells', () => {
    const cells = solve(`${header} 一、本年新收政府信息公开申请数量 3 3    3 9 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年度办理结果 （一）予以公开 1 2    1 4 （二）部分公开`);
    expect(cells.get('applications.newReceived.commercial')?.value).toBe(3);
    expect(cells.get('applications.newReceived.research')?.value).toBeNull();
    expect(cells.get('applications.newReceived.otherOrg')?.value).toBe(3);
    expect(cells.get('applications.newReceived.total')?.value).toBe(9);
    expect(cells.get('applications.granted.otherOrg')?.value).toBe(1);
  });

  it('reads a section printed as a block of row labels and then its values column after column, only when the rules hold', () => {
    const skeleton = sectionSkeleton(gov2019, tables).filter((row) => row.fieldIds.length > 0);
    const value = (fieldId: string): number => (/\.(newReceived|granted|resultTotal)\.(naturalPerson|total)$/u.test(fieldId) ? 4 : 0);
    const columns = skeleton[0]!.fieldIds.length;
    const numbers: number[] = [];
    for (let column = 0; column < columns; column++) for (const row of skeleton) numbers.push(value(row.fieldIds[column]!));
    const labels = skeleton.map((row) => row.row.labels[0]!).join('\n');
    const cells = solve(`${header}\n${labels}\n${numbers.join('\n')}\n`);
    expect(cells.get('applications.newReceived.naturalPerson')?.value).toBe(4);
    expect(cells.get('applications.granted.total')?.value).toBe(4);
    expect(cells.get('applications.carriedForward.total')?.value).toBe(0);
    expect(cells.get('applications.granted.total')?.layout).toBe('tokens/column-order');
    // One number short: no cell left blank holds every rule with the blank as 0. The report may have left a cell
    // it did not fill in (a total, say): the one placement that holds every other rule puts the blank where the
    // count fell short, and the rules stage flags the rules it breaks.
    const short = solve(`${header}\n${labels}\n${numbers.slice(1).join('\n')}\n`);
    expect(short.get('applications.newReceived.naturalPerson')).toMatchObject({ value: null, ambiguous: false });
    expect(short.get('applications.granted.total')).toMatchObject({ value: 4, layout: 'tokens/column-order' });
    // Three numbers short (more blanks than are placed): nothing is laid out.
    const shorter = solve(`${header}\n${labels}\n${numbers.filter((number, index) => number === 0 || index > 60).join('\n')}\n`);
    expect(shorter.get('applications.granted.total')?.layout).not.toBe('tokens/column-order');
  });

  it('places values printed one per line after empty lines that stand for blank cells before them', () => {
    const headings = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉';
    const text = `${headings}\n\n\n\n\n\n${Array.from({ length: 10 }, (_, index) => String(index % 5 === 4 ? 4 : 1)).join('\n')}\n五、存在的主要问题及改进情况\n`;
    const region = findGridSections(text)['四']!;
    const cells = solveSection(MappedText.identity(text), gov2019, four, region, units).cells;
    expect(cells.get('reconsideration.upheld')?.value).toBeNull();
    expect(cells.get('reconsideration.total')?.value).toBeNull();
    expect(cells.get('litigationDirect.upheld')?.value).toBe(1);
    expect(cells.get('litigationAfterReconsideration.total')?.value).toBe(4);
  });

  it('reads section 四 past a page number run into its column headers, one of them OCR-damaged', () => {
    // Spaces between Chinese words are gone once normalised: the header words after "结果纠正7" run together.
    const text = '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正7 其他结果尚未审结总计结果维持结果纠正其他结果尚未审洁总计 1 0 0 0 1 0 0 0 0 0 2 0 0 0 2 五、存在的主要问题及改进情况';
    const cells = solveSection(MappedText.identity(text), gov2019, four, findGridSections(text)['四']!, units).cells;
    expect(cells.get('reconsideration.upheld')?.value).toBe(1);
    expect(cells.get('litigationAfterReconsideration.upheld')?.value).toBe(2);
    expect(cells.get('litigationAfterReconsideration.total')?.value).toBe(2);
    // A quarter of the header words OCR-damaged, a character each (seed 4584 v437): still header words.
    const damaged = '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结杲纠正 3 其他结果尚未审结总计未经复议直接起诉复议后起拆结果维持洁果纠正其他结果尚未审洁总计结果维持结果纠正其他结杲尚未审洁总计 0 0 0 0 0 2 3 2 0 7 2 2 3 3 10 五、存在的主要问题及改进情况';
    const read = solveSection(MappedText.identity(damaged), gov2019, four, findGridSections(damaged)['四']!, units).cells;
    expect(read.get('reconsideration.total')?.value).toBe(0);
    expect(read.get('litigationDirect.total')?.value).toBe(7);
    expect(read.get('litigationAfterReconsideration.total')?.value).toBe(10);
  });

  it('holds in doubt the cells of a tab row with no label whose opening and closing empty pieces may each be a blank cell', () => {
    // Blank | blank | blank | 0 | 0 || blank … (independent renderer seed 9011, 307): read with the opening piece as no
    // cell, every group still adds up (blanks count 0), one cell to the left of where it was printed.
    const text = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t\n\t\t\t0\t0\t\t\t\t0\n\t0\t0\t0\t\t0\t0\t\n五、存在的主要问题及改进情况\n';
    const cells = solveSection(MappedText.identity(text), gov2019, four, findGridSections(text)['四']!, units).cells;
    for (const fieldId of ['reconsideration.other', 'reconsideration.total', 'litigationAfterReconsideration.total']) {
      const cell = cells.get(fieldId);
      expect(cell === undefined || cell.ambiguous, fieldId).toBe(true);
    }
  });

  it('holds every cell of section 四 counted off in order when one group breaks its rule (a PDF drew the zeros first)', () => {
    const headings = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉';
    // Printed 0 0 0 0 0 | 6 0 0 0 6 | 2 0 0 0 2, drawn as eleven zeros, then 6 6 2 2: the first two groups still add up.
    const values = [...Array.from({ length: 11 }, () => '0'), '6', '6', '2', '2'];
    const text = `${headings}\n${values.join('\n\n')}\n五、存在的主要问题及改进情况\n`;
    const cells = solveSection(MappedText.identity(text), gov2019, four, findGridSections(text)['四']!, units).cells;
    for (const group of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
      for (const column of ['upheld', 'corrected', 'other', 'pending', 'total']) {
        const cell = cells.get(`${group}.${column}`);
        expect(cell === undefined || cell.ambiguous, `${group}.${column}`).toBe(true);
      }
    }
    // Drawn in pieces among its own column headers, every group adding up in the order drawn: still held.
    const pieces = `${headings}\n3\n\n3\n\n1\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n3 10 0\n\n${['0', '0', '0', '0', '0', '0', '0', '2', '2'].join('\n\n')}\n五、存在的主要问题及改进情况\n`;
    const drawn = solveSection(MappedText.identity(pieces), gov2019, four, findGridSections(pieces)['四']!, units).cells;
    const after = drawn.get('litigationAfterReconsideration.upheld');
    expect(after === undefined || after.ambiguous).toBe(true);
    // Printed in order, every group adds up and is read.
    const inOrder = `${headings}\n${['0', '0', '0', '0', '0', '6', '0', '0', '0', '6', '2', '0', '0', '0', '2'].join('\n\n')}\n五、存在的主要问题及改进情况\n`;
    const read = solveSection(MappedText.identity(inOrder), gov2019, four, findGridSections(inOrder)['四']!, units).cells;
    expect(read.get('litigationDirect.upheld')).toMatchObject({ value: 6, ambiguous: false });
  });

  it('holds section 四 drawn in pieces among its headers even when every piece follows a header and every group adds up', () => {
    const solve = (text: string) => solveSection(MappedText.identity(text), gov2019, four, findGridSections(text)['四']!, units).cells;
    const head = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n';
    const tail = '\n五、存在的主要问题及改进情况\n';
    // A fresh Chromium print: 38 46 120 35 239 drawn "38 120 35 46 239" after the last header, its sum holding.
    const drawn = `${head}结果 结果 其他 尚未 总\n维持 纠正 结果 审结 计\n47\n90\n0\n5\n142\n复议后起诉\n结果 结果\n维持 纠正\n其他\n结果\n`
      + `尚未 总 结果 结果 其他 尚未 总\n审结 计 维持 纠正 结果 审结 计\n${[38, 120, 35, 46, 239, 64, 43, 6, 12, 125].join('\n')}${tail}`;
    const cells = solve(drawn);
    for (const fieldId of ['litigationDirect.corrected', 'litigationDirect.other', 'litigationDirect.pending']) {
      const cell = cells.get(fieldId);
      expect(cell === undefined || cell.ambiguous, fieldId).toBe(true);
    }
  });

  it('places section 四 printing fewer zeros than cells jointly, the signing date after the table being no cell of it', () => {
    // A flattened section 四 whose 行政复议 cells are blank; the report's last lines name years and its date.
    const prose = ' 五、存在的主要问题及改进情况 本年度未收取信息处理费。2020年度政务公开工作要点落实情况已公开。 某区人民政府 2021年1月12日';
    const text = `四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 ${'0 '.repeat(10)}${prose}`;
    const cells = solveSection(MappedText.identity(text), gov2019, four, findGridSections(text)['四']!, units).cells;
    for (const fieldId of ['reconsideration.upheld', 'litigationDirect.total', 'litigationAfterReconsideration.pending']) {
      expect(cells.get(fieldId), fieldId).toMatchObject({ value: 0, raw: '', method: 'inferred', support: { placement: 'joint', zeroOrBlank: true } });
    }
    // Numbers after the table that are not a date still leave the row's end open: values drawn elsewhere may follow.
    const drawnApart = solveSection(MappedText.identity(text.replace(prose, ' 五、存在的主要问题 全年共 3 0 项')), gov2019, four, findGridSections(text)['四']!, units).cells;
    expect(drawnApart.get('reconsideration.upheld')?.support?.zeroOrBlank).not.toBe(true);
  });
});

describe('solveSection on rows whose blank cells left no trace (seeded random sections)', () => {
  const sectionThree = gov2021.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
  const skeleton = sectionSkeleton(gov2021, sectionThree);
  const units2021 = new Map(gov2021.fields.map((field) => [field.id, field.unit]));
  const header2021 = '三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他';

  /** A consistent section 三 (every rule holds), with some zeros printed blank. */
  function randomSection(next: () => number): Map<string, number | null> {
    const int = (max: number) => Math.floor(next() * (max + 1));
    const values = new Map<string, number | null>();
    const columns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
    const outcomes = skeleton.map((row) => row.fieldIds[0]!.split('.')[1]!).filter((row) => !['newReceived', 'carriedOver', 'resultTotal', 'carriedForward'].includes(row));
    for (const column of columns) {
      // Most columns and outcome rows are empty: that is what makes a row print fewer values than cells.
      const busy = next() < 0.4;
      let total = 0;
      for (const row of outcomes) {
        const value = busy && next() < 0.3 ? 1 + int(30) : 0;
        values.set(`applications.${row}.${column}`, value);
        total += value;
      }
      const carriedOver = busy ? int(3) : 0;
      const carriedForward = busy ? int(3) : 0;
      values.set(`applications.resultTotal.${column}`, total);
      values.set(`applications.carriedForward.${column}`, carriedForward);
      values.set(`applications.carriedOver.${column}`, Math.min(carriedOver, total + carriedForward));
      values.set(`applications.newReceived.${column}`, total + carriedForward - Math.min(carriedOver, total + carriedForward));
    }
    for (const row of skeleton) {
      values.set(row.fieldIds[6]!, row.fieldIds.slice(0, 6).reduce((sum, fieldId) => sum + values.get(fieldId)!, 0));
    }
    for (const [fieldId, value] of values) if (value === 0 && next() < 0.6) values.set(fieldId, null);
    return values;
  }

  /**
   * Solves section 三 of the text and checks every cell it reads unambiguously against what was printed: a value
   * placed is the value, a 0 or blank is a zero, a cell read blank was printed blank. Returns how many were read.
   */
  function expectReadAsPrinted(text: string, values: ReadonlyMap<string, number | null>, trial: number, blankMayBeZero = false): { read: number; cells: number } {
    const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
    let read = 0;
    for (const [fieldId, printed] of values) {
      const cell = solved.get(fieldId);
      if (!cell || cell.ambiguous) continue;
      read++;
      expect(cell.value ?? 0, `${trial} ${fieldId}: ${cell.raw} ${cell.notes.join(' | ')}`).toBe(printed ?? 0);
      // A cell read blank claims nothing was printed there.
      // (Except where the text leaves blank lines that read as cells: a 0 may land on a gap's blank.)
      if (cell.value === null && !blankMayBeZero) expect(printed, `${trial} ${fieldId} read blank`).toBeNull();
    }
    return { read, cells: values.size };
  }

  /** A row's printed values in column order: its blanks print nothing. */
  function printedCells(row: (typeof skeleton)[number], values: ReadonlyMap<string, number | null>): string[] {
    return row.fieldIds.flatMap((fieldId) => (values.get(fieldId) === null ? [] : [String(values.get(fieldId))]));
  }

  /**
   * Prints `trials` random sections with `print` (which may settle some of their blanks first), checks every cell
   * read against what was printed (expectReadAsPrinted), and returns the share of cells read.
   */
  function shareReadAsPrinted(
    seed: number,
    trials: number,
    /** The section's text for these values; undefined skips the trial (values the case does not apply to). */
    print: (values: Map<string, number | null>, next: () => number, trial: number) => string | undefined,
    blankMayBeZero = false,
  ): number {
    const next = createRandom(seed);
    let read = 0;
    let cells = 0;
    for (let trial = 0; trial < trials; trial++) {
      const values = randomSection(next);
      const text = print(values, next, trial);
      if (text === undefined) continue;
      const tally = expectReadAsPrinted(text, values, trial, blankMayBeZero);
      read += tally.read;
      cells += tally.cells;
    }
    return read / cells;
  }

  it('never reads a cell other than printed: a value placed is the value, a 0 or blank is a zero', () => {
    const share = shareReadAsPrinted(20261203, 60, (values) => {
      const body = skeleton.map((row) => `${row.row.labels[0]} ${printedCells(row, values).join(' ')}`).join(' ');
      return `${header2021} ${body} 四、政府信息公开行政复议、行政诉讼情况`;
    });
    // Most cells of such sections are placed (the rules leave few doubts where most rows print zeros).
    expect(share, String(share)).toBeGreaterThan(0.7);
  });

  it('reads a column-order block (a PDF\'s labels, then each column top to bottom) that left one or two blank cells out', () => {
    const share = shareReadAsPrinted(7, 12, (values, _next, trial) => {
      // Keep one or two blanks: more are not placed.
      const blanks = [...values].filter(([, value]) => value === null).map(([fieldId]) => fieldId);
      const keep = new Set(blanks.slice(0, 1 + (trial % 2)));
      for (const fieldId of blanks) if (!keep.has(fieldId)) values.set(fieldId, 0);
      const labels = skeleton.map((row) => row.row.labels[0]).join('\n');
      const columnValues = [0, 1, 2, 3, 4, 5, 6].flatMap((column) => skeleton.flatMap((row) => {
        const value = values.get(row.fieldIds[column]!);
        return value === null ? [] : [String(value)];
      }));
      return `${header2021}\n${labels}\n${columnValues.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况`;
    });
    expect(share, String(share)).toBeGreaterThan(0.9);
  });

  it('reads a column-order block that left out a total the report did not fill in, its own rules aside', () => {
    // wild-45 printed in column order: 总计 of the natural persons' outcomes blank above its printed parts, 174
    // numbers for 175 cells. No placement holds every rule with the blank as 0; the rules it takes part in aside,
    // one does.
    const share = shareReadAsPrinted(4545, 12, (values, _next, trial) => {
      for (const [fieldId, value] of values) if (value === null) values.set(fieldId, 0);
      const totals = skeleton.flatMap((row) => row.fieldIds).filter((fieldId) => values.get(fieldId)! > 0 && /resultTotal|\.total$/u.test(fieldId));
      if (totals.length === 0) return undefined;
      values.set(totals[trial % totals.length]!, null);
      const labels = skeleton.map((row) => row.row.labels[0]).join('\n');
      const columnValues = [0, 1, 2, 3, 4, 5, 6].flatMap((column) => skeleton.flatMap((row) => {
        const value = values.get(row.fieldIds[column]!);
        return value === null ? [] : [String(value)];
      }));
      return `${header2021}\n${labels}\n${columnValues.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况`;
    });
    // Some trial read at all (no cells counted gives NaN).
    expect(Number.isNaN(share)).toBe(false);
    expect(share, String(share)).toBeGreaterThan(0.9);
  });

  it('reads a column-order block whose pages repeat the table header among the labels and among the values', () => {
    // The header as a PDF prints it on each page: the note and the column labels, one per line.
    const pageHeader = '（本列数据的勾稽关\n系为：第一项加第二\n项之和，等于第三项\n加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他';
    const share = shareReadAsPrinted(1203, 12, (values, next) => {
      for (const [fieldId, value] of values) if (value === null) values.set(fieldId, 0);
      const lines = [...skeleton.map((row) => row.row.labels[0]!), ...[0, 1, 2, 3, 4, 5, 6].flatMap((column) => skeleton.map((row) => String(values.get(row.fieldIds[column]!))))];
      // A page every 30 to 60 lines, which repeats the header.
      const paged: string[] = [];
      let untilBreak = 30 + Math.floor(next() * 30);
      for (const line of lines) {
        paged.push(line);
        if (--untilBreak === 0) {
          paged.push('', pageHeader);
          untilBreak = 30 + Math.floor(next() * 30);
        }
      }
      return `三、收到和处理政府信息公开申请情况\n${pageHeader}\n${paged.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况`;
    });
    expect(share, String(share)).toBe(1);
  });

  it('places jointly rows printed one cell per line without their blanks, when a page break\'s blank lines read as a cell', () => {
    const share = shareReadAsPrinted(31337, 30, (values, next) => {
      // Blanks print nothing (a PDF's text); after some rows a page break: blank lines and the header again.
      const body = skeleton.map((row) => {
        const pageBreak = next() < 0.2 ? ['', '', header2021.split(' ').slice(1).join('\n')] : [];
        return [row.row.labels[0]!, ...printedCells(row, values), ...pageBreak].join('\n');
      }).join('\n');
      return `${header2021.split(' ').join('\n')}\n${body}\n四、政府信息公开行政复议、行政诉讼情况`;
    }, true);
    expect(share, String(share)).toBeGreaterThan(0.7);
  });

  it('reads a row printed one cell per line whose blanks, empty lines between its values, make up its cells before a page break', () => {
    // A text exported cell by cell: a blank cell an empty line; after some rows a page break (a form feed, its footer).
    // The break's empty lines are no cells, but those between the row's values are: a row whose values and those
    // lines make up every cell is read as printed, not laid in jointly.
    const next = createRandom(20261205);
    let broken = 0;
    let readAsPrinted = 0;
    for (let trial = 0; trial < 30; trial++) {
      const values = randomSection(next);
      const breaks = new Set<string>();
      const body = skeleton.map((row) => {
        const cells = row.fieldIds.map((fieldId) => (values.get(fieldId) === null ? '' : String(values.get(fieldId))));
        const whole = cells[0] !== '' && cells[cells.length - 1] !== '';
        const pageBreak = whole && next() < 0.3;
        if (pageBreak) breaks.add(row.row.key);
        // (As normalised: the page's number gone, an empty line, the form feed, the table's header again.)
        return [row.row.labels[0]!, ...cells, ...(pageBreak ? ['', '\f', ...header2021.split(' ').slice(1)] : [])].join('\n');
      }).join('\n');
      const text = `${header2021.split(' ').join('\n')}\n${body}\n四、政府信息公开行政复议、行政诉讼情况`;
      expectReadAsPrinted(text, values, trial);
      const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
      for (const row of skeleton) {
        if (!breaks.has(row.row.key)) continue;
        broken++;
        if (row.fieldIds.every((fieldId) => solved.get(fieldId)?.support?.placement === 'count' && solved.get(fieldId)?.ambiguous === false)) readAsPrinted++;
      }
    }
    expect(broken).toBeGreaterThan(20);
    expect(readAsPrinted / broken, `${readAsPrinted} of ${broken}`).toBeGreaterThan(0.9);
  });

  it('reads a section printed one cell a line, every blank an empty line, as printed: rows of blanks alone included', () => {
    // A crawler's or a copy's text of an HTML table: each cell on a line of its own, a blank cell an empty line, now
    // and then an empty line after each row. A row printing only blanks is seven empty lines: its cells are blank,
    // as certain as any row's, not a row that printed nothing (whose blanks would wait for a printed total).
    const next = createRandom(20261207);
    let blankRowCells = 0;
    for (let trial = 0; trial < 30; trial++) {
      const values = randomSection(next);
      const rowGap = next() < 0.5;
      const body = skeleton.map((row) => [
        row.row.labels[0]!,
        ...row.fieldIds.map((fieldId) => (values.get(fieldId) === null ? '' : String(values.get(fieldId)))),
        ...(rowGap ? [''] : []),
      ].join('\n')).join('\n');
      const text = `${header2021.split(' ').join('\n')}\n${body}\n四、政府信息公开行政复议、行政诉讼情况`;
      const { read, cells } = expectReadAsPrinted(text, values, trial);
      expect(read, `trial ${trial}`).toBe(cells);
      const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
      for (const row of skeleton) {
        if (!row.fieldIds.every((fieldId) => values.get(fieldId) === null)) continue;
        for (const fieldId of row.fieldIds) {
          blankRowCells++;
          expect(solved.get(fieldId)?.support?.lineCells, `${trial} ${fieldId}`).toBe(true);
        }
      }
    }
    expect(blankRowCells).toBeGreaterThan(50);
  });

  it('never reads a row holding a page number on a line of its own as one cell a line', () => {
    // As above, with a bare page number after one line in 20 (a PDF viewer's copy): a row it falls in has a line too
    // many, so no row holding one is read as its lines alone say (support.lineCells, which spares its values the doubt
    // of a chance page number). Such a row may still be read otherwise, and its rules then judge it.
    const next = createRandom(20261208);
    let lineCells = 0;
    for (let trial = 0; trial < 40; trial++) {
      const values = randomSection(next);
      let page = 2;
      const lines = skeleton.flatMap((row) => [row.row.labels[0]!, ...row.fieldIds.map((fieldId) => (values.get(fieldId) === null ? '' : String(values.get(fieldId))))]);
      const body = lines.flatMap((line) => (next() < 0.05 ? [line, String(page++)] : [line])).join('\n');
      const text = `${header2021.split(' ').join('\n')}\n${body}\n四、政府信息公开行政复议、行政诉讼情况`;
      const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
      for (const [fieldId, printed] of values) {
        const cell = solved.get(fieldId);
        if (cell?.support?.lineCells !== true) continue;
        lineCells++;
        expect(cell.value ?? 0, `${trial} ${fieldId}`).toBe(printed ?? 0);
      }
    }
    expect(lineCells).toBeGreaterThan(1000);
  });

  it('reads rows printing nothing as empty rows when their labels run together, with page numbers flattened between them', () => {
    const next = createRandom(20261204);
    let emptyCells = 0;
    let markedEmpty = 0;
    for (let trial = 0; trial < 40; trial++) {
      const values = randomSection(next);
      // A row of zeros and blanks prints nothing at all; the other rows print every cell (their blanks as 0).
      const empty = new Set(skeleton.filter((row) => row.fieldIds.every((fieldId) => !values.get(fieldId))).map((row) => row.row.key));
      // A section that prints (almost) nothing shows no row order to tell its empty rows by.
      if (skeleton.length - empty.size < 3) continue;
      for (const row of skeleton) for (const fieldId of row.fieldIds) values.set(fieldId, empty.has(row.row.key) ? null : values.get(fieldId) ?? 0);
      const body = skeleton.map((row, index) => {
        if (!empty.has(row.row.key)) return ` ${row.row.labels[0]} ${row.fieldIds.map((fieldId) => values.get(fieldId)).join(' ')} `;
        // After an empty row, now and then a page number: alone between spaces, between dashes, or run into the
        // next row's ordinal ("…三安全一稳定”34.保护…").
        const page = String(2 + Math.floor(next() * 8));
        const nextLabel = skeleton[index + 1]?.row.labels[0] ?? '';
        const debris = next() < 0.7 ? '' : [` ${page} `, ` - ${page} -`, /^\d\./u.test(nextLabel) ? page : ` ${page} `][Math.floor(next() * 3)]!;
        return `${row.row.labels[0]}${debris}`;
      }).join('');
      const text = `${header2021} ${body} 四、政府信息公开行政复议、行政诉讼情况`;
      expectReadAsPrinted(text, values, trial);
      const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
      for (const row of skeleton) {
        if (!empty.has(row.row.key)) continue;
        for (const fieldId of row.fieldIds) {
          emptyCells++;
          if (solved.get(fieldId)?.support?.emptyRow === true) markedEmpty++;
        }
      }
    }
    // Every row printing nothing is told apart as such (its blanks then wait for a printed total to prove them 0).
    expect(emptyCells).toBeGreaterThan(1000);
    expect(markedEmpty / emptyCells, `${markedEmpty} of ${emptyCells}`).toBeGreaterThan(0.95);
  });

  it('takes back the last cells a PDF drew apart, among header words, for the first rows of the row groups', () => {
    // pdftotext's reading order of a Chromium print whose row groups hang off row-spanning labels: the first row of
    // each group prints one value fewer, and those rows' 总计 cells come later together ("其 他 50 0 31 1 0 总 计").
    const firstOfGroup = new Set(['granted', 'deniedStateSecret', 'unableNotHeld', 'notProcessedComplaint', 'otherOverdueAmendment']);
    const print = (values: ReadonlyMap<string, number | null>, displacedValue: (value: number) => number) => {
      const lines: string[] = [];
      const apart: number[] = [];
      for (const row of skeleton) {
        const printed = row.fieldIds.map((fieldId) => String(values.get(fieldId) ?? 0));
        if (firstOfGroup.has(row.row.key)) apart.push(displacedValue(Number(printed.pop())));
        lines.push(row.row.labels[0]!, ...printed);
        if (row.row.key === 'otherOverdueAmendment') lines.push('其', '他', ...apart.map(String), '总', '计');
      }
      return `${header2021.split(' ').join('\n')}\n${lines.join('\n\n')}\n四、政府信息公开行政复议、行政诉讼情况`;
    };
    const next = createRandom(1204);
    let placedRows = 0;
    for (let trial = 0; trial < 20; trial++) {
      const values = randomSection(next);
      const text = print(values, (value) => value);
      const solved = solveSection(MappedText.identity(text), gov2021, sectionThree, findGridSections(text)['三']!, units2021).cells;
      expectReadAsPrinted(text, new Map([...values].map(([fieldId, value]) => [fieldId, value ?? 0])), trial);
      for (const key of firstOfGroup) {
        const total = solved.get(`applications.${key}.total`);
        if (total?.support?.displaced === true && !total.ambiguous) placedRows++;
      }
      // A last cell that does not hold its row's sum takes no row back.
      const broken = print(values, (value) => value + 1);
      const unsure = solveSection(MappedText.identity(broken), gov2021, sectionThree, findGridSections(broken)['三']!, units2021).cells;
      for (const key of firstOfGroup) expect(unsure.get(`applications.${key}.total`)?.support?.displaced, key).toBeUndefined();
    }
    expect(placedRows).toBe(20 * firstOfGroup.size);
  });

  it('splits a short row printed as one glued digit run against its row sum, and never reads a cell other than printed', () => {
    const share = shareReadAsPrinted(4242, 40, (values) => {
      const body = skeleton.map((row) => `${row.row.labels[0]}${printedCells(row, values).join('')}`).join('');
      return `${header2021}${body}四、政府信息公开行政复议、行政诉讼情况`;
    });
    expect(share, String(share)).toBeGreaterThan(0.45);
  });

  it('anchors rows written as sentences whose every cell is named blank, a row label run into its first name', () => {
    // "1.属于国家秘密自然人—、…、总计—。": the text ends in 总计, which is also a row's label; the words before the names are the row's.
    const names = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const sentence = (label: string, cells: readonly (number | null)[]) => `${label}${cells.map((cell, index) => `${names[index]}${cell === null ? '—' : `${cell}件`}`).join('、')}。`;
    const blank = [null, null, null, null, null, null, null];
    const text = ['三、收到和处理政府信息公开申请情况',
      sentence('一、本年新收政府信息公开申请数量', [5, 1, 0, 0, 0, 0, 6]), sentence('二、上年结转政府信息公开申请数量', [0, 0, 0, 0, 0, 0, 0]),
      sentence('三、本年度办理结果（一）予以公开', [4, 1, 0, 0, 0, 0, 5]), sentence('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [1, 0, 0, 0, 0, 0, 1]),
      `（三）不予公开${sentence('1.属于国家秘密', blank)}`, sentence('2.其他法律行政法规禁止公开', blank), sentence('3.危及“三安全一稳定”', blank),
      '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
    const cells = solve(text);
    expect(cells.get('applications.partiallyGranted.naturalPerson')).toMatchObject({ value: 1 });
    for (const row of ['deniedStateSecret', 'deniedLawForbidden']) {
      expect(cells.get(`applications.${row}.total`), row).toMatchObject({ value: null, raw: '' });
    }
  });

  it('never places section 四 in the form order when its groups are named in another and cannot be placed by their names', () => {
    const appealTables = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '四');
    const solveAppeals = (body: string) => {
      const text = `四、政府信息公开行政复议、行政诉讼情况\n${body}\n五、存在的主要问题及改进情况\n本年度工作中存在的主要问题是公开的及时性有待提高。`;
      return solveSection(MappedText.identity(text), gov2019, appealTables, findGridSections(text)['四']!, units).cells;
    };
    const group = (name: string, values: string) => `${name}\n${values}\n。`;
    // The two litigation groups swapped; an OCR'd letter for a 0 in the last: read by the names.
    const swapped = solveAppeals([group('行政复议', '结果维持0、结果纠正0、其他结果0、尚未审结0、总计0'), group('行政诉讼（复议后起诉）', '结果维持3、结果纠正3、其他结果1、尚未审结2、总计9'),
      group('行政诉讼（未经复议直接起诉）', '结果维持0、结果纠正0、其他结果O、尚未审结0、总计0')].join('\n'));
    expect(swapped.get('litigationAfterReconsideration.total')).toMatchObject({ value: 9 });
    expect(swapped.get('litigationDirect.total')).toMatchObject({ value: 0 });
    // A value no name reads ("其他结果/O" is neither a blank mark nor a number): nothing placed, never the form's order.
    const unread = solveAppeals([group('行政复议', '结果维持0、结果纠正0、其他结果0、尚未审结0、总计0'), group('行政诉讼（复议后起诉）', '结果维持3、结果纠正3、其他结果1、尚未审结2、总计9'),
      group('行政诉讼（未经复议直接起诉）', '结果维持0、结果纠正0、其他结果?、尚未审结0、总计0')].join('\n'));
    expect(unread.get('litigationDirect.total')?.value ?? null).not.toBe(9);
  });

  it('tells rows printing nothing apart where the rows that print run their digits on from their labels (a table\'s text content)', () => {
    // A scraper's text of an HTML table: each row's cells glued to its label, a blank row's &nbsp; cells as spaces.
    const blank = '\u00a0'.repeat(7);
    const text = ['三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况', '自然人法人或其他组织总计',
      '一、本年新收政府信息公开申请数量0500005', '二、上年结转政府信息公开申请数量0000000', '三、本年度办理结果（一）予以公开0100001',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）0100001', `（三）不予公开1.属于国家秘密${blank}`, `2.其他法律行政法规禁止公开${blank}`,
      '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
    const cells = solve(text);
    for (const fieldId of ['applications.deniedStateSecret.total', 'applications.deniedStateSecret.naturalPerson']) {
      expect(cells.get(fieldId), fieldId).toMatchObject({ value: null, ambiguous: true, support: { emptyRow: true } });
    }
    // Numbers merely between labels, a line apart, say nothing of the order (a PDF's column order prints them so).
    const apart = solve(text.replace(/(数量|公开|情形）)(\d{7})/gu, '$1\n$2'));
    expect(apart.get('applications.deniedStateSecret.total')?.support?.emptyRow).toBeUndefined();
  });
});
